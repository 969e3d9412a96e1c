import { demoTest as test, expect } from './support/fixtures';
import { AppPage } from './pages/app-page';

// Nothing in the app makes a network request: every request the page makes, while walking the
// demo's main views, goes to the app's own loopback origin (blob: and data: never reach the network).
test('walking the main views requests nothing but the app itself', async ({ page, context, demo }) => {
  const origin = new URL(demo.url).origin;
  const elsewhere: string[] = [];
  let ours = 0;
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`)) {
      ours += 1;
      await route.continue();
    } else {
      elsewhere.push(url);
      await route.abort('blockedbyclient');
    }
  });
  const socketsOpened: string[] = [];
  page.on('websocket', (ws) => socketsOpened.push(ws.url()));

  const app = new AppPage(page);
  await app.open(demo.url);
  await expect(page.getByRole('table', { name: 'Accounts' })).toBeVisible();

  // An account, each of its tabs, its review brief; then the other views of the main navigation.
  await page.getByRole('table', { name: 'Accounts' }).locator('[role=row][data-account-id] a').first().click();
  await app.waitReady();
  const tabs = page.getByRole('navigation', { name: 'Account sections' }).getByRole('link');
  for (let i = 0; i < (await tabs.count()); i += 1) {
    await tabs.nth(i).click();
    await app.waitReady();
  }
  await page.getByRole('link', { name: 'Review brief' }).click();
  await app.waitReady();
  await expect(page.getByRole('article', { name: /^Account review brief: / })).toBeVisible();
  for (const view of ['Alerts', 'Import', 'Settings', 'Portfolio']) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: new RegExp(`^${view}`) }).click();
    await app.waitReady();
  }

  expect(ours).toBeGreaterThan(3);
  expect(elsewhere).toEqual([]);
  expect(socketsOpened).toEqual([]);
});
