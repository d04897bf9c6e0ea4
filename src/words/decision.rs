//! The decision figures said in words: how well the interventions must work
//! for it to pay back (the break-even effect), and how likely it is (the
//! shares of the Monte Carlo run) — "i 7 av 10 utfall".

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};

use crate::model::term::Term;
use crate::words::format::number;
use crate::words::Lang;

/// What a break-even factor asks of the interventions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Needed {
    /// No factor makes it hold (nothing to gain, or never enough).
    Never,
    /// It holds even if the interventions have no effect.
    NoEffect,
    /// At least this many percent of the assumed effect (rounded up: at the
    /// percent said, it holds), at most 100.
    AtLeast(u32),
    /// More than assumed: this many percent, every success rate still 100 % or less.
    Better(u32),
    /// More than assumed by so much that some success rate would pass 100 %.
    Impossible(u32),
}

/// What a factor `f` on every success rate asks, given the largest success rate.
pub fn needed(factor: Option<Decimal>, largest_rate: Decimal) -> Needed {
    let Some(f) = factor else { return Needed::Never };
    if f <= Decimal::ZERO {
        return Needed::NoEffect;
    }
    // Rounded up to a whole percent: "at least 62 %" must be enough.
    let percent = (f * Decimal::ONE_HUNDRED).round_dp_with_strategy(0, RoundingStrategy::AwayFromZero);
    let percent = percent.to_u32().unwrap_or(u32::MAX);
    if f <= Decimal::ONE {
        Needed::AtLeast(percent)
    } else if f * largest_rate > Decimal::ONE {
        Needed::Impossible(percent)
    } else {
        Needed::Better(percent)
    }
}

/// What the sentence is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// The organisation pays back within the term (`effect_factor_payback_by`).
    PaybackBy(Term),
    /// The organisation's present value is positive (`effect_factor_org_npv`).
    OrgNpv,
    /// Society's present value is positive (`effect_factor_society_npv`).
    SocietyNpv,
}

fn pct(p: u32, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!("{p}\u{a0}%"),
        Lang::En => format!("{p}%"),
    }
}

/// "Det betalar sig inom mandatperioden 2027–2030 om insatserna fungerar minst 62 % så bra som antaget."
/// `contracted`: the scenario has outcome contracts, whose payments follow
/// the outcomes; then "even with no effect" says why (nothing is paid), and
/// that a partial effect may not do (the payments can come first).
pub fn break_even_sentence(target: Target, needed: Needed, contracted: bool, lang: Lang) -> String {
    let what = match (target, lang) {
        (Target::PaybackBy(t), Lang::Sv) => format!("Det betalar sig inom mandatperioden {}–{}", t.first, t.last),
        (Target::PaybackBy(t), Lang::En) => format!("It pays back within the term {}–{}", t.first, t.last),
        (Target::OrgNpv, Lang::Sv) => "Organisationens nuvärde blir positivt".to_string(),
        (Target::OrgNpv, Lang::En) => "The organisation's present value turns positive".to_string(),
        (Target::SocietyNpv, Lang::Sv) => "Samhällets nuvärde blir positivt".to_string(),
        (Target::SocietyNpv, Lang::En) => "Society's present value turns positive".to_string(),
    };
    match (needed, lang) {
        (Needed::Never, _) => {
            let what = match (target, lang) {
                (Target::PaybackBy(t), Lang::Sv) => {
                    format!("Det betalar sig inte inom mandatperioden {}–{}", t.first, t.last)
                }
                (Target::PaybackBy(t), Lang::En) => {
                    format!("It cannot pay back within the term {}–{}", t.first, t.last)
                }
                (Target::OrgNpv, Lang::Sv) => "Organisationens nuvärde blir inte positivt".to_string(),
                (Target::OrgNpv, Lang::En) => "The organisation's present value cannot turn positive".to_string(),
                (Target::SocietyNpv, Lang::Sv) => "Samhällets nuvärde blir inte positivt".to_string(),
                (Target::SocietyNpv, Lang::En) => "Society's present value cannot turn positive".to_string(),
            };
            match lang {
                Lang::Sv => format!("{what}, hur väl insatserna än fungerar."),
                Lang::En => format!("{what}, however well the interventions work."),
            }
        }
        (Needed::NoEffect, Lang::Sv) if contracted && target != Target::SocietyNpv => format!(
            "{what} även om insatserna inte har någon effekt: med utfallskontrakt betalar organisationen då inget för dem. Med en del effekt kan betalningarna komma före besparingarna."
        ),
        (Needed::NoEffect, Lang::En) if contracted && target != Target::SocietyNpv => format!(
            "{what} even if the interventions have no effect: under outcome contracts the organisation then pays nothing for them. With some effect, the payments can come before the savings."
        ),
        (Needed::NoEffect, Lang::Sv) => format!("{what} även om insatserna inte har någon effekt."),
        (Needed::NoEffect, Lang::En) => format!("{what} even if the interventions have no effect."),
        (Needed::AtLeast(p), Lang::Sv) => {
            format!("{what} om insatserna fungerar minst {} så bra som antaget.", pct(p, lang))
        }
        (Needed::AtLeast(p), Lang::En) => {
            format!("{what} if the interventions work at least {} as well as assumed.", pct(p, lang))
        }
        (Needed::Better(p), Lang::Sv) => {
            format!("{what} bara om insatserna fungerar bättre än antaget: {} så bra.", pct(p, lang))
        }
        (Needed::Better(p), Lang::En) => {
            format!("{what} only if the interventions work better than assumed: {} as well.", pct(p, lang))
        }
        (Needed::Impossible(p), Lang::Sv) => format!(
            "{what} bara om insatserna fungerar {} så bra som antaget, vilket inte går: en lyckandegrad skulle bli över 100\u{a0}%.",
            pct(p, lang)
        ),
        (Needed::Impossible(p), Lang::En) => format!(
            "{what} only if the interventions work {} as well as assumed, which cannot be: a success rate would pass 100%.",
            pct(p, lang)
        ),
    }
}

/// A share of outcomes said as a count: none, all, or "n of 10" (or "n of
/// 100" when tenths would round to none or all).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Chance {
    None,
    All,
    Some { n: u32, of: u32 },
}

/// The chance a share (0 to 1) is said as.
pub fn chance(share: Decimal) -> Chance {
    if share <= Decimal::ZERO {
        return Chance::None;
    }
    if share >= Decimal::ONE {
        return Chance::All;
    }
    let of = |d: u32| {
        (share * Decimal::from(d))
            .round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero)
            .to_u32()
            .unwrap_or(0)
    };
    let tenths = of(10);
    if (1..=9).contains(&tenths) {
        Chance::Some { n: tenths, of: 10 }
    } else {
        Chance::Some { n: of(100).clamp(1, 99), of: 100 }
    }
}

/// "i 7 av 10 utfall", "i alla utfall", "i inget utfall".
pub fn in_outcomes(share: Decimal, lang: Lang) -> String {
    match (chance(share), lang) {
        (Chance::None, Lang::Sv) => "i inget utfall".into(),
        (Chance::None, Lang::En) => "in no outcome".into(),
        (Chance::All, Lang::Sv) => "i alla utfall".into(),
        (Chance::All, Lang::En) => "in every outcome".into(),
        (Chance::Some { n, of }, Lang::Sv) => format!("i {n} av {of} utfall"),
        (Chance::Some { n, of }, Lang::En) => format!("in {n} of {of} outcomes"),
    }
}

/// What a share of the Monte Carlo run counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Odds {
    /// It pays back within the term (`payback_by_share`).
    PaybackBy(Term),
    /// It pays back within the horizon (`payback_within_horizon_share`).
    PaybackWithin(u32),
    OrgNpv,
    SocietyNpv,
    /// The fund never goes below zero (`fund_never_negative_share`).
    FundLasts,
}

/// "I 7 av 10 utfall betalar det sig inom mandatperioden 2027–2030."
pub fn chance_sentence(odds: Odds, share: Decimal, lang: Lang) -> String {
    // Every "in …" starts with an ASCII letter: no Unicode case tables (see `words::lowercase`).
    let lead = |mut s: String| {
        s[..1].make_ascii_uppercase();
        s
    };
    match (odds, lang) {
        (Odds::PaybackBy(t), Lang::Sv) => {
            format!("{} betalar det sig inom mandatperioden {}–{}.", lead(in_outcomes(share, lang)), t.first, t.last)
        }
        (Odds::PaybackBy(t), Lang::En) => {
            format!("{} it pays back within the term {}–{}.", lead(in_outcomes(share, lang)), t.first, t.last)
        }
        (Odds::PaybackWithin(years), Lang::Sv) => {
            format!("{} betalar det sig inom {years} år.", lead(in_outcomes(share, lang)))
        }
        (Odds::PaybackWithin(years), Lang::En) => {
            format!("{} it pays back within {years} years.", lead(in_outcomes(share, lang)))
        }
        (Odds::OrgNpv, Lang::Sv) => format!("Organisationens nuvärde är positivt {}.", in_outcomes(share, lang)),
        (Odds::OrgNpv, Lang::En) => {
            format!("The organisation's present value is positive {}.", in_outcomes(share, lang))
        }
        (Odds::SocietyNpv, Lang::Sv) => format!("Samhällets nuvärde är positivt {}.", in_outcomes(share, lang)),
        (Odds::SocietyNpv, Lang::En) => format!("Society's present value is positive {}.", in_outcomes(share, lang)),
        (Odds::FundLasts, _) if share >= Decimal::ONE => match lang {
            Lang::Sv => "Fonden räcker i alla utfall.".into(),
            Lang::En => "The fund lasts in every outcome.".into(),
        },
        (Odds::FundLasts, Lang::Sv) => format!("Fonden tar slut {}.", in_outcomes(Decimal::ONE - share, lang)),
        (Odds::FundLasts, Lang::En) => format!("The fund runs dry {}.", in_outcomes(Decimal::ONE - share, lang)),
    }
}

/// "Räknar: 4 000 av 10 000 utfall …"
pub fn progress(done: u32, draws: u32, lang: Lang) -> String {
    let (done, draws) = (number(Decimal::from(done), 0, lang), number(Decimal::from(draws), 0, lang));
    match lang {
        Lang::Sv => format!("Räknar fler utfall: {done} av {draws} …"),
        Lang::En => format!("Computing more outcomes: {done} of {draws} …"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().expect("a decimal")
    }

    const TERM: Term = Term { first: 2027, last: 2030 };

    #[test]
    fn a_factor_is_said_as_what_it_asks_of_the_interventions() {
        assert_eq!(needed(None, d("0.5")), Needed::Never);
        assert_eq!(needed(Some(d("0")), d("0.5")), Needed::NoEffect);
        // 0.6234 → 62.34 % → "at least 63 %": rounded up, so that 63 % is enough.
        assert_eq!(needed(Some(d("0.6234")), d("0.5")), Needed::AtLeast(63));
        assert_eq!(needed(Some(d("0.62")), d("0.5")), Needed::AtLeast(62));
        assert_eq!(needed(Some(d("1")), d("0.5")), Needed::AtLeast(100));
        // 1.8 × 0.5 = 0.9 ≤ 1: possible, better than assumed.
        assert_eq!(needed(Some(d("1.8")), d("0.5")), Needed::Better(180));
        // 2.5 × 0.5 = 1.25 > 1: a success rate would pass 100 %.
        assert_eq!(needed(Some(d("2.5")), d("0.5")), Needed::Impossible(250));
        // Exactly 100 % for the largest rate is still possible.
        assert_eq!(needed(Some(d("2")), d("0.5")), Needed::Better(200));
    }

    #[test]
    fn the_sentences_say_the_term_and_the_percent_in_each_language() {
        let s = break_even_sentence(Target::PaybackBy(TERM), Needed::AtLeast(62), false, Lang::Sv);
        assert_eq!(
            s,
            "Det betalar sig inom mandatperioden 2027–2030 om insatserna fungerar minst 62\u{a0}% så bra som antaget."
        );
        let s = break_even_sentence(Target::PaybackBy(TERM), Needed::AtLeast(62), false, Lang::En);
        assert_eq!(
            s,
            "It pays back within the term 2027–2030 if the interventions work at least 62% as well as assumed."
        );
        let s = break_even_sentence(Target::OrgNpv, Needed::Never, false, Lang::Sv);
        assert_eq!(s, "Organisationens nuvärde blir inte positivt, hur väl insatserna än fungerar.");
        let s = break_even_sentence(Target::SocietyNpv, Needed::NoEffect, false, Lang::En);
        assert_eq!(s, "Society's present value turns positive even if the interventions have no effect.");
        assert!(break_even_sentence(Target::OrgNpv, Needed::Impossible(250), false, Lang::Sv).contains("inte går"));
        assert!(
            break_even_sentence(Target::OrgNpv, Needed::Better(180), false, Lang::En).contains("better than assumed")
        );
    }

    #[test]
    fn under_outcome_contracts_no_effect_says_why_and_that_some_effect_may_not_do() {
        // Payments follow the outcomes: with no effect nothing is paid, so the organisation
        // breaks even; with a partial effect the payments can precede the savings.
        let s = break_even_sentence(Target::PaybackBy(TERM), Needed::NoEffect, true, Lang::En);
        assert_eq!(
            s,
            "It pays back within the term 2027–2030 even if the interventions have no effect: under outcome contracts the organisation then pays nothing for them. With some effect, the payments can come before the savings."
        );
        let s = break_even_sentence(Target::OrgNpv, Needed::NoEffect, true, Lang::Sv);
        assert!(s.contains("med utfallskontrakt betalar organisationen då inget för dem."), "{s}");
        // Society pays for the work either way (the investor is part of it): no such clause.
        let s = break_even_sentence(Target::SocietyNpv, Needed::NoEffect, true, Lang::En);
        assert_eq!(s, "Society's present value turns positive even if the interventions have no effect.");
        // Other verdicts read as without contracts.
        assert_eq!(
            break_even_sentence(Target::OrgNpv, Needed::AtLeast(40), true, Lang::En),
            break_even_sentence(Target::OrgNpv, Needed::AtLeast(40), false, Lang::En)
        );
    }

    #[test]
    fn a_share_is_said_in_tenths_unless_that_would_say_none_or_all() {
        assert_eq!(chance(d("0")), Chance::None);
        assert_eq!(chance(d("1")), Chance::All);
        assert_eq!(chance(d("0.7")), Chance::Some { n: 7, of: 10 });
        assert_eq!(chance(d("0.65")), Chance::Some { n: 7, of: 10 });
        // 0.97 would be "10 of 10", which is not every outcome: 97 of 100.
        assert_eq!(chance(d("0.97")), Chance::Some { n: 97, of: 100 });
        assert_eq!(chance(d("0.03")), Chance::Some { n: 3, of: 100 });
        // 0.0001 (1 draw of 10 000) is still some outcome: 1 of 100, never "0 of 100".
        assert_eq!(chance(d("0.0001")), Chance::Some { n: 1, of: 100 });
        assert_eq!(chance(d("0.9999")), Chance::Some { n: 99, of: 100 });
    }

    #[test]
    fn the_chances_read_as_sentences() {
        assert_eq!(
            chance_sentence(Odds::PaybackBy(TERM), d("0.7"), Lang::Sv),
            "I 7 av 10 utfall betalar det sig inom mandatperioden 2027–2030."
        );
        assert_eq!(
            chance_sentence(Odds::PaybackBy(TERM), d("0.7"), Lang::En),
            "In 7 of 10 outcomes it pays back within the term 2027–2030."
        );
        assert_eq!(chance_sentence(Odds::FundLasts, d("1"), Lang::Sv), "Fonden räcker i alla utfall.");
        // 70 % never negative: it runs dry in the other 3 of 10.
        assert_eq!(chance_sentence(Odds::FundLasts, d("0.7"), Lang::Sv), "Fonden tar slut i 3 av 10 utfall.");
        assert_eq!(chance_sentence(Odds::FundLasts, d("0"), Lang::En), "The fund runs dry in every outcome.");
        assert_eq!(
            chance_sentence(Odds::OrgNpv, d("0"), Lang::En),
            "The organisation's present value is positive in no outcome."
        );
    }

    proptest::proptest! {
        #[test]
        fn a_chance_is_within_a_twentieth_of_its_share(bp in 0u32..=10_000) {
            let share = Decimal::new(i64::from(bp), 4);
            match chance(share) {
                Chance::None => proptest::prop_assert!(share.is_zero()),
                Chance::All => proptest::prop_assert_eq!(share, Decimal::ONE),
                Chance::Some { n, of } => {
                    proptest::prop_assert!(n >= 1 && n < of);
                    let said = Decimal::from(n) / Decimal::from(of);
                    proptest::prop_assert!((said - share).abs() <= d("0.05"));
                }
            }
        }

        #[test]
        fn at_the_percent_said_it_holds(f in 1u32..=100_000) {
            // "at least p %": p / 100 is never below the factor.
            let factor = Decimal::new(i64::from(f), 4);
            if let Needed::AtLeast(p) | Needed::Better(p) | Needed::Impossible(p) = needed(Some(factor), d("0.1")) {
                proptest::prop_assert!(Decimal::from(p) / Decimal::ONE_HUNDRED >= factor);
                proptest::prop_assert!(Decimal::from(p) / Decimal::ONE_HUNDRED - factor < d("0.01"));
            }
        }
    }
}
