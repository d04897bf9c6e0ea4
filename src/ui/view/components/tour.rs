//! The guided tour for trainers, started from a link (`#…&tour=1`,
//! `state::keep::tour_requested`). Its panel, keys and focus are in
//! `www/on-demand.js` (`tour`) and its texts, with the scenario's own
//! figures, in the on-demand module (`words::tour`), so that the first
//! download carries only this: the scenario, language and unit handed over
//! whenever they change.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::Scenario;
use crate::ui::browser::analysis;
use crate::ui::state::keep::tour_requested;
use crate::ui::view::Prefs;

#[derive(Properties, PartialEq)]
pub struct TourProps {
    pub scenario: Rc<Scenario>,
}

#[component(Tour)]
pub fn tour(props: &TourProps) -> Html {
    let prefs = use_context::<Prefs>().unwrap_or_default();
    let asked = *use_state(|| tour_requested(&crate::ui::browser::location_fragment()));
    use_effect_with((props.scenario.clone(), prefs.lang, prefs.unit), move |(s, lang, unit)| {
        if asked {
            analysis::tour(&crate::ui::view::json_of(s), *lang, *unit);
        }
    });
    html! {}
}
