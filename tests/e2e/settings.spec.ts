import { demoTest as test, expect } from './support/fixtures';
import { expectAccessible } from './support/axe';
import { AppPage } from './pages/app-page';
import { PortfolioPage } from './pages/portfolio-page';
import { SettingsPage } from './pages/settings-page';

test('change a weight: preview its effect, save, and the portfolio shows the new scores', async ({ page, demo }) => {
  await new AppPage(page).open(demo.url);
  const settings = new SettingsPage(page);
  await settings.open();
  await expectAccessible(page);

  await settings.profile.selectOption('Healthcare');
  await settings.weight('Footprint share').fill('80');
  await expect(settings.preview).toContainText(/change band|No account changes band/);
  await expect(settings.preview).toContainText('Biggest movers');
  const top = settings.movers.locator('tbody tr').first();
  const name = (await top.getByRole('rowheader').innerText()).trim();
  const after = (await top.locator('td').nth(1).innerText()).trim().split(/\s/)[0]!;
  await page.screenshot({ path: 'test-results/settings-weights-light.png' });
  await expectAccessible(page);

  await settings.saveWeights.click();
  await expect(settings.status).toContainText(/Saved: \d+ accounts rescored/);
  await expect(settings.profile.locator('option:checked')).toHaveText(/Healthcare .* own weights/);
  await expect(settings.preview).toContainText('Change a weight');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Portfolio' }).click();
  const portfolio = new PortfolioPage(page);
  await portfolio.search.fill(name);
  await expect(portfolio.row(name)).toContainText(after);
});

test('edit a checklist item and an alert threshold', async ({ page, demo }) => {
  await new AppPage(page).open(demo.url);
  const settings = new SettingsPage(page);
  await settings.open();

  await settings.section('Checklist template');
  const item = settings.itemText('We know what downtime costs their business');
  await item.fill('We know what an hour of downtime costs them');
  await settings.panel.getByLabel('What changed').fill('Downtime reworded');
  await settings.panel.getByRole('button', { name: 'Save as a new version' }).click();
  await expect(settings.status).toHaveText('Saved as version 2.');
  await expect(settings.panel.getByRole('table', { name: 'Versions' })).toContainText('Downtime reworded');
  await expect(settings.itemText('We know what an hour of downtime costs them')).toBeVisible();
  await expectAccessible(page);

  await settings.section('Alert thresholds');
  const silent = settings.threshold('No survey response and no contact for');
  await silent.fill('0');
  await expect(settings.panel.getByText('Must be from 7 to 3,650.')).toBeVisible();
  await expect(settings.panel.getByRole('button', { name: /^Save/ })).toBeDisabled();
  await silent.fill('90');
  await settings.panel.getByRole('button', { name: 'Save 1 change' }).click();
  await expect(settings.status).toContainText(/Saved: the alerts of \d+ accounts were evaluated again/);
  await expect(silent).toHaveValue('90');
  await page.screenshot({ path: 'test-results/settings-thresholds-light.png' });
  await expectAccessible(page);
});

test('back up now, change something, and restore the backup', async ({ page, demo }) => {
  await new AppPage(page).open(demo.url);
  const settings = new SettingsPage(page);
  await settings.open();

  await settings.section('Data and backups');
  await expect(settings.panel).toContainText(demo.dbPath);
  await settings.panel.getByRole('button', { name: 'Back up now' }).click();
  await expect(settings.status).toContainText('Backed up');
  await expect(settings.backups.locator('tbody tr')).toHaveCount(1);
  await expect(settings.backups).toContainText('Backed up on request');

  await settings.section('Company');
  await settings.panel.getByLabel('Company name').fill('Northwind Service');
  await settings.panel.getByRole('button', { name: 'Save' }).click();
  await expect(settings.status).toHaveText('Saved.');

  await settings.section('Data and backups');
  await settings.backups.getByRole('button', { name: /^Restore the backup of/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Restore this backup?' });
  await expect(dialog).toContainText('A backup of the current data is made first');
  await page.screenshot({ path: 'test-results/settings-restore-light.png' });
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Restore' }).click();
  await expect(dialog).toBeHidden();
  await expect(settings.status).toContainText(/Restored the backup of .*: \d+ accounts/);
  await expect(settings.backups).toContainText('Before a restore');

  await settings.section('Company');
  await expect(settings.panel.getByLabel('Company name')).not.toHaveValue('Northwind Service');
});

test.describe('in the dark theme', () => {
  test.use({ colorScheme: 'dark' });

  test('the settings sections read well and pass the accessibility scan', async ({ page, demo }) => {
    await new AppPage(page).open(demo.url);
    const settings = new SettingsPage(page);
    await settings.open();
    await settings.weight('Service experience').fill('40');
    await expect(settings.preview).toContainText('Biggest movers');
    await page.screenshot({ path: 'test-results/settings-weights-dark.png' });
    await expectAccessible(page);
    for (const section of ['Alert thresholds', 'Checklist template', 'Company', 'Data and backups'] as const) {
      await settings.section(section);
      await page.screenshot({ path: `test-results/settings-${section.split(' ')[0]!.toLowerCase()}-dark.png` });
      await expectAccessible(page);
    }
  });
});
