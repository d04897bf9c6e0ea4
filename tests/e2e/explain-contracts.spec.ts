// "How is this calculated?" in the outcome contracts' views (issue 13 on the
// views of issue 15): every figure cell of the payments, the investor's cash
// flow and the fund beside the contract, and every contract figure, opens
// its explanation in place, with the mouse or the keyboard, and the
// explanation ends with the figure the cell shows. The contract preset,
// derived by hand (as tests/presets.rs and src/explain/contract_tests.rs):
//   familjestöd 2026–2028, 3 300 000 a year, paid by the investor;
//   each cohort 20 × 0.35 = 7 outcomes × 550 000 = 3 850 000, paid 0 + 2 years
//   later (2028–2030) by Socialförvaltningen, under the cap 12 000 000
//   (paid before the 2029 payment: 3 850 000; left under the cap 8 150 000);
//   the investor 2028: 3 850 000 − 3 300 000 = 550 000;
//   the investor's IRR: −3.3, −3.3, +0.55, +3.85, +3.85 (millions) has PV 0
//   at r = 0.08012… (PV(8 %) = +2 100, PV(8.1 %) = −14 876): shown 8,0 %;
//   savings bought, Socialförvaltningen 2028: 4.9 × (0.64 + 0.8 + 1) × 535 500 = 6 402 438.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { nb, open, seriousAxe, SHOTS } from './support';

const PRESET = '/index.html#preset=contract';

const flat = (t: string | null) => (t ?? '').replace(/\s+/g, ' ').trim();

async function views(page: Page, lang: 'sv' | 'en'): Promise<Locator> {
  await open(page, `${PRESET}&lang=${lang}`);
  // The views are written again when the analysis's run brings the contract's chances (1 000, then
  // 10 000 draws): wait for the last, so that the cells stay the ones focused.
  await expect(page.getByTestId('uncertainty-figures')).toHaveAttribute('data-draws', '10000', { timeout: 30_000 });
  const v = page.getByTestId('contract-views');
  await expect(v.locator('tr[data-row="investor_loss_share"]')).toHaveCount(1);
  await v.scrollIntoViewIfNeeded();
  return v;
}

/** The open panel's result line, once written. */
async function result(page: Page): Promise<string> {
  const line = page.getByTestId('explain-panel').getByTestId('explain-result');
  await expect(line).toBeVisible();
  return flat(await line.textContent());
}

test('the payments table: the region leads in, arrows step, Enter explains, Escape gives the focus back (sv)', async ({ page }) => {
  const v = await views(page, 'sv');
  const table = v.getByTestId('contract-payments-norrkopingmodell');
  const region = v.locator('.table-scroll', { has: page.getByTestId('contract-payments-norrkopingmodell') });
  await region.focus();
  await page.keyboard.press('ArrowDown');
  await expect(table.locator('td[data-explain="contract:paid:2026:0:0"]')).toBeFocused();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  const paid = table.locator('td[data-explain="contract:paid:2029:0:0"]');
  await expect(paid).toBeFocused();
  await page.keyboard.press('Enter');
  const panel = page.getByTestId('explain-panel');
  await expect(panel).toBeFocused();
  const text = flat(await paid.textContent());
  expect(await result(page)).toBe(flat(nb(`= 3 850 000,00 kr (visas som ${text} tkr)`)));
  await expect(panel).toContainText(nb('Årskullen från 2027, betald 2029'));
  await expect(panel).toContainText(nb('Betalt för tidigare årskullar: 3 850 000,00 kr'));
  await expect(panel).toContainText(nb('Kvar under taket (tak − betalt tidigare, minst 0): 8 150 000,00 kr'));
  expect(await seriousAxe(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(paid).toBeFocused();

  // One up, one right: the savings Socialförvaltningen buys in 2028.
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowRight');
  const bought = table.locator('td[data-explain="contract:bought:2028:0:0"]');
  await expect(bought).toBeFocused();
  await page.keyboard.press(' ');
  expect(await result(page)).toContain(flat(nb('= 6 402 438,00 kr')));
  expect(await result(page)).toContain(flat(await bought.textContent()));
  await page.keyboard.press('Escape');
  await expect(bought).toBeFocused();
});

test('the investor: a year of the cash flow, the IRR and the fund beside the contract (en)', async ({ page }) => {
  const v = await views(page, 'en');
  // The cash flow's region leads into its first year; the arrows step to 2028; Enter explains.
  const cash = v.getByTestId('contract-cash-flow-norrkopingmodell');
  await v.locator('.table-scroll', { has: page.getByTestId('contract-cash-flow-norrkopingmodell') }).focus();
  await page.keyboard.press('Enter');
  await expect(cash.locator('td[data-explain="contract:flow:2026:0:"]')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const year = cash.locator('td[data-explain="contract:flow:2028:0:"]');
  await expect(year).toBeFocused();
  await page.keyboard.press('Enter');
  expect(await result(page)).toBe(flat(nb(`= 550,000.00 SEK (shown as ${flat(await year.textContent())} kSEK)`)));
  const panel = page.getByTestId('explain-panel');
  await expect(panel).toContainText(nb("The intervention's cost, paid by the investor (negative): -3,300,000.00 SEK"));
  await expect(panel).toContainText(nb('+ Outcome payments received: 3,850,000.00 SEK'));
  await page.keyboard.press('Escape');
  await expect(year).toBeFocused();

  const irr = v.getByTestId('contract-investor_irr').locator('button[data-explain]');
  await irr.focus();
  await page.keyboard.press('Enter');
  await expect(panel).toBeFocused();
  expect(await result(page)).toMatch(/^= 8\.01\d*% \(shown as 8\.0%\)$/);
  await expect(panel).toContainText('The present value at this rate');
  await page.keyboard.press('Escape');
  await expect(irr).toBeFocused();

  // Beside the contract: the fund's variant by click, then the arrow to the contract's own figure.
  const compare = v.getByTestId('contract-compare-norrkopingmodell');
  const fund = compare.locator('td[data-explain="contract:fund_org_npv::0:"]');
  await fund.click();
  await expect(panel).toContainText('through the fund');
  expect(await result(page)).toContain(`(shown as ${flat(await fund.textContent())} `);
  await page.keyboard.press('Escape');
  await expect(fund).toBeFocused();
  await page.keyboard.press('ArrowRight');
  const own = compare.locator('td[data-explain="org_npv::"]');
  await expect(own).toBeFocused();
  await page.keyboard.press('Enter');
  expect(await result(page)).toContain(`(shown as ${flat(await own.textContent())} `);
  await expect(panel).not.toContainText('through the fund');
  await page.keyboard.press('Escape');
  await expect(own).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(compare.locator('td[data-explain="payback_year::"]')).toBeFocused();
});

for (const lang of ['sv', 'en'] as const) {
  test(`every explainable cell and figure of the contract ends with what it shows (${lang})`, async ({ page }) => {
    const v = await views(page, lang);
    const items = v.locator('[data-explain]');
    const n = await items.count();
    // 10 years × (1 payer + 2 avoided costs), 5 years of cash flow, 8 figures, 13 compared cells
    // (6 rows of two, the investor's net through the contract only), and the two rows of the run
    // (the chance of a loss and the payments' spread, through the contract only).
    expect(n).toBe(30 + 5 + 8 + 13 + 2);
    for (let i = 0; i < n; i++) {
      const item = items.nth(i);
      await item.click();
      const shown = flat(await item.textContent());
      const line = await result(page);
      expect(line, `${await item.getAttribute('data-explain')}`).toContain(shown);
      await page.keyboard.press('Escape');
      await expect(item).toBeFocused();
    }
  });
}

for (const width of [390, 1920]) {
  test(`an open contract explanation at ${width} px (axe, screenshot)`, async ({ page }) => {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 1080 });
    const v = await views(page, 'sv');
    const paid = v.locator('td[data-explain="contract:paid:2029:0:0"]');
    await paid.scrollIntoViewIfNeeded();
    await paid.click();
    const panel = page.getByTestId('explain-panel');
    await expect(panel.getByTestId('explain-result')).toBeVisible();
    const box = await panel.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= width + 1).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    expect(await seriousAxe(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/explain-contracts-${width}.png` });
  });
}
