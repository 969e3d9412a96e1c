import { expect, type Locator, type Page } from '@playwright/test';
import { AppPage } from './app-page';

export type Severity = 'critical' | 'high' | 'medium' | 'low';

/** The alerts inbox: filters, the severity counts, the list, the toolbar, the detail and its history. */
export class AlertsPage {
  readonly app: AppPage;
  readonly heading: Locator;
  readonly answer: Locator;
  readonly grid: Locator;
  readonly rows: Locator;
  readonly detail: Locator;
  readonly history: Locator;
  readonly toolbar: Locator;
  readonly message: Locator;
  readonly dialog: Locator;
  readonly navLink: Locator;

  constructor(readonly page: Page) {
    this.app = new AppPage(page);
    this.heading = page.getByRole('heading', { name: 'Alerts', level: 1 });
    this.answer = page.locator('.alerts-header .answer');
    this.grid = page.getByRole('grid', { name: 'Alerts' });
    this.rows = this.grid.locator('tbody tr[data-alert-id]');
    this.detail = page.locator('aside.alert-detail');
    this.history = this.detail.getByRole('list', { name: /What happened to this alert/ });
    this.toolbar = page.getByRole('group', { name: 'Act on the alerts' });
    this.message = page.locator('.alerts-message');
    this.dialog = page.locator('dialog[open]');
    this.navLink = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Alerts/ });
  }

  /** Opens the inbox from the app's address (the browser-mode URL with its token). */
  async open(url: string): Promise<void> {
    await this.page.goto(url.replace(/#.*$/, '') + '#/alerts');
    await this.ready();
  }

  async ready(): Promise<void> {
    await this.app.waitReady();
    await expect(this.heading).toBeVisible();
  }

  /** How many alerts the (virtualized) list holds, from its aria-rowcount, header row excluded. */
  async total(): Promise<number> {
    return Number(await this.grid.getAttribute('aria-rowcount')) - 1;
  }

  severityButton(severity: Severity): Locator {
    return this.page.getByRole('group', { name: /Alerts per severity/ }).locator(`[data-severity="${severity}"]`);
  }

  async severityCount(severity: Severity): Promise<number> {
    return Number((await this.severityButton(severity).locator('.severity-number').innerText()).replace(/\D/g, ''));
  }

  async filterRule(label: string): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Rule' }).selectOption({ label });
    await this.app.waitReady();
  }

  async filterStatus(label: string): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Status' }).selectOption({ label });
    await this.app.waitReady();
  }

  async toggleSeverity(severity: Severity): Promise<void> {
    await this.severityButton(severity).click();
    await this.app.waitReady();
  }

  row(id: string): Locator {
    return this.grid.locator(`tbody tr[data-alert-id="${id}"]`);
  }

  async rowIds(): Promise<string[]> {
    return this.rows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-alert-id')!));
  }

  /** Highlights a row with the mouse (its title cell, away from the checkbox). */
  async highlight(id: string): Promise<void> {
    await this.row(id).locator('.alert-cell').click();
    await expect(this.detail).toHaveAttribute('data-alert-detail', id);
  }

  action(name: 'Acknowledge' | 'Snooze' | 'Assign' | 'Resolve' | 'Dismiss' | 'Reopen'): Locator {
    return this.toolbar.getByRole('button', { name: new RegExp(`^${name}`) });
  }

  async submitDialog(label: string): Promise<void> {
    await this.dialog.getByRole('button', { name: label, exact: true }).click();
    await expect(this.dialog).toHaveCount(0);
  }

  /** The history lines of the alert in the detail, as their action keys (raised, acknowledged, …). */
  async historyActions(): Promise<string[]> {
    return this.history.locator('li').evaluateAll((items) => items.map((i) => i.getAttribute('data-history-action')!));
  }
}
