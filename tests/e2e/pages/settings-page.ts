import type { Locator, Page } from '@playwright/test';

export type SettingsSection = 'Scoring weights' | 'Alert thresholds' | 'Checklist template' | 'Company' | 'Data and backups';

/** The Settings view: its sections are tabs; each section's controls are found by their labels. */
export class SettingsPage {
  readonly heading: Locator;
  readonly panel: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Settings', level: 1 });
    this.panel = page.getByRole('tabpanel');
    this.status = this.panel.getByRole('status').last();
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await this.heading.waitFor();
    await this.page.locator('#root[data-app-state="ready"]').waitFor();
  }

  async section(name: SettingsSection): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }

  // Scoring weights
  get profile(): Locator {
    return this.panel.getByLabel('Weights for');
  }
  weight(component: string): Locator {
    return this.panel.getByRole('spinbutton', { name: component });
  }
  get preview(): Locator {
    return this.panel.getByRole('region', { name: 'Effect of this change' });
  }
  get movers(): Locator {
    return this.preview.getByRole('table', { name: 'Biggest movers' });
  }
  get saveWeights(): Locator {
    return this.panel.getByRole('button', { name: 'Save and rescore' });
  }

  // Alert thresholds
  threshold(label: string): Locator {
    return this.panel.getByRole('textbox', { name: label });
  }

  // Checklist template
  itemText(text: string): Locator {
    return this.panel.getByRole('textbox', { name: `Text of “${text}”` });
  }

  // Data and backups
  get backups(): Locator {
    return this.panel.getByRole('table', { name: /Backups, newest first/ });
  }
}
