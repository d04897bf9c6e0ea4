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

/** The printed report's markup; undefined until loaded. */
export function printReport(scenarioJson, lang, today) {
  return loaded ? loaded.printReport(scenarioJson, lang, today) : undefined;
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

// The decision figures' markup (tornado, fan charts, per-intervention
// break-even), or undefined before the module has arrived.
export function decisionCharts(scenarioJson, monteCarloJson, breakEvenJson, sensitivityJson, lang, unit, width, society) {
  return loaded
    ? loaded.decisionCharts(scenarioJson, monteCarloJson, breakEvenJson, sensitivityJson, lang, unit, width, society)
    : undefined;
}

// STAND-IN until the worker is wired: the Monte Carlo figures from the on-demand module.
export function monteCarloJson(scenarioJson, seed, draws, byYear) {
  return loaded ? loaded.monteCarloJson(scenarioJson, seed, draws, byYear) : undefined;
}
