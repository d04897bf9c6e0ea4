//! The words of "How is this calculated?" for the outcome contracts' views
//! ([`crate::explain::contract`]): each figure's name and rule and each
//! quantity's name, in Swedish and English. On demand only.

use crate::explain::contract::{BreakEvenFigure, ContractFigure, ContractQuantity, What};
use crate::explain::Figure;
use crate::model::Scenario;

use super::Lang;

fn pick(lang: Lang, sv: &str, en: &str) -> String {
    lang.pick(sv, en).to_string()
}

fn year(s: &Scenario, t: u64) -> i64 {
    i64::from(s.start_year).saturating_add(i64::try_from(t).unwrap_or(i64::MAX))
}

fn actor_name(s: &Scenario, id: &str) -> String {
    s.actor(id).map_or(id.to_string(), |a| a.name.clone())
}

/// The contract's name, or its intervention's.
fn contract_name(s: &Scenario, k: usize) -> String {
    let Some(c) = s.outcome_contracts.get(k) else { return String::new() };
    if c.name.trim().is_empty() {
        s.interventions.iter().find(|iv| iv.id == c.intervention).map_or(c.id.clone(), |iv| iv.name.clone())
    } else {
        c.name.clone()
    }
}

/// The figure's name, with its year and whose it is.
pub fn title(s: &Scenario, f: ContractFigure, lang: Lang) -> String {
    let contract = s.outcome_contracts.get(f.contract);
    let name = match f.what {
        What::Paid { payer, year: y } => {
            let id = contract.and_then(|c| {
                if payer == 0 {
                    Some(&c.payer)
                } else {
                    c.co_payers.get(payer - 1).map(|p| &p.actor)
                }
            });
            let who = id.map_or(String::new(), |id| actor_name(s, id));
            format!("{} {}, {who}", pick(lang, "Utfallsbetalning", "Outcome payment"), year(s, y as u64))
        }
        What::Bought { column, year: y } => {
            let iv = contract.and_then(|c| s.interventions.iter().find(|iv| iv.id == c.intervention));
            let who = iv.and_then(|iv| iv.avoided_costs.get(column)).map_or(String::new(), |a| actor_name(s, &a.actor));
            format!("{} {}, {who}", pick(lang, "Besparing som köps", "Savings bought"), year(s, y as u64))
        }
        What::Flow { t } => {
            format!("{} {}", pick(lang, "Investerarens kassaflöde", "The investor's cash flow"), year(s, t))
        }
        What::Outcomes => pick(lang, "Utfall", "Outcomes"),
        What::PaymentsTotal => {
            pick(lang, "Utfallsbetalningar inom tidshorisonten", "Outcome payments within the horizon")
        }
        What::Outstanding => pick(lang, "Att betala efter tidshorisonten", "Due after the horizon"),
        What::Exposure => pick(lang, "Betalarnas största möjliga åtagande", "The payers' maximum exposure"),
        What::InvestorNet => pick(lang, "Investerarens netto", "The investor's net"),
        What::Multiple => pick(lang, "Investerarens multipel", "The investor's multiple"),
        What::Irr => pick(lang, "Investerarens internränta", "The investor's internal rate of return"),
        What::Premium => pick(
            lang,
            "Premie (nuvärde av investerarens kassaflöde)",
            "Premium (present value of the investor's cash flow)",
        ),
        What::ThroughFund(figure) => {
            let of = super::explain::figure_title(s, figure, lang);
            format!("{of}, {}", pick(lang, "genom fonden", "through the fund"))
        }
        What::BreakEven { fund, which } => {
            let of = match which {
                BreakEvenFigure::OrgFactor => pick(
                    lang,
                    "Organisationens effektfaktor för nollresultat",
                    "The organisation's break-even effect factor",
                ),
                BreakEvenFigure::SocietyFactor => {
                    pick(lang, "Samhällets effektfaktor för nollresultat", "Society's break-even effect factor")
                }
                BreakEvenFigure::SuccessRate => pick(
                    lang,
                    "Insatsens lyckandegrad för organisationens nollresultat",
                    "The intervention's break-even success rate for the organisation",
                ),
            };
            let way = if fund {
                pick(lang, "genom fonden", "through the fund")
            } else {
                pick(lang, "genom kontraktet", "through the contract")
            };
            format!("{of}, {way}")
        }
    };
    format!("{name} ({})", contract_name(s, f.contract))
}

/// The figure's rule.
pub fn rule(f: ContractFigure, lang: Lang) -> String {
    let payment = pick(lang, "Varje årskull ger utfall = deltagare × andel som lyckas (dödvikten dras inte av) och betalas utfall × pris per utfall, högst det som taket lämnar efter de tidigare årskullarna, det år som ligger fördröjning + betalningsfördröjning efter årskullens år.", "Each cohort gives outcomes = participants × success rate (deadweight not deducted) and is paid outcomes × price per outcome, at most what the cap leaves after the earlier cohorts, lag + payment delay years after the cohort's year.");
    match f.what {
        What::Paid { .. } => format!("{payment} {}", pick(lang, "Varje medbetalare betalar sin andel av betalningen, betalaren resten.", "Each co-payer pays its share of the payment, the payer the rest.")),
        What::Bought { .. } => super::explain::rule(Figure::Actor { actor: 0, field: crate::explain::ActorField::Savings, year: 0 }, lang),
        What::Flow { .. } => format!("{} {payment}", pick(lang, "Investerarens netto för året = utfallsbetalningar som tas emot − insatsens kostnad det året (investeraren betalar insatsen).", "The investor's net for the year = outcome payments received − the intervention's cost that year (the investor pays for the work).")),
        What::Outcomes => pick(lang, "Summan av alla årskullars utfall: deltagare × andel som lyckas × antal år insatsen pågår.", "The sum of every cohort's outcomes: participants × success rate × the years the intervention runs."),
        What::PaymentsTotal => format!("{} {payment}", pick(lang, "Summan av betalningarna inom tidshorisonten.", "The sum of the payments within the horizon.")),
        What::Outstanding => format!("{} {payment}", pick(lang, "Summan av betalningarna som faller efter tidshorisonten.", "The sum of the payments that fall after the horizon.")),
        What::Exposure => pick(lang, "Om alla deltagare lyckas: deltagare × år × pris per utfall, högst taket.", "If every participant succeeds: participants × years × price per outcome, at most the cap."),
        What::InvestorNet => pick(lang, "Alla utfallsbetalningar (även efter tidshorisonten) − insatsens kostnader som investeraren betalar.", "Every outcome payment (after the horizon too) − the intervention's costs the investor pays."),
        What::Multiple => pick(lang, "Alla utfallsbetalningar ÷ insatsens kostnader som investeraren betalar.", "Every outcome payment ÷ the intervention's costs the investor pays."),
        What::Irr => pick(lang, "Räntan r där nuvärdet av investerarens kassaflöde, Σ belopp år t ÷ (1 + r)^t, är noll; hittas genom halvering mellan −99 % och 1 000 % till 10⁻⁹. Inget värde om nuvärdet har samma tecken i båda ändarna.", "The rate r at which the present value of the investor's cash flow, Σ amount of year t ÷ (1 + r)^t, is zero; found by bisection between −99 % and 1,000 % to 10⁻⁹. None when the present value has the same sign at both ends."),
        What::Premium => pick(lang, "Σ investerarens belopp år t ÷ (1 + diskonteringsränta)^t: nuvärdet av betalningarna − nuvärdet av kostnaderna.", "Σ the investor's amount of year t ÷ (1 + discount rate)^t: the present value of the payments − that of the costs."),
        What::BreakEven { fund, which } => {
            let way = if fund { pick(lang, "Kontraktet tas bort och scenariot räknas om: insatsen betalas genom fonden. ", "The contract is taken out and the scenario calculated again: the intervention is paid through the fund. ") } else { String::new() };
            let rule = match which {
                BreakEvenFigure::SocietyFactor => pick(lang, "Den faktor f på alla insatsers andel som lyckas där samhällets nuvärde blir noll: nuvärdet av insatsernas kostnader ÷ nuvärdet av alla besparingar.", "The factor f on every intervention's success rate at which society's present value is zero: the present value of the interventions' costs ÷ that of all savings."),
                BreakEvenFigure::OrgFactor => pick(lang, "Den minsta faktor f på alla insatsers andel som lyckas där organisationens nuvärde blir noll. Utan utfallskontrakt: nuvärdet av kostnaderna ÷ nuvärdet av besparingarna inom organisationen; med kontrakt följer betalningarna utfallen upp till taket, så f söks i 10 000 steg och genom halvering till 10⁻⁹.", "The smallest factor f on every intervention's success rate at which the organisation's present value is zero. Without outcome contracts: the present value of the costs ÷ that of the inside savings; with contracts the payments follow the outcomes up to the cap, so f is searched for in 10,000 steps and by bisection to 10⁻⁹."),
                BreakEvenFigure::SuccessRate => pick(lang, "Den andel som lyckas för den här insatsen (de andra som de är) där organisationens nuvärde blir noll; med kontrakt söks den i 10 000 steg och genom halvering till 10⁻⁹.", "The success rate of this intervention (the others as they are) at which the organisation's present value is zero; under a contract it is searched for in 10,000 steps and by bisection to 10⁻⁹."),
            };
            format!("{way}{rule}")
        }
        What::ThroughFund(figure) => format!("{} {}", pick(lang, "Kontraktet tas bort och scenariot räknas om: insatsen betalas genom fonden.", "The contract is taken out and the scenario calculated again: the intervention is paid through the fund."), super::explain::rule(figure, lang)),
    }
}

/// A quantity's name in a contract's derivation.
pub fn quantity(s: &Scenario, c: ContractQuantity, lang: Lang) -> String {
    match c {
        ContractQuantity::Outcomes => pick(
            lang,
            "Utfall per årskull (deltagare × andel som lyckas)",
            "Outcomes per cohort (participants × success rate)",
        ),
        ContractQuantity::Price => pick(lang, "Pris per utfall", "Price per outcome"),
        ContractQuantity::Full => pick(lang, "Utfall × pris (före taket)", "Outcomes × price (before the cap)"),
        ContractQuantity::Cap => pick(lang, "Tak för alla betalningar", "Cap on all payments"),
        ContractQuantity::PaidBefore => pick(lang, "Betalt för tidigare årskullar", "Paid for earlier cohorts"),
        ContractQuantity::Room => pick(
            lang,
            "Kvar under taket (tak − betalt tidigare, minst 0)",
            "Left under the cap (cap − paid before, at least 0)",
        ),
        ContractQuantity::PayAfter => pick(lang, "Betalningsfördröjning (år)", "Payment delay (years)"),
        ContractQuantity::Delay => {
            pick(lang, "År från årskullen till betalningen", "Years from the cohort to its payment")
        }
        ContractQuantity::Cohort { start, paid } => match lang {
            Lang::Sv => format!(
                "Årskullen från {}, betald {} (det mindre av utfall × pris och det som är kvar under taket)",
                year(s, start as u64),
                year(s, paid)
            ),
            Lang::En => format!(
                "The {} cohort, paid in {} (the smaller of outcomes × price and what is left under the cap)",
                year(s, start as u64),
                year(s, paid)
            ),
        },
        ContractQuantity::Share { actor } => {
            let name = s.actors.get(actor).map_or(String::new(), |a| a.name.clone());
            format!("{name}: {}", pick(lang, "andel × betalningen", "share × the payment"))
        }
        ContractQuantity::CoPayers => pick(lang, "− Medbetalarnas delar", "− The co-payers' parts"),
        ContractQuantity::CostOfWork => pick(
            lang,
            "Insatsens kostnad, betald av investeraren (negativ)",
            "The intervention's cost, paid by the investor (negative)",
        ),
        ContractQuantity::Received => pick(lang, "+ Utfallsbetalningar som tas emot", "+ Outcome payments received"),
        ContractQuantity::Invested => {
            pick(lang, "− Insatsens kostnader (årlig kostnad × år)", "− The intervention's costs (annual cost × years)")
        }
        ContractQuantity::MostOutcomes => {
            pick(lang, "Flest möjliga utfall (deltagare × år)", "Most outcomes (participants × years)")
        }
        ContractQuantity::Most => pick(lang, "Flest utfall × pris", "Most outcomes × price"),
        ContractQuantity::Flow { t } => {
            let past = t >= u64::from(s.horizon_years);
            let after =
                if past { pick(lang, " (efter tidshorisonten)", " (after the horizon)") } else { String::new() };
            format!("{}{after}: {}", year(s, t), pick(lang, "investerarens belopp", "the investor's amount"))
        }
        ContractQuantity::Factor { t } => match lang {
            Lang::Sv => format!("Diskonteringsfaktor (1 + ränta)^{t}"),
            Lang::En => format!("Discount factor (1 + rate)^{t}"),
        },
        ContractQuantity::Discounted { t } => match lang {
            Lang::Sv => format!("{}: belopp ÷ faktor", year(s, t)),
            Lang::En => format!("{}: amount ÷ factor", year(s, t)),
        },
        ContractQuantity::CostsPv => {
            pick(lang, "Nuvärdet av insatsernas kostnader", "Present value of the interventions' costs")
        }
        ContractQuantity::InsideSavingsPv => {
            pick(lang, "Nuvärdet av besparingarna inom organisationen", "Present value of the inside savings")
        }
        ContractQuantity::AllSavingsPv => pick(lang, "Nuvärdet av alla besparingar", "Present value of all savings"),
        ContractQuantity::OrgNpvAsIs => pick(
            lang,
            "Organisationens nuvärde som scenariot är",
            "The organisation's present value as the scenario is",
        ),
        ContractQuantity::OrgNpvAtFactor => pick(
            lang,
            "Organisationens nuvärde vid den faktorn (noll, så när som på sökningens sista steg)",
            "The organisation's present value at that factor (zero, but for the search's last step)",
        ),
        ContractQuantity::OrgNpvAtRate => pick(
            lang,
            "Organisationens nuvärde vid den andelen (noll, så när som på sökningens sista steg)",
            "The organisation's present value at that rate (zero, but for the search's last step)",
        ),
        ContractQuantity::PresentValueAtIrr => pick(
            lang,
            "Nuvärdet vid internräntan (noll, så när som på halveringens sista steg)",
            "The present value at this rate (zero, but for the bisection's last step)",
        ),
    }
}
