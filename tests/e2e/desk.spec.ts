// The desk, as a budget officer meets it (issue 14, "Exports, layout and
// edits" and "Found by trying to break it"): the autosave tells the truth
// when the browser's storage is full, work opened over by a link stays
// restorable, an edit made just before the page is reloaded or hidden is
// kept, files that are too large or not scenarios are refused saying so, a
// removed intervention or actor can be put back, and `mount` refuses what is
// not an element without stopping the widgets already on the page.
//
// Hooks (data-testid): notice, notice-save, notice-undo, notice-dismiss,
// autosave-hint, autosave-failed, displaced-autosave, restore-autosave,
// discard-autosave, open-file, in-allocation-amount, intervention-<i>,
// remove-intervention-<i>, add-actor, remove-actor-<id>, lang-switch.
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import ExcelJS from 'exceljs';
import { currentScenario, fixture, open, scenarioLink, scenarioText, stored } from './support';

const APP = '/index.html';
const KEY = 'fundsim.scenario.v1';
const KEPT = 'fundsim.scenario.v1.kept';


/**
 * A browser storage that is nearly full, from the next page load on: a value
 * longer than `room` characters is refused as a full storage refuses it
 * (a QuotaExceededError); short ones (a probe) still go in. `room` 0: full.
 * The storage fills once `test.full` is set in it (so that a test can first
 * put something there).
 */
async function storageFull(page: Page, room: number): Promise<void> {
  await page.addInitScript((room) => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      if (this.getItem('test.full') === '1' && String(value).length > room) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return setItem.call(this, key, value);
    };
  }, room);
}

/** The serious or critical accessibility problems axe finds in the app. */
async function serious(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include('.fundsim').analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
}

/** Types an amount a year into the allocation field; `enter` takes it at once. */
async function typeAllocation(page: Page, amount: string, enter = true): Promise<void> {
  const field = page.getByTestId('in-allocation-amount');
  await field.fill(amount);
  if (enter) await field.press('Enter');
}

test.describe('the autosave tells the truth', () => {
  test('when the storage is full, the page says the edit is not saved and offers the file', async ({ page }) => {
    await storageFull(page, 200);
    await open(page);
    await page.evaluate(() => localStorage.setItem('test.full', '1'));
    await open(page, APP);
    await typeAllocation(page, '4 321 000');
    const notice = page.getByTestId('notice');
    await expect(notice).toContainText('Ändringarna kunde inte sparas i webbläsaren');
    await expect(notice).toContainText('spara scenariot som fil');
    // Where the page used to say the changes are saved automatically, it says they are not.
    await expect(page.getByTestId('autosave-failed')).toHaveText(
      'Ändringarna sparas inte automatiskt just nu: spara scenariot som fil.',
    );
    await expect(page.getByTestId('autosave-hint')).toHaveCount(0);
    expect((await stored(page))[KEY] ?? '').not.toContain('4321000');
    expect(await serious(page)).toEqual([]);
    // The notice's own button saves the file, which holds the edit.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('notice-save').click()]);
    const { readFileSync } = await import('node:fs');
    const saved = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(saved.fund.allocations[0]).toBe('4321000');
    expect(saved).toEqual(await currentScenario(page));
    // In English too.
    await page.getByTestId('lang-switch').click();
    await expect(notice).toContainText('Your changes could not be saved in this browser');
    await expect(page.getByTestId('notice-save')).toHaveText('Save the scenario');
    await expect(page.getByTestId('autosave-failed')).toHaveText(
      'Changes are not being saved automatically: save the scenario as a file.',
    );
    // Storage has room again: the next edit is saved, and the page says so again.
    await page.evaluate(() => localStorage.removeItem('test.full'));
    await typeAllocation(page, '4 322 000');
    await expect(page.getByTestId('autosave-hint')).toBeVisible();
    await expect(page.getByTestId('autosave-failed')).toHaveCount(0);
    await expect(notice).toHaveCount(0);
    await expect.poll(async () => (await stored(page))[KEY] ?? '').toContain('4322000');
  });

  test('a corrupt autosave that cannot be set aside is not said to be; it is never overwritten', async ({ page }) => {
    await storageFull(page, 0);
    await open(page);
    await page.evaluate((key) => {
      localStorage.clear();
      localStorage.setItem(key, '{ "schema_version": 1, "name": trasig');
      localStorage.setItem('test.full', '1');
    }, KEY);
    await open(page, APP);
    const notice = page.getByTestId('notice');
    await expect(notice).toContainText('kunde inte läsas');
    await expect(notice).toContainText('Det kunde inte läggas undan (lagringen är full) och ligger kvar');
    await expect(notice).not.toContainText('inget går förlorat');
    await expect(notice).not.toContainText('.corrupt-');
    await expect(page.getByTestId('autosave-failed')).toBeVisible();
    await expect(page.getByTestId('autosave-hint')).toHaveCount(0);
    // Nothing was moved, and an edit does not overwrite it.
    await typeAllocation(page, '5 000 001');
    await page.waitForTimeout(600);
    const keys = await stored(page);
    expect(Object.keys(keys).filter((k) => k.includes('.corrupt-'))).toEqual([]);
    expect(keys[KEY]).toBe('{ "schema_version": 1, "name": trasig');
    // In English (`#lang=en` is no link: the autosave is read).
    await page.goto('/tests/e2e/fixtures/api.html');
    await open(page, `${APP}#lang=en`);
    await expect(notice).toContainText('It could not be set aside (the storage is full) and stays where it is');
    await expect(notice).not.toContainText('nothing is lost');
  });

  test('a link opened over my saved work and edited once keeps my work restorable', async ({ page }) => {
    await open(page);
    await typeAllocation(page, '8 765 432');
    const mine = await currentScenario(page);
    await expect.poll(async () => (await stored(page))[KEY] ?? '').toContain('8765432');
    // Someone's link opens in a new visit, and is edited once.
    const theirs = fixture('savings-share');
    await page.goto('/tests/e2e/fixtures/api.html');
    await open(page, scenarioLink(theirs, 'lang=sv'));
    await expect(page.getByTestId('displaced-autosave')).toContainText(mine.name);
    await typeAllocation(page, '1 111 111');
    // The autosave follows the edit; my work is kept aside, and still offered.
    await expect.poll(async () => (await stored(page))[KEY] ?? '').toContain('1111111');
    expect(JSON.parse((await stored(page))[KEPT])).toEqual(mine);
    await expect(page.getByTestId('displaced-autosave')).toContainText(mine.name);
    await expect(page.getByTestId('displaced-autosave')).toContainText('lades undan när en länk öppnades');
    // A later visit offers it still; opening it brings it back, and its copy goes.
    await page.goto('/tests/e2e/fixtures/api.html');
    await open(page, APP);
    await expect(page.getByTestId('displaced-autosave')).toContainText(mine.name);
    await page.getByTestId('restore-autosave').click();
    await expect.poll(() => currentScenario(page)).toEqual(mine);
    await expect(page.getByTestId('displaced-autosave')).toHaveCount(0);
    await expect.poll(async () => (await stored(page))[KEPT]).toBeUndefined();
    expect(JSON.parse((await stored(page))[KEY])).toEqual(mine);
  });

  test('work kept aside can be discarded, in English too', async ({ page }) => {
    await open(page);
    await typeAllocation(page, '2 468 000');
    await expect.poll(async () => (await stored(page))[KEY] ?? '').toContain('2468000');
    await page.goto('/tests/e2e/fixtures/api.html');
    await open(page, scenarioLink(fixture('savings-share'), 'lang=en'));
    await expect(page.getByTestId('displaced-autosave')).toContainText('was kept aside when a link was opened');
    await expect(page.getByTestId('restore-autosave')).toHaveText('Open my saved scenario');
    await page.getByTestId('discard-autosave').click();
    await expect(page.getByTestId('displaced-autosave')).toHaveCount(0);
    await expect.poll(async () => (await stored(page))[KEPT]).toBeUndefined();
    await expect(page.getByTestId('scenario-title')).toHaveText(fixture('savings-share').name);
  });
});

test.describe('an edit made just before the page is left is not lost', () => {
  test('a number typed but not yet taken survives a reload', async ({ page }) => {
    await open(page);
    // Typed, neither Enter nor a pause nor leaving the field: reloaded at once.
    await typeAllocation(page, '3 456 789', false);
    await page.reload();
    await expect(page.getByTestId('key-figures')).toBeVisible();
    expect((await currentScenario(page)).fund.allocations[0]).toBe('3456789');
    await expect(page.getByTestId('displaced-autosave')).toHaveCount(0);
  });

  test('an edit taken just before a reload opens again, not the link in the address', async ({ page }) => {
    await open(page);
    await expect(page).toHaveURL(/#preset=/);
    await typeAllocation(page, '2 345 678');
    await page.reload();
    await expect(page.getByTestId('key-figures')).toBeVisible();
    expect((await currentScenario(page)).fund.allocations[0]).toBe('2345678');
    await expect(page.getByTestId('displaced-autosave')).toHaveCount(0);
  });

  test('hiding the page (another tab) saves a number typed but not yet taken, at once', async ({ page }) => {
    await open(page);
    await typeAllocation(page, '7 654 321', false);
    const saved = await page.evaluate(async (key) => {
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      Object.defineProperty(document, 'hidden', { value: true, configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
      // One task later: long before the field's pause (700 ms) or the autosave's (400 ms).
      await new Promise((r) => setTimeout(r, 0));
      return localStorage.getItem(key) ?? '';
    }, KEY);
    expect(saved).toContain('7654321');
  });
});

test.describe('files', () => {
  /** Opens a file of these bytes; returns the notice's text. */
  async function openFile(page: Page, name: string, buffer: Buffer, mimeType = 'application/octet-stream'): Promise<string> {
    await page.getByTestId('open-file').setInputFiles({ name, mimeType, buffer });
    const notice = page.getByTestId('notice');
    await expect(notice).toBeVisible();
    const text = (await notice.locator('p').textContent()) ?? '';
    await page.getByTestId('notice-dismiss').click();
    return text;
  }

  test('a file over 5 MB is refused by its size, before it is read, naming the limit', async ({ page }) => {
    // Count the reads of any file's content.
    await page.addInitScript(() => {
      (window as any).reads = 0;
      for (const method of ['text', 'arrayBuffer', 'stream', 'bytes'] as const) {
        const real = (Blob.prototype as any)[method];
        if (real) {
          (Blob.prototype as any)[method] = function (...args: unknown[]) {
            (window as any).reads++;
            return real.apply(this, args);
          };
        }
      }
    });
    await open(page);
    const before = await scenarioText(page);
    // A valid scenario, padded with spaces to 6 000 000 bytes.
    const scenario = JSON.stringify(fixture('savings-share'));
    const big = Buffer.concat([Buffer.from(scenario), Buffer.alloc(6_000_000 - Buffer.byteLength(scenario), ' ')]);
    expect(await openFile(page, 'stor.json', big, 'application/json')).toContain(
      'Filen ”stor.json” kunde inte öppnas. Den är 6,0 MB; högst 5 MB läses. Scenariot är oförändrat.',
    );
    expect(await page.evaluate(() => (window as any).reads)).toBe(0);
    expect(await scenarioText(page)).toBe(before);
    await page.getByTestId('lang-switch').click();
    expect(await openFile(page, 'big.json', big)).toContain('It is 6.0 MB; at most 5 MB is read.');
    expect(await page.evaluate(() => (window as any).reads)).toBe(0);
    // Under the limit, the same scenario opens.
    await page.getByTestId('open-file').setInputFiles({ name: 'ok.json', mimeType: 'application/json', buffer: Buffer.from(scenario) });
    await expect(page.getByTestId('scenario-title')).toHaveText(fixture('savings-share').name);
  });

  test('a workbook, an image or a table is said not to be a scenario, in the reader\'s language', async ({ page }) => {
    await open(page);
    const before = await scenarioText(page);
    // A real .xlsx (written by ExcelJS, as a spreadsheet program writes one), a PNG and a CSV table.
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Fonden').addRow(['År', 'Saldo']);
    const xlsx = Buffer.from(await book.xlsx.writeBuffer());
    const png = await page.screenshot();
    const csv = Buffer.from('År;Ingående saldo;Anslag\n2026;0;10000000\n');
    const notScenario = 'Det är inget scenario för fundsim (JSON som börjar med {)';
    expect(await openFile(page, 'fonden.xlsx', xlsx)).toContain(`${notScenario}; det ser ut som en Excel-arbetsbok.`);
    expect(await openFile(page, 'bild.png', png)).toContain(`${notScenario}; det ser ut som en bild.`);
    expect(await openFile(page, 'fonden.csv', csv, 'text/csv')).toContain(`${notScenario}; det ser ut som en tabell (CSV).`);
    // Text in another encoding (Latin-1, as an old editor saves it).
    expect(await openFile(page, 'latin1.json', Buffer.from('{"name": "V\xe4xj\xf6"}', 'latin1'))).toContain('Den är inte text i UTF-8.');
    expect(await scenarioText(page)).toBe(before);
    await page.getByTestId('lang-switch').click();
    const text = await openFile(page, 'fund.xlsx', xlsx);
    expect(text).toBe('⚠ The file “fund.xlsx” could not be opened. This is not a fundsim scenario (JSON beginning with {); it looks like an Excel workbook. The scenario is unchanged.');
  });
});

test.describe('a removal can be undone', () => {
  test('an intervention removed is put back by the notice\'s Undo, from the keyboard', async ({ page }) => {
    await open(page);
    const before = await currentScenario(page);
    expect(before.interventions.length).toBeGreaterThan(1);
    const removed = before.interventions[0];
    await page.getByTestId('intervention-0').locator('summary').click();
    await page.getByTestId('remove-intervention-0').click();
    const notice = page.getByTestId('notice');
    await expect(notice).toContainText(`Insatsen ”${removed.name}” togs bort.`);
    expect((await currentScenario(page)).interventions.map((i: any) => i.id)).not.toContain(removed.id);
    // The removed button's place is taken by Undo: the keyboard is there.
    const undo = page.getByTestId('notice-undo');
    await expect(undo).toHaveText('Ångra');
    await expect(undo).toBeFocused();
    expect(await serious(page)).toEqual([]);
    await page.keyboard.press('Enter');
    await expect.poll(() => currentScenario(page)).toEqual(before);
    await expect(notice).toHaveCount(0);
  });

  test('an actor removed is put back at its place, in English', async ({ page }) => {
    await open(page, `${APP}#lang=en`);
    await page.getByTestId('add-actor').click();
    const before = await currentScenario(page);
    const added = before.actors[before.actors.length - 1];
    await page.getByTestId(`remove-actor-${added.id}`).click();
    await expect(page.getByTestId('notice')).toContainText(`The actor “${added.name}” was removed.`);
    expect((await currentScenario(page)).actors).toHaveLength(before.actors.length - 1);
    await expect(page.getByTestId('notice-undo')).toHaveText('Undo');
    await page.getByTestId('notice-undo').click();
    await expect.poll(() => currentScenario(page)).toEqual(before);
  });
});

test('mount refuses what is not an element, naming it, and the widgets on the page go on working', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto('/www/embed-example.html');
  const gotland = page.locator('#widget-gotland');
  const jobs = page.locator('#widget-jobs');
  await expect(gotland.getByTestId('kf-total-cost')).toBeVisible();
  await expect(jobs.getByTestId('kf-total-cost')).toBeVisible();
  const refusals = await page.evaluate(async () => {
    const { mount } = await import('/pkg/fundsim.js');
    const tries: [string, unknown, unknown][] = [
      ['a text node', document.createTextNode('fundsim'), '{}'],
      ['null', null, '{}'],
      ['a number', 42, '{}'],
      ['a plain object', { nodeType: 1 }, '{}'],
      ['a selector', '#widget-gotland', '{}'],
      ['options as an object', document.createElement('div'), { preset: 'jobs' }],
    ];
    return tries.map(([what, element, options]) => {
      try {
        mount(element as Element, options as string);
        return `${what}: mounted`;
      } catch (e) {
        return `${what}: ${e instanceof Error ? 'Error' : typeof e}: ${(e as Error).message}`;
      }
    });
  });
  expect(refusals).toEqual([
    'a text node: Error: element: must be an element of the page (got a #text node)',
    'null: Error: element: must be an element of the page (got null)',
    'a number: Error: element: must be an element of the page (got a number)',
    'a plain object: Error: element: must be an element of the page (got object)',
    'a selector: Error: element: must be an element of the page (got a string)',
    'options as an object: Error: options: must be the options as JSON text (JSON.stringify them), or left out (got object)',
  ]);
  // Both widgets still answer the reader (each to itself), and a later mount draws a working app.
  for (const [widget, millions] of [[gotland, 'mnkr'], [jobs, 'MSEK']] as const) {
    await widget.locator('label[for="unit-mnkr"]').click();
    await expect(widget.getByTestId('kf-total-cost')).toContainText(millions);
  }
  await page.evaluate(async () => {
    const { mount } = await import('/pkg/fundsim.js');
    const div = document.createElement('div');
    div.id = 'late-widget';
    document.body.append(div);
    mount(div, JSON.stringify({ preset: 'jobs', lang: 'en' }));
  });
  // Drawn with its figures (the host page's CSS hides `.key-figures` outside a shadow root).
  await expect(page.locator('#late-widget').getByTestId('kf-total-cost').locator('[data-value]').first()).toHaveAttribute(
    'data-value',
    /^\d+\.\d\d$/,
  );
  expect(errors).toEqual([]);
});
