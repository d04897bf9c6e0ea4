//! An intervention's uncertainty ranges (used by the Monte Carlo run): for the
//! success rate, deadweight and drop-off a low and a high share; for the
//! annual cost and the avoided costs a low and a high factor.

use std::rc::Rc;

use rust_decimal::Decimal;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::model::{Intervention, Range, ScenarioError};
use crate::ui::state::{Action, InterventionEdit, UncertainParam};
use crate::ui::view::components::field_error;
use crate::ui::view::components::number_field::NumberField;
use crate::ui::view::Prefs;
use crate::words::app::AppText;
use crate::words::parse::NumKind;

#[derive(Properties, PartialEq)]
pub struct UncertaintyEditorProps {
    pub index: usize,
    pub intervention: Intervention,
    pub errors: Rc<Vec<ScenarioError>>,
    pub onaction: Callback<Action>,
}

fn current(iv: &Intervention, param: UncertainParam) -> Option<Range> {
    let u = iv.uncertainty.as_ref()?;
    match param {
        UncertainParam::SuccessRate => u.success_rate,
        UncertainParam::Deadweight => u.deadweight,
        UncertainParam::DropOff => u.drop_off,
        UncertainParam::AnnualCost => u.annual_cost,
        UncertainParam::AvoidedCosts => u.avoided_costs,
    }
}

/// The range a user starts from when ticking a box: ±10 points around a share, 0,8–1,2 for a factor.
fn starting_range(iv: &Intervention, param: UncertainParam) -> Range {
    let tenth = Decimal::new(1, 1);
    let value = match param {
        UncertainParam::SuccessRate => iv.success_rate,
        UncertainParam::Deadweight => iv.deadweight,
        UncertainParam::DropOff => iv.drop_off,
        UncertainParam::AnnualCost | UncertainParam::AvoidedCosts => {
            return Range { low: Decimal::new(8, 1), high: Decimal::new(12, 1) }
        }
    };
    Range { low: (value - tenth).max(Decimal::ZERO), high: (value + tenth).min(Decimal::ONE) }
}

#[component(UncertaintyEditor)]
pub fn uncertainty_editor(props: &UncertaintyEditorProps) -> Html {
    let lang = use_context::<Prefs>().unwrap_or_default().lang;
    let index = props.index;
    let iv = &props.intervention;
    let on = &props.onaction;
    let set = move |param: UncertainParam, range: Option<Range>| {
        Action::intervention(index, InterventionEdit::UncertaintyChanged { param, range })
    };
    // Open at first when there are ranges; after that the reader decides (Yew never resets it).
    let open = use_state(|| iv.uncertainty.is_some());
    html! {
        <details class="uncertainty" open={*open}>
            <summary>{ AppText::Uncertainty.get(lang) }</summary>
            <p class="hint">{ AppText::UncertaintyHint.get(lang) }</p>
            { for UncertainParam::ALL.into_iter().map(|param| {
                let id = format!("interventions-{index}-uncertainty-{}", param.key());
                let path = format!("interventions[{index}].uncertainty.{}", param.key());
                let range = current(iv, param);
                let start = starting_range(iv, param);
                let ontoggle = on.reform(move |e: Event| {
                    let on = e.target_unchecked_into::<HtmlInputElement>().checked();
                    set(param, on.then_some(start))
                });
                let kind = if param.is_share() { NumKind::Percent } else { NumKind::Plain };
                let suffix = param.is_share().then_some("%");
                let label = crate::ui::view::notices::uncertain_param_label(param).get(lang);
                html! {
                    <div class="range-row" key={param.key()} id={id.clone()} tabindex="-1">
                        <div class="checkbox">
                            <input type="checkbox" id={format!("{id}-on")} checked={range.is_some()}
                                data-testid={format!("in-{id}-on")} onchange={ontoggle} />
                            <label for={format!("{id}-on")}>{ label }</label>
                        </div>
                        if let Some(r) = range {
                            <div class="field-row">
                                <NumberField id={format!("{id}-low")} label={format!("{} – {}", label, AppText::Low.get(lang))} kind={kind}
                                    value={r.low} suffix={suffix}
                                    onchange={on.reform(move |low| set(param, Some(Range { low, high: r.high })))} />
                                <NumberField id={format!("{id}-high")} label={format!("{} – {}", label, AppText::High.get(lang))} kind={kind}
                                    value={r.high} suffix={suffix}
                                    onchange={on.reform(move |high| set(param, Some(Range { low: r.low, high })))} />
                            </div>
                            if let Some(message) = field_error(&props.errors, &path, lang) {
                                <p class="field-error" role="alert" data-testid={format!("err-{id}")}>
                                    <span aria-hidden="true">{ "⚠ " }</span>{ message }
                                </p>
                            }
                        }
                    </div>
                }
            }) }
        </details>
    }
}
