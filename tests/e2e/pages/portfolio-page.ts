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
    this.rows = this.table.locator('[role=row][data-account-id]');
    this.search = page.getByRole('searchbox', { name: 'Find by name' });
    this.summary = page.locator('.view-header .summary');
  }

  /** How many accounts the (virtualized) table holds, from its aria-rowcount, header row excluded. */
  async accountCount(): Promise<number> {
    return Number(await this.table.getAttribute('aria-rowcount')) - 1;
  }

  row(name: string): Locator {
    return this.table.getByRole('row', { name: new RegExp(name) });
  }
}
