// The app (index.html) as a user meets it, in Chromium.
//
// Hooks used: data-testid attributes (inputs are "in-<field id>", where the
// field id is the scenario path with [ ] . turned into "-", e.g.
// "in-interventions-0-annual_cost"; the engine's message at a field is
// "err-<field id>"); every amount in the tables and key figures carries the
// result JSON's exact string in data-value; the scenario being edited is the
// text of <pre data-testid="scenario-json"> (the "Show the scenario as JSON"
// panel, opened by support.ts scenarioText: a closed panel writes no JSON).
import { test, expect, type Page } from '@playwright/test';
import { currentScenario, fixture, foreign, open, recordRequests, scenarioLink, showTables, simulateInPage } from './support';
import AxeBuilder from '@axe-core/playwright';






/** Opens an intervention's editor (they start collapsed when there are several). */
async function openIntervention(page: Page, index: number): Promise<void> {
  const details = page.getByTestId(`intervention-${index}`);
  if ((await details.getAttribute('open')) === null) {
    await details.locator('summary').first().click();
  }
  await expect(details).toHaveAttribute('open', '');
}

async function dataValue(page: Page, testid: string): Promise<string | null> {
  return page.getByTestId(testid).locator('[data-value]').first().getAttribute('data-value');
}

async function cells(page: Page, testid: string, field: string): Promise<(string | null)[]> {
  return page.getByTestId(testid).locator(`td[data-field="${field}"]`).evaluateAll((tds) =>
    tds.map((td) => td.getAttribute('data-value')),
  );
}

/** Opens an actor's year-by-year table as a reader does (closed tables hold no rows). */
async function openActorTable(page: Page, actor: string): Promise<void> {
  const details = page.getByTestId(`actor-table-${actor}`);
  if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
  await expect(page.getByTestId(`table-actor-${actor}`)).toBeVisible();
}

async function chartMarkup(page: Page, testid: string): Promise<string> {
  return page.getByTestId(testid).locator('svg').first().innerHTML();
}

test('opens in Swedish on the first preset with key figures, charts and tables', async ({ page }) => {
  const errors = await open(page);
  await expect(page.locator('.fundsim')).toHaveAttribute('lang', 'sv');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Social investeringsfond');
  for (const id of ['kf-total-cost', 'kf-savings-inside', 'kf-savings-outside', 'kf-org-npv', 'kf-society-npv', 'kf-payback', 'kf-revolving']) {
    await expect(page.getByTestId(id)).toBeVisible();
  }
  for (const id of ['chart-fund', 'chart-who-pays', 'chart-actor-years', 'chart-flow']) {
    await expect(page.getByTestId(id).locator('svg')).toBeVisible();
  }
  await showTables(page);
  await expect(page.getByTestId('preset-story')).toContainText('Illustrativt');
  // The app opens on the first preset offered.
  const first = await page.getByTestId('preset-select').locator('option').first().getAttribute('value');
  await expect(page.getByTestId('preset-select')).toHaveValue(first ?? '');
  expect(errors).toEqual([]);
});

test('changing the yearly allocation changes the fund chart and the key figures', async ({ page }) => {
  await open(page);
  await showTables(page);
  const chartBefore = await chartMarkup(page, 'chart-fund');
  await page.getByTestId('in-allocation-amount').fill('0');
  await expect(page.getByTestId('fund-dry-warning')).toBeVisible();
  // The year tables follow an edit one frame after the charts: poll them.
  await expect.poll(async () => (await cells(page, 'table-fund', 'allocation')).every((v) => v === '0.00')).toBe(true);
  expect(await chartMarkup(page, 'chart-fund')).not.toEqual(chartBefore);

  // "X a year for N years", typed the Swedish way.
  await page.getByTestId('in-allocation-amount').fill('25 000 000');
  await page.getByTestId('in-allocation-years').fill('3');
  await expect(page.getByTestId('fund-dry-warning')).toHaveCount(0);
  await expect
    .poll(async () => (await cells(page, 'table-fund', 'allocation')).slice(0, 3))
    .toEqual(['25000000.00', '25000000.00', '25000000.00']);
  expect((await cells(page, 'table-fund', 'allocation')).slice(3).every((v) => v === '0.00')).toBe(true);
  // The text stays as typed while the field is being edited.
  await expect(page.getByTestId('in-allocation-amount')).toHaveValue('25 000 000');

  // A single year.
  await page.getByTestId('allocation-single-years').click();
  await page.getByTestId('in-fund-allocations-1').fill('1 500 000,50');
  await expect.poll(async () => (await cells(page, 'table-fund', 'allocation'))[1]).toBe('1500000.50');
});

test('switching the repayment rule changes who repays', async ({ page }) => {
  // A scenario of the test's own whose first intervention is owned inside the
  // organisation (an owner outside repays nothing to the fund).
  const own = fixture('savings-share');
  await open(page, scenarioLink(own, 'lang=sv'));
  await expect(page.getByTestId('scenario-title')).toHaveText(own.name);
  await expect(page.getByTestId('notice')).toHaveCount(0);
  const scenario = await currentScenario(page);
  const owner = scenario.interventions[0].owner as string;
  expect(owner).toBe('school');
  expect(scenario.actors.find((a: any) => a.id === owner).inside).toBe(true);

  await openIntervention(page, 0);
  const kind = page.getByTestId('in-interventions-0-repayment-kind');
  await kind.selectOption('none');
  await expect(page.getByTestId('sentence-interventions-0-repayment')).toContainText('ingenting');
  // A grant: the owner repays nothing (its savings come from this intervention only).
  await openActorTable(page, owner);
  await expect.poll(() => cells(page, `table-actor-${owner}`, 'repayment')).toEqual(Array(own.horizon_years).fill('0.00'));

  await kind.selectOption('fixed');
  await expect(page.getByTestId('sentence-interventions-0-repayment')).toContainText('Utbildningsförvaltningen betalar tillbaka');
  await expect.poll(async () => (await cells(page, `table-actor-${owner}`, 'repayment')).some((v) => v !== '0.00')).toBe(true);
  expect((await currentScenario(page)).interventions[0].repayment.kind).toBe('fixed');

  await kind.selectOption('savings_share');
  await expect(page.getByTestId('sentence-interventions-0-repayment')).toContainText('av sina besparingar');
  const rule = (await currentScenario(page)).interventions[0].repayment;
  expect(rule.kind).toBe('savings_share');
});

test('adding an intervention adds it to the scenario and the results', async ({ page }) => {
  await open(page);
  const before = (await currentScenario(page)).interventions.length;
  const costBefore = await dataValue(page, 'kf-total-cost');
  await page.getByTestId('add-intervention').click();
  await expect(page.getByTestId(`intervention-${before}`)).toBeVisible();
  expect((await currentScenario(page)).interventions.length).toBe(before + 1);
  await expect(page.getByTestId('table-interventions').locator('tbody tr')).toHaveCount(before + 1);
  expect(await dataValue(page, 'kf-total-cost')).not.toEqual(costBefore);
  await expect(page.getByTestId('error-summary')).toHaveCount(0);
});

test('an invalid entry shows the message at the field and keeps the last results', async ({ page }) => {
  await open(page);
  const before = await dataValue(page, 'kf-society-npv');
  await openIntervention(page, 0);
  await page.getByTestId('in-interventions-0-success_rate').fill('150');
  await expect(page.getByTestId('err-interventions-0-success_rate')).toContainText('mellan 0');
  await expect(page.getByTestId('error-summary')).toBeVisible();
  expect(await dataValue(page, 'kf-society-npv')).toEqual(before);
  await page.getByTestId('in-interventions-0-success_rate').fill('10');
  await expect(page.getByTestId('err-interventions-0-success_rate')).toHaveCount(0);
});

test('removing an actor still in use is refused with a message', async ({ page }) => {
  await open(page);
  const scenario = await currentScenario(page);
  const financer = scenario.fund.financed_by as string;
  await page.getByTestId(`remove-actor-${financer}`).click();
  await expect(page.getByTestId('notice')).toContainText('finansierar fonden');
  expect((await currentScenario(page)).actors.length).toBe(scenario.actors.length);
});

test('an actor id can be renamed, its references follow, and a taken id is refused at the field', async ({ page }) => {
  await open(page);
  const before = await currentScenario(page);
  // The actor that owns the first intervention, so that references exist.
  const index = before.actors.findIndex((a: any) => a.id === before.interventions[0].owner);
  const old = before.actors[index].id as string;
  const other = before.actors[(index + 1) % before.actors.length];

  // A taken id: the message names the actor that has it; the scenario keeps the old id.
  const field = page.getByTestId(`in-actors-${index}-id`);
  await field.fill(other.id);
  await field.press('Tab');
  await expect(page.getByTestId(`err-actors-${index}-id`)).toContainText(other.name);
  expect((await currentScenario(page)).actors[index].id).toBe(old);

  // A free id: taken when the field is left; every reference to the old id follows.
  await field.fill('renamed-actor');
  await expect(page.getByTestId(`err-actors-${index}-id`)).toHaveCount(0);
  await field.press('Enter');
  await expect.poll(async () => (await currentScenario(page)).actors[index].id).toBe('renamed-actor');
  const after = await currentScenario(page);
  expect(JSON.stringify(after)).not.toContain(`"${old}"`);
  expect(after.interventions[0].owner).toBe('renamed-actor');
  // Apart from the id, the scenario is the one we started with.
  expect(JSON.parse(JSON.stringify(after).replaceAll('"renamed-actor"', `"${old}"`))).toEqual(before);
  // The results follow too: the actor's table is found under its new id.
  await expect(page.getByTestId('actor-table-renamed-actor')).toHaveCount(1);
});

test('switching to English translates the page and its numbers', async ({ page }) => {
  await open(page);
  await page.getByTestId('lang-switch').click();
  await expect(page.locator('.fundsim')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Social investment fund');
  await expect(page.getByTestId('kf-total-cost')).toContainText('Cost of the interventions');
  await expect(page.getByTestId('kf-total-cost')).toContainText('kSEK');
  const text = (await page.locator('.fundsim').innerText()).toLowerCase();
  for (const swedish of ['kostnad för insatserna', 'besparingar', 'antaganden', 'återbetalning']) {
    expect(text).not.toContain(swedish);
  }
  await page.getByTestId('unit-mnkr').check({ force: true });
  await expect(page.getByTestId('kf-total-cost')).toContainText('MSEK');
});

test('every preset loads, with its story and sources', async ({ page }) => {
  await open(page);
  const ids = await page.getByTestId('preset-select').locator('option').evaluateAll((os) =>
    os.map((o) => (o as HTMLOptionElement).value).filter((v) => v),
  );
  expect(ids.length).toBeGreaterThan(0);
  for (const id of ids) {
    await page.getByTestId('preset-select').selectOption(id);
    await expect(page.getByTestId('preset-story')).toContainText('Illustrativt');
    await expect(page.getByTestId('error-summary')).toHaveCount(0);
    await expect(page.getByTestId('notice')).toHaveCount(0);
    const scenario = await currentScenario(page);
    const title = await page.getByTestId('preset-select').locator(`option[value="${id}"]`).textContent();
    await expect(page.getByTestId('scenario-title')).toHaveText(title ?? '');
    const expected = await simulateInPage(page, scenario);
    expect(await dataValue(page, 'kf-total-cost')).toBe(expected.key_figures.total_cost);
  }
});

test('the year-by-year tables equal what simulate returns', async ({ page }) => {
  await open(page);
  // Edit something first, so that the tables are the recomputed ones.
  await page.getByTestId('in-discount_rate').fill('4');
  await page.getByTestId('add-intervention').click();
  const scenario = await currentScenario(page);
  expect(scenario.discount_rate).toBe('0.04');
  const expected = await simulateInPage(page, scenario);

  for (const field of ['open', 'allocation', 'grants', 'repayments', 'close']) {
    // The year tables follow an edit one frame after the charts: poll them.
    await expect.poll(() => cells(page, 'table-fund', field)).toEqual(expected.fund.map((r: any) => r[field]));
  }
  expect(await cells(page, 'table-net', 'org_net')).toEqual(expected.org_net);
  expect(await cells(page, 'table-net', 'society_net')).toEqual(expected.society_net);
  for (const actor of expected.actors) {
    await openActorTable(page, actor.id);
    for (const field of ['savings', 'co_financing', 'repayment', 'fund_cost', 'grants_received', 'net']) {
      await expect.poll(() => cells(page, `table-actor-${actor.id}`, field), { message: `${actor.id}.${field}` }).toEqual(
        actor.rows.map((r: any) => r[field]),
      );
    }
  }
  expect(await cells(page, 'table-interventions', 'grants_total')).toEqual(expected.interventions.map((i: any) => i.grants_total));
  expect(await cells(page, 'table-interventions', 'repaid_total')).toEqual(expected.interventions.map((i: any) => i.repaid_total));
  const k = expected.key_figures;
  expect(await dataValue(page, 'kf-total-cost')).toBe(k.total_cost);
  expect(await dataValue(page, 'kf-savings-inside')).toBe(k.savings_inside);
  expect(await dataValue(page, 'kf-savings-outside')).toBe(k.savings_outside);
  expect(await dataValue(page, 'kf-org-npv')).toBe(k.org_npv);
  expect(await dataValue(page, 'kf-society-npv')).toBe(k.society_npv);
  expect(await dataValue(page, 'kf-payback')).toBe(k.payback_year === null ? '' : String(k.payback_year));
  expect(await dataValue(page, 'kf-revolving')).toBe(k.revolving_ratio ?? '');
});

test('no request leaves the origin', async ({ page, baseURL }) => {
  const urls = recordRequests(page);
  await open(page);
  await page.getByTestId('lang-switch').click();
  await page.getByTestId('add-intervention').click();
  await page.getByTestId('scenario-json-panel').locator('summary').click();
  await page.waitForLoadState('networkidle');
  expect(foreign(urls, baseURL ?? '')).toEqual([]);
  expect(urls.some((u) => u.endsWith('/pkg/fundsim_bg.wasm'))).toBe(true);
});

async function expectNoSeriousViolations(page: Page, view: string): Promise<void> {
  const results = await new AxeBuilder({ page }).include('.fundsim').analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious, `axe on ${view}`).toEqual([]);
}

/** Opens every collapsed section, so that axe sees all of it. */
async function openAllDetails(page: Page): Promise<void> {
  await page.locator('details.fundsim, .fundsim details').evaluateAll((ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
}

test('accessibility: no serious or critical axe violations on any view', async ({ page }) => {
  test.setTimeout(240_000);
  await open(page);
  await expectNoSeriousViolations(page, 'opening view');
  await openAllDetails(page);
  await expectNoSeriousViolations(page, 'every section open');
  await page.getByTestId('in-interventions-0-success_rate').fill('150');
  await page.getByTestId(`remove-actor-${(await currentScenario(page)).fund.financed_by}`).click();
  await expectNoSeriousViolations(page, 'errors and a notice');
  await page.getByTestId('lang-switch').click();
  await expectNoSeriousViolations(page, 'English');
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoSeriousViolations(page, 'phone');
});

test('keyboard: the editor is reachable and focus is visible', async ({ page }) => {
  await open(page);
  await page.keyboard.press('Tab');
  await expect(page.locator('.skip-link')).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  const focused = page.locator(':focus');
  await expect(focused).toBeVisible();
  const outline = await focused.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe('none');
});

test('phone (390 px): results come first, nothing overflows sideways, touch targets are at least 44 px', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await open(page);
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(await overflow()).toBeLessThanOrEqual(0);
  await page.locator('.fundsim details').evaluateAll((ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
  expect(await overflow(), 'with every section open').toBeLessThanOrEqual(0);
  await page.getByTestId('lang-switch').click();
  expect(await overflow(), 'in English').toBeLessThanOrEqual(0);
  await page.locator('.fundsim details').evaluateAll((ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = false)));
  const kf = await page.getByTestId('key-figures').boundingBox();
  const editor = await page.locator('#fundsim-editor').boundingBox();
  expect(kf && editor && kf.y < editor.y).toBe(true);
  const small = await page.evaluate(() => {
    const targets = Array.from(
      document.querySelectorAll<HTMLElement>('.fundsim button, .fundsim select, .fundsim input[type="text"], .fundsim summary, .segmented label, .checkbox label, .choice label'),
    );
    return targets
      .filter((el) => el.offsetParent !== null)
      .map((el) => ({ el: el.dataset.testid || el.id || el.textContent?.trim().slice(0, 30), h: el.getBoundingClientRect().height }))
      .filter((t) => t.h < 43.5);
  });
  expect(small).toEqual([]);
});

test('wide screen (1920 px): the editor is a side column beside the results', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1200 });
  await open(page);
  const results = await page.locator('main.results').boundingBox();
  const editor = await page.locator('#fundsim-editor').boundingBox();
  expect(results && editor && editor.x >= results.x + results.width).toBe(true);
  // The key figures are in view without scrolling.
  const kf = await page.getByTestId('kf-payback').boundingBox();
  expect(kf && kf.y + kf.height <= 1200).toBe(true);
});

test('the uncertainty figures equal what monteCarlo returns for the same scenario', async ({ page }) => {
  await open(page);
  const scenario = await currentScenario(page);
  // The opening preset has ranges (if a preset change removes them, this test must change with it).
  expect(scenario.interventions.some((i: any) => i.uncertainty && Object.keys(i.uncertainty).length > 0)).toBe(true);
  // The app asks of the current term's last year (src/model/term.rs): an
  // election year's scenario is the next term's.
  const start = scenario.start_year;
  const first = 2027 + Math.floor((start - 2027) / 4) * 4;
  const last = start === first + 3 ? first + 7 : first + 3;
  const byYear = last <= start + scenario.horizon_years - 1 ? last : undefined;
  const expected = JSON.parse(
    await page.evaluate(
      async ([input, by]) => {
        // monteCarlo is exported by the on-demand module (the one the app's worker runs).
        const m = await import('/pkg/on-demand/fundsim_on_demand.js');
        await m.default();
        return m.monteCarlo(input, 2026, 10000, by);
      },
      [JSON.stringify(scenario), byYear] as const,
    ),
  );
  await expect(page.getByTestId('uncertainty-figures')).toHaveAttribute('data-draws', '10000', { timeout: 20_000 });
  const org = page.getByTestId('unc-org-npv');
  await expect(org).toHaveAttribute('data-p5', expected.org_npv.p5);
  await expect(org).toHaveAttribute('data-p50', expected.org_npv.p50);
  await expect(org).toHaveAttribute('data-p95', expected.org_npv.p95);
  await expect(page.getByTestId('unc-society-npv')).toHaveAttribute('data-p95', expected.society_npv.p95);
  await expect(page.getByTestId('chance-payback')).toHaveAttribute(
    'data-value',
    expected.payback_by_share ?? expected.payback_within_horizon_share,
  );
  await expect(page.getByTestId('chance-fund')).toHaveAttribute('data-value', expected.fund_never_negative_share);
});
