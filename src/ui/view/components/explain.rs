//! "How is this calculated?" in place: [`Explainable`] wraps a part of the
//! page (the key figures, a chart, the year tables) and opens the
//! explanation of any element inside it that carries `data-explain` (a key
//! figure's button, a chart's item, a table cell), clicked or, with the
//! keyboard, Enter or Space. The explanation is written by the on-demand
//! module (`explainFigure`, loaded on the first ask) and shown in a panel
//! that takes the focus; Escape or its close button shuts it and gives the
//! focus back to what opened it. Table cells are stepped with the arrow keys
//! (the table's region leads into them), so that each cell does not cost a
//! Tab stop. The listening, the panel and the focus are in `www/on-demand.js`
//! (`explainable`), which keeps them out of the app's wasm.

use std::rc::Rc;

use yew::prelude::*;

use crate::explain::term::Term;
use crate::model::Scenario;
use crate::ui::browser::analysis;
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

/// A part of the page whose `data-explain` elements open their explanation:
/// it hands the scenario, language and unit to `www/on-demand.js`
/// (`explainable`), which listens, shows the panel and moves the focus.
#[component(Explainable)]
pub fn explainable(props: &ExplainableProps) -> Html {
    let prefs = use_context::<Prefs>().unwrap_or_default();
    let at = use_node_ref();
    {
        let at = at.clone();
        use_effect_with((props.scenario.clone(), prefs.lang, prefs.unit, prefs.app), move |(s, lang, unit, app)| {
            if let Some(el) = at.cast::<web_sys::Element>() {
                analysis::explainable(&el, &crate::ui::view::json_of(s), *lang, *unit, *app);
            }
        });
    }
    html! {
        <div class="explainable" ref={at}>{ props.children.clone() }</div>
    }
}
