// Embedding on a host page (www/embed-example.html): two widgets mounted by
// www/embed.js into their own shadow roots, and an iframe of the app.
// Playwright's CSS locators pierce open shadow roots, so the widgets' own
// data-testid hooks work inside them.
import { test, expect } from '@playwright/test';
import { foreign, recordRequests } from './support';

const PAGE = '/www/embed-example.html';

test('two widgets on one host page mount side by side with their own presets and languages', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(PAGE);
  const gotland = page.locator('#widget-gotland');
  const jobs = page.locator('#widget-jobs');
  await expect(gotland.getByTestId('kf-total-cost')).toBeVisible();
  await expect(jobs.getByTestId('kf-total-cost')).toBeVisible();
  // Each widget shows its own preset, in its own language.
  await expect(gotland.getByTestId('scenario-title')).toContainText('Gotland');
  await expect(gotland.getByTestId('lang-switch')).toHaveText(/English/);
  await expect(jobs.getByTestId('lang-switch')).toHaveText(/Svenska/);
  const total = (w: typeof gotland) => w.getByTestId('kf-total-cost').locator('.kf-value').getAttribute('data-value');
  expect(await total(gotland)).toMatch(/^\d+\.\d\d$/);
  expect(await total(gotland)).not.toEqual(await total(jobs));
  expect(errors).toEqual([]);
});

test('a widget keeps its state to itself', async ({ page }) => {
  await page.goto(PAGE);
  const gotland = page.locator('#widget-gotland');
  const jobs = page.locator('#widget-jobs');
  await expect(jobs.getByTestId('kf-total-cost')).toBeVisible();
  const jobsUnit = await jobs.getByTestId('kf-total-cost').innerText();
  // Millions in the first widget only.
  await gotland.locator('label[for="unit-mnkr"]').click();
  await expect(gotland.getByTestId('kf-total-cost')).toContainText('mnkr');
  expect(await jobs.getByTestId('kf-total-cost').innerText()).toEqual(jobsUnit);
  // The host page's address is left alone by embedded widgets.
  expect(new URL(page.url()).hash).toEqual('');
});

test("the host page's CSS does not reach the widgets, and theirs does not reach the page", async ({ page }) => {
  await page.goto(PAGE);
  const gotland = page.locator('#widget-gotland');
  await expect(gotland.getByTestId('key-figures')).toBeVisible(); // the host hides `.key-figures`: not inside the shadow root
  const button = gotland.getByTestId('lang-switch');
  const background = await button.evaluate((b) => getComputedStyle(b).backgroundColor);
  expect(background).not.toEqual('rgb(255, 0, 0)');
  const font = await gotland.getByTestId('scenario-title').evaluate((e) => getComputedStyle(e).fontFamily);
  expect(font).not.toMatch(/^monospace$/);
  // And the widget's styles stay inside: the host text keeps the host's font and alignment.
  const host = await page.locator('p.host-text').first().evaluate((e) => {
    const s = getComputedStyle(e);
    return { font: s.fontFamily, align: s.textAlign };
  });
  expect(host.font).toMatch(/monospace/);
  expect(host.align).toEqual('center');
});

test('the iframe form opens the app on the preset and language in its address', async ({ page }) => {
  await page.goto(PAGE);
  const frame = page.frameLocator('#widget-frame');
  await expect(frame.getByTestId('kf-total-cost')).toBeVisible();
  await expect(frame.getByTestId('preset-select')).toHaveValue('placements');
});

test('the embed page requests nothing outside its origin', async ({ page, baseURL }) => {
  const urls = recordRequests(page);
  await page.goto(PAGE);
  await expect(page.locator('#widget-jobs').getByTestId('kf-total-cost')).toBeVisible();
  expect(foreign(urls, baseURL ?? page.url())).toEqual([]);
});

test('view=results shows the results without the editor; view=compact only key figures and charts', async ({ page }) => {
  await page.goto('/index.html#preset=jobs&view=results');
  await expect(page.getByTestId('key-figures')).toBeVisible();
  await expect(page.getByTestId('year-tables')).toBeVisible();
  await expect(page.locator('#fundsim-editor')).toBeHidden();
  await page.goto('about:blank');
  await page.goto('/index.html#preset=jobs&view=compact');
  await expect(page.getByTestId('key-figures')).toBeVisible();
  await expect(page.locator('svg[data-chart="fund"]')).toBeVisible();
  await expect(page.getByTestId('year-tables')).toBeHidden();
  await expect(page.getByTestId('presets')).toBeHidden();
  await expect(page.locator('#fundsim-editor')).toBeHidden();
});

test('the JavaScript API form: simulate() figures in the host page and an app placed by mount()', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(PAGE);
  // The host's table holds the contract's example, derived by hand in
  // tests/cases/worked_examples.json: payback in 2032; savings inside (social
  // services) 3 × 6.513215599 × 810 000 = 15 827 113.91; outside (the state)
  // 3 × 6.513215599 × 540 000 = 10 551 409.27; the fund ends at 30 000 000.
  const table = page.locator('#api-figures');
  await expect(table.locator('tr')).toHaveCount(4);
  await expect(table.locator('tr').nth(0).locator('td')).toHaveText('2032');
  const digits = async (n: number) => (await table.locator('tr').nth(n).locator('td').innerText()).replace(/\D/g, '');
  expect(await digits(1)).toBe('1582711391');
  expect(await digits(2)).toBe('1055140927');
  expect(await digits(3)).toBe('3000000000');
  // mount(): the jobs preset, in English, results only (no editor).
  const widget = page.locator('#api-widget');
  await expect(widget.getByTestId('key-figures')).toBeVisible();
  await expect(widget.getByTestId('lang-switch')).toHaveText(/Svenska/);
  await expect(widget.locator('aside.editor')).toBeHidden();
  expect(errors).toEqual([]);
});

test('each widget has its own analysis: the break-even, the run, the decision charts and their explanations', async ({ page }) => {
  // One worker runs every widget's analysis: before, the second widget's request
  // cancelled the first's, and one of them showed no break-even, run or charts.
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(PAGE);
  const widgets = [page.locator('#widget-gotland'), page.locator('#widget-jobs')];
  for (const w of widgets) {
    await expect(w.getByTestId('uncertainty-figures')).toHaveAttribute('data-draws', '10000', { timeout: 60_000 });
    await expect(w.getByTestId('decision-charts').locator('.decision-fan')).toHaveCount(2);
  }
  const [gotland, jobs] = widgets;
  await expect(gotland.getByTestId('be-payback')).toContainText('Det betalar sig inom mandatperioden');
  await expect(jobs.getByTestId('be-payback')).toContainText('It pays back within the term');
  const factor = (w: typeof gotland) => w.getByTestId('be-payback').getAttribute('data-value');
  expect(await factor(gotland)).not.toEqual(await factor(jobs));
  // Each widget's fan cell is explained from its own run: the explanation ends with the cell.
  for (const w of widgets) {
    const charts = w.getByTestId('decision-charts');
    await charts.locator('details').evaluateAll((ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    const cell = charts.locator('td[data-explain^="fan:cum:p50:"]').first();
    await cell.scrollIntoViewIfNeeded();
    await cell.click();
    const result = w.getByTestId('explain-panel').getByTestId('explain-result');
    await expect(result).toHaveCount(1);
    const line = ((await result.textContent()) || '').replace(/\u00a0/g, ' ').trim();
    const shown = (line.match(/\((?:visas som|shown as) (.*)\)$/) || [])[1];
    expect(shown).toBe(((await cell.textContent()) || '').replace(/\u00a0/g, ' ').trim());
    // The keyboard works inside the widget's shadow root too: Escape gives the focus
    // back, Enter opens it again.
    await page.keyboard.press('Escape');
    await expect(cell).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(result).toHaveCount(1);
    await page.keyboard.press('Escape');
  }
  // An edit in one widget starts its own analysis again; the other's figures stay.
  const before = await factor(gotland);
  const field = jobs.getByTestId('in-allocation-amount');
  await field.fill('4000000');
  await field.press('Enter');
  await expect(jobs.getByTestId('uncertainty-figures')).toHaveAttribute('data-draws', '10000', { timeout: 60_000 });
  expect(await factor(gotland)).toEqual(before);
  await expect(gotland.getByTestId('uncertainty-figures')).toHaveAttribute('data-draws', '10000');
  expect(errors).toEqual([]);
});
