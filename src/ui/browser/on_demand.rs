//! The on-demand module (`www/on-demand.js` loads `pkg/on-demand/` on the
//! first call): Excel workbooks and QR codes.

use wasm_bindgen::JsCast;

#[wasm_bindgen::prelude::wasm_bindgen(module = "/www/on-demand.js")]
extern "C" {
    #[wasm_bindgen(js_name = makeWorkbook)]
    fn make_workbook(scenario_json: &str, lang: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = qrSvg)]
    fn make_qr_svg(text: &str) -> js_sys::Promise;
}

/// The QR code of `text` as an SVG document, from the on-demand module, which
/// is loaded on the first call: `Ok(None)` when the text is too long for a QR
/// code, `Err(())` when the module could not be loaded.
pub async fn qr_svg(text: &str) -> Result<Option<String>, ()> {
    let svg = wasm_bindgen_futures::JsFuture::from(make_qr_svg(text)).await.map_err(|_| ())?;
    Ok(svg.as_string())
}

/// The scenario's Excel workbook as a Blob ready to download, from the
/// on-demand module, which is loaded on the first call
/// (`www/on-demand.js`); `None` when loading or writing failed.
pub async fn excel_workbook(scenario_json: &str, lang: &str) -> Option<web_sys::Blob> {
    let blob = wasm_bindgen_futures::JsFuture::from(make_workbook(scenario_json, lang)).await.ok()?;
    Some(blob.unchecked_into())
}
