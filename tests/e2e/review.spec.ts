import { readFileSync } from 'node:fs';
import { demoTest as test, expect } from './support/fixtures';
import { expectAccessible } from './support/axe';
import { AppPage } from './pages/app-page';
import { PortfolioPage } from './pages/portfolio-page';

// The busiest demo account: four open recommendations, nine alerts, three comments — still two pages.
const BUSY = 'Summit Learning Trust';

test('an account manager opens the review brief, reads it, and saves it as a one- or two-page PDF', async ({ page, demo }) => {
  await new AppPage(page).open(demo.url);
  const portfolio = new PortfolioPage(page);
  await portfolio.search.fill(BUSY);
  await portfolio.row(BUSY).getByRole('link', { name: BUSY }).click();
  await expect(page.getByRole('heading', { level: 1, name: BUSY })).toBeVisible();
  await page.getByRole('link', { name: 'Review brief' }).click();
  await new AppPage(page).waitReady();

  const brief = page.getByRole('article', { name: `Account review brief: ${BUSY}` });
  await expect(brief).toBeVisible();
  await expect(brief.getByRole('heading', { level: 1, name: BUSY })).toBeVisible();
  await expect(brief.locator('.conclusion')).toContainText(/^Loyalty \d+\.\d, (Loyal|Satisfied|At risk|Critical)/);
  await expect(brief.getByRole('img', { name: /^Loyalty and satisfaction from / })).toBeVisible();
  for (const section of ['Talking points', 'Open recommendations to raise', 'Open alerts', 'Recent comments', 'What moved the score', 'Service', 'Installed base', 'Checklist gaps']) {
    await expect(brief.getByRole('heading', { level: 2, name: new RegExp(`^${section}`) })).toBeVisible();
  }
  // The cup-of-coffee list has a row per open recommendation; the installed base names its sites.
  await expect(brief.locator('.sec-coffee tbody tr')).not.toHaveCount(0);
  await expect(brief.locator('.sec-installed-base tr.site')).not.toHaveCount(0);
  await expect(brief.locator('.sec-kpis tbody tr')).toHaveCount(11);

  await expectAccessible(page);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save as PDF' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^review-C\d{4}-\d{4}-\d{2}-\d{2}\.pdf$/);
  const pdf = readFileSync(await file.path());
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) ?? [];
  expect(pages.length).toBeGreaterThanOrEqual(1);
  expect(pages.length).toBeLessThanOrEqual(2);
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toContainText(file.suggestedFilename());
});

test('the printed page shows the brief alone, without the app around it', async ({ page, demo }) => {
  await new AppPage(page).open(demo.url);
  await page.goto(`${demo.url.replace(/\?.*$/, '')}#/accounts/C0030/review`);
  await new AppPage(page).waitReady();
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.topbar')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
  await expect(page.getByRole('article', { name: /^Account review brief: / })).toBeVisible();
});

test('an unknown account says so instead of a brief', async ({ page, demo }) => {
  await new AppPage(page).open(demo.url);
  await page.goto(`${demo.url.replace(/\?.*$/, '')}#/accounts/NOPE/review`);
  await expect(page.getByRole('alert')).toContainText('This review brief cannot be shown');
  await expect(page.getByRole('alert')).toContainText('There is no account "NOPE"');
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the review brief at 1366×768 in ${colorScheme}`, async ({ page, demo }) => {
    await page.emulateMedia({ colorScheme });
    await new AppPage(page).open(demo.url);
    await page.goto(`${demo.url.replace(/\?.*$/, '')}#/accounts/C0030/review`);
    await new AppPage(page).waitReady();
    await expect(page.getByRole('article', { name: /^Account review brief: / })).toBeVisible();
    await page.screenshot({ path: `test-results/review-${colorScheme}.png` });
    await expectAccessible(page);
  });
}
