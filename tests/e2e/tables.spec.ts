// The year-by-year tables are written by the on-demand module
// (src/report/year_tables.rs in pkg/on-demand/), which is not part of the
// first download: it is fetched after the first results (the analysis's
// words beside the key figures need it too), or when the tables come near
// the screen, the page is printed or a CSV is asked for — never before the
// first results. These tests hold that, and the tables' behaviour once it has arrived.
import { expect, test, type Page } from '@playwright/test';
import { fixture, holdOnDemand, open, recordRequests, scenarioLink, simulateInPage } from './support';

const ON_DEMAND = '/pkg/on-demand/';

function onDemandRequests(urls: string[]): string[] {
  return urls.filter((u) => u.includes(ON_DEMAND));
}

async function yearRows(page: Page, testid: string): Promise<number> {
  return page.getByTestId(testid).locator('tbody tr[data-year]').count();
}

test('the tables module is not fetched before the first results, then the tables equal simulate()', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const urls = recordRequests(page);
  const own = fixture('savings-share');
  // The first results show while the on-demand module is held back: they do not need it.
  const release = await holdOnDemand(page);
  await open(page, scenarioLink(own, 'lang=sv'));
  release();
  await page.waitForLoadState('networkidle');

  await page.getByTestId('year-tables').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('table-fund')).toBeVisible();
  expect(onDemandRequests(urls).some((u) => u.endsWith('fundsim_on_demand_bg.wasm'))).toBe(true);
  await expect(page.getByTestId('tables-status')).toHaveCount(0);

  const expected = await simulateInPage(page, own);
  expect(await yearRows(page, 'table-fund')).toBe(own.horizon_years);
  const closes = await page
    .getByTestId('table-fund')
    .locator('td[data-field="close"]')
    .evaluateAll((tds) => tds.map((td) => td.getAttribute('data-value')));
  expect(closes).toEqual(expected.fund.map((row: any) => row.close));
  const orgNet = await page
    .getByTestId('table-net')
    .locator('td[data-field="org_net"]')
    .evaluateAll((tds) => tds.map((td) => td.getAttribute('data-value')));
  expect(orgNet).toEqual(expected.org_net);
});

test('an actor table is drawn when opened and dropped when closed; an edit redraws it', async ({ page }) => {
  const own = fixture('savings-share');
  await open(page, scenarioLink(own, 'lang=sv'));
  const owner = own.interventions[0].owner as string;
  await page.getByTestId('year-tables').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('table-fund')).toBeVisible();
  const details = page.getByTestId(`actor-table-${owner}`);
  await details.scrollIntoViewIfNeeded();
  // Closed: only the summary; the year rows are not in the page.
  await expect(page.getByTestId(`table-actor-${owner}`)).toHaveCount(0);
  // Opened from the keyboard: the summary keeps the focus while its table arrives.
  await details.locator('summary').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId(`table-actor-${owner}`)).toBeVisible();
  await expect(details.locator('summary')).toBeFocused();
  expect(await yearRows(page, `table-actor-${owner}`)).toBe(own.horizon_years);
  const others = own.actors.map((a: any) => a.id).filter((id: string) => id !== owner);
  for (const id of others) await expect(page.getByTestId(`table-actor-${id}`)).toHaveCount(0);

  // An edit (a unit change) redraws the open table in the new unit.
  const caption = page.getByTestId(`table-actor-${owner}`).locator('caption');
  await page.locator('.segmented label', { hasText: /^mnkr$/ }).first().click();
  await expect(caption).toContainText('mnkr');

  await details.locator('summary').click();
  await expect(page.getByTestId(`table-actor-${owner}`)).toHaveCount(0);
});

test('names in the tables are text, never markup', async ({ page }) => {
  const own = fixture('savings-share');
  own.actors[0].name = '<img src=x onerror="window.__owned=1">Avd "A" & B';
  own.interventions[0].name = '<b>fet</b>';
  const errors = await open(page, scenarioLink(own, 'lang=sv'));
  await page.getByTestId('year-tables').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('table-interventions')).toBeVisible();
  await expect(page.getByTestId('table-interventions').locator('tbody th').first()).toHaveText('<b>fet</b>');
  const id = own.actors[0].id as string;
  await page.getByTestId(`actor-table-${id}`).locator('summary').click();
  await expect(page.getByTestId(`table-actor-${id}`).locator('caption')).toContainText('<img src=x');
  expect(await page.locator('.tables img, .tables b').count()).toBe(0);
  expect(await page.evaluate(() => (window as any).__owned)).toBeUndefined();
  expect(errors).toEqual([]);
});

test('offline, the tables say they could not be fetched', async ({ page }) => {
  await page.route(`**${ON_DEMAND}**`, (route) => route.abort());
  await open(page, '/index.html#lang=sv');
  await page.getByTestId('year-tables').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('tables-status')).toHaveText(/kunde inte hämtas/);
  await expect(page.getByTestId('table-fund')).toHaveCount(0);
  // The rest of the page works: the key figures are there.
  await expect(page.getByTestId('key-figures')).toBeVisible();
});
