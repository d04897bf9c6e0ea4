//! The key figures at the top: what it costs, who saves, present values, the
//! payback year against the term of office, how much of the fund comes back,
//! and a warning when the fund runs dry.

use std::rc::Rc;

use rust_decimal::Decimal;
use yew::prelude::*;

use crate::model::montecarlo::Uncertainty;
use crate::model::outcome::{money_text, ratio_text};
use crate::model::{Outcome, Scenario};
use crate::ui::components::uncertainty_figures::UncertaintyFigures;
use crate::ui::format::{money_bare, money_exact, percent};
use crate::ui::term::Term;
use crate::ui::text::{headline, payback_note, T};
use crate::ui::Prefs;

#[derive(Properties, PartialEq)]
pub struct KeyFiguresProps {
    /// The scenario the outcome belongs to.
    pub scenario: Rc<Scenario>,
    pub outcome: Rc<Outcome>,
    /// The Monte Carlo run of the same scenario, when it has uncertainty ranges.
    #[prop_or_default]
    pub uncertainty: Option<Rc<Uncertainty>>,
}

#[component(KeyFigures)]
pub fn key_figures(props: &KeyFiguresProps) -> Html {
    let prefs = use_context::<Prefs>().unwrap_or_default();
    let (lang, unit) = (prefs.lang, prefs.unit);
    let currency = props.scenario.currency.as_str();
    let k = &props.outcome.key_figures;
    let amount = |testid: &'static str, label: T, value: Decimal, note: Option<String>, tone: &'static str| {
        html! {
            <div class={classes!("kf", tone)} data-testid={testid}>
                <dt>{ label.get(lang) }</dt>
                <dd>
                    <span class="kf-value" title={money_exact(value, currency, lang)} data-value={money_text(value)}>
                        { money_bare(value, unit, lang) }
                        <span class="kf-unit">{ format!("\u{a0}{}", unit.label(currency, lang)) }</span>
                    </span>
                    if let Some(note) = note {
                        <span class="kf-note">{ note }</span>
                    }
                </dd>
            </div>
        }
    };
    let sign_note = |value: Decimal| {
        Some(if value.is_sign_negative() && !value.is_zero() { T::Loss } else { T::Gain }.get(lang).to_string())
    };
    let term = Term::current_for(props.scenario.start_year);
    let payback = match k.payback_year {
        Some(year) => year.to_string(),
        None => T::NoPayback.get(lang).to_string(),
    };
    let within = k.payback_year.is_some_and(|y| term.reached_by(y));
    let revolving = match k.revolving_ratio {
        Some(r) => percent(r, 0, lang),
        None => "–".to_string(),
    };
    html! {
        <section class="key-figures" aria-labelledby="kf-heading" data-testid="key-figures">
            <h2 id="kf-heading" class="visually-hidden">{ T::KeyFigures.get(lang) }</h2>
            <p class="headline" data-testid="headline">{ headline(k, term, currency, lang) }</p>
            if let Some(year) = k.fund_first_negative_year {
                <p class="warning" data-testid="fund-dry-warning">
                    <span class="icon" aria-hidden="true">{ "⚠" }</span>
                    { T::fund_runs_dry(year, lang) }
                </p>
            }
            <dl class="kf-grid">
                { amount("kf-total-cost", T::TotalCost, k.total_cost, Some(T::TotalCostNote.get(lang).to_string()), "pay") }
                { amount("kf-savings-inside", T::SavingsInside, k.savings_inside, None, "gain") }
                { amount("kf-savings-outside", T::SavingsOutside, k.savings_outside, None, "gain-outside") }
                { amount("kf-org-npv", T::OrgNpv, k.org_npv, sign_note(k.org_npv), "npv") }
                { amount("kf-society-npv", T::SocietyNpv, k.society_npv, sign_note(k.society_npv), "npv") }
                <div class={classes!("kf", "payback", if within { "within" } else { "after" })} data-testid="kf-payback">
                    <dt>{ T::PaybackYear.get(lang) }</dt>
                    <dd>
                        <span class="kf-value" data-value={k.payback_year.map(|y| y.to_string()).unwrap_or_default()}>{ payback }</span>
                        <span class="kf-note" data-testid="kf-payback-term">
                            <span aria-hidden="true">{ if within { "✓ " } else { "✗ " } }</span>
                            { payback_note(k.payback_year, term, lang) }
                        </span>
                    </dd>
                </div>
                <div class="kf revolving" data-testid="kf-revolving">
                    <dt>{ T::RevolvingRatio.get(lang) }</dt>
                    <dd>
                        <span class="kf-value" data-value={k.revolving_ratio.map(ratio_text).unwrap_or_default()}>{ revolving }</span>
                        <span class="kf-note">{ T::RevolvingNote.get(lang) }</span>
                    </dd>
                </div>
            </dl>
            <UncertaintyFigures scenario={props.scenario.clone()} uncertainty={props.uncertainty.clone()} />
            <p class="hint term-rule">{ T::TermRule.get(lang) }</p>
        </section>
    }
}
