//! The list of interventions: each one's editor, and a button to add one.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::{Outcome, Scenario, ScenarioError};
use crate::ui::editor::intervention::InterventionEditor;
use crate::ui::explain;
use crate::ui::state::Action;
use crate::ui::text::T;
use crate::ui::Prefs;

#[derive(Properties, PartialEq)]
pub struct InterventionsEditorProps {
    pub scenario: Rc<Scenario>,
    /// The last valid outcome (for the amounts in the repayment sentences).
    pub outcome: Rc<Outcome>,
    pub errors: Rc<Vec<ScenarioError>>,
    pub onaction: Callback<Action>,
}

#[component(InterventionsEditor)]
pub fn interventions_editor(props: &InterventionsEditorProps) -> Html {
    let lang = use_context::<Prefs>().unwrap_or_default().lang;
    let s = &props.scenario;
    let count = s.interventions.len();
    // Ids shown before: an intervention not among them was just added or duplicated, and opens.
    let seen = use_mut_ref(|| None::<std::collections::HashSet<String>>);
    let first_render = seen.borrow().is_none();
    let fresh: Vec<bool> = {
        let mut seen = seen.borrow_mut();
        let known = seen.get_or_insert_with(Default::default);
        s.interventions.iter().map(|iv| known.insert(iv.id.clone()) && !first_render).collect()
    };
    html! {
        <section class="editor-section" aria-labelledby="ed-interventions">
            <h3 id="ed-interventions">{ T::SectionInterventions.get(lang) }</h3>
            if count == 0 {
                <p class="hint">{ T::NoInterventions.get(lang) }</p>
            }
            <ol class="intervention-list" data-testid="intervention-list">
                { for s.interventions.iter().enumerate().map(|(index, iv)| html! {
                    <li key={iv.id.clone()}>
                        <InterventionEditor index={index} count={count} scenario={props.scenario.clone()}
                            errors={props.errors.clone()} onaction={props.onaction.clone()}
                            sentence={explain::intervention_rule(s, &props.outcome, index, lang)}
                            open={count <= 1 || fresh.get(index).copied().unwrap_or(false)} />
                    </li>
                }) }
            </ol>
            <button type="button" class="add-button" data-testid="add-intervention"
                onclick={props.onaction.reform(|_| Action::InterventionAdded)}>
                { T::AddIntervention.get(lang) }
            </button>
        </section>
    }
}
