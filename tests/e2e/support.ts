// Helpers shared by the end-to-end specs.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page, type Request } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
// The QR decoder (an npm devDependency), run in Node: see decodeQr.
import jsQR from 'jsqr';

/** Every request the page makes, to check that none leaves the origin. */
export function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (r: Request) => urls.push(r.url()));
  return urls;
}

/** The requests that left `origin` (data: and blob: URLs stay in the page). */
export function foreign(urls: string[], origin: string): string[] {
  const base = new URL(origin).origin;
  return urls.filter((u) => !(u.startsWith(base + '/') || u.startsWith('data:') || u.startsWith('blob:')));
}

/** Opens the app (index.html, or `url`) and waits for its key figures; returns the page errors seen. */
export async function open(page: Page, url = '/index.html'): Promise<string[]> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await expect(page.getByTestId('key-figures')).toBeVisible();
  return errors;
}

/** Everything in the page's local storage, key by key. */
export async function stored(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (k !== null) out[k] = localStorage.getItem(k) ?? '';
    }
    return out;
  });
}

/**
 * Brings the year-by-year tables near the screen, as a reader scrolling to
 * them does, and waits for them: their module is fetched then (it is not
 * part of the first download).
 */
export async function showTables(scope: Page | Locator): Promise<void> {
  await scope.getByTestId('year-tables').scrollIntoViewIfNeeded();
  await expect(scope.getByTestId('table-fund')).toBeVisible();
}

/**
 * The scenario as edited: the text of the JSON panel in `scope` (a page, or
 * the element an app is mounted in), which is opened first when closed (a
 * closed panel writes no JSON).
 */
export async function scenarioText(scope: Page | Locator): Promise<string> {
  const panel = scope.getByTestId('scenario-json-panel');
  // Opened as a reader does. The year-by-year tables above it may arrive
  // (their module loads when they near the screen) between the press and
  // the release of a click, which then opens nothing: click again.
  await expect(async () => {
    if (!(await panel.evaluate((d) => (d as HTMLDetailsElement).open))) {
      await panel.locator('summary').click();
    }
    expect(await panel.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
  }).toPass({ timeout: 15_000 });
  return (await scope.getByTestId('scenario-json').textContent()) ?? '';
}

/** The scenario as edited, from the JSON panel. */
export async function currentScenario(scope: Page | Locator): Promise<any> {
  return JSON.parse(await scenarioText(scope));
}

/**
 * The text of the QR code drawn as an SVG inside `locator` (the code's own
 * `<svg>` or an element holding it), or null when it cannot be read.
 *
 * The SVG is rasterised in the page on a canvas (as a browser draws it:
 * through an image of the serialised SVG, `scale` px per module: 8 unless
 * told; 2–3 is a code seen small, as from the back of a hall), and its pixels
 * are decoded with jsQR (node_modules/jsqr/dist/jsQR.js). The decoding runs
 * here in Node rather than injected into the page, so that it keeps working
 * under a strict Content-Security-Policy (no inline scripts) and adds nothing
 * to the page under test.
 */
export async function decodeQr(page: Page, locator: Locator, scale = 8): Promise<string | null> {
  const svg = (await locator.evaluate((el) => el.tagName.toLowerCase())) === 'svg' ? locator : locator.locator('svg').first();
  const raster = await svg.evaluate(async (el, scale) => {
    const [, , w, h] = (el.getAttribute('viewBox') ?? '').split(/\s+/).map(Number);
    const width = Math.round(w * scale);
    const height = Math.round(h * scale);
    const copy = el.cloneNode(true) as SVGElement;
    copy.setAttribute('width', String(width));
    copy.setAttribute('height', String(height));
    copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
    const url = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(copy)], { type: 'image/svg+xml' }));
    try {
      const image = new Image();
      image.src = url;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      const context = canvas.getContext('2d');
      if (!context) return null;
      context.fillStyle = '#fff';
      context.fillRect(0, 0, width, height);
      context.drawImage(image, 0, 0, width, height);
      const bytes = context.getImageData(0, 0, width, height).data;
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) {
        binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      }
      return { width, height, rgba: btoa(binary) };
    } finally {
      URL.revokeObjectURL(url);
    }
  }, scale);
  if (!raster) return null;
  const data = new Uint8ClampedArray(Buffer.from(raster.rgba, 'base64'));
  const code = jsQR(data, raster.width, raster.height);
  return code ? code.data : null;
}

/** What the package's own simulate() returns for a scenario, computed in the page. */
export async function simulateInPage(page: Page, scenario: unknown): Promise<any> {
  const json = await page.evaluate(async (input) => {
    const m = await import('/pkg/fundsim.js');
    await m.default();
    return m.simulate(input);
  }, JSON.stringify(scenario));
  return JSON.parse(json);
}

/**
 * Where the tests' screenshots go, to be looked at: `$E2E_SHOTS`, else
 * `tests/e2e/test-results/shots/` (Playwright makes the folder).
 */
export const SHOTS = process.env.E2E_SHOTS || join(__dirname, 'test-results', 'shots');

/**
 * A scenario of the tests' own, `tests/e2e/fixtures/<name>.json`, parsed.
 * Tests that need a scenario with certain features use one of these rather
 * than hoping a preset has them (presets change; a test must not skip).
 */
export function fixture(name: string): any {
  return JSON.parse(readFileSync(join(__dirname, 'fixtures', `${name}.json`), 'utf8'));
}

/**
 * The app's address carrying `scenario` whole, made as the app makes such
 * links (src/share/link.rs, link format 1, which every build opens): `#v=1&s=`
 * and the compact JSON, raw DEFLATE, URL-safe base64 without padding; then
 * `params` (e.g. `lang=sv&view=present`). `stored`: DEFLATE's stored blocks,
 * as the app writes where the browser cannot compress.
 */
export function scenarioLink(scenario: unknown, params = '', stored = false): string {
  const packed = deflateRawSync(Buffer.from(JSON.stringify(scenario), 'utf8'), { level: stored ? 0 : 9 }).toString('base64url');
  return `/index.html#v=1&s=${packed}${params ? `&${params}` : ''}`;
}

/** The number of modules on a side of the QR code drawn as an SVG in `locator` (its viewBox less the 4-module quiet zone each side). */
export async function qrModules(locator: Locator): Promise<number> {
  const svg = (await locator.evaluate((el) => el.tagName.toLowerCase())) === 'svg' ? locator : locator.locator('svg').first();
  const box = (await svg.getAttribute('viewBox')) ?? '';
  return Number(box.split(/\s+/)[2]) - 8;
}

/**
 * Holds every request for the on-demand module (pkg/on-demand/) until the
 * returned function is called: a page whose first results show meanwhile
 * does not need the module for them.
 */
export async function holdOnDemand(page: Page): Promise<() => void> {
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route('**/pkg/on-demand/**', async (route) => {
    await gate;
    await route.continue();
  });
  return release;
}

/**
 * Pastes `json` into the scenario panel and loads it; returns the notice's
 * text (without its warning sign, which screen readers skip) and dismisses it.
 */
export async function pasteScenario(page: Page, json: string): Promise<string> {
  const panel = page.getByTestId('scenario-json-panel');
  await panel.scrollIntoViewIfNeeded();
  if (!(await panel.evaluate((d) => (d as HTMLDetailsElement).open))) {
    await panel.locator('summary').click();
  }
  await page.getByTestId('in-paste-json').fill(json);
  await page.getByTestId('load-json').click();
  const notice = page.getByTestId('notice');
  await expect(notice).toBeVisible();
  const text = ((await notice.locator('p').textContent()) ?? '').replace(/^⚠\s*/, '');
  await page.getByTestId('notice-dismiss').click();
  return text;
}

/**
 * The scenario decision.spec and decision-charts.spec work by hand (their
 * derivations are beside the tests): one intervention of 100 000 kr in 2027,
 * 10 participants at success rate `successRate`, savings inside and outside
 * over the next years; `uncertainty` its ranges.
 */
export function handWorkedScenario(successRate = '0.5', uncertainty: any = { success_rate: { low: '0.3', high: '0.7' } }): any {
  return {
    schema_version: 1,
    name: 'Handräknat',
    currency: 'SEK',
    start_year: 2027,
    horizon_years: 6,
    discount_rate: '0',
    actors: [
      { id: 'social', name: 'Socialförvaltningen', inside: true },
      { id: 'state', name: 'Staten', inside: false },
    ],
    fund: { financed_by: 'social', accounting: 'appropriation', initial_capital: '0', allocations: ['100000'] },
    interventions: [
      {
        id: 'home',
        name: 'Familjestöd',
        owner: 'social',
        start: 0,
        years: 1,
        annual_cost: '100000',
        fund_share: '1',
        participants_per_year: '10',
        success_rate: successRate,
        deadweight: '0',
        lag_years: 0,
        benefit_years: 5,
        drop_off: '0',
        avoided_costs: [
          { actor: 'social', per_year: '6000' },
          { actor: 'state', per_year: '3000' },
        ],
        repayment: { kind: 'none' },
        // By default triangular(0.3, mode 0.5, 0.7) on the success rate r.
        uncertainty,
      },
    ],
  };
}

/** The small scenario the explain specs work by hand (derivations in the specs). */
export const explainSmall = {
  schema_version: 1, name: 'Liten', currency: 'SEK', start_year: 2026, horizon_years: 4, discount_rate: '0.1',
  actors: [
    { id: 'school', name: 'Skolan', inside: true },
    { id: 'social', name: 'Socialtjänsten', inside: true },
    { id: 'state', name: 'Staten', inside: false },
  ],
  fund: { financed_by: 'school', accounting: 'appropriation', initial_capital: '0', allocations: ['100000'] },
  interventions: [{
    id: 'read', name: 'Läsning', owner: 'school', start: 0, years: 2, annual_cost: '50000', fund_share: '0.8',
    participants_per_year: '10', success_rate: '0.5', deadweight: '0.2', lag_years: 1, benefit_years: 2, drop_off: '0.5',
    avoided_costs: [{ actor: 'social', per_year: '10000' }, { actor: 'state', per_year: '5000' }],
    repayment: { kind: 'savings_share', share: '0.5', cap: '1' },
  }],
};

export const nb = (text: string) => text.replace(/ /g, '\u00a0');

export async function seriousAxe(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include('.fundsim').analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}
