//! "How is this calculated?" in place: [`Explainable`] wraps a part of the
//! page (the key figures, a chart, the year tables) and opens the
//! explanation of any element inside it that carries `data-explain` (a key
//! figure's button, a chart's item, a table cell), clicked or, with the
//! keyboard, Enter or Space. The explanation is written by the on-demand
//! module (`explainFigure`, loaded on the first ask) and shown in a panel
//! that takes the focus; Escape or its close button shuts it and gives the
//! focus back to what opened it. Table cells are stepped with the arrow keys
//! (the table's region leads into them), so that each cell does not cost a
//! Tab stop.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::explain::term::Term;
use crate::model::Scenario;
use crate::ui::browser::analysis;
use crate::ui::view::components::print_report::use_on_demand;
use crate::ui::view::markup::raw_html;
use crate::ui::view::Prefs;
use crate::words::Lang;

/// The button's words (the rest of the explanation's words are in the on-demand module).
pub fn how(lang: Lang) -> &'static str {
    lang.pick("Hur räknas detta?", "How is this calculated?")
}

/// A key figure's button, as markup: `key` is the figure's key (`org_npv::`);
/// with, for the figures that name a term, the term's button.
pub fn explain_button(m: &mut crate::markup::Markup, key: &str, lang: Lang) {
    m.open("button").attr("type", "button").attr("class", "explain-btn").attr("data-explain", key).end();
    m.text(how(lang)).shut("button");
    let term = match key {
        "total_cost::" => Term::Fund,
        "savings_inside::" | "savings_outside::" => Term::InsideOutside,
        "org_npv::" | "society_npv::" => Term::PresentValue,
        "revolving_ratio::" => Term::Repayment,
        _ => return,
    };
    m.open("button").attr("type", "button").attr("class", "term-btn").attr("data-explain", term.key());
    m.attr("aria-label", glossary_of(lang)).end().text("?").shut("button");
}

fn glossary_of(lang: Lang) -> &'static str {
    lang.pick("Ordlista: vad betyder ordet?", "Glossary: what does the term mean?")
}

/// A term's button beside the label it explains (in an [`Explainable`]).
pub fn term_button(term: Term, label: &str, lang: Lang) -> Html {
    let name = format!("{}: {label}", lang.pick("Ordlista", "Glossary"));
    html! {
        <button type="button" class="term-btn" data-explain={term.key()} aria-label={name}>{ "?" }</button>
    }
}

#[derive(Properties, PartialEq)]
pub struct ExplainableProps {
    pub scenario: Rc<Scenario>,
    #[prop_or_default]
    pub children: Html,
}

/// Calls the element's `focus()` (SVG and table cells as well as buttons).
fn focus(el: &web_sys::Element) -> bool {
    let f = js_sys::Reflect::get(el, &"focus".into()).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    f.is_some_and(|f| f.call0(el).is_ok())
}

/// The position of `el` among its parent's element children.
fn index_of(el: &web_sys::Element) -> usize {
    let mut n = 0;
    let mut at = el.previous_element_sibling();
    while let Some(e) = at {
        n += 1;
        at = e.previous_element_sibling();
    }
    n
}

/// The cell the arrow `key` leads to from cell `el` of a year table.
fn neighbour(el: &web_sys::Element, key: &str) -> Option<web_sys::Element> {
    match key {
        "ArrowRight" => el.next_element_sibling(),
        "ArrowLeft" => el.previous_element_sibling(),
        "ArrowDown" | "ArrowUp" => {
            let row = el.parent_element()?;
            let row = if key == "ArrowDown" { row.next_element_sibling() } else { row.previous_element_sibling() }?;
            let mut cell = row.first_element_child();
            for _ in 0..index_of(el) {
                cell = cell?.next_element_sibling();
            }
            cell
        }
        _ => None,
    }
    .filter(|c| c.has_attribute("data-explain"))
}

#[component(Explainable)]
pub fn explainable(props: &ExplainableProps) -> Html {
    let prefs = use_context::<Prefs>().unwrap_or_default();
    let (lang, unit) = (prefs.lang, prefs.unit);
    // The key of the figure explained, and the element that opened it.
    let open = use_state_eq(|| None::<String>);
    let opener = use_mut_ref(|| None::<web_sys::Element>);
    let panel = use_node_ref();
    let ready = use_on_demand(open.is_some(), NodeRef::default()) == Some(true);
    let show = {
        let (open, opener) = (open.clone(), opener.clone());
        move |el: web_sys::Element| {
            open.set(el.get_attribute("data-explain"));
            *opener.borrow_mut() = Some(el);
        }
    };
    let close = {
        let (open, opener) = (open.clone(), opener.clone());
        Callback::from(move |_: ()| {
            open.set(None);
            if let Some(el) = opener.borrow().as_ref() {
                focus(el);
            }
        })
    };
    let onclick = {
        let show = show.clone();
        Callback::from(move |e: MouseEvent| {
            let el = e.target_dyn_into::<web_sys::Element>().and_then(|t| t.closest("[data-explain]").ok().flatten());
            if let Some(el) = el {
                show(el);
            }
        })
    };
    let onkeydown = Callback::from(move |e: KeyboardEvent| {
        let Some(el) = e.target_dyn_into::<web_sys::Element>() else { return };
        let key = e.key();
        let cell = el.tag_name() == "TD" && el.has_attribute("data-explain");
        let to = if cell {
            if matches!(key.as_str(), "Enter" | " ") {
                e.prevent_default();
                show(el);
                return;
            }
            neighbour(&el, &key)
        } else if el.get_attribute("class").is_some_and(|c| c.contains("table-scroll"))
            && matches!(key.as_str(), "Enter" | "ArrowDown")
        {
            el.query_selector("td[data-explain]").ok().flatten()
        } else if el.tag_name() == "g" && el.has_attribute("data-explain") && matches!(key.as_str(), "Enter" | " ") {
            e.prevent_default();
            show(el);
            return;
        } else {
            None
        };
        if let Some(to) = to {
            e.prevent_default();
            focus(&to);
        }
    });
    let markup =
        use_memo((props.scenario.clone(), (*open).clone(), lang, unit, ready), |(s, key, lang, unit, ready)| {
            let key = key.as_ref().filter(|_| *ready)?;
            analysis::explain_figure(&s.to_json(), *lang, *unit, key)
        });
    {
        // The panel takes the focus when it opens and when its text arrives.
        let panel = panel.clone();
        use_effect_with(((*open).clone(), markup.is_some()), move |(key, _)| {
            if key.is_some() {
                if let Some(el) = panel.cast::<web_sys::Element>() {
                    focus(&el);
                }
            }
        });
    }
    let on_panel_key = {
        let close = close.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.stop_propagation();
                close.emit(());
            }
        })
    };
    let body = match markup.as_ref() {
        Some(m) => raw_html(m.clone()),
        None => html! { <p role="status">{ lang.pick("Hämtar …", "Loading …") }</p> },
    };
    html! {
        <div class="explainable" {onclick} {onkeydown}>
            { props.children.clone() }
            if open.is_some() {
                <div class="explain-panel" role="dialog" aria-label={how(lang)} tabindex="-1"
                     data-testid="explain-panel" ref={panel} onkeydown={on_panel_key}
                     onclick={Callback::from(|e: MouseEvent| e.stop_propagation())}>
                    <div class="explain-head">
                        <h2>{ how(lang) }</h2>
                        <button type="button" class="explain-close" onclick={close.reform(|_| ())}>
                            { lang.pick("Stäng", "Close") }
                        </button>
                    </div>
                    { body }
                </div>
            }
        </div>
    }
}
