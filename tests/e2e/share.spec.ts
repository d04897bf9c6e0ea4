// Share and keep, as a user meets it in Chromium: the scenario in the
// address (#v=1&s=… or #preset=…), "Copy link", the QR code, saving and
// opening scenario files, and the autosave in local storage.
//
// Hooks (data-testid): share-link (read-only field with the page's link),
// copy-link, link-copied, link-copy-fallback, show-qr, qr-dialog, qr-code (decoded with jsQR: support.ts decodeQr),
// qr-link, qr-too-long, qr-close, save-scenario, open-file (the file input),
// reset-preset, displaced-autosave, restore-autosave, notice; the key figures kf-* carry exact values in data-value.
import { test, expect, type Page, type Browser } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { currentScenario, decodeQr, fixture, scenarioLink, scenarioText, stored } from './support';
import { deflateRawSync } from 'node:zlib';

const APP = '/index.html';
const KEY = 'fundsim.scenario.v1';
const KF = ['kf-total-cost', 'kf-savings-inside', 'kf-savings-outside', 'kf-org-npv', 'kf-society-npv', 'kf-payback', 'kf-revolving'];

async function open(page: Page, url = APP): Promise<string[]> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await expect(page.getByTestId('key-figures')).toBeVisible();
  return errors;
}

/** Every key figure's exact value. */
async function keyFigures(page: Page): Promise<Record<string, string | null>> {
  const out: Record<string, string | null> = {};
  for (const id of KF) {
    out[id] = await page.getByTestId(id).locator('[data-value]').first().getAttribute('data-value');
  }
  return out;
}



/**
 * Changes the yearly allocation and waits until the link carries the changed
 * scenario: a preset's change (`v=2&p=…&d=…`), or a scenario of one's own whole (`v=1&s=…`).
 */
async function changeAllocation(page: Page, amount: string): Promise<void> {
  const before = await page.getByTestId('share-link').inputValue();
  await page.getByTestId('in-allocation-amount').fill(amount);
  await expect(page.getByTestId('share-link')).not.toHaveValue(before);
  await expect(page.getByTestId('share-link')).toHaveValue(/#v=(1&s|2&p)=/);
}

async function firstPreset(page: Page): Promise<string> {
  return (await page.getByTestId('preset-select').locator('option:not([disabled])').first().getAttribute('value')) ?? '';
}

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

test('a copied link opens the same scenario with identical key figures', async ({ page, context, browser }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const errors = await open(page);
  await changeAllocation(page, '12 345 678');
  const figures = await keyFigures(page);
  const scenario = await currentScenario(page);
  const link = await page.getByTestId('share-link').inputValue();
  expect(link.startsWith('http://127.0.0.1:')).toBe(true);

  await page.getByTestId('copy-link').click();
  await expect(page.getByTestId('link-copied')).toBeVisible();
  await expect(page.getByTestId('link-copied')).toHaveText('Länken är kopierad.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  // The address follows the edit (after the pause), in place.
  await expect.poll(() => page.url()).toBe(link);

  // A fresh browser (no autosave) opens the link on the same scenario.
  const other = await newPage(browser);
  const otherErrors = await open(other, link.replace(/^http:\/\/[^/]+/, ''));
  expect(await keyFigures(other)).toEqual(figures);
  expect(await currentScenario(other)).toEqual(scenario);
  await expect(other.getByTestId('notice')).toHaveCount(0);
  expect(errors).toEqual([]);
  expect(otherErrors).toEqual([]);
  await other.context().close();
});

test('an edited preset is linked by its change alone', async ({ page, browser }) => {
  await open(page);
  const preset = await firstPreset(page);
  await changeAllocation(page, '12 345 678');
  const link = await page.getByTestId('share-link').inputValue();
  // The change and nothing else: the yearly amounts (fund.allocations, `FL`).
  expect(link).toMatch(new RegExp(`#v=2&p=${preset}&h=[\\w-]{6}&d=FL:!\\((12345678,?)+\\)&lang=sv$`));
  const scenario = await currentScenario(page);
  const other = await newPage(browser);
  await open(other, link.replace(/^http:\/\/[^/]+/, ''));
  expect(await currentScenario(other)).toEqual(scenario);
  await expect(other.getByTestId('preset-select')).toHaveValue(preset);
  await expect(other.getByTestId('notice')).toHaveCount(0);
  await other.context().close();
});

test('the link is deflated by the browser, and still made and opened where the browser cannot deflate', async ({ page, browser }) => {
  // A scenario of one's own (not a preset's), which a link carries whole.
  // With CompressionStream: the scenario JSON is compressed (base64 of raw
  // DEFLATE shorter than the JSON itself).
  const own = scenarioLink(fixture('savings-share'), 'lang=sv');
  await open(page, own);
  await changeAllocation(page, '12 345 678');
  const scenario = await currentScenario(page);
  const packed = (await page.getByTestId('share-link').inputValue()).match(/[#&]s=([^&]*)/)?.[1] ?? '';
  expect(packed.length).toBeLessThan(JSON.stringify(scenario).length);

  // Without it: the scenario is stored uncompressed in DEFLATE's stored blocks
  // (base64 of JSON + 5 bytes per block, so longer than the JSON), and the link
  // still opens the same scenario.
  const bare = await newPage(browser);
  await bare.addInitScript(() => { delete (window as any).CompressionStream; });
  await open(bare, own);
  await changeAllocation(bare, '12 345 678');
  const bareScenario = await currentScenario(bare);
  const link = await bare.getByTestId('share-link').inputValue();
  const stored = link.match(/[#&]s=([^&]*)/)?.[1] ?? '';
  expect(stored.length).toBeGreaterThan(JSON.stringify(bareScenario).length);
  // Opened where the browser cannot inflate either: stored blocks need no inflater.
  const other = await newPage(browser);
  await other.addInitScript(() => { delete (window as any).DecompressionStream; });
  await open(other, link.replace(/^http:\/\/[^/]+/, ''));
  expect(await currentScenario(other)).toEqual(bareScenario);
  await expect(other.getByTestId('notice')).toHaveCount(0);
  await bare.context().close();
  await other.context().close();
});

test('without a clipboard the link is selected in its field', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined, configurable: true });
  });
  await open(page);
  await page.getByTestId('copy-link').click();
  await expect(page.getByTestId('link-copy-fallback')).toBeVisible();
  await expect(page.getByTestId('share-link')).toBeFocused();
  const selected = await page.getByTestId('share-link').evaluate((el: HTMLInputElement) =>
    el.value.substring(el.selectionStart ?? 0, el.selectionEnd ?? 0));
  expect(selected).toBe(await page.getByTestId('share-link').inputValue());
});

test('an unchanged preset is linked by its id, and the link opens it', async ({ page, browser }) => {
  await open(page);
  const first = await firstPreset(page);
  await expect(page.getByTestId('share-link')).toHaveValue(new RegExp(`#preset=${first}&lang=sv$`));
  const other = await newPage(browser);
  await open(other, `${APP}#preset=${first}&lang=en`);
  await expect(other.locator('.fundsim')).toHaveAttribute('lang', 'en');
  await expect(other.getByTestId('preset-select')).toHaveValue(first);
  await other.context().close();
});

test('a damaged link says so and opens the default', async ({ page, browser }) => {
  const reference = await newPage(browser);
  await open(reference);
  const defaults = await keyFigures(reference);
  await reference.context().close();

  const errors = await open(page, `${APP}#v=1&s=garbage`);
  const notice = page.getByTestId('notice');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('Länken kunde inte öppnas');
  await expect(notice).toContainText('link.s');
  await expect(page.getByTestId('preset-select')).toHaveValue(await firstPreset(page));
  expect(await keyFigures(page)).toEqual(defaults);
  // The address now names what is shown.
  await expect.poll(() => new URL(page.url()).hash).toMatch(/^#preset=/);
  expect(errors).toEqual([]);
});

test('a link whose scenario inflates past 4 MiB says it is too large, not damaged', async ({ page }) => {
  // 4 MiB and one byte of spaces deflate to a few kB: whole, only larger than fundsim opens.
  const packed = deflateRawSync(Buffer.alloc(4 * 1024 * 1024 + 1, 0x20), { level: 9 }).toString('base64url');
  const errors = await open(page, `${APP}#v=1&s=${packed}&lang=en`);
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('The link is too large');
  await expect(notice).not.toContainText('damaged');
  await expect(page.getByTestId('preset-select')).toHaveValue(await firstPreset(page));
  expect(errors).toEqual([]);
});

test('the back button returns to the previous scenario, edits included', async ({ page }) => {
  // A scenario of the test's own from a link, then a preset (the app's first; any will do).
  const own = fixture('savings-share');
  await open(page, scenarioLink(own, 'lang=sv'));
  await expect(page.getByTestId('scenario-title')).toHaveText(own.name);
  await expect(page.getByTestId('preset-select')).toHaveValue('');
  const preset = await firstPreset(page);
  expect(preset, 'the app offers a preset').not.toBe('');
  const historyLength = () => page.evaluate(() => history.length);
  const startLength = await historyLength();

  // Edits are not history entries; the edited scenario is kept in the entry when a preset is loaded.
  await page.getByTestId('in-allocation-amount').fill('7 000 000');
  await page.getByTestId('in-allocation-amount').fill('7 500 000');
  const edited = await currentScenario(page);
  expect(edited.fund.allocations).toEqual(['7500000', '7500000', '7500000']);
  const editedFigures = await keyFigures(page);
  await page.getByTestId('preset-select').selectOption(preset);
  await expect(page.getByTestId('preset-select')).toHaveValue(preset);
  await expect.poll(() => new URL(page.url()).hash).toBe(`#preset=${preset}&lang=sv`);
  expect(await historyLength()).toBe(startLength + 1);

  await page.goBack();
  await expect.poll(async () => (await currentScenario(page)).fund.allocations).toEqual(edited.fund.allocations);
  expect(await currentScenario(page)).toEqual(edited);
  expect(await keyFigures(page)).toEqual(editedFigures);
  await expect(page.getByTestId('scenario-title')).toHaveText(own.name);
  await expect(page.getByTestId('preset-select')).toHaveValue('');

  await page.goForward();
  await expect(page.getByTestId('preset-select')).toHaveValue(preset);
  await expect(page.getByTestId('scenario-title')).not.toHaveText(own.name);
});

test('an in-page anchor leaves the scenario in the address', async ({ page }) => {
  await open(page);
  await changeAllocation(page, '2 500 000');
  const link = await page.getByTestId('share-link').inputValue();
  await expect.poll(() => page.url()).toBe(link);
  // The skip link, from the keyboard.
  await page.locator('.skip-link').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#fundsim-editor')).toBeFocused();
  await expect.poll(() => page.url()).toBe(link);
  await expect(page.getByTestId('in-allocation-amount')).toHaveValue('2 500 000');
});

test('reset to preset drops the edits; back brings them back', async ({ page }) => {
  await open(page);
  const preset = await currentScenario(page);
  await changeAllocation(page, '3 000 000');
  const edited = await currentScenario(page);
  await page.getByTestId('reset-preset').click();
  await expect.poll(() => currentScenario(page)).toEqual(preset);
  await page.goBack();
  await expect.poll(() => currentScenario(page)).toEqual(edited);
});

test('the QR code decodes to exactly the page link, which opens the same key figures', async ({ page, browser }) => {
  const errors = await open(page);
  await changeAllocation(page, '4 000 000');
  const link = await page.getByTestId('share-link').inputValue();
  const figures = await keyFigures(page);
  await page.getByTestId('show-qr').click();
  const dialog = page.getByTestId('qr-dialog');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('qr-close')).toBeFocused();
  await expect(page.getByTestId('qr-link')).toHaveText(link);
  const svg = page.getByTestId('qr-code').locator('svg');
  // The code, read as a phone reads it (rasterised and decoded with jsQR), is the link, exactly.
  expect(await decodeQr(page, svg)).toBe(link);
  // The address is the same link (kept in step after the pause).
  await expect.poll(() => page.url()).toBe(link);
  // Opening it in a fresh browser (no autosave) gives identical key figures.
  const other = await newPage(browser);
  await open(other, link.replace(/^http:\/\/[^/]+/, ''));
  expect(await keyFigures(other)).toEqual(figures);
  await other.context().close();
  expect(errors).toEqual([]);
  // Big: most of the viewport, white behind.
  const box = await svg.boundingBox();
  const viewport = page.viewportSize();
  expect(box && viewport && Math.min(box.width, box.height) >= 0.6 * Math.min(viewport.width, viewport.height)).toBe(true);
  const bg = await page.locator('.qr-sheet').evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(bg).toBe('rgb(255, 255, 255)');
  // Accessible: no serious or critical axe findings with the dialog open (and Tab stays inside).
  const results = await new AxeBuilder({ page }).include('.fundsim').analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
  expect(serious).toEqual([]);
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('qr-link')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('qr-close')).toBeFocused();
  // Escape closes it; focus returns to the button.
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('show-qr')).toBeFocused();
});

test('a link too long for a QR code says so', async ({ page }) => {
  await open(page);
  const scenario = await currentScenario(page);
  // Incompressible names make the link far longer than any QR code holds
  // (within the contract's limits: ids of at most 100 characters, names of at most 200).
  const noise = (n: number) => Array.from({ length: n }, (_, i) => ((i * 7919 + n * 104729) % 1000003).toString(36)).join('');
  const template = scenario.interventions[0];
  scenario.interventions = Array.from({ length: 60 }, (_, i) => ({
    ...template,
    id: `iv-${i}-${noise(8 + i)}`.slice(0, 100),
    name: noise(20 + i).slice(0, 200),
  }));
  // The JSON panel is open: currentScenario opened it.
  await page.getByTestId('in-paste-json').fill(JSON.stringify(scenario));
  await page.getByTestId('load-json').click();
  await expect.poll(async () => (await currentScenario(page)).interventions.length).toBe(60);
  await page.getByTestId('show-qr').click();
  await expect(page.getByTestId('qr-too-long')).toBeVisible();
  await expect(page.getByTestId('qr-code')).toHaveCount(0);
});

test('the QR code is made by the on-demand module; offline, the dialog says so, and the next opening fetches it again', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  // The module cannot be fetched (as when the connection is gone).
  await page.route('**/pkg/on-demand/**', (route) => route.abort());
  await open(page);
  // The page asks for it as soon as the preset's story is near the screen (and is refused here).
  await expect.poll(() => requested.some((u) => u.includes('/pkg/on-demand/')), 'asked for with the story').toBe(true);
  await page.getByTestId('show-qr').click();
  await expect(page.getByTestId('qr-failed')).toBeVisible();
  await expect(page.getByTestId('qr-code')).toHaveCount(0);
  await expect(page.getByTestId('qr-link')).toBeVisible();
  // Back online: the next opening fetches it again and shows the code.
  await page.unroute('**/pkg/on-demand/**');
  await page.getByTestId('qr-close').click();
  await page.getByTestId('show-qr').click();
  await expect(page.getByTestId('qr-code').locator('svg')).toBeVisible();
  expect(requested.some((u) => u.endsWith('/pkg/on-demand/fundsim_on_demand_bg.wasm'))).toBe(true);
});

test('a saved file opens again; a bad file is refused naming the field', async ({ page }) => {
  const errors = await open(page);
  await changeAllocation(page, '9 000 000');
  const scenario = await currentScenario(page);
  const figures = await keyFigures(page);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save-scenario').click()]);
  expect(download.suggestedFilename()).toBe(`${scenario.name.replace(/[/\\:*?"<>|]/g, ' ').replace(/\s+/g, ' ').trim()}.json`);
  const path = await download.path();
  const saved = JSON.parse(readFileSync(path, 'utf8'));
  expect(saved).toEqual(scenario);

  // Something else, then the file again.
  await page.getByTestId('reset-preset').click();
  await expect.poll(async () => (await currentScenario(page)).fund.allocations).not.toEqual(scenario.fund.allocations);
  await page.getByTestId('open-file').setInputFiles(path);
  await expect.poll(() => currentScenario(page)).toEqual(scenario);
  expect(await keyFigures(page)).toEqual(figures);

  // A file that breaks a rule is refused with the engine's message; nothing changes.
  const broken = structuredClone(scenario);
  broken.interventions[0].success_rate = '1.5';
  await page.getByTestId('open-file').setInputFiles({
    name: 'trasig.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(broken)),
  });
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('trasig.json');
  await expect(notice).toContainText('interventions[0].success_rate');
  expect(await keyFigures(page)).toEqual(figures);
  expect(await currentScenario(page)).toEqual(scenario);
  // Not JSON at all.
  await page.getByTestId('open-file').setInputFiles({ name: 'text.json', mimeType: 'application/json', buffer: Buffer.from('hej') });
  await expect(notice).toContainText('text.json');
  await expect(notice).toContainText('JSON');
  expect(await keyFigures(page)).toEqual(figures);
  expect(errors).toEqual([]);
});

test('the open-file control is reachable from the keyboard and labelled', async ({ page }) => {
  await open(page);
  const input = page.getByTestId('open-file');
  await expect(page.getByLabel('Öppna scenario …')).toHaveAttribute('type', 'file');
  await page.getByTestId('save-scenario').focus();
  await page.keyboard.press('Tab');
  await expect(input).toBeFocused();
});

test('the scenario is autosaved and restored on the next visit', async ({ page }) => {
  await open(page);
  await changeAllocation(page, '6 543 210');
  const scenario = await currentScenario(page);
  const figures = await keyFigures(page);
  await expect.poll(async () => (await stored(page))[KEY] ?? '').toContain('6543210');
  expect(JSON.parse((await stored(page))[KEY])).toEqual(scenario);

  // A visit without a link restores it.
  await open(page, APP);
  expect(await currentScenario(page)).toEqual(scenario);
  expect(await keyFigures(page)).toEqual(figures);
  await expect(page.getByTestId('notice')).toHaveCount(0);

  // "Reset to preset" is autosaved too.
  await page.getByTestId('reset-preset').click();
  await expect.poll(async () => (await stored(page))[KEY] ?? '').not.toContain('6543210');
});

test('a link opened over my autosaved work offers it back and leaves it alone', async ({ page }) => {
  await open(page);
  await changeAllocation(page, '8 765 432');
  const mine = await currentScenario(page);
  await expect.poll(async () => (await stored(page))[KEY] ?? '').toContain('8765432');
  // Someone's link (a scenario of the test's own) opens in a new visit; my work is offered back, not overwritten.
  const theirs = fixture('savings-share');
  await page.goto('/tests/e2e/fixtures/api.html');
  await open(page, scenarioLink(theirs, 'lang=sv'));
  await expect(page.getByTestId('scenario-title')).toHaveText(theirs.name);
  await expect(page.getByTestId('displaced-autosave')).toContainText(mine.name);
  // A language switch is not a change of the scenario: the autosave stays mine.
  await page.getByTestId('lang-switch').click();
  await page.waitForTimeout(800);
  expect(JSON.parse((await stored(page))[KEY])).toEqual(mine);
  await page.getByTestId('restore-autosave').click();
  await expect.poll(() => currentScenario(page)).toEqual(mine);
  await expect(page.getByTestId('displaced-autosave')).toHaveCount(0);
  // Back returns to the link's scenario.
  await page.goBack();
  await expect(page.getByTestId('scenario-title')).toHaveText(theirs.name);
  expect((await currentScenario(page)).name).toBe(theirs.name);
});

test('edits right before leaving the page are kept', async ({ page }) => {
  // The browser deflates the link asynchronously; here it takes seconds, so
  // the page is left before the edited scenario's link exists. The autosave
  // must not wait for the link.
  await page.addInitScript(() => {
    const Real = (window as any).CompressionStream;
    (window as any).CompressionStream = class {
      readable: ReadableStream;
      writable: WritableStream;
      constructor(format: string) {
        const real = new Real(format);
        this.writable = real.writable;
        this.readable = real.readable.pipeThrough(new TransformStream({
          async transform(chunk, out) {
            await new Promise((r) => setTimeout(r, 5000));
            out.enqueue(chunk);
          },
        }));
      }
    };
  });
  await open(page);
  await page.getByTestId('in-allocation-amount').fill('1 234 567');
  expect(await scenarioText(page)).toContain('1234567');
  // The edited scenario's link is not made yet.
  await expect(page.getByTestId('share-link')).not.toHaveValue(/#v=/);
  // Leave at once, within the pause and before the link is made.
  await page.goto('/tests/e2e/fixtures/api.html');
  await open(page, APP);
  expect((await currentScenario(page)).fund.allocations[0]).toBe('1234567');
});

test('a corrupt autosave is reported once and set aside, never overwritten', async ({ page }) => {
  await open(page);
  await page.evaluate((key) => {
    localStorage.clear();
    localStorage.setItem(key, '{ "schema_version": 1, "name": trasig');
  }, KEY);
  await open(page, APP);
  const notice = page.getByTestId('notice');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('kunde inte läsas');
  await expect(notice).toContainText(`${KEY}.corrupt-`);
  await expect(page.getByTestId('preset-select')).toHaveValue(await firstPreset(page));
  const keys = await stored(page);
  const aside = Object.keys(keys).filter((k) => k.startsWith(`${KEY}.corrupt-`));
  expect(aside).toHaveLength(1);
  expect(keys[aside[0]]).toBe('{ "schema_version": 1, "name": trasig');
  expect(keys[KEY]).toBeUndefined();
  await expect(notice).toContainText(aside[0]);

  // Reported once: the next visit opens quietly.
  await open(page, APP);
  await expect(page.getByTestId('notice')).toHaveCount(0);
  expect(Object.keys(await stored(page)).filter((k) => k.startsWith(`${KEY}.corrupt-`))).toHaveLength(1);

  // A stored scenario that reads but breaks a rule is corrupt too, and the message names the field.
  const broken = await currentScenario(page);
  broken.discount_rate = '3';
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [KEY, JSON.stringify(broken)]);
  await open(page, APP);
  await expect(page.getByTestId('notice')).toContainText('discount_rate');
  expect(Object.keys(await stored(page)).filter((k) => k.startsWith(`${KEY}.corrupt-`))).toHaveLength(2);
});

test('in English, the share texts are English', async ({ page }) => {
  await open(page, `${APP}#v=1&s=garbage&lang=en`);
  await expect(page.getByTestId('notice')).toContainText('The link could not be opened');
  await expect(page.getByTestId('notice')).toContainText('The link is damaged');
  await expect(page.getByTestId('copy-link')).toHaveText('Copy link');
  await expect(page.getByTestId('show-qr')).toHaveText('Show QR code');
  await expect(page.getByTestId('save-scenario')).toHaveText('Save the scenario');
  await expect(page.getByTestId('reset-preset')).toHaveText('Reset to preset');
});

test('an app mounted in another page leaves its address and storage alone', async ({ page }) => {
  await page.goto('/tests/e2e/fixtures/api.html');
  await page.waitForFunction(() => (window as any).fundsimReady);
  await page.evaluate(async () => {
    await (window as any).fundsimReady;
    const div = document.createElement('div');
    document.body.appendChild(div);
    (window as any).fundsim.mount(div, '{"lang": "sv"}');
  });
  await expect(page.getByTestId('key-figures')).toBeVisible();
  await expect(page.getByTestId('copy-link')).toHaveCount(0);
  await expect(page.getByTestId('save-scenario')).toBeVisible();
  await page.getByTestId('in-allocation-amount').fill('2 000 000');
  await page.waitForTimeout(800);
  expect(new URL(page.url()).hash).toBe('');
  expect(await stored(page)).toEqual({});
});
