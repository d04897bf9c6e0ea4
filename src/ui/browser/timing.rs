//! Time and paint timing: a timestamp, and work queued after the next paint.

use std::rc::Rc;

use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;

/// Milliseconds since 1970: the stamp of a value moved aside.
pub fn now_ms() -> u64 {
    let now = js_sys::Date::now();
    if now.is_finite() && now > 0.0 {
        now as u64
    } else {
        0
    }
}

/// Calls `then` in a task queued from the next animation frame, that is once
/// the browser has painted that frame. Dropping the result cancels it.
pub fn after_next_paint(then: impl FnOnce() + 'static) -> Option<AfterPaint> {
    next_paint(Box::new(then))
}

/// [`after_next_paint`] written once for every caller: its JavaScript
/// closures, made once per type of `then`, are not repeated in the download.
fn next_paint(then: Box<dyn FnOnce()>) -> Option<AfterPaint> {
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
pub fn after_paint_or_wait(wait_ms: u32, then: impl FnOnce() + 'static) -> AfterPaintOrWait {
    paint_or_wait(wait_ms, Box::new(then))
}

/// What to call after a paint.
type Then = Box<dyn FnOnce()>;

/// [`after_paint_or_wait`] written once for every caller (see [`next_paint`]).
fn paint_or_wait(wait_ms: u32, then: Then) -> AfterPaintOrWait {
    let slot = Rc::new(std::cell::Cell::new(Some(then)));
    let run = |slot: Rc<std::cell::Cell<Option<Then>>>| {
        move || {
            if let Some(then) = slot.take() {
                then();
            }
        }
    };
    AfterPaintOrWait { _frame: next_paint(Box::new(run(slot.clone()))), _wait: Timeout::new(wait_ms, run(slot)) }
}

/// A pending [`after_paint_or_wait`]; dropping it cancels the call.
pub struct AfterPaintOrWait {
    _frame: Option<AfterPaint>,
    _wait: Timeout,
}
