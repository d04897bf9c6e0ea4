// Browser benchmark of the fundsim page: a measurement, not a test (it never
// fails because a target is missed; it exits non-zero only when it could not
// measure at all).
//
//   node tests/e2e/bench/page-bench.mjs [--loads N] [--changes N] [--warmup N]
//                                       [--only id,id] [--out FILE] [--timeout-min M]
//
// Needs the built package in pkg/ (`bash scripts/setup.sh --no-serve`) and
// Debian's Chromium (/usr/bin/chromium, or $CHROMIUM_BIN); never downloads a
// browser. Serves the repository root with `python3 -m http.server` on a free
// 127.0.0.1 port, and stops it (and the browser) at the end, on a signal, or
// when the whole run exceeds --timeout-min (default 20) minutes.
//
// For every preset (mounted with the package's mount(element, '{"preset": id}')
// through tests/e2e/bench/bench.html), for the stress scenario of
// tests/e2e/bench/stress.mjs (mount(element, '{"scenario": …}')) and for the
// real page index.html (its default opening, which also keeps the address's
// link and the autosave in step with every edit), it measures:
//   1. first results: ms from navigation start (performance.timeOrigin) until
//      the first frame painted after the fund chart has its bars AND the key
//      figures have text, median of --loads cold loads (fresh browser context each);
//   2. input change → redrawn: ms from dispatching an `input` event on the
//      yearly allocation ("amount per year"), from a task of its own as a
//      real keystroke is (not inside an animation frame), until
//      - "in DOM": the fund chart's DOM has changed (MutationObserver);
//      - "ready": that, plus the style and layout the change needs (forced
//        right then): the work the browser must do before it can paint the
//        change. This is what must fit in one frame (16 ms at 60 Hz) for the
//        change to show at the next frame, and what the target is judged on;
//      - "next frame": the next animation frame after it has run
//        (requestAnimationFrame, then the first task after it). It adds the
//        wait for the display's next frame, 0–16.7 ms at 60 Hz whatever the
//        app does, so it is shown for information;
//      median and 95th percentile of --changes changes after --warmup unmeasured ones;
//   3. initial download of index.html: every request the page made until the
//      network was idle, and the size of each file on disk, raw and gzip -9
//      (node's zlib), summed by kind (wasm, JS, HTML, CSS, other).
// Prints tables with the targets beside the figures and writes
// target/bench/page-bench.json (or --out).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

import { chromium } from 'playwright';

import { serveRoot } from './serve.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../../..');

// ---------------------------------------------------------------- options

function parseArgs(argv) {
  const o = {
    loads: 5,
    changes: 50,
    warmup: 5,
    only: null,
    out: path.join(ROOT, 'target/bench/page-bench.json'),
    timeoutMin: 20,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--loads') o.loads = Math.max(1, Number(next()));
    else if (a === '--changes') o.changes = Math.max(1, Number(next()));
    else if (a === '--warmup') o.warmup = Math.max(0, Number(next()));
    else if (a === '--only') o.only = next().split(',').map((s) => s.trim()).filter(Boolean);
    else if (a === '--out') o.out = path.resolve(next());
    else if (a === '--timeout-min') o.timeoutMin = Number(next());
    else if (a === '-h' || a === '--help') {
      console.log(fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(0, 30).join('\n'));
      process.exit(0);
    } else throw new Error(`unknown option: ${a} (try --help)`);
  }
  return o;
}

const opts = parseArgs(process.argv.slice(2));

const TARGETS = {
  firstResultsMs: 1000,
  inputChangeMs: { preset: 16, stress: 100 },
  downloadGzipKiB: 400,
};

const CHROMIUM = process.env.CHROMIUM_BIN || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const VIEWPORT = { width: 1280, height: 800 };
const PRESETS = ['gotland', 'placements', 'jobs', 'sickleave'];
const BENCH_PAGE = '/tests/e2e/bench/bench.html';
const PAGE_TIMEOUT_MS = 60_000;
const CHANGE_TIMEOUT_MS = 10_000;

// ---------------------------------------------------------------- cleanup and time bound

let server = null;
let browser = null;

async function cleanup() {
  if (browser) {
    const b = browser;
    browser = null;
    await Promise.race([b.close().catch(() => {}), sleep(5000)]);
  }
  if (server && server.exitCode === null && server.signalCode === null) {
    const s = server;
    server = null;
    s.kill('SIGTERM');
    await Promise.race([new Promise((r) => s.once('exit', r)), sleep(3000)]);
    if (s.exitCode === null && s.signalCode === null) s.kill('SIGKILL');
  }
}

const deadline = setTimeout(async () => {
  console.error(`page-bench: the run took longer than ${opts.timeoutMin} min; stopping`);
  await cleanup();
  process.exit(3);
}, opts.timeoutMin * 60_000);

for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, async () => {
    await cleanup();
    process.exit(130);
  });
}

function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

// ---------------------------------------------------------------- server

async function startServer() {
  const started = await serveRoot(ROOT, BENCH_PAGE);
  server = started.server;
  return started.base;
}

// ---------------------------------------------------------------- in-page probes

// Installed before any script of the page: records when the first results are
// on screen. "First results" = the fund chart (svg[data-chart="fund"]) has its
// bars and the total cost key figure has text; `firstDom` is when a DOM change
// first made that true, `firstPaint` the first task after the next animation
// frame, i.e. after that frame was rendered. `allChartsPaint` is the same for
// the frame in which all four charts have their contents (the three below the
// fund chart follow the first frame). Times in ms since navigation start.
//
// The task after the frame is posted at user-blocking priority
// (scheduler.postTask; a MessageChannel message where it is missing): the app
// queues work of its own from the same frame (the editor, the year tables,
// the charts below), and a normal task posted after it would wait for that
// work and time it too, although the frame was painted before it began.
const AFTER_FRAME_TASK = `(fn) => requestAnimationFrame(() => {
    if (globalThis.scheduler && typeof scheduler.postTask === 'function') {
      scheduler.postTask(() => fn(performance.now()), { priority: 'user-blocking' });
    } else {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => fn(performance.now());
      ch.port2.postMessage(0);
    }
  })`;

const FIRST_RESULTS_PROBE = `(() => {
  const probe = { firstDom: null, firstPaint: null, allChartsDom: null, allChartsPaint: null };
  window.__firstResults = probe;
  const afterFrameTask = ${AFTER_FRAME_TASK};
  window.__afterFrameTask = afterFrameTask; // for the input changes (inPageInputChanges)
  const ready = () => {
    const svg = document.querySelector('svg[data-chart="fund"]');
    if (!svg || !svg.querySelector('rect.bar-allocation, rect[class^="bar-"]')) return false;
    const kf = document.querySelector('[data-testid="kf-total-cost"] .kf-value, [data-testid="key-figures"] .kf-value');
    return !!kf && kf.textContent.trim() !== '';
  };
  const allCharts = () => {
    const charts = document.querySelectorAll('svg[data-chart]');
    return charts.length >= 4 && [...charts].every((svg) => svg.childElementCount > 2);
  };
  const mo = new MutationObserver(() => {
    if (probe.firstDom === null && ready()) {
      probe.firstDom = performance.now();
      afterFrameTask((t) => { probe.firstPaint = t; });
    }
    if (probe.firstDom !== null && probe.allChartsDom === null && allCharts()) {
      probe.allChartsDom = performance.now();
      mo.disconnect();
      afterFrameTask((t) => { probe.allChartsPaint = t; });
    }
  });
  mo.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
})();`;

// Runs in the page: `warmup` + `n` changes of the yearly allocation, each
// measured from the input event's dispatch (and Enter) until the fund chart's DOM changed
// (`dom`) and until the first task after the next animation frame (`paint`).
async function inPageInputChanges({ n, warmup, changeTimeoutMs }) {
  const input =
    document.querySelector('[data-testid="in-allocation-amount"]') ||
    document.querySelector('#allocation-amount') ||
    document.querySelector('[data-testid="in-allocation-slider"]');
  if (!input) return { error: 'no yearly allocation input ([data-testid="in-allocation-amount"]) on the page' };
  const figure =
    document.querySelector('[data-testid="chart-fund"]') ||
    document.querySelector('svg[data-chart="fund"]')?.parentElement;
  if (!figure) return { error: 'no fund chart (svg[data-chart="fund"]) on the page' };
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  // The first task after the next frame, at user-blocking priority (see
  // AFTER_FRAME_TASK, installed by FIRST_RESULTS_PROBE): the year tables the
  // app redraws after that frame are not timed.
  const afterFrame = () => new Promise((r) => window.__afterFrameTask(r));
  const isRange = input.type === 'range';
  let base = Number(String(input.value).replace(/[\s\u00a0\u202f]/g, '').replace(',', '.'));
  if (!Number.isFinite(base) || base <= 0) base = 10_000_000;
  const step = isRange ? Number(input.step) || 100_000 : 1;
  // +2 % … +20 %, so that consecutive values always differ.
  const value = (k) => String(Math.round((base * (1.02 + 0.02 * (k % 10))) / step) * step);

  const once = (k) =>
    new Promise((resolve) => {
      let t0 = 0;
      let tDom = null;
      const timer = setTimeout(() => {
        mo.disconnect();
        resolve({ timeout: true });
      }, changeTimeoutMs);
      const mo = new MutationObserver(() => {
        if (tDom !== null) return;
        tDom = performance.now();
        mo.disconnect();
        // Style and layout, forced now: what the browser must still do before painting.
        figure.getBoundingClientRect();
        void document.documentElement.offsetHeight;
        const tReady = performance.now();
        afterFrame().then((tPaint) => {
          clearTimeout(timer);
          resolve({ dom: tDom - t0, ready: tReady - t0, paint: tPaint - t0 });
        });
      });
      mo.observe(figure, { childList: true, subtree: true, attributes: true, characterData: true });
      input.value = value(k);
      t0 = performance.now();
      input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: null }));
      // A typed number is taken when complete (Enter, leaving the field, or a 700 ms pause):
      // Enter, at once, as a user who typed the whole figure.
      input.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, key: 'Enter' }));
    });

  const samples = [];
  for (let k = 0; k < warmup + n; k++) {
    const s = await once(k);
    if (k >= warmup) samples.push(s);
    // Let follow-up work (effects, the chart's width measurement) settle, then
    // start the next change from a task of its own, as a keystroke arrives.
    await frame();
    await frame();
    await new Promise((r) => setTimeout(r, 0));
  }
  return { input: input.getAttribute('data-testid') || input.id, base, samples };
}

// Runs in the page: the engine alone, the package's simulate() on the scenario
// being edited (the text of <pre data-testid="scenario-json">), `runs` times.
async function inPageEngineTime({ runs }) {
  // A closed panel writes no JSON: open it and let the app draw it.
  const panel = document.querySelector('[data-testid="scenario-json-panel"]');
  if (panel && !panel.open) {
    panel.open = true;
    await new Promise((r) => setTimeout(r, 100));
  }
  const pre = document.querySelector('[data-testid="scenario-json"]');
  if (!pre) return { error: 'no [data-testid="scenario-json"] on the page' };
  const json = pre.textContent;
  const m = await import('/pkg/fundsim.js');
  await m.default();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    m.simulate(json);
    times.push(performance.now() - t0);
  }
  return { times, jsonBytes: json.length };
}

// ---------------------------------------------------------------- statistics and files

function sorted(xs) {
  return [...xs].sort((a, b) => a - b);
}
function median(xs) {
  if (!xs.length) return null;
  const s = sorted(xs);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
/** Nearest-rank percentile. */
function percentile(xs, p) {
  if (!xs.length) return null;
  const s = sorted(xs);
  return s[Math.min(s.length, Math.max(1, Math.ceil((p / 100) * s.length))) - 1];
}
const round1 = (x) => (x === null || x === undefined ? null : Math.round(x * 10) / 10);

function kindOf(file) {
  if (file.endsWith('.wasm')) return 'wasm';
  if (/\.m?js$/.test(file)) return 'JS';
  if (/\.html?$/.test(file)) return 'HTML';
  if (file.endsWith('.css')) return 'CSS';
  return 'other';
}

function diskSizes(urlPath) {
  let rel = decodeURIComponent(urlPath.replace(/^\/+/, ''));
  if (rel === '' || rel.endsWith('/')) rel += 'index.html';
  const file = path.join(ROOT, rel);
  if (!file.startsWith(ROOT) || !fs.existsSync(file) || !fs.statSync(file).isFile()) return null;
  const buf = fs.readFileSync(file);
  return { file: rel, raw: buf.length, gzip9: zlib.gzipSync(buf, { level: 9 }).length };
}

function newestMtime(dir, ext) {
  let newest = 0;
  let newestFile = null;
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith(ext)) {
        const t = fs.statSync(p).mtimeMs;
        if (t > newest) [newest, newestFile] = [t, path.relative(ROOT, p)];
      }
    }
  };
  walk(dir);
  return { mtimeMs: newest, file: newestFile };
}

const kib = (b) => (b / 1024).toFixed(1);

function table(headers, rows) {
  const cells = [headers, ...rows].map((r) => r.map((c) => (c === null || c === undefined ? '–' : String(c))));
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

// ---------------------------------------------------------------- measurements

async function newPage() {
  const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: 'block' });
  const page = await context.newPage();
  page.setDefaultTimeout(PAGE_TIMEOUT_MS);
  await page.addInitScript(FIRST_RESULTS_PROBE);
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  // In the order the page asked for them; filled in when each finishes.
  const requests = [];
  const entries = new Map();
  page.on('request', (r) => {
    const entry = { url: r.url(), method: r.method(), type: r.resourceType(), status: null, bodyBytes: null };
    entries.set(r, entry);
    requests.push(entry);
  });
  page.on('requestfinished', async (r) => {
    const entry = entries.get(r);
    if (!entry) return;
    try {
      const resp = await r.response();
      entry.status = resp ? resp.status() : null;
      entry.contentType = resp ? resp.headers()['content-type'] || null : null;
      entry.contentEncoding = resp ? resp.headers()['content-encoding'] || null : null;
      entry.bodyBytes = (await r.sizes()).responseBodySize;
    } catch {
      // the page was closed first
    }
  });
  page.on('requestfailed', (r) => {
    const entry = entries.get(r);
    if (entry) entry.failed = r.failure()?.errorText || 'failed';
  });
  return { context, page, errors, requests };
}

/** One cold load: navigation → first results painted. */
async function loadOnce(base, url) {
  const { context, page, errors, requests } = await newPage();
  try {
    await page.goto(base + url, { waitUntil: 'commit' });
    await page.waitForFunction(
      () => (window.__firstResults && window.__firstResults.firstPaint !== null) || window.__benchError,
      null,
      { timeout: PAGE_TIMEOUT_MS, polling: 50 },
    );
    // The three charts below the fund chart follow the first frame.
    await page
      .waitForFunction(() => window.__firstResults.allChartsPaint !== null || window.__benchError, null, {
        timeout: PAGE_TIMEOUT_MS,
        polling: 50,
      })
      .catch(() => {});
    const info = await page.evaluate(() => {
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      const wasm = performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'));
      return {
        error: window.__benchError || null,
        firstDom: window.__firstResults.firstDom,
        firstPaint: window.__firstResults.firstPaint,
        allChartsPaint: window.__firstResults.allChartsPaint,
        fcp: fcp ? fcp.startTime : null,
        wasmResponseEnd: wasm ? wasm.responseEnd : null,
        marks: window.__benchMarks || null,
        domElements: document.getElementsByTagName('*').length,
        // Where the elements are: the page's main regions and each chart.
        domElementsBy: Object.fromEntries(
          [
            ['results', '.results'],
            ['editor', '.editor'],
            ['details', '.details'],
            ['yearTables', '[data-testid="year-tables"]'],
            ['scenarioJson', '[data-testid="scenario-json-panel"]'],
            ...[...document.querySelectorAll('svg[data-chart]')].map((e) => [`chart:${e.getAttribute('data-chart')}`, null, e]),
          ]
            .map(([k, sel, el]) => [k, el || document.querySelector(sel)])
            .filter(([, el]) => el)
            .map(([k, el]) => [k, el.getElementsByTagName('*').length + 1]),
        ),
      };
    });
    return { page, context, errors, requests, info };
  } catch (e) {
    await context.close().catch(() => {});
    return { errors, requests, info: { error: `${e.message.split('\n')[0]}` } };
  }
}

async function measureScenario(base, sc) {
  const loads = [];
  let change = null;
  let requests = null;
  const errors = new Set();
  for (let i = 0; i < opts.loads; i++) {
    const last = i === opts.loads - 1;
    const r = await loadOnce(base, sc.url);
    r.errors.forEach((e) => errors.add(e));
    if (i === 0) requests = r.requests.map((q) => ({ ...q }));
    loads.push(r.info);
    if (r.info.error) {
      if (r.context) await r.context.close();
      break;
    }
    if (last && sc.changeTarget !== undefined) {
      process.stdout.write(`  ${sc.id}: ${opts.warmup} + ${opts.changes} input changes…\n`);
      change = await r.page.evaluate(inPageInputChanges, {
        n: opts.changes,
        warmup: opts.warmup,
        changeTimeoutMs: CHANGE_TIMEOUT_MS,
      });
      if (change && change.samples) change.engine = await r.page.evaluate(inPageEngineTime, { runs: 7 });
      r.errors.forEach((e) => errors.add(e));
    }
    if (r.context) await r.context.close();
  }
  const ok = loads.filter((l) => !l.error && l.firstPaint !== null);
  const firstPaints = ok.map((l) => l.firstPaint);
  const result = {
    scenario: sc.id,
    label: sc.label,
    url: sc.url,
    opening: sc.opening,
    firstResults: {
      measurable: ok.length > 0,
      reason: ok.length ? null : loads.find((l) => l.error)?.error || 'no load finished',
      loads: loads.map((l) => ({
        firstPaintMs: round1(l.firstPaint),
        firstDomMs: round1(l.firstDom),
        allChartsPaintMs: round1(l.allChartsPaint),
        fcpMs: round1(l.fcp),
        wasmResponseEndMs: round1(l.wasmResponseEnd),
        domElements: l.domElements ?? null,
        domElementsBy: l.domElementsBy ?? null,
        marks: l.marks ? Object.fromEntries(Object.entries(l.marks).map(([k, v]) => [k, round1(v)])) : null,
        error: l.error || null,
      })),
      medianMs: round1(median(firstPaints)),
      minMs: round1(ok.length ? Math.min(...firstPaints) : null),
      maxMs: round1(ok.length ? Math.max(...firstPaints) : null),
      medianFirstDomMs: round1(median(ok.map((l) => l.firstDom))),
      medianAllChartsMs: round1(median(ok.filter((l) => l.allChartsPaint !== null).map((l) => l.allChartsPaint))),
      medianWasmReadyMs: round1(median(ok.filter((l) => l.marks).map((l) => l.marks.wasmReady))),
      medianMountReturnedMs: round1(median(ok.filter((l) => l.marks).map((l) => l.marks.mountReturned))),
      domElements: ok.length ? ok[ok.length - 1].domElements : null,
      medianFcpMs: round1(median(ok.filter((l) => l.fcp !== null).map((l) => l.fcp))),
      targetMs: TARGETS.firstResultsMs,
    },
    requests,
    errors: [...errors],
  };
  result.firstResults.meetsTarget = ok.length ? result.firstResults.medianMs <= TARGETS.firstResultsMs : null;
  if (sc.changeTarget !== undefined) {
    if (!change || change.error || !change.samples) {
      result.inputChange = {
        measurable: false,
        reason: change?.error || result.firstResults.reason || 'the page did not open',
        targetMs: sc.changeTarget,
      };
    } else {
      const done = change.samples.filter((s) => !s.timeout);
      const paint = done.map((s) => s.paint);
      const dom = done.map((s) => s.dom);
      const ready = done.map((s) => s.ready);
      result.inputChange = {
        measurable: done.length > 0,
        input: change.input,
        startValue: change.base,
        changes: change.samples.length,
        warmup: opts.warmup,
        timeouts: change.samples.length - done.length,
        readyMedianMs: round1(median(ready)),
        readyP95Ms: round1(percentile(ready, 95)),
        readyMaxMs: round1(ready.length ? Math.max(...ready) : null),
        nextFrameMedianMs: round1(median(paint)),
        nextFrameP95Ms: round1(percentile(paint, 95)),
        domMedianMs: round1(median(dom)),
        domP95Ms: round1(percentile(dom, 95)),
        engineSimulateMedianMs: change.engine && change.engine.times ? round1(median(change.engine.times)) : null,
        engineSimulateRuns: change.engine && change.engine.times ? change.engine.times.map(round1) : change.engine?.error ?? null,
        scenarioJsonBytes: change.engine?.jsonBytes ?? null,
        samples: change.samples.map((s) =>
          s.timeout ? { timeout: true } : { domMs: round1(s.dom), readyMs: round1(s.ready), nextFrameMs: round1(s.paint) },
        ),
        targetMs: sc.changeTarget,
      };
      result.inputChange.meetsTarget = done.length ? result.inputChange.readyMedianMs <= sc.changeTarget : null;
      result.inputChange.p95MeetsTarget = done.length ? result.inputChange.readyP95Ms <= sc.changeTarget : null;
    }
  }
  return result;
}

/** The initial download of index.html: every request until the network is idle. */
async function measureDownload(base) {
  const { context, page, errors, requests } = await newPage();
  try {
    await page.goto(base + '/index.html', { waitUntil: 'load', timeout: PAGE_TIMEOUT_MS });
    await page.waitForFunction(() => window.__firstResults && window.__firstResults.firstPaint !== null, null, {
      timeout: PAGE_TIMEOUT_MS,
      polling: 50,
    });
    await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => {});
    await sleep(300);
    // Preset ids offered by the picker, to notice presets this script does not know.
    const pickerIds = await page
      .$$eval('[data-testid="preset-select"] option', (os) => os.map((o) => o.value).filter(Boolean))
      .catch(() => []);
    const origin = new URL(base).origin;
    const files = [];
    const list = requests.map((r) => {
      const u = new URL(r.url);
      const local = u.origin === origin ? diskSizes(u.pathname) : null;
      if (local && !files.some((f) => f.file === local.file)) files.push({ ...local, kind: kindOf(local.file), transferred: r.bodyBytes });
      return { ...r, file: local ? local.file : null, sameOrigin: u.origin === origin || u.protocol === 'data:' };
    });
    const byKind = {};
    for (const f of files) {
      byKind[f.kind] ??= { raw: 0, gzip9: 0, files: 0 };
      byKind[f.kind].raw += f.raw;
      byKind[f.kind].gzip9 += f.gzip9;
      byKind[f.kind].files += 1;
    }
    const raw = files.reduce((s, f) => s + f.raw, 0);
    const gzip9 = files.reduce((s, f) => s + f.gzip9, 0);
    const transferred = list.reduce((s, r) => s + (r.bodyBytes || 0), 0);
    return {
      page: '/index.html',
      files,
      byKind,
      totals: { raw, gzip9, transferredByServer: transferred, requests: list.length },
      requests: list,
      foreignRequests: list.filter((r) => !r.sameOrigin).map((r) => r.url),
      targetGzipKiB: TARGETS.downloadGzipKiB,
      meetsTarget: gzip9 <= TARGETS.downloadGzipKiB * 1024,
      pickerPresetIds: pickerIds,
      errors,
    };
  } finally {
    await context.close().catch(() => {});
  }
}

// ---------------------------------------------------------------- report

function report(out) {
  const lines = [];
  const p = (s = '') => lines.push(s);
  p(`fundsim page benchmark — ${out.generatedAt}`);
  p(`Chromium ${out.environment.chromium}, ${out.environment.cpus} CPUs, load average ${out.environment.loadavg.join(' ')}, viewport ${VIEWPORT.width}×${VIEWPORT.height}`);
  p(`pkg/fundsim_bg.wasm: ${out.pkg.wasmBytes} bytes, built ${out.pkg.wasmMtime}`);
  if (out.pkg.changedDuringRun) p('WARNING: pkg/fundsim_bg.wasm changed during the run (someone rebuilt it): the figures mix two builds');
  if (out.pkg.stale) p(`WARNING: pkg/ is older than ${out.pkg.newestSource.file}: rebuild with bash scripts/setup.sh --no-serve`);
  p('Figures are from one machine under whatever load it had; repeat to see the noise.');
  p();
  p(`1. First results: ms from navigation start to the first frame painted after the fund chart has`);
  p(`   its bars and the key figures have text (median, min, max of ${opts.loads} cold loads). Target ≤ ${TARGETS.firstResultsMs} ms.`);
  p(`   wasm ready / mount returned / in DOM: medians of the steps before (bench.html only);`);
  p(`   all charts: median time until the frame in which all four charts are drawn was painted;`);
  p(`   elements: DOM elements on the page once all charts are drawn.`);
  p(
    table(
      ['scenario', 'median', 'min', 'max', 'wasm ready', 'mount ret.', 'in DOM', 'FCP', 'all charts', 'elements', 'target', 'ok'],
      out.scenarios.map((s) => {
        const f = s.firstResults;
        if (!f.measurable) return [s.label, `not measurable: ${f.reason}`, '', '', '', '', '', '', '', '', `${f.targetMs}`, ''];
        return [s.label, f.medianMs, f.minMs, f.maxMs, f.medianWasmReadyMs, f.medianMountReturnedMs, f.medianFirstDomMs, f.medianFcpMs, f.medianAllChartsMs, f.domElements, `≤ ${f.targetMs}`, f.meetsTarget ? 'yes' : 'NO'];
      }),
    ),
  );
  for (const s of out.scenarios) {
    const l = s.firstResults.loads.find((x) => x.domElementsBy);
    if (l && l.domElements > 20000) {
      p(`   ${s.label}: ${l.domElements} elements: ${Object.entries(l.domElementsBy).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    }
  }
  p();
  p(`2. Input change → redrawn: ms from dispatching an input event and Enter on the yearly allocation (from a task`);
  p(`   of its own, as a keystroke) until the fund chart's DOM changed ("in DOM"), until that plus the style`);
  p(`   and layout it needs were done ("ready": the work before the browser can paint the change, judged`);
  p(`   against the target), and until the next animation frame ran ("next frame": adds the 0–16.7 ms`);
  p(`   wait for the display's next frame). ${opts.changes} changes after ${opts.warmup} unmeasured ones.`);
  p(`   simulate() p50: the engine alone on the edited scenario (the JS API, 7 calls), for comparison.`);
  p(
    table(
      ['scenario', 'n', 'in DOM p50', 'ready p50', 'ready p95', 'ready max', 'next frame p50', 'next frame p95', 'target', 'p50 ok', 'p95 ok', 'simulate() p50'],
      out.scenarios
        .filter((s) => s.inputChange)
        .map((s) => {
          const c = s.inputChange;
          if (!c.measurable) return [s.label, `not measurable: ${c.reason}`, '', '', '', '', '', '', `${c.targetMs}`, '', '', ''];
          return [
            s.label,
            c.changes - c.timeouts + (c.timeouts ? ` (+${c.timeouts} timed out)` : ''),
            c.domMedianMs,
            c.readyMedianMs,
            c.readyP95Ms,
            c.readyMaxMs,
            c.nextFrameMedianMs,
            c.nextFrameP95Ms,
            `≤ ${c.targetMs}`,
            c.meetsTarget ? 'yes' : 'NO',
            c.p95MeetsTarget ? 'yes' : 'NO',
            c.engineSimulateMedianMs,
          ];
        }),
    ),
  );
  p();
  const d = out.download;
  if (d.error) {
    p(`3. Initial download: not measurable: ${d.error}`);
  } else {
    p(`3. Initial download of ${d.page}: files on disk, raw and gzip -9 (node zlib). Target ≤ ${d.targetGzipKiB} KiB gzip.`);
    p(
      table(
        ['file', 'kind', 'raw KiB', 'gzip-9 KiB', 'served bytes'],
        [
          ...d.files.map((f) => [f.file, f.kind, kib(f.raw), kib(f.gzip9), f.transferred]),
          ...Object.entries(d.byKind).map(([k, v]) => [`all ${k} (${v.files})`, k, kib(v.raw), kib(v.gzip9), '']),
          ['TOTAL', '', kib(d.totals.raw), kib(d.totals.gzip9), d.totals.transferredByServer],
        ],
      ),
    );
    p(`   gzip total ${kib(d.totals.gzip9)} KiB vs target ${d.targetGzipKiB} KiB: ${d.meetsTarget ? 'yes' : 'NO'} (the Python server sends files uncompressed)`);
    p(`   Every request the page made (${d.requests.length}):`);
    for (const r of d.requests) {
      p(`     ${r.failed ? 'FAILED' : r.status} ${r.type.padEnd(10)} ${r.url}${r.bodyBytes !== null && r.bodyBytes !== undefined ? ` (${r.bodyBytes} B)` : ''}${r.failed ? ` ${r.failed}` : ''}`);
    }
    if (d.foreignRequests.length) p(`   Requests outside the origin: ${d.foreignRequests.join(', ')}`);
  }
  const errs = out.scenarios.flatMap((s) => s.errors.map((e) => `${s.scenario}: ${e}`)).concat((d.errors || []).map((e) => `download: ${e}`));
  if (errs.length) {
    p();
    p('Page errors seen:');
    [...new Set(errs)].forEach((e) => p(`  ${e}`));
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------- main

async function main() {
  const started = Date.now();
  for (const f of ['pkg/fundsim.js', 'pkg/fundsim_bg.wasm']) {
    if (!fs.existsSync(path.join(ROOT, f))) throw new Error(`${f} is missing: build with bash scripts/setup.sh --no-serve`);
  }
  const pkgStat = () => {
    const st = fs.statSync(path.join(ROOT, 'pkg/fundsim_bg.wasm'));
    return { mtimeMs: st.mtimeMs, size: st.size };
  };
  const pkgAtStart = pkgStat();
  const wasmMtime = pkgAtStart.mtimeMs;
  const newestSource = newestMtime(path.join(ROOT, 'src'), '.rs');

  const base = await startServer();
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });

  const scenarios = [
    {
      id: 'index',
      label: 'index.html (default)',
      url: '/index.html',
      opening: 'index.html as served (the app mounts itself into #fundsim-app: first preset; it also keeps the address and the autosave)',
      changeTarget: TARGETS.inputChangeMs.preset,
    },
    ...PRESETS.map((id) => ({
      id,
      label: `preset ${id}`,
      url: `${BENCH_PAGE}?preset=${encodeURIComponent(id)}`,
      opening: `bench.html: mount(element, '{"preset":"${id}"}')`,
      changeTarget: TARGETS.inputChangeMs.preset,
    })),
    {
      id: 'stress',
      label: 'stress 200×60×50',
      url: `${BENCH_PAGE}?scenario=stress`,
      opening: `bench.html: mount(element, '{"scenario": stressScenario()}') (tests/e2e/bench/stress.mjs, built in the page)`,
      changeTarget: TARGETS.inputChangeMs.stress,
    },
  ].filter((s) => !opts.only || opts.only.includes(s.id));

  console.log(`page-bench: serving ${ROOT} at ${base}; Chromium ${browser.version()}`);
  let download;
  try {
    console.log('  initial download of index.html…');
    download = await measureDownload(base);
    const unknown = download.pickerPresetIds.filter((id) => !PRESETS.includes(id));
    if (unknown.length) console.log(`  note: the picker offers presets this script does not measure: ${unknown.join(', ')}`);
  } catch (e) {
    download = { error: e.message.split('\n')[0] };
  }
  const results = [];
  for (const sc of scenarios) {
    console.log(`  ${sc.id}: ${opts.loads} cold loads…`);
    results.push(await measureScenario(base, sc));
  }

  const pkgAtEnd = pkgStat();
  const out = {
    generatedAt: new Date().toISOString(),
    command: `node ${path.relative(ROOT, fileURLToPath(import.meta.url))} ${process.argv.slice(2).join(' ')}`.trim(),
    durationS: Math.round((Date.now() - started) / 1000),
    environment: {
      node: process.version,
      chromium: browser.version(),
      chromiumBin: CHROMIUM,
      cpus: os.cpus().length,
      loadavg: os.loadavg().map((x) => x.toFixed(2)),
      viewport: VIEWPORT,
      server: 'python3 -m http.server (no compression, Last-Modified caching; every load in a fresh browser context)',
    },
    pkg: {
      wasmMtime: new Date(wasmMtime).toISOString(),
      newestSource: { file: newestSource.file, mtime: new Date(newestSource.mtimeMs).toISOString() },
      stale: newestSource.mtimeMs > wasmMtime,
      wasmBytes: pkgAtStart.size,
      changedDuringRun: pkgAtEnd.mtimeMs !== pkgAtStart.mtimeMs || pkgAtEnd.size !== pkgAtStart.size,
    },
    definitions: {
      firstResults:
        'ms from navigation start (performance.timeOrigin) until the first task after the animation frame following the DOM change that gave the fund chart (svg[data-chart="fund"]) its bars (rect.bar-*) and the total cost key figure text (posted at user-blocking priority, so that work the app queues from that frame is not timed); median/min/max of cold loads (fresh browser context each). firstDom: when that DOM change happened. allChartsPaint: the same for the frame in which all four charts are drawn. wasmReady/mountReturned: bench.html marks.',
      inputChange:
        'ms from dispatching an input event and Enter (a typed number is taken when complete) on [data-testid="in-allocation-amount"] (value +2…+20 % of the start value, always different from the previous) until the fund chart figure ([data-testid="chart-fund"]) DOM changed (dom, via MutationObserver), until that plus forced style and layout (ready: the work before the change can be painted; judged against the target) and until the first task after the next requestAnimationFrame (nextFrame: adds the wait for the display frame); each change dispatched from a task of its own; median and nearest-rank 95th percentile. engineSimulateMedianMs: the package simulate() alone on the edited scenario (text of [data-testid="scenario-json"]), 7 calls, for comparison.',
      download:
        'every request index.html made until the network was idle after the first results; sizes of the files on disk, raw and gzip level 9 (node zlib), summed by kind.',
    },
    targets: TARGETS,
    scenarios: results,
    download,
  };
  fs.mkdirSync(path.dirname(opts.out), { recursive: true });
  fs.writeFileSync(opts.out, JSON.stringify(out, null, 2) + '\n');
  console.log();
  console.log(report(out));
  console.log();
  console.log(`wrote ${path.relative(process.cwd(), opts.out) || opts.out} (${out.durationS} s)`);
  const anyMeasured = results.some((r) => r.firstResults.measurable);
  return anyMeasured ? 0 : 1;
}

let code = 1;
try {
  code = await main();
} catch (e) {
  console.error(`page-bench: ${e.stack || e}`);
  code = 1;
} finally {
  await cleanup();
  clearTimeout(deadline);
}
process.exit(code);
