import { readFileSync } from 'node:fs';
import { demoTest as test, expect } from './support/fixtures';
import { expectAccessible } from './support/axe';
import { AppPage } from './pages/app-page';
import { PortfolioPage } from './pages/portfolio-page';

// Columns by position in the accounts table (1-based, as :nth-child counts).
const COLUMN = { name: 1, loyalty: 5, satisfaction: 7 } as const;

const number = (text: string): number => Number(text.replace(/[^\d.-]/g, ''));

test('the service director finds the satisfied-but-not-loyal accounts, opens one and follows a driver to its work order', async ({ page, demo }) => {
  const app = new AppPage(page);
  await app.open(demo.url);
  const portfolio = new PortfolioPage(page);
  await expect(portfolio.heading).toBeVisible();
  const everyone = await portfolio.accountCount();
  await expect(page.getByRole('figure', { name: /accounts by loyalty band/i })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath('portfolio.png') });
  // The demo's history is filled in on import: each scored row draws six months of loyalty, the
  // figures it names ending at the loyalty shown beside it.
  const drawn = page.locator('svg.sparkline[role=img]');
  await expect(drawn.first()).toBeVisible();
  let checked = 0;
  for (const row of (await portfolio.rows.all()).slice(0, 8)) {
    if ((await row.locator('svg.sparkline').count()) === 0) continue;
    const loyalty = (await row.locator(`> :nth-child(${COLUMN.loyalty}) .score-value`).innerText()).trim();
    const label = await row.locator('svg.sparkline').getAttribute('aria-label');
    expect(label).toMatch(/^Loyalty over six months: [\d.]+(, [\d.]+)+$/);
    expect(label!.split(', ').at(-1)).toBe(loyalty);
    checked++;
  }
  expect(checked).toBeGreaterThanOrEqual(3);

  // One click on the quadrant filters the table to it.
  const quadrant = page.getByRole('button', { name: /Satisfied but not loyal: \d+/ });
  const inQuadrant = number((await quadrant.textContent())!.split(':')[1]!);
  expect(inQuadrant).toBeGreaterThan(0);
  await quadrant.click();
  await expect(quadrant).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => portfolio.accountCount()).toBe(inQuadrant);
  expect(inQuadrant).toBeLessThan(everyone);
  const rows = portfolio.rows;
  const shown = Math.min(await rows.count(), 10);
  for (let i = 0; i < shown; i++) {
    const row = rows.nth(i);
    expect(number(await row.locator(`> :nth-child(${COLUMN.satisfaction})`).innerText())).toBeGreaterThanOrEqual(60);
    expect(number(await row.locator(`> :nth-child(${COLUMN.loyalty})`).innerText())).toBeLessThan(60);
  }
  await page.screenshot({ path: test.info().outputPath('quadrant.png') });

  // The charts answer the mouse too: the shaded area lets the quadrant go, a band's bar shows that
  // band only, and each bar and point says what it stands for.
  await page.locator('.plot-quadrant').click();
  await expect(quadrant).toHaveAttribute('aria-pressed', 'false');
  await expect.poll(() => portfolio.accountCount()).toBe(everyone);
  const atRisk = page.getByRole('button', { name: /^At risk [\d,]+$/ });
  const inBand = number((await atRisk.textContent())!.replace('At risk', ''));
  const bar = page.locator('.plot-bar').nth(2);
  await expect(bar.locator('title')).toHaveText(/^At risk: [\d,]+ accounts?$/);
  await bar.click();
  await expect(atRisk).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => portfolio.accountCount()).toBe(inBand);
  await bar.click();
  await expect(atRisk).toHaveAttribute('aria-pressed', 'false');
  await expect(page.locator('figure[aria-labelledby="map-title"] circle title').first()).toHaveText(/satisfaction .* loyalty/);
  await quadrant.click();
  await expect.poll(() => portfolio.accountCount()).toBe(inQuadrant);

  // Open the first of them.
  const first = rows.first();
  const name = (await first.locator(`> :nth-child(${COLUMN.name}) a`).innerText()).trim();
  await first.locator(`> :nth-child(${COLUMN.name}) a`).click();
  await app.waitReady();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByRole('region', { name: /loyalty/i }).first()).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath('account.png') });

  // A driver that names a work order opens the service timeline at that visit.
  const driver = page.locator('a.driver-label[href*="/service/"]').first();
  await expect(driver).toBeVisible();
  const href = (await driver.getAttribute('href'))!;
  const workOrder = decodeURIComponent(href.split('/service/')[1]!);
  await driver.click();
  await app.waitReady();
  const visit = page.locator(`li.timeline-entry[data-record="${workOrder}"]`);
  await expect(visit).toBeVisible();
  await expect(visit).toHaveAttribute('aria-current', 'true');
  await expect(visit).toBeInViewport();
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath('service.png') });

  // Back to the portfolio: the filter is still on.
  await page.goBack();
  await page.goBack();
  await app.waitReady();
  await expect(page.getByRole('button', { name: /Satisfied but not loyal: \d+/ })).toHaveAttribute('aria-pressed', 'true');

  // From the account's alerts to the inbox, showing that account's alerts only.
  await page.goForward();
  await app.waitReady();
  await page.getByRole('link', { name: /^Alerts and notes/ }).click();
  await app.waitReady();
  await page.getByRole('link', { name: "This account's alerts in the inbox" }).click();
  await app.waitReady();
  await expect(page.getByRole('button', { name: `Show every account, not only ${name}` })).toBeVisible();
});

test('the portfolio answers from the keyboard: sort, move, open; and exports what it shows', async ({ page, demo }) => {
  const app = new AppPage(page);
  await app.open(demo.url);
  const portfolio = new PortfolioPage(page);

  // Sort by loyalty, lowest first: the header says so and the rows follow.
  const loyaltyHeader = portfolio.table.getByRole('columnheader', { name: /Loyalty/ });
  await loyaltyHeader.getByRole('button').click();
  await expect(loyaltyHeader).toHaveAttribute('aria-sort', /ascending|descending/);
  if ((await loyaltyHeader.getAttribute('aria-sort')) === 'descending') await loyaltyHeader.getByRole('button').click();
  await expect(loyaltyHeader).toHaveAttribute('aria-sort', 'ascending');
  const scores = await portfolio.rows.locator(`> :nth-child(${COLUMN.loyalty})`).allInnerTexts();
  const numeric = scores.map(number).filter((n) => !Number.isNaN(n) && n > 0);
  expect(numeric.length).toBeGreaterThan(5);
  expect([...numeric].sort((a, b) => a - b)).toEqual(numeric);

  // Arrow keys move between accounts; Enter opens the one in focus.
  await portfolio.rows.first().locator('a').first().focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const focused = page.locator('[role=row][data-account-id]:focus-within');
  await expect(focused).toHaveAttribute('data-row-index', '2');
  const id = await focused.getAttribute('data-account-id');

  // Scrolling far away hands the focused row's elements to other accounts; focus does not go with them.
  const scroller = page.locator('[data-scroll="portfolio"]');
  const focusedAccount = () => page.evaluate(() => document.activeElement?.closest('[data-account-id]')?.getAttribute('data-account-id') ?? null);
  // Row 130 takes the place (and the elements) of row 2.
  await scroller.evaluate((box) => (box.scrollTop = 125 * 36));
  await expect(page.locator('[role=row][data-row-index="130"]')).toBeAttached();
  expect([null, id]).toContain(await focusedAccount());
  await scroller.evaluate((box) => (box.scrollTop = 0));
  await expect(portfolio.rows.first()).toHaveAttribute('data-row-index', '0');
  await page.locator(`[role=row][data-account-id="${id}"] a`).first().focus();
  await page.keyboard.press('Enter');
  await app.waitReady();
  await expect(page.locator(`[data-view="account"][data-account-id="${id}"]`)).toBeVisible();

  // Ctrl+K finds an account by name from anywhere.
  await page.keyboard.press('Control+k');
  const finder = page.getByRole('dialog');
  await expect(finder).toBeVisible();
  await page.keyboard.type('a');
  await page.keyboard.press('Enter');
  await app.waitReady();
  await expect(page.locator('[data-view="account"]')).toBeVisible();

  // Export: the accounts shown, in the order shown, as CSV.
  await page.goto(demo.url);
  await app.waitReady();
  const everyone = await portfolio.accountCount();
  await portfolio.search.fill('a');
  await expect.poll(() => portfolio.accountCount()).toBeLessThan(everyone);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  const csv = readFileSync((await download.path()), 'utf8');
  const lines = csv.trim().split(/\r?\n/);
  expect(lines[0]).toMatch(/Account/);
  expect(lines.length - 1).toBe(await portfolio.accountCount());
});

test('every column of the accounts table is on screen in a 1280-pixel window, its widths the same in every row', async ({ page, demo }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const app = new AppPage(page);
  await app.open(demo.url);
  const portfolio = new PortfolioPage(page);
  const scroller = page.locator('[data-scroll="portfolio"]');
  const fits = await scroller.evaluate((box) => box.scrollWidth <= box.clientWidth);
  expect(fits).toBe(true);
  for (const name of ['Account', 'Satisfaction', 'Costs most', 'Alerts', 'Renewal']) {
    await expect(portfolio.table.getByRole('columnheader', { name: new RegExp(`^${name}`) })).toBeInViewport({ ratio: 1 });
  }
  // The column edges of the header and of each row line up.
  const edges = await portfolio.table.evaluate((table) =>
    [...table.querySelectorAll('[role=row]')].slice(0, 12).map((row) => [...row.children].map((cell) => Math.round(cell.getBoundingClientRect().left)).join(',')),
  );
  expect(new Set(edges).size).toBe(1);
});

test('assistive technology reads the accounts table in its order on screen, wherever it is scrolled', async ({ page, demo }) => {
  const app = new AppPage(page);
  await app.open(demo.url);
  const scroller = page.locator('[data-scroll="portfolio"]');
  const cdp = await page.context().newCDPSession(page);
  const rowIndex = async (backendNodeId: number): Promise<number> => {
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId });
    const { result } = await cdp.send('Runtime.callFunctionOn', { objectId: object.objectId!, functionDeclaration: 'function () { return Number(this.getAttribute("aria-rowindex")); }', returnByValue: true });
    return result.value as number;
  };
  for (const top of [0, 125 * 36 + 7, 139 * 36]) {
    await scroller.evaluate((box, to) => (box.scrollTop = to), top);
    const first = Math.floor(top / 36);
    await expect(page.locator(`[role=row][data-row-index="${first}"]`)).toBeAttached();
    // The rows' elements keep their places in the page as accounts scroll through them...
    const inPage = await scroller.evaluate((box) => [...box.querySelectorAll('.grid-body [role=row]')].map((row) => Number(row.getAttribute('aria-rowindex'))));
    // ...and the accessibility tree, which a screen reader walks, has them in the order shown.
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    const byId = new Map(nodes.map((n) => [n.nodeId, n]));
    const body = nodes.filter((n) => n.role?.value === 'rowgroup').at(-1)!;
    const read: number[] = [];
    for (const id of body.childIds ?? []) {
      const node = byId.get(id)!;
      if (node.role?.value === 'row' && node.backendDOMNodeId !== undefined) read.push(await rowIndex(node.backendDOMNodeId));
    }
    expect(read.length).toBe(inPage.length);
    expect(read).toEqual([...inPage].sort((a, b) => a - b));
    expect(read[0]).toBeLessThanOrEqual(first + 2);
    expect(read.at(-1)).toBeGreaterThanOrEqual(first + 2);
    if (top > 0) expect(inPage).not.toEqual(read);
  }
  await cdp.detach();
});

test('sweeping through the accounts table shows names and loyalty, then whole rows of the right accounts once it rests', async ({ page, demo }) => {
  const app = new AppPage(page);
  await app.open(demo.url);
  const portfolio = new PortfolioPage(page);
  const scroller = page.locator('[data-scroll="portfolio"]');
  await expect(portfolio.rows.first()).toBeVisible();
  const rowsInView = (): Promise<Record<string, string>> =>
    scroller.evaluate((box) =>
      Object.fromEntries(
        [...box.querySelectorAll<HTMLElement>('.grid-body [role=row][data-account-id]')]
          .filter((row) => row.getBoundingClientRect().bottom <= box.getBoundingClientRect().bottom)
          .map((row): [string, string] => [row.getAttribute('data-account-id')!, row.innerText]),
      ),
    );
  const before = await rowsInView();
  expect(Object.keys(before).length).toBeGreaterThan(5);

  // A screenful a frame, down and back up, as a dragged scroll bar moves it.
  const frames = await scroller.evaluate(async (box) => {
    const seen: Array<{ skimming: boolean; names: boolean; loyalty: boolean; hidden: boolean }> = [];
    const tops = [1, 2, 3, 4, 2, 0].map((n) => n * box.clientHeight);
    for (const top of tops) {
      box.scrollTop = top;
      await new Promise<void>((done) => requestAnimationFrame(() => done()));
      const row = [...box.querySelectorAll<HTMLElement>('.grid-body [role=row]')].find((r) => r.getBoundingClientRect().top >= box.getBoundingClientRect().top + 40)!;
      const visible = (el: Element | null) => el !== null && getComputedStyle(el).visibility === 'visible';
      seen.push({
        skimming: box.querySelector('[role=table]')!.hasAttribute('data-skimming'),
        names: visible(row.querySelector('[role=rowheader] a')) && (row.querySelector('[role=rowheader] a') as HTMLElement).innerText.trim() !== '',
        loyalty: visible(row.querySelector('.score-value')),
        hidden: !visible(row.querySelector('[role=cell]:not([data-skim-shown])')),
      });
    }
    return seen;
  });
  expect(frames).toEqual(frames.map(() => ({ skimming: true, names: true, loyalty: true, hidden: true })));
  await page.screenshot({ path: test.info().outputPath('portfolio-skimming.png') });

  // At rest, every cell shows again, each of its own account.
  await expect(portfolio.table).not.toHaveAttribute('data-skimming');
  expect(await rowsInView()).toEqual(before);
  await expect(portfolio.rows.first().locator('svg.sparkline, .muted-text').first()).toBeVisible();

  // Page Down pressed once in the table moves a screenful and shows it whole at once.
  await portfolio.table.evaluate((table) => {
    const w = window as unknown as { skimmed: boolean };
    w.skimmed = false;
    new MutationObserver(() => (w.skimmed ||= table.hasAttribute('data-skimming'))).observe(table, { attributes: true, attributeFilter: ['data-skimming'] });
  });
  await portfolio.rows.first().locator('a').first().focus();
  await page.keyboard.press('PageDown');
  await expect.poll(() => scroller.evaluate((box) => box.scrollTop)).toBeGreaterThan(0);
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as unknown as { skimmed: boolean }).skimmed)).toBe(false);
});

test('back from an account, the accounts table is where it was, its rows whole', async ({ page, demo }) => {
  const app = new AppPage(page);
  await app.open(demo.url);
  const portfolio = new PortfolioPage(page);
  const scroller = page.locator('[data-scroll="portfolio"]');
  await expect(portfolio.rows.first()).toBeVisible();
  await scroller.evaluate((box) => (box.scrollTop = 60 * 36));
  const row = page.locator('[role=row][data-row-index="62"]');
  await expect(row).toBeInViewport();
  const id = await row.getAttribute('data-account-id');
  await row.locator('a').first().click();
  await app.waitReady();
  await expect(page.locator(`[data-view="account"][data-account-id="${id}"]`)).toBeVisible();

  await page.goBack();
  await app.waitReady();
  await expect.poll(() => scroller.evaluate((box) => box.scrollTop)).toBe(60 * 36);
  const back = page.locator(`[role=row][data-row-index="62"][data-account-id="${id}"]`);
  await expect(back).toBeInViewport();
  await expect(portfolio.table).not.toHaveAttribute('data-skimming');
  await expect(back.locator('[role=cell]').nth(1)).toBeVisible();
});

test('a sweep that ends while the page is busy still comes to rest with whole rows', async ({ page, demo }) => {
  const app = new AppPage(page);
  await app.open(demo.url);
  const portfolio = new PortfolioPage(page);
  await expect(portfolio.rows.first()).toBeVisible();
  const skimmedFirst = await page.locator('[data-scroll="portfolio"]').evaluate(async (box) => {
    let lastScroll = 0;
    box.addEventListener('scroll', () => (lastScroll = performance.now()));
    const frame = () => new Promise<void>((done) => requestAnimationFrame(() => done()));
    box.scrollTop = 2 * box.clientHeight;
    await frame();
    await frame();
    const skimming = box.querySelector('[role=table]')!.hasAttribute('data-skimming');
    // Busy in a frame past the table's rest delay, then moved back: the rest, overdue, runs before
    // the next frame and reads the new position before that position's scroll event arrives.
    await new Promise<void>((done) =>
      requestAnimationFrame(() => {
        while (performance.now() < lastScroll + 250) {
          // The page is busy.
        }
        box.scrollTop = 0;
        done();
      }),
    );
    return skimming;
  });
  expect(skimmedFirst).toBe(true);
  await expect(portfolio.table).not.toHaveAttribute('data-skimming');
  await expect(portfolio.rows.first().locator('svg.sparkline, .muted-text').first()).toBeVisible();
});

test('a note written while an import is written waits for it, and the window says so until it is saved', async ({ page, demo }) => {
  // An import of a million rows holds the writing for seconds; the demo's would be over at once.
  // The note is held back as the server holds it, and the server's answer about what it waits for
  // is the one it gives while an import is written.
  let release = (): void => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  let heldBack = 0;
  let asked = 0;
  await page.route('**/api/call', async (route) => {
    const call = route.request().postDataJSON() as { method?: string } | null;
    if (call?.method === 'notes/add') {
      await released;
      return route.continue();
    }
    if (call?.method === 'engine/writing') {
      asked += 1;
      return route.fulfill({ json: { ok: true, data: { what: 'import', waiting: heldBack } } });
    }
    return route.continue();
  });
  const app = new AppPage(page);
  await app.open(demo.url);
  const portfolio = new PortfolioPage(page);
  await portfolio.rows.first().locator('a').first().click();
  await app.waitReady();
  await page.getByRole('link', { name: /^Alerts and notes/ }).click();
  await app.waitReady();

  const text = 'Met the new facilities manager during the import.';
  await page.getByRole('textbox', { name: 'A note on this account' }).fill(text);
  await page.getByRole('button', { name: 'Add note' }).click();
  // Slow, but held back by nothing: nothing is said.
  await expect.poll(() => asked).toBeGreaterThan(1);
  const notice = page.locator('.waiting-for-writes');
  await expect(notice).toBeEmpty();
  await expect(notice).toBeHidden();
  heldBack = 1;
  await expect(notice).toHaveText('An import is being written. Your change is saved as soon as it ends.');
  await expect(notice).toHaveAttribute('role', 'status');
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath('waiting-for-import.png') });

  release();
  await expect(page.getByText(text)).toBeVisible();
  await expect(notice).toBeHidden();
});

test('the window starts without the surveys chart’s code, fetches it once an account is open, and an address straight to the tab draws it', async ({ page, demo }) => {
  const app = new AppPage(page);
  // The chart's code is a chunk of its own, named after the tab.
  const fetchedSurveysTab = () => page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.includes('/SurveysTab-')));
  await app.open(demo.url);
  expect(await fetchedSurveysTab()).toBe(false);
  // Nor does the window load the API contract's validation library: the server checks every call.
  const startScripts = await page.evaluate(() => Promise.all([...document.querySelectorAll<HTMLScriptElement>('script[src]')].map(async (s) => (await fetch(s.src)).text())));
  expect(startScripts.length).toBeGreaterThan(0);
  for (const script of startScripts) expect(script.includes('ZodError'), 'a start-up script holds the validation library').toBe(false);
  const base = demo.url.replace(/\?.*$/, '');
  await page.goto(`${base}#/accounts/C0030`);
  await app.waitReady();
  await expect.poll(fetchedSurveysTab).toBe(true);
  const tab = page.getByRole('link', { name: /^Surveys \(\d+\)$/ });
  const responses = number((await tab.innerText()).split('(')[1]!);
  expect(responses).toBeGreaterThan(1);
  await tab.click();
  await app.waitReady();
  const chart = page.getByRole('figure', { name: 'NPS responses over time' });
  await expect(chart.locator('svg.recharts-surface')).toBeVisible();
  await expect(page.locator('.surveys table tbody tr')).toHaveCount(responses);

  // A fresh window opened at the tab's address: ready only once the tab is drawn.
  await page.goto('about:blank');
  await page.goto(`${demo.url}#/accounts/C0030/surveys`);
  await app.waitReady();
  expect(await page.locator('.surveys table tbody tr').count()).toBe(responses);
  await expect(chart.locator('svg.recharts-surface')).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath('surveys.png') });
});
