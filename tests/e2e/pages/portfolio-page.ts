import type { Locator, Page } from '@playwright/test';

export class PortfolioPage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly rows: Locator;
  readonly search: Locator;
  readonly summary: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Portfolio', exact: true });
    this.table = page.getByRole('table', { name: 'Accounts' });
    this.rows = this.table.locator('tbody tr');
    this.search = page.getByRole('searchbox', { name: 'Find an account' });
    this.summary = page.locator('.view-header .summary');
  }

  row(name: string): Locator {
    return this.table.getByRole('row', { name: new RegExp(name) });
  }
}
