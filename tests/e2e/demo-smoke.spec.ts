import { demoTest as test, expect } from './support/fixtures';
import { expectAccessible } from './support/axe';
import { AppPage } from './pages/app-page';

test('the demo portfolio opens ready and passes the accessibility scan', async ({ page, demo }) => {
  await new AppPage(page).open(demo.url);
  await expect(page.getByRole('table', { name: 'Accounts' })).toBeVisible();
  await expectAccessible(page);
});
