// Loads fundsim's on-demand module (pkg/on-demand/: its own wasm, with the
// Excel writer rust_xlsxwriter and the QR encoder) the first time a user asks
// for an .xlsx or a QR code, never at page load.
// The app's glue imports this file: wasm-bindgen copies it to
// pkg/snippets/<crate>-<hash>/www/, so the module is found relative to the
// package wherever the app runs (its own page, www/embed.js, mount()).
// scripts/single_file.py replaces this loader in dist/fundsim.html.
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let pending = null;

function load() {
  if (!pending) {
    const url = new URL('../../../on-demand/fundsim_on_demand.js', import.meta.url);
    pending = import(url.href).then(async (m) => {
      await m.default();
      return m;
    });
    // A failed load (offline, a missing file) is tried again on the next click.
    pending.catch(() => {
      pending = null;
    });
  }
  return pending;
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
