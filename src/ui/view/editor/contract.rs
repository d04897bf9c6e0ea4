//! An intervention's outcome contract (issue 15): put it under one (payer,
//! co-payers and their shares, price per outcome, payment delay, cap or no
//! cap) and take it out again. Field ids follow the contract's paths
//! (`outcome_contracts[0].price_per_outcome` → `outcome_contracts-0-price_per_outcome`),
//! so the engine's messages find their field.

use std::rc::Rc;

use rust_decimal::Decimal;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::model::{Scenario, ScenarioError};
use crate::ui::state::{Action, ContractChange, ContractEdit};
use crate::ui::view::components::field_error;
use crate::ui::view::components::number_field::{as_u32, NumberField};
use crate::ui::view::components::select_field::SelectField;
use crate::ui::view::Prefs;
use crate::words::contracts::ContractText as T;
use crate::words::parse::NumKind;

#[derive(Properties, PartialEq)]
pub struct ContractEditorProps {
    /// The intervention's position.
    pub index: usize,
    pub scenario: Rc<Scenario>,
    pub errors: Rc<Vec<ScenarioError>>,
    pub onaction: Callback<Action>,
}

#[component(ContractEditor)]
pub fn contract_editor(props: &ContractEditorProps) -> Html {
    let prefs = use_context::<Prefs>().unwrap_or_default();
    let lang = prefs.lang;
    let index = props.index;
    let s = &props.scenario;
    let Some(iv) = s.interventions.get(index) else { return html! {} };
    let on = &props.onaction;
    let Some((c, contract)) = s.outcome_contracts.iter().enumerate().find(|(_, c)| c.intervention == iv.id) else {
        return html! {
            <div class="contract">
                <button type="button" class="add-button small" data-testid={format!("contract-add-{index}")}
                    onclick={on.reform(move |_| ContractEdit::Contracted(index).into())}>
                    { T::PutUnder.get(lang) }
                </button>
            </div>
        };
    };
    let base = format!("outcome_contracts[{c}]");
    let id = format!("outcome_contracts-{c}");
    let e = |field: &str| field_error(&props.errors, &format!("{base}.{field}"), lang);
    let change = move |change: ContractChange| -> Action { ContractEdit::Changed { index, change }.into() };
    let actors: Vec<(AttrValue, AttrValue)> =
        s.actors.iter().map(|a| (AttrValue::from(a.id.clone()), AttrValue::from(a.name.clone()))).collect();
    let cap = contract.cap;
    let oncapped = on.reform(move |ev: Event| {
        let capped = ev.target_unchecked_into::<HtmlInputElement>().checked();
        change(ContractChange::CapChanged(capped.then(|| cap.unwrap_or(Decimal::from(10_000_000)))))
    });
    let cap_id = format!("{id}-capped");
    let heading_id = format!("{id}-heading");
    let all_listed =
        s.actors.iter().all(|a| a.id == contract.payer || contract.co_payers.iter().any(|p| p.actor == a.id));
    html! {
        <fieldset class="contract" aria-labelledby={heading_id.clone()} data-testid={format!("contract-{index}")} id={id.clone()}>
            <legend id={heading_id}>{ T::Heading.get(lang) }</legend>
            <p class="hint">{ T::Explain.get(lang) }</p>
            <SelectField id={format!("{id}-payer")} label={T::Payer.get(lang)} value={contract.payer.clone()}
                options={actors.clone()} error={e("payer")}
                onchange={on.reform(move |a| change(ContractChange::PayerChosen(a)))} />
            <div class="field-row">
                <NumberField id={format!("{id}-price_per_outcome")} label={T::Price.get(lang)} kind={NumKind::Money}
                    value={contract.price_per_outcome} suffix={prefs.currency_label()} error={e("price_per_outcome")}
                    onchange={on.reform(move |v| change(ContractChange::PriceChanged(v)))} />
                <NumberField id={format!("{id}-pay_after_years")} label={T::Delay.get(lang)} kind={NumKind::Count}
                    value={Decimal::from(contract.pay_after_years)} hint={T::DelayHint.get(lang)} error={e("pay_after_years")}
                    onchange={on.reform(move |v| change(ContractChange::DelayChanged(as_u32(v))))} />
            </div>
            <div class="checkbox">
                <input type="checkbox" id={cap_id.clone()} checked={cap.is_some()} data-testid={format!("in-{cap_id}")}
                    onchange={oncapped} />
                <label for={cap_id}>{ T::HasCap.get(lang) }</label>
            </div>
            if let Some(cap) = cap {
                <NumberField id={format!("{id}-cap")} label={T::Cap.get(lang)} kind={NumKind::Money} value={cap}
                    suffix={prefs.currency_label()} error={e("cap")}
                    onchange={on.reform(move |v| change(ContractChange::CapChanged(Some(v))))} />
            }
            <div class="co-payers" id={format!("{id}-co_payers")} tabindex="-1">
                <p class="label">{ T::CoPayers.get(lang) }</p>
                if let Some(error) = e("co_payers") {
                    <p class="field-error" role="alert" data-testid={format!("err-{id}-co_payers")}>{ error }</p>
                }
                { for contract.co_payers.iter().enumerate().map(|(row, p)| {
                    let rid = format!("{id}-co_payers-{row}");
                    let rpath = format!("co_payers[{row}]");
                    let name = s.actor(&p.actor).map(|a| a.name.clone()).unwrap_or_else(|| p.actor.clone());
                    let remove = format!("{} {}", T::RemoveCoPayer.get(lang), name);
                    html! {
                        <div class="field-row" key={row}>
                            <SelectField id={format!("{rid}-actor")} label={format!("{} {}", T::CoPayer.get(lang), row + 1)}
                                value={p.actor.clone()} options={actors.clone()} error={e(&format!("{rpath}.actor"))}
                                onchange={on.reform(move |actor| change(ContractChange::CoPayerChosen { row, actor }))} />
                            <NumberField id={format!("{rid}-share")} label={format!("{}: {}", T::Share.get(lang), name)}
                                kind={NumKind::Percent} value={p.share} suffix="%" error={e(&format!("{rpath}.share"))}
                                onchange={on.reform(move |share| change(ContractChange::CoPayerShareChanged { row, share }))} />
                            <button type="button" class="icon-button" aria-label={remove.clone()} title={remove}
                                data-testid={format!("contract-remove-co-payer-{index}-{row}")}
                                onclick={on.reform(move |_| change(ContractChange::CoPayerRemoved(row)))}>
                                <span aria-hidden="true">{ "✕" }</span>
                            </button>
                        </div>
                    }
                }) }
                <button type="button" class="add-button small" disabled={all_listed}
                    data-testid={format!("contract-add-co-payer-{index}")}
                    onclick={on.reform(move |_| change(ContractChange::CoPayerAdded))}>
                    { T::AddCoPayer.get(lang) }
                </button>
            </div>
            <button type="button" class="add-button small" data-testid={format!("contract-remove-{index}")}
                onclick={on.reform(move |_| ContractEdit::Uncontracted(index).into())}>
                { T::TakeOut.get(lang) }
            </button>
        </fieldset>
    }
}
