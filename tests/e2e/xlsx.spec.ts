// The Excel export: the "Excel (.xlsx)" button loads the on-demand module
// (pkg/on-demand/) on the first click only, and downloads `<scenario name>.xlsx`.
// Each file is read back in Node with exceljs and EVERY fund and actor value
// compared with what the package's simulate() returns for the same scenario,
// for two presets, in Swedish and in English; number formats, frozen header
// rows and sheet names too. Also: a failed load says so and can be retried,
// an embedded widget exports, the single-file build exports from file://, and
// names a spreadsheet would read as formulas are written as text.
//
// Hooks: data-testid "download-xlsx" (the button) and "xlsx-status" (its message).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test, expect, type Locator, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { currentScenario, fixture, open, recordRequests, scenarioLink, simulateInPage, holdOnDemand } from './support';

const MONEY = '#,##0.00';
const RATIO = '0.00%';
const WORKBOOK_MODULE = /\/pkg\/on-demand\/fundsim_on_demand(_bg\.wasm|\.js)$/;

type Labels = {
  summary: string;
  fund: string;
  fundHead: string[];
  actorHead: string[];
  total: string;
  costs: string;
  npv: string;
  keyFigures: [string, string][];
  revolving: string;
};

// The headings a budget officer sees, in each language (as in the app's tables).
const LABELS: Record<'sv' | 'en', Labels> = {
  sv: {
    summary: 'Nyckeltal och antaganden',
    fund: 'Fonden år för år',
    fundHead: ['År', 'Ingående saldo', 'Avsättning', 'Bidrag', 'Återbetalningar', 'Utgående saldo', 'Organisationens resultat', 'Samhällets resultat'],
    actorHead: ['År', 'Besparingar', 'Medfinansiering', 'Återbetalning', 'Fondens kostnad', 'Mottagna bidrag', 'Netto'],
    total: 'Summa',
    costs: 'Kostnader',
    npv: 'Nuvärde',
    keyFigures: [
      ['Kostnad för insatserna', 'total_cost'],
      ['Besparingar inom organisationen', 'savings_inside'],
      ['Besparingar utanför organisationen', 'savings_outside'],
      ['Nuvärde för organisationen', 'org_npv'],
      ['Nuvärde för samhället', 'society_npv'],
    ],
    revolving: 'Fondens återflöde',
  },
  en: {
    summary: 'Key figures and assumptions',
    fund: 'The fund year by year',
    fundHead: ['Year', 'Opening balance', 'Allocation', 'Grants', 'Repayments', 'Closing balance', "Organisation's result", "Society's result"],
    actorHead: ['Year', 'Savings', 'Co-financing', 'Repayment', 'Fund cost', 'Grants received', 'Net'],
    total: 'Total',
    costs: 'Costs',
    npv: 'Present value',
    keyFigures: [
      ['Cost of the interventions', 'total_cost'],
      ['Savings inside the organisation', 'savings_inside'],
      ['Savings outside the organisation', 'savings_outside'],
      ['Present value for the organisation', 'org_npv'],
      ['Present value for society', 'society_npv'],
    ],
    revolving: 'Fund revolving ratio',
  },
};

/** The file name: the scenario's name with the characters file systems refuse
 * (/ \ : * ? " < > |) as spaces, spaces collapsed, and `.xlsx` (as the JSON download). */
function fileName(name: string): string {
  return `${name.replace(/[/\\:*?"<>|]/g, ' ').split(/\s+/).filter((w) => w).join(' ')}.xlsx`;
}


/** Clicks the Excel button in `scope` and returns the file's name and workbook. */
async function downloadXlsx(page: Page, scope: Page | Locator): Promise<{ name: string; book: ExcelJS.Workbook }> {
  const [file] = await Promise.all([page.waitForEvent('download'), scope.getByTestId('download-xlsx').click()]);
  const bytes = readFileSync((await file.path())!);
  expect([...bytes.subarray(0, 4)], 'an .xlsx file is a zip archive').toEqual([0x50, 0x4b, 0x03, 0x04]);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes);
  return { name: file.suggestedFilename(), book };
}

/** The row of `sheet` whose first cell is `label`. */
function rowOf(sheet: ExcelJS.Worksheet, label: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  sheet.eachRow((row) => {
    if (!found && row.getCell(1).value === label) found = row;
  });
  expect(found, `a row "${label}" in ${sheet.name}`).toBeTruthy();
  return found!;
}

/** A money cell: a real number equal to the result JSON's string, shown with thousands and 2 decimals. */
function expectMoney(cell: ExcelJS.Cell, value: string, where: string) {
  expect(typeof cell.value, `${where} is a number`).toBe('number');
  expect(cell.value, where).toBe(Number(value));
  expect(cell.numFmt, `${where} format`).toBe(MONEY);
}

/** The header row: these headings, bold, and frozen with the rows above it. */
function expectHeader(sheet: ExcelJS.Worksheet, headings: string[]) {
  const header = sheet.getRow(4);
  expect(header.values.slice(1), `${sheet.name} header`).toEqual(headings);
  expect(header.getCell(1).font?.bold, `${sheet.name} header is bold`).toBe(true);
  expect(sheet.views[0], `${sheet.name} frozen`).toMatchObject({ state: 'frozen', ySplit: 4, xSplit: 1 });
}

/** Every fund and actor figure of the workbook against simulate()'s result. */
function checkWorkbook(book: ExcelJS.Workbook, scenario: any, result: any, lang: 'sv' | 'en') {
  const L = LABELS[lang];
  const names = book.worksheets.map((s) => s.name);
  const actorNames = result.actors.map((a: any) => scenario.actors.find((x: any) => x.id === a.id).name);
  // Excel's rules: none of [ ] : * ? / \ and at most 31 characters (the
  // presets' actor names are unique and need no number added).
  const sheetName = (n: string) => n.replace(/[[\]:*?/\\]/g, '-').slice(0, 31).trimEnd();
  expect(names).toEqual([L.summary, L.fund, ...actorNames.map(sheetName)]);
  expect(names.every((n) => n.length <= 31)).toBe(true);

  const summary = book.getWorksheet(L.summary)!;
  expect(summary.getCell('A1').value).toBe(scenario.name);
  expect(summary.getCell('A1').font?.bold).toBe(true);
  expect(String(summary.getCell('A2').value)).toMatch(new RegExp(`${scenario.currency}.*\\d{4}-\\d\\d-\\d\\d$`));
  for (const [label, key] of L.keyFigures) {
    expectMoney(rowOf(summary, label).getCell(2), result.key_figures[key], label);
  }
  const revolving = rowOf(summary, L.revolving).getCell(2);
  if (result.key_figures.revolving_ratio !== null) {
    expect(revolving.value).toBe(Number(result.key_figures.revolving_ratio));
    expect(revolving.numFmt).toBe(RATIO);
  }

  const fund = book.getWorksheet(L.fund)!;
  expectHeader(fund, L.fundHead);
  expect(fund.getColumn(2).width, 'money columns are wide enough').toBeGreaterThanOrEqual(12);
  result.fund.forEach((f: any, i: number) => {
    const row = fund.getRow(5 + i);
    expect(row.getCell(1).value).toBe(f.year);
    expect(row.getCell(1).numFmt, 'years have no thousands separator').toBe('0');
    ['open', 'allocation', 'grants', 'repayments', 'close'].forEach((k, c) => expectMoney(row.getCell(2 + c), f[k], `fund ${f.year} ${k}`));
    expectMoney(row.getCell(7), result.org_net[i], `org_net ${f.year}`);
    expectMoney(row.getCell(8), result.society_net[i], `society_net ${f.year}`);
  });
  expect(fund.getRow(5 + result.fund.length).hasValues, 'no row after the last year').toBe(false);

  result.actors.forEach((a: any, k: number) => {
    const sheet = book.getWorksheet(sheetName(actorNames[k]))!;
    expectHeader(sheet, L.actorHead);
    // The title has the whole name.
    expect(String(sheet.getCell('A1').value)).toContain(actorNames[k]);
    a.rows.forEach((r: any, i: number) => {
      const row = sheet.getRow(5 + i);
      expect(row.getCell(1).value).toBe(r.year);
      ['savings', 'co_financing', 'repayment', 'fund_cost', 'grants_received', 'net'].forEach((key, c) =>
        expectMoney(row.getCell(2 + c), r[key], `${a.id} ${r.year} ${key}`),
      );
    });
    const total = sheet.getRow(5 + a.rows.length);
    expect(total.getCell(1).value).toBe(L.total);
    expect(total.getCell(1).font?.bold).toBe(true);
    expectMoney(total.getCell(2), a.savings_total, `${a.id} savings_total`);
    expectMoney(total.getCell(7), a.net_total, `${a.id} net_total`);
    expectMoney(rowOf(sheet, L.costs).getCell(2), a.cost_borne, `${a.id} cost_borne`);
    expectMoney(rowOf(sheet, L.npv).getCell(2), a.npv, `${a.id} npv`);
  });
}

test('the workbook module is not loaded before the first results; the workbook has every figure of simulate(), in Swedish', async ({ page }) => {
  const urls = recordRequests(page);
  // The first results show while the on-demand module is held back: they do not need it.
  const release = await holdOnDemand(page);
  const errors = await open(page);
  release();
  await expect(page.getByTestId('download-xlsx')).toHaveText('Excel (.xlsx)');
  const scenario = await currentScenario(page);
  const result = await simulateInPage(page, scenario);

  const { name, book } = await downloadXlsx(page, page);
  expect(name).toBe(fileName(scenario.name));
  // The module and its wasm, fetched after the first results (by the click, or
  // already for the analysis's words), by the page and its analysis worker.
  const fetched = urls.filter((u) => WORKBOOK_MODULE.test(u)).length;
  expect(fetched, 'the module and its wasm').toBeGreaterThanOrEqual(2);
  checkWorkbook(book, scenario, result, 'sv');
  // The assumptions are on the first sheet too, as numbers in their formats.
  const summary = book.getWorksheet(LABELS.sv.summary)!;
  const rate = rowOf(summary, 'Diskonteringsränta').getCell(2);
  expect(rate.value).toBe(Number(scenario.discount_rate));
  expect(rate.numFmt).toBe(RATIO);
  expect(rowOf(summary, 'Första år').getCell(2).value).toBe(scenario.start_year);
  expect(rowOf(summary, 'Startkapital').getCell(2).value).toBe(Number(scenario.fund.initial_capital));
  const first = scenario.interventions[0];
  const interventionRow = summary.getRows(1, summary.rowCount)!.find((r) => r.getCell(1).value === first.name && r.getCell(5).value !== null)!;
  expect(interventionRow.getCell(5).value, 'the first intervention\'s cost a year').toBe(Number(first.annual_cost));
  expect(interventionRow.getCell(5).numFmt).toBe(MONEY);

  // A second click reuses the loaded module.
  await downloadXlsx(page, page);
  expect(urls.filter((u) => WORKBOOK_MODULE.test(u)).length).toBe(fetched);
  expect(errors).toEqual([]);
});

test('another preset in English has every figure of simulate()', async ({ page }) => {
  const errors = await open(page);
  const ids = await page.getByTestId('preset-select').locator('option').evaluateAll((os) =>
    os.map((o) => (o as HTMLOptionElement).value).filter((v) => v),
  );
  expect(ids.length).toBeGreaterThan(1);
  await page.getByTestId('preset-select').selectOption(ids[1]);
  await page.getByTestId('lang-switch').click();
  await expect(page.getByTestId('download-xlsx')).toHaveText('Excel (.xlsx)');
  const scenario = await currentScenario(page);
  expect(scenario.name).toBeTruthy();
  const result = await simulateInPage(page, scenario);
  const { name, book } = await downloadXlsx(page, page);
  expect(name).toBe(fileName(scenario.name));
  checkWorkbook(book, scenario, result, 'en');
  expect(errors).toEqual([]);
});

test('names that begin like a formula are written as text, never as formulas; negative amounts as numbers', async ({ page }) => {
  // Names beginning with = + - @, a tab or a carriage return (tests/e2e/fixtures/hostile-names.json).
  const hostile = fixture('hostile-names');
  const errors = await open(page, scenarioLink(hostile, 'lang=sv'));
  const result = await simulateInPage(page, hostile);
  const { name, book } = await downloadXlsx(page, page);
  expect(name).toBe(fileName(hostile.name));
  const strings: string[] = [];
  let cells = 0;
  book.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        cells += 1;
        expect(cell.type, `${sheet.name}!${cell.address} is not a formula`).not.toBe(ExcelJS.ValueType.Formula);
        expect(cell.formula, `${sheet.name}!${cell.address} has no formula`).toBeFalsy();
        if (typeof cell.value === 'string') strings.push(cell.value);
      }),
    ),
  );
  expect(cells).toBeGreaterThan(100);
  const names = [hostile.name, ...hostile.actors.map((a: any) => a.name), ...hostile.interventions.map((i: any) => i.name)];
  for (const text of names) {
    expect(strings, `${JSON.stringify(text)} as text, exactly`).toContain(text);
  }
  // An actor whose savings are negative: its sheet has the negative amounts as numbers.
  const minus = result.actors.find((a: any) => a.id === 'minus');
  expect(minus.rows[0].savings).toMatch(/^-/);
  const sheet = book.getWorksheet('-1+2 nämnd')!;
  expectMoney(sheet.getRow(5).getCell(2), minus.rows[0].savings, 'a negative saving');
  expect(errors).toEqual([]);
});

test('a failed load says so, in the page, and the next click tries again', async ({ page }) => {
  // Refused from the start: the module is otherwise loaded as soon as the
  // preset's story comes near the screen, before any click.
  // One handler for both phases: switching it is atomic, where an unroute and a new
  // route would leave a moment in which another part's load goes through at once.
  let refuse = true;
  await page.route(WORKBOOK_MODULE, async (route) => {
    if (refuse) return route.abort();
    await new Promise((r) => setTimeout(r, 600));
    await route.continue();
  });
  await open(page);
  await page.getByTestId('download-xlsx').click();
  await expect(page.getByTestId('xlsx-status')).toHaveText('Excel-filen kunde inte skapas. Försök igen.');
  await expect(page.getByTestId('download-xlsx')).toHaveText('Excel (.xlsx)');
  // Slow this time: the button says it is busy while the module loads.
  refuse = false;
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    (async () => {
      await page.getByTestId('download-xlsx').click();
      await expect(page.getByTestId('download-xlsx')).toHaveText('Skapar Excel-filen …');
      await expect(page.getByTestId('download-xlsx')).toHaveAttribute('aria-busy', 'true');
    })(),
  ]);
  expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
  await expect(page.getByTestId('xlsx-status')).toHaveText('');
  await expect(page.getByTestId('download-xlsx')).not.toHaveAttribute('aria-busy', 'true');
});

test('an embedded widget exports its own scenario', async ({ page }) => {
  const urls = recordRequests(page);
  await page.goto('/www/embed-example.html');
  const widget = page.locator('#widget-jobs');
  await expect(widget.getByTestId('kf-total-cost')).toBeVisible();
  const scenario = await currentScenario(widget);
  const result = await simulateInPage(page, scenario);
  const { name, book } = await downloadXlsx(page, widget);
  expect(name).toBe(fileName(scenario.name));
  // The jobs widget is in English (data-lang="en").
  checkWorkbook(book, scenario, result, 'en');
});

test('the single-file build exports Excel from file:// with no request', async ({ page }) => {
  const root = resolve(__dirname, '..', '..');
  const file = join(mkdtempSync(join(tmpdir(), 'fundsim-single-xlsx-')), 'fundsim.html');
  execFileSync('python3', [join(root, 'scripts', 'single_file.py'), root, file]);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const urls = recordRequests(page);
  await page.goto('file://' + file);
  await expect(page.getByTestId('key-figures')).toBeVisible();
  const scenario = await currentScenario(page);
  const { name, book } = await downloadXlsx(page, page);
  expect(name).toBe(fileName(scenario.name));
  expect(book.worksheets.map((s) => s.name).slice(0, 2)).toEqual([LABELS.sv.summary, LABELS.sv.fund]);
  // The fund's first closing balance, against the figure the page shows.
  const close = await page.getByTestId('table-fund').locator('tbody tr').first().locator('[data-field="close"]').getAttribute('data-value');
  expectMoney(book.getWorksheet(LABELS.sv.fund)!.getRow(5).getCell(6), close!, 'first closing balance');
  expect(urls.filter((u) => !u.startsWith('file://' + file) && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
  expect(errors).toEqual([]);
});

test('the on-demand module exports only workbook(), qrSvg(), the decision figures and the tables\' and report\'s writers, refuses bad input naming the field, and the app module has neither the xlsx writer, the QR encoder nor the decision figures', async ({ page }) => {
  await page.goto('/tests/e2e/fixtures/api.html');
  await page.waitForFunction(() => (window as any).fundsimReady);
  const seen = await page.evaluate(async () => {
    const m = await import('/pkg/on-demand/fundsim_on_demand.js');
    await m.default();
    const wasmExports = async (url: string) =>
      WebAssembly.Module.exports(await WebAssembly.compileStreaming(fetch(url))).map((e) => e.name);
    const text = async (url: string) => new TextDecoder('latin1').decode(await (await fetch(url)).arrayBuffer());
    const refused = (f: () => unknown) => {
      try {
        f();
        return 'accepted';
      } catch (e) {
        return `${(e as Error).constructor.name}: ${(e as Error).message}`;
      }
    };
    const scenario = await (await fetch('/tests/data/example.json')).text();
    const broken = JSON.parse(scenario);
    broken.interventions[0].success_rate = '1.5';
    return {
      js: Object.keys(m).sort(),
      workbookWasm: await wasmExports('/pkg/on-demand/fundsim_on_demand_bg.wasm'),
      appWasm: await wasmExports('/pkg/fundsim_bg.wasm'),
      appHasWriter: (await text('/pkg/fundsim_bg.wasm')).includes('xl/workbook.xml'),
      workbookHasWriter: (await text('/pkg/on-demand/fundsim_on_demand_bg.wasm')).includes('xl/workbook.xml'),
      ok: m.workbook(scenario, 'en').length,
      badField: refused(() => m.workbook(JSON.stringify(broken), 'sv')),
      badLang: refused(() => m.workbook(scenario, 'de')),
      badJson: refused(() => m.workbook('{', 'sv')),
      qr: m.qrSvg('https://example.org/#preset=gotland'),
      qrTooLong: m.qrSvg('x'.repeat(5000)),
      // The encoder's SVG path is drawn by share::qr::render alone.
      appHasQr: (await text('/pkg/fundsim_bg.wasm')).includes('shape-rendering'),
      onDemandHasQr: (await text('/pkg/on-demand/fundsim_on_demand_bg.wasm')).includes('shape-rendering'),
    };
  });
  expect(seen.js).toEqual([
    'AnalysisJob',
    'breakEven',
    'chartSvg',
    'compareCsvFile',
    'compareTables',
    'compareWorkbook',
    'contractViews',
    'csvFile',
    'decisionCharts',
    'decisionWords',
    'default',
    'explainFigure',
    'initSync',
    'monteCarlo',
    'presetAbout',
    'printReport',
    'qrSvg',
    'sensitivity',
    'simulate',
    'workbook',
    'yearTables',
  ]);
  // Neither the app's start function nor mount is compiled into the on-demand module.
  for (const name of ['start', 'mount']) {
    expect(seen.workbookWasm).not.toContain(name);
    expect(seen.appWasm).toContain(name);
  }
  // simulate is in both; the figures beyond it only on demand (the app's own run is in its worker).
  expect(seen.workbookWasm).toContain('simulate');
  expect(seen.appWasm).toContain('simulate');
  for (const name of ['workbook', 'monteCarlo', 'breakEven', 'sensitivity', 'yearTables', 'printReport', 'csvFile']) {
    expect(seen.workbookWasm).toContain(name);
    expect(seen.appWasm).not.toContain(name);
  }
  expect(seen.workbookHasWriter).toBe(true);
  expect(seen.appHasWriter).toBe(false);
  expect(seen.qr).toMatch(/^<svg[^>]*viewBox/);
  expect(seen.qrTooLong).toBeUndefined();
  expect(seen.onDemandHasQr).toBe(true);
  expect(seen.appHasQr).toBe(false);
  expect(seen.ok).toBeGreaterThan(5000);
  expect(seen.badField).toMatch(/^Error: interventions\[0\]\.success_rate: /);
  expect(seen.badLang).toBe('Error: lang: "de" is not a language of fundsim (sv, en)');
  expect(seen.badJson).toMatch(/^Error: not valid JSON/);
});
