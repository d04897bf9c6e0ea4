//! The printed report's own parts: today's date under the title, and every
//! assumption of the scenario in readable form. Hidden on screen; shown by the
//! `@media print` section of `www/style.css`, which also moves the assumptions
//! after the year-by-year tables. Drawn only while the page is printed
//! ([`use_printing`]).

use std::rc::Rc;

use rust_decimal::Decimal;
use yew::prelude::*;

use crate::model::{Accounting, Outcome, Range, Scenario};
use crate::ui::explain;
use crate::ui::format::{number, percent, Unit};
use crate::ui::i18n::Lang;
use crate::ui::text::T;
use crate::ui::Prefs;

#[derive(Properties, PartialEq)]
pub struct PrintReportProps {
    /// The (last valid) scenario the results belong to.
    pub scenario: Rc<Scenario>,
    /// Its outcome, for the repayment sentences' amounts.
    pub outcome: Rc<Outcome>,
}

const MONTHS_SV: [&str; 12] = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A date as written in running text: "23 november 2026" / "23 November 2026".
/// `month` is 1 to 12.
pub fn long_date(year: i32, month: u32, day: u32, lang: Lang) -> String {
    let index = (month.clamp(1, 12) - 1) as usize;
    let name = lang.pick(MONTHS_SV[index], MONTHS_EN[index]);
    format!("{day} {name} {year}")
}

/// Today in the browser's time zone (the component renders only in a browser).
fn today(lang: Lang) -> String {
    let now = js_sys::Date::new_0();
    long_date(now.get_full_year() as i32, now.get_month() + 1, now.get_date(), lang)
}

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

/// A row of a definition list.
fn item(label: &str, value: impl Into<Html>) -> Html {
    html! {
        <div class="pr-item">
            <dt>{ label.to_string() }</dt>
            <dd>{ value.into() }</dd>
        </div>
    }
}

#[component(PrintReport)]
pub fn print_report(props: &PrintReportProps) -> Html {
    let lang = use_context::<Prefs>().unwrap_or_default().lang;
    // Drawn only for printing: a large scenario's assumptions are thousands
    // of elements nobody sees on screen.
    if !use_printing() {
        return html! {};
    }
    let s = &props.scenario;
    let currency = s.currency.as_str();
    let actor_name = |id: &str| s.actor(id).map(|a| a.name.clone()).unwrap_or_else(|| id.to_string());
    let range = |r: &Range, as_share: bool| {
        let show = |v: Decimal| if as_share { share(v, lang) } else { plain(v, lang) };
        format!("{} {} – {} {}", T::Low.get(lang), show(r.low), T::High.get(lang), show(r.high))
    };
    let last_year = s.start_year + s.horizon_years as i32 - 1;

    let general = html! {
        <section class="pr-section">
            <h3>{ T::SectionScenario.get(lang) }</h3>
            <dl class="pr-list">
                { item(T::ScenarioName.get(lang), s.name.clone()) }
                if !s.description.trim().is_empty() {
                    { item(T::Description.get(lang), html! { <span class="pr-text">{ s.description.clone() }</span> }) }
                }
                { item(T::StartYear.get(lang), s.start_year.to_string()) }
                { item(T::Horizon.get(lang), format!("{} ({}–{})", years_text(s.horizon_years, lang), s.start_year, last_year)) }
                { item(T::DiscountRate.get(lang), share(s.discount_rate, lang)) }
                { item(T::Currency.get(lang), s.currency.clone()) }
            </dl>
        </section>
    };

    let (accounting, accounting_explain) = match s.fund.accounting {
        Accounting::Appropriation => (T::Appropriation, T::AppropriationExplain),
        Accounting::EarmarkedEquity => (T::EarmarkedEquity, T::EarmarkedEquityExplain),
    };
    let allocations: Vec<(i32, Decimal)> = s
        .fund
        .allocations
        .iter()
        .take(s.horizon_years as usize)
        .enumerate()
        .map(|(y, v)| (s.start_year + y as i32, *v))
        .collect();
    let fund = html! {
        <section class="pr-section">
            <h3>{ T::SectionFund.get(lang) }</h3>
            <dl class="pr-list">
                { item(T::FinancedBy.get(lang), actor_name(&s.fund.financed_by)) }
                { item(T::Accounting.get(lang), format!("{} – {}", accounting.get(lang), accounting_explain.get(lang))) }
                { item(T::InitialCapital.get(lang), amount(s.fund.initial_capital, currency, lang)) }
                { item(T::YearlyAllocation.get(lang), if allocations.is_empty() {
                    html! { { T::ReportNone.get(lang) } }
                } else {
                    html! {
                        <table class="pr-table pr-allocations" data-testid="print-allocations">
                            <thead><tr>
                                <th scope="col">{ T::Year.get(lang) }</th>
                                <th scope="col" class="num">{ T::Allocation.get(lang) }</th>
                            </tr></thead>
                            <tbody>
                                { for allocations.iter().map(|(year, v)| html! {
                                    <tr><th scope="row">{ *year }</th><td class="num">{ amount(*v, currency, lang) }</td></tr>
                                }) }
                            </tbody>
                        </table>
                    }
                }) }
            </dl>
        </section>
    };

    let repayment = html! {
        <section class="pr-section">
            <h3>{ T::SectionRepayment.get(lang) }</h3>
            <dl class="pr-list">
                { item(T::DefaultRule.get(lang), explain::default_rule(s.repayment_default.as_ref(), lang)) }
            </dl>
        </section>
    };

    let actors = html! {
        <section class="pr-section">
            <h3>{ T::SectionActors.get(lang) }</h3>
            <ul class="pr-actors" data-testid="print-actors">
                { for s.actors.iter().map(|a| html! {
                    <li>{ format!("{} – {}", a.name, if a.inside { T::Inside } else { T::Outside }.get(lang)) }</li>
                }) }
            </ul>
        </section>
    };

    let interventions = s.interventions.iter().enumerate().map(|(index, iv)| {
        let first = s.start_year + iv.start as i32;
        let last = first + iv.years as i32 - 1;
        let rule_source = if iv.repayment.is_some() { T::OwnRule } else { T::RuleDefault };
        let rule = format!("{} ({})", explain::intervention_rule(s, &props.outcome, index, lang), crate::ui::text::lowercase(rule_source.get(lang)));
        let u = iv.uncertainty.clone().unwrap_or_default();
        let ranges: Vec<(T, Range, bool)> = [
            (T::SuccessRate, u.success_rate, true),
            (T::Deadweight, u.deadweight, true),
            (T::DropOff, u.drop_off, true),
            (T::CostFactor, u.annual_cost, false),
            (T::AvoidedCostFactor, u.avoided_costs, false),
        ]
        .into_iter()
        .filter_map(|(label, r, as_share)| r.map(|r| (label, r, as_share)))
        .collect();
        html! {
            <section class="pr-intervention" key={iv.id.clone()} data-testid={format!("print-intervention-{index}")}>
                <h4>{ format!("{} {}: {}", T::Intervention.get(lang), index + 1, iv.name) }</h4>
                <dl class="pr-list">
                    { item(T::Owner.get(lang), actor_name(&iv.owner)) }
                    { item(T::FirstYear.get(lang), first.to_string()) }
                    { item(T::RunningYears.get(lang), format!("{} ({first}–{last})", years_text(iv.years, lang))) }
                    { item(T::AnnualCost.get(lang), amount(iv.annual_cost, currency, lang)) }
                    { item(T::FundShare.get(lang), share(iv.fund_share, lang)) }
                    { item(T::Participants.get(lang), plain(iv.participants_per_year, lang)) }
                    { item(T::SuccessRate.get(lang), share(iv.success_rate, lang)) }
                    { item(T::Deadweight.get(lang), share(iv.deadweight, lang)) }
                    { item(T::DropOff.get(lang), share(iv.drop_off, lang)) }
                    { item(T::LagYears.get(lang), years_text(iv.lag_years, lang)) }
                    { item(T::BenefitYears.get(lang), years_text(iv.benefit_years, lang)) }
                    { item(T::AvoidedCosts.get(lang), if iv.avoided_costs.is_empty() {
                        html! { { T::ReportNone.get(lang) } }
                    } else {
                        html! {
                            <ul class="pr-avoided">
                                { for iv.avoided_costs.iter().map(|c| html! {
                                    <li>{ format!("{}: {}{}", actor_name(&c.actor), amount(c.per_year, currency, lang), T::PerYearSuffix.get(lang)) }</li>
                                }) }
                            </ul>
                        }
                    }) }
                    { item(T::OwnRepaymentRule.get(lang), rule) }
                    { item(T::Uncertainty.get(lang), if ranges.is_empty() {
                        html! { { T::NoRanges.get(lang) } }
                    } else {
                        html! {
                            <ul class="pr-ranges">
                                { for ranges.iter().map(|(label, r, as_share)| html! {
                                    <li>{ format!("{}: {}", label.get(lang), range(r, *as_share)) }</li>
                                }) }
                            </ul>
                        }
                    }) }
                </dl>
            </section>
        }
    });

    html! {
        <>
            <p class="print-date" data-testid="print-date">{ format!("{}: {}", T::ReportDate.get(lang), today(lang)) }</p>
            <section class="print-report" data-testid="print-report" aria-labelledby="print-report-heading">
                <h2 id="print-report-heading">{ T::Assumptions.get(lang) }</h2>
                { general }
                { fund }
                { repayment }
                { actors }
                <section class="pr-section">
                    <h3>{ T::SectionInterventions.get(lang) }</h3>
                    if s.interventions.is_empty() {
                        <p>{ T::NoInterventions.get(lang) }</p>
                    }
                    { for interventions }
                </section>
            </section>
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
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

/// Whether the page is being printed: true from `beforeprint` to `afterprint`
/// and while the print media query matches (print preview, "Save as PDF",
/// emulated print media). What is only printed is drawn only then.
#[hook]
pub fn use_printing() -> bool {
    let printing = use_state_eq(|| false);
    {
        let printing = printing.clone();
        use_effect_with((), move |_| {
            let listeners = crate::ui::browser::on_print_change(move |now| printing.set(now));
            move || drop(listeners)
        });
    }
    *printing
}
