// Presentation mode (view=present), as a speaker and an audience meet it in
// Chromium: keys step through the presets, the live controls change the
// figures exactly as simulate() says, Esc leaves to the full app, the QR code
// opens the same scenario and view, and the view is accessible.
//
// Hooks (data-testid): presentation, pr-title, pr-position, pr-leave, pr-cost,
// pr-savings-inside, pr-savings-outside, pr-payback, pr-fund-end (each with
// the exact figure in data-value), in-present-allocation,
// in-present-repayment-share, in-present-effect-of, in-present-effect,
// pr-repayment-rule, pr-qr (the small QR code, a button), qr-dialog / qr-code
// (the large one), pr-keys, enter-present (the full app's button).
//
// Expected figures come from the scenario files themselves (the presets in
// src/presets/<id>.json, in the order the app offers them, and the tests' own
// scenarios in tests/e2e/fixtures/, opened through a link; read from disk,
// edited here as the speaker's edit is described) and the package's own
// simulate(), never from what the page shows. A test that needs a rule or a
// shape of scenario has a fixture of its own, so it never depends on a preset.
import { test, expect, type Browser, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { currentScenario, decodeQr, fixture, scenarioLink, simulateInPage } from './support';

type Preset = { id: string; title: string; scenario: any };

/** The presets in the app's order with their Swedish titles (from the full app's picker), scenarios from disk. */
async function presets(browser: Browser): Promise<Preset[]> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/index.html#lang=sv');
  await expect(page.getByTestId('key-figures')).toBeVisible();
  const options = await page.getByTestId('preset-select').locator('option:not([disabled])').evaluateAll((os) =>
    os.map((o) => ({ id: (o as HTMLOptionElement).value, title: (o.textContent ?? '').trim() })));
  await context.close();
  return options.map((o) => ({ ...o, scenario: JSON.parse(readFileSync(`src/presets/${o.id}.json`, 'utf8')) }));
}

async function openPresent(page: Page, fragment: string): Promise<string[]> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`/index.html#${fragment}`);
  await expect(page.getByTestId('presentation')).toBeVisible();
  return errors;
}

async function value(page: Page, testid: string): Promise<string | null> {
  return page.getByTestId(testid).locator('[data-value]').first().getAttribute('data-value');
}

/** The presentation's figures. */
async function figures(page: Page) {
  return {
    cost: await value(page, 'pr-cost'),
    inside: await value(page, 'pr-savings-inside'),
    outside: await value(page, 'pr-savings-outside'),
    payback: await value(page, 'pr-payback'),
    fundEnd: await value(page, 'pr-fund-end'),
  };
}

/** The same figures, from simulate()'s result JSON. */
function expectedFigures(result: any) {
  const k = result.key_figures;
  return {
    cost: k.total_cost,
    inside: k.savings_inside,
    outside: k.savings_outside,
    payback: k.payback_year === null ? '' : String(k.payback_year),
    fundEnd: result.fund[result.fund.length - 1].close,
  };
}

/** Waits until the presentation shows `preset` and checks its figures against simulate(). */
async function expectShowing(page: Page, preset: Preset): Promise<void> {
  await expect(page.getByTestId('pr-title')).toHaveText(preset.title);
  const expected = expectedFigures(await simulateInPage(page, preset.scenario));
  await expect.poll(() => figures(page)).toEqual(expected);
}

/**
 * Presses `key`, then makes sure the app has handled it: keys are handled in
 * order, so once the QR code that `q` opens after it is drawn, so is what
 * `key` did (also when it did nothing). The QR code is closed again.
 */
async function pressAndSettle(page: Page, key: string): Promise<void> {
  await page.keyboard.press(key);
  await page.keyboard.press('q');
  await expect(page.getByTestId('qr-dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('qr-dialog')).toHaveCount(0);
}

/** The fragment (no `#`) of a link carrying `scenario` whole (support.ts scenarioLink). */
function ownFragment(scenario: unknown, params: string): string {
  return scenarioLink(scenario, params).replace(/^\/index\.html#/, '');
}

test('keys step through the presets, each with its own figures', async ({ page, browser }) => {
  // Whatever presets the app offers (its own list, from the picker): stepping needs two.
  const all = await presets(browser);
  expect(all.length, 'presets offered by the app').toBeGreaterThanOrEqual(2);
  // The presets differ, so a step that did nothing would be seen.
  expect(new Set(all.map((p) => p.title)).size).toBe(all.length);
  const last = all.length - 1;
  const position = page.getByTestId('pr-position');
  const errors = await openPresent(page, `preset=${all[0].id}&lang=sv&view=present`);
  await expectShowing(page, all[0]);
  await expect(position).toHaveText(`Scenario 1 av ${all.length}`);

  // Each forward key steps to the next preset, each backward key back.
  for (const [forward, back] of [['ArrowRight', 'ArrowLeft'], ['PageDown', 'PageUp'], ['Space', 'ArrowLeft']]) {
    await page.keyboard.press(forward);
    await expectShowing(page, all[1]);
    await expect(position).toHaveText(`Scenario 2 av ${all.length}`);
    await page.keyboard.press(back);
    await expectShowing(page, all[0]);
  }
  // The first stays the first (no wrap to the last).
  await pressAndSettle(page, 'PageUp');
  await expect(page.getByTestId('pr-title')).toHaveText(all[0].title);

  // A presenter's clicker through the whole list.
  for (let i = 1; i <= last; i++) {
    await page.keyboard.press('PageDown');
    await expectShowing(page, all[i]);
    await expect(position).toHaveText(`Scenario ${i + 1} av ${all.length}`);
  }
  // The last stays the last (no wrap to the first).
  await pressAndSettle(page, 'ArrowRight');
  await expect(page.getByTestId('pr-title')).toHaveText(all[last].title);
  await page.keyboard.press('ArrowLeft');
  await expectShowing(page, all[last - 1]);

  // Number keys open preset N, for each of the first nine, and the hint says which keys there are.
  const keys = Math.min(all.length, 9);
  await expect(page.locator('kbd').filter({ hasText: /^1/ })).toHaveText(keys === 1 ? '1' : `1–${keys}`);
  for (let n = keys; n >= 1; n--) {
    await page.keyboard.press(String(n));
    await expectShowing(page, all[n - 1]);
  }
  // The address follows, keeping the view.
  await expect.poll(() => new URL(page.url()).hash).toBe(`#preset=${all[0].id}&lang=sv&view=present`);
  expect(errors).toEqual([]);
});

test('from a scenario of its own, next opens the first preset and previous the last', async ({ page, browser }) => {
  const all = await presets(browser);
  expect(all.length, 'presets offered by the app').toBeGreaterThanOrEqual(1);
  const own = fixture('savings-share');
  const link = ownFragment(own, 'lang=sv&view=present');
  const errors = await openPresent(page, link);
  await expectShowing(page, { id: '', title: own.name, scenario: own });
  // Not one of the presets: no position.
  await expect(page.getByTestId('pr-position')).toHaveCount(0);
  await page.keyboard.press('ArrowRight');
  await expectShowing(page, all[0]);

  await page.goto('about:blank');
  await openPresent(page, link);
  await expect(page.getByTestId('pr-title')).toHaveText(own.name);
  await page.keyboard.press('ArrowLeft');
  await expectShowing(page, all[all.length - 1]);
  expect(errors).toEqual([]);
});

test('Esc leaves to the full app; the button enters presentation mode again', async ({ page, browser }) => {
  const all = await presets(browser);
  const errors = await openPresent(page, `preset=${all[1].id}&lang=sv&view=present`);
  await expect(page.locator('#fundsim-editor')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('presentation')).toHaveCount(0);
  await expect(page.locator('#fundsim-editor')).toBeVisible();
  await expect(page.getByTestId('preset-select')).toHaveValue(all[1].id);
  // The full app's link no longer says view=present.
  await expect.poll(() => new URL(page.url()).hash).toBe(`#preset=${all[1].id}&lang=sv`);
  await expect(page.getByTestId('share-link')).not.toHaveValue(/view=/);

  // The clearly labelled button enters it (full screen is asked for; refused here, silently).
  await expect(page.getByTestId('enter-present')).toHaveText(/Presentationsläge/);
  await page.getByTestId('enter-present').click();
  await expect(page.getByTestId('presentation')).toBeVisible();
  await expect(page.getByTestId('pr-title')).toHaveText(all[1].title);
  await expect.poll(() => new URL(page.url()).hash).toBe(`#preset=${all[1].id}&lang=sv&view=present`);
  // The leave button does what Esc does.
  await page.getByTestId('pr-leave').click();
  await expect(page.locator('#fundsim-editor')).toBeVisible();
  expect(errors).toEqual([]);
});

test('typing digits in a live field types; it does not switch presets', async ({ page, browser }) => {
  const all = await presets(browser);
  const first = all[0];
  await openPresent(page, `preset=${first.id}&lang=sv&view=present`);
  const field = page.getByTestId('in-present-allocation');
  await field.click();
  await field.press('Control+A');
  await field.pressSequentially('12000000');
  await expect(field).toHaveValue('12000000');
  // Digits, arrows and q while typing stay in the field.
  await field.press('ArrowLeft');
  await field.press('q');
  await expect(page.getByTestId('qr-dialog')).toHaveCount(0);
  await expect(page.getByTestId('pr-title')).toHaveText(first.title);
  await expect(page.getByTestId('presentation')).toBeVisible();
});

test('the live controls change the figures as simulate says', async ({ page }) => {
  // A scenario of the test's own: its default rule repays a share of the
  // savings, and it has two interventions, the second with a range for its effect.
  const own = fixture('savings-share');
  expect(own.repayment_default.kind).toBe('savings_share');
  const p: Preset = { id: '', title: own.name, scenario: own };
  const errors = await openPresent(page, ownFragment(own, 'lang=sv&view=present'));
  await expectShowing(page, p);
  const scenario = structuredClone(p.scenario);

  // Yearly allocation: "amount a year" over the years the scenario plans (at least one).
  const years = Math.max(scenario.fund.allocations.length, 1);
  await page.getByTestId('in-present-allocation').fill('12 345 000');
  scenario.fund.allocations = Array(years).fill('12345000');
  let expected = expectedFigures(await simulateInPage(page, scenario));
  await expect.poll(() => figures(page)).toEqual(expected);
  const afterAllocation = expected.fundEnd;

  // Repayment share: the default rule's share of the savings, typed in percent.
  await page.getByTestId('in-present-repayment-share').fill('80');
  scenario.repayment_default = { ...scenario.repayment_default, share: '0.8' };
  expected = expectedFigures(await simulateInPage(page, scenario));
  await expect.poll(() => figures(page)).toEqual(expected);
  expect(expected.fundEnd).not.toBe(afterAllocation);

  // Expected effect: the chosen intervention's success rate. Its uncertainty
  // range moves with it when the value leaves it, keeping its distances
  // (range 0.1–0.3 around 0.2 → 0.5 gives 0.4–0.6).
  await page.getByTestId('in-present-effect-of').selectOption('1');
  const iv = scenario.interventions[1];
  expect([iv.success_rate, iv.uncertainty.success_rate]).toEqual(['0.2', { low: '0.1', high: '0.3' }]);
  await page.getByTestId('in-present-effect').fill('50');
  iv.success_rate = '0.5';
  iv.uncertainty.success_rate = { low: '0.4', high: '0.6' };
  expected = expectedFigures(await simulateInPage(page, scenario));
  await expect.poll(() => figures(page)).toEqual(expected);
  // More effect, more savings inside than the scenario as it came.
  const before = expectedFigures(await simulateInPage(page, p.scenario));
  expect(Number(expected.inside)).toBeGreaterThan(Number(before.inside));

  // The scenario behind the figures, in the full app's JSON panel: edited as
  // described above, the effect's range moved with it.
  await page.getByTestId('pr-leave').click();
  const edited = await currentScenario(page);
  expect(edited.fund.allocations.map(Number)).toEqual(Array(years).fill(12345000));
  expect(Number(edited.repayment_default.share)).toBe(0.8);
  const effect = edited.interventions[1];
  expect(Number(effect.success_rate)).toBe(0.5);
  expect([Number(effect.uncertainty.success_rate.low), Number(effect.uncertainty.success_rate.high)]).toEqual([0.4, 0.6]);
  await page.getByTestId('enter-present').click();
  await expect.poll(() => figures(page)).toEqual(expected);

  // A share out of range is refused naming the field; the figures stay.
  await page.getByTestId('in-present-repayment-share').fill('150');
  await expect(page.getByTestId('err-present-repayment-share')).toBeVisible();
  expect(await figures(page)).toEqual(expected);
  expect(errors).toEqual([]);
});

test('under a fixed rule the share of the grant is changed; a grant shows its sentence', async ({ page }) => {
  // A scenario of the test's own whose default rule repays a fixed share of the grant.
  const own = fixture('fixed-rule');
  expect(own.repayment_default.kind).toBe('fixed');
  const p: Preset = { id: '', title: own.name, scenario: own };
  await openPresent(page, ownFragment(own, 'lang=sv&view=present'));
  await expect(page.getByTestId('pr-title')).toHaveText(own.name);
  await expect(page.locator('label[for="present-repayment-share"]')).toHaveText('Återbetalning: andel av bidraget');
  await page.getByTestId('in-present-repayment-share').fill('50');
  const scenario = structuredClone(p.scenario);
  scenario.repayment_default = { ...scenario.repayment_default, share: '0.5' };
  const expected = expectedFigures(await simulateInPage(page, scenario));
  await expect.poll(() => figures(page)).toEqual(expected);

  // A scenario whose default is a grant: no share to change, the rule in words.
  const grant = structuredClone(p.scenario);
  grant.repayment_default = { kind: 'none' };
  grant.name = 'Bidrag';
  await page.getByTestId('pr-leave').click();
  await page.getByTestId('scenario-json-panel').locator('summary').click();
  await page.getByTestId('in-paste-json').fill(JSON.stringify(grant));
  await page.getByTestId('load-json').click();
  await page.getByTestId('enter-present').click();
  await expect(page.getByTestId('pr-title')).toHaveText('Bidrag');
  await expect(page.getByTestId('in-present-repayment-share')).toHaveCount(0);
  await expect(page.getByTestId('pr-repayment-rule')).toContainText('Bidrag');
});

test('the QR code decodes to the current link, view=present included, and opens the same figures', async ({ page, browser }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const all = await presets(browser);
  const errors = await openPresent(page, `preset=${all[0].id}&lang=sv&view=present`);
  // An edited preset: the link carries the change.
  await page.getByTestId('in-present-allocation').fill('7 000 000');
  await expect.poll(() => page.url()).toMatch(/#v=2&p=.*&view=present$/);
  const link = page.url();
  const shown = await figures(page);

  await expect.poll(() => decodeQr(page, page.getByTestId('pr-qr'))).toBe(link);
  // q shows it large (most of the screen); q again, or Esc, makes it small.
  await page.locator('h1').click(); // the focus out of the field
  await page.keyboard.press('q');
  await expect(page.getByTestId('qr-dialog')).toBeVisible();
  expect(await decodeQr(page, page.getByTestId('qr-code'))).toBe(link);
  const box = await page.getByTestId('qr-code').locator('svg').boundingBox();
  expect(box && box.height >= 0.6 * 1080).toBe(true);
  await page.keyboard.press('q');
  await expect(page.getByTestId('qr-dialog')).toHaveCount(0);
  await page.keyboard.press('q');
  await expect(page.getByTestId('qr-dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('qr-dialog')).toHaveCount(0);
  await expect(page.getByTestId('presentation')).toBeVisible(); // Esc closed the QR code only

  // The audience's phone: the link opens the same scenario in presentation mode.
  const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await openPresent(phone, link.replace(/^http:\/\/[^/]+\/index\.html#/, ''));
  expect(await figures(phone)).toEqual(shown);
  // On the phone the way out is at the top, above the title, without scrolling.
  const leave = await phone.getByTestId('pr-leave').boundingBox();
  const title = await phone.getByTestId('pr-title').boundingBox();
  expect(leave && title && leave.y + leave.height <= title.y).toBe(true);
  expect(leave && leave.y + leave.height <= 844).toBe(true);
  await phone.context().close();
  expect(errors).toEqual([]);
});

test('a results-only page links to results only', async ({ page }) => {
  await page.goto('/index.html#preset=jobs&lang=en&view=results');
  await expect(page.getByTestId('key-figures')).toBeVisible();
  await expect(page.getByTestId('share-link')).toHaveValue(/#preset=jobs&lang=en&view=results$/);
  await expect.poll(() => new URL(page.url()).hash).toBe('#preset=jobs&lang=en&view=results');
  // An old link without view= opens the full app.
  await page.goto('about:blank');
  await page.goto('/index.html#preset=jobs&lang=en');
  await expect(page.locator('#fundsim-editor')).toBeVisible();
  await expect(page.getByTestId('presentation')).toHaveCount(0);
});

test('accessibility: no serious or critical axe violations in presentation mode', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openPresent(page, 'preset=gotland&lang=sv&view=present');
  const check = async (what: string) => {
    const results = await new AxeBuilder({ page }).include('.fundsim').analyze();
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
    expect(serious, what).toEqual([]);
  };
  await check('presentation');
  await page.keyboard.press('q');
  await expect(page.getByTestId('qr-dialog')).toBeVisible();
  await check('presentation with the QR code large');
  await page.keyboard.press('Escape');
  await page.setViewportSize({ width: 390, height: 844 });
  await check('presentation on a phone');
  // Touch targets: every button and field at least 44 px high.
  const small = await page.locator('.presentation button, .presentation input, .presentation select').evaluateAll((els) =>
    els.filter((e) => (e as HTMLElement).offsetParent !== null && e.getBoundingClientRect().height < 44).map((e) => e.outerHTML.slice(0, 80)));
  expect(small).toEqual([]);
});
