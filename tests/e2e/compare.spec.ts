// Plan A against plan B: pin, edit, see the differences; the link carries
// both (a reload shows both); an old link still opens as one scenario;
// leaving keeps both reachable; axe; screenshots at 390 and 1920 px.
//
// Hooks: "compare-with" (select: "now" or a preset id), "compare-file",
// "comparison", "compare-figures", "compare-actors", rows "cmp-<figure>"
// and "cmp-actor-<i>" with a "-diff" cell, "compare-swap", "compare-leave",
// "notice-open-baseline".
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { open, SHOTS } from './support';

const OWN = readFileSync('tests/data/own.json', 'utf8');
const NB = '\u00a0';
const MINUS = '\u2212';

async function openOwn(page: Page): Promise<void> {
  await open(page);
  await page.getByTestId('open-file').setInputFiles({ name: 'own.json', mimeType: 'application/json', buffer: Buffer.from(OWN) });
  await expect(page.getByTestId('scenario-title')).toContainText('Eget scenario');
}

async function raiseAnnualCost(page: Page): Promise<void> {
  const details = page.getByTestId('intervention-0');
  if ((await details.getAttribute('open')) === null) await details.locator('summary').first().click();
  await page.getByTestId('in-interventions-0-annual_cost').fill('2000000');
  await page.getByTestId('in-interventions-0-annual_cost').blur();
}

async function diff(page: Page, row: string): Promise<string> {
  return (await page.getByTestId(`${row}-diff`).textContent()) ?? '';
}

test('pin, edit, and the differences are as derived by hand; the link carries both', async ({ page }) => {
  await openOwn(page);
  await page.getByTestId('compare-with').selectOption('now');
  await expect(page.getByTestId('comparison')).toBeVisible();
  await raiseAnnualCost(page);
  // own.json: "Läxhjälp" runs 2 years; its annual cost 1 500 000 → 2 000 000 kr.
  // total_cost = Σ costs: A 2 × 2 000 000 = 4 000 000, B 2 × 1 500 000 = 3 000 000:
  // A − B = +1 000 000 kr = +1 000 tkr (the default unit).
  await expect(page.getByTestId('cmp-total-cost-diff')).toHaveText(`+1${NB}000${NB}tkr`);
  // Savings depend on participants and success, not on the cost: no difference.
  expect(await diff(page, 'cmp-savings-inside')).toBe('0 (ingen skillnad)');
  // Socialnämnden (soc) owns it with fund_share 0.8: its co-financing is
  // 0.2 × 500 000 × 2 = 200 000 more, and it repays the fund's grants in full
  // (fixed, share 1, 4 instalments, all inside the 10 years): 0.8 × 500 000 × 2
  // = 800 000 more. Its net falls by 1 000 000 kr: −1 000 tkr.
  // Kommunstyrelsen (ks) finances the fund, earmarked equity: fund cost =
  // grants − repayments, 800 000 − 800 000 = 0 more. Försäkringskassan: 0.
  const actors = page.getByTestId('compare-actors');
  await expect(actors.getByRole('row', { name: /Socialnämnden/ }).getByRole('cell').last()).toHaveText(`${MINUS}1${NB}000${NB}tkr`);
  await expect(actors.getByRole('row', { name: /Kommunstyrelsen/ }).getByRole('cell').last()).toHaveText('0 (ingen skillnad)');
  await expect(actors.getByRole('row', { name: /Försäkringskassan/ }).getByRole('cell').last()).toHaveText('0 (ingen skillnad)');

  // The fund of both on one chart, B dashed, with its legend and a row per year.
  await expect(page.getByTestId('cmp-fund-a')).toBeVisible();
  await expect(page.getByTestId('cmp-fund-b')).toHaveAttribute('stroke-dasharray', '7 5');
  await expect(page.getByRole('img', { name: 'Fondens saldo i A och B' })).toBeVisible();
  // The fund's balance the first year (2027, before the intervention starts
  // in 2028) is the same in A and B: 2 000 000 + 7 000 000 = 9 000 tkr each.
  await expect(page.getByTestId('cmp-fund-2027').getByRole('cell')).toHaveText([`9${NB}000${NB}tkr`, `9${NB}000${NB}tkr`, '0 (ingen skillnad)']);

  // The link carries both: after a reload, both are shown again.
  await expect.poll(() => page.evaluate(() => location.hash)).toContain('&bv=');
  await page.reload();
  await expect(page.getByTestId('comparison')).toBeVisible();
  await expect(page.getByTestId('cmp-total-cost-diff')).toHaveText(`+1${NB}000${NB}tkr`);
  await expect(page.getByTestId('compare-b')).toContainText('Eget scenario');

  // The downloads say which is which: every table of A's, then of B's.
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('compare-csv').click()]);
  const text = readFileSync(await csv.path(), 'utf8');
  expect(csv.suggestedFilename()).toMatch(/\.csv$/);
  const titles = text.split('\r\n').map((l) => l.replace(/^\uFEFF/, ''));
  const a = titles.filter((l) => l.startsWith('A: Eget scenario – ')).length;
  const b = titles.filter((l) => l.startsWith('B (jämförelse): Eget scenario – ')).length;
  expect(a).toBeGreaterThan(3);
  expect(b).toBe(a);
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('compare-xlsx').click()]);
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  // An .xlsx is a ZIP whose workbook lists the sheets: A's and B's, by name.
  const zip = readFileSync(await xlsx.path());
  expect(zip.subarray(0, 2).toString()).toBe('PK');

  // Swap: A is the old plan now, the difference turns.
  await page.getByTestId('compare-swap').click();
  await expect(page.getByTestId('cmp-total-cost-diff')).toHaveText(`${MINUS}1${NB}000${NB}tkr`);
  await page.getByTestId('compare-swap').click();

  // Leaving keeps A as edited and offers B back.
  await page.getByTestId('compare-leave').click();
  await expect(page.getByTestId('comparison')).toHaveCount(0);
  await expect(page.getByTestId('notice')).toContainText('Eget scenario');
  await expect.poll(() => page.evaluate(() => location.hash)).not.toContain('&bv=');
  const edited = await page.evaluate(() => location.hash);
  await page.getByTestId('notice-open-baseline').click();
  // B opened to edit: its cost is 1 500 000 × 2 = 3 000 tkr again.
  await expect(page.getByTestId('kf-total-cost').locator('[data-value]')).toHaveAttribute('data-value', '3000000.00');
  // Back returns to A as it was edited (4 000 tkr), once B has its own entry.
  await expect.poll(() => page.evaluate(() => location.hash)).not.toBe(edited);
  await page.goBack();
  await expect(page.getByTestId('kf-total-cost').locator('[data-value]')).toHaveAttribute('data-value', '4000000.00');
});

test('a preset as the baseline, an old link, and a damaged baseline', async ({ page }) => {
  // A link made before comparing existed opens one scenario, no comparison.
  await open(page, '/index.html#preset=gotland&lang=en');
  await expect(page.getByTestId('comparison')).toHaveCount(0);
  await page.getByTestId('compare-with').selectOption('jobs');
  await expect(page.getByTestId('compare-b')).toContainText('(preset)');
  await expect.poll(() => page.evaluate(() => location.hash)).toContain('preset=gotland&lang=en&bpreset=jobs');
  // A damaged baseline: A opens, B is refused by name in the reader's language.
  await page.goto('/index.html#preset=gotland&lang=en&bv=1&bs=@@@');
  await page.reload();
  await expect(page.getByTestId('key-figures')).toBeVisible();
  await expect(page.getByTestId('notice')).toContainText("The link's baseline (B) could not be opened");
  await expect(page.getByTestId('comparison')).toHaveCount(0);
});

for (const width of [390, 1920]) {
  test(`the comparison at ${width} px: axe finds nothing serious, nothing overflows`, async ({ page }) => {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 1080 });
    await openOwn(page);
    await page.getByTestId('compare-with').selectOption('now');
    await raiseAnnualCost(page);
    await expect(page.getByTestId('cmp-total-cost-diff')).toHaveText(`+1${NB}000${NB}tkr`);
    const results = await new AxeBuilder({ page }).include('[data-testid="comparison"]').analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
    expect(serious).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // Keyboard: the control and the buttons are reached by Tab.
    await page.getByTestId('compare-swap').focus();
    await expect(page.getByTestId('compare-swap')).toBeFocused();
    await page.getByTestId('comparison').scrollIntoViewIfNeeded();
    await page.getByTestId('comparison').screenshot({ path: `${SHOTS}/compare-${width}.png` });
  });
}
