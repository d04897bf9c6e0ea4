//! "If the effect is worse or better": the spread of the present values and
//! the chance of paying off, from the engine's seeded Monte Carlo run over the
//! interventions' uncertainty ranges. Shown only when there are ranges.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::montecarlo::Uncertainty;
use crate::model::outcome::{money_text, ratio_text};
use crate::model::Scenario;
use crate::ui::view::markup::Markup;
use crate::ui::view::Prefs;
use crate::words::app::{uncertainty_payback, uncertainty_range, AppText};
use crate::words::format::{money, money_exact, percent};

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
    // Only read: written as markup text, one raw node.
    let mut m = Markup::default();
    m.open("section").attr("class", "uncertainty-figures").attr("aria-labelledby", "unc-heading");
    m.attr("data-testid", "uncertainty-figures").end();
    m.open("h3").attr("id", "unc-heading").end().text(AppText::IfEffectDiffers.get(lang)).shut("h3");
    m.open("p").attr("class", "hint").end().text(&AppText::uncertainty_intro(u.draws, lang)).shut("p");
    m.open("ul").end();
    for (testid, label, p) in
        [("unc-org-npv", AppText::OrgNpv, &u.org_npv), ("unc-society-npv", AppText::SocietyNpv, &u.society_npv)]
    {
        let show = |v| money(v, unit, currency, lang);
        m.open("li")
            .attr("data-testid", testid)
            .attr("data-p5", &money_text(p.p5))
            .attr("data-p50", &money_text(p.p50));
        m.attr("data-p95", &money_text(p.p95));
        m.attr("title", &format!("{} … {}", money_exact(p.p5, currency, lang), money_exact(p.p95, currency, lang)))
            .end();
        m.open("strong").end().text(label.get(lang)).text(": ").shut("strong");
        m.text(&uncertainty_range(&show(p.p5), &show(p.p95), &show(p.p50), lang)).shut("li");
    }
    let share = percent(u.payback_within_horizon_share, 0, lang);
    m.open("li")
        .attr("data-testid", "unc-payback")
        .attr("data-value", &ratio_text(u.payback_within_horizon_share))
        .end();
    m.text(&uncertainty_payback(&share, props.scenario.horizon_years, lang)).shut("li");
    m.shut("ul").shut("section");
    m.into_html()
}
