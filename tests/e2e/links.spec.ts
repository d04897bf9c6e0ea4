// Links short enough for a QR code read from the back of a hall, as a
// speaker and an audience meet them in Chromium: an edit of a preset in
// presentation mode gives a link that carries only the change
// (#v=2&p=<preset>&h=<fingerprint>&d=<changes>), short (at most 200
// characters of fragment), whose QR code is small (at most version 10, 57
// modules a side) and still reads when drawn at 2–3 px per module, and that
// opens exactly the same scenario elsewhere. Links of the forms earlier
// builds made keep opening; hostile links are refused in the reader's
// language, the default shown.
//
// The lengths measured are written to the test's annotations (and the
// console): `before` is the link that builds before link format 2 made for
// the same scenario (the whole scenario, deflated: support.ts scenarioLink),
// `after` the page's link now.
//
// Hooks (data-testid): presentation, in-present-allocation,
// in-present-repayment-share, in-present-effect-of, in-present-effect,
// pr-qr (the small QR code), share-link, notice, key-figures.
import { test, expect, type Browser, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { currentScenario, decodeQr, fixture, qrModules, scenarioLink } from './support';

type Preset = { id: string; scenario: any };

/** The presets the app offers (its picker), scenarios from disk. */
async function presets(browser: Browser): Promise<Preset[]> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/index.html#lang=sv');
  await expect(page.getByTestId('key-figures')).toBeVisible();
  const ids = await page.getByTestId('preset-select').locator('option:not([disabled])').evaluateAll((os) =>
    os.map((o) => (o as HTMLOptionElement).value));
  await context.close();
  return ids.map((id) => ({ id, scenario: JSON.parse(readFileSync(`src/presets/${id}.json`, 'utf8')) }));
}

/** A page that records its errors. */
async function openApp(page: Page, fragment: string): Promise<string[]> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // A fresh load (not a same-document move to another fragment).
  await page.goto('about:blank');
  await page.goto(`/index.html#${fragment}`);
  await expect(page.getByTestId('key-figures').or(page.getByTestId('presentation'))).toBeVisible();
  return errors;
}

/** The page's address once it has settled on a link other than `before`. */
async function settledLink(page: Page, before: string): Promise<string> {
  await expect.poll(() => page.url()).not.toBe(before);
  await expect.poll(() => page.url()).toMatch(/#v=/);
  // The address follows the last edit after its pause: wait until it stays.
  let last = page.url();
  for (;;) {
    await page.waitForTimeout(600);
    if (page.url() === last) return last;
    last = page.url();
  }
}

/** A scenario with its decimal strings as numbers write them (`0.60` as `0.6`), to compare an edit with its description. */
function normalized(scenario: any): any {
  return JSON.parse(JSON.stringify(scenario), (_k, v) => (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) ? String(Number(v)) : v));
}

/** The scenario as edited in `page` (leaving presentation mode for the JSON panel). */
async function editedScenario(page: Page): Promise<any> {
  if (await page.getByTestId('presentation').count()) await page.getByTestId('pr-leave').click();
  return currentScenario(page);
}

/** The fragment of a URL, without `#`. */
const fragmentOf = (url: string) => url.slice(url.indexOf('#') + 1);

/** The scenario opened by `url` in a fresh browser (no autosave), from its JSON panel. */
async function scenarioOpenedBy(browser: Browser, url: string): Promise<{ scenario: any; notices: number }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url.replace(/^http:\/\/[^/]+/, '').replace('view=present', 'view=full'));
  await expect(page.getByTestId('key-figures')).toBeVisible();
  const scenario = await currentScenario(page);
  const notices = await page.getByTestId('notice').count();
  await context.close();
  return { scenario, notices };
}

type Edit = { name: string; apply: (page: Page, scenario: any) => Promise<boolean> };

/** Presentation mode's three live controls, each as the speaker uses it (and the scenario it makes). */
const EDITS: Edit[] = [
  {
    name: 'yearly allocation',
    apply: async (page, s) => {
      await page.getByTestId('in-present-allocation').fill('12 345 000');
      // Over the years the scenario plans; with none planned, every year of the horizon.
      const years = s.fund.allocations.length || Math.max(s.horizon_years, 1);
      s.fund.allocations = Array(years).fill('12345000');
      return true;
    },
  },
  {
    name: 'repayment share',
    apply: async (page, s) => {
      // A preset whose default is a grant has no share to change (the rule is written out instead).
      if (!s.repayment_default || s.repayment_default.kind === 'none') {
        await expect(page.getByTestId('in-present-repayment-share')).toHaveCount(0);
        return false;
      }
      await page.getByTestId('in-present-repayment-share').fill('60');
      s.repayment_default.share = '0.6';
      return true;
    },
  },
  {
    name: 'success rate',
    apply: async (page, s) => {
      // With one intervention there is nothing to pick.
      if (await page.getByTestId('in-present-effect-of').count()) {
        await page.getByTestId('in-present-effect-of').selectOption('0');
      }
      await page.getByTestId('in-present-effect').fill('37');
      const iv = s.interventions[0];
      // Leaving its range, the range moves with it, keeping its distances below and above, within 0–1.
      const range = iv.uncertainty?.success_rate;
      if (range && (0.37 < Number(range.low) || 0.37 > Number(range.high))) {
        const round = (x: number) => String(Math.round(Math.min(Math.max(x, 0), 1) * 1e6) / 1e6);
        const value = Number(iv.success_rate);
        range.low = round(0.37 - (value - Number(range.low)));
        range.high = round(0.37 + (Number(range.high) - value));
      }
      iv.success_rate = '0.37';
      return true;
    },
  },
];

const MAX_FRAGMENT = 200;
const MAX_MODULES = 57;

test('one edit of each preset gives a short link, a small QR code that reads at 2–3 px a module, and the same scenario', async ({ page, browser }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1920, height: 1080 });
  const all = await presets(browser);
  expect(all.length, 'presets offered by the app').toBeGreaterThanOrEqual(1);
  const measured: string[] = [];
  for (const preset of all) {
    let edited = 0;
    for (const edit of EDITS) {
      const errors = await openApp(page, `preset=${preset.id}&lang=sv&view=present`);
      await expect(page.getByTestId('presentation')).toBeVisible();
      const start = page.url();
      const expected = structuredClone(preset.scenario);
      if (!(await edit.apply(page, expected))) continue;
      edited++;
      const link = await settledLink(page, start);
      const fragment = fragmentOf(link);
      expect(fragment, `${preset.id}, ${edit.name}`).toMatch(new RegExp(`^v=2&p=${preset.id}&h=[\\w-]{6}&d=[^&]+&lang=sv&view=present$`));
      expect(fragment.length, `${preset.id}, ${edit.name}: ${fragment}`).toBeLessThanOrEqual(MAX_FRAGMENT);
      // The QR code in the corner is the link, small, and reads when drawn small.
      const qr = page.getByTestId('pr-qr');
      await expect.poll(() => decodeQr(page, qr)).toBe(link);
      const modules = await qrModules(qr);
      expect(modules, `${preset.id}, ${edit.name}`).toBeLessThanOrEqual(MAX_MODULES);
      for (const scale of [2, 3]) {
        expect(await decodeQr(page, qr, scale), `${preset.id}, ${edit.name} at ${scale} px a module`).toBe(link);
      }
      // Opened elsewhere: exactly the scenario the speaker made (to the
      // letter), which is the edit described; no notice.
      const opened = await scenarioOpenedBy(browser, link);
      const made = await editedScenario(page);
      expect(opened.scenario).toEqual(made);
      expect(normalized(made)).toEqual(normalized(expected));
      expect(opened.notices).toBe(0);
      const before = fragmentOf(scenarioLink(made, `preset=${preset.id}&lang=sv&view=present`));
      measured.push(`${preset.id}, ${edit.name}: before ${before.length}, after ${fragment.length} characters (QR ${modules} modules)`);
      expect(errors).toEqual([]);
    }
    expect(edited, `${preset.id}: at least two live controls`).toBeGreaterThanOrEqual(2);
  }
  for (const line of measured) {
    console.log(line);
    test.info().annotations.push({ type: 'length', description: line });
  }
});

test('several edits of a preset stay short, and open exactly', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const all = await presets(browser);
  for (const preset of all) {
    const errors = await openApp(page, `preset=${preset.id}&lang=en&view=present`);
    const start = page.url();
    const expected = structuredClone(preset.scenario);
    for (const edit of EDITS) await edit.apply(page, expected);
    // And in the full app: the discount rate, an intervention's name (any characters).
    await page.getByTestId('pr-leave').click();
    await expect(page.getByTestId('key-figures')).toBeVisible();
    await page.getByTestId('in-discount_rate').fill('4');
    // A typed number is taken on Enter (or after a pause in the typing).
    await page.getByTestId('in-discount_rate').press('Enter');
    expected.discount_rate = '0.04';
    const link = await settledLink(page, start);
    const fragment = fragmentOf(link);
    expect(fragment).toMatch(/^v=2&/);
    expect(fragment.length, fragment).toBeLessThanOrEqual(MAX_FRAGMENT);
    const opened = await scenarioOpenedBy(browser, link);
    const made = await editedScenario(page);
    expect(opened.scenario).toEqual(made);
    expect(normalized(made)).toEqual(normalized(expected));
    const before = fragmentOf(scenarioLink(made, `preset=${preset.id}&lang=en`));
    const line = `${preset.id}, all three live controls and the discount rate: before ${before.length}, after ${fragment.length} characters`;
    console.log(line);
    test.info().annotations.push({ type: 'length', description: line });
    expect(errors).toEqual([]);
  }
});

test('links of the forms earlier builds made open as before', async ({ page }) => {
  const own = fixture('savings-share');
  const fixed = fixture('fixed-rule');
  const cases: { link: string; scenario: any; lang: string }[] = [
    // The whole scenario, deflated, with its language (format 1).
    { link: scenarioLink(own, 'lang=sv'), scenario: own, lang: 'sv' },
    // Stored blocks (made where the browser could not compress), English, a view.
    { link: scenarioLink(fixed, 'lang=en&view=results', true), scenario: fixed, lang: 'en' },
    // Naming a preset it came from (as edited presets were linked), no language.
    { link: scenarioLink(own, 'preset=gotland'), scenario: own, lang: 'sv' },
  ];
  for (const c of cases) {
    const errors = await openApp(page, c.link.replace('/index.html#', ''));
    expect(await currentScenario(page), c.link.slice(0, 60)).toEqual(c.scenario);
    await expect(page.locator('.fundsim')).toHaveAttribute('lang', c.lang);
    await expect(page.getByTestId('notice')).toHaveCount(0);
    expect(errors).toEqual([]);
  }
  // A preset by its id, with a language and a view (its link stays that short form).
  const first = await openApp(page, 'preset=jobs&lang=en&view=results');
  await expect(page.locator('.fundsim')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('notice')).toHaveCount(0);
  await expect.poll(() => new URL(page.url()).hash).toBe('#preset=jobs&lang=en&view=results');
  expect(first).toEqual([]);
});

test('a link whose preset has changed since opens with a notice; hostile links are refused in the reader\'s language', async ({ page, browser }) => {
  const all = await presets(browser);
  const first = all[0];
  // Made by the app itself, then its fingerprint changed: as if the preset had changed since.
  await openApp(page, `preset=${first.id}&lang=sv`);
  const start = page.url();
  await page.getByTestId('in-discount_rate').fill('4');
  await page.getByTestId('in-discount_rate').press('Enter');
  const link = await settledLink(page, start);
  const older = fragmentOf(link).replace(/&h=[\w-]{6}/, '&h=AAAAAA');
  const other = await (await browser.newContext()).newPage();
  await openApp(other, older);
  await expect(other.getByTestId('notice')).toContainText('har ändrats sedan länken gjordes');
  expect(Number((await currentScenario(other)).discount_rate)).toBe(0.04);
  await other.context().close();

  const reference = await (await browser.newContext()).newPage();
  await openApp(reference, 'lang=sv');
  const defaults = await currentScenario(reference);
  await reference.context().close();
  const h = /&h=([\w-]{6})/.exec(link)?.[1] ?? '';
  const refusals: [string, string, string][] = [
    // A path the example does not have.
    [`v=2&p=${first.id}&h=${h}&d=I99s:0.3&lang=sv`, 'interventions[99]', 'Länken ändrar en del som exemplet inte har'],
    // A wrong kind of value (a list for the yearly amounts replaced by a word).
    [`v=2&p=${first.id}&h=${h}&d=FL:tio&lang=en`, 'fund.allocations', "The link's change does not fit the example here"],
    // A preset that does not exist.
    [`v=2&p=nosuch&h=${h}&d=R:0.05&lang=en`, 'nosuch', 'There is no example called'],
    // Invalid base64 in a name; the notation broken.
    [`v=2&p=${first.id}&h=${h}&d=n:*!!!&lang=sv`, 'Länkens ändringar (link.d)', 'Länken är skadad'],
    // A whole scenario that inflates past the limit: too large, not damaged.
    [`${scenarioLink({ name: 'x'.repeat(5 * 1024 * 1024) }).replace('/index.html#', '')}&lang=en`, 'link.s', 'The link is too large'],
  ];
  for (const [fragment, where, what] of refusals) {
    const errors = await openApp(page, fragment);
    const notice = page.getByTestId('notice');
    await expect(notice, fragment.slice(0, 80)).toContainText(where);
    await expect(notice).toContainText(what);
    expect(await currentScenario(page)).toEqual(defaults);
    expect(errors).toEqual([]);
  }
});
