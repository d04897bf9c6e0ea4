// The app and the embedded widget under a strict Content Security Policy,
// sent as a real response header on every HTML document (the app, the embed
// example page and its iframe): no inline script, no inline style (not even a
// `style` attribute), WebAssembly compiled only through 'wasm-unsafe-eval',
// nothing from outside the origin. A `securitypolicyviolation` listener,
// installed before any page script runs, reports every violation in every
// frame; console errors are kept too. The tests walk through everything that
// draws or downloads, then require zero violations and charts still in their
// palette colours (so a class that no longer matches fails here).
//
// STRICT is the policy of the issue. The PNG download draws the chart's SVG
// through an <img> loaded from a blob: URL (the browser cannot decode an SVG
// any other way onto a canvas), so the app's documented policy adds
// `img-src 'self' blob:` (README, "Content Security Policy").
//
// The pages carry that policy themselves, META, in a <meta http-equiv> tag
// (index.html, www/embed-example.html), so they are protected where no server
// sends a header: the static server these tests run on sends none. The last
// tests use the pages as served, with their own policy alone, and prove that
// it is in force: an injected inline script and style and a request to
// another origin are refused by it, and run once the <meta> is taken out.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, type BrowserContext, type Page } from '@playwright/test';
import { foreign, recordRequests } from './support';

const STRICT = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const APP = `${STRICT}; img-src 'self' blob:`;
/** The policy in the pages' <meta> (and in the README): APP with the defaults spelt out and what a page never needs shut. */
const META = `${APP}; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'`;
/** The pages that carry META (paths from the repository root). */
const PAGES = ['index.html', 'www/embed-example.html'];
const ROOT = join(__dirname, '..', '..');

// The palette (www/style.css, Okabe–Ito) as the browser computes it.
const FUND_BLUE = 'rgb(0, 114, 178)'; // --c-fund #0072B2
const GAIN_GREEN = 'rgb(0, 158, 115)'; // --c-gain #009E73
const PAY_RED = 'rgb(213, 94, 0)'; // --c-pay #D55E00
const WHITE = 'rgb(255, 255, 255)'; // --c-tooltip-bg

type Report = { violations: string[]; consoleErrors: string[]; pageErrors: string[] };

/** Serves every HTML document with `policy` as its Content-Security-Policy header, and records what breaks it. */
async function underPolicy(context: BrowserContext, page: Page, policy: string): Promise<Report> {
  await context.route(
    (url) => url.pathname.endsWith('.html') || url.pathname.endsWith('/'),
    async (route) => {
      const response = await route.fetch();
      const headers = { ...response.headers(), 'content-security-policy': policy };
      await route.fulfill({ response, headers });
    },
  );
  return watch(context, page);
}

/** Records every CSP violation (in every frame), every console error and every page error. */
async function watch(context: BrowserContext, page: Page): Promise<Report> {
  const report: Report = { violations: [], consoleErrors: [], pageErrors: [] };
  await context.exposeBinding('__cspViolation', (_source, text: string) => {
    report.violations.push(text);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const text = `${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} in ${e.documentURI} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`;
      (window as any).__cspViolation(text);
    });
  });
  page.on('console', (m) => {
    if (m.type() === 'error') report.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => report.pageErrors.push(String(e)));
  return report;
}

/** Clicks a download control and returns the file's name and bytes. */
async function download(page: Page, testid: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 15_000 }), page.getByTestId(testid).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(path!) };
}

/** Computed fill of the first element matching `selector` (a colour, "none" or a url()). */
async function fillOf(page: Page, selector: string): Promise<string> {
  return page.locator(selector).first().evaluate((e) => getComputedStyle(e).fill);
}

function expectClean(report: Report) {
  expect(report.violations, 'CSP violations').toEqual([]);
  expect(report.consoleErrors, 'console errors').toEqual([]);
  expect(report.pageErrors, 'page errors').toEqual([]);
}

/**
 * Everything in the app that draws or downloads, as a user does it, with the
 * charts' computed colours checked against the palette.
 */
async function everyFeature(page: Page): Promise<void> {
  // Charts in their palette colours, not black (a style attribute the policy dropped) or none.
  await page.getByTestId('chart-fund').scrollIntoViewIfNeeded();
  expect(await fillOf(page, '[data-testid="chart-fund"] .bar-allocation')).toBe(FUND_BLUE);
  expect(await fillOf(page, '[data-testid="chart-fund"] .balance-point:not(.negative)')).toBe('rgb(0, 0, 0)');
  expect(await fillOf(page, '[data-testid="chart-fund"] .bar-grants')).toMatch(/^url\(/);
  // The cost hatching's pattern is painted in the pay colour.
  const hatch = await page
    .locator('[data-testid="chart-fund"] pattern[id$="-hatch-pay"] rect')
    .first()
    .evaluate((e) => getComputedStyle(e).fill);
  expect(hatch).toBe(PAY_RED);
  // The actors' patterns have their colours (actor 0 is blue).
  const actor0 = await page
    .locator('[data-testid="chart-actor-years"] pattern[id$="-actor-0"] rect')
    .first()
    .evaluate((e) => getComputedStyle(e).fill);
  expect(actor0).toBe(FUND_BLUE);

  // Change the yearly allocation: the charts are drawn again.
  await page.getByTestId('in-allocation-amount').fill('12 000 000');
  await page.getByTestId('in-allocation-amount').press('Tab');
  await expect(page.getByTestId('key-figures')).toBeVisible();

  // Tooltips, by mouse and by keyboard, in their colours.
  const bar = page.locator('[data-testid="chart-fund"] .chart-bar').nth(1);
  await bar.hover();
  const tip = page.locator('[data-testid="chart-fund"] .chart-tooltip');
  await expect(tip).toBeVisible();
  expect(await fillOf(page, '[data-testid="chart-fund"] .chart-tooltip rect')).toBe(WHITE);
  expect(await fillOf(page, '[data-testid="chart-fund"] .chart-tooltip text')).toBe('rgb(26, 26, 26)');
  const whoPays = page.locator('[data-testid="chart-who-pays"] .chart-item').first();
  await whoPays.scrollIntoViewIfNeeded();
  await whoPays.focus();
  await expect(page.locator('[data-testid="chart-who-pays"] .chart-tooltip')).toBeVisible();
  const whoPaysFills = await page
    .locator('[data-testid="chart-who-pays"] rect')
    .evaluateAll((rs) => rs.map((r) => getComputedStyle(r).fill));
  expect(whoPaysFills).toContain(GAIN_GREEN);

  // The QR dialog.
  await page.getByTestId('show-qr').click();
  await expect(page.getByTestId('qr-dialog')).toBeVisible();
  await expect(page.getByTestId('qr-code').locator('svg')).toBeVisible();
  await page.getByTestId('qr-close').click();
  await expect(page.getByTestId('qr-dialog')).toBeHidden();

  // Language and unit.
  await page.getByTestId('lang-switch').click();
  await expect(page.locator('.fundsim')).toHaveAttribute('lang', 'en');
  await page.getByTestId('unit-mnkr').check({ force: true });
  await expect(page.getByTestId('kf-total-cost')).toContainText(/m|M/);
  expect(await fillOf(page, '[data-testid="chart-fund"] .bar-allocation')).toBe(FUND_BLUE);

  // CSV and SVG downloads (data: and blob: links are not fetches; the files keep their colours).
  const csv = await download(page, 'download-csv-plain');
  expect(csv.bytes.toString('utf8')).toContain('Year,Opening balance');
  const svg = await download(page, 'chart-fund-download-svg');
  const markup = svg.bytes.toString('utf8');
  expect(markup).not.toContain('var(');
  // The file is not under the page's policy: its colours are written into it.
  expect(/rgb\(0, 114, 178\)|#0072b2/i.test(markup), 'the fund blue is written into the SVG file').toBe(true);
  expect(/rgb\(213, 94, 0\)|#d55e00/i.test(markup), 'the pay red is written into the SVG file').toBe(true);

  // The print view.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('print-report')).toBeVisible();
  await expect(page.locator('aside.editor')).toBeHidden();
  expect(await fillOf(page, '[data-testid="chart-fund"] .bar-allocation')).toBe(FUND_BLUE);
  await page.emulateMedia({ media: 'screen' });
}

test('the app under the strict policy: edit, tooltips, QR, language, unit, CSV and SVG downloads, print', async ({
  context,
  page,
  baseURL,
}) => {
  const report = await underPolicy(context, page, STRICT);
  const urls = recordRequests(page);
  await page.goto('/index.html');
  await expect(page.getByTestId('key-figures')).toBeVisible();
  // The header really is there (the test would prove nothing otherwise).
  const served = await page.evaluate(async () => (await fetch('/index.html')).headers.get('content-security-policy'));
  expect(served).toBe(STRICT);

  await everyFeature(page);
  expect(foreign(urls, baseURL ?? page.url())).toEqual([]);
  expectClean(report);
});

test('the PNG download under the documented policy is a real image in the chart colours', async ({
  context,
  page,
  browser,
}) => {
  const report = await underPolicy(context, page, APP);
  await page.goto('/index.html');
  await expect(page.getByTestId('key-figures')).toBeVisible();
  await page.getByTestId('chart-fund').scrollIntoViewIfNeeded();
  const png = await download(page, 'chart-fund-download-png');
  expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.bytes.readUInt32BE(16)).toBeGreaterThan(400);
  expectClean(report);

  // Decode it in a page of its own (no policy there) and count palette pixels.
  const decoder = await browser.newPage();
  const counts = await decoder.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.naturalWidth;
    c.height = img.naturalHeight;
    const g = c.getContext('2d')!;
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, c.width, c.height).data;
    const near = (i: number, r: number, gg: number, b: number) =>
      Math.abs(d[i] - r) < 12 && Math.abs(d[i + 1] - gg) < 12 && Math.abs(d[i + 2] - b) < 12;
    let blue = 0;
    let red = 0;
    for (let i = 0; i < d.length; i += 4) {
      if (near(i, 0x00, 0x72, 0xb2)) blue++;
      if (near(i, 0xd5, 0x5e, 0x00)) red++;
    }
    return { blue, red, total: d.length / 4 };
  }, png.bytes.toString('base64'));
  await decoder.close();
  // The allocation bars are solid fund blue; the grants' hatching has solid pay-red stripes.
  expect(counts.blue).toBeGreaterThan(500);
  expect(counts.red).toBeGreaterThan(200);
});

/** The embed example's two widgets and its iframe, drawn in their colours, a tooltip, a unit and a language change. */
async function everyWidget(page: Page): Promise<void> {
  const gotland = page.locator('#widget-gotland');
  const jobs = page.locator('#widget-jobs');
  await expect(gotland.getByTestId('kf-total-cost')).toBeVisible();
  await expect(jobs.getByTestId('kf-total-cost')).toBeVisible();
  const frame = page.frameLocator('#widget-frame');
  await expect(frame.getByTestId('kf-total-cost')).toBeVisible();

  // Inside the shadow roots the charts are coloured by the widget's own style sheet.
  const bar = gotland.locator('[data-testid="chart-fund"] .bar-allocation').first();
  await bar.scrollIntoViewIfNeeded();
  expect(await bar.evaluate((e) => getComputedStyle(e).fill)).toBe(FUND_BLUE);
  expect(await frame.locator('[data-testid="chart-fund"] .bar-allocation').first().evaluate((e) => getComputedStyle(e).fill)).toBe(FUND_BLUE);

  // A tooltip, a unit change and a language change in a widget.
  await gotland.locator('[data-testid="chart-fund"] .chart-bar').nth(1).hover();
  await expect(gotland.locator('[data-testid="chart-fund"] .chart-tooltip')).toBeVisible();
  await gotland.locator('label[for="unit-mnkr"]').click();
  await expect(gotland.getByTestId('kf-total-cost')).toContainText('mnkr');
  await jobs.getByTestId('lang-switch').click();
  await expect(jobs.getByTestId('lang-switch')).toHaveText(/English/);
}

test('the embed example under the widget policy: two widgets, the iframe, no violations', async ({
  context,
  page,
  baseURL,
}) => {
  const report = await underPolicy(context, page, STRICT);
  const urls = recordRequests(page);
  await page.goto('/www/embed-example.html');
  await everyWidget(page);
  expect(foreign(urls, baseURL ?? page.url())).toEqual([]);
  expectClean(report);
});

test('both pages carry the policy in a <meta>, first in the head, as the README documents it', async () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  expect(readme).toContain(META);
  for (const file of PAGES) {
    const html = readFileSync(join(ROOT, file), 'utf8');
    const metas = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/g)];
    expect(metas.map((m) => m[1]), file).toEqual([META]);
    // A <meta> policy covers only what comes after it: nothing is loaded before it.
    const head = html.slice(0, metas[0].index);
    expect(head, file).not.toMatch(/<link|<script|<style/);
    // What a <meta> cannot carry (the browser ignores it there, and says so).
    expect(metas[0][1], file).not.toMatch(/frame-ancestors|report-uri|report-to|sandbox/);
  }
});

test('served with no header, the app runs every feature under its own <meta> policy with no violation', async ({
  context,
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const report = await watch(context, page);
  const urls = recordRequests(page);
  const response = await page.goto('/index.html');
  // The plain static server sends no policy: whatever is refused below, the page refused.
  expect(response?.headers()['content-security-policy']).toBeUndefined();
  await expect(page.getByTestId('key-figures')).toBeVisible();
  await everyFeature(page);

  // The downloads that go through the on-demand module (fetched and compiled
  // here: connect-src and 'wasm-unsafe-eval') and the PNG (img-src blob:).
  await page.emulateMedia({ media: 'screen' });
  const xlsx = await download(page, 'download-xlsx');
  expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  const png = await download(page, 'chart-fund-download-png');
  expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.bytes.readUInt32BE(16)).toBeGreaterThan(400);
  expect(urls.some((u) => u.endsWith('/fundsim_on_demand_bg.wasm'))).toBe(true);

  expect(foreign(urls, baseURL ?? page.url())).toEqual([]);
  expectClean(report);
});

test('served with no header, the embed example and its iframe run under their own <meta> policy with no violation', async ({
  context,
  page,
  baseURL,
}) => {
  const report = await watch(context, page);
  const urls = recordRequests(page);
  const documents: Record<string, string | undefined> = {};
  page.on('response', (r) => {
    if (r.request().resourceType() === 'document') documents[new URL(r.url()).pathname] = r.headers()['content-security-policy'];
  });
  await page.goto('/www/embed-example.html');
  await everyWidget(page);
  // Both documents (the host page and the iframe's app) came without a header.
  expect(documents).toEqual({ '/www/embed-example.html': undefined, '/index.html': undefined });
  expect(foreign(urls, baseURL ?? page.url())).toEqual([]);
  expectClean(report);
});

/**
 * What an attacker's injection would try, run in the page: an inline script,
 * an inline style sheet, a style attribute, and a fetch and an image from
 * another origin (example.invalid never resolves: only a policy can refuse it
 * before the network does, and only a policy reports it).
 */
async function inject(page: Page, outside: boolean) {
  return page.evaluate(async (outside) => {
    const w = window as any;
    const script = document.createElement('script');
    script.textContent = 'window.__injectedScriptRan = true;';
    document.head.append(script);
    const style = document.createElement('style');
    style.textContent = 'body { outline: 7px solid rgb(1, 2, 3) !important; }';
    document.head.append(style);
    document.body.setAttribute('style', 'border-top: 9px solid rgb(4, 5, 6)');
    let fetched = 'not tried';
    let image = 'not tried';
    if (outside) {
      fetched = await fetch('http://example.invalid/steal').then(() => 'fetched', () => 'refused');
      const img = new Image();
      img.src = 'http://example.invalid/pixel.png';
      image = await img.decode().then(() => 'loaded', () => 'refused');
    }
    const body = getComputedStyle(document.body);
    return {
      script: w.__injectedScriptRan === true,
      styleSheet: body.outlineWidth === '7px',
      styleAttribute: body.borderTopWidth === '9px',
      fetched,
      image,
    };
  }, outside);
}

for (const file of PAGES) {
  test(`the <meta> policy of ${file} is in force: an injected script and style and a request outside are refused`, async ({
    context,
    page,
    browser,
  }) => {
    const report = await watch(context, page);
    // Requests outside: how each ended (Chromium may show an image's request before refusing it).
    const outside: string[] = [];
    page.on('requestfailed', (r) => {
      if (r.url().includes('example.invalid')) outside.push(`${r.url()} ${r.failure()?.errorText}`);
    });
    page.on('response', (r) => {
      if (r.url().includes('example.invalid')) outside.push(`${r.url()} answered ${r.status()}`);
    });
    const response = await page.goto(`/${file}`);
    expect(response?.headers()['content-security-policy']).toBeUndefined();
    await expect(page.getByTestId('key-figures').first()).toBeVisible();

    expect(await inject(page, true)).toEqual({
      script: false,
      styleSheet: false,
      styleAttribute: false,
      fetched: 'refused',
      image: 'refused',
    });
    // Each refusal was the policy's, reported as a violation of its directive.
    const directives = () => report.violations.map((v) => v.split(' ')[0]).sort();
    await expect.poll(directives).toEqual(['connect-src', 'img-src', 'script-src-elem', 'style-src-attr', 'style-src-elem']);
    // Nothing left the origin: what was asked for outside was refused by the policy, not by the network.
    expect(outside.every((o) => / (csp|net::ERR_BLOCKED_BY_CSP)$/.test(o)), outside.join('; ')).toBe(true);

    // The same page with its <meta> taken out runs the same injection: the
    // refusals above were the <meta>'s (no outside request here).
    const bare = await browser.newContext();
    await bare.route(`**/${file}`, async (route) => {
      const original = await route.fetch();
      const body = (await original.text()).replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
      await route.fulfill({ response: original, body });
    });
    const barePage = await bare.newPage();
    const bareReport = await watch(bare, barePage);
    await barePage.goto(`/${file}`);
    await expect(barePage.getByTestId('key-figures').first()).toBeVisible();
    expect(await inject(barePage, false)).toEqual({
      script: true,
      styleSheet: true,
      styleAttribute: true,
      fetched: 'not tried',
      image: 'not tried',
    });
    expect(bareReport.violations).toEqual([]);
    await bare.close();
  });
}
