//! Plain-language sentences about a repayment rule, with the current numbers:
//! "Socialförvaltningen betalar tillbaka 50 % av sina besparingar tills
//! 7,5 mnkr är återbetalt."
//!
//! Pure functions of the scenario and its last valid outcome, so components
//! only show them; amounts come from the engine's `grants_total`.

use rust_decimal::Decimal;

use crate::model::{Outcome, RepaymentRule, Scenario};
use crate::words::format::{money_auto, percent};
use crate::words::Lang;

/// Names joined as people write lists: "A, B och C" / "A, B and C".
pub fn join_names(names: &[String], lang: Lang) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {} {}", init.join(", "), lang.pick("och", "and"), last),
    }
}

fn pct(share: Decimal, lang: Lang) -> String {
    let decimals = if (share * Decimal::ONE_HUNDRED).fract().is_zero() { 0 } else { 1 };
    percent(share, decimals, lang)
}

fn years_word(n: u32, lang: Lang) -> &'static str {
    match (lang, n) {
        (Lang::Sv, _) => "år",
        (Lang::En, 1) => "year",
        (Lang::En, _) => "years",
    }
}

/// The sentence for the scenario's default rule (no particular intervention).
pub fn default_rule(rule: Option<&RepaymentRule>, lang: Lang) -> String {
    match rule.unwrap_or(&RepaymentRule::None) {
        RepaymentRule::None => lang.pick(
            "Bidrag: insatserna betalar ingenting tillbaka till fonden.",
            "Grants: the interventions pay nothing back to the fund.",
        )
        .to_string(),
        RepaymentRule::Fixed { share, years, start_after } => match lang {
            Lang::Sv => format!(
                "Insatsens ägare betalar tillbaka {} av bidraget i {years} lika stora årliga delar, med start {start_after} år efter att insatsen avslutats.",
                pct(*share, lang)
            ),
            Lang::En => format!(
                "The intervention's owner repays {} of the grant in {years} equal yearly instalments, starting {start_after} {} after the intervention ends.",
                pct(*share, lang),
                years_word(*start_after, lang)
            ),
        },
        RepaymentRule::SavingsShare { share, cap, start_after } => {
            let until = match cap {
                Some(c) => match lang {
                    Lang::Sv => format!(" tills {} av bidraget är återbetalt", pct(*c, lang)),
                    Lang::En => format!(" until {} of the grant is repaid", pct(*c, lang)),
                },
                None => lang.pick(", utan tak", ", with no cap").to_string(),
            };
            let from = start_after_text(*start_after, lang);
            match lang {
                Lang::Sv => format!(
                    "Förvaltningarna inom organisationen betalar tillbaka {} av sina besparingar{until}{from}.",
                    pct(*share, lang)
                ),
                Lang::En => format!(
                    "The administrations inside the organisation repay {} of their savings{until}{from}.",
                    pct(*share, lang)
                ),
            }
        }
    }
}

fn start_after_text(start_after: u32, lang: Lang) -> String {
    if start_after == 0 {
        String::new()
    } else {
        match lang {
            Lang::Sv => format!(", med start {start_after} år efter insatsens start"),
            Lang::En => {
                format!(", starting {start_after} {} after the intervention starts", years_word(start_after, lang))
            }
        }
    }
}

/// The sentence for the rule that applies to intervention `index`, with its
/// owner, the inside actors that save, and the amounts of the last valid outcome.
pub fn intervention_rule(scenario: &Scenario, outcome: &Outcome, index: usize, lang: Lang) -> String {
    let Some(iv) = scenario.interventions.get(index) else { return String::new() };
    let rule = scenario.repayment_rule(iv);
    let currency = scenario.currency.as_str();
    // The outcome belongs to the last valid scenario: use its totals only for the same intervention.
    let grant = outcome.interventions.get(index).filter(|o| o.id == iv.id).map(|o| o.grants_total);
    let owner = scenario.actor(&iv.owner).map(|a| a.name.clone()).unwrap_or_else(|| iv.owner.clone());
    match rule {
        RepaymentRule::None => match lang {
            Lang::Sv => format!("Bidrag: {owner} betalar ingenting tillbaka till fonden."),
            Lang::En => format!("A grant: {owner} pays nothing back to the fund."),
        },
        RepaymentRule::Fixed { share, years, start_after } => {
            let first_year = scenario.start_year + iv.start as i32 + iv.years as i32 + *start_after as i32;
            let due = grant.and_then(|g| g.checked_mul(*share));
            let instalment = due.and_then(|d| d.checked_div(Decimal::from((*years).max(1))));
            match (due, instalment, lang) {
                (Some(due), Some(inst), Lang::Sv) => format!(
                    "{owner} betalar tillbaka {} ({} av bidraget) i {years} lika stora delar om {} per år, med start {first_year}.",
                    money_auto(due, currency, lang),
                    pct(*share, lang),
                    money_auto(inst, currency, lang)
                ),
                (Some(due), Some(inst), Lang::En) => format!(
                    "{owner} repays {} ({} of the grant) in {years} equal instalments of {} a year, starting {first_year}.",
                    money_auto(due, currency, lang),
                    pct(*share, lang),
                    money_auto(inst, currency, lang)
                ),
                (_, _, Lang::Sv) => format!(
                    "{owner} betalar tillbaka {} av bidraget i {years} lika stora delar, med start {first_year}.",
                    pct(*share, lang)
                ),
                (_, _, Lang::En) => format!(
                    "{owner} repays {} of the grant in {years} equal instalments, starting {first_year}.",
                    pct(*share, lang)
                ),
            }
        }
        RepaymentRule::SavingsShare { share, cap, start_after } => {
            let savers: Vec<String> = iv
                .avoided_costs
                .iter()
                .filter(|a| a.per_year > Decimal::ZERO)
                .filter_map(|a| scenario.actor(&a.actor))
                .filter(|a| a.inside)
                .map(|a| a.name.clone())
                .collect();
            if savers.is_empty() {
                return lang
                    .pick(
                        "Ingen förvaltning inom organisationen får besparingar av insatsen, så ingenting betalas tillbaka.",
                        "No administration inside the organisation saves from this intervention, so nothing is paid back.",
                    )
                    .to_string();
            }
            let who = join_names(&savers, lang);
            let until = match (cap, grant.zip(*cap).and_then(|(g, c)| g.checked_mul(c))) {
                (Some(_), Some(limit)) => match lang {
                    Lang::Sv => format!(" tills {} är återbetalt", money_auto(limit, currency, lang)),
                    Lang::En => format!(" until {} is repaid", money_auto(limit, currency, lang)),
                },
                (Some(c), None) => match lang {
                    Lang::Sv => format!(" tills {} av bidraget är återbetalt", pct(*c, lang)),
                    Lang::En => format!(" until {} of the grant is repaid", pct(*c, lang)),
                },
                (None, _) => lang.pick(", utan tak", ", with no cap").to_string(),
            };
            let from = if *start_after == 0 {
                String::new()
            } else {
                let year = scenario.start_year + iv.start as i32 + *start_after as i32;
                match lang {
                    Lang::Sv => format!(", med start {year}"),
                    Lang::En => format!(", starting {year}"),
                }
            };
            match lang {
                Lang::Sv => format!("{who} betalar tillbaka {} av sina besparingar{until}{from}.", pct(*share, lang)),
                Lang::En => format!(
                    "{who} {} {} of {} savings{until}{from}.",
                    if savers.len() == 1 { "repays" } else { "repay" },
                    pct(*share, lang),
                    if savers.len() == 1 { "its" } else { "their" }
                ),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example() -> Scenario {
        crate::presets::example().expect("the example reads")
    }
    use crate::model::simulate;

    #[test]
    fn savings_share_names_the_savers_and_the_cap_amount() {
        let mut s = example();
        s.interventions[0].repayment = None; // the default: 50 % of savings, cap 1 × grant
        let outcome = simulate(&s).unwrap();
        assert_eq!(
            intervention_rule(&s, &outcome, 0, Lang::Sv),
            "Socialförvaltningen betalar tillbaka 50\u{a0}% av sina besparingar tills 7,5\u{a0}mnkr är återbetalt."
        );
        assert_eq!(
            intervention_rule(&s, &outcome, 0, Lang::En),
            "Socialförvaltningen repays 50% of its savings until 7.5\u{a0}MSEK is repaid."
        );
    }

    #[test]
    fn fixed_instalments_give_amount_and_first_year() {
        let s = example();
        let outcome = simulate(&s).unwrap();
        assert_eq!(
            intervention_rule(&s, &outcome, 0, Lang::Sv),
            "Utbildningsförvaltningen betalar tillbaka 7,5\u{a0}mnkr (100\u{a0}% av bidraget) i 5 lika stora delar om 1,5\u{a0}mnkr per år, med start 2029."
        );
    }

    #[test]
    fn lists_are_joined() {
        let names = vec!["A".to_string(), "B".to_string(), "C".to_string()];
        assert_eq!(join_names(&names, Lang::Sv), "A, B och C");
        assert_eq!(join_names(&names[..1], Lang::En), "A");
    }
}
