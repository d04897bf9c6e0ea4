//! The yearly allocation: a slider with a number beside it, "X a year for N
//! years", and each single year.

use std::rc::Rc;

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::model::{Scenario, ScenarioError};
use crate::ui::state::{Action, FundEdit};
use crate::ui::view::components::field_error;
use crate::ui::view::components::number_field::{as_u32, NumberField};
use crate::ui::view::Prefs;
use crate::words::app::AppText;
use crate::words::format::money_auto;
use crate::words::parse::NumKind;

#[derive(Properties, PartialEq)]
pub struct AllocationsEditorProps {
    pub scenario: Rc<Scenario>,
    pub errors: Rc<Vec<ScenarioError>>,
    pub onaction: Callback<Action>,
}

/// Slider steps, in currency units.
const SLIDER_STEP: i64 = 100_000;
/// The slider reaches at least this far (50 million).
const SLIDER_MIN_MAX: i64 = 50_000_000;

#[component(AllocationsEditor)]
pub fn allocations_editor(props: &AllocationsEditorProps) -> Html {
    let prefs = use_context::<Prefs>().unwrap_or_default();
    let lang = prefs.lang;
    let s = &props.scenario;
    let on = &props.onaction;
    let horizon = s.horizon_years as usize;
    let allocations = &s.fund.allocations;
    // The plan "amount a year for N years": the first year's amount, over the
    // years listed. With no year listed (0 years) the amount is the one last
    // planned, remembered here, so that 0 years and back keeps it.
    let remembered = use_mut_ref(|| Decimal::ZERO);
    let amount = match allocations.first() {
        Some(first) => {
            *remembered.borrow_mut() = *first;
            *first
        }
        None => *remembered.borrow(),
    };
    let plan_years = allocations.len();
    let uniform = allocations.iter().all(|a| *a == amount);
    let years_for_amount = if plan_years == 0 { horizon.max(1) } else { plan_years };

    let amount_whole = amount.to_i64().unwrap_or(0);
    let slider_max = (amount_whole.saturating_mul(2)).max(SLIDER_MIN_MAX);
    let slider_max = slider_max + (SLIDER_STEP * 100 - slider_max % (SLIDER_STEP * 100)) % (SLIDER_STEP * 100);
    let onslide = on.reform(move |e: InputEvent| {
        let input: HtmlInputElement = e.target_unchecked_into();
        let amount = input.value().parse::<i64>().map(Decimal::from).unwrap_or(Decimal::ZERO);
        FundEdit::AllocationPlanned { amount, years: years_for_amount }.into()
    });
    let first_error =
        (0..allocations.len()).find_map(|y| field_error(&props.errors, &format!("fund.allocations[{y}]"), lang));

    html! {
        <fieldset class="allocations" data-testid="allocations">
            <legend>{ AppText::YearlyAllocation.get(lang) }
                { crate::ui::view::components::explain::term_button(crate::explain::term::Term::Allocation, AppText::YearlyAllocation.get(lang), lang) }</legend>
            <div class="slider-row">
                <label for="allocation-slider" class="visually-hidden">{ AppText::YearlyAllocationSlider.get(lang) }</label>
                <input id="allocation-slider" type="range" min="0" max={slider_max.to_string()} step={SLIDER_STEP.to_string()}
                    value={amount_whole.to_string()} aria-valuetext={money_auto(amount, &prefs.currency, lang)}
                    data-testid="in-allocation-slider" oninput={onslide} />
            </div>
            <div class="field-row">
                <NumberField id="allocation-amount" label={AppText::AmountPerYear.get(lang)} kind={NumKind::Money} value={amount}
                    suffix={prefs.currency_label()} error={first_error}
                    onchange={on.reform(move |amount| FundEdit::AllocationPlanned { amount, years: years_for_amount }.into())} />
                <NumberField id="allocation-years" label={AppText::ForYears.get(lang)} kind={NumKind::Count}
                    value={Decimal::from(plan_years as u64)} suffix={AppText::YearsUnit.get(lang)}
                    max={Decimal::from(crate::model::validate::MAX_HORIZON_YEARS)}
                    onchange={on.reform(move |years| FundEdit::AllocationPlanned { amount, years: as_u32(years) as usize }.into())} />
            </div>
            if !uniform {
                <p class="hint">{ AppText::AllocationsDiffer.get(lang) }</p>
            }
            <details class="single-years">
                <summary data-testid="allocation-single-years">{ AppText::EditSingleYears.get(lang) }</summary>
                <div class="year-grid">
                    { for (0..horizon).map(|y| {
                        let value = allocations.get(y).copied().unwrap_or(Decimal::ZERO);
                        let path = format!("fund.allocations[{y}]");
                        html! {
                            <NumberField key={y} id={format!("fund-allocations-{y}")} label={(s.start_year + y as i32).to_string()}
                                kind={NumKind::Money} value={value} error={field_error(&props.errors, &path, lang)}
                                onchange={on.reform(move |amount| FundEdit::AllocationChanged { year: y, amount }.into())} />
                        }
                    }) }
                </div>
            </details>
        </fieldset>
    }
}
