//! The frame every chart is drawn in: a responsive `<svg>` with its
//! accessible name, laid out for the width it is actually shown at.
//!
//! The SVG scales with `viewBox` and `width="100%"`. One fixed viewBox cannot
//! keep text readable from a 390 px phone to a chart in a 580 px grid cell
//! to a full-width projector, so each chart measures the width of its `<svg>`
//! (after every render and on window resize) and lays itself out for that
//! width in viewBox units: one unit is one CSS pixel up to [`MAX_WIDTH`], and
//! text keeps its size in pixels. Wider than that, the whole drawing grows,
//! text included (a projector). Below [`COMPACT_BELOW`] the layout is compact
//! (fewer ticks, smaller margins).

use std::cell::Cell;

use yew::prelude::*;

pub use super::layout::{Canvas, COMPACT_BELOW, MAX_WIDTH, MIN_WIDTH};
use crate::markup::px;

/// A chart whose height is more than this many times its width is "tall".
pub use crate::charts::svg::TALL_RATIO;

/// The frame of one chart instance: its ids, the canvas it is laid out on, its `<svg>`.
#[derive(Debug, Clone, PartialEq)]
pub struct Frame {
    /// Unique prefix of this instance's element ids (title, desc, patterns).
    pub prefix: String,
    /// The width it is laid out for, and the text sizes that go with it.
    canvas: Canvas,
    /// The `<svg>` element, measured to choose the width.
    pub node: NodeRef,
    /// Whether the chart's contents are drawn: false in a chart's first
    /// render, before its width is known (see [`use_frame`]).
    drawn: bool,
}

impl Frame {
    /// A layout `width` units wide (clamped to [`MIN_WIDTH`]..=[`MAX_WIDTH`]).
    pub fn new(prefix: &str, width: f64) -> Frame {
        Frame { prefix: prefix.to_string(), canvas: Canvas::new(width), node: NodeRef::default(), drawn: true }
    }

    /// The wide layout (800 units).
    pub fn wide(prefix: &str) -> Frame {
        Frame::new(prefix, 800.0)
    }

    /// The compact layout (400 units).
    pub fn compact(prefix: &str) -> Frame {
        Frame::new(prefix, 400.0)
    }

    /// Whether the chart's contents are drawn (false until its width is known).
    pub fn is_drawn(&self) -> bool {
        self.drawn
    }

    /// The `<svg>` of a chart not drawn yet: measured, then drawn.
    pub fn empty(&self, kind: &'static str) -> Html {
        self.svg(kind, 40.0, "", "", Html::default())
    }

    /// The canvas the chart is laid out on.
    pub fn canvas(&self) -> Canvas {
        self.canvas
    }

    /// Width of the viewBox.
    pub fn width(&self) -> f64 {
        self.canvas.width()
    }

    /// The phone layout.
    pub fn is_compact(&self) -> bool {
        self.canvas.compact()
    }

    /// Id of the `<title>`.
    pub fn title_id(&self) -> String {
        format!("{}-title", self.prefix)
    }

    /// Id of the `<desc>`.
    pub fn desc_id(&self) -> String {
        format!("{}-desc", self.prefix)
    }

    /// The `<svg>` element: `role="img"`, named by its `<title>` (`aria-labelledby`)
    /// and described by its `<desc>` (`aria-describedby`: the name stays short),
    /// `data-chart` for tests, scaled by its viewBox.
    pub fn svg(&self, kind: &'static str, height: f64, title: &str, desc: &str, children: Html) -> Html {
        let height = if height.is_finite() { height.max(40.0) } else { 40.0 };
        let view_box = format!("0 0 {} {}", px(self.width()), px(height));
        // A chart much taller than wide (many actors) is not held to the
        // screen's height: scaled down to it, its labels would be too small
        // to read, so it is shown at full size and the page scrolls.
        let tall = height > TALL_RATIO * self.width();
        let class = classes!("chart", self.is_compact().then_some("chart-compact"), tall.then_some("chart-tall"));
        html! {
            <svg
                ref={self.node.clone()}
                class={class}
                data-chart={kind}
                role="img"
                aria-labelledby={self.title_id()}
                aria-describedby={self.desc_id()}
                viewBox={view_box}
                width="100%"
                preserveAspectRatio="xMidYMid meet"
                font-size={px(self.canvas.font())}
                fill="currentColor"
            >
                <title id={self.title_id()}>{ title.to_string() }</title>
                <desc id={self.desc_id()}>{ desc.to_string() }</desc>
                { children }
            </svg>
        }
    }
}

thread_local! {
    static NEXT_ID: Cell<u32> = const { Cell::new(0) };
}

/// A fresh id prefix for a chart instance: `fundsim-fund-3`.
pub fn next_prefix(kind: &str) -> String {
    let n = NEXT_ID.with(|c| {
        let n = c.get();
        c.set(n.wrapping_add(1));
        n
    });
    format!("fundsim-{kind}-{n}")
}

/// The layout width before the chart could be measured: a guess from the window.
pub fn initial_width() -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()
            .and_then(|w| w.inner_width().ok())
            .and_then(|v| v.as_f64())
            .map(|w| if w < 700.0 { w - 24.0 } else { 800.0 })
            .unwrap_or(800.0)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        800.0
    }
}

/// A measured width as a layout width: steps of 10 px (so that a pixel here
/// or there does not redraw), within the layout's limits; `None` when hidden.
pub fn layout_width(measured_px: f64) -> Option<f64> {
    if measured_px.is_finite() && measured_px >= 1.0 {
        Some(((measured_px / 10.0).floor() * 10.0).clamp(MIN_WIDTH, MAX_WIDTH))
    } else {
        None
    }
}

/// Watches the chart's `<svg>` with a `ResizeObserver`: after the one
/// measurement when the chart appears ([`measure_now`]), the width is read
/// when the browser lays the page out anyway, never by forcing a layout in
/// the middle of a redraw (reading `clientWidth` after every render cost a
/// forced reflow per chart and edit).
#[cfg(target_arch = "wasm32")]
struct Watch {
    element: web_sys::Element,
    observer: web_sys::ResizeObserver,
    _on_resize: wasm_bindgen::closure::Closure<dyn FnMut(js_sys::Array)>,
}

#[cfg(target_arch = "wasm32")]
impl Drop for Watch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// The layout width of a chart's `<svg>` (or, while it has none, its
/// parent's), read now; `None` while hidden.
#[cfg(target_arch = "wasm32")]
fn measure_now(svg: &web_sys::Element) -> Option<f64> {
    let mut px = f64::from(svg.client_width());
    if px < 1.0 {
        px = svg.parent_element().map(|p| f64::from(p.client_width())).unwrap_or(0.0);
    }
    layout_width(px)
}

#[cfg(target_arch = "wasm32")]
fn watch(element: web_sys::Element, width: UseStateHandle<f64>, measured: UseStateHandle<bool>) -> Option<Watch> {
    use wasm_bindgen::JsCast;
    let on_resize = wasm_bindgen::closure::Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        // The last entry is the newest size.
        let size = entries
            .iter()
            .rev()
            .find_map(|entry| entry.dyn_into::<web_sys::ResizeObserverEntry>().ok())
            .map(|entry| entry.content_rect().width());
        // A hidden chart (0 px) keeps its layout.
        if let Some(w) = size.and_then(layout_width) {
            width.set(w);
            measured.set(true);
        }
    });
    let observer = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok()?;
    observer.observe(&element);
    Some(Watch { element, observer, _on_resize: on_resize })
}

/// The frame of a chart instance: a stable id prefix, and a layout for the
/// width the chart is shown at (followed with a `ResizeObserver`).
#[hook]
pub fn use_frame(kind: &'static str) -> Frame {
    let prefix = use_state(|| next_prefix(kind));
    let node = use_node_ref();
    let width = use_state_eq(initial_width);
    // The contents wait for the first measurement (right after the first,
    // empty render): drawing them at a guessed width and again at the
    // measured one doubled the first render of a large scenario. A hidden
    // chart is drawn once it is shown; natively, at once.
    let measured = use_state_eq(|| !cfg!(target_arch = "wasm32"));
    {
        #[cfg(target_arch = "wasm32")]
        let watching = use_mut_ref(|| None::<Watch>);
        let (node, width, measured) = (node.clone(), width.clone(), measured.clone());
        use_effect(move || {
            // Watches the chart's current <svg> (a new one replaces the old watch).
            #[cfg(target_arch = "wasm32")]
            {
                let element = node.cast::<web_sys::Element>();
                let current = watching.borrow().as_ref().map(|w| w.element.clone());
                if element != current {
                    // A new <svg> is measured once at once (one layout, of the
                    // chart still empty), then followed by the observer.
                    if let Some(w) = element.as_ref().and_then(measure_now) {
                        width.set(w);
                        measured.set(true);
                    }
                    let next = element.and_then(|e| watch(e, width, measured.clone()));
                    if next.is_none() {
                        // No ResizeObserver: draw at the guessed width.
                        measured.set(true);
                    }
                    *watching.borrow_mut() = next;
                }
            }
            #[cfg(not(target_arch = "wasm32"))]
            let _ = (node, width, measured);
        });
    }
    let mut frame = Frame::new(&prefix, *width);
    frame.node = node;
    frame.drawn = *measured;
    frame
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layouts_follow_the_measured_width() {
        // 583.7 px → 580 units (steps of 10), not compact; 390 → 390, compact.
        assert_eq!(layout_width(583.7), Some(580.0));
        assert!(!Frame::new("t", 580.0).is_compact());
        assert!(Frame::new("t", 390.0).is_compact());
        // A hidden chart (0 px) keeps its layout; extremes are clamped.
        assert_eq!(layout_width(0.0), None);
        assert_eq!(layout_width(f64::NAN), None);
        assert_eq!(layout_width(100.0), Some(MIN_WIDTH));
        assert_eq!(layout_width(1900.0), Some(MAX_WIDTH));
    }
}
