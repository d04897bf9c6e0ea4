//! The browser calls behind share and keep, in one place, so that components
//! stay declarative: the URL fragment and the history, local storage, the
//! clipboard, file downloads, reading an opened file, and the on-demand
//! module (Excel workbooks and QR codes).
//!
//! Every call tolerates a browser that refuses (storage turned off, no
//! clipboard, a sandboxed frame): it reports `false`/`None` instead of
//! panicking, and the app carries on. Only the app that owns the page calls
//! the fragment, history and storage functions (see [`crate::ui::app`]); an
//! app embedded in someone else's page leaves that page's address alone.
//!
//! [`PageSync`] keeps the address and the autosave in step with the scenario:
//! edits are written after a pause ([`DEBOUNCE_MS`], `history.replaceState`,
//! so there is no history entry per keystroke); a whole new scenario (a
//! preset, a file) gets its own entry (`history.pushState`).

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use gloo::timers::callback::Timeout;
use wasm_bindgen::{JsCast, JsValue};

use crate::ui::keep::STORAGE_KEY;

/// The pause after the last edit before the address and the autosave are written.
pub const DEBOUNCE_MS: u32 = 400;

/// The page's URL fragment, without `#` (empty when there is none).
pub fn location_fragment() -> String {
    let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
    hash.strip_prefix('#').unwrap_or(&hash).to_string()
}

/// The page's address with this fragment: what "Copy link" copies.
pub fn page_link(fragment: &str) -> String {
    let href = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
    let base = href.split('#').next().unwrap_or_default();
    format!("{base}#{fragment}")
}

/// Writes the fragment into the address: a new history entry (`push`) or in
/// place of the current one. `false` when the browser refused.
pub fn write_fragment(fragment: &str, push: bool) -> bool {
    let Some(history) = web_sys::window().and_then(|w| w.history().ok()) else { return false };
    let url = format!("#{fragment}");
    let done = if push {
        history.push_state_with_url(&JsValue::NULL, "", Some(&url))
    } else {
        history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
    };
    done.is_ok()
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

/// The value under `key` in local storage.
pub fn storage_get(key: &str) -> Option<String> {
    local_storage().and_then(|s| s.get_item(key).ok().flatten())
}

/// Stores `value` under `key`; `false` when storage is off or full.
pub fn storage_set(key: &str, value: &str) -> bool {
    local_storage().is_some_and(|s| s.set_item(key, value).is_ok())
}

/// Whether local storage takes a value (it can be turned off, or full).
pub fn storage_works() -> bool {
    const PROBE: &str = "fundsim.probe";
    local_storage().is_some_and(|s| s.set_item(PROBE, "1").is_ok() && s.remove_item(PROBE).is_ok())
}

/// Moves the value under `from` to `to`; `from` is removed only once `to` holds it.
pub fn storage_move(from: &str, to: &str) -> bool {
    let Some(storage) = local_storage() else { return false };
    let Some(value) = storage.get_item(from).ok().flatten() else { return false };
    storage.set_item(to, &value).is_ok() && storage.remove_item(from).is_ok()
}

/// Milliseconds since 1970: the stamp of a value moved aside.
pub fn now_ms() -> u64 {
    let now = js_sys::Date::now();
    if now.is_finite() && now > 0.0 {
        now as u64
    } else {
        0
    }
}

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

/// Reads an opened file as text; `done(Err(..))` when it cannot be read.
pub fn read_file(file: web_sys::File, done: impl FnOnce(Result<String, String>) + 'static) {
    let promise = file.text();
    wasm_bindgen_futures::spawn_local(async move {
        let text = wasm_bindgen_futures::JsFuture::from(promise).await;
        done(match text {
            Ok(value) => value.as_string().ok_or_else(|| "not text".to_string()),
            Err(e) => Err(e.as_string().unwrap_or_else(|| "the file could not be read".into())),
        });
    });
}

/// Keeps the address and the autosave in step with the scenario (see the module docs).
#[derive(Clone, Default)]
pub struct PageSync(Rc<RefCell<SyncInner>>);

impl PartialEq for PageSync {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[derive(Default)]
struct SyncInner {
    /// The fragment to write in place of the current one, after the pause.
    fragment: Option<String>,
    /// The scenario to autosave, after the pause (its JSON is written then).
    save: Option<Rc<crate::model::Scenario>>,
    timer: Option<Timeout>,
    /// The fragment the address shows, as this app last wrote or followed it.
    shown: String,
    /// Set when a stored value could not be moved aside: it is never overwritten.
    saving_blocked: bool,
}

impl PageSync {
    /// Writes `fragment` (in place) and autosaves `save` after the pause; a
    /// later call within the pause replaces both.
    pub fn later(&self, fragment: Option<String>, save: Option<Rc<crate::model::Scenario>>) {
        let weak: Weak<RefCell<SyncInner>> = Rc::downgrade(&self.0);
        let mut inner = self.0.borrow_mut();
        if fragment.is_some() {
            inner.fragment = fragment;
        }
        if save.is_some() {
            inner.save = save;
        }
        // Replacing the timer cancels the previous one.
        inner.timer = Some(Timeout::new(DEBOUNCE_MS, move || {
            if let Some(inner) = weak.upgrade() {
                PageSync(inner).write_pending();
            }
        }));
    }

    /// Writes what is pending now (before a new history entry, or when the page is hidden).
    pub fn flush(&self) {
        let timer = self.0.borrow_mut().timer.take();
        drop(timer);
        self.write_pending();
    }

    /// A whole new scenario: what was pending goes into the current entry,
    /// then `fragment` gets an entry of its own.
    pub fn push(&self, fragment: String) {
        self.flush();
        if write_fragment(&fragment, true) {
            self.0.borrow_mut().shown = fragment;
        }
    }

    /// Writes `fragment` in place of the current one now (on opening).
    pub fn replace_now(&self, fragment: String) {
        if write_fragment(&fragment, false) {
            self.0.borrow_mut().shown = fragment;
        }
    }

    /// The browser moved to another entry (`fragment`): a pending fragment
    /// belonged to the entry left and is dropped; a pending autosave is kept.
    pub fn followed(&self, fragment: String) {
        let mut inner = self.0.borrow_mut();
        inner.fragment = None;
        inner.shown = fragment;
    }

    /// The fragment the address shows, as this app last wrote or followed it.
    pub fn shown(&self) -> String {
        self.0.borrow().shown.clone()
    }

    /// Never autosave (a stored value that could not be moved aside must not be overwritten).
    pub fn block_saving(&self) {
        self.0.borrow_mut().saving_blocked = true;
    }

    /// Autosaves `json` now, in place of any autosave pending.
    pub fn save_now(&self, json: &str) {
        let blocked = {
            let mut inner = self.0.borrow_mut();
            inner.save = None;
            inner.saving_blocked
        };
        if !blocked {
            storage_set(STORAGE_KEY, json);
        }
    }

    fn write_pending(&self) {
        let (fragment, save) = {
            let mut inner = self.0.borrow_mut();
            (inner.fragment.take(), inner.save.take())
        };
        if let Some(fragment) = fragment {
            if fragment != self.shown() && write_fragment(&fragment, false) {
                self.0.borrow_mut().shown = fragment;
            }
        }
        if let Some(scenario) = save {
            self.save_now(&scenario.to_json());
        }
    }
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

/// The page paints the charts by class from its style sheet (never by inline
/// style: the page runs under `style-src 'self'`). A file has no style sheet,
/// so every shape of `original` painted by such a class gets its computed
/// colours written into `copy` (a deep clone, same shape) as presentation
/// attributes, which neither the page's policy nor an SVG viewer refuses.
fn paint_into_attributes(window: &web_sys::Window, original: &web_sys::Element, copy: &web_sys::Element) {
    let class = original.get_attribute("class").unwrap_or_default();
    let painted = ["chart-fill-", "chart-stroke-", "chart-tooltip-", "chart-halo"].iter().any(|c| class.contains(c));
    if painted {
        if let Ok(Some(style)) = window.get_computed_style(original) {
            let halo = class.split_whitespace().any(|c| c == "chart-halo");
            let names: &[&str] = if halo {
                &["fill", "stroke", "stroke-width", "paint-order", "stroke-linejoin"]
            } else {
                &["fill", "stroke"]
            };
            for name in names {
                if let Ok(value) = style.get_property_value(name) {
                    if !value.is_empty() {
                        let _ = copy.set_attribute(name, &value);
                    }
                }
            }
        }
    }
    let (mut from, mut to) = (original.first_element_child(), copy.first_element_child());
    while let (Some(a), Some(b)) = (from, to) {
        paint_into_attributes(window, &a, &b);
        from = a.next_element_sibling();
        to = b.next_element_sibling();
    }
}

/// A chart's `<svg>` as a standalone file: a copy without the tooltip and
/// the page's layout style, sized by its viewBox, in the page's font, with
/// the colours written in (see [`paint_into_attributes`] and
/// [`crate::ui::export::standalone_svg`]).
/// Returns the markup and its width and height in CSS pixels.
pub fn chart_svg(svg: &web_sys::Element) -> Option<(String, f64, f64)> {
    let window = web_sys::window()?;
    let font = window
        .get_computed_style(svg)
        .ok()
        .flatten()
        .and_then(|style| style.get_property_value("font-family").ok())
        .filter(|f| !f.is_empty())
        .unwrap_or_else(|| "system-ui, sans-serif".to_string());
    let copy: web_sys::Element = svg.clone_node_with_deep(true).ok()?.dyn_into().ok()?;
    paint_into_attributes(&window, svg, &copy);
    while let Ok(Some(tooltip)) = copy.query_selector(".chart-tooltip") {
        tooltip.remove();
    }
    let view_box = svg.get_attribute("viewBox").unwrap_or_default();
    // JavaScript's parseFloat, not `str::parse::<f64>`: Rust's float parser
    // brings a 10 KB table of powers of five into the download for this one line.
    let numbers: Vec<f64> =
        view_box.split([' ', ',']).map(|n| js_sys::parse_float(n.trim())).filter(|n| n.is_finite()).collect();
    let (width, height) = match numbers[..] {
        [_, _, w, h] if w > 0.0 && h > 0.0 => (w, h),
        _ => (f64::from(svg.client_width().max(1)), f64::from(svg.client_height().max(1))),
    };
    for name in ["style", "class", "width", "height", "preserveAspectRatio"] {
        let _ = copy.remove_attribute(name);
    }
    copy.set_attribute("width", &width.to_string()).ok()?;
    copy.set_attribute("height", &height.to_string()).ok()?;
    copy.set_attribute("font-family", &font).ok()?;
    let markup = web_sys::XmlSerializer::new().ok()?.serialize_to_string(&copy).ok()?;
    Some((crate::ui::export::standalone_svg(&markup), width, height))
}

fn svg_blob(markup: &str) -> Option<web_sys::Blob> {
    let parts = js_sys::Array::of1(&JsValue::from_str(markup));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("image/svg+xml");
    web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()
}

/// Offers a chart's `<svg>` as `file_name` (an SVG file); `false` when the browser refused.
pub fn download_chart_svg(svg: &web_sys::Element, file_name: &str) -> bool {
    chart_svg(svg).and_then(|(markup, _, _)| svg_blob(&markup)).is_some_and(|blob| download_blob(file_name, &blob))
}

/// Offers a chart's `<svg>` as `file_name` (a PNG file): drawn on a canvas
/// `scale` times its size, on white. Everything happens in the page: the SVG
/// is loaded from a blob URL, the PNG is the canvas's blob. `false` when it
/// could not even start; a later failure downloads nothing. The blob: image
/// is the one thing a strict Content Security Policy must allow for this
/// (`img-src 'self' blob:`): a browser decodes an SVG onto a canvas only
/// through an image element.
pub fn download_chart_png(svg: &web_sys::Element, file_name: &str, scale: f64) -> bool {
    fn go(svg: &web_sys::Element, file_name: &str, scale: f64) -> Option<()> {
        use wasm_bindgen::closure::Closure;
        let (markup, width, height) = chart_svg(svg)?;
        let document = web_sys::window()?.document()?;
        let url = web_sys::Url::create_object_url_with_blob(&svg_blob(&markup)?).ok()?;
        let image = web_sys::HtmlImageElement::new().ok()?;
        let canvas: web_sys::HtmlCanvasElement = document.create_element("canvas").ok()?.dyn_into().ok()?;
        let (w, h) = ((width * scale).ceil(), (height * scale).ceil());
        canvas.set_width(w as u32);
        canvas.set_height(h as u32);
        let file_name = file_name.to_string();
        let loaded = image.clone();
        let source = url.clone();
        let onload = Closure::once_into_js(move || {
            let _ = web_sys::Url::revoke_object_url(&source);
            let Some(context) = canvas
                .get_context("2d")
                .ok()
                .flatten()
                .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
            else {
                return;
            };
            context.set_fill_style_str("#ffffff");
            context.fill_rect(0.0, 0.0, w, h);
            if context.draw_image_with_html_image_element_and_dw_and_dh(&loaded, 0.0, 0.0, w, h).is_err() {
                return;
            }
            let done = Closure::once_into_js(move |blob: JsValue| {
                if let Ok(blob) = blob.dyn_into::<web_sys::Blob>() {
                    download_blob(&file_name, &blob);
                }
            });
            let _ = canvas.to_blob(done.unchecked_ref());
        });
        image.set_onload(Some(onload.unchecked_ref()));
        image.set_src(&url);
        Some(())
    }
    go(svg, file_name, scale).is_some()
}

/// Calls `changed(true)` when the page starts being printed and
/// `changed(false)` when it ends: `beforeprint`/`afterprint`, and the print
/// media query (print preview and emulated print media). Dropping the
/// returned listeners stops it.
pub fn on_print_change(changed: impl Fn(bool) + 'static) -> Vec<gloo::events::EventListener> {
    use gloo::events::EventListener;
    let Some(window) = web_sys::window() else { return Vec::new() };
    let changed = Rc::new(changed);
    let mut listeners = Vec::new();
    for (event, printing) in [("beforeprint", true), ("afterprint", false)] {
        let changed = changed.clone();
        listeners.push(EventListener::new(&window, event, move |_| changed(printing)));
    }
    if let Ok(Some(query)) = window.match_media("print") {
        let watched = query.clone();
        listeners.push(EventListener::new(&query, "change", move |_| changed(watched.matches())));
    }
    listeners
}

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

// ---------------------------------------------------------------- Presentation mode: full screen

/// Asks the browser to show the page in full screen. Only works from a
/// click's user gesture; a refusal (no gesture, a frame that does not allow
/// it, a browser without the Fullscreen API) is ignored: the presentation
/// works in a window too.
pub fn request_fullscreen() {
    if let Some(root) = gloo::utils::document().document_element() {
        call_quietly(&root, "requestFullscreen");
    }
}

/// Leaves full screen, when the page is in it.
pub fn exit_fullscreen() {
    if is_fullscreen() {
        call_quietly(&gloo::utils::document(), "exitFullscreen");
    }
}

/// Whether an element of the page is shown in full screen.
pub fn is_fullscreen() -> bool {
    js_sys::Reflect::get(&gloo::utils::document(), &JsValue::from_str("fullscreenElement"))
        .is_ok_and(|e| !e.is_null() && !e.is_undefined())
}

/// Calls `target.method()` if it exists; a promise it returns is awaited and
/// its refusal dropped (never an unhandled rejection).
fn call_quietly(target: &JsValue, method: &str) {
    let Ok(function) = js_sys::Reflect::get(target, &JsValue::from_str(method)) else { return };
    let Ok(function) = function.dyn_into::<js_sys::Function>() else { return };
    if let Ok(result) = function.call0(target) {
        if let Ok(promise) = result.dyn_into::<js_sys::Promise>() {
            wasm_bindgen_futures::spawn_local(async move {
                let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
            });
        }
    }
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

/// Calls `then` in a task queued from the next animation frame, that is once
/// the browser has painted that frame. Dropping the result cancels it.
pub fn after_next_paint(then: impl FnOnce() + 'static) -> Option<AfterPaint> {
    let cancelled = Rc::new(std::cell::Cell::new(false));
    let alive = cancelled.clone();
    let frame = wasm_bindgen::closure::Closure::once_into_js(move || {
        if !alive.get() {
            Timeout::new(0, move || {
                if !alive.get() {
                    then();
                }
            })
            .forget();
        }
    });
    web_sys::window()?.request_animation_frame(frame.unchecked_ref()).ok()?;
    Some(AfterPaint(cancelled))
}

/// A pending [`after_next_paint`]; dropping it cancels the call.
pub struct AfterPaint(Rc<std::cell::Cell<bool>>);

impl Drop for AfterPaint {
    fn drop(&mut self) {
        self.0.set(true);
    }
}

/// Calls `then` once, after the next paint ([`after_next_paint`]) or after
/// `wait_ms` where no frame comes first (a hidden tab, a browser busy
/// drawing), whichever is first. Dropping the result cancels it.
pub fn after_paint_or_wait<F: FnOnce() + 'static>(wait_ms: u32, then: F) -> AfterPaintOrWait {
    let slot = Rc::new(std::cell::Cell::new(Some(then)));
    let run = |slot: Rc<std::cell::Cell<Option<F>>>| {
        move || {
            if let Some(then) = slot.take() {
                then();
            }
        }
    };
    AfterPaintOrWait { _frame: after_next_paint(run(slot.clone())), _wait: Timeout::new(wait_ms, run(slot)) }
}

/// A pending [`after_paint_or_wait`]; dropping it cancels the call.
pub struct AfterPaintOrWait {
    _frame: Option<AfterPaint>,
    _wait: Timeout,
}
