//! "If the effect is worse or better": the spread of the present values and
//! the chance of paying off, from the engine's seeded Monte Carlo run over the
//! interventions' uncertainty ranges. Shown only when there are ranges.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::montecarlo::{Percentiles, Uncertainty};
use crate::model::outcome::{money_text, ratio_text};
use crate::model::Scenario;
use crate::ui::format::{money, money_exact, percent};
use crate::ui::text::{uncertainty_payback, uncertainty_range, T};
use crate::ui::Prefs;

#[derive(Properties, PartialEq)]
pub struct UncertaintyFiguresProps {
    /// The scenario the run belongs to.
    pub scenario: Rc<Scenario>,
    pub uncertainty: Option<Rc<Uncertainty>>,
}

#[component(UncertaintyFigures)]
pub fn uncertainty_figures(props: &UncertaintyFiguresProps) -> Html {
    let prefs = use_context::<Prefs>().unwrap_or_default();
    let (lang, unit) = (prefs.lang, prefs.unit);
    let Some(u) = props.uncertainty.as_ref() else { return html! {} };
    let currency = props.scenario.currency.as_str();
    let row = |testid: &'static str, label: T, p: &Percentiles| {
        let show = |v| money(v, unit, currency, lang);
        html! {
            <li data-testid={testid} data-p5={money_text(p.p5)} data-p50={money_text(p.p50)} data-p95={money_text(p.p95)}
                title={format!("{} … {}", money_exact(p.p5, currency, lang), money_exact(p.p95, currency, lang))}>
                <strong>{ label.get(lang) }{ ": " }</strong>
                { uncertainty_range(&show(p.p5), &show(p.p95), &show(p.p50), lang) }
            </li>
        }
    };
    html! {
        <section class="uncertainty-figures" aria-labelledby="unc-heading" data-testid="uncertainty-figures">
            <h3 id="unc-heading">{ T::IfEffectDiffers.get(lang) }</h3>
            <p class="hint">{ T::uncertainty_intro(u.draws, lang) }</p>
            <ul>
                { row("unc-org-npv", T::OrgNpv, &u.org_npv) }
                { row("unc-society-npv", T::SocietyNpv, &u.society_npv) }
                <li data-testid="unc-payback" data-value={ratio_text(u.payback_within_horizon_share)}>
                    { uncertainty_payback(&percent(u.payback_within_horizon_share, 0, lang), props.scenario.horizon_years, lang) }
                </li>
            </ul>
        </section>
    }
}
