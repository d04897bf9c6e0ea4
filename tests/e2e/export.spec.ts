// Exports in Chromium: the year-by-year CSV in both dialects (Swedish Excel:
// BOM, semicolons, decimal comma; everyone else: commas, decimal point), and
// each chart as an SVG and a PNG file, all made in the page.
//
// Hooks: data-testid "download-csv" (Swedish Excel) and "download-csv-plain";
// "<chart testid>-download-svg" / "-download-png" in each chart's figure.
import { readFileSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import { open, scenarioText } from './support';

const APP = '/index.html';
const CHARTS = ['chart-fund', 'chart-who-pays', 'chart-actor-years', 'chart-flow'];


/** Clicks a download control and returns the file's name and bytes. */
async function download(page: Page, testid: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(path!) };
}

/** The current scenario (the JSON panel's text) and what the package's simulate() returns for it. */
async function scenarioAndResult(page: Page): Promise<{ scenario: any; result: any }> {
  const text = await scenarioText(page);
  const json = await page.evaluate(async (input) => {
    const m = await import('/pkg/fundsim.js');
    await m.default();
    return m.simulate(input);
  }, text);
  return { scenario: JSON.parse(text), result: JSON.parse(json) };
}

/** The row for `year` in the table of the actor called `name` (CSV lines, split by `sep`). */
function actorRow(lines: string[], name: string, year: number, sep: string): string[] {
  const start = lines.findIndex((l) => l.replace(/^"|"$/g, '').startsWith(`${name} (`));
  expect(start, `the actor section for ${name}`).toBeGreaterThan(0);
  const row = lines.slice(start + 2).find((l) => l.startsWith(`${year}${sep}`));
  expect(row, `the row for ${year}`).toBeTruthy();
  return row!.split(sep);
}

test('the CSV for Swedish Excel has a BOM, semicolons, decimal commas and simulate()’s figures', async ({ page }) => {
  const errors = await open(page);
  const { scenario, result } = await scenarioAndResult(page);
  await expect(page.getByTestId('download-csv')).toHaveText('CSV för svenska Excel (semikolon, decimalkomma)');
  const { name, bytes } = await download(page, 'download-csv');
  expect(name).toMatch(/\.csv$/);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.subarray(3).toString('utf8');
  const lines = text.split('\r\n');
  expect(lines).toContain('År;Ingående saldo;Avsättning;Bidrag;Återbetalningar;Utgående saldo');

  const actor = result.actors[actor_index(result)];
  const actorName = scenario.actors.find((a: any) => a.id === actor.id).name;
  const row = actor.rows[2];
  const cells = actorRow(lines, actorName, row.year, ';');
  const expected = [row.savings, row.co_financing, row.repayment, row.fund_cost, row.grants_received, row.net];
  expect(cells.slice(1)).toEqual(expected.map((v: string) => v.replace('.', ',')));
  expect(cells[6]).toMatch(/^-?\d+,\d\d$/);
  // The fund's first year, in the same dialect.
  const f = result.fund[0];
  expect(lines).toContain([f.year, f.open, f.allocation, f.grants, f.repayments, f.close].map((v) => String(v).replace('.', ',')).join(';'));
  expect(errors).toEqual([]);
});

test('the plain CSV uses commas and decimal points and simulate()’s figures', async ({ page }) => {
  const errors = await open(page);
  const { scenario, result } = await scenarioAndResult(page);
  await expect(page.getByTestId('download-csv-plain')).toHaveText('CSV (komma, decimalpunkt)');
  const { name, bytes } = await download(page, 'download-csv-plain');
  expect(name).toMatch(/\.csv$/);
  expect([...bytes.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString('utf8').split('\r\n');
  expect(lines).toContain('År,Ingående saldo,Avsättning,Bidrag,Återbetalningar,Utgående saldo');

  const actor = result.actors[actor_index(result)];
  const actorName = scenario.actors.find((a: any) => a.id === actor.id).name;
  const row = actor.rows[2];
  const cells = actorRow(lines, actorName, row.year, ',');
  expect(cells.slice(1)).toEqual([row.savings, row.co_financing, row.repayment, row.fund_cost, row.grants_received, row.net]);
  expect(cells[6]).toMatch(/^-?\d+\.\d\d$/);
  expect(errors).toEqual([]);
});

/** An actor whose year-3 row has something in it (the example's actors all do; fall back to the first). */
function actor_index(result: any): number {
  const i = result.actors.findIndex((a: any) => a.rows[2] && a.rows[2].net !== '0.00');
  return i < 0 ? 0 : i;
}

test('the buttons are translated and name their chart', async ({ page }) => {
  await open(page);
  const svgButton = page.getByTestId('chart-fund-download-svg');
  await expect(svgButton).toHaveText('Ladda ner SVG');
  await expect(svgButton).toHaveAccessibleName('Ladda ner SVG – Fonden år för år');
  await expect(page.getByTestId('chart-flow-download-png')).toHaveAccessibleName('Ladda ner PNG – Pengarnas väg');
  await page.getByTestId('lang-switch').click();
  await expect(page.locator('.fundsim')).toHaveAttribute('lang', 'en');
  await expect(svgButton).toHaveAccessibleName('Download SVG – The fund year by year');
  await expect(page.getByTestId('chart-fund-download-png')).toHaveText('Download PNG');
  await expect(page.getByTestId('download-csv')).toHaveText('CSV for Swedish Excel (semicolon, decimal comma)');
  await expect(page.getByTestId('download-csv-plain')).toHaveText('CSV (comma, decimal point)');
});

for (const chart of CHARTS) {
  test(`${chart}: SVG and PNG downloads`, async ({ page }) => {
    const errors = await open(page);
    const figure = page.getByTestId(chart);
    await figure.scrollIntoViewIfNeeded();
    const title = ((await figure.locator('.chart-box svg > title').first().textContent()) ?? '').trim();
    expect(title.length).toBeGreaterThan(0);

    const svg = await download(page, `${chart}-download-svg`);
    expect(svg.name).toBe(`fundsim-${chart}.svg`);
    const markup = svg.bytes.toString('utf8');
    expect(markup).not.toContain('var(');
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const root = doc.documentElement;
      return {
        error: doc.getElementsByTagName('parsererror').length > 0,
        root: root.localName,
        ns: root.namespaceURI,
        title: root.querySelector('title')?.textContent ?? '',
        width: Number(root.getAttribute('width')),
      };
    }, markup);
    expect(parsed.error).toBe(false);
    expect(parsed.root).toBe('svg');
    expect(parsed.ns).toBe('http://www.w3.org/2000/svg');
    expect(parsed.title.trim()).toBe(title);
    expect(parsed.width).toBeGreaterThan(100);

    const png = await download(page, `${chart}-download-png`);
    expect(png.name).toBe(`fundsim-${chart}.png`);
    expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // IHDR: width and height, big-endian, at bytes 16 and 20: twice the chart's size
    // (the chart may have been laid out again between the two downloads, so within bounds).
    const width = png.bytes.readUInt32BE(16);
    const height = png.bytes.readUInt32BE(20);
    expect(width % 2).toBe(0);
    expect(width).toBeGreaterThanOrEqual(400);
    expect(width).toBeLessThanOrEqual(4000);
    expect(height).toBeGreaterThan(100);
    expect(png.bytes.length).toBeGreaterThan(2_000);
    expect(errors).toEqual([]);
  });
}
