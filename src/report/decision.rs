//! The decision figures in words, as markup for the key figures and for
//! presentation mode: how well the interventions must work for it to pay
//! back within the term (and for positive present values), the spread of the
//! present values, and how likely each is ("i 7 av 10 utfall"). Written by
//! the on-demand module from the analysis's JSON (`breakEven`, `monteCarlo`),
//! which the app received from its worker: none of it in the first download.

use rust_decimal::Decimal;
use serde::Deserialize;

use crate::markup::Markup;
use crate::model::outcome::{money_text, ratio_text};
use crate::model::term::Term;
use crate::model::Scenario;
use crate::words::app::{uncertainty_range, AppText};
use crate::words::decision::{break_even_sentence, chance_sentence, needed, Needed, Odds, Target};
use crate::words::format::{money, money_exact, Unit};
use crate::words::Lang;

/// The 5th, 50th and 95th percentiles of a figure.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Spread {
    pub p5: Decimal,
    pub p50: Decimal,
    pub p95: Decimal,
}

/// The Monte Carlo figures said here (read from the contract's `monteCarlo` result).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Chances {
    pub draws: u32,
    pub by_year: Option<i32>,
    pub org_npv: Spread,
    pub society_npv: Spread,
    pub payback_within_horizon_share: Decimal,
    pub org_npv_non_negative_share: Decimal,
    pub society_npv_non_negative_share: Decimal,
    pub fund_never_negative_share: Decimal,
    pub payback_by_share: Option<Decimal>,
}

/// The break-even figures said here (read from the contract's `breakEven` result).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct BreakEven {
    /// 2 when the scenario has outcome contracts (the contract's rule for every result).
    #[serde(default = "version_one")]
    pub schema_version: u32,
    pub by_year: Option<i32>,
    pub effect_factor_org_npv: Option<Decimal>,
    pub effect_factor_society_npv: Option<Decimal>,
    pub effect_factor_payback_by: Option<Decimal>,
}

fn version_one() -> u32 {
    1
}

/// Where the words are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// Beside the key figures: every sentence and the spread.
    KeyFigures,
    /// On a stage: the term's break-even sentence and the chance of paying back within it.
    Presentation,
}

/// What the words need to know of the scenario (not the scenario itself:
/// the app passes these few facts, so that no scenario is read again for them).
#[derive(Debug, Clone, PartialEq)]
pub struct Facts {
    /// The largest success rate of its interventions (a factor that takes it past 1 cannot be).
    pub largest_rate: Decimal,
    pub horizon_years: u32,
    pub currency: String,
    /// False when the scenario costs nothing: there is then no break-even to say.
    pub invests: bool,
}

impl Facts {
    pub fn of(s: &Scenario, total_cost: Decimal) -> Facts {
        Facts {
            largest_rate: s.interventions.iter().map(|iv| iv.success_rate).max().unwrap_or(Decimal::ZERO),
            horizon_years: s.horizon_years,
            currency: s.currency.clone(),
            invests: !total_cost.is_zero(),
        }
    }
}

/// The break-even sentences, each a `<p>`: the term's first (when the figures
/// asked of it), then both present values when `with_npv`.
pub fn break_even(m: &mut Markup, f: &Facts, b: &BreakEven, with_npv: bool, lang: Lang) {
    let largest = f.largest_rate;
    let mut targets: Vec<Target> = b.by_year.map(|y| Target::PaybackBy(Term::containing(y))).into_iter().collect();
    if with_npv {
        targets.extend([Target::OrgNpv, Target::SocietyNpv]);
    }
    let mut contract_said = false;
    for target in targets {
        let (factor, testid) = match target {
            Target::PaybackBy(_) => (b.effect_factor_payback_by, "be-payback"),
            Target::OrgNpv => (b.effect_factor_org_npv, "be-org-npv"),
            Target::SocietyNpv => (b.effect_factor_society_npv, "be-society-npv"),
        };
        let value = factor.map(ratio_text).unwrap_or_default();
        m.open("p").attr("class", "break-even").attr("data-testid", testid).attr("data-value", &value).end();
        // Why no effect is enough under outcome contracts: said once, by the first sentence it fits.
        let needed = needed(factor, largest);
        let contracted = !contract_said && b.schema_version >= 2;
        contract_said |= contracted && needed == Needed::NoEffect && target != Target::SocietyNpv;
        m.text(&break_even_sentence(target, needed, contracted, lang)).shut("p");
    }
}

/// The chances, each an `<li>`: paying back within the term (or else the
/// horizon), and when `all`, positive present values and the fund lasting.
pub fn chances(m: &mut Markup, f: &Facts, c: &Chances, all: bool, lang: Lang) {
    let payback = match (c.by_year, c.payback_by_share) {
        (Some(y), Some(share)) => (Odds::PaybackBy(Term::containing(y)), share),
        _ => (Odds::PaybackWithin(f.horizon_years), c.payback_within_horizon_share),
    };
    let mut list = vec![("chance-payback", payback.0, payback.1)];
    if all {
        list.extend([
            ("chance-org-npv", Odds::OrgNpv, c.org_npv_non_negative_share),
            ("chance-society-npv", Odds::SocietyNpv, c.society_npv_non_negative_share),
            ("chance-fund", Odds::FundLasts, c.fund_never_negative_share),
        ]);
    }
    for (testid, odds, share) in list {
        m.open("li").attr("data-testid", testid).attr("data-value", &ratio_text(share)).end();
        m.text(&chance_sentence(odds, share, lang)).shut("li");
    }
}

/// "If the effect is worse or better": the spread of both present values and every chance.
pub fn uncertainty(m: &mut Markup, f: &Facts, u: &Chances, lang: Lang, unit: Unit) {
    let currency = f.currency.as_str();
    m.open("section").attr("class", "uncertainty-figures").attr("aria-labelledby", "unc-heading");
    m.attr("data-testid", "uncertainty-figures").attr("data-draws", &u.draws.to_string()).end();
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
    chances(m, f, u, true, lang);
    m.shut("ul");
    term_button(m, crate::explain::term::Term::Uncertainty, lang);
    m.shut("section");
}

/// A term's glossary button (`components::explain` opens it), as the editor's labels have.
fn term_button(m: &mut Markup, term: crate::explain::term::Term, lang: Lang) {
    let label = format!("{}: {}", lang.pick("Ordlista", "Glossary"), crate::words::glossary::name(term, lang));
    m.open("button").attr("type", "button").attr("class", "term-btn").attr("data-explain", term.key());
    m.attr("aria-label", &label).end().text("?").shut("button");
}

/// The words for `place` from the analysis's JSON (either may be missing or
/// unreadable: its part is left out).
pub fn decision_words(
    f: &Facts,
    break_even_json: Option<&str>,
    monte_carlo_json: Option<&str>,
    place: Place,
    lang: Lang,
    unit: Unit,
) -> String {
    let b = break_even_json.and_then(|j| serde_json::from_str::<BreakEven>(j).ok()).filter(|_| f.invests);
    let c = monte_carlo_json.and_then(|j| serde_json::from_str::<Chances>(j).ok());
    let mut m = Markup::default();
    match place {
        Place::KeyFigures => {
            if let Some(b) = &b {
                m.open("div").attr("class", "break-even-figures").attr("data-testid", "break-even").end();
                break_even(&mut m, f, b, true, lang);
                term_button(&mut m, crate::explain::term::Term::BreakEven, lang);
                m.shut("div");
            }
            if let Some(c) = &c {
                uncertainty(&mut m, f, c, lang, unit);
            }
        }
        Place::Presentation => {
            if let Some(b) = &b {
                break_even(&mut m, f, b, false, lang);
            }
            if let Some(c) = &c {
                m.open("ul").attr("class", "pr-chances").end();
                chances(&mut m, f, c, false, lang);
                m.shut("ul");
            }
        }
    }
    m.into_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    const MONTE_CARLO: &str = r#"{"schema_version":1,"seed":2026,"draws":10000,"by_year":2030,
        "org_npv":{"p5":"-1000.00","p50":"2000.00","p95":"3500.00"},"society_npv":{"p5":"1","p50":"2","p95":"3"},
        "fund_closing_balance":{"p5":"0","p50":"0","p95":"0"},"cumulative_org_net":[],"fund_close":[],
        "payback_within_horizon_share":"0.8","org_npv_non_negative_share":"0.7","society_npv_non_negative_share":"1",
        "fund_never_negative_share":"0.25","payback_by_share":"0.4"}"#;
    const BREAK_EVEN: &str = r#"{"schema_version":1,"by_year":2030,"effect_factor_org_npv":"0.6234",
        "effect_factor_society_npv":null,"effect_factor_payback_by":"1.5","interventions":[]}"#;

    fn facts() -> Facts {
        // The largest success rate 0.5: a factor of 1.5 asks 0.75, still possible.
        Facts {
            largest_rate: "0.5".parse().expect("decimal"),
            horizon_years: 10,
            currency: "<b>".into(),
            invests: true,
        }
    }

    #[test]
    fn the_key_figures_say_every_sentence_with_the_figures_it_was_given() {
        let words =
            decision_words(&facts(), Some(BREAK_EVEN), Some(MONTE_CARLO), Place::KeyFigures, Lang::Sv, Unit::Thousand);
        // 1.5 × the largest success rate 0.5 = 0.75 ≤ 1: "bara om … bättre än antaget: 150 %".
        assert!(words.contains("data-testid=\"be-payback\" data-value=\"1.5000\""), "{words}");
        // 0.6234 → at least 63 %.
        assert!(words.contains("fungerar minst 63\u{a0}% så bra som antaget"), "{words}");
        assert!(words.contains("bättre än antaget: 150\u{a0}% så bra."), "{words}");
        assert!(words.contains("Samhällets nuvärde blir inte positivt, hur väl insatserna än fungerar."));
        // 0.4 → 4 of 10 within the term; 0.25 never negative → dry in 3 of 4, said 8 of 10 (0.75 → 7.5 → 8).
        assert!(words.contains("I 4 av 10 utfall betalar det sig inom mandatperioden 2027–2030."));
        assert!(words.contains("Fonden tar slut i 8 av 10 utfall."));
        assert!(words.contains("data-draws=\"10000\""));
        assert!(words.contains("10\u{a0}000 slumpade utfall") || words.contains("10 000 slumpade utfall"), "{words}");
        // The currency is the scenario's text: escaped.
        assert!(!words.contains("<b>") && words.contains("&lt;b&gt;"), "{words}");
    }

    #[test]
    fn under_outcome_contracts_paying_back_with_no_effect_says_why() {
        // schema_version 2: the scenario has outcome contracts. A factor of 0 for the term
        // and the organisation's present value ("even with no effect"), and 0.42 for society.
        let contracted = r#"{"schema_version":2,"by_year":2030,"effect_factor_org_npv":"0",
            "effect_factor_society_npv":"0.42","effect_factor_payback_by":"0","interventions":[]}"#;
        let words = decision_words(&facts(), Some(contracted), None, Place::KeyFigures, Lang::En, Unit::Thousand);
        assert!(words.contains("It pays back within the term 2027–2030 even if the interventions have no effect: under outcome contracts the organisation then pays nothing for them."), "{words}");
        // Said once: the organisation's present value then reads plainly.
        assert_eq!(words.matches("the payments can come before the savings").count(), 1, "{words}");
        assert!(
            words.contains(
                "The organisation's present value turns positive even if the interventions have no effect.</p>"
            ),
            "{words}"
        );
        assert!(words.contains("if the interventions work at least 42% as well as assumed."), "{words}");
        // The same figures without contracts (version 1): the plain sentence.
        let plain = contracted.replace("\"schema_version\":2", "\"schema_version\":1");
        let words = decision_words(&facts(), Some(&plain), None, Place::KeyFigures, Lang::En, Unit::Thousand);
        assert!(words.contains("within the term 2027–2030 even if the interventions have no effect.</p>"), "{words}");
        assert!(!words.contains("outcome contracts"), "{words}");
    }

    #[test]
    fn presentation_says_the_terms_sentence_and_its_chance_only() {
        let words = decision_words(
            &facts(),
            Some(BREAK_EVEN),
            Some(MONTE_CARLO),
            Place::Presentation,
            Lang::En,
            Unit::Thousand,
        );
        assert!(words.contains("be-payback") && !words.contains("be-org-npv"));
        assert!(words.contains("In 4 of 10 outcomes it pays back within the term 2027–2030."));
        assert!(!words.contains("chance-fund"));
    }

    #[test]
    fn no_investment_no_break_even_and_unreadable_figures_are_left_out() {
        let free = Facts { invests: false, ..facts() };
        let none = decision_words(&free, Some(BREAK_EVEN), None, Place::KeyFigures, Lang::Sv, Unit::Thousand);
        assert_eq!(none, "");
        let bad = decision_words(&facts(), Some("{"), Some("[]"), Place::KeyFigures, Lang::Sv, Unit::Thousand);
        assert_eq!(bad, "");
    }
}
