// "How is this calculated?": an explanation opens in place from a key
// figure, a chart item and a table cell, with the keyboard only; it shows
// the scenario's own numbers and ends with the figure shown; Escape closes
// it and gives the focus back. The scenario is small enough to derive by
// hand (the same as src/explain/tests.rs):
//   one intervention 2026–2027, 50 000 a year, 80 % from the fund;
//   E = 10 × 0.5 × (1 − 0.2) = 4; lag 1, benefit 2, drop-off 0.5;
//   social (inside, 10 000): 2027 40 000, 2028 4 × 10 000 × 0.5 + 4 × 10 000 = 60 000, 2029 20 000;
//   repayment half the inside savings: 20 000, 30 000, 10 000;
//   fund: 100 000 − 40 000 = 60 000 (2026), 60 000 + 20 000 − 40 000 = 40 000 (2027);
//   org net −50 000, −10 000, 60 000, 20 000; at 10 %:
//   −50 000 − 10 000/1.1 + 60 000/1.21 + 20 000/1.331 = 5 522.16.
import { expect, test, type Page } from '@playwright/test';
import { explainSmall, nb, open, scenarioLink, seriousAxe, SHOTS, showTables } from './support';

const small = explainSmall;

test('a key figure explains its present value with the discount factors, keyboard only', async ({ page }) => {
  const errors = await open(page, scenarioLink(small, 'lang=sv'));
  const button = page.locator('.key-figures button[data-explain="org_npv::"]');
  await expect(button).toHaveText('Hur räknas detta?');
  await button.focus();
  await page.keyboard.press('Enter');
  const panel = page.getByTestId('explain-panel');
  await expect(panel).toBeFocused();
  await expect(panel).toContainText('Diskonteringsfaktor (1 + ränta)^3');
  await expect(panel).toContainText('1,331');
  await expect(panel.getByTestId('explain-result')).toContainText(nb('= 5 522,16 kr'));
  expect(await seriousAxe(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(button).toBeFocused();
  expect(errors).toEqual([]);
});

test('a chart item and table cells explain the fund balance and a cohort’s savings', async ({ page }) => {
  await open(page, scenarioLink(small, 'lang=sv'));
  // The fund chart's 2027 item, focused as Tab reaches it, then Enter.
  const bar = page.locator('g[data-explain="close:2027:"]');
  await bar.focus();
  await page.keyboard.press('Enter');
  const panel = page.getByTestId('explain-panel');
  await expect(panel.getByTestId('explain-result')).toContainText(nb('= 40 000,00 kr'));
  await page.keyboard.press('Escape');
  await expect(bar).toBeFocused();

  // The fund's table: the region leads into its cells, the arrow keys step them.
  await showTables(page);
  const region = page.locator('.table-scroll', { has: page.getByTestId('table-fund') });
  await region.focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('td[data-explain="open:2026:"]')).toBeFocused();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  const cell = page.locator('td[data-explain="close:2027:"]');
  await expect(cell).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(panel).toBeFocused();
  await expect(panel).toContainText(nb('60 000,00 kr'));
  await expect(panel.getByTestId('explain-result')).toContainText(nb('= 40 000,00 kr'));
  await page.keyboard.press('Escape');
  await expect(cell).toBeFocused();

  // Social's table, opened with the keyboard; its 2028 savings, cohort by cohort.
  await page.getByTestId('actor-table-social').locator('summary').focus();
  await page.keyboard.press('Enter');
  const savings = page.locator('td[data-explain="savings:2028:social"]');
  await savings.focus();
  await page.keyboard.press(' ');
  await expect(panel).toContainText(nb('4 × 10 000,00 kr × 0,5 = 20 000,00 kr'));
  await expect(panel).toContainText(nb('4 × 10 000,00 kr × 1 = 40 000,00 kr'));
  await expect(panel.getByTestId('explain-result')).toContainText(nb('= 60 000,00 kr (visas som 60 tkr)'));
  expect(await seriousAxe(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(savings).toBeFocused();
});

test('a term opens the glossary from the editor and from a key figure, keyboard only', async ({ page }) => {
  await open(page, scenarioLink(small, 'lang=sv'));
  const term = page.locator('.editor button[data-explain="term:deadweight"]').first();
  await expect(term).toHaveAccessibleName(/Ordlista: Dödvikt/);
  await term.focus();
  await page.keyboard.press('Enter');
  const panel = page.getByTestId('explain-panel');
  await expect(panel).toBeFocused();
  await expect(panel.getByTestId('glossary-definition')).toContainText('skulle ha skett ändå');
  // The whole glossary is a click away, every term defined.
  await expect(panel.locator('.glossary dt')).toHaveCount(13);
  expect(await seriousAxe(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(term).toBeFocused();

  await page.getByRole('button', { name: 'Svenska' }).or(page.getByRole('button', { name: 'English' })).first().click();
  const npvTerm = page.locator('.key-figures button[data-explain="term:present_value"]').first();
  await npvTerm.focus();
  await page.keyboard.press('Enter');
  await expect(panel.getByTestId('glossary-definition')).toContainText(/discounted|diskonteringsräntan/);
  await page.keyboard.press('Escape');
  await expect(npvTerm).toBeFocused();
});

for (const width of [390, 1920]) {
  test(`the explanation at ${width} px (screenshot)`, async ({ page }) => {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 1080 });
    await open(page, scenarioLink(small, 'lang=en'));
    await page.locator('.key-figures button[data-explain="payback_year::"]').click();
    const panel = page.getByTestId('explain-panel');
    await expect(panel.getByTestId('explain-result')).toContainText('= 2028');
    const box = await panel.boundingBox();
    expect(box && box.width <= width).toBe(true);
    await page.screenshot({ path: `${SHOTS}/explain-${width}.png` });
    await page.keyboard.press('Escape');
    await page.locator('.editor button[data-explain="term:accounting"]').click();
    await expect(panel.getByTestId('glossary-definition')).toContainText('earmarked equity');
    await page.screenshot({ path: `${SHOTS}/explain-glossary-${width}.png` });
  });
}

test('the guided tour starts from a link, steps with a clicker’s keys and is left with Escape', async ({ page }) => {
  const errors = await open(page, '/index.html#preset=placements&tour=1&lang=sv');
  const tour = page.getByTestId('tour');
  await expect(tour).toBeFocused();
  const counter = page.getByTestId('tour-counter');
  await expect(counter).toHaveText('Steg 1 av 6');
  await expect(tour.getByTestId('tour-text')).toContainText('social investeringsfond');
  await page.keyboard.press('ArrowRight');
  await expect(counter).toHaveText('Steg 2 av 6');
  await page.keyboard.press('PageDown');
  await expect(counter).toHaveText('Steg 3 av 6');
  await page.keyboard.press('PageUp');
  await expect(counter).toHaveText('Steg 2 av 6');
  await page.keyboard.press(' ');
  await expect(counter).toHaveText('Steg 3 av 6');
  await expect(tour.getByRole('heading')).toHaveText('Vem vinner');
  expect(await seriousAxe(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(tour).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a bad tour value is ignored without an error', async ({ page }) => {
  const errors = await open(page, '/index.html#preset=placements&tour=yes&lang=en');
  await expect(page.getByTestId('key-figures')).toBeVisible();
  await expect(page.getByTestId('tour')).toHaveCount(0);
  await expect(page.getByTestId('notice')).toHaveCount(0);
  expect(errors).toEqual([]);
});

for (const width of [390, 1920]) {
  test(`the tour at ${width} px (screenshot)`, async ({ page }) => {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 1080 });
    await open(page, '/index.html#preset=placements&tour=1&lang=en');
    // The tour comes with the on-demand module: its keys work once it is shown.
    await expect(page.getByTestId('tour-counter')).toHaveText('Step 1 of 6');
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('tour-counter')).toHaveText('Step 2 of 6');
    await expect(page.getByTestId('tour-text')).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/explain-tour-${width}.png` });
  });
}
