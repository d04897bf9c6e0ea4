// Outcome contracts (issue 15), the gaps closed after the first version:
// bad contracts from a paste, a file, a link and the autosave are refused in
// the reader's language naming the field, the scenario shown staying; Undo of
// a removed contracted intervention brings its contract back; the payer
// cannot be removed while it pays; the printed report states the contract's
// terms; the side by side has the break-even figures of both ways.
import { test, expect, type Page } from '@playwright/test';
import * as fs from 'fs';
import * as path from 'path';
import AxeBuilder from '@axe-core/playwright';
import { open, pasteScenario, scenarioLink, SHOTS } from './support';

const PRESET = '/index.html#preset=contract';
const KEY = 'fundsim.scenario.v1';
const CONTRACT = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'src', 'presets', 'contract.json'), 'utf8'));

function withContract(change: (c: any) => void): any {
  const s = structuredClone(CONTRACT);
  change(s.outcome_contracts[0]);
  return s;
}

/** Bad contracts and the Swedish words their notice must hold: the field's name (Utfallskontrakt 1 – …) and what is wrong. */
const BAD: { name: string; scenario: any; swedish: string[] }[] = [
  {
    name: 'a negative price',
    scenario: withContract((c) => (c.price_per_outcome = '-1')),
    swedish: ['Utfallskontrakt 1 – Pris per utfall', 'Får inte vara negativt'],
  },
  {
    name: "co-payers' shares over 1",
    scenario: withContract((c) => (c.co_payers = [{ actor: 'staten', share: '0.7' }, { actor: 'regionstyrelsen', share: '0.4' }])),
    swedish: ['Utfallskontrakt 1 – Medbetalare'],
  },
  {
    name: 'a payer that is not an actor',
    scenario: withContract((c) => (c.payer = 'Avd "X"')),
    swedish: ['Utfallskontrakt 1 – Betalare', 'är ingen aktör'],
  },
];

/** English a Swedish notice must not contain. */
const ENGLISH = /\b(is not|must|expected|invalid|unknown|missing|field|variant|type|line|column|not valid)\b/i;

async function noticeText(page: Page): Promise<string> {
  const notice = page.getByTestId('notice');
  await expect(notice).toBeVisible();
  const text = ((await notice.locator('p').textContent()) ?? '').replace(/^⚠\s*/, '');
  await page.getByTestId('notice-dismiss').click();
  return text;
}

function checkSwedish(text: string, bad: (typeof BAD)[number], way: string) {
  for (const words of bad.swedish) expect.soft(text, `${way}: ${bad.name}`).toContain(words);
  const rest = text.replace('Avd "X"', '').replace(/\([a-z_\[\]0-9.]+\)/g, '');
  expect.soft(rest, `${way}: ${bad.name}: ${text}`).not.toMatch(ENGLISH);
}

test('bad contracts pasted or opened as a file are refused in Swedish, naming the field; the scenario stays', async ({ page }) => {
  const errors = await open(page, `${PRESET}&lang=sv`);
  const before = await page.getByTestId('kf-total-cost').textContent();
  for (const bad of BAD) {
    const json = JSON.stringify(bad.scenario, null, 1);
    const pasted = await pasteScenario(page, json);
    expect.soft(pasted).toContain('Scenariot kunde inte läsas in');
    checkSwedish(pasted, bad, 'paste');
    await page.getByTestId('open-file').setInputFiles({ name: 'kontrakt.json', mimeType: 'application/json', buffer: Buffer.from(json) });
    checkSwedish(await noticeText(page), bad, 'file');
  }
  await expect(page.getByTestId('kf-total-cost')).toHaveText(before ?? '');
  await expect(page.getByTestId('contract-views')).toBeVisible();
  expect(errors).toEqual([]);
});

test('a link carrying a bad contract is refused in Swedish, naming the field, and opens the example', async ({ page }) => {
  for (const bad of BAD) {
    const errors = await open(page, scenarioLink(bad.scenario, 'lang=sv'));
    const text = await noticeText(page);
    expect.soft(text).toContain('Länken kunde inte öppnas');
    checkSwedish(text, bad, 'link');
    expect(errors).toEqual([]);
  }
});

test('an autosave holding a bad contract is refused in Swedish, naming the field', async ({ page }) => {
  await open(page, `${PRESET}&lang=sv`);
  for (const bad of BAD) {
    await page.evaluate(([key, value]) => { localStorage.clear(); localStorage.setItem(key, value); }, [KEY, JSON.stringify(bad.scenario)]);
    await page.goto('/tests/e2e/fixtures/api.html');
    const errors = await open(page, '/index.html');
    const text = await noticeText(page);
    checkSwedish(text, bad, 'autosave');
    // Set aside, not lost, and not shown: the first example is.
    const keys = await page.evaluate(() => Object.keys(localStorage));
    expect.soft(keys.some((k) => k.includes('.corrupt-'))).toBe(true);
    expect(errors).toEqual([]);
  }
});

test('the same bad contract reads in English in the English app', async ({ page }) => {
  await open(page, `${PRESET}&lang=en`);
  const text = await pasteScenario(page, JSON.stringify(BAD[0].scenario));
  expect(text).toBe(
    'The scenario could not be loaded. Outcome contract 1 – Price per outcome (outcome_contracts[0].price_per_outcome): Must not be negative.',
  );
});

test('Undo of a removed contracted intervention brings its contract back', async ({ page }) => {
  const errors = await open(page, `${PRESET}&lang=en`);
  const intervention = page.getByTestId('intervention-0');
  await intervention.scrollIntoViewIfNeeded();
  if (!(await intervention.evaluate((d) => (d as HTMLDetailsElement).open))) {
    await intervention.locator('summary').click();
  }
  await expect(page.getByTestId('contract-0')).toBeVisible();
  const paid = page.getByTestId('contract-payments_total');
  await expect(paid).toBeVisible();
  const before = await paid.textContent();
  await page.getByTestId('remove-intervention-0').click();
  await expect(page.getByTestId('contract-views')).toHaveCount(0);
  await page.getByTestId('notice-undo').click();
  await expect(page.getByTestId('contract-views')).toBeVisible();
  await expect(page.getByTestId('contract-payments_total')).toHaveText(before ?? '');
  const restored = page.getByTestId('intervention-0');
  if (!(await restored.evaluate((d) => (d as HTMLDetailsElement).open))) {
    await restored.locator('summary').click();
  }
  await expect(page.getByTestId('in-outcome_contracts-0-price_per_outcome')).toHaveValue(/550/);
  expect(errors).toEqual([]);
});

test("the contract's payer cannot be removed while it pays", async ({ page }) => {
  await open(page, `${PRESET}&lang=sv`);
  const remove = page.getByTestId('remove-actor-social');
  await remove.scrollIntoViewIfNeeded();
  await remove.click();
  const text = await noticeText(page);
  expect(text).toContain('kan inte tas bort');
  expect(text).toContain('betalar för utfallen av');
  await expect(page.getByTestId('remove-actor-social')).toBeVisible();
});

test('the printed report states the contract terms, in Swedish and English', async ({ page }) => {
  await open(page, `${PRESET}&lang=sv`);
  await page.emulateMedia({ media: 'print' });
  const terms = page.getByTestId('print-contract-norrkopingmodell');
  await expect(terms).toBeVisible();
  const text = (await terms.innerText()).replace(/\u00a0/g, ' ');
  // The preset's terms as typed (src/presets/contract.json); no co-payer, so the payer pays all.
  expect(text).toContain('Betalare: Socialförvaltningen (100 %)');
  expect(text).toContain('Pris per utfall: 550 000 kr');
  expect(text).toContain('Betalas efter: 2 år efter kohortens första besparingsår');
  expect(text).toContain('Tak för betalningarna: 12 000 000 kr');
  await terms.screenshot({ path: `${SHOTS}/sib-print-terms-sv.png` });
  // The contract's views (payments, the investor, the side by side) print with the results.
  await expect(page.getByTestId('contract-compare-norrkopingmodell')).toBeVisible();
  await expect(page.getByTestId('contract-payments-norrkopingmodell')).toBeVisible();
  await page.emulateMedia({ media: 'screen' });
  await page.getByTestId('lang-switch').click();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('print-contract-norrkopingmodell')).toContainText('Price per outcome: 550,000');
});

for (const width of [390, 1920]) {
  test(`the side by side with its break-even rows at ${width} px, accessible`, async ({ page }) => {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 1080 });
    await open(page, `${PRESET}&lang=sv`);
    // The uncertainty rows come with the analysis's run (1 000 draws, then 10 000): the views are
    // written again as each arrives, so wait for the last.
    await expect(page.getByTestId('uncertainty-figures')).toHaveAttribute('data-draws', '10000', { timeout: 30_000 });
    const compare = page.getByTestId('contract-compare-norrkopingmodell');
    await compare.scrollIntoViewIfNeeded();
    for (const row of ['effect_factor_org_npv', 'success_rate_for_org_npv', 'effect_factor_society_npv', 'investor_loss_share', 'payments_spread']) {
      await expect(compare.locator(`tr[data-row="${row}"]`)).toBeVisible();
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await compare.screenshot({ path: `${SHOTS}/sib-compare-${width}.png` });
    const results = await new AxeBuilder({ page }).include('[data-testid="contract-views"]').analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
    expect(serious).toEqual([]);
  });
}

for (const width of [390, 1920]) {
  test(`presentation mode shows the contract at ${width} px, in Swedish`, async ({ page }) => {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 1080 });
    await open(page, `${PRESET}&lang=sv&view=present`).catch(() => undefined);
    const figure = page.getByTestId('pr-contract-norrkopingmodell');
    await expect(figure).toBeVisible();
    // 3 × 3 850 000 = 11 550 000 paid within the period (tests/presets.rs).
    await expect(figure.locator('.pr-kf-value')).toHaveAttribute('data-value', '11550000.00');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await page.screenshot({ path: `${SHOTS}/sib-present-${width}.png` });
  });
}
