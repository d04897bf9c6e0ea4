// The decision charts in the results (issue 12): the tornado of the
// sensitivity (organisation, or society on the switch), the fan charts of the
// Monte Carlo run and the per-intervention break-even, written by the
// on-demand module from the analysis worker's figures; the sensitivity and the
// break-even in the CSV file.
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { handWorkedScenario, open, SHOTS } from './support';

// decision.spec.ts's scenario worked by hand, with a second range (the annual
// cost × 0.8–1.2). Discount rate 0, so a present value is a plain sum. Cost C
// = 100 000 in 2027; 10 participants × success r, each saving 6 000 a year
// inside (social services) and 3 000 outside (the state) for 5 years:
//   org_npv = 10 × r × 6 000 × 5 − C = 300 000 r − C,
//   society_npv = 10 × r × 9 000 × 5 − C = 450 000 r − C.
// Base (r = 0.5, C = 100 000): org 50 000, society 125 000.
// Success rate 0.3 / 0.7: org −10 000 / 110 000 (swing 120 000),
//   society 35 000 / 215 000.
// Annual cost × 0.8 / × 1.2: org 70 000 / 30 000 (swing 40 000, so second),
//   society 145 000 / 105 000.
// Break-even through the intervention: r − org_npv / u with u = 300 000:
//   0.5 − 50 000 / 300 000 = 0.3333 → 33,3 %.
// The organisation's cumulative result (deterministic): 30 000 saved a year
//   from 2027, the cost in 2027: −70 000, −40 000, −10 000, 20 000, 50 000, 50 000.
const handWorked = (): any =>
  handWorkedScenario('0.5', { success_rate: { low: '0.3', high: '0.7' }, annual_cost: { low: '0.8', high: '1.2' } });

// Swedish figures: no-break spaces within a number, before its unit and before %.
const nb = (s: string) => s.replace(/(\d) (?=\d)/g, '$1\u00a0').replace(/(\d) (?=kr|%)/g, '$1\u00a0');

/**
 * The app with the hand-worked scenario pasted (valid: no notice, so not
 * support.ts pasteScenario, which waits for one), amounts in kr, its
 * decision charts drawn.
 */
async function pasted(page: Page): Promise<void> {
  await open(page, '/index.html#lang=sv');
  const panel = page.getByTestId('scenario-json-panel');
  await panel.scrollIntoViewIfNeeded();
  if (!(await panel.evaluate((d) => (d as HTMLDetailsElement).open))) await panel.locator('summary').click();
  await page.getByTestId('in-paste-json').fill(JSON.stringify(handWorked()));
  await page.getByTestId('load-json').click();
  await expect(page.getByTestId('scenario-title')).toHaveText('Handräknat');
  await page.locator('label[for="unit-kr"]').click();
  await expect(page.getByTestId('unit-kr')).toBeChecked();
  await expect(page.getByTestId('decision-charts').locator('.decision-tornado-org .tornado-bar')).toHaveCount(2);
}

test('the tornado shows the assumptions worked by hand, largest swing first, and switches to society', async ({ page }) => {
  await pasted(page);
  const charts = page.getByTestId('decision-charts');
  const org = charts.locator('.decision-tornado-org');
  const society = charts.locator('.decision-tornado-society');
  await expect(org).toBeVisible();
  await expect(society).toBeHidden();
  await expect(org.locator('figcaption')).toHaveText('Vad påverkar organisationens nuvärde mest');
  const bars = org.locator('.tornado-bar');
  await expect(bars.nth(0)).toHaveAttribute(
    'aria-label',
    nb('Familjestöd, andel som lyckas: Lågt 30,0 % → −10 000 kr; Högt 70,0 % → 110 000 kr'),
  );
  await expect(bars.nth(1)).toHaveAttribute(
    'aria-label',
    nb('Familjestöd, årlig kostnad (andel av antagen): Lågt 80,0 % → 70 000 kr; Högt 120,0 % → 30 000 kr'),
  );
  await expect(org.locator('.tornado-base-label')).toHaveText(nb('Bas: 50 000 kr'));
  // The low end lies left of the base for the success rate (−10 000 < 50 000), right of it for the cost (70 000).
  const base = Number(await org.locator('.tornado-base').getAttribute('x1'));
  const low = (n: number) => bars.nth(n).locator('.tornado-low');
  const x0 = Number(await low(0).getAttribute('x'));
  expect(x0).toBeLessThan(base);
  expect(x0 + Number(await low(0).getAttribute('width'))).toBeCloseTo(base, 1);
  expect(Number(await low(1).getAttribute('x'))).toBeCloseTo(base, 1);
  // The data table for screen readers has every row.
  await expect(charts.locator('.tornado-table tbody tr')).toHaveCount(2);
  await expect(charts.locator('.tornado-table tbody tr').first()).toContainText(nb('35 000 kr'));

  await page.locator('label[for="fundsim-dc-society"]').click();
  await expect(page.getByRole('radio', { name: /^(✓ )?Samhället$/ })).toBeChecked();
  await expect(org).toBeHidden();
  await expect(society).toBeVisible();
  await expect(society.locator('figcaption')).toHaveText('Vad påverkar samhällets nuvärde mest');
  const sbars = society.locator('.tornado-bar');
  await expect(sbars.nth(0)).toHaveAttribute(
    'aria-label',
    nb('Familjestöd, andel som lyckas: Lågt 30,0 % → 35 000 kr; Högt 70,0 % → 215 000 kr'),
  );
  await expect(sbars.nth(1)).toHaveAttribute(
    'aria-label',
    nb('Familjestöd, årlig kostnad (andel av antagen): Lågt 80,0 % → 145 000 kr; Högt 120,0 % → 105 000 kr'),
  );
  await expect(society.locator('.tornado-base-label')).toHaveText(nb('Bas: 125 000 kr'));

  // In English, written anew: the choice stays.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(society.locator('figcaption')).toHaveText("What moves society's present value most");
  await expect(page.getByRole('radio', { name: /^(✓ )?Society$/ })).toBeChecked();
  await expect(society).toBeVisible();
});

test('keyboard: the switch is a radio group, and focus on a bar shows both values, on a year of a fan its band and median', async ({ page }) => {
  await pasted(page);
  const charts = page.getByTestId('decision-charts');
  const first = charts.locator('.decision-tornado-org .tornado-bar').first();
  await expect(first.locator('.decision-readout')).toBeHidden();
  // From the switch, Tab reaches the first bar.
  await page.getByRole('radio', { name: /^(✓ )?Organisationen$/ }).focus();
  await page.keyboard.press('Tab');
  await expect(first).toBeFocused();
  const readout = first.locator('.decision-readout');
  await expect(readout).toBeVisible();
  await expect(readout).toContainText(nb('Lågt 30,0 %: −10 000 kr'));
  await expect(readout).toContainText(nb('Högt 70,0 %: 110 000 kr'));
  // The arrow keys walk along the bars, as in the app's own charts.
  await page.keyboard.press('ArrowDown');
  await expect(charts.locator('.decision-tornado-org .tornado-bar').nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(first).toBeFocused();
  // The arrow keys move the switch, as in any radio group.
  await page.getByRole('radio', { name: /^(✓ )?Organisationen$/ }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: /^(✓ )?Samhället$/ })).toBeChecked();
  await expect(charts.locator('.decision-tornado-society')).toBeVisible();

  // The fans come with the Monte Carlo run.
  const fans = charts.locator('.decision-fan');
  await expect(fans).toHaveCount(2, { timeout: 20_000 });
  const year = fans.nth(1).locator('.fan-point').first();
  await year.focus();
  await expect(year.locator('.decision-readout')).toBeVisible();
  await expect(year.locator('.decision-readout')).toContainText('2027: Median');
  await expect(year.locator('.decision-readout')).toContainText('5–95\u00a0%:');
});

test('the fan charts have their band, median and a data table, the cumulative result as worked by hand', async ({ page }) => {
  await pasted(page);
  const fans = page.getByTestId('decision-charts').locator('.decision-fan');
  await expect(fans).toHaveCount(2, { timeout: 20_000 });
  await expect(fans.nth(0).locator('figcaption')).toHaveText('Fondens saldo: osäkerhet');
  await expect(fans.nth(1).locator('figcaption')).toHaveText('Organisationens ackumulerade resultat: osäkerhet');
  for (const n of [0, 1]) {
    await expect(fans.nth(n).locator('path.fan-band')).toHaveCount(1);
    await expect(fans.nth(n).locator('path.fan-median')).toHaveCount(1);
    await expect(fans.nth(n).locator('.fan-point')).toHaveCount(6);
    await expect(fans.nth(n).locator('table tbody tr')).toHaveCount(6);
  }
  // The deterministic column of the cumulative result: −70 000 … 50 000 (worked above).
  const rows = fans.nth(1).locator('table tbody tr');
  const deterministic = await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelector('td:last-child')?.textContent));
  expect(deterministic).toEqual(['−70 000 kr', '−40 000 kr', '−10 000 kr', '20 000 kr', '50 000 kr', '50 000 kr'].map(nb));
  await expect(rows.first().locator('th')).toHaveText('2027');
  // The median lies within the band in every year (5 % ≤ median ≤ 95 %).
  const cells = await rows.evaluateAll((trs) =>
    trs.map((tr) =>
      [...tr.querySelectorAll('td')].slice(0, 3).map((td) => Number((td.textContent ?? '').replace(/[^0-9−-]/g, '').replace('−', '-'))),
    ),
  );
  for (const [p5, p50, p95] of cells) {
    expect(p5).toBeLessThanOrEqual(p50);
    expect(p50).toBeLessThanOrEqual(p95);
  }
});

test('the per-intervention break-even is worked by hand', async ({ page }) => {
  await pasted(page);
  const row = page.getByTestId('decision-charts').locator('.break-even-table tbody tr');
  await expect(row).toHaveCount(1);
  await expect(row.locator('th')).toHaveText('Familjestöd');
  await expect(row.locator('td').nth(0)).toHaveText(nb('33,3 %'));
  await expect(row.locator('td').nth(1)).toHaveText(nb('50,0 %'));
});

test('the CSV file has the sensitivity rows and the break-even', async ({ page }) => {
  await pasted(page);
  await page.getByTestId('year-tables').scrollIntoViewIfNeeded();
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-csv-plain').click()]);
  const csv = (await import('node:fs')).readFileSync((await file.path())!, 'utf8');
  expect(csv).toContain(
    'Insats,Antagande,Lågt,Högt,Organisationens nuvärde vid lågt,Organisationens nuvärde vid högt,Samhällets nuvärde vid lågt,Samhällets nuvärde vid högt',
  );
  expect(csv).toContain('Familjestöd,andel som lyckas,0.3000,0.7000,-10000.00,110000.00,35000.00,215000.00');
  expect(csv).toContain('Familjestöd,årlig kostnad (andel av antagen),0.8000,1.2000,70000.00,30000.00,145000.00,105000.00');
  expect(csv).toContain('Familjestöd,0.5000,0.3333,');
});

test('accessibility: no serious or critical axe violations in the decision charts', async ({ page }) => {
  await pasted(page);
  await expect(page.getByTestId('decision-charts').locator('.decision-fan')).toHaveCount(2, { timeout: 20_000 });
  const results = await new AxeBuilder({ page }).include('[data-testid="decision-charts"]').analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious).toEqual([]);
});

for (const width of [390, 1920]) {
  test(`screenshot at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 1080 });
    await pasted(page);
    const charts = page.getByTestId('decision-charts');
    await expect(charts.locator('.decision-fan')).toHaveCount(2, { timeout: 20_000 });
    await charts.scrollIntoViewIfNeeded();
    // Nothing wider than the page.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await charts.locator('.decision-tornado-org .tornado-bar').first().focus();
    await charts.screenshot({ path: `${SHOTS}/dcharts-${width}.png` });
    await page.screenshot({ path: `${SHOTS}/dcharts-page-${width}.png` });
  });
}
