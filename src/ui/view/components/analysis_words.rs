//! The analysis in words, beside the key figures or on the stage: how well
//! the interventions must work for it to pay back (the break-even effect),
//! the spread of the present values and how likely each outcome is. The
//! figures come from the worker (`view::analysis`); the words are written by
//! the on-demand module (`report::decision`), which is asked for as soon as
//! there is something to say. While a longer run goes on, its progress.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::{Outcome, Scenario};
use crate::report::decision::Facts;
use crate::ui::browser::analysis;
use crate::ui::state::analysis::Analysis;
use crate::ui::view::components::print_report::use_on_demand;
use crate::ui::view::markup::raw_html;
use crate::ui::view::Prefs;
use crate::words::decision::progress;

#[derive(Properties, PartialEq)]
pub struct AnalysisWordsProps {
    /// The (valid) scenario the analysis belongs to, and its outcome.
    pub scenario: Rc<Scenario>,
    pub outcome: Rc<Outcome>,
    pub analysis: Analysis,
    /// On the stage: only the term's sentence and its chance.
    #[prop_or_default]
    pub presentation: bool,
}

#[component(AnalysisWords)]
pub fn analysis_words(props: &AnalysisWordsProps) -> Html {
    let prefs = use_context::<Prefs>().unwrap_or_default();
    let (lang, unit) = (prefs.lang, prefs.unit);
    let a = &props.analysis;
    let wanted = a.break_even_json.is_some() || a.monte_carlo_json.is_some();
    let ready = use_on_demand(wanted, NodeRef::default()) == Some(true);
    let words = if ready {
        let facts = Facts::of(&props.scenario, props.outcome.key_figures.total_cost);
        let (b, c) = (a.break_even_json.as_deref(), a.monte_carlo_json.as_deref());
        analysis::decision_words(&facts, b, c, props.presentation, lang, unit)
    } else {
        None
    };
    let mut m = crate::markup::Markup::default();
    if let Some((done, draws)) = a.progress.filter(|_| !props.presentation) {
        let said = progress(done, draws, lang);
        // Not a live region: a count read out at every step would drown the page.
        m.open("p").attr("class", "hint unc-progress").attr("data-testid", "unc-progress").end();
        m.open("progress").attr("max", &draws.to_string()).attr("value", &done.to_string());
        m.attr("aria-label", &said).end().shut("progress").text(" ").text(&said).shut("p");
    }
    // The module's markup (escaped there), then the progress.
    let mut all = words.unwrap_or_default();
    all.push_str(&m.into_string());
    raw_html(all)
}
