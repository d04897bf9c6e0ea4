//! The key figures at the top: what it costs, who saves, present values, the
//! payback year against the term of office, how much of the fund comes back,
//! and a warning when the fund runs dry.

use std::rc::Rc;

use rust_decimal::Decimal;
use yew::prelude::*;

use crate::model::outcome::{money_text, ratio_text};
use crate::model::term::Term;
use crate::model::{Outcome, Scenario};
use crate::ui::state::analysis::Analysis;
use crate::ui::view::charts::layout::plus;
use crate::ui::view::components::analysis_words::AnalysisWords;
use crate::ui::view::components::explain::{explain_button, Explainable};
use crate::ui::view::markup::Markup;
use crate::ui::view::Prefs;
use crate::words::app::{headline, payback_shown, AppText};
use crate::words::format::{money_bare, money_exact, percent};

#[derive(Properties, PartialEq)]
pub struct KeyFiguresProps {
    /// The scenario the outcome belongs to.
    pub scenario: Rc<Scenario>,
    pub outcome: Rc<Outcome>,
    /// The analysis of the same scenario (decision figures, Monte Carlo run) as far as it has come.
    #[prop_or_default]
    pub analysis: Analysis,
}

#[component(KeyFigures)]
pub fn key_figures(props: &KeyFiguresProps) -> Html {
    let prefs = use_context::<Prefs>().unwrap_or_default();
    let (lang, unit) = (prefs.lang, prefs.unit);
    let currency = props.scenario.currency.as_str();
    let k = &props.outcome.key_figures;
    // The cards are only read: written as markup text, one raw node.
    let mut m = Markup::default();
    let card = |m: &mut Markup, testid: &str, class: &str, label: AppText| {
        m.open("div").attr("class", class).attr("data-testid", testid).end();
        m.open("dt").end().text(label.get(lang)).shut("dt").open("dd").end();
    };
    // A card ends with its "How is this calculated?" (and the term's) button, under the figure it explains.
    let end_card = |m: &mut Markup, testid: &str| {
        let key =
            testid[3..].replace('-', "_").replace("payback", "payback_year").replace("revolving", "revolving_ratio");
        m.open("span").attr("class", "kf-explain").end();
        explain_button(m, &format!("{key}::"), lang);
        m.shut("span").shut("dd").shut("div");
    };
    let amount = |m: &mut Markup, testid: &str, value: Decimal, note: Option<String>| {
        m.open("span").attr("class", "kf-value").attr("title", &money_exact(value, currency, lang));
        m.attr("data-value", &money_text(value)).end().text(&money_bare(value, unit, lang));
        m.open("span").attr("class", "kf-unit").end().text(&format!("\u{a0}{}", unit.label(currency, lang)));
        m.shut("span").shut("span");
        if let Some(note) = note {
            m.open("span").attr("class", "kf-note").end().text(&note).shut("span");
        }
        end_card(m, testid);
    };
    // No verdict on a present value of zero (no investment, nothing gained or lost).
    let sign_note = |value: Decimal| {
        (!value.is_zero())
            .then(|| if value.is_sign_negative() { AppText::Loss } else { AppText::Gain }.get(lang).to_string())
    };
    let term = Term::current_for(props.scenario.start_year);
    let payback = payback_shown(k, term, lang);
    let revolving = match k.revolving_ratio {
        Some(r) => percent(r, 0, lang),
        None => "–".to_string(),
    };
    let amounts = [
        (
            "kf-total-cost",
            "kf pay",
            AppText::TotalCost,
            k.total_cost,
            Some(AppText::TotalCostNote.get(lang).to_string()),
        ),
        ("kf-savings-inside", "kf gain", AppText::SavingsInside, k.savings_inside, None),
        (
            "kf-savings-outside",
            "kf gain-outside",
            AppText::SavingsOutside,
            k.savings_outside,
            outside_note(&props.scenario, &props.outcome, unit, lang),
        ),
        ("kf-org-npv", "kf npv", AppText::OrgNpv, k.org_npv, sign_note(k.org_npv)),
        ("kf-society-npv", "kf npv", AppText::SocietyNpv, k.society_npv, sign_note(k.society_npv)),
    ];
    for (testid, class, label, value, note) in amounts {
        card(&mut m, testid, class, label);
        amount(&mut m, testid, value, note);
    }
    let class = match payback.within {
        Some(true) => "kf payback within",
        Some(false) => "kf payback after",
        None => "kf payback",
    };
    card(&mut m, "kf-payback", class, AppText::PaybackYear);
    let year = if payback.within.is_some() { k.payback_year.map(|y| y.to_string()) } else { None };
    m.open("span").attr("class", "kf-value").attr("data-value", &year.unwrap_or_default());
    m.end().text(&payback.value).shut("span");
    m.open("span").attr("class", "kf-note").attr("data-testid", "kf-payback-term").end();
    if let Some(within) = payback.within {
        m.open("span").attr("aria-hidden", "true").end().text(if within { "✓ " } else { "✗ " }).shut("span");
    }
    m.text(&payback.note).shut("span");
    end_card(&mut m, "kf-payback");
    card(&mut m, "kf-revolving", "kf revolving", AppText::RevolvingRatio);
    m.open("span").attr("class", "kf-value").attr("data-value", &k.revolving_ratio.map(ratio_text).unwrap_or_default());
    m.end().text(&revolving).shut("span");
    m.open("span").attr("class", "kf-note").end().text(AppText::RevolvingNote.get(lang)).shut("span");
    end_card(&mut m, "kf-revolving");
    let cards = m.into_html();
    html! {
        <section class="key-figures" aria-labelledby="kf-heading" data-testid="key-figures">
            <h2 id="kf-heading" class="visually-hidden">{ AppText::KeyFigures.get(lang) }</h2>
            <p class="headline" data-testid="headline">{ headline(k, term, js_sys::Date::new_0().get_full_year() as i32, currency, lang) }</p>
            if let Some(year) = k.fund_first_negative_year {
                <p class="warning" data-testid="fund-dry-warning">
                    <span class="icon" aria-hidden="true">{ "⚠" }</span>
                    { AppText::fund_runs_dry(year, lang) }
                </p>
            }
            <Explainable scenario={props.scenario.clone()}><dl class="kf-grid">{ cards }</dl>
            <AnalysisWords scenario={props.scenario.clone()} outcome={props.outcome.clone()}
                analysis={props.analysis.clone()} /></Explainable>
            <p class="hint term-rule">{ AppText::TermRule.get(lang) }</p>
        </section>
    }
}

/// When outside actors both gain and lose (a transfer), the net savings outside
/// with its parts: "+X gains, −Y losses" (else nothing).
fn outside_note(
    s: &Scenario,
    o: &Outcome,
    unit: crate::words::format::Unit,
    lang: crate::words::Lang,
) -> Option<String> {
    let outside = o.actors.iter().filter(|a| !s.actor(&a.id).is_some_and(|x| x.inside)).map(|a| a.savings_total);
    let (gains, losses) =
        outside.fold(
            (Decimal::ZERO, Decimal::ZERO),
            |(g, l), v| {
                if v > Decimal::ZERO {
                    (plus(g, v), l)
                } else {
                    (g, plus(l, v))
                }
            },
        );
    (!gains.is_zero() && !losses.is_zero())
        .then(|| AppText::outside_gains_losses(&money_bare(gains, unit, lang), &money_bare(losses, unit, lang), lang))
}
