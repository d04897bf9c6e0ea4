//! The avoided costs of one intervention: per actor, the cost that no longer
//! arises for each successful participant and year (a small table).

use std::rc::Rc;

use yew::prelude::*;

use crate::model::{Scenario, ScenarioError};
use crate::ui::state::{Action, InterventionEdit};
use crate::ui::view::components::field_error;
use crate::ui::view::components::number_field::NumberField;
use crate::ui::view::components::select_field::SelectField;
use crate::ui::view::editor::same_for_intervention;
use crate::ui::view::Prefs;
use crate::words::app::AppText;
use crate::words::parse::NumKind;

#[derive(Properties)]
pub struct AvoidedCostsEditorProps {
    /// The intervention's position.
    pub index: usize,
    /// The scenario; the table shows intervention `index` and the actors.
    pub scenario: Rc<Scenario>,
    pub errors: Rc<Vec<ScenarioError>>,
    pub onaction: Callback<Action>,
}

impl PartialEq for AvoidedCostsEditorProps {
    fn eq(&self, other: &Self) -> bool {
        self.index == other.index
            && same_for_intervention(&self.scenario, &other.scenario, self.index)
            && self.errors == other.errors
            && self.onaction == other.onaction
    }
}

#[component(AvoidedCostsEditor)]
pub fn avoided_costs_editor(props: &AvoidedCostsEditorProps) -> Html {
    let prefs = use_context::<Prefs>().unwrap_or_default();
    let lang = prefs.lang;
    let index = props.index;
    let s = &props.scenario;
    let Some(iv) = s.interventions.get(index) else { return html! {} };
    let on = &props.onaction;
    let actors: Vec<(AttrValue, AttrValue)> =
        s.actors.iter().map(|a| (AttrValue::from(a.id.clone()), AttrValue::from(a.name.clone()))).collect();
    let all_listed = s.actors.iter().all(|a| iv.avoided_costs.iter().any(|c| c.actor == a.id));
    let caption_id = format!("interventions-{index}-avoided-caption");
    html! {
        <div class="avoided-costs">
            <table class="edit-table" aria-labelledby={caption_id.clone()} data-testid={format!("avoided-costs-{index}")}>
                <caption id={caption_id}>
                    { AppText::AvoidedCosts.get(lang) }
                    <span class="caption-hint">{ AppText::AvoidedCostsHint.get(lang) }</span>
                </caption>
                <thead>
                    <tr>
                        <th scope="col">{ AppText::Actor.get(lang) }</th>
                        <th scope="col">{ format!("{} ({})", AppText::PerYear.get(lang), prefs.currency_label()) }</th>
                        <th scope="col"><span class="visually-hidden">{ AppText::Remove.get(lang) }</span></th>
                    </tr>
                </thead>
                <tbody>
                    { for iv.avoided_costs.iter().enumerate().map(|(row, cost)| {
                        let path = format!("interventions[{index}].avoided_costs[{row}]");
                        let id = format!("interventions-{index}-avoided_costs-{row}");
                        let actor_name = s.actor(&cost.actor).map(|a| a.name.clone()).unwrap_or_else(|| cost.actor.clone());
                        let remove = format!("{} {}", AppText::Remove.get(lang), actor_name);
                        html! {
                            <tr key={row}>
                                <td>
                                    <SelectField id={format!("{id}-actor")} label={format!("{} {}", AppText::Actor.get(lang), row + 1)} compact=true
                                        value={cost.actor.clone()} options={actors.clone()}
                                        error={field_error(&props.errors, &format!("{path}.actor"), lang)}
                                        onchange={on.reform(move |actor| Action::intervention(index, InterventionEdit::AvoidedCostActorChanged { row, actor }))} />
                                </td>
                                <td>
                                    <NumberField id={format!("{id}-per_year")} label={format!("{}: {}", AppText::PerYear.get(lang), actor_name)} compact=true
                                        kind={NumKind::Money} value={cost.per_year}
                                        error={field_error(&props.errors, &format!("{path}.per_year"), lang)}
                                        onchange={on.reform(move |per_year| Action::intervention(index, InterventionEdit::AvoidedCostAmountChanged { row, per_year }))} />
                                </td>
                                <td>
                                    <button type="button" class="icon-button" aria-label={remove.clone()} title={remove}
                                        data-testid={format!("remove-avoided-{index}-{row}")}
                                        onclick={on.reform(move |_| Action::intervention(index, InterventionEdit::AvoidedCostRemoved(row)))}>
                                        <span aria-hidden="true">{ "✕" }</span>
                                    </button>
                                </td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
            <button type="button" class="add-button small" disabled={all_listed} data-testid={format!("add-avoided-{index}")}
                onclick={on.reform(move |_| Action::intervention(index, InterventionEdit::AvoidedCostAdded))}>
                { AppText::AddAvoidedCost.get(lang) }
            </button>
        </div>
    }
}
