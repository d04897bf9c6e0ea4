// Exports in Chromium: the year-by-year CSV in both dialects (Swedish Excel:
// BOM, semicolons, decimal comma; everyone else: commas, decimal point), and
// each chart as an SVG and a PNG file, all made in the page. The CSV files
// are named after the scenario, every figure in them sits under a column
// named for it, and a name a spreadsheet would read as a formula is written
// as text; a downloaded SVG keeps every name as it is, and no name becomes
// markup in it (tests/e2e/fixtures/hostile-names.json).
//
// Hooks: data-testid "download-csv" (Swedish Excel) and "download-csv-plain";
// "<chart testid>-download-svg" / "-download-png" in each chart's figure.
import { readFileSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import { fixture, open, scenarioLink, scenarioText, simulateInPage } from './support';

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

// ---------------------------------------------------------------------------
// The CSV files: names, labelled columns, and names that look like formulas.

/** A scenario whose names begin with every character a spreadsheet reads as the start of a formula. */
const HOSTILE = fixture('hostile-names');
/** What makes a spreadsheet read a cell as a formula (or a command) when it begins with it. */
const FORMULA_STARTS = ['=', '+', '-', '@', '\t', '\r'];

type Dialect = { testid: string; sep: string; mark: string; bom: boolean; sv: string; en: string };
const DIALECTS: Dialect[] = [
  { testid: 'download-csv', sep: ';', mark: ',', bom: true, sv: 'år för år (svenska Excel)', en: 'year by year (Swedish Excel)' },
  { testid: 'download-csv-plain', sep: ',', mark: '.', bom: false, sv: 'år för år', en: 'year by year' },
];

/** RFC 4180: fields separated by `sep`, records by CRLF; a quoted field may hold anything, `""` is a quote. */
function parseCsv(text: string, sep: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i += 1;
      } else {
        field += c;
        i += 1;
      }
    } else if (c === '"' && field === '') {
      quoted = true;
      i += 1;
    } else if (c === sep) {
      row.push(field);
      field = '';
      i += 1;
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else {
      field += c;
      i += 1;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** The file's text without its byte-order mark, checked to have one exactly when the dialect wants it. */
function csvText(bytes: Buffer, dialect: Dialect): string {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  expect(bom, 'a byte-order mark in the Swedish Excel dialect only').toBe(dialect.bom);
  return bytes.subarray(bom ? 3 : 0).toString('utf8');
}

/** The tables of a CSV file: the lines between blank lines, each a title, a header, then rows. */
function tablesOf(rows: string[][]): string[][][] {
  const tables: string[][][] = [];
  let current: string[][] = [];
  for (const row of rows) {
    if (row.length === 1 && row[0] === '') {
      if (current.length) tables.push(current);
      current = [];
    } else {
      current.push(row);
    }
  }
  if (current.length) tables.push(current);
  return tables;
}

/** The table titled `title`, and the cell under `heading` in the row whose first cell is `first` (the first row when omitted). */
function under(tables: string[][][], title: string, heading: string, first?: string): string {
  const table = tables.find((t) => t[0][0] === title);
  expect(table, `a table "${title}"`).toBeTruthy();
  const column = table![1].indexOf(heading);
  expect(column, `a column "${heading}" in "${title}" (${table![1].join(' | ')})`).toBeGreaterThanOrEqual(0);
  const row = first === undefined ? table![2] : table!.slice(2).find((r) => r[0] === first);
  expect(row, `a row "${first}" in "${title}"`).toBeTruthy();
  return row![column];
}

/** Every name a user typed: the scenario's, the actors' and the interventions'. */
function namesOf(scenario: any): string[] {
  return [scenario.name, ...scenario.actors.map((a: any) => a.name), ...scenario.interventions.map((i: any) => i.name)];
}

test('the fixture has actor and intervention names beginning with every formula character', () => {
  for (const c of FORMULA_STARTS) {
    expect(HOSTILE.actors.some((a: any) => a.name.startsWith(c)), `an actor name beginning with ${JSON.stringify(c)}`).toBe(true);
    expect(HOSTILE.interventions.some((i: any) => i.name.startsWith(c)), `an intervention beginning with ${JSON.stringify(c)}`).toBe(true);
  }
  expect(FORMULA_STARTS).toContain(HOSTILE.name[0]);
});

for (const dialect of DIALECTS) {
  test(`${dialect.testid}: a name a spreadsheet would read as a formula is written as text; negative amounts stay numbers`, async ({ page }) => {
    const errors = await open(page, scenarioLink(HOSTILE, 'lang=sv'));
    const result = await simulateInPage(page, HOSTILE);
    const { bytes } = await download(page, dialect.testid);
    const text = csvText(bytes, dialect);
    const cells = parseCsv(text, dialect.sep).flat();
    // Every name that begins like a formula is there led by an apostrophe (a
    // spreadsheet then shows it as text), never bare; other names as they are.
    for (const name of namesOf(HOSTILE)) {
      if (FORMULA_STARTS.includes(name[0])) {
        expect(cells, `${JSON.stringify(name)} neutralised`).toContain(`'${name}`);
        expect(cells, `${JSON.stringify(name)} never bare`).not.toContain(name);
      } else {
        expect(cells, `${JSON.stringify(name)} as it is`).toContain(name);
      }
    }
    // No cell begins like a formula, except a negative number (money has 2 decimals, a share 4).
    const negative = dialect.mark === ',' ? /^-\d+(,\d\d(\d\d)?)?$/ : /^-\d+(\.\d\d(\d\d)?)?$/;
    for (const cell of cells) {
      if (FORMULA_STARTS.includes(cell[0])) expect(cell, 'a cell that begins like a formula').toMatch(negative);
    }
    // A name holding a carriage return is quoted, as CSV requires.
    expect(text).toContain(`"'\rCR; kommunen"`);
    // Negative amounts are bare numbers in the dialect: the organisation's first two years, and an actor's savings.
    const amount = (v: string) => v.replace('.', dialect.mark);
    const lines = text.split('\r\n');
    for (const y of [0, 1]) {
      expect(result.org_net[y]).toMatch(/^-/);
      expect(lines).toContain([result.years[y], result.org_net[y], result.society_net[y]].map((v) => amount(String(v))).join(dialect.sep));
    }
    const minus = result.actors.find((a: any) => a.id === 'minus');
    expect(minus.rows[0].savings).toMatch(/^-/);
    const tables = tablesOf(parseCsv(text, dialect.sep));
    const minusTable = tables.find((t) => t[0][0] === `'-1+2 nämnd (inom organisationen)`)!;
    expect(minusTable, 'the table of the actor "-1+2 nämnd"').toBeTruthy();
    expect(minusTable[2][1]).toBe(amount(minus.rows[0].savings));
    expect(lines).toContain(
      [minus.rows[0].year, ...['savings', 'co_financing', 'repayment', 'fund_cost', 'grants_received', 'net'].map((k) => amount(minus.rows[0][k]))].join(dialect.sep),
    );
    expect(errors).toEqual([]);
  });
}

test('the CSV files are named after the scenario, in the reader’s language', async ({ page }) => {
  await open(page, scenarioLink({ ...HOSTILE, name: 'Vård/omsorg: "tidiga" insatser?' }, 'lang=sv'));
  // The characters file systems refuse become spaces, as for the scenario file and the workbook.
  for (const dialect of DIALECTS) {
    expect((await download(page, dialect.testid)).name).toBe(`Vård omsorg tidiga insatser – ${dialect.sv}.csv`);
  }
  await page.getByTestId('lang-switch').click();
  await expect(page.getByTestId('download-csv-plain')).toHaveText('CSV (comma, decimal point)');
  for (const dialect of DIALECTS) {
    expect((await download(page, dialect.testid)).name).toBe(`Vård omsorg tidiga insatser – ${dialect.en}.csv`);
  }
});

for (const lang of ['sv', 'en'] as const) {
  test(`every figure of both CSV files sits under a column named for it (${lang})`, async ({ page }) => {
    for (const url of [`${APP}#lang=${lang}`, scenarioLink(HOSTILE, `lang=${lang}`)]) {
      const errors = await open(page, url);
      await expect(page.locator('.fundsim')).toHaveAttribute('lang', lang);
      const scenario = JSON.parse(await scenarioText(page));
      const result = await simulateInPage(page, scenario);
      for (const dialect of DIALECTS) {
        const tables = tablesOf(parseCsv(csvText((await download(page, dialect.testid)).bytes, dialect), dialect.sep));
        expect(tables.length).toBeGreaterThanOrEqual(7 + result.actors.length);
        for (const table of tables) {
          const [title, header, ...rows] = table;
          expect(title.length, `the title "${title.join('|')}" stands alone`).toBe(1);
          expect(header, `"${title[0]}" has a header row`).toBeTruthy();
          expect(header.every((h) => h.trim() !== ''), `every column of "${title[0]}" has a heading: ${header.join(' | ')}`).toBe(true);
          expect(header.some((h) => /^-?\d/.test(h)), `"${title[0]}": its header holds no figure`).toBe(false);
          for (const row of rows) {
            expect(row.length, `"${title[0]}": no cell beyond the headings (${row.join(' | ')})`).toBeLessThanOrEqual(header.length);
          }
        }
        // Figures of simulate() under the columns named for them.
        const amount = (v: string) => v.replace('.', dialect.mark);
        const sv = lang === 'sv';
        const keyFigures = sv ? 'Nyckeltal' : 'Key figures';
        expect(under(tables, keyFigures, sv ? 'Kostnad för insatserna' : 'Cost of the interventions')).toBe(amount(result.key_figures.total_cost));
        expect(under(tables, keyFigures, sv ? 'Nuvärde för samhället' : 'Present value for society')).toBe(amount(result.key_figures.society_npv));
        expect(under(tables, 'Scenario', sv ? 'Valuta' : 'Currency')).toBe(scenario.currency);
        const quoted = (name: string) => (FORMULA_STARTS.includes(name[0]) ? `'${name}` : name);
        const totals = sv ? 'Aktörerna totalt' : 'Actors in total';
        for (const a of result.actors) {
          const name = quoted(scenario.actors.find((x: any) => x.id === a.id).name);
          expect(under(tables, totals, sv ? 'Kostnader' : 'Costs', name), `${a.id} cost_borne`).toBe(amount(a.cost_borne));
          expect(under(tables, totals, sv ? 'Nuvärde' : 'Present value', name), `${a.id} npv`).toBe(amount(a.npv));
          expect(under(tables, totals, sv ? 'Besparingar' : 'Savings', name), `${a.id} savings_total`).toBe(amount(a.savings_total));
          expect(under(tables, totals, sv ? 'Netto' : 'Net', name), `${a.id} net_total`).toBe(amount(a.net_total));
        }
        const f = result.fund[0];
        expect(under(tables, sv ? 'Fonden' : 'The fund', sv ? 'Utgående saldo' : 'Closing balance', String(f.year))).toBe(amount(f.close));
      }
      expect(errors).toEqual([]);
    }
  });
}

// ---------------------------------------------------------------------------
// A chart's SVG keeps the user's text.

test('a downloaded SVG keeps every name as it is, well-formed, and no name becomes markup', async ({ page }) => {
  const errors = await open(page, scenarioLink(HOSTILE, 'lang=sv'));
  const hostile = HOSTILE.actors.filter((a: any) => a.name.startsWith('var(')).map((a: any) => a.name);
  expect(hostile).toEqual(['var(--x) <b>&"\'', 'var(--y, red)<i onclick="z">']);
  for (const chart of CHARTS) {
    const figure = page.getByTestId(chart);
    await figure.scrollIntoViewIfNeeded();
    const svg = figure.locator('.chart-box svg').first();
    await expect(svg).toBeVisible();
    // The chart's text as drawn in the page (its tooltip is not part of the file).
    const shown = await svg.evaluate((el) => {
      const copy = el.cloneNode(true) as Element;
      copy.querySelectorAll('.chart-tooltip').forEach((t) => t.remove());
      return copy.textContent ?? '';
    });
    const file = await download(page, `${chart}-download-svg`);
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const all = [...doc.documentElement.querySelectorAll('*')];
      return {
        error: doc.getElementsByTagName('parsererror').length > 0,
        text: doc.documentElement.textContent ?? '',
        elements: [...new Set(all.map((e) => e.localName))],
        attributes: [...new Set(all.flatMap((e) => [...e.attributes].map((a) => a.name)))],
        texts: all.filter((e) => e.localName === 'text' || e.localName === 'title').map((e) => e.textContent ?? ''),
      };
    }, file.bytes.toString('utf8'));
    expect(parsed.error, `${chart}: well-formed XML`).toBe(false);
    expect(parsed.text, `${chart}: the file's text is the chart's text, unchanged`).toBe(shown);
    expect(parsed.elements, `${chart}: no element from a name`).not.toContain('b');
    expect(parsed.elements).not.toContain('i');
    expect(parsed.attributes.filter((a) => a.startsWith('on')), `${chart}: no handler from a name`).toEqual([]);
    if (chart === 'chart-who-pays') {
      for (const name of hostile) expect(parsed.texts, `${chart} names ${name}`).toContain(name);
    }
  }
  expect(errors).toEqual([]);
});
