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
// any other way onto a canvas), so the served app's documented policy, APP,
// adds exactly `img-src 'self' blob:` (README, "Content Security Policy").
import { readFileSync } from 'node:fs';
import { test, expect, type BrowserContext, type Page } from '@playwright/test';
import { foreign, recordRequests } from './support';

const STRICT = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const APP = `${STRICT}; img-src 'self' blob:`;

// The palette (www/style.css, Okabe–Ito) as the browser computes it.
const FUND_BLUE = 'rgb(0, 114, 178)'; // --c-fund #0072B2
const GAIN_GREEN = 'rgb(0, 158, 115)'; // --c-gain #009E73
const PAY_RED = 'rgb(213, 94, 0)'; // --c-pay #D55E00
const WHITE = 'rgb(255, 255, 255)'; // --c-tooltip-bg

type Report = { violations: string[]; consoleErrors: string[]; pageErrors: string[] };

/** Serves every HTML document with `policy` as its Content-Security-Policy header, and records what breaks it. */
async function underPolicy(context: BrowserContext, page: Page, policy: string): Promise<Report> {
  const report: Report = { violations: [], consoleErrors: [], pageErrors: [] };
  await context.route(
    (url) => url.pathname.endsWith('.html') || url.pathname.endsWith('/'),
    async (route) => {
      const response = await route.fetch();
      const headers = { ...response.headers(), 'content-security-policy': policy };
      await route.fulfill({ response, headers });
    },
  );
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
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
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

test('the embed example under the widget policy: two widgets, the iframe, no violations', async ({
  context,
  page,
  baseURL,
}) => {
  const report = await underPolicy(context, page, STRICT);
  const urls = recordRequests(page);
  await page.goto('/www/embed-example.html');
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

  expect(foreign(urls, baseURL ?? page.url())).toEqual([]);
  expectClean(report);
});
