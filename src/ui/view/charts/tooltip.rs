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

use super::axis::{px, text_width};
use super::frame::Frame;

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

/// What identifies an item to tests and to the page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ItemData {
    pub year: Option<i32>,
    pub actor: Option<String>,
    /// `data-negative="true"`: a negative value that the chart marks.
    pub negative: bool,
}

/// A focusable, hoverable group around the shapes of item `i`, labelled `label`.
pub fn item(focus: &Focus, i: usize, class: &'static str, data: ItemData, label: &str, children: Html) -> Html {
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
    let class = if focus.is(i) { classes!(class, "chart-item", "is-focused") } else { classes!(class, "chart-item") };
    html! {
        <g
            class={class}
            tabindex="0"
            role="graphics-symbol"
            aria-label={label.to_string()}
            data-year={data.year.map(|y| y.to_string())}
            data-actor={data.actor.clone()}
            data-negative={data.negative.then_some("true")}
            {onfocus}
            {onblur}
            {onmouseenter}
            {onmouseleave}
            {onkeydown}
        >
            <title>{ label.to_string() }</title>
            { children }
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

/// A tooltip's content and the point it belongs to.
#[derive(Debug, Clone, PartialEq)]
pub struct Tip {
    /// The point it points at.
    pub x: f64,
    pub y: f64,
    /// First line bold (the year or the actor), then one line per value.
    pub lines: Vec<String>,
    /// Half the width of the item: when positive, the box goes beside the item
    /// (right, else left), its top level with `y`, so that it hides no part of it.
    pub dodge: f64,
}

/// Size of a tooltip box for `lines` at `font`: (width, height).
pub fn tip_size(lines: &[String], font: f64) -> (f64, f64) {
    let w = lines.iter().map(|l| text_width(l, font)).fold(0.0, f64::max) + 16.0;
    let h = lines.len() as f64 * font * 1.3 + 10.0;
    (w, h)
}

/// Where a tooltip box goes: beside the item when it has a width to dodge,
/// else above the point if it fits, else below; always inside the chart.
pub fn tip_origin(tip: &Tip, size: (f64, f64), chart: (f64, f64)) -> (f64, f64) {
    let (w, h) = size;
    if tip.dodge > 0.0 {
        let y = tip.y.min(chart.1 - h - 2.0).max(2.0);
        let right = tip.x + tip.dodge + 6.0;
        let left = tip.x - tip.dodge - 6.0 - w;
        if right + w <= chart.0 - 2.0 {
            return (right, y);
        }
        if left >= 2.0 {
            return (left, y);
        }
    }
    let x = (tip.x - w / 2.0).min(chart.0 - w - 2.0).max(2.0);
    let above = tip.y - h - 10.0;
    let y = if above >= 2.0 { above } else { (tip.y + 10.0).min(chart.1 - h - 2.0).max(2.0) };
    (x, y)
}

/// The tooltip, drawn last so it lies on top. Hidden from assistive
/// technology: the focused item's `aria-label` says the same.
pub fn tooltip(frame: &Frame, tip: Option<Tip>, chart_height: f64) -> Html {
    let Some(tip) = tip else { return html! {} };
    if tip.lines.is_empty() {
        return html! {};
    }
    let font = frame.small();
    let size = tip_size(&tip.lines, font);
    let (x, y) = tip_origin(&tip, size, (frame.width(), chart_height));
    let lines = tip.lines.iter().enumerate().map(|(n, line)| {
        let weight = if n == 0 { "700" } else { "400" };
        html! {
            <text class="chart-tooltip-text" x={px(x + 8.0)} y={px(y + 5.0 + font * (1.3 * n as f64 + 1.0))} font-weight={weight}>{ line.clone() }</text>
        }
    });
    html! {
        <g class="chart-tooltip" aria-hidden="true" pointer-events="none" font-size={px(font)}>
            <rect class="chart-tooltip-box" x={px(x)} y={px(y)} width={px(size.0)} height={px(size.1)} rx="4" stroke-width="1" />
            { for lines }
        </g>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tooltips_stay_inside_the_chart() {
        let lines = vec!["2031".to_string(), "Saldo: −1 000 tkr".to_string()];
        // Two lines at 13: height 2 × 13 × 1.3 + 10 = 43.8.
        let size = tip_size(&lines, 13.0);
        assert!((size.1 - 43.8).abs() < 1e-9);
        // Near the top: no room above (20 − 43.8 − 10 < 2), so below at 20 + 10 = 30.
        let (_, y) = tip_origin(&Tip { x: 10.0, y: 20.0, lines: lines.clone(), dodge: 0.0 }, size, (400.0, 300.0));
        assert_eq!(y, 30.0);
        // Near the right edge: pushed left so that x + w ≤ 400 − 2.
        let (x, _) = tip_origin(&Tip { x: 399.0, y: 200.0, lines: lines.clone(), dodge: 0.0 }, size, (400.0, 300.0));
        assert!((x + size.0 - 398.0).abs() < 1e-9);
        // Beside a bar 20 wide at x = 100: right of it, at 100 + 10 + 6 = 116, top level with y.
        let (x, y) = tip_origin(&Tip { x: 100.0, y: 50.0, lines: lines.clone(), dodge: 10.0 }, size, (400.0, 300.0));
        assert_eq!((x, y), (116.0, 50.0));
        // A bar at the right edge: the box goes to its left, ending at 390 − 10 − 6 = 374.
        let (x, _) = tip_origin(&Tip { x: 390.0, y: 50.0, lines, dodge: 10.0 }, size, (400.0, 300.0));
        assert!((x + size.0 - 374.0).abs() < 1e-9);
    }
}
