// Loads fundsim's on-demand module (pkg/on-demand/: its own wasm, with the
// Excel writer rust_xlsxwriter, the QR encoder and the writers of the
// year-by-year tables, the CSV and the printed report) when it is first
// needed, never at page load: an .xlsx, a QR code or a CSV asked for, the
// tables coming near the screen, or the page printed.
// The app's glue imports this file: wasm-bindgen copies it to
// pkg/snippets/<crate>-<hash>/www/, so the module is found relative to the
// package wherever the app runs (its own page, www/embed.js, mount()).
// scripts/single_file.py replaces importModule() in dist/fundsim.html.
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let pending = null;
let loaded = null;
// Resolved when the module is loaded, whoever asked for it.
let announce = null;
const ready = new Promise((resolve) => {
  announce = resolve;
});

function importModule() {
  return import(new URL('../../../on-demand/fundsim_on_demand.js', import.meta.url).href);
}

function load() {
  if (!pending) {
    pending = importModule().then(async (m) => {
      await m.default();
      loaded = m;
      announce(true);
      return m;
    });
    // A failed load (offline, a missing file) is tried again on the next need.
    pending.catch(() => {
      pending = null;
    });
  }
  return pending;
}

/** Loads the module; true once it is ready, false when it could not be loaded. */
export async function loadOnDemand() {
  try {
    await load();
    return true;
  } catch {
    return false;
  }
}

/** Whether the module is loaded (its writers below then answer at once). */
export function onDemandLoaded() {
  return loaded !== null;
}

/**
 * Loads the module once `element` comes within a screen's height of the
 * viewport (or resolves when something else loaded it first); true once it
 * is ready, false when it could not be loaded.
 */
export function loadNear(element) {
  if (loaded || typeof IntersectionObserver === 'undefined') return loadOnDemand();
  return new Promise((resolve) => {
    const watch = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          watch.disconnect();
          loadOnDemand().then(resolve);
        }
      },
      { rootMargin: '100% 0px' },
    );
    watch.observe(element);
    ready.then(() => {
      watch.disconnect();
      resolve(true);
    });
  });
}

/** The year-by-year tables' markup ([fund, net, interventions, ...actors]); undefined until loaded. */
export function yearTables(scenarioJson, lang, unit, actorIdsJson) {
  return loaded ? loaded.yearTables(scenarioJson, lang, unit, actorIdsJson) : undefined;
}

/** The printed report's markup (with the fan charts of the last Monte Carlo figures delivered); undefined until loaded. */
export function printReport(scenarioJson, lang, today) {
  return loaded ? loaded.printReport(scenarioJson, lang, today, figures.uncertainty) : undefined;
}

/** The year-by-year CSV file's text in a dialect ("sv" Swedish Excel, "plain"). */
export async function csvFile(scenarioJson, lang, dialect) {
  const m = await load();
  return m.csvFile(scenarioJson, lang, dialect);
}

/** The `.xlsx` file (a Blob) of a scenario in `lang` ("sv" or "en"). */
export async function makeWorkbook(scenarioJson, lang) {
  const m = await load();
  return new Blob([m.workbook(scenarioJson, lang)], { type: XLSX_TYPE });
}

/** The QR code of `text` as an SVG document; undefined when it is too long for one. */
export async function qrSvg(text) {
  const m = await load();
  return m.qrSvg(text);
}

// The analysis of a scenario off the main thread: the decision figures
// (break-even, sensitivity) at once, then the Monte Carlo run, first a quick
// one and then the full one, with progress. It runs in a Web Worker
// (pkg/on-demand/analysis-worker.js, which imports this file and calls run()
// there); where no worker can start (the single file, a page of another
// origin, a browser that refuses module workers) it runs here, in slices of
// a few milliseconds between which the page handles input.

/** The worker's script, beside the on-demand module (scripts/single_file.py answers null). */
function workerUrl() {
  return new URL('../../../on-demand/analysis-worker.js', import.meta.url);
}

// undefined: not tried yet; null: no worker here.
let analysisWorker;
// The newest request; an older one's messages are dropped and its run stops.
let latestAnalysis = 0;
let deliver = null;
let pendingRequest = null;

function startWorker() {
  if (analysisWorker !== undefined) return analysisWorker;
  analysisWorker = null;
  try {
    const url = workerUrl();
    if (!url || typeof Worker === 'undefined') return null;
    url.searchParams.set('loader', import.meta.url);
    const w = new Worker(url, { type: 'module' });
    w.onmessage = (e) => {
      const msg = e.data;
      if (msg.kind === 'unusable') return fallBack(w);
      if (msg.id === latestAnalysis && deliver) deliver(msg);
    };
    w.onerror = (e) => {
      e.preventDefault();
      fallBack(w);
    };
    analysisWorker = w;
  } catch {
    analysisWorker = null;
  }
  return analysisWorker;
}

// The worker could not load: the request it had runs here, and every later one.
function fallBack(w) {
  w.terminate();
  analysisWorker = null;
  if (pendingRequest && pendingRequest.id === latestAnalysis) runHere(pendingRequest);
}

function runHere(request) {
  loadOnDemand().then((ok) => {
    if (request.id !== latestAnalysis) return;
    if (!ok) return deliver && deliver({ id: request.id, kind: 'error', message: 'unavailable' });
    run(loaded, request, (msg) => msg.id === latestAnalysis && deliver && deliver(msg), () => request.id !== latestAnalysis, 8);
  });
}

/**
 * Analyses `scenarioJson` (valid): `onMessage(kind, json, done, draws)` hears
 * 'break-even' and 'sensitivity' (their JSON), 'progress', 'uncertainty'
 * (the Monte Carlo figures of `draws` draws: `quick`, then `full`) and 'error'.
 * A newer call, or stopAnalysis(), cancels the run before.
 */
export function analyse(scenarioJson, quick, full, onMessage) {
  const request = { id: ++latestAnalysis, json: scenarioJson, quick, full };
  pendingRequest = request;
  deliver = (msg) => {
    keepFigures(msg);
    onMessage(msg.kind, msg.json || msg.message || '', msg.done || 0, msg.draws || 0);
  };
  const w = startWorker();
  if (w) w.postMessage(request);
  else runHere(request);
}

/** Cancels the running analysis; its messages are no longer delivered. */
export function stopAnalysis() {
  latestAnalysis += 1;
  if (analysisWorker) analysisWorker.postMessage({ id: latestAnalysis, cancel: true });
}

const pause = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * The analysis itself, with the on-demand module `m`: in the worker (slices
 * of `sliceMs` between which a newer request is heard) or here.
 */
export async function run(m, request, post, stale, sliceMs) {
  const { id, json, quick, full } = request;
  let job = null;
  try {
    job = new m.AnalysisJob(json);
    post({ id, kind: 'break-even', json: job.breakEvenJson() });
    post({ id, kind: 'sensitivity', json: job.sensitivityJson() });
    if (!job.ranged) return;
    for (const draws of [quick, full]) {
      job.startDraws(draws);
      for (;;) {
        await pause();
        if (stale()) return;
        const done = job.runFor(sliceMs);
        if (done >= draws) break;
        post({ id, kind: 'progress', done, draws });
      }
      post({ id, kind: 'uncertainty', json: job.finish(), draws });
    }
  } catch (e) {
    post({ id, kind: 'error', message: String((e && e.message) || e) });
  } finally {
    if (job) job.free();
  }
}

/** The on-demand module, loaded (for the worker). */
export function loadedModule() {
  return load();
}

/** The analysis's figures in words (markup) for the key figures or presentation mode; undefined until loaded. */
export function decisionWords(breakEvenJson, monteCarloJson, largestRate, horizonYears, currency, invests, place, lang, unit) {
  return loaded
    ? loaded.decisionWords(breakEvenJson, monteCarloJson, largestRate, horizonYears, currency, invests, place, lang, unit)
    : undefined;
}

/** The outcome contracts' views' markup (issue 15); undefined until loaded. */
export function contractViews(scenarioJson, lang, unit) {
  return loaded ? loaded.contractViews(scenarioJson, lang, unit) : undefined;
}

// The analysis's figures as last delivered to the app (the newest request's),
// which the decision charts and the printed report draw: the app's own wasm
// need not hand them back. Figures of a scenario without ranges have no Monte
// Carlo run: its sensitivity has no items, and the last run's figures go.
const figures = {};
function keepFigures(msg) {
  if (msg.kind === 'break-even' || msg.kind === 'sensitivity' || msg.kind === 'uncertainty') figures[msg.kind] = msg.json;
  if (msg.kind === 'sensitivity' && msg.json.includes('"items":[]')) figures.uncertainty = undefined;
}
let lastCharts = null;

/**
 * The decision charts' markup (tornado, fan charts, per-intervention
 * break-even) of the analysis's figures as delivered, laid out for the width
 * of the page's section for them, with the switch's choice (its radio button,
 * written by the module) kept; undefined until loaded. The app asks at every
 * render: the same inputs answer the same text, without a layout read.
 */
export function decisionCharts(scenarioJson, lang, unit) {
  if (!loaded) return undefined;
  const key = [scenarioJson, figures['break-even'], figures.sensitivity, figures.uncertainty, lang, unit];
  if (lastCharts && key.every((k, i) => k === lastCharts.key[i])) return lastCharts.markup;
  const section = document.querySelector('.decision-charts');
  const society = document.getElementById('fundsim-dc-society');
  const markup = loaded.decisionCharts(
    scenarioJson,
    figures.uncertainty,
    figures['break-even'],
    figures.sensitivity,
    lang,
    unit,
    section ? section.clientWidth : 800,
    !!(society && society.checked),
  );
  lastCharts = { key, markup };
  return markup;
}
