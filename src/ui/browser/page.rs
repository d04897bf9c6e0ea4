//! The page and its history: the address's fragment, `PageSync` (the
//! address and the autosave kept in step with the scenario), full screen for
//! presentation mode, and printing.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use gloo::timers::callback::Timeout;
use wasm_bindgen::{JsCast, JsValue};

use super::storage::{storage_remove, storage_set};
use crate::ui::state::keep::STORAGE_KEY;
use crate::ui::state::opening::{KEPT_KEY, PAGE_KEY};

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
    /// Set while the page is hidden or being left: writes are not put off.
    leaving: bool,
    /// Told each autosave's outcome when it differs from the last one's.
    on_saved: Option<Rc<dyn Fn(bool)>>,
    /// Whether the last autosave failed.
    failed: bool,
    /// The scenario kept aside that is offered back.
    offered: Option<Rc<crate::model::Scenario>>,
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
        if inner.leaving {
            // No pause while the page is left: an edit taken on `pagehide` is written now.
            drop(inner);
            return self.flush();
        }
        // Replacing the timer cancels the previous one.
        inner.timer = Some(Timeout::new(DEBOUNCE_MS, move || {
            if let Some(inner) = weak.upgrade() {
                PageSync(inner).write_pending();
            }
        }));
    }

    /// The page is being hidden or left (`true`): what is pending is
    /// autosaved now, and edits from now on without the pause; the address
    /// is not written (a reload has taken it already), until the page is
    /// shown again (`false`).
    pub fn leaving(&self, leaving: bool) {
        self.0.borrow_mut().leaving = leaving;
        self.flush();
    }

    /// The scenario kept aside ([`KEPT_KEY`]) offered back on opening.
    pub fn offer(&self, offered: Option<Rc<crate::model::Scenario>>) {
        self.0.borrow_mut().offered = offered;
    }

    /// The offer was taken: opened (`true`; its kept copy is removed once the
    /// autosave holds it) or discarded (removed).
    pub fn offer_taken(&self, opened: bool) {
        let offered = self.0.borrow_mut().offered.take();
        if let Some(scenario) = offered {
            if !opened || self.save_now(&scenario.to_json(), false) {
                storage_remove(KEPT_KEY);
            }
        }
    }

    /// `saved(ok)` hears each autosave's outcome that differs from the last
    /// one's (`failed`: whether saving fails now).
    pub fn on_saved(&self, failed: bool, saved: impl Fn(bool) + 'static) {
        let mut inner = self.0.borrow_mut();
        inner.on_saved = Some(Rc::new(saved));
        inner.failed = failed;
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

    /// Autosaves `json` now, in place of any autosave pending; `false` when
    /// it was not written (blocked, or storage is full or off). `edit`: an
    /// edit of the scenario the address shows (else a new scenario, whose
    /// address is written later).
    pub fn save_now(&self, json: &str, edit: bool) -> bool {
        let (blocked, page) = {
            let mut inner = self.0.borrow_mut();
            inner.save = None;
            (inner.saving_blocked, if edit { inner.shown.clone() } else { String::new() })
        };
        // The scenario, then the address it was written under (see
        // `opening::PAGE_KEY`): never an address over an older scenario.
        let ok = !blocked && storage_set(STORAGE_KEY, json);
        if ok && !storage_set(PAGE_KEY, &page) {
            storage_remove(PAGE_KEY);
        }
        let report = {
            let mut inner = self.0.borrow_mut();
            let changed = inner.failed == ok;
            inner.failed = !ok;
            inner.on_saved.clone().filter(|_| changed)
        };
        if let Some(report) = report {
            report(ok);
        }
        ok
    }

    fn write_pending(&self) {
        let (fragment, save) = {
            let mut inner = self.0.borrow_mut();
            // Left as it is while leaving: the autosave is written under the address a reload opens.
            let fragment = if inner.leaving { None } else { inner.fragment.take() };
            (fragment, inner.save.take())
        };
        if let Some(fragment) = fragment {
            if fragment != self.shown() && write_fragment(&fragment, false) {
                self.0.borrow_mut().shown = fragment;
            }
        }
        if let Some(scenario) = save {
            self.save_now(&scenario.to_json(), true);
        }
    }
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
