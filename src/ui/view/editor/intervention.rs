//! One intervention: every field of the contract, its avoided costs, its own
//! repayment rule and its uncertainty ranges; move, duplicate and remove.

use std::rc::Rc;

use rust_decimal::Decimal;
use yew::prelude::*;

use crate::model::{Scenario, ScenarioError};
use crate::ui::state::{Action, InterventionEdit, InterventionsEdit};
use crate::ui::view::components::field_error;
use crate::ui::view::components::id_field::IdField;
use crate::ui::view::components::number_field::{as_i32, as_u32, NumberField};
use crate::ui::view::components::select_field::SelectField;
use crate::ui::view::components::text_field::TextField;
use crate::ui::view::editor::avoided_costs::AvoidedCostsEditor;
use crate::ui::view::editor::contract::ContractEditor;
use crate::ui::view::editor::repayment::RepaymentEditor;
use crate::ui::view::editor::same_for_intervention;
use crate::ui::view::editor::uncertainty::UncertaintyEditor;
use crate::ui::view::Prefs;
use crate::words::app::AppText;
use crate::words::format::money_auto;
use crate::words::parse::NumKind;

#[derive(Properties)]
pub struct InterventionEditorProps {
    /// Position in the scenario's list.
    pub index: usize,
    /// Number of interventions (to know whether it can move down).
    pub count: usize,
    /// The scenario; the editor shows its intervention `index`, the actors
    /// and the years (see [`same_for_intervention`]).
    pub scenario: Rc<Scenario>,
    /// Every intervention's id and name (an id must be free).
    pub ids: Rc<Vec<(String, String)>>,
    pub errors: Rc<Vec<ScenarioError>>,
    /// What its repayment rule means, with the current numbers.
    pub sentence: AttrValue,
    /// Whether it starts open (the only one, or just added); afterwards the reader opens and closes it.
    #[prop_or_default]
    pub open: bool,
    pub onaction: Callback<Action>,
}

impl PartialEq for InterventionEditorProps {
    fn eq(&self, other: &Self) -> bool {
        self.index == other.index
            && self.count == other.count
            && same_for_intervention(&self.scenario, &other.scenario, self.index)
            && self.ids == other.ids
            && self.errors == other.errors
            && self.sentence == other.sentence
            && self.open == other.open
            && self.onaction == other.onaction
    }
}

#[component(InterventionEditor)]
pub fn intervention_editor(props: &InterventionEditorProps) -> Html {
    let prefs = use_context::<Prefs>().unwrap_or_default();
    let lang = prefs.lang;
    // The body is built only while the intervention is open: a closed one is
    // just its summary, so 200 closed interventions stay a short list.
    // The `open` attribute is left to the browser after the first render (the
    // reader opens and closes it); `expanded` follows its toggle events.
    let initially_open = use_state(|| props.open);
    let expanded = use_state(|| props.open);
    let index = props.index;
    let s = &props.scenario;
    let Some(iv) = s.interventions.get(index) else { return html! {} };
    let base = format!("interventions[{index}]");
    let id = format!("interventions-{index}");
    let e = |field: &str| field_error(&props.errors, &format!("{base}.{field}"), lang);
    // Its outcome contract's errors show here too (the contract is edited inside it).
    let contract =
        s.outcome_contracts.iter().position(|c| c.intervention == iv.id).map(|c| format!("outcome_contracts[{c}]"));
    let has_error = props.errors.iter().any(|err| {
        err.path.starts_with(&format!("{base}."))
            || err.path == base
            || contract.as_ref().is_some_and(|c| err.path.starts_with(c.as_str()))
    });
    let edit =
        |f: fn(Decimal) -> InterventionEdit| props.onaction.reform(move |v: Decimal| Action::intervention(index, f(v)));
    let on = &props.onaction;
    let actors: Vec<(AttrValue, AttrValue)> =
        s.actors.iter().map(|a| (AttrValue::from(a.id.clone()), AttrValue::from(a.name.clone()))).collect();
    let first_year = s.start_year + iv.start as i32;
    let last_year = first_year + iv.years as i32 - 1;
    let start_year = s.start_year;
    let button = |label: String,
                  testid: &str,
                  action: Action,
                  disabled: bool,
                  icon: &'static str,
                  word: Option<&'static str>| {
        let onclick = on.reform(move |_: MouseEvent| action.clone());
        html! {
            <button type="button" class={classes!("icon-button", word.is_some().then_some("with-word"))} aria-label={label.clone()}
                title={label} disabled={disabled} data-testid={format!("{testid}-{index}")} {onclick}>
                <span aria-hidden="true">{ icon }</span>
                if let Some(word) = word {
                    <span aria-hidden="true">{ word }</span>
                }
            </button>
        }
    };
    let owner_name = s.actor(&iv.owner).map(|a| a.name.clone()).unwrap_or_else(|| iv.owner.clone());
    let name = if iv.name.trim().is_empty() { AppText::Unnamed.get(lang).to_string() } else { iv.name.clone() };

    let ontoggle = {
        let expanded = expanded.clone();
        Callback::from(move |e: Event| {
            let now_open = e.target_dyn_into::<web_sys::Element>().is_some_and(|d| d.has_attribute("open"));
            if now_open != *expanded {
                expanded.set(now_open);
            }
        })
    };

    html! {
        <details class={classes!("intervention", has_error.then_some("invalid"))} open={*initially_open}
            data-testid={format!("intervention-{index}")} {ontoggle}>
            <summary>
                <span class="intervention-name">{ &name }</span>
                <span class="intervention-years">
                    { format!("{first_year}–{last_year} · {owner_name} · {}{}", money_auto(iv.annual_cost, &prefs.currency, lang), AppText::PerYearSuffix.get(lang)) }
                </span>
                if has_error {
                    <span class="badge-error">{ AppText::HasErrors.get(lang) }</span>
                }
            </summary>
            if *expanded {
            <div class="toolbar" role="group" aria-label={format!("{} {}", AppText::ActionsFor.get(lang), name)}>
                { button(format!("{} {}", AppText::MoveUp.get(lang), name), "move-up", InterventionsEdit::Moved { from: index, to: index.saturating_sub(1) }.into(), index == 0, "↑", None) }
                { button(format!("{} {}", AppText::MoveDown.get(lang), name), "move-down", InterventionsEdit::Moved { from: index, to: index + 1 }.into(), index + 1 >= props.count, "↓", None) }
                { button(format!("{} {}", AppText::Duplicate.get(lang), name), "duplicate", InterventionsEdit::Duplicated(index).into(), false, "+", Some(AppText::Duplicate.get(lang))) }
                { button(format!("{} {}", AppText::Remove.get(lang), name), "remove-intervention", InterventionsEdit::Removed(index).into(), false, "✕", Some(AppText::Remove.get(lang))) }
            </div>
            <TextField id={format!("{id}-name")} label={AppText::InterventionName.get(lang)} value={iv.name.clone()} error={e("name")}
                oninput={on.reform(move |name| Action::intervention(index, InterventionEdit::Renamed(name)))} />
            <IdField dom_id={format!("{id}-id")} value={iv.id.clone()} {index}
                items={props.ids.clone()}
                oncommit={on.reform(move |new_id| InterventionsEdit::IdChanged { index, id: new_id }.into())} />
            <SelectField id={format!("{id}-owner")} label={AppText::Owner.get(lang)} value={iv.owner.clone()} options={actors}
                error={e("owner")}
                onchange={on.reform(move |owner| Action::intervention(index, InterventionEdit::OwnerChanged(owner)))} />
            <div class="field-row">
                <NumberField id={format!("{id}-start")} label={AppText::FirstYear.get(lang)} kind={NumKind::Year}
                    value={Decimal::from(first_year)} min={Some(Decimal::from(start_year))} error={e("start")}
                    onchange={on.reform(move |year| Action::intervention(index, InterventionEdit::StartChanged((as_i32(year) - start_year).max(0) as u32)))} />
                <NumberField id={format!("{id}-years")} label={AppText::RunningYears.get(lang)} kind={NumKind::Count}
                    value={Decimal::from(iv.years)} suffix={AppText::YearsUnit.get(lang)} error={e("years")}
                    onchange={edit(|v| InterventionEdit::YearsChanged(as_u32(v)))} />
            </div>
            <div class="field-row">
                <NumberField id={format!("{id}-annual_cost")} label={AppText::AnnualCost.get(lang)} kind={NumKind::Money}
                    value={iv.annual_cost} suffix={prefs.currency_label()} error={e("annual_cost")}
                    onchange={edit(InterventionEdit::AnnualCostChanged)} />
                <NumberField id={format!("{id}-fund_share")} label={AppText::FundShare.get(lang)} kind={NumKind::Percent}
                    value={iv.fund_share} suffix="%" error={e("fund_share")}
                    onchange={edit(InterventionEdit::FundShareChanged)} />
            </div>
            <div class="field-row">
                <NumberField id={format!("{id}-participants_per_year")} label={AppText::Participants.get(lang)} kind={NumKind::Plain}
                    value={iv.participants_per_year} error={e("participants_per_year")}
                    onchange={edit(InterventionEdit::ParticipantsChanged)} />
                <NumberField id={format!("{id}-success_rate")} label={AppText::SuccessRate.get(lang)} kind={NumKind::Percent}
                    value={iv.success_rate} suffix="%" error={e("success_rate")}
                    onchange={edit(InterventionEdit::SuccessRateChanged)} />
            </div>
            <div class="field-row">
                <NumberField id={format!("{id}-deadweight")} label={AppText::Deadweight.get(lang)} kind={NumKind::Percent}
                    value={iv.deadweight} suffix="%" hint={AppText::DeadweightHint.get(lang)} error={e("deadweight")}
                    onchange={edit(InterventionEdit::DeadweightChanged)} />
                <NumberField id={format!("{id}-drop_off")} label={AppText::DropOff.get(lang)} kind={NumKind::Percent}
                    value={iv.drop_off} suffix="%" hint={AppText::DropOffHint.get(lang)} error={e("drop_off")}
                    onchange={edit(InterventionEdit::DropOffChanged)} />
            </div>
            <div class="field-row">
                <NumberField id={format!("{id}-lag_years")} label={AppText::LagYears.get(lang)} kind={NumKind::Count}
                    value={Decimal::from(iv.lag_years)} suffix={AppText::YearsUnit.get(lang)} error={e("lag_years")}
                    onchange={edit(|v| InterventionEdit::LagChanged(as_u32(v)))} />
                <NumberField id={format!("{id}-benefit_years")} label={AppText::BenefitYears.get(lang)} kind={NumKind::Count}
                    value={Decimal::from(iv.benefit_years)} suffix={AppText::YearsUnit.get(lang)} error={e("benefit_years")}
                    onchange={edit(|v| InterventionEdit::BenefitYearsChanged(as_u32(v)))} />
            </div>
            <AvoidedCostsEditor index={index} scenario={props.scenario.clone()} errors={props.errors.clone()} onaction={on.clone()} />
            <RepaymentEditor path={format!("{base}.repayment")} label={AppText::OwnRepaymentRule.get(lang)} inherits=true
                rule={iv.repayment.clone()} sentence={props.sentence.clone()} errors={props.errors.clone()}
                onchange={on.reform(move |rule| Action::intervention(index, InterventionEdit::RepaymentChanged(rule)))} />
            <UncertaintyEditor index={index} intervention={iv.clone()} errors={props.errors.clone()} onaction={on.clone()} />
            <ContractEditor index={index} scenario={props.scenario.clone()} errors={props.errors.clone()} onaction={on.clone()} />
            }
        </details>
    }
}
