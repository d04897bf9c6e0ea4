//! Values on hover and on keyboard focus.
//!
//! Every bar, point or node is a focusable group (`tabindex="0"`) with an
//! `aria-label` and a `<title>` holding its value. Focusing or hovering it
//! shows a tooltip drawn in the SVG itself (so it scales with the chart);
//! Escape hides it (WCAG 1.4.13), as do blur and leaving with the mouse.
//! The arrow keys move the focus to the next or previous item of the chart.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::draw::px;
use super::layout::tip::TipBox;
use super::layout::{Item, Rect};

/// Which item shows its tooltip, and how to change that.
#[derive(Clone, PartialEq)]
pub struct Focus {
    /// The index of the focused or hovered item.
    pub current: Option<usize>,
    /// Sets the focused item (`None` to hide the tooltip).
    pub set: Callback<Option<usize>>,
}

impl Focus {
    /// No item focused, and nothing listening (for drawing outside a component).
    pub fn none() -> Focus {
        Focus { current: None, set: Callback::noop() }
    }

    /// Item `i` focused (for drawing a tooltip outside a component, in tests).
    pub fn at(i: usize) -> Focus {
        Focus { current: Some(i), set: Callback::noop() }
    }

    pub fn is(&self, i: usize) -> bool {
        self.current == Some(i)
    }
}

/// The focus state of a chart component.
#[hook]
pub fn use_focus() -> Focus {
    let state = use_state_eq(|| None::<usize>);
    let set = {
        let state = state.clone();
        Callback::from(move |i: Option<usize>| state.set(i))
    };
    Focus { current: *state, set }
}

/// A focusable, hoverable group for item `i` of a chart (its label, what
/// identifies it to tests and to the page, and the area that catches the
/// pointer, marked while focused), around its `shapes`.
pub fn item<S>(focus: &Focus, i: usize, class: &'static str, item: &Item<S>, shapes: Html) -> Html {
    explained_item(focus, i, class, item, shapes, None)
}

/// [`item`] that opens "How is this calculated?" for the figure `explain`
/// names (Enter, Space or a click; see `components::explain`).
pub fn explained_item<S>(
    focus: &Focus,
    i: usize,
    class: &'static str,
    item: &Item<S>,
    shapes: Html,
    explain: Option<String>,
) -> Html {
    let Item { label, year, actor, negative, hit, .. } = item;
    group(focus, i, class, label, *year, actor.as_deref(), *negative, hit, shapes, explain)
}

#[allow(clippy::too_many_arguments)]
fn group(
    focus: &Focus,
    i: usize,
    class: &'static str,
    label: &str,
    year: Option<i32>,
    actor: Option<&str>,
    negative: bool,
    hit: &Rect,
    shapes: Html,
    explain: Option<String>,
) -> Html {
    let set = focus.set.clone();
    let onfocus = {
        let set = set.clone();
        Callback::from(move |_: FocusEvent| set.emit(Some(i)))
    };
    let onblur = {
        let set = set.clone();
        Callback::from(move |_: FocusEvent| set.emit(None))
    };
    let onmouseenter = {
        let set = set.clone();
        Callback::from(move |_: MouseEvent| set.emit(Some(i)))
    };
    let onmouseleave = {
        let set = set.clone();
        Callback::from(move |_: MouseEvent| set.emit(None))
    };
    let onkeydown = Callback::from(move |e: KeyboardEvent| {
        let key = e.key();
        let forward = matches!(key.as_str(), "ArrowRight" | "ArrowDown");
        if key == "Escape" {
            set.emit(None);
        } else if (forward || matches!(key.as_str(), "ArrowLeft" | "ArrowUp")) && step_focus(&e, forward) {
            e.prevent_default();
        }
    });
    let focused = focus.is(i);
    let class = if focused { classes!(class, "chart-item", "is-focused") } else { classes!(class, "chart-item") };
    html! {
        <g
            class={class}
            tabindex="0"
            role="graphics-symbol"
            aria-label={label.to_string()}
            data-year={year.map(|y| y.to_string())}
            data-actor={actor.map(str::to_string)}
            data-negative={negative.then_some("true")}
            data-explain={explain}
            {onfocus}
            {onblur}
            {onmouseenter}
            {onmouseleave}
            {onkeydown}
        >
            <title>{ label.to_string() }</title>
            <rect class="chart-hit" x={px(hit.x)} y={px(hit.y)} width={px(hit.width)} height={px(hit.height)}
                  fill="currentColor" fill-opacity={if focused { "0.08" } else { "0" }}
                  stroke={if focused { "currentColor" } else { "none" }} stroke-dasharray="3 2" />
            { shapes }
        </g>
    }
}

/// Moves the keyboard focus from the item that got `e` to the next (or
/// previous) item of the same chart, so arrow keys walk along the bars.
/// Returns whether there was one to move to.
fn step_focus(e: &KeyboardEvent, forward: bool) -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        let Some(mut el) = e.target_dyn_into::<web_sys::Element>() else { return false };
        loop {
            let next = if forward { el.next_element_sibling() } else { el.previous_element_sibling() };
            let Some(next) = next else { return false };
            if next.get_attribute("class").is_some_and(|c| c.split_whitespace().any(|c| c == "chart-item")) {
                // SVG elements have focus(), but web-sys binds it per element type: call it by name.
                let focus = js_sys::Reflect::get(&next, &"focus".into()).ok();
                if let Some(f) = focus.and_then(|f| f.dyn_into::<js_sys::Function>().ok()) {
                    return f.call0(&next).is_ok();
                }
                return false;
            }
            el = next;
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (e, forward);
        false
    }
}

/// The tooltip of the focused item, drawn last so it lies on top. Hidden
/// from assistive technology: the focused item's `aria-label` says the same.
pub fn tooltip<S>(focus: &Focus, items: &[Item<S>]) -> Html {
    let Some(tip) = focus.current.and_then(|i| items.get(i)).and_then(|item| item.tip.as_ref()) else {
        return html! {};
    };
    tip_box(tip)
}

fn tip_box(tip: &TipBox) -> Html {
    let Rect { x, y, width, height } = tip.rect;
    let lines = tip.lines.iter().map(|line| {
        let weight = if line.bold { "700" } else { "400" };
        html! {
            <text class="chart-tooltip-text" x={px(line.x)} y={px(line.y)} font-weight={weight}>{ line.text.clone() }</text>
        }
    });
    html! {
        <g class="chart-tooltip" aria-hidden="true" pointer-events="none" font-size={px(tip.font)}>
            <rect class="chart-tooltip-box" x={px(x)} y={px(y)} width={px(width)} height={px(height)} rx="4" stroke-width="1" />
            { for lines }
        </g>
    }
}
