import { demoTest as test, expect } from './support/fixtures';
import { expectAccessible } from './support/axe';
import { AlertsPage } from './pages/alerts-page';

const inDays = (n: number): string => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

test('the inbox: filter, acknowledge, assign, snooze, resolve, dismiss in bulk from the keyboard, and each step in the history', async ({ page, demo }) => {
  const inbox = new AlertsPage(page);
  await inbox.open(demo.url);

  // The badge and the opening sentence agree on what waits on the user.
  const waiting = Number((await inbox.answer.innerText()).match(/^([\d,]+) alerts/)![1]!.replace(/,/g, ''));
  expect(waiting).toBeGreaterThan(100);
  await expect(inbox.navLink).toHaveAccessibleName(`Alerts, ${waiting.toLocaleString('en-US')} open`);
  expect(await inbox.total()).toBe(waiting);
  await expectAccessible(page);
  await page.screenshot({ path: 'test-results/alerts-inbox-light.png' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page);
  await page.screenshot({ path: 'test-results/alerts-inbox-dark.png' });
  await page.emulateMedia({ colorScheme: 'light' });

  // Most severe first.
  await expect(inbox.rows.first().locator('.chip')).toHaveText('Critical');

  // Filter by rule and severity: the counts at the top show every severity of that rule.
  await inbox.filterRule('Unaddressed recommendation');
  await inbox.toggleSeverity('high');
  const high = await inbox.severityCount('high');
  expect(high).toBeGreaterThan(5);
  expect(await inbox.total()).toBe(high);
  await expect(inbox.severityButton('high')).toHaveAttribute('aria-pressed', 'true');
  for (const row of await inbox.rows.all()) {
    await expect(row.locator('.chip')).toHaveText('High');
    await expect(row.locator('.alert-row-meta').first()).toContainText('Unaddressed recommendation');
  }

  const [first, second, third] = await inbox.rowIds();
  // Acknowledge with its key; the shortcut is on the button too.
  await expect(inbox.action('Acknowledge')).toHaveAttribute('aria-keyshortcuts', 'A');
  await inbox.highlight(first!);
  await page.keyboard.press('a');
  await expect(inbox.message).toHaveText('Alert acknowledged.');
  await expect(inbox.row(first!).locator('.alert-status')).toHaveText('Acknowledged');

  // Assign it.
  await inbox.row(first!).locator('.alert-cell').click();
  await inbox.action('Assign').click();
  await inbox.dialog.getByLabel('Assign to').fill('Grace Liu');
  await inbox.submitDialog('Assign');
  await expect(inbox.message).toHaveText('Alert assigned to Grace Liu.');
  await expect(inbox.row(first!)).toContainText('assigned to Grace Liu');

  // Snooze it, with a date and a reason: it leaves the list of what waits.
  await inbox.row(first!).locator('.alert-cell').click();
  await page.keyboard.press('s');
  await expect(inbox.dialog.getByRole('heading', { name: 'Snooze alert' })).toBeVisible();
  await inbox.dialog.getByLabel('Until').fill(inDays(14));
  await inbox.dialog.getByLabel('Why it can wait').fill('The customer is closed for two weeks');
  await inbox.submitDialog('Snooze');
  await expect(inbox.message).toHaveText('Alert snoozed.');
  await expect(inbox.row(first!)).toHaveCount(0);
  await expect.poll(() => inbox.total()).toBe(high - 1);

  // Resolve another, with a note; a resolution without one is refused with a reason.
  await inbox.highlight(second!);
  await inbox.action('Resolve').click();
  await inbox.dialog.getByRole('button', { name: 'Resolve', exact: true }).click();
  await expect(inbox.dialog.getByRole('alert')).toContainText('Say how it was resolved');
  await inbox.dialog.getByLabel('How it was resolved').fill('Customer agreed to the replacement at the review');
  await inbox.submitDialog('Resolve');
  await expect(inbox.message).toHaveText('Alert resolved.');
  await expect(inbox.row(second!)).toHaveCount(0);

  // Dismiss three at once, from the keyboard: Space selects, Shift+Down extends, D dismisses.
  const before = await inbox.total();
  await inbox.highlight(third!);
  const [x, y, z] = (await inbox.rowIds()).slice(0, 3);
  await inbox.row(x!).focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await expect(inbox.toolbar).toContainText('3 alerts selected');
  for (const id of [x, y, z]) await expect(inbox.row(id!)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('d');
  await expect(inbox.dialog.getByRole('heading', { name: 'Dismiss 3 alerts' })).toBeVisible();
  await page.screenshot({ path: 'test-results/alerts-bulk-dismiss.png' });
  await page.keyboard.type('Handled at the quarterly review');
  await page.keyboard.press('Enter');
  await expect(inbox.dialog).toHaveCount(0);
  await expect(inbox.message).toHaveText('3 alerts dismissed.');
  await expect.poll(() => inbox.total()).toBe(before - 3);
  for (const id of [x, y, z]) await expect(inbox.row(id!)).toHaveCount(0);

  // Shift+click on the checkboxes selects a range; Ctrl+A every matching alert; Escape none.
  const [r0, , r2] = await inbox.rowIds();
  await inbox.row(r0!).getByRole('checkbox').click();
  await inbox.row(r2!).getByRole('checkbox').click({ modifiers: ['Shift'] });
  await expect(inbox.toolbar).toContainText('3 alerts selected');
  await inbox.row(r0!).focus();
  await page.keyboard.press('Control+a');
  await expect(inbox.toolbar).toContainText(`${await inbox.total()} alerts selected`);
  await page.keyboard.press('Escape');
  await expect(inbox.toolbar).toContainText('The highlighted alert');

  // Each closed alert is one status filter away, and its history says who did what and when.
  await inbox.filterStatus('Dismissed');
  await expect(inbox.rows).toHaveCount(3);
  await inbox.filterStatus('Snoozed');
  await inbox.highlight(first!);
  await expect(inbox.detail).toContainText('Snoozed until');
  const steps = await inbox.historyActions();
  expect(steps[0]).toBe('raised');
  expect(steps.slice(-3)).toEqual(['acknowledged', 'assigned', 'snoozed']);
  await expect(inbox.history).toContainText('Assigned to Grace Liu');
  await expect(inbox.history).toContainText('The customer is closed for two weeks');
  await inbox.filterStatus('Resolved or cleared');
  await inbox.highlight(second!);
  await expect(inbox.history.locator('li').last()).toContainText('Customer agreed to the replacement at the review');
  await expectAccessible(page);
  await page.screenshot({ path: 'test-results/alerts-history-light.png' });
  // Enter opens the detail: focus moves to its heading.
  await inbox.row(second!).focus();
  await page.keyboard.press('Enter');
  await expect(inbox.detail.getByRole('heading', { level: 2 })).toBeFocused();
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: 'test-results/alerts-history-dark.png' });
});

test('log a reminder and see the alert calm', async ({ page, demo }) => {
  const inbox = new AlertsPage(page);
  await inbox.open(demo.url);

  // A recommendation nobody followed up, high: the customer has not heard of it for a while.
  await inbox.filterRule('Unaddressed recommendation');
  await inbox.toggleSeverity('high');
  const [id] = await inbox.rowIds();
  const [, accountId, recommendationId] = id!.split(':');
  await inbox.highlight(id!);
  await expect(inbox.detail.getByRole('heading', { level: 3, name: 'Why it matters' })).toBeVisible();

  // Only this account's alerts: how many of each severity it has now.
  await inbox.detail.getByRole('button', { name: 'only its alerts' }).click();
  await inbox.app.waitReady();
  await inbox.highlight(id!);
  const highBefore = await inbox.severityCount('high');
  const mediumBefore = await inbox.severityCount('medium');

  // The evidence link leads to the recommendation on the account's Recommendations tab.
  await inbox.detail.getByRole('link', { name: `recommendation ${recommendationId}` }).click();
  await inbox.app.waitReady();
  await expect(page).toHaveURL(new RegExp(`#/accounts/${accountId}/recommendations/${recommendationId}$`));
  const card = page.locator(`[data-record="${recommendationId}"]`);
  await card.getByRole('button', { name: 'Log a reminder' }).click();
  const dialog = page.locator('dialog[open]');
  await dialog.getByLabel('Note (optional)').fill('Raised it with the facilities manager over coffee');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(card).toContainText('Reminded');

  // Back in the inbox (filters kept): the alert is no longer high; the account has one high alert fewer.
  await inbox.navLink.click();
  await inbox.ready();
  await expect(inbox.row(id!)).toHaveCount(0);
  expect(await inbox.severityCount('high')).toBe(highBefore - 1);
  await inbox.toggleSeverity('high');
  const calmed = inbox.row(id!);
  if ((await calmed.count()) > 0) {
    // Still open for more than 30 days: it calms to medium.
    await expect(calmed.locator('.chip')).toHaveText('Medium');
    expect(await inbox.severityCount('medium')).toBe(mediumBefore + 1);
  } else {
    // Recent enough that the reminder clears it: resolved by the rules.
    await inbox.filterStatus('Resolved or cleared');
    await expect(inbox.row(id!)).toBeVisible();
  }
  await inbox.highlight(id!);
  await expect(inbox.history.locator('li').last()).toHaveAttribute('data-history-action', /calmed|cleared/);
});
