import type { Locator, Page } from '@playwright/test';

/** The Import view: the wizard's steps and the history. */
export class ImportPage {
  readonly heading: Locator;
  readonly chooseFiles: Locator;
  readonly files: Locator;
  readonly continueToMapping: Locator;
  readonly previewButton: Locator;
  readonly skipInvalid: Locator;
  readonly importButton: Locator;
  readonly cancel: Locator;
  readonly progress: Locator;
  readonly summary: Locator;
  readonly history: Locator;
  readonly stepTitle: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Import', exact: true, level: 1 });
    this.chooseFiles = page.getByLabel('Choose files…');
    this.files = page.getByRole('list', { name: 'Files to import' });
    this.continueToMapping = page.getByRole('button', { name: 'Continue to mapping' });
    this.previewButton = page.getByRole('button', { name: 'Preview the import' });
    this.skipInvalid = page.getByRole('radio', { name: 'Skip invalid rows and import the rest' });
    this.importButton = page.getByRole('button', { name: /^Import (the file|\d+ files)$/ });
    this.cancel = page.getByRole('button', { name: 'Cancel', exact: true });
    this.progress = page.locator('.job-progress');
    this.summary = page.getByRole('table', { name: 'What was imported' });
    this.history = page.getByRole('table', { name: 'Import history' });
    this.stepTitle = page.locator('#step-title');
  }

  async addFile(name: string, content: string | Buffer): Promise<void> {
    await this.chooseFiles.setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8') });
  }

  fileCard(name: string): Locator {
    return this.files.getByRole('listitem').filter({ has: this.page.getByRole('heading', { name }) });
  }

  columnField(header: string): Locator {
    return this.page.getByRole('combobox', { name: `Field for column ${header}` });
  }

  rejectedRows(file: string): Locator {
    return this.page.getByRole('table', { name: `Rejected rows of ${file}` }).locator('tbody tr:not(.spacer)');
  }

  historyRow(file: string): Locator {
    return this.history.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: file }) });
  }
}
