import type { Page } from '@playwright/test';

/** The window as a whole: waits for the readiness signal the app sets, never for a fixed time. */
export class AppPage {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.waitReady();
  }

  async waitReady(): Promise<void> {
    await this.page.locator('#root[data-app-state="ready"]').waitFor();
  }
}
