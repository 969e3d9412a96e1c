import type { Locator, Page } from '@playwright/test';

export class FirstRunPage {
  readonly heading: Locator;
  readonly exploreDemo: Locator;
  readonly dataLocation: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Welcome to Account Health Console' });
    this.exploreDemo = page.getByRole('button', { name: 'Explore the demo portfolio' });
    this.dataLocation = page.getByText('Your data lives in');
  }
}
