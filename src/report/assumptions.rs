//! The printed report's own parts (Print report / Save as PDF): today's
//! date under the title, and every assumption of the scenario in readable
//! form. Written by the analysis module when the page is printed; hidden on
//! screen and placed by the `@media print` section of `www/style.css`, which
//! also moves the assumptions after the year-by-year tables.

use rust_decimal::Decimal;

use crate::markup::Markup;
use crate::model::{Accounting, Outcome, OutcomeContract, Range, Scenario};
use crate::words::app::AppText;
use crate::words::contracts::ContractText as C;
use crate::words::format::{number, percent, Unit};
use crate::words::rules as explain;
use crate::words::Lang;

/// Decimals needed to show `value` exactly, at most `max`.
fn decimals_of(value: Decimal, max: u32) -> u32 {
    value.normalize().scale().min(max)
}

/// An amount as stated in the scenario, in whole currency units: `250 000 kr`.
pub fn amount(value: Decimal, currency: &str, lang: Lang) -> String {
    let decimals = if value.fract().is_zero() { 0 } else { 2 };
    format!("{}\u{a0}{}", number(value, decimals, lang), Unit::One.label(currency, lang))
}

/// A share as a percentage with the decimals it needs: `3,5 %`, `40 %`.
pub fn share(value: Decimal, lang: Lang) -> String {
    percent(value, decimals_of(value * Decimal::ONE_HUNDRED, 2), lang)
}

/// A plain number with the decimals it needs: `12`, `2,5`.
fn plain(value: Decimal, lang: Lang) -> String {
    number(value, decimals_of(value, 4), lang)
}

fn years_text(n: u32, lang: Lang) -> String {
    match (lang, n) {
        (Lang::Sv, _) => format!("{n} år"),
        (Lang::En, 1) => "1 year".to_string(),
        (Lang::En, _) => format!("{n} years"),
    }
}

/// Every part of the report is written as markup text ([`Markup`]): it is
/// only read, never edited, and thousands of elements for a large scenario
/// are one raw node.
struct Report {
    m: Markup,
}

impl Report {
    /// `<section class="pr-section"><h3>heading</h3>` (closed by [`Self::end_section`]).
    fn section(&mut self, heading: AppText, lang: Lang) {
        self.m.open("section").attr("class", "pr-section").end();
        self.m.open("h3").end().text(heading.get(lang)).shut("h3");
    }

    fn end_section(&mut self) {
        self.m.shut("section");
    }

    /// `<dl class="pr-list" …>` (closed by [`Self::end_list`]).
    fn list(&mut self) {
        self.m.open("dl").attr("class", "pr-list").end();
    }

    fn end_list(&mut self) {
        self.m.shut("dl");
    }

    /// A row of a definition list with a text value.
    fn item(&mut self, label: &str, value: &str) {
        self.item_start(label);
        self.m.text(value);
        self.item_end();
    }

    /// A row whose value is written by the caller between this and [`Self::item_end`].
    fn item_start(&mut self, label: &str) {
        self.m.open("div").attr("class", "pr-item").end();
        self.m.open("dt").end().text(label).shut("dt");
        self.m.open("dd").end();
    }

    fn item_end(&mut self) {
        self.m.shut("dd").shut("div");
    }

    /// A `<ul class="…">` of texts.
    fn bullets<'a>(&mut self, class: &str, texts: impl IntoIterator<Item = &'a str>) {
        self.m.open("ul").attr("class", class).end();
        for text in texts {
            self.m.open("li").end().text(text).shut("li");
        }
        self.m.shut("ul");
    }
}

/// The printed report's own parts as markup: the date under the title
/// (`today`, as [`crate::words::format::long_date`] writes it) and every assumption of `s` in
/// readable form; `o` is its outcome, for the repayment sentences' amounts.
pub fn print_report(s: &Scenario, o: &Outcome, lang: Lang, today: &str) -> String {
    let currency = s.currency.as_str();
    let actor_name = |id: &str| s.actor(id).map(|a| a.name.clone()).unwrap_or_else(|| id.to_string());
    let range = |r: &Range, as_share: bool| {
        let show = |v: Decimal| if as_share { share(v, lang) } else { plain(v, lang) };
        format!("{} {} – {} {}", AppText::Low.get(lang), show(r.low), AppText::High.get(lang), show(r.high))
    };
    let last_year = s.start_year + s.horizon_years as i32 - 1;
    let mut r = Report { m: Markup::default() };

    r.m.open("p").attr("class", "print-date").attr("data-testid", "print-date").end();
    r.m.text(&format!("{}: {}", AppText::ReportDate.get(lang), today)).shut("p");
    r.m.open("section").attr("class", "print-report").attr("data-testid", "print-report");
    r.m.attr("aria-labelledby", "print-report-heading").end();
    r.m.open("h2").attr("id", "print-report-heading").end().text(AppText::Assumptions.get(lang)).shut("h2");

    r.section(AppText::SectionScenario, lang);
    r.list();
    r.item(AppText::ScenarioName.get(lang), &s.name);
    if !s.description.trim().is_empty() {
        r.item_start(AppText::Description.get(lang));
        r.m.open("span").attr("class", "pr-text").end().text(&s.description).shut("span");
        r.item_end();
    }
    r.item(AppText::StartYear.get(lang), &s.start_year.to_string());
    r.item(
        AppText::Horizon.get(lang),
        &format!("{} ({}–{})", years_text(s.horizon_years, lang), s.start_year, last_year),
    );
    r.item(AppText::DiscountRate.get(lang), &share(s.discount_rate, lang));
    r.item(AppText::Currency.get(lang), &s.currency);
    r.end_list();
    r.end_section();

    let (accounting, accounting_explain) = match s.fund.accounting {
        Accounting::Appropriation => (AppText::Appropriation, AppText::AppropriationExplain),
        Accounting::EarmarkedEquity => (AppText::EarmarkedEquity, AppText::EarmarkedEquityExplain),
    };
    r.section(AppText::SectionFund, lang);
    r.list();
    r.item(AppText::FinancedBy.get(lang), &actor_name(&s.fund.financed_by));
    r.item(AppText::Accounting.get(lang), &format!("{} – {}", accounting.get(lang), accounting_explain.get(lang)));
    r.item(AppText::InitialCapital.get(lang), &amount(s.fund.initial_capital, currency, lang));
    r.item_start(AppText::YearlyAllocation.get(lang));
    if s.fund.allocations.is_empty() || s.horizon_years == 0 {
        r.m.text(AppText::ReportNone.get(lang));
    } else {
        r.m.open("table").attr("class", "pr-table pr-allocations").attr("data-testid", "print-allocations").end();
        r.m.open("thead").end().open("tr").end();
        r.m.open("th").attr("scope", "col").end().text(AppText::Year.get(lang)).shut("th");
        r.m.open("th").attr("scope", "col").attr("class", "num").end().text(AppText::Allocation.get(lang)).shut("th");
        r.m.shut("tr").shut("thead").open("tbody").end();
        for (y, v) in s.fund.allocations.iter().take(s.horizon_years as usize).enumerate() {
            r.m.open("tr").end();
            r.m.open("th").attr("scope", "row").end().text(&(s.start_year + y as i32).to_string()).shut("th");
            r.m.open("td").attr("class", "num").end().text(&amount(*v, currency, lang)).shut("td");
            r.m.shut("tr");
        }
        r.m.shut("tbody").shut("table");
    }
    r.item_end();
    r.end_list();
    r.end_section();

    r.section(AppText::SectionRepayment, lang);
    r.list();
    r.item(AppText::DefaultRule.get(lang), &explain::default_rule(s.repayment_default.as_ref(), lang));
    r.end_list();
    r.end_section();

    r.section(AppText::SectionActors, lang);
    r.m.open("ul").attr("class", "pr-actors").attr("data-testid", "print-actors").end();
    for a in &s.actors {
        let place = if a.inside { AppText::Inside } else { AppText::Outside }.get(lang);
        r.m.open("li").end().text(&format!("{} – {}", a.name, place)).shut("li");
    }
    r.m.shut("ul");
    r.end_section();

    r.section(AppText::SectionInterventions, lang);
    if s.interventions.is_empty() {
        r.m.open("p").end().text(AppText::NoInterventions.get(lang)).shut("p");
    }
    for (index, iv) in s.interventions.iter().enumerate() {
        let first = s.start_year + iv.start as i32;
        let last = first + iv.years as i32 - 1;
        let rule_source = if iv.repayment.is_some() { AppText::OwnRule } else { AppText::RuleDefault };
        let rule = format!(
            "{} ({})",
            explain::intervention_rule(s, o, index, lang),
            crate::words::lowercase(rule_source.get(lang))
        );
        let u = iv.uncertainty.clone().unwrap_or_default();
        let ranges: Vec<String> = [
            (AppText::SuccessRate, u.success_rate, true),
            (AppText::Deadweight, u.deadweight, true),
            (AppText::DropOff, u.drop_off, true),
            (AppText::CostFactor, u.annual_cost, false),
            (AppText::AvoidedCostFactor, u.avoided_costs, false),
        ]
        .into_iter()
        .filter_map(|(label, r, as_share)| r.map(|r| format!("{}: {}", label.get(lang), range(&r, as_share))))
        .collect();
        r.m.open("section")
            .attr("class", "pr-intervention")
            .attr("data-testid", &format!("print-intervention-{index}"));
        r.m.end().open("h4").end();
        r.m.text(&format!("{} {}: {}", AppText::Intervention.get(lang), index + 1, iv.name)).shut("h4");
        r.list();
        r.item(AppText::Owner.get(lang), &actor_name(&iv.owner));
        r.item(AppText::FirstYear.get(lang), &first.to_string());
        r.item(AppText::RunningYears.get(lang), &format!("{} ({first}–{last})", years_text(iv.years, lang)));
        r.item(AppText::AnnualCost.get(lang), &amount(iv.annual_cost, currency, lang));
        let contract = s.outcome_contracts.iter().find(|c| c.intervention == iv.id);
        if contract.is_none() {
            r.item(AppText::FundShare.get(lang), &share(iv.fund_share, lang));
        }
        r.item(AppText::Participants.get(lang), &plain(iv.participants_per_year, lang));
        r.item(AppText::SuccessRate.get(lang), &share(iv.success_rate, lang));
        r.item(AppText::Deadweight.get(lang), &share(iv.deadweight, lang));
        r.item(AppText::DropOff.get(lang), &share(iv.drop_off, lang));
        r.item(AppText::LagYears.get(lang), &years_text(iv.lag_years, lang));
        r.item(AppText::BenefitYears.get(lang), &years_text(iv.benefit_years, lang));
        r.item_start(AppText::AvoidedCosts.get(lang));
        if iv.avoided_costs.is_empty() {
            r.m.text(AppText::ReportNone.get(lang));
        } else {
            let costs: Vec<String> = iv
                .avoided_costs
                .iter()
                .map(|c| {
                    let per_year = amount(c.per_year, currency, lang);
                    format!("{}: {}{}", actor_name(&c.actor), per_year, AppText::PerYearSuffix.get(lang))
                })
                .collect();
            r.bullets("pr-avoided", costs.iter().map(String::as_str));
        }
        r.item_end();
        match contract {
            // The investor pays the work: no grant, so no repayment rule applies.
            Some(contract) => contract_terms(&mut r, s, contract, lang),
            None => r.item(AppText::OwnRepaymentRule.get(lang), &rule),
        }
        r.item_start(AppText::Uncertainty.get(lang));
        if ranges.is_empty() {
            r.m.text(AppText::NoRanges.get(lang));
        } else {
            r.bullets("pr-ranges", ranges.iter().map(String::as_str));
        }
        r.item_end();
        r.end_list();
        r.m.shut("section");
    }
    r.end_section();
    r.m.shut("section");
    r.m.into_string()
}

/// An intervention's outcome contract: who pays (the co-payers with their
/// shares, the payer the rest), the price per outcome, when and up to what.
fn contract_terms(r: &mut Report, s: &Scenario, contract: &OutcomeContract, lang: Lang) {
    let currency = s.currency.as_str();
    let actor_name = |id: &str| s.actor(id).map(|a| a.name.clone()).unwrap_or_else(|| id.to_string());
    let mut terms = Vec::new();
    if !contract.name.trim().is_empty() {
        terms.push(contract.name.clone());
    }
    terms.push(
        lang.pick(
            "Insatsen betalas av en investerare: inget bidrag från fonden, ingen återbetalning.",
            "The intervention is paid by an investor: no grant from the fund, no repayment.",
        )
        .to_string(),
    );
    let co_share: Decimal = contract.co_payers.iter().map(|p| p.share).sum();
    let rest = (Decimal::ONE - co_share).max(Decimal::ZERO);
    terms.push(format!("{}: {} ({})", C::Payer.get(lang), actor_name(&contract.payer), share(rest, lang)));
    for p in &contract.co_payers {
        terms.push(format!("{}: {} ({})", C::CoPayer.get(lang), actor_name(&p.actor), share(p.share, lang)));
    }
    terms.push(format!("{}: {}", C::Price.get(lang), amount(contract.price_per_outcome, currency, lang)));
    let n = contract.pay_after_years;
    let delay = match lang {
        Lang::Sv => format!("{n} år efter kohortens första besparingsår"),
        Lang::En if n == 1 => "1 year after the cohort's first year of savings".to_string(),
        Lang::En => format!("{n} years after the cohort's first year of savings"),
    };
    terms.push(format!("{}: {delay}", C::Delay.get(lang)));
    let cap = contract.cap.map_or_else(|| lang.pick("inget tak", "no cap").to_string(), |c| amount(c, currency, lang));
    terms.push(format!("{}: {cap}", C::Cap.get(lang)));
    r.item_start(C::Heading.get(lang));
    r.m.open("ul").attr("class", "pr-contract").attr("data-testid", &format!("print-contract-{}", contract.id)).end();
    for t in &terms {
        r.m.open("li").end().text(t).shut("li");
    }
    r.m.shut("ul");
    r.item_end();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::format::long_date;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn dates_in_running_text() {
        assert_eq!(long_date(2026, 11, 23, Lang::Sv), "23 november 2026");
        assert_eq!(long_date(2026, 11, 23, Lang::En), "23 November 2026");
        assert_eq!(long_date(2027, 1, 5, Lang::Sv), "5 januari 2027");
    }

    /// The contract preset with a co-payer (the state, 20 %) and a name a browser would run.
    fn contract_with_co_payer() -> (Scenario, Outcome) {
        let mut s = crate::presets::by_id("contract").map(|p| p.scenario).expect("the contract preset");
        s.outcome_contracts[0].co_payers = vec![crate::model::CoPayer { actor: "staten".into(), share: d("0.2") }];
        s.outcome_contracts[0].name = "<b>Kontrakt</b>".into();
        let o = crate::model::simulate(&s).expect("it simulates");
        (s, o)
    }

    #[test]
    fn the_report_states_the_contract_terms() {
        let (s, o) = contract_with_co_payer();
        let html = print_report(&s, &o, Lang::Sv, "4 december 2026");
        let start = html.find("data-testid=\"print-contract-norrkopingmodell\"").expect("the contract's terms");
        let terms = &html[start..start + html[start..].find("</ul>").expect("closed")];
        // The co-payer pays 20 % of every payment, so the payer the rest: 1 − 0.2 = 80 %.
        assert!(terms.contains("Betalare: Socialförvaltningen (80\u{a0}%)"), "{terms}");
        assert!(terms.contains("Medbetalare: Staten (SiS) (20\u{a0}%)"), "{terms}");
        // The preset's terms as typed: 550 000 per outcome, paid 2 years on, capped at 12 000 000.
        assert!(terms.contains("Pris per utfall: 550\u{a0}000\u{a0}kr"), "{terms}");
        assert!(terms.contains("Betalas efter: 2 år efter kohortens första besparingsår"), "{terms}");
        assert!(terms.contains("Tak för betalningarna: 12\u{a0}000\u{a0}000\u{a0}kr"), "{terms}");
        assert!(terms.contains("&lt;b&gt;Kontrakt&lt;/b&gt;") && !html.contains("<b>"), "{terms}");
        // The investor pays the work: neither a fund share nor a repayment rule is stated for it.
        let iv = &html[html.find("print-intervention-0").expect("the intervention")..];
        assert!(
            !iv.contains(AppText::FundShare.get(Lang::Sv)) && !iv.contains(AppText::OwnRepaymentRule.get(Lang::Sv))
        );

        let mut uncapped = s.clone();
        uncapped.outcome_contracts[0].cap = None;
        uncapped.outcome_contracts[0].pay_after_years = 1;
        let html = print_report(&uncapped, &o, Lang::En, "4 December 2026");
        assert!(html.contains("Cap on the payments: no cap"), "{html}");
        assert!(html.contains("Paid after: 1 year after the cohort's first year of savings"), "{html}");
        assert!(html.contains("Payer: Socialförvaltningen (80%)"), "{html}");
    }

    #[test]
    fn assumptions_keep_their_decimals() {
        assert_eq!(share(d("0.035"), Lang::Sv), "3,5\u{a0}%");
        assert_eq!(share(d("0.4"), Lang::En), "40%");
        assert_eq!(share(d("0.1234"), Lang::En), "12.34%");
        assert_eq!(amount(d("250000"), "SEK", Lang::Sv), "250\u{a0}000\u{a0}kr");
        assert_eq!(amount(d("1234.5"), "SEK", Lang::En), "1,234.50\u{a0}SEK");
        assert_eq!(plain(d("2.50"), Lang::Sv), "2,5");
    }
}
