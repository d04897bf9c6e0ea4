//! The outcome contracts' views (issue 15) in the results: written by the
//! on-demand module ([`crate::report::contracts`]), asked for as soon as
//! the scenario has a contract; nothing otherwise (so nothing in the first
//! download but this component).

use std::rc::Rc;

use yew::prelude::*;

use crate::model::{Outcome, Scenario};
use crate::ui::browser::analysis;
use crate::ui::view::components::print_report::use_on_demand;
use crate::ui::view::markup::raw_html;
use crate::ui::view::Prefs;
use crate::words::app::AppText;

#[derive(Properties, PartialEq)]
pub struct ContractsPanelProps {
    /// The (last valid) scenario and its outcome.
    pub scenario: Rc<Scenario>,
    pub outcome: Rc<Outcome>,
    /// The analysis's Monte Carlo result (off the main thread), for the contracts' uncertainty figures.
    #[prop_or_default]
    pub monte_carlo: Option<Rc<str>>,
}

#[component(ContractsPanel)]
pub fn contracts_panel(props: &ContractsPanelProps) -> Html {
    let prefs = use_context::<Prefs>().unwrap_or_default();
    let (lang, unit) = (prefs.lang, prefs.unit);
    let wanted = !props.scenario.outcome_contracts.is_empty();
    let loaded = use_on_demand(wanted, NodeRef::default());
    let key = (props.scenario.clone(), lang, unit, wanted && loaded == Some(true), props.monte_carlo.clone());
    let markup = use_memo(key, |(s, lang, unit, ready, chances)| {
        if *ready {
            analysis::contract_views(&crate::ui::view::json_of(s), *lang, *unit, chances.as_deref().unwrap_or_default())
        } else {
            None
        }
    });
    if !wanted {
        return html! {};
    }
    match (markup.as_ref(), loaded) {
        (Some(m), _) => html! { <div class="contracts-panel">{ raw_html(m.clone()) }</div> },
        (None, Some(false)) => html! { <p class="tables-status" role="status">{ AppText::TablesFailed.get(lang) }</p> },
        (None, _) => html! { <p class="tables-status" role="status">{ AppText::TablesLoading.get(lang) }</p> },
    }
}
