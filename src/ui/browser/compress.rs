//! Links deflated and inflated by the browser (`CompressionStream`,
//! `DecompressionStream`), so that no DEFLATE code is part of the download.

use wasm_bindgen::{JsCast, JsValue};

use crate::share::link::Inflated;

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

/// The deflated scenario a link's fragment carries (`s=`), inflated; `None`
/// when it carries none. Stored
/// blocks (a link made where the browser could not compress) are read here;
/// compressed ones by the browser (`DecompressionStream`), so that no
/// inflate code is part of the download. At most
/// [`crate::share::link::MAX_LINK_SCENARIO_BYTES`] are read: past that it is
/// [`Inflated::TooLarge`].
pub async fn inflate_fragment(fragment: &str) -> Option<Inflated> {
    use crate::share::link;
    let packed = link::unpack_fragment(fragment).ok()?.packed?;
    Some(match link::stored_inflate(&packed) {
        Some(plain) => Inflated::Bytes(plain),
        None => browser_inflate(&packed, link::MAX_LINK_SCENARIO_BYTES).await,
    })
}

async fn browser_inflate(bytes: &[u8], limit: usize) -> Inflated {
    use wasm_bindgen_futures::JsFuture;
    let Some(reader) = inflating_reader(bytes) else { return Inflated::Damaged };
    let mut out = Vec::new();
    loop {
        // A corrupt stream rejects the read: a damaged link.
        let Ok(chunk) = JsFuture::from(reader.read()).await else { return Inflated::Damaged };
        let done = js_sys::Reflect::get(&chunk, &JsValue::from_str("done")).ok().and_then(|d| d.as_bool());
        if done == Some(true) {
            return Inflated::Bytes(out);
        }
        let value = js_sys::Reflect::get(&chunk, &JsValue::from_str("value")).ok();
        let Some(value) = value.and_then(|v| v.dyn_into::<js_sys::Uint8Array>().ok()) else {
            return Inflated::Damaged;
        };
        if out.len() + value.length() as usize > limit {
            // A crafted link that inflates without end: stop reading it.
            let _ = reader.cancel();
            return Inflated::TooLarge;
        }
        out.extend(value.to_vec());
    }
}

fn inflating_reader(bytes: &[u8]) -> Option<web_sys::ReadableStreamDefaultReader> {
    let inflater = DecompressionStream::new("deflate-raw").ok()?;
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let blob = web_sys::Blob::new_with_u8_array_sequence(&parts).ok()?;
    let plain = blob.stream().pipe_through(inflater.unchecked_ref::<web_sys::ReadableWritablePair>());
    Some(plain.get_reader().unchecked_into())
}
