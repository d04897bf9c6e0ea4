// Social outcome contracts (issue 15): the illustrative preset shows the
// contract's figures (derived by hand in tests/presets.rs: 3 850 000 kr paid
// in each of 2028–2030, 11 550 000 in all, the investor nets 1 650 000, IRR
// ≈ 8.0 %); an intervention is put under a contract in the editor and taken
// out again; a bad field is named at the field; a version-3 file is refused
// as made by a newer version; the CSV file carries the contracts.
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { open, pasteScenario, SHOTS } from './support';

const PRESET = '/index.html#preset=contract';

async function download(page: Page, testid: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  const path = await file.path();
  const fs = await import('node:fs');
  return fs.readFileSync(path, 'utf8');
}


test('the preset opens with the contract figures derived by hand', async ({ page }) => {
  const errors = await open(page, `${PRESET}&lang=sv`);
  const views = page.getByTestId('contract-views');
  await expect(views).toBeVisible();
  // Payments against savings: 3 850 000 in 2028, 2029 and 2030, nothing else.
  const payments = page.getByTestId('contract-payments-norrkopingmodell');
  await expect(payments.locator('td[data-value="3850000.00"]')).toHaveCount(3);
  await expect(payments.locator('tr[data-year="2028"] td').first()).toHaveAttribute('data-value', '3850000.00');
  // The investor: −3 300 000 in 2026, +550 000 in 2028 (−3 300 000 + 3 850 000).
  const cash = page.getByTestId('contract-cash-flow-norrkopingmodell');
  await expect(cash.locator('tr[data-year="2026"] td')).toHaveAttribute('data-value', '-3300000.00');
  await expect(cash.locator('tr[data-year="2028"] td')).toHaveAttribute('data-value', '550000.00');
  await expect(page.getByTestId('contract-investor_irr').locator('dd')).toHaveText(/^8,0\s%$/);
  await expect(page.getByTestId('contract-investor_multiple').locator('dd')).toHaveText('1,17');
  // Side by side: the fund's variant is there, and the investor exists only under the contract.
  const compare = page.getByTestId('contract-compare-norrkopingmodell');
  await expect(compare).toContainText('Genom fonden');
  await expect(compare.locator('tr[data-row="payback_year"] td').nth(1)).toHaveText('2026');
  expect(errors).toEqual([]);
});

test('presentation mode shows the contract key figure', async ({ page }) => {
  await open(page, `${PRESET}&lang=en&view=present`).catch(() => undefined);
  const figure = page.getByTestId('pr-contract-norrkopingmodell');
  await expect(figure).toBeVisible();
  await expect(figure.locator('.pr-kf-value')).toHaveAttribute('data-value', '11550000.00');
});

test('an intervention is put under a contract and taken out again; a bad field is named', async ({ page }) => {
  const errors = await open(page, '/index.html#preset=placements&lang=en');
  const intervention = page.getByTestId('intervention-0');
  await intervention.scrollIntoViewIfNeeded();
  if (!(await intervention.evaluate((d) => (d as HTMLDetailsElement).open))) {
    await intervention.locator('summary').click();
  }
  await expect(page.getByTestId('contract-views')).toHaveCount(0);
  await page.getByTestId('contract-add-0').click();
  await expect(page.getByTestId('contract-0')).toBeVisible();
  await expect(page.getByTestId('contract-views')).toBeVisible();
  // A negative price is refused at its field, in English.
  const price = page.getByTestId('in-outcome_contracts-0-price_per_outcome');
  await price.fill('-5');
  await price.press('Enter');
  await expect(page.getByTestId('err-outcome_contracts-0-price_per_outcome')).toHaveText(/Must not be negative\.$/);
  await price.fill('400000');
  await price.press('Enter');
  await expect(page.getByTestId('err-outcome_contracts-0-price_per_outcome')).toHaveCount(0);
  // Taken out again: back to the fund.
  await page.getByTestId('contract-remove-0').click();
  await expect(page.getByTestId('contract-add-0')).toBeVisible();
  await expect(page.getByTestId('contract-views')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a version-3 file says it was made by a newer version, in Swedish and English', async ({ page }) => {
  await open(page, '/index.html#preset=placements&lang=sv');
  const v3 = JSON.stringify({ schema_version: 3, name: 'x', something_new: true });
  expect(await pasteScenario(page, v3)).toContain('nyare version av fundsim');
  await open(page, '/index.html#preset=placements&lang=en');
  expect(await pasteScenario(page, v3)).toContain('newer version of fundsim');
});

test('the CSV file includes the outcome payments and the contracts', async ({ page }) => {
  await open(page, `${PRESET}&lang=en`);
  await page.getByTestId('year-tables').scrollIntoViewIfNeeded();
  const csv = await download(page, 'download-csv-plain');
  expect(csv).toContain('Outcome payments');
  expect(csv).toContain('Outcome contract');
  expect(csv).toContain('3850000.00');
  expect(csv).toContain('1650000.00');
});

for (const width of [390, 1920]) {
  test(`screenshot at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 1080 });
    await open(page, `${PRESET}&lang=sv`);
    // The views are written again when the analysis's runs report (1 000, then 10 000 draws).
    await expect(page.getByTestId('uncertainty-figures')).toHaveAttribute('data-draws', '10000', { timeout: 30_000 });
    const views = page.getByTestId('contract-views');
    await views.scrollIntoViewIfNeeded();
    await expect(views).toBeVisible();
    // Nothing wider than the page.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await views.screenshot({ path: `${SHOTS}/sib-contract-${width}.png` });
    await page.screenshot({ path: `${SHOTS}/sib-page-${width}.png` });
    const editor = page.getByTestId('contract-0');
    await editor.scrollIntoViewIfNeeded();
    await editor.screenshot({ path: `${SHOTS}/sib-editor-${width}.png` });
  });
}

// The base scenario of tests/cases/outcome_contracts.json (derivations there):
// payments 750 000 in 2028 and 2029, the investor nets −500 000, IRR −0.1340.
const V2 = {"schema_version": 2, "name": "Outcome contract test", "currency": "SEK", "start_year": 2026, "horizon_years": 6, "discount_rate": "0", "actors": [{"id": "central", "name": "Central", "inside": true}, {"id": "social", "name": "Social", "inside": true}, {"id": "state", "name": "State", "inside": false}], "fund": {"financed_by": "central", "accounting": "appropriation", "initial_capital": "0", "allocations": []}, "interventions": [{"id": "fs", "name": "Family support", "owner": "social", "start": 0, "years": 2, "annual_cost": "1000000", "fund_share": "1", "participants_per_year": "10", "success_rate": "0.5", "deadweight": "0.2", "lag_years": 1, "benefit_years": 3, "drop_off": "0", "avoided_costs": [{"actor": "social", "per_year": "100000"}]}], "outcome_contracts": [{"id": "sib", "name": "SIB", "intervention": "fs", "payer": "social", "price_per_outcome": "150000", "pay_after_years": 1, "cap": null}]};

test('the JS API accepts version 2 and never traps', async ({ page }) => {
  await page.goto('/tests/e2e/fixtures/api.html');
  await page.evaluate(() => (window as any).fundsimReady);
  await expect(page.locator('#status')).toHaveText('ready');
  const out = await page.evaluate((json) => {
    const w = window as any;
    const call = (f: () => string) => {
      try {
        return { ok: true, value: JSON.parse(f()) };
      } catch (e) {
        return { ok: false, isError: e instanceof Error, message: String((e as Error).message) };
      }
    };
    const s = JSON.parse(json);
    const bad = structuredClone(s);
    bad.outcome_contracts[0].price_per_outcome = '-1';
    const v1 = structuredClone(s);
    v1.schema_version = 1;
    return {
      simulate: call(() => w.fundsim.simulate(json)),
      monteCarlo: call(() => w.fundsimOnDemand.monteCarlo(json, 1, 20)),
      breakEven: call(() => w.fundsimOnDemand.breakEven(json)),
      sensitivity: call(() => w.fundsimOnDemand.sensitivity(json)),
      bad: call(() => w.fundsim.simulate(JSON.stringify(bad))),
      v1: call(() => w.fundsim.simulate(JSON.stringify(v1))),
      after: call(() => w.fundsim.simulate(json)),
    };
  }, JSON.stringify(V2));
  expect(out.simulate.ok).toBe(true);
  const c = out.simulate.value.outcome_contracts[0];
  expect(out.simulate.value.schema_version).toBe(2);
  expect(c.payments_total).toBe('1500000.00');
  expect(c.investor_net).toBe('-500000.00');
  expect(c.investor_irr).toBe('-0.1340');
  expect(out.simulate.value.actors[1].rows[2].outcome_payments).toBe('750000.00');
  expect(out.monteCarlo.ok && out.monteCarlo.value.outcome_contracts[0].investor_loss_share).toBe('1.0000');
  expect(out.breakEven.ok && out.breakEven.value.schema_version).toBe(2);
  expect(out.sensitivity.ok && out.sensitivity.value.schema_version).toBe(2);
  expect(out.bad).toEqual({ ok: false, isError: true, message: 'outcome_contracts[0].price_per_outcome: must not be negative' });
  expect(out.v1.ok).toBe(false);
  expect(out.v1.message).toContain('schema_version');
  expect(out.after.ok).toBe(true);
});

test('accessibility: no serious or critical axe violations in the contract views and editor', async ({ page }) => {
  await open(page, `${PRESET}&lang=sv`);
  await expect(page.getByTestId('contract-views')).toBeVisible();
  const intervention = page.getByTestId('intervention-0');
  if (!(await intervention.evaluate((d) => (d as HTMLDetailsElement).open))) {
    await intervention.locator('summary').click();
  }
  await page.getByTestId('contract-add-co-payer-0').click();
  await expect(page.getByTestId('contract-0')).toBeVisible();
  const results = await new AxeBuilder({ page }).include('.fundsim').analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious).toEqual([]);
});
