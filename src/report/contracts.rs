//! The outcome contracts' views (issue 15), as markup text for the on-demand
//! module: for each contracted intervention, the payers' payments against
//! the savings they buy per actor and year, the investor's cash flow
//! (payments after the horizon included), its net, multiple and IRR, the
//! payers' maximum exposure and the premium; and side by side, the same
//! intervention through the fund (the contract taken out and the scenario
//! simulated again) against through the contract, for the organisation,
//! society and the investor, with the break-even factor and, where the
//! scenario has ranges, the chance that the investor loses and the spread
//! of what the payers pay. Every user text is escaped by [`Markup`].

use rust_decimal::Decimal;

use crate::markup::Markup;
use crate::model::decision::break_even;
use crate::model::montecarlo::{monte_carlo, work, Uncertainty};
use crate::model::outcome::{money_text, ContractOutcome};
use crate::model::simulate::{cohort_profile, running_years};
use crate::model::{simulate, Outcome, Scenario};
use crate::words::contracts::{ContractText as C, ViewText as T};
use crate::words::format::{money_bare, money_exact, number, percent, Unit};
use crate::words::Lang;

/// Draws of the uncertainty figures shown beside a contract (seeded: the same on every visit).
const DRAWS: u32 = 500;
/// The most work (as `montecarlo::work` counts it) spent on them per view.
const MAX_VIEW_WORK: u64 = 20_000_000;

/// `s` with the contract of `intervention` taken out: the fund's variant.
pub fn through_the_fund(s: &Scenario, intervention: &str) -> Scenario {
    let mut fund = s.clone();
    fund.outcome_contracts.retain(|c| c.intervention != intervention);
    if fund.outcome_contracts.is_empty() {
        fund.schema_version = 1;
    }
    fund
}

struct View<'a> {
    m: Markup,
    lang: Lang,
    unit: Unit,
    currency: &'a str,
    unit_label: String,
}

impl View<'_> {
    fn amount(&mut self, value: Decimal) {
        let class = if value.is_sign_negative() && !value.is_zero() { "num neg" } else { "num" };
        self.m.open("td").attr("class", class).attr("title", &money_exact(value, self.currency, self.lang));
        self.m.attr("data-value", &money_text(value)).end();
        self.m.text(&money_bare(value, self.unit, self.lang)).shut("td");
    }

    fn money(&self, value: Decimal) -> String {
        format!("{} {}", money_bare(value, self.unit, self.lang), self.unit_label)
    }

    /// One figure of a definition list, with its result-JSON key as a test id.
    fn figure(&mut self, label: &str, key: &str, text: &str) {
        self.m.open("div").attr("class", "contract-figure").attr("data-testid", &format!("contract-{key}")).end();
        self.m.open("dt").end().text(label).shut("dt");
        self.m.open("dd").end().text(text).shut("dd").shut("div");
    }

    fn table_start(&mut self, caption: &str, testid: &str, heads: &[String]) {
        self.m.open("div").attr("class", "table-scroll").attr("tabindex", "0").attr("role", "region");
        self.m.attr("aria-label", caption).end();
        self.m.open("table").attr("class", "year-table").attr("data-testid", testid).end();
        self.m.open("caption").end().text(caption).shut("caption");
        self.m.open("thead").end().open("tr").end();
        for (i, head) in heads.iter().enumerate() {
            self.m.open("th").attr("scope", "col");
            if i > 0 {
                self.m.attr("class", "num");
            }
            self.m.end().text(head).shut("th");
        }
        self.m.shut("tr").shut("thead").open("tbody").end();
    }

    fn table_end(&mut self) {
        self.m.shut("tbody").shut("table").shut("div");
    }
}

/// The contracts' views of `o` (the outcome of `s`) in `lang` and `unit`;
/// empty without contracts.
pub fn contract_views(s: &Scenario, o: &Outcome, lang: Lang, unit: Unit) -> String {
    if o.outcome_contracts.is_empty() {
        return String::new();
    }
    let currency = s.currency.as_str();
    let mut v = View { m: Markup::default(), lang, unit, currency, unit_label: unit.label(currency, lang) };
    v.m.open("section").attr("class", "contracts").attr("aria-labelledby", "contracts-heading");
    v.m.attr("data-testid", "contract-views").end();
    v.m.open("h2").attr("id", "contracts-heading").end().text(T::ViewsHeading.get(lang)).shut("h2");
    let uncertainty = (work(s, DRAWS) <= MAX_VIEW_WORK).then(|| monte_carlo(s, 1, DRAWS).ok()).flatten();
    let with = break_even(s, None).ok();
    for (k, c) in o.outcome_contracts.iter().enumerate() {
        contract_view(&mut v, s, o, c, k, uncertainty.as_ref(), with.as_ref().and_then(|b| b.effect_factor_org_npv));
    }
    v.m.open("p").attr("class", "hint").end().text(T::Illustrative.get(lang)).shut("p");
    v.m.shut("section");
    v.m.into_string()
}

fn contract_view(
    v: &mut View,
    s: &Scenario,
    o: &Outcome,
    c: &ContractOutcome,
    k: usize,
    uncertainty: Option<&Uncertainty>,
    factor_with: Option<Decimal>,
) {
    let lang = v.lang;
    let Some(iv) = s.interventions.iter().find(|iv| iv.id == c.intervention) else { return };
    let name = s.outcome_contracts.get(k).map_or(c.id.as_str(), |x| x.name.as_str());
    let title = if name.trim().is_empty() { iv.name.clone() } else { format!("{name} — {}", iv.name) };
    v.m.open("article").attr("class", "contract-view").attr("data-testid", &format!("contract-view-{}", c.id)).end();
    v.m.open("h3").end().text(&title).shut("h3");

    // The key figures.
    v.m.open("dl").attr("class", "contract-figures").end();
    v.figure(T::Outcomes.get(lang), "outcomes", &number(c.outcomes, 2, lang));
    let paid = v.money(c.payments_total);
    v.figure(C::PaymentsTotal.get(lang), "payments_total", &paid);
    let outstanding = v.money(c.outstanding);
    v.figure(T::Outstanding.get(lang), "outstanding", &outstanding);
    let exposure = v.money(c.payer_max_exposure);
    v.figure(T::MaxExposure.get(lang), "payer_max_exposure", &exposure);
    let net = v.money(c.investor_net);
    v.figure(C::InvestorNet.get(lang), "investor_net", &net);
    let multiple = c.investor_multiple.map_or_else(|| "–".to_string(), |m| number(m, 2, lang));
    v.figure(T::Multiple.get(lang), "investor_multiple", &multiple);
    let irr = c.investor_irr.map_or_else(|| T::NoIrr.get(lang).to_string(), |r| percent(r, 1, lang));
    v.figure(T::Irr.get(lang), "investor_irr", &irr);
    let premium = v.money(c.premium);
    v.figure(T::Premium.get(lang), "premium", &premium);
    v.m.shut("dl");
    v.m.open("p").attr("class", "hint").end().text(T::PremiumExplain.get(lang)).shut("p");

    payments_against_savings(v, s, o, c);
    investor_cash_flow(v, s, c);
    side_by_side(v, s, o, c, uncertainty, factor_with);
    v.m.shut("article");
}

/// Per year: each payer's payments, and the savings the intervention gives each actor.
fn payments_against_savings(v: &mut View, s: &Scenario, o: &Outcome, c: &ContractOutcome) {
    let lang = v.lang;
    let Some(iv) = s.interventions.iter().find(|iv| iv.id == c.intervention) else { return };
    let horizon = s.horizon_years as usize;
    let profile = cohort_profile(iv, &running_years(iv, horizon), horizon).unwrap_or_default();
    let actor_name = |id: &str| s.actor(id).map_or(id.to_string(), |a| a.name.clone());
    let mut heads = vec![T::Year.get(lang).to_string()];
    for (id, _) in &c.payments_by_actor {
        heads.push(format!("{}: {}", T::Payments.get(lang), actor_name(id)));
    }
    for a in &iv.avoided_costs {
        heads.push(format!("{}: {}", T::SavingsBought.get(lang), actor_name(&a.actor)));
    }
    let caption = format!("{} ({})", T::PaymentsAgainstSavings.get(lang), v.unit_label);
    v.table_start(&caption, &format!("contract-payments-{}", c.id), &heads);
    for (y, year) in o.years.iter().enumerate() {
        v.m.open("tr").attr("data-year", &year.to_string()).end();
        v.m.open("th").attr("scope", "row").end().text(&year.to_string()).shut("th");
        for (_, row) in &c.payments_by_actor {
            v.amount(row.get(y).copied().unwrap_or_default());
        }
        for a in &iv.avoided_costs {
            let saved = profile.get(y).and_then(|p| p.checked_mul(a.per_year)).unwrap_or_default();
            v.amount(saved);
        }
        v.m.shut("tr");
    }
    v.table_end();
}

/// The investor's cash flow, year by year, the years after the horizon marked.
fn investor_cash_flow(v: &mut View, s: &Scenario, c: &ContractOutcome) {
    let lang = v.lang;
    let caption = format!("{} ({})", T::InvestorCashFlow.get(lang), v.unit_label);
    v.table_start(
        &caption,
        &format!("contract-cash-flow-{}", c.id),
        &[T::Year.get(lang).into(), T::Investor.get(lang).into()],
    );
    for (t, amount) in &c.cash_flow {
        let year = i64::from(s.start_year).saturating_add(i64::try_from(*t).unwrap_or(i64::MAX));
        let past = *t >= u64::from(s.horizon_years);
        let heading = if past { format!("{year} ({})", T::PastHorizon.get(lang)) } else { year.to_string() };
        v.m.open("tr").attr("data-year", &year.to_string()).end();
        v.m.open("th").attr("scope", "row").end().text(&heading).shut("th");
        v.amount(*amount);
        v.m.shut("tr");
    }
    v.table_end();
}

/// Through the fund against through the contract: the organisation, society and the investor.
fn side_by_side(
    v: &mut View,
    s: &Scenario,
    o: &Outcome,
    c: &ContractOutcome,
    uncertainty: Option<&Uncertainty>,
    factor_with: Option<Decimal>,
) {
    let lang = v.lang;
    let fund_scenario = through_the_fund(s, &c.intervention);
    let Ok(fund) = simulate(&fund_scenario) else { return };
    let factor_without = break_even(&fund_scenario, None).ok().and_then(|b| b.effect_factor_org_npv);
    let heads = [String::new(), T::ThroughFund.get(lang).into(), T::ThroughContract.get(lang).into()];
    v.table_start(T::SideBySide.get(lang), &format!("contract-compare-{}", c.id), &heads);
    let row = |v: &mut View, label: String, key: &str, cells: [Option<String>; 2]| {
        v.m.open("tr").attr("data-row", key).end();
        v.m.open("th").attr("scope", "row").end().text(&label).shut("th");
        for cell in cells {
            v.m.open("td").attr("class", "num").end().text(cell.as_deref().unwrap_or("–")).shut("td");
        }
        v.m.shut("tr");
    };
    let org = T::Organisation.get(lang);
    let (a, b) = (v.money(fund.key_figures.org_npv), v.money(o.key_figures.org_npv));
    row(v, format!("{org}: {}", T::OrgNpv.get(lang)), "org_npv", [Some(a), Some(b)]);
    let payback = |p: Option<i32>| p.map_or_else(|| T::NotWithin.get(lang).to_string(), |y| y.to_string());
    let cells = [Some(payback(fund.key_figures.payback_year)), Some(payback(o.key_figures.payback_year))];
    row(v, format!("{org}: {}", T::PaybackYear.get(lang)), "payback_year", cells);
    let factor = |f: Option<Decimal>| f.map(|f| number(f, 2, lang));
    let label =
        lang.pick("Organisationen: effektfaktor för nollresultat", "The organisation: break-even effect factor");
    row(v, label.to_string(), "effect_factor_org_npv", [factor(factor_without), factor(factor_with)]);
    let (a, b) = (v.money(fund.key_figures.society_npv), v.money(o.key_figures.society_npv));
    row(v, format!("{}: {}", T::Society.get(lang), T::SocietyNpv.get(lang)), "society_npv", [Some(a), Some(b)]);
    let net = v.money(c.investor_net);
    row(
        v,
        format!("{}: {}", T::Investor.get(lang), lang.pick("netto", "net")),
        "investor_net",
        [Some(T::NothingToInvestor.get(lang).to_string()), Some(net)],
    );
    if let Some(u) = uncertainty.and_then(|u| u.outcome_contracts.iter().find(|x| x.id == c.id)) {
        let loss = lang.pick("Investeraren: risk att förlora pengar", "The investor: chance of losing money");
        row(v, loss.to_string(), "investor_loss_share", [None, Some(percent(u.investor_loss_share, 0, lang))]);
        let spread =
            lang.pick("Betalarna: betalningar (5:e–95:e percentilen)", "The payers: payments (5th–95th percentile)");
        let text = format!("{} – {}", v.money(u.payments_total.p5), v.money(u.payments_total.p95));
        row(v, spread.to_string(), "payments_spread", [None, Some(text)]);
    }
    v.table_end();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_contract_preset_is_shown_with_its_figures_and_the_fund_beside_it() {
        let s = crate::presets::by_id("contract").map(|p| p.scenario).expect("the contract preset");
        let o = simulate(&s).expect("it simulates");
        let html = contract_views(&s, &o, Lang::En, Unit::One);
        // Payments 3 850 000 in 2028–2030 (tests/presets.rs derives them): in the table.
        assert!(html.contains("data-value=\"3850000.00\""), "{html}");
        // The investor's net, 1 650 000, and the fund's variant beside it.
        assert!(html.contains("contract-compare-norrkopingmodell") && html.contains("Through the fund"));
        assert!(html.contains("data-testid=\"contract-investor_net\""));
        // Without contracts: nothing.
        let fund = through_the_fund(&s, "familjestod");
        assert_eq!(fund.schema_version, 1);
        assert!(contract_views(&fund, &simulate(&fund).expect("fund"), Lang::Sv, Unit::One).is_empty());
    }

    #[test]
    fn user_text_never_becomes_markup() {
        let mut s = crate::presets::by_id("contract").map(|p| p.scenario).expect("the contract preset");
        s.outcome_contracts[0].name = "<script>x</script>".into();
        s.interventions[0].name = "\"><img src=x onerror=alert(1)>".into();
        let o = simulate(&s).expect("it simulates");
        let html = contract_views(&s, &o, Lang::Sv, Unit::One);
        assert!(!html.contains("<script>") && !html.contains("<img"));
    }
}
