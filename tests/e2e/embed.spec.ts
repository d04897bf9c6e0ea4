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
