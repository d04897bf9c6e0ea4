//! Links deflated and inflated by the browser (`CompressionStream`,
//! `DecompressionStream`), so that no DEFLATE code is part of the download.

use wasm_bindgen::{JsCast, JsValue};

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// The browser's `CompressionStream` (web-sys has it only among its unstable APIs).
    #[wasm_bindgen(js_name = CompressionStream)]
    type CompressionStream;
    #[wasm_bindgen(constructor, catch, js_class = "CompressionStream")]
    fn new(format: &str) -> Result<CompressionStream, JsValue>;
}

/// `bytes` as raw DEFLATE, compressed by the browser (`CompressionStream`),
/// so that no deflate code is part of the download. Where the browser has
/// none, or refuses, the bytes are stored uncompressed (a valid, longer
/// DEFLATE stream: [`crate::share::link::stored_deflate`]).
pub async fn deflate_raw(bytes: &[u8]) -> Vec<u8> {
    match browser_deflate(bytes).await {
        Some(packed) => packed,
        None => crate::share::link::stored_deflate(bytes),
    }
}

async fn browser_deflate(bytes: &[u8]) -> Option<Vec<u8>> {
    let compressor = CompressionStream::new("deflate-raw").ok()?;
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let blob = web_sys::Blob::new_with_u8_array_sequence(&parts).ok()?;
    let packed = blob.stream().pipe_through(compressor.unchecked_ref::<web_sys::ReadableWritablePair>());
    let response = web_sys::Response::new_with_opt_readable_stream(Some(&packed)).ok()?;
    let buffer = wasm_bindgen_futures::JsFuture::from(response.array_buffer().ok()?).await.ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// The browser's `DecompressionStream` (web-sys has it only among its unstable APIs).
    #[wasm_bindgen(js_name = DecompressionStream)]
    type DecompressionStream;
    #[wasm_bindgen(constructor, catch, js_class = "DecompressionStream")]
    fn new(format: &str) -> Result<DecompressionStream, JsValue>;
}

/// The scenario a link's fragment carries, inflated (`None` when it carries
/// none, or it cannot be inflated: a damaged link). Stored blocks (a link made
/// where the browser could not compress) are read here; compressed ones by
/// the browser (`DecompressionStream`), so that no inflate code is part of the
/// download. Reading stops a little past [`crate::share::link::MAX_LINK_SCENARIO_BYTES`]:
/// what was read, longer than the limit, is refused as too large.
pub async fn inflate_fragment(fragment: &str) -> Option<Vec<u8>> {
    use crate::share::link;
    let packed = link::unpack_fragment(fragment).ok()?.packed?;
    match link::stored_inflate(&packed) {
        Some(plain) => Some(plain),
        None => browser_inflate(&packed, link::MAX_LINK_SCENARIO_BYTES).await,
    }
}

async fn browser_inflate(bytes: &[u8], limit: usize) -> Option<Vec<u8>> {
    use wasm_bindgen_futures::JsFuture;
    let inflater = DecompressionStream::new("deflate-raw").ok()?;
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let blob = web_sys::Blob::new_with_u8_array_sequence(&parts).ok()?;
    let plain = blob.stream().pipe_through(inflater.unchecked_ref::<web_sys::ReadableWritablePair>());
    let reader: web_sys::ReadableStreamDefaultReader = plain.get_reader().unchecked_into();
    let mut out = Vec::new();
    loop {
        // A corrupt stream rejects the read: a damaged link.
        let chunk = JsFuture::from(reader.read()).await.ok()?;
        if js_sys::Reflect::get(&chunk, &JsValue::from_str("done")).ok()?.as_bool() == Some(true) {
            return Some(out);
        }
        let value: js_sys::Uint8Array =
            js_sys::Reflect::get(&chunk, &JsValue::from_str("value")).ok()?.dyn_into().ok()?;
        out.extend(value.to_vec());
        if out.len() > limit {
            // A crafted link that inflates without end: stop reading it (one
            // chunk past the limit, which `PackedLink::finish` calls too large).
            let _ = reader.cancel();
            return Some(out);
        }
    }
}
