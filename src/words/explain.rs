//! The words of "How is this calculated?" ([`crate::explain`]): the name of
//! each figure and of each quantity of a derivation, and the rule of each
//! figure, in Swedish and English. Used only by the on-demand module, so
//! none of it is in the first download.

use crate::explain::{ActorField, Figure, FundField, InterventionField, Quantity, TotalField};
use crate::model::{Accounting, Scenario};

use super::Lang;

fn pick(lang: Lang, sv: &str, en: &str) -> String {
    lang.pick(sv, en).to_string()
}

fn actor_name(s: &Scenario, a: usize) -> String {
    s.actors.get(a).map_or(String::new(), |x| x.name.clone())
}

fn intervention_name(s: &Scenario, i: usize) -> String {
    s.interventions.get(i).map_or(String::new(), |x| x.name.clone())
}

fn year(s: &Scenario, y: usize) -> i32 {
    s.start_year + y as i32
}

/// The figure's name, with its year and whose it is: "Sparande 2028, Socialtjänsten".
pub fn figure_title(s: &Scenario, figure: Figure, lang: Lang) -> String {
    let name = match figure {
        Figure::TotalCost => pick(lang, "Total kostnad", "Total cost"),
        Figure::SavingsInside => pick(lang, "Besparingar inom organisationen", "Savings inside the organisation"),
        Figure::SavingsOutside => pick(lang, "Besparingar utanför organisationen", "Savings outside the organisation"),
        Figure::OrgNpv => pick(lang, "Organisationens nuvärde", "The organisation's present value"),
        Figure::SocietyNpv => pick(lang, "Samhällets nuvärde", "Society's present value"),
        Figure::PaybackYear => pick(lang, "Året då organisationen går plus", "The year the organisation breaks even"),
        Figure::RevolvingRatio => {
            pick(lang, "Andel av fondens pengar som kommer tillbaka", "Share of the fund's money that comes back")
        }
        Figure::ActorNpv { actor } => format!("{}, {}", pick(lang, "Nuvärde", "Present value"), actor_name(s, actor)),
        Figure::Fund { field, year: y } => {
            let f = match field {
                FundField::Open => pick(lang, "Fondens ingående saldo", "The fund's opening balance"),
                FundField::Allocation => pick(lang, "Avsättning till fonden", "Allocation to the fund"),
                FundField::Grants => pick(lang, "Utbetalt ur fonden", "Grants paid from the fund"),
                FundField::Repayments => pick(lang, "Återföring till fonden", "Repayments into the fund"),
                FundField::Close => pick(lang, "Fondens utgående saldo", "The fund's closing balance"),
            };
            format!("{f} {}", year(s, y))
        }
        Figure::OrgNet { year: y } => {
            format!("{} {}", pick(lang, "Organisationens netto", "The organisation's net"), year(s, y))
        }
        Figure::SocietyNet { year: y } => format!("{} {}", pick(lang, "Samhällets netto", "Society's net"), year(s, y)),
        Figure::Actor { actor, field, year: y } => {
            let f = match field {
                ActorField::Savings => pick(lang, "Besparing", "Savings"),
                ActorField::CoFinancing => pick(lang, "Egen medfinansiering", "Co-financing"),
                ActorField::Repayment => pick(lang, "Återbetalning till fonden", "Repayment to the fund"),
                ActorField::FundCost => pick(lang, "Kostnad för fonden", "Cost of the fund"),
                ActorField::GrantsReceived => pick(lang, "Bidrag från fonden", "Grants received"),
                ActorField::Net => pick(lang, "Netto", "Net"),
                ActorField::OutcomePayments => pick(lang, "Utfallsbetalningar", "Outcome payments"),
            };
            format!("{f} {}, {}", year(s, y), actor_name(s, actor))
        }
        Figure::FundKept { drawn: false } => {
            pick(lang, "Kvar i fonden (avsatt men inte utbetalt)", "Kept in the fund (allocated, not paid out)")
        }
        Figure::FundKept { drawn: true } => pick(lang, "Betalt ur fondens kapital", "Paid from the fund's capital"),
        Figure::ActorTotal { actor, field } => {
            let f = match field {
                TotalField::Cost => pick(lang, "Kostnad totalt", "Cost in total"),
                TotalField::SavingsTotal => pick(lang, "Besparing totalt", "Savings in total"),
                TotalField::NetTotal => pick(lang, "Netto totalt", "Net in total"),
            };
            format!("{f}, {}", actor_name(s, actor))
        }
        Figure::Intervention { index, field } => {
            let f = match field {
                InterventionField::GrantsTotal => pick(lang, "Bidrag från fonden totalt", "Total grants"),
                InterventionField::RepaidTotal => pick(lang, "Återbetalt totalt", "Total repaid"),
                InterventionField::Outstanding => pick(lang, "Kvar att återbetala", "Still to be repaid"),
            };
            format!("{f}, {}", intervention_name(s, index))
        }
    };
    name
}

/// The figure's rule in one sentence.
pub fn rule(figure: Figure, lang: Lang) -> String {
    match figure {
        Figure::TotalCost => pick(lang, "Summan av insatsernas årliga kostnad × antal år de pågår inom tidshorisonten.", "The sum of each intervention's annual cost × the years it runs within the horizon."),
        Figure::SavingsInside | Figure::SavingsOutside => pick(lang, "Summan av aktörernas besparingar över alla år.", "The sum of the actors' savings over all years."),
        Figure::OrgNpv | Figure::SocietyNpv | Figure::ActorNpv { .. } => pick(lang, "Nuvärde = Σ nettot år y ÷ (1 + diskonteringsränta)^y: ett år längre fram väger mindre.", "Present value = Σ net of year y ÷ (1 + discount rate)^y: a later year weighs less."),
        Figure::PaybackYear => pick(lang, "Året efter det sista året då organisationens ackumulerade resultat (besparingar inom organisationen − kostnader) är negativt.", "The year after the last year in which the organisation's cumulative result (inside savings − costs) is negative."),
        Figure::RevolvingRatio => pick(lang, "Återföringar totalt ÷ bidrag från fonden totalt.", "Total repayments ÷ total grants."),
        Figure::Fund { field: FundField::Close, .. } => pick(lang, "Utgående saldo = ingående saldo + avsättning + återföringar − utbetalt.", "Closing balance = opening balance + allocation + repayments − grants."),
        Figure::Fund { field: FundField::Open, .. } => pick(lang, "Ingående saldo = föregående års utgående saldo (första året: startkapitalet).", "Opening balance = last year's closing balance (the first year: the initial capital)."),
        Figure::Fund { field: FundField::Allocation, .. } => pick(lang, "Avsättningen för året, som den står i scenariot.", "The year's allocation, as the scenario has it."),
        Figure::Fund { field: FundField::Grants, .. } | Figure::Actor { field: ActorField::GrantsReceived, .. } => pick(lang, "Varje pågående insats: årlig kostnad × fondens andel.", "Each running intervention: annual cost × the fund's share."),
        Figure::Fund { field: FundField::Repayments, .. } => pick(lang, "Summan av årets återbetalningar från insatserna.", "The sum of the year's repayments of the interventions."),
        Figure::OrgNet { .. } => pick(lang, "Besparingar inom organisationen − insatsernas kostnader samma år (interna överföringar tar ut varandra; med utfallskontrakt betalar investeraren insatsen och organisationen utfallsbetalningarna).", "Inside savings − the interventions' costs that year (internal transfers cancel out; under an outcome contract the investor pays the work and the organisation the outcome payments)."),
        Figure::SocietyNet { .. } => pick(lang, "Alla aktörers besparingar − insatsernas kostnader samma år.", "All actors' savings − the interventions' costs that year."),
        Figure::Actor { field: ActorField::Savings, .. } => pick(lang, "Per insats: varje årskull ger deltagare × andel som lyckas × (1 − dödvikt) × undviken kostnad × (1 − avklingning)^k, där k är året i kullens effektperiod.", "Per intervention: each cohort gives participants × success rate × (1 − deadweight) × avoided cost × (1 − drop-off)^k, where k is the year of the cohort's benefit period."),
        Figure::Actor { field: ActorField::CoFinancing, .. } => pick(lang, "Varje egen pågående insats: årlig kostnad × (1 − fondens andel).", "Each own running intervention: annual cost × (1 − the fund's share)."),
        Figure::Actor { field: ActorField::Repayment, .. } => pick(lang, "Per insats, enligt dess återbetalningsregel.", "Per intervention, by its repayment rule."),
        Figure::Actor { field: ActorField::FundCost, .. } => pick(lang, "Bara för den som finansierar fonden: med anslag årets avsättning; med öronmärkt eget kapital utbetalt − återfört.", "Only for the fund's financer: with an appropriation the year's allocation; with earmarked equity grants − repayments."),
        Figure::Actor { field: ActorField::Net, .. } => pick(lang, "Netto = besparing − medfinansiering − återbetalning − kostnad för fonden (− utfallsbetalningar).", "Net = savings − co-financing − repayment − cost of the fund (− outcome payments)."),
        Figure::Actor { field: ActorField::OutcomePayments, .. } => pick(lang, "Per utfallskontrakt: utfall (deltagare × andel som lyckas) × pris per utfall, betalt efter fördröjningen och inom taket, fördelat på betalare och medbetalare.", "Per outcome contract: outcomes (participants × success rate) × price per outcome, paid after the delay and within the cap, split between payer and co-payers."),
        Figure::FundKept { .. } => pick(lang, "Över tidshorisonten: kostnaden för fonden (med anslag avsättningarna; med öronmärkt eget kapital utbetalt − återfört) + återföringar − utbetalt till insatser.", "Over the horizon: the cost of the fund (with an appropriation the allocations; with earmarked equity grants − repayments) + repayments − grants to interventions."),
        Figure::ActorTotal { field: TotalField::Cost, .. } => pick(lang, "Summan över åren av medfinansiering + återbetalning + kostnad för fonden (+ utfallsbetalningar).", "The sum over the years of co-financing + repayment + cost of the fund (+ outcome payments)."),
        Figure::ActorTotal { field: TotalField::SavingsTotal, .. } => pick(lang, "Summan av årens besparingar.", "The sum of the years' savings."),
        Figure::ActorTotal { field: TotalField::NetTotal, .. } => pick(lang, "Netto totalt = besparing totalt − kostnad totalt (summan av årens netto).", "Net in total = savings in total − cost in total (the sum of the years' nets)."),
        Figure::Intervention { field: InterventionField::GrantsTotal, .. } => pick(lang, "Årlig kostnad × fondens andel × antal år inom tidshorisonten.", "Annual cost × the fund's share × the years within the horizon."),
        Figure::Intervention { field: InterventionField::RepaidTotal, .. } => pick(lang, "Summan av de återbetalande aktörernas återbetalningar.", "The sum of the repaying actors' repayments."),
        Figure::Intervention { field: InterventionField::Outstanding, .. } => pick(lang, "Det som återstår av beloppet att återbetala när tidshorisonten tar slut.", "What remains of the amount to be repaid when the horizon ends."),
    }
}

/// A quantity's name in a derivation.
pub fn quantity(s: &Scenario, q: Quantity, lang: Lang) -> String {
    match q {
        Quantity::Participants => pick(lang, "Deltagare per år", "Participants per year"),
        Quantity::SuccessRate => pick(lang, "Andel som lyckas", "Success rate"),
        Quantity::Deadweight => pick(lang, "Dödvikt", "Deadweight"),
        Quantity::EffectiveSuccesses => pick(
            lang,
            "Verkliga framgångar per årskull (deltagare × andel som lyckas × (1 − dödvikt))",
            "Effective successes per cohort (participants × success rate × (1 − deadweight))",
        ),
        Quantity::AvoidedCost => {
            pick(lang, "Undviken kostnad per framgång och år", "Avoided cost per success and year")
        }
        Quantity::DropOff => pick(lang, "Avklingning per år", "Drop-off per year"),
        Quantity::LagYears => pick(lang, "År innan effekten börjar", "Years before the effect starts"),
        Quantity::BenefitYears => pick(lang, "År med effekt", "Years of effect"),
        Quantity::AnnualCost => pick(lang, "Årlig kostnad", "Annual cost"),
        Quantity::FundShare => pick(lang, "Fondens andel", "The fund's share"),
        Quantity::RunningYears => {
            pick(lang, "År som insatsen pågår inom tidshorisonten", "Years the intervention runs within the horizon")
        }
        Quantity::Cohort { start, k } => match lang {
            Lang::Sv => format!("Årskullen från {}, år k = {k} av effekten", year(s, start)),
            Lang::En => format!("The {} cohort, year k = {k} of its effect", year(s, start)),
        },
        Quantity::DropOffFactor { k } => format!("(1 − {})^{k}", pick(lang, "avklingning", "drop-off")),
        Quantity::Intervention { index } => intervention_name(s, index),
        Quantity::Actor { index } => actor_name(s, index),
        Quantity::FixedRule => pick(
            lang,
            "Regel: fast återbetalning i lika delar efter insatsen",
            "Rule: a fixed repayment in equal instalments after the intervention",
        ),
        Quantity::SavingsShareRule => pick(
            lang,
            "Regel: en andel av besparingen inom organisationen, upp till ett tak",
            "Rule: a share of the inside savings, up to a cap",
        ),
        Quantity::RepaymentShare => pick(lang, "Andel", "Share"),
        Quantity::Instalments => pick(lang, "Antal delbetalningar", "Instalments"),
        Quantity::FirstRepaymentYear { .. } => pick(lang, "Första året", "First year"),
        Quantity::TotalGrant => pick(lang, "Bidrag från fonden totalt", "Total grant"),
        Quantity::Due => pick(lang, "Att återbetala (andel × bidrag totalt)", "Due (share × total grant)"),
        Quantity::Instalment => {
            pick(lang, "Delbetalning per år (den sista tar resten)", "Instalment a year (the last takes the rest)")
        }
        Quantity::Cap => pick(lang, "Tak (× bidraget)", "Cap (× the grant)"),
        Quantity::CapLimit => {
            pick(lang, "Taket i kronor (tak × bidrag totalt)", "The cap as an amount (cap × total grant)")
        }
        Quantity::NoCap => pick(lang, "Inget tak", "No cap"),
        Quantity::RepaidBefore => pick(lang, "Redan återbetalt före året", "Repaid before this year"),
        Quantity::InsideSavings => pick(lang, "Besparing inom organisationen", "Inside savings"),
        Quantity::Owed => pick(lang, "Andel × besparingen (före taket)", "Share × the savings (before the cap)"),
        Quantity::Room => pick(lang, "Kvar under taket", "Left under the cap"),
        Quantity::InitialCapital => pick(lang, "Startkapital", "Initial capital"),
        Quantity::PreviousClose => {
            pick(lang, "Ingående saldo (föregående års utgående)", "Opening balance (last year's closing)")
        }
        Quantity::Allocation => pick(lang, "+ Avsättning", "+ Allocation"),
        Quantity::Grants => pick(lang, "− Utbetalt till insatser", "− Grants to interventions"),
        Quantity::Repayments => pick(lang, "+ Återföringar", "+ Repayments"),
        Quantity::Accounting(Accounting::Appropriation) => pick(
            lang,
            "Redovisning: anslag (avsättningen är en kostnad när den görs)",
            "Accounting: appropriation (the allocation is a cost when made)",
        ),
        Quantity::Accounting(Accounting::EarmarkedEquity) => pick(
            lang,
            "Redovisning: öronmärkt eget kapital (kostnad när pengarna används)",
            "Accounting: earmarked equity (a cost when the money is spent)",
        ),
        Quantity::FinancedBy => pick(lang, "Finansierar inte fonden", "Does not finance the fund"),
        Quantity::Savings => pick(lang, "Besparing", "Savings"),
        Quantity::CoFinancing => pick(lang, "− Medfinansiering", "− Co-financing"),
        Quantity::Repayment => pick(lang, "− Återbetalning till fonden", "− Repayment to the fund"),
        Quantity::FundCost => pick(lang, "− Kostnad för fonden", "− Cost of the fund"),
        Quantity::GrantsReceived => pick(lang, "Bidrag från fonden", "Grants received"),
        Quantity::Costs => pick(lang, "− Insatsernas kostnader", "− The interventions' costs"),
        Quantity::SavingsInside => pick(lang, "Besparingar inom organisationen", "Inside savings"),
        Quantity::SavingsAll => pick(lang, "Alla aktörers besparingar", "All actors' savings"),
        Quantity::Net { year: y } => format!("{} {}", pick(lang, "Netto", "Net"), year(s, y)),
        Quantity::DiscountRate => pick(lang, "Diskonteringsränta", "Discount rate"),
        Quantity::DiscountFactor { year: y } => match lang {
            Lang::Sv => format!("Diskonteringsfaktor (1 + ränta)^{y}"),
            Lang::En => format!("Discount factor (1 + rate)^{y}"),
        },
        Quantity::Discounted { year: y } => match lang {
            Lang::Sv => format!("{}: netto ÷ faktor", year(s, y)),
            Lang::En => format!("{}: net ÷ factor", year(s, y)),
        },
        Quantity::Cumulative { year: y } => match lang {
            Lang::Sv => format!("Ackumulerat t.o.m. {}", year(s, y)),
            Lang::En => format!("Cumulative to {}", year(s, y)),
        },
        Quantity::TotalRepayments => pick(lang, "Återföringar totalt", "Total repayments"),
        Quantity::TotalGrants => pick(lang, "Bidrag från fonden totalt", "Total grants"),
        Quantity::InYear { year: y } => year(s, y).to_string(),
        Quantity::SavingsTotal => pick(lang, "Besparing totalt", "Savings in total"),
        Quantity::CostBorne => pick(lang, "− Kostnad totalt", "− Cost in total"),
        Quantity::OutcomePayments => pick(lang, "− Utfallsbetalningar", "− Outcome payments"),
        #[cfg(any(feature = "on-demand", not(target_arch = "wasm32")))]
        Quantity::InContract(c) => super::explain_contract::quantity(s, c, lang),
        Quantity::Contract { index } => s.outcome_contracts.get(index).map_or(String::new(), |c| {
            if c.name.is_empty() {
                c.id.clone()
            } else {
                c.name.clone()
            }
        }),
    }
}

/// The explanation's fixed words: its heading, the result line, the
/// close button, the note on the rows left out, and "none".
pub struct Fixed;

impl Fixed {
    pub fn heading(lang: Lang) -> &'static str {
        lang.pick("Hur räknas detta?", "How is this calculated?")
    }
    pub fn result(lang: Lang) -> &'static str {
        lang.pick("Resultat", "Result")
    }
    pub fn shown_as(lang: Lang) -> &'static str {
        lang.pick("visas som", "shown as")
    }
    pub fn close(lang: Lang) -> &'static str {
        lang.pick("Stäng", "Close")
    }
    pub fn left_out(n: usize, lang: Lang) -> String {
        match lang {
            Lang::Sv => format!("… {n} år till"),
            Lang::En => format!("… {n} more years"),
        }
    }
    pub fn none(lang: Lang) -> &'static str {
        lang.pick("inget", "none")
    }
    pub fn nothing(lang: Lang) -> &'static str {
        lang.pick("Inget bidrar till talet i år.", "Nothing adds to this figure.")
    }
}
