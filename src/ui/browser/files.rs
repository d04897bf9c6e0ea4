//! Files and the clipboard: downloads, reading an opened file, copying text.

use gloo::timers::callback::Timeout;
use wasm_bindgen::{JsCast, JsValue};

use crate::ui::state::file::FileRead;

/// Puts `text` on the clipboard; `done(true)` once it is there, `done(false)`
/// when the browser has no clipboard or refused.
pub fn copy_text(text: String, done: impl FnOnce(bool) + 'static) {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else { return done(false) };
    // `navigator.clipboard` is missing outside secure contexts.
    let has_clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .map(|c| !c.is_undefined() && !c.is_null())
        .unwrap_or(false);
    if !has_clipboard {
        return done(false);
    }
    let promise = navigator.clipboard().write_text(&text);
    wasm_bindgen_futures::spawn_local(async move {
        done(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
    });
}

/// Offers `text` as a file download called `file_name`; `false` when the browser refused.
pub fn download(file_name: &str, mime: &str, text: &str) -> bool {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    match web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) {
        Ok(blob) => download_blob(file_name, &blob),
        Err(_) => false,
    }
}

/// Reads an opened file's bytes, unless it is larger than `max` bytes (its
/// size is checked first: a huge file is never read into the page).
pub fn read_file(file: web_sys::File, max: usize, done: impl FnOnce(FileRead) + 'static) {
    let size = file.size();
    if size > max as f64 {
        return done(FileRead::TooLarge(size as u64));
    }
    let promise = file.array_buffer();
    wasm_bindgen_futures::spawn_local(async move {
        done(match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(buffer) => FileRead::Bytes(js_sys::Uint8Array::new(&buffer).to_vec()),
            Err(_) => FileRead::Failed,
        });
    });
}

/// Offers `blob` as a file download called `file_name`; `false` when the browser refused.
pub fn download_blob(file_name: &str, blob: &web_sys::Blob) -> bool {
    fn go(file_name: &str, blob: &web_sys::Blob) -> Option<()> {
        let document = web_sys::window()?.document()?;
        let url = web_sys::Url::create_object_url_with_blob(blob).ok()?;
        let anchor: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
        anchor.set_href(&url);
        anchor.set_download(file_name);
        anchor.set_attribute("hidden", "").ok()?;
        document.body()?.append_child(&anchor).ok()?;
        anchor.click();
        anchor.remove();
        // The download has started from the click; the object URL is released a little later.
        Timeout::new(10_000, move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        })
        .forget();
        Some(())
    }
    go(file_name, blob).is_some()
}
