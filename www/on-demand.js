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

/** Plan A against plan B: the comparison's tables' markup; undefined until loaded. */
export function compareTables(scenarioJson, baselineJson, origin, lang, unit) {
  if (!loaded) return undefined;
  // The explanations of its cells compare A with this B, whichever app on the page asks.
  remember(baselineOf, scenarioJson, baselineJson);
  return loaded.compareTables(scenarioJson, baselineJson, origin, lang, unit);
}

// What the tables of a scenario (its JSON) were written with, for their
// explanations: plan A's baseline, the run the contracts' views show. Kept by
// the scenario, so that two apps on one page each explain their own; a few.
const baselineOf = new Map();
const contractRunOf = new Map();
function remember(map, key, value) {
  map.delete(key);
  map.set(key, value);
  if (map.size > 8) map.delete(map.keys().next().value);
}

/**
 * Plan A against plan B as a file (a Blob): `kind` "csv" (Swedish Excel's
 * dialect for "sv", else the plain one) or "xlsx"; each table and sheet says
 * which scenario it is.
 */
export async function compareFile(kind, scenarioJson, baselineJson, lang) {
  const m = await load();
  if (kind === 'xlsx') {
    return new Blob([m.compareWorkbook(scenarioJson, baselineJson, lang)], { type: XLSX_TYPE });
  }
  const csv = m.compareCsvFile(scenarioJson, baselineJson, lang, lang === 'sv' ? 'sv' : 'plain');
  return new Blob([csv], { type: 'text/csv;charset=utf-8' });
}

/** The printed report's markup (with the fan charts of the app's last Monte Carlo figures delivered); undefined until loaded. */
export function printReport(app, scenarioJson, lang, today) {
  return loaded ? loaded.printReport(scenarioJson, lang, today, appOf(app).figures.uncertainty) : undefined;
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
// Every app on the page has its own analysis (one worker runs them all):
// the requests running, by id, each with its delivery. A stopped one's
// messages are dropped and its run stops.
let lastRequest = 0;
const running = new Map();

// Each app on the page (mount, the embed loader, the page itself) has a
// number: its analysis, its figures and its decision charts are its own.
let appCount = 0;
const apps = new Map();
/** A number for a new app on the page. */
export function newApp() {
  return ++appCount;
}
function appOf(app) {
  if (!apps.has(app)) apps.set(app, { figures: {}, delivered: 0, lastCharts: null, request: 0 });
  return apps.get(app);
}

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
      const r = running.get(msg.id);
      if (r) r.deliver(msg);
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

// The worker could not load: the requests it had run here, and every later one.
function fallBack(w) {
  w.terminate();
  analysisWorker = null;
  for (const r of running.values()) runHere(r.request);
}

function runHere(request) {
  const live = () => running.get(request.id);
  loadOnDemand().then((ok) => {
    if (!live()) return;
    if (!ok) return live().deliver({ id: request.id, kind: 'error', message: 'unavailable' });
    run(loaded, request, (msg) => live() && live().deliver(msg), () => !live(), 8);
  });
}

/**
 * Analyses `scenarioJson` (valid) for app `app`: `onMessage(kind, json, done, draws)` hears
 * 'break-even' and 'sensitivity' (their JSON), 'progress', 'uncertainty'
 * (the Monte Carlo figures of `draws` draws: `quick`, then `full`) and 'error'.
 * The app's newer call, or stopAnalysis(app), cancels its run before; other apps' runs go on.
 */
export function analyse(app, scenarioJson, quick, full, onMessage) {
  stopAnalysis(app);
  const a = appOf(app);
  const request = { id: ++lastRequest, json: scenarioJson, quick, full };
  a.request = request.id;
  const deliver = (msg) => {
    keepFigures(a, msg, scenarioJson);
    onMessage(msg.kind, msg.json || msg.message || '', msg.done || 0, msg.draws || 0);
  };
  running.set(request.id, { request, deliver });
  const w = startWorker();
  if (w) w.postMessage(request);
  else runHere(request);
}

/** Cancels app `app`'s running analysis; its messages are no longer delivered. */
export function stopAnalysis(app) {
  const id = appOf(app).request;
  if (!running.delete(id)) return;
  if (analysisWorker) analysisWorker.postMessage({ id, cancel: true });
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

/** The outcome contracts' views' markup (issue 15), with the analysis's Monte Carlo figures (or ''); undefined until loaded. */
export function contractViews(scenarioJson, lang, unit, monteCarloJson) {
  if (!loaded) return undefined;
  remember(contractRunOf, scenarioJson, monteCarloJson);
  return loaded.contractViews(scenarioJson, lang, unit, monteCarloJson);
}

/** The money flow or the net per actor and year as an <svg> (src/charts); undefined until loaded. */
export function chartSvg(scenarioJson, kind, lang, unit, width, prefix) {
  return loaded ? loaded.chartSvg(scenarioJson, kind, lang, unit, width, prefix) : undefined;
}

/**
 * Brings a chart drawn as markup (src/charts/svg.rs) to life, once per box:
 * the focused or hovered item is marked and shows its tooltip (Escape hides
 * it), the arrow keys walk along the items, and a flow node's links come
 * forward while the others step back — as the app's own charts do.
 */
export function wireChart(box) {
  if (box.fundsimWired) return;
  box.fundsimWired = true;
  // The charts' items, and the decision charts' bars and fan years (report::decision_charts).
  const ITEMS = '.chart-item, .tornado-bar, .fan-point';
  const itemOf = (e) => (e.target && e.target.closest ? e.target.closest(ITEMS) : null);
  const show = (item) => {
    const i = item ? item.getAttribute('data-item') : null;
    for (const t of box.querySelectorAll('.chart-tooltip')) {
      if (t.getAttribute('data-tip') === i) t.removeAttribute('display');
      else t.setAttribute('display', 'none');
    }
    for (const g of box.querySelectorAll('.chart-item')) g.classList.toggle('is-focused', g === item);
    for (const link of box.querySelectorAll('.flow-link')) {
      const mine = i !== null && (link.getAttribute('data-items') || '').split(' ').includes(i);
      link.setAttribute('fill-opacity', i === null ? '0.35' : mine ? '0.6' : '0.12');
    }
  };
  box.addEventListener('focusin', (e) => show(itemOf(e)));
  box.addEventListener('focusout', () => show(null));
  box.addEventListener('mouseover', (e) => show(itemOf(e)));
  box.addEventListener('mouseleave', () => show(null));
  box.addEventListener('keydown', (e) => {
    const item = itemOf(e);
    if (!item) return;
    if (e.key === 'Escape') {
      show(null);
      return;
    }
    const forward = e.key === 'ArrowRight' || e.key === 'ArrowDown';
    if (!forward && e.key !== 'ArrowLeft' && e.key !== 'ArrowUp') return;
    const items = [...item.ownerSVGElement.querySelectorAll(ITEMS)];
    const next = items[items.indexOf(item) + (forward ? 1 : -1)];
    if (next) {
      next.focus();
      e.preventDefault();
    }
  });
}


// The guided tour for trainers (issue 13), here rather than in the app's
// wasm so that it costs the first download almost nothing: a panel of a few
// steps whose texts, with the scenario's own figures, the on-demand module
// writes (explainFigure "tour:<n>", escaped markup). Stepped with a
// clicker's keys (→ ← PageDown PageUp, Space) or its buttons, left with
// Escape or "Leave"; the focus then goes back to where it was (else to the
// key figures). Once left it does not come back until the page is opened again.
const TOUR_WORDS = {
  sv: ['Guidad tur', 'Steg', 'av', '← Föregående', 'Nästa →', 'Avsluta'],
  en: ['Guided tour', 'Step', 'of', '← Previous', 'Next →', 'Leave'],
};
let tourState = null;
let tourLeft = false;

/** Shows the tour (or brings its text up to date) for the scenario on screen. */
export function tour(scenarioJson, lang, unit, count) {
  if (tourLeft || !count) return;
  if (!tourState) {
    const panel = document.createElement('div');
    panel.className = 'tour-panel';
    panel.setAttribute('role', 'dialog');
    panel.tabIndex = -1;
    panel.dataset.testid = 'tour';
    panel.innerHTML =
      '<div aria-live="polite"><p class="tour-counter" data-testid="tour-counter"></p><div></div></div>' +
      '<div class="tour-buttons"><button type="button"></button><button type="button"></button>' +
      '<button type="button" data-testid="tour-leave"></button></div>';
    const [prev, next, leave] = panel.querySelectorAll('button');
    prev.onclick = () => tourGo(-1);
    next.onclick = () => tourGo(1);
    leave.onclick = tourLeave;
    tourState = { step: 0, before: document.activeElement, panel };
    document.addEventListener('keydown', tourKeys);
    (document.querySelector('.fundsim') || document.body).appendChild(panel);
    panel.focus();
  }
  Object.assign(tourState, { json: scenarioJson, lang, unit, count });
  tourShow();
}

function tourShow() {
  const s = tourState;
  const w = TOUR_WORDS[s.lang] || TOUR_WORDS.en;
  const [prev, next, leave] = s.panel.querySelectorAll('button');
  s.panel.setAttribute('aria-label', w[0]);
  // Inside the live region: written only when it changes, so that it is read out only then.
  const counter = s.panel.querySelector('.tour-counter');
  const said = `${w[1]} ${s.step + 1} ${w[2]} ${s.count}`;
  if (counter.textContent !== said) counter.textContent = said;
  [prev.textContent, next.textContent, leave.textContent] = [w[3], w[4], w[5]];
  prev.disabled = s.step === 0;
  next.disabled = s.step + 1 === s.count;
  const sensitivity = sensitivityOf(s.json);
  const asked = `${s.step}|${s.lang}|${s.unit}|${s.json}|${sensitivity !== undefined}`;
  s.asked = asked;
  loadOnDemand().then((ok) => {
    if (!ok || tourState !== s || s.asked !== asked) return;
    // The sensitivity of this scenario, once the analysis has delivered it: the last step names what decides most.
    const html = loaded.explainFigure(s.json, s.lang, s.unit, `tour:${s.step + 1}`, sensitivity);
    const text = s.panel.querySelector('.tour-counter').nextElementSibling;
    if (text.innerHTML === html) return;
    // The same step, completed by figures that arrived later (what decides most): written
    // without the live region, so a screen reader does not read the whole step again.
    const step = `${s.step}|${s.lang}|${s.unit}|${s.json}`;
    const live = text.parentElement;
    if (s.shown === step) live.setAttribute('aria-live', 'off');
    s.shown = step;
    text.innerHTML = html;
    setTimeout(() => live.setAttribute('aria-live', 'polite'), 0);
  });
}

function tourGo(by) {
  tourState.step = Math.max(0, Math.min(tourState.count - 1, tourState.step + by));
  tourShow();
}

// The element an event happened at: for a widget in a shadow root (www/embed.js),
// the page's listeners see only its host as the target.
function eventTarget(e) {
  const path = e.composedPath ? e.composedPath() : [];
  return path.length ? path[0] : e.target;
}

function tourKeys(e) {
  if (!tourState) return;
  const target = eventTarget(e);
  const tag = (target && target.tagName) || '';
  // A field keeps its keys; a button keeps Space (it presses it).
  const field = /^(INPUT|TEXTAREA|SELECT)$/.test(tag);
  const button = /^(BUTTON|SUMMARY|A)$/.test(tag);
  let by = 0;
  if (e.key === 'Escape') by = null;
  else if (field) return;
  else if (e.key === 'ArrowRight' || e.key === 'PageDown' || (e.key === ' ' && !button)) by = 1;
  else if (e.key === 'ArrowLeft' || e.key === 'PageUp') by = -1;
  else return;
  e.preventDefault();
  if (by === null) tourLeave();
  else tourGo(by);
}

function tourLeave() {
  const s = tourState;
  tourState = null;
  tourLeft = true;
  document.removeEventListener('keydown', tourKeys);
  s.panel.remove();
  const before = s.before && s.before.isConnected && s.before !== document.body ? s.before : null;
  const back = before || document.querySelector('[data-testid=key-figures] button');
  if (back) back.focus();
}

// "How is this calculated?" in place (issue 13), here rather than in the
// app's wasm so that it costs the first download little: a click on, or
// Enter or Space at, any element with `data-explain` (a key figure's button,
// a chart's item, a table cell, a term's button) opens a panel with the
// explanation the on-demand module writes (explainFigure, escaped markup)
// for the scenario of the app it is in; the panel takes the focus, and
// Escape or its button closes it and gives the focus back. The arrow keys
// step between a year table's cells (its region leads into them).
const EXPLAIN_WORDS = {
  sv: ['Hur räknas detta?', 'Stäng', 'Hämtar …'],
  en: ['How is this calculated?', 'Close', 'Loading …'],
};
const explainScenarios = new WeakMap();
let explainListening = false;
let explainOpen = null;

/** The scenario (JSON), language and unit of app `app` around `element`, for its explanations. */
export function explainable(element, scenarioJson, lang, unit, app) {
  const root = (element && element.closest('.fundsim')) || document.body;
  if (!explainListening) {
    explainListening = true;
    document.addEventListener('click', explainClick);
    document.addEventListener('keydown', explainKeys);
  }
  explainScenarios.set(root, { json: scenarioJson, lang, unit, app });
  if (explainOpen && explainOpen.root === root) explainShow();
}

function explainTarget(e) {
  const target = eventTarget(e);
  const el = target && target.closest ? target.closest('[data-explain]') : null;
  return el && !(explainOpen && explainOpen.panel.contains(el)) ? el : null;
}

function explainClick(e) {
  const el = explainTarget(e);
  if (el) explainStart(el);
}

function explainStart(el) {
  const root = el.closest('.fundsim') || document.body;
  if (!explainScenarios.get(root)) return;
  if (explainOpen) explainOpen.panel.remove();
  const panel = document.createElement('div');
  panel.className = 'explain-panel';
  panel.setAttribute('role', 'dialog');
  panel.tabIndex = -1;
  panel.dataset.testid = 'explain-panel';
  panel.innerHTML = '<div class="explain-head"><h2></h2><button type="button" class="explain-close"></button></div><div></div>';
  panel.querySelector('button').onclick = explainClose;
  panel.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      explainClose();
    }
  });
  root.appendChild(panel);
  const key = el.getAttribute('data-explain');
  // Which of the elements with this key opened it: a part written again has its new one at the same place.
  const nth = Array.prototype.indexOf.call(explainSame(root, key), el);
  explainOpen = { root, panel, opener: el, key, nth };
  explainShow();
}

function explainShow() {
  const open = explainOpen;
  const s = explainScenarios.get(open.root);
  const w = EXPLAIN_WORDS[s.lang] || EXPLAIN_WORDS.en;
  const [heading, close, body] = [open.panel.querySelector('h2'), open.panel.querySelector('button'), open.panel.lastChild];
  open.panel.setAttribute('aria-label', w[0]);
  [heading.textContent, close.textContent] = [w[0], w[1]];
  body.innerHTML = `<p role="status">${w[2]}</p>`;
  open.panel.focus();
  loadOnDemand().then((ok) => {
    if (!ok || explainOpen !== open) return;
    // What this app's tables were written with: the fans' run, the contracts' run, plan B.
    const charts = appOf(s.app).lastCharts;
    const run = open.key.startsWith('mc:') ? contractRunOf.get(s.json) : charts && charts.run;
    body.innerHTML = loaded.explainFigure(s.json, s.lang, s.unit, open.key, undefined, run, baselineOf.get(s.json)) || '';
    open.panel.focus();
  });
}

function explainClose() {
  const open = explainOpen;
  explainOpen = null;
  if (!open) return;
  open.panel.remove();
  // A part written again while the panel was open (the analysis's words) has a new element with the same key.
  const same = open.opener.isConnected ? [] : explainSame(open.root, open.key);
  const opener = open.opener.isConnected ? open.opener : same[open.nth] || same[0];
  if (opener) opener.focus();
}

function explainSame(root, key) {
  return root.querySelectorAll(`[data-explain="${CSS.escape(key)}"]`);
}

// The cell the arrow `key` leads to from cell `el` of a year table.
function explainNeighbour(el, key) {
  let to = null;
  if (key === 'ArrowRight') to = el.nextElementSibling;
  else if (key === 'ArrowLeft') to = el.previousElementSibling;
  else if (key === 'ArrowDown' || key === 'ArrowUp') {
    const row = key === 'ArrowDown' ? el.parentElement.nextElementSibling : el.parentElement.previousElementSibling;
    to = row ? row.children[Array.prototype.indexOf.call(el.parentElement.children, el)] : null;
  }
  return to && to.hasAttribute('data-explain') ? to : null;
}

function explainKeys(e) {
  const el = eventTarget(e);
  if (!el || !el.tagName || (explainOpen && explainOpen.panel.contains(el))) return;
  const explains = el.hasAttribute('data-explain');
  const press = e.key === 'Enter' || e.key === ' ';
  let to = null;
  if (explains && press && (el.tagName === 'TD' || el.tagName.toLowerCase() === 'g')) {
    e.preventDefault();
    return explainStart(el);
  }
  if (explains && el.tagName === 'TD') to = explainNeighbour(el, e.key);
  else if (el.classList.contains('table-scroll') && (e.key === 'Enter' || e.key === 'ArrowDown')) to = el.querySelector('td[data-explain]');
  if (to) {
    e.preventDefault();
    to.focus();
  }
}

/** A preset's story and sources, [story, sourcesMarkup] (src/report/preset.rs); undefined until loaded. */
export function presetAbout(id, lang) {
  return loaded ? loaded.presetAbout(id, lang) : undefined;
}

// The analysis's figures as last delivered to an app (`a`, its newest
// request's), which its decision charts and printed report draw: the app's
// own wasm need not hand them back. Figures of a scenario without ranges have
// no Monte Carlo run: its sensitivity has no items, and the last run's figures
// go. `delivered` counts them: the decision charts are drawn again when new ones come.
function keepFigures(a, msg, scenarioJson) {
  const figures = a.figures;
  if (msg.kind === 'break-even' || msg.kind === 'sensitivity' || msg.kind === 'uncertainty') {
    figures[msg.kind] = msg.json;
    a.delivered++;
  }
  if (msg.kind === 'sensitivity') {
    // Which scenario it is of: the tour's last step says its first assumption (written again when it comes).
    figures.sensitivityOf = scenarioJson;
    if (tourState && tourState.json === scenarioJson && tourState.step === tourState.count - 1) tourShow();
  }
  if (msg.kind === 'sensitivity' && msg.json.includes('"items":[]')) figures.uncertainty = undefined;
}

/** The sensitivity some app on the page was delivered for this scenario, if any. */
function sensitivityOf(scenarioJson) {
  for (const a of apps.values()) if (a.figures.sensitivityOf === scenarioJson) return a.figures.sensitivity;
  return undefined;
}

/**
 * The decision charts' markup (tornado, fan charts, per-intervention
 * break-even) of app `app`'s analysis's figures as delivered, laid out for
 * the width of its `section` for them (null before it is drawn), with the
 * switch's choice (its radio button, written by the module) kept; undefined
 * until loaded. The app asks at every render: the same figures answer the
 * same text, without a layout read.
 */
export function decisionCharts(app, section, scenarioJson, lang, unit) {
  if (!loaded) return undefined;
  const a = appOf(app);
  // Not drawn again for a new scenario alone: its analysis is on its way (the
  // figures at hand are the last scenario's), and drawing the charts twice
  // made an edit's task over 50 ms (issue 12); its names come with its figures.
  const key = [a.delivered, lang, unit];
  if (a.lastCharts && key.every((k, i) => k === a.lastCharts.key[i])) return a.lastCharts.markup;
  // The arrow keys walk along the bars and years, as in the app's own charts.
  if (section) wireChart(section);
  const society = section && section.querySelector('#fundsim-dc-society');
  const figures = a.figures;
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
  // The run the fans are drawn from: their cells' explanations read it.
  a.lastCharts = { key, markup, run: figures.uncertainty };
  return markup;
}
