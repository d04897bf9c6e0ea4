// The totals reconcile on screen (issue 13): the fund as its own row / node
// in every view, the checked sum in both accounting modes, what the flow's
// total is made of, the outside actors' gains and losses, no verdict on a
// present value of zero, and the presets' sources as links.
//
// The jobs preset (src/presets/jobs.json), derived by hand:
// - Fund: Kommunstyrelsen appropriates 3 × 3 000 000 = 9 000 000. Jobbspår
//   (Arbetsmarknad) costs 3 000 000 a year in 2026–2028, all from the fund
//   (fund_share 1): grants 9 000 000. Fixed repayment, share 1, 5 instalments
//   of 1 800 000 in 2029–2033 (within the 12 years): repaid 9 000 000. The fund
//   received 18 000 000, paid out 9 000 000, has 9 000 000 left.
// - Successes per cohort 40 × 0.35 × (1 − 0.3) = 9.8; 3 cohorts, each over 8
//   years (lag 1) with drop-off 0.15: Σ_{k<8} 0.85^k = 4.85006316640625.
//   Social services save 75 045 × 9.8 × 3 × 4.85006316640625 = 10 700 805.92;
//   the state 111 000 × … = 15 827 696.14; households lose 10 700 805.92.
// - Inside: −9 000 000 (allocations) − 9 000 000 (repayments) + 10 700 805.92
//   = −7 299 194.08; + the fund's 9 000 000 = 1 700 805.92 = savings inside
//   10 700 805.92 − the cost 9 000 000: the organisation's result.
// - Earmarked equity: Kommunstyrelsen's fund cost is G − R = 0, so the inside
//   actors alone are 1 700 805.92.
// - The flow: paid in total 9 000 000 + 9 000 000 + 10 700 805.92 = 28 700 805.92
//   = the cost 9 000 000 + kept in the fund 9 000 000 + rising costs 10 700 805.92.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { fixture, open, scenarioLink, SHOTS, showTables } from './support';

const S = '[\\s\\u00a0]';
/** A pattern for `text` in which every space may be a no-break space. */
function spaced(text: string): RegExp {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, S);
  return new RegExp(escaped);
}

async function openJobs(page: Page, lang = 'sv'): Promise<void> {
  await open(page, `/index.html#preset=jobs&lang=${lang}`);
  await page.getByTestId('chart-flow').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('chart-who-pays-sum')).toBeVisible();
}

async function expectNoSeriousViolations(page: Page, view: string): Promise<void> {
  const results = await new AxeBuilder({ page }).include('.fundsim').analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious, `axe on ${view}`).toEqual([]);
}

test('the fund is on the map, and the inside actors plus the fund are the organisation, in both accounting modes', async ({ page }) => {
  await openJobs(page);
  // Who pays, who gains: the fund's own row, after the inside actors.
  const fundRow = page.locator('[data-testid="chart-who-pays"] .chart-item:not([data-actor])');
  await expect(fundRow).toHaveCount(1);
  await expect(fundRow).toHaveAttribute(
    'aria-label',
    spaced('Fonden: Fick (startkapital, avsättningar, återbetalningar): 18 000 tkr, Betalade ut (bidrag): 9 000 tkr, Kvar i fonden: 9 000 tkr'),
  );
  await expect(fundRow).toContainText(spaced('Kvar i fonden 9 000 tkr'));
  // The checked sum.
  await expect(page.getByTestId('chart-who-pays-sum')).toHaveText(
    spaced('Aktörerna inom organisationen −7 299 tkr + fonden 9 000 tkr = organisationens resultat 1 701 tkr ✓ stämmer.'),
  );
  // Where the accounting is chosen: the sentence with this scenario's figures.
  await expect(page.getByTestId('accounting-identity')).toContainText(spaced('Anslag: avsättningarna (9 000 tkr) är en kostnad när de görs'));
  await expect(page.getByTestId('accounting-identity')).toContainText(spaced('det fonden behållit (9 000 tkr)'));
  // The year tables: the fund's totals and the checked sum.
  await showTables(page);
  const total = page.getByTestId('fund-total');
  for (const field of ['allocations_total', 'grants_total', 'repayments_total', 'left']) {
    await expect(total.locator(`[data-field="${field}"]`)).toHaveAttribute('data-value', '9000000.00');
  }
  await expect(page.getByTestId('table-reconcile')).toHaveText(
    spaced('Aktörerna inom organisationen −7 299 tkr + fonden 9 000 tkr = organisationens resultat 1 701 tkr ✓ stämmer.'),
  );

  // Earmarked equity: the allocation is equity; the inside actors alone are the result.
  await page.getByTestId('in-fund-accounting-earmarked').check();
  await expect(page.getByTestId('chart-who-pays-sum')).toHaveText(
    spaced(
      'Aktörerna inom organisationen 1 701 tkr = organisationens resultat 1 701 tkr ✓ stämmer (öronmärkt eget kapital: avsättningen till fonden är eget kapital, inte en kostnad, så fonden läggs inte till).',
    ),
  );
  await expect(page.getByTestId('accounting-identity')).toContainText(
    spaced('Öronmärkt eget kapital: avsättningarna (9 000 tkr) är eget kapital, inte en kostnad'),
  );
  await expect(page.getByTestId('accounting-identity')).toContainText(spaced('det som finns kvar i fonden (9 000 tkr) ligger utanför'));
  await expect(page.getByTestId('table-reconcile')).toContainText(spaced('Aktörerna inom organisationen 1 701 tkr = organisationens resultat 1 701 tkr ✓'));
});

test('the flow says what its total is and shows the fund; the outside actors gains and losses are both shown', async ({ page }) => {
  await openJobs(page);
  const flow = page.getByTestId('chart-flow');
  await expect(flow.locator('svg text').filter({ hasText: /^Betalt totalt/ }).first()).toBeVisible();
  await expect(page.getByTestId('chart-flow-sum')).toHaveText(
    spaced(
      'Betalt totalt 28 701 tkr = insatsernas kostnad 9 000 tkr + kvar i fonden (avsatt men inte utbetalt) 9 000 tkr + kostnader som ökar för någon 10 701 tkr.',
    ),
  );
  const fundNode = flow.locator('.flow-gainer:not([data-actor])');
  await expect(fundNode).toHaveCount(1);
  await expect(fundNode).toHaveAttribute('aria-label', spaced('Fonden (kvar): vinner 9 000 tkr'));
  // Outside: the state gains 15 828 tkr, households lose 10 701 tkr; the net is 5 127 tkr.
  const outside = page.getByTestId('kf-savings-outside');
  await expect(outside.locator('.kf-value')).toContainText(spaced('5 127'));
  await expect(outside.locator('.kf-note')).toHaveText(
    spaced('netto av vinster 15 828 och förluster −10 701 (t.ex. hushåll som mister ett bidrag)'),
  );
  // The who-pays chart shows the same two: the households' row is a loss, the state's a gain.
  const who = page.getByTestId('chart-who-pays');
  await expect(who.locator('[data-actor="hushallen"]')).toHaveAttribute('aria-label', spaced('netto −10 701 tkr'));
  await expect(who.locator('[data-actor="staten"]')).toHaveAttribute('aria-label', spaced('netto +15 828 tkr'));
});

test('a scenario without investment has no verdict on its present value', async ({ page }) => {
  const own = fixture('savings-share');
  own.interventions = [];
  await open(page, scenarioLink(own, 'lang=sv'));
  for (const id of ['kf-org-npv', 'kf-society-npv']) {
    await expect(page.getByTestId(id).locator('.kf-value')).toContainText('0');
    await expect(page.getByTestId(id).locator('.kf-note')).toHaveCount(0);
    await expect(page.getByTestId(id)).not.toContainText('lönsamt');
  }
});

test('the presets sources are links to https pages, in a new tab and without referrer', async ({ page }) => {
  await openJobs(page);
  const sources = page.getByTestId('preset-sources');
  await sources.locator('summary').click();
  const links = sources.locator('a');
  expect(await links.count()).toBeGreaterThan(0);
  for (const link of await links.all()) {
    expect(await link.getAttribute('href')).toMatch(/^https:\/\/[^\s"'<>]+$/);
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  }
  // A scenario's own text never becomes a link: a link that carries one opens without any.
  const own = fixture('savings-share');
  own.name = 'https://example.invalid/"><a href="javascript:alert(1)">x</a>';
  await open(page, scenarioLink(own, 'lang=sv'));
  await expect(page.locator('.fundsim a[href^="javascript:"], .fundsim a[href*="example.invalid"]')).toHaveCount(0);
});

test('axe finds nothing serious, and screenshots at 390 and 1920 px', async ({ page }) => {
  test.setTimeout(120_000);
  for (const [width, height] of [
    [390, 844],
    [1920, 1080],
  ]) {
    await page.setViewportSize({ width, height });
    await openJobs(page);
    await showTables(page);
    await expectNoSeriousViolations(page, `jobs at ${width}`);
    for (const id of ['chart-who-pays', 'chart-flow']) {
      await page.getByTestId(id).screenshot({ path: `${SHOTS}/map-${id}-${width}.png` });
    }
    await page.getByTestId('kf-savings-outside').screenshot({ path: `${SHOTS}/map-kf-outside-${width}.png` });
    await page.getByTestId('accounting-identity').screenshot({ path: `${SHOTS}/map-accounting-${width}.png` });
  }
});
