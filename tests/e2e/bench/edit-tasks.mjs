// The main thread's tasks while a large ranged scenario is edited (issue 12):
// a measurement, not a test (it exits non-zero only when it could not
// measure). The test that holds the limit is tests/e2e/decision.spec.ts.
//
//   node tests/e2e/bench/edit-tasks.mjs [--edits N] [--port P]
//
// Needs the built package in pkg/ and Debian's Chromium (/usr/bin/chromium,
// or $CHROMIUM_BIN). Serves the repository root with `python3 -m http.server`
// and opens index.html on the scenario tests/e2e/decision.spec.ts edits
// (tests/e2e/fixtures/large-ranged.json (40 interventions × 12 actors × 30 years, every
// intervention with three ranges), waits for its 10 000 draws, then for each
// kind of edit — the fund's yearly allocation, one intervention's success
// rate (its editor open), an intervention added and one removed — makes N
// edits, each taken at once (Enter, or a click), and records every task of
// the page's main thread (Chromium's trace, `ThreadControllerImpl::RunTask`)
//   - "edit": from the edit until 200 ms after it: the keystroke's redraw, and
//     what follows the next paint (the charts below, the year tables, the link);
//   - "rested": from 200 ms to 1.5 s after it: once the edit has rested, the
//     analysis starts in the worker and its figures are drawn (key figures'
//     sentences, decision charts), the autosave and the address are written.
// Prints, per kind and window, the longest task, the 2nd longest, and how
// many were over 35 and over 50 ms.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync } from 'node:zlib';

import { chromium } from 'playwright';

import { serveRoot } from './serve.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const arg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const EDITS = arg('edits', 5);

// The scenario decision.spec.ts edits (tests/e2e/fixtures/large-ranged.json).
function largeRanged() {
  return JSON.parse(readFileSync(path.join(ROOT, 'tests/e2e/fixtures/large-ranged.json'), 'utf8'));
}

// Every main-thread task (start, duration in ms) while `act` runs.
async function tasks(page, act) {
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', { categories: 'toplevel,blink.user_timing', transferMode: 'ReportEvents' });
  await act();
  await cdp.send('Tracing.end');
  await done;
  await cdp.detach();
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const runs = events
    .filter((e) => e.pid === main?.pid && e.tid === main?.tid && e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask')
    .map((e) => ({ at: e.ts / 1000, ms: e.dur / 1000 }));
  // Each edit's moment: the page's mark 'fundsim-edit', on the trace's clock.
  const marks = events.filter((e) => e.name === 'fundsim-edit').map((e) => e.ts / 1000);
  return { runs, marks };
}

// The durations of the tasks that start in [edit + from, edit + to) ms of an edit.
function windowed(runs, marks, from, to) {
  return runs.filter((t) => marks.some((m) => t.at >= m + from && t.at < m + to)).map((t) => t.ms);
}

function summary(ms) {
  const s = [...ms].sort((a, b) => b - a);
  const f = (v) => (v === undefined ? '–' : v.toFixed(1));
  return `longest ${f(s[0])} ms, next ${f(s[1])} ms, over 35 ms: ${s.filter((v) => v > 35).length}, over 50 ms: ${s.filter((v) => v > 50).length} (of ${s.length} tasks)`;
}

const { server, base } = await serveRoot(ROOT, '/index.html', arg('port', 0));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_BIN || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
  const packed = deflateRawSync(Buffer.from(JSON.stringify(largeRanged()), 'utf8'), { level: 9 }).toString('base64url');
  await page.goto(`${base}/index.html#v=1&s=${packed}&lang=sv`);
  const rested = async () => {
    await page.waitForSelector('[data-testid="uncertainty-figures"][data-draws="10000"]', { timeout: 60_000 });
    await page.waitForTimeout(1500);
  };
  await rested();
  const kinds = {
    'the yearly allocation (in-allocation-amount)': async (n) => {
      const field = page.getByTestId('in-allocation-amount');
      await field.fill(String(10_000_000 + 1000 * (n + 1)));
      return field.press('Enter');
    },
    "intervention 3's success rate (its editor open)": async (n) => {
      const field = page.getByTestId('in-interventions-3-success_rate');
      await field.fill(String(31 + (n % 5)));
      return field.press('Enter');
    },
    'an intervention added, then removed': async (n) =>
      n % 2 === 0 ? page.getByTestId('add-intervention').click() : page.getByTestId('remove-intervention-40').click(),
  };
  // Before an edit, outside its windows: the added intervention's editor opened (an id seen before stays closed).
  const prepare = async (kind, n) => {
    if (kind.startsWith('an intervention') && n % 2 === 1 && !(await page.getByTestId('remove-intervention-40').isVisible())) {
      await page.getByTestId('intervention-40').locator('summary').click();
      await page.waitForTimeout(1000);
    }
  };
  console.log(`${EDITS} edits of each kind; main-thread tasks of the page (Chromium's trace)`);
  for (const [kind, edit] of Object.entries(kinds)) {
    if (kind.startsWith('intervention 3')) {
      await page.getByTestId('intervention-3').locator('summary').click();
      await page.waitForTimeout(1000);
    }
    const { runs, marks } = await tasks(page, async () => {
      for (let n = 0; n < EDITS; n++) {
        await prepare(kind, n);
        await page.evaluate(() => performance.mark('fundsim-edit'));
        await edit(n);
        await page.waitForTimeout(1500);
      }
    });
    if (marks.length !== EDITS) throw new Error(`${marks.length} edits found in the trace, not ${EDITS}`);
    const aligned = marks;
    console.log(`\n${kind}`);
    console.log(`  edit (0–200 ms):   ${summary(windowed(runs, aligned, 0, 200))}`);
    console.log(`  rested (0.2–1.5 s): ${summary(windowed(runs, aligned, 200, 1500))}`);
  }
} finally {
  await browser.close();
  server.kill();
}
