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
use crate::model::decision::{break_even, BreakEven};
use crate::model::outcome::{money_text, ContractOutcome};
use crate::model::simulate::{cohort_profile, running_years};
use crate::model::{simulate, Outcome, Scenario};
use crate::words::contracts::{ContractText as C, ViewText as T};
use crate::words::explain::Fixed;
use crate::words::format::{money_bare, money_exact, number, percent, Unit};
use crate::words::Lang;

use super::decision::Spread;

/// A contract's Monte Carlo figures, read from the analysis's `monteCarlo` result
/// (also by `explain::decision`, which explains the side by side's rows of the run).
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
pub struct ContractChances {
    pub id: String,
    pub payments_total: Spread,
    pub investor_loss_share: Decimal,
}

#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
struct Chances {
    #[serde(default)]
    outcome_contracts: Vec<ContractChances>,
}

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
    /// An amount, whose cell opens the explanation of `explain` (`explain::contract`), stepped with the arrow keys.
    fn amount(&mut self, value: Decimal, explain: &str) {
        let class = if value.is_sign_negative() && !value.is_zero() { "num neg" } else { "num" };
        self.m.open("td").attr("class", class).attr("title", &money_exact(value, self.currency, self.lang));
        self.m.attr("data-value", &money_text(value)).attr("data-explain", explain).attr("tabindex", "-1").end();
        self.m.text(&money_bare(value, self.unit, self.lang)).shut("td");
    }

    /// An amount in the view's unit, without it (a table whose caption names the unit).
    fn bare(&self, value: Decimal) -> String {
        money_bare(value, self.unit, self.lang)
    }

    fn money(&self, value: Decimal) -> String {
        format!("{}\u{a0}{}", money_bare(value, self.unit, self.lang), self.unit_label)
    }

    /// One figure of a definition list, with its result-JSON key as a test id;
    /// a button opens the explanation of contract `k`'s figure `key`, whose exact value is `exact`.
    fn figure(&mut self, label: &str, (key, k): (&str, usize), text: &str, exact: &str) {
        self.m.open("div").attr("class", "contract-figure").attr("data-testid", &format!("contract-{key}")).end();
        self.m.open("dt").end().text(label).shut("dt");
        self.m.open("dd").end().open("button").attr("type", "button").attr("class", "explain-btn");
        self.m.attr("data-explain", &format!("contract:{key}::{k}:")).attr("data-value", exact);
        self.m.attr("title", Fixed::heading(self.lang)).end().text(text).shut("button").shut("dd").shut("div");
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
/// empty without contracts. `monte_carlo_json`: the analysis's `monteCarlo`
/// result (run off the main thread, only for a scenario with ranges), whose
/// contracts' figures are shown beside them; missing or unreadable, they are left out.
pub fn contract_views(s: &Scenario, o: &Outcome, lang: Lang, unit: Unit, monte_carlo_json: Option<&str>) -> String {
    if o.outcome_contracts.is_empty() {
        return String::new();
    }
    let currency = s.currency.as_str();
    let mut v = View { m: Markup::default(), lang, unit, currency, unit_label: unit.label(currency, lang) };
    v.m.open("section").attr("class", "contracts").attr("aria-labelledby", "contracts-heading");
    v.m.attr("data-testid", "contract-views").end();
    v.m.open("h2").attr("id", "contracts-heading").end().text(T::ViewsHeading.get(lang)).shut("h2");
    let uncertainty = monte_carlo_json.and_then(|j| serde_json::from_str::<Chances>(j).ok());
    let with = break_even(s, None).ok();
    for (k, c) in o.outcome_contracts.iter().enumerate() {
        contract_view(&mut v, s, o, c, k, uncertainty.as_ref(), with.as_ref());
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
    uncertainty: Option<&Chances>,
    with: Option<&BreakEven>,
) {
    let lang = v.lang;
    let Some(iv) = s.interventions.iter().find(|iv| iv.id == c.intervention) else { return };
    let name = s.outcome_contracts.get(k).map_or(c.id.as_str(), |x| x.name.as_str());
    let title = if name.trim().is_empty() { iv.name.clone() } else { format!("{name} — {}", iv.name) };
    v.m.open("article").attr("class", "contract-view").attr("data-testid", &format!("contract-view-{}", c.id)).end();
    v.m.open("h3").end().text(&title).shut("h3");

    // The key figures.
    v.m.open("dl").attr("class", "contract-figures").end();
    let exact = |d: Option<Decimal>| d.map_or(String::new(), |d| d.normalize().to_string());
    v.figure(T::Outcomes.get(lang), ("outcomes", k), &number(c.outcomes, 2, lang), &exact(Some(c.outcomes)));
    let paid = v.money(c.payments_total);
    v.figure(C::PaymentsTotal.get(lang), ("payments_total", k), &paid, &money_text(c.payments_total));
    let outstanding = v.money(c.outstanding);
    v.figure(T::Outstanding.get(lang), ("outstanding", k), &outstanding, &money_text(c.outstanding));
    let exposure = v.money(c.payer_max_exposure);
    v.figure(T::MaxExposure.get(lang), ("payer_max_exposure", k), &exposure, &money_text(c.payer_max_exposure));
    let net = v.money(c.investor_net);
    v.figure(C::InvestorNet.get(lang), ("investor_net", k), &net, &money_text(c.investor_net));
    let multiple = c.investor_multiple.map_or_else(|| "–".to_string(), |m| number(m, 2, lang));
    v.figure(T::Multiple.get(lang), ("investor_multiple", k), &multiple, &exact(c.investor_multiple));
    let irr = c.investor_irr.map_or_else(|| T::NoIrr.get(lang).to_string(), |r| percent(r, 1, lang));
    v.figure(T::Irr.get(lang), ("investor_irr", k), &irr, &exact(c.investor_irr));
    let premium = v.money(c.premium);
    v.figure(T::Premium.get(lang), ("premium", k), &premium, &money_text(c.premium));
    v.m.shut("dl");
    v.m.open("p").attr("class", "hint").end().text(T::PremiumExplain.get(lang)).shut("p");

    payments_against_savings(v, s, o, c, k);
    investor_cash_flow(v, s, c, k);
    side_by_side(v, s, o, (c, k), uncertainty, with);
    v.m.shut("article");
}

/// Per year: each payer's payments, and the savings the intervention gives each actor.
fn payments_against_savings(v: &mut View, s: &Scenario, o: &Outcome, c: &ContractOutcome, k: usize) {
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
        for (j, (_, row)) in c.payments_by_actor.iter().enumerate() {
            v.amount(row.get(y).copied().unwrap_or_default(), &format!("contract:paid:{year}:{k}:{j}"));
        }
        for (j, a) in iv.avoided_costs.iter().enumerate() {
            let saved = profile.get(y).and_then(|p| p.checked_mul(a.per_year)).unwrap_or_default();
            v.amount(saved, &format!("contract:bought:{year}:{k}:{j}"));
        }
        v.m.shut("tr");
    }
    v.table_end();
}

/// The investor's cash flow, year by year, the years after the horizon marked.
fn investor_cash_flow(v: &mut View, s: &Scenario, c: &ContractOutcome, k: usize) {
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
        v.amount(*amount, &format!("contract:flow:{year}:{k}:"));
        v.m.shut("tr");
    }
    v.table_end();
}

/// Through the fund against through the contract: the organisation, society and the investor.
fn side_by_side(
    v: &mut View,
    s: &Scenario,
    o: &Outcome,
    (c, k): (&ContractOutcome, usize),
    uncertainty: Option<&Chances>,
    with: Option<&BreakEven>,
) {
    let lang = v.lang;
    let fund_scenario = through_the_fund(s, &c.intervention);
    let Ok(fund) = simulate(&fund_scenario) else { return };
    let without = break_even(&fund_scenario, None).ok();
    let without = without.as_ref();
    let heads = [String::new(), T::ThroughFund.get(lang).into(), T::ThroughContract.get(lang).into()];
    let caption = format!("{} ({})", T::SideBySide.get(lang), v.unit_label);
    v.table_start(&caption, &format!("contract-compare-{}", c.id), &heads);
    // A row whose cells open their explanation: the fund's variant (`contract:fund_…`) and the scenario's own figure.
    let explained = |v: &mut View, label: String, key: &str, cells: [(String, String, String); 2]| {
        v.m.open("tr").attr("data-row", key).end();
        v.m.open("th").attr("scope", "row").end().text(&label).shut("th");
        for (text, explain, exact) in cells {
            v.m.open("td").attr("class", "num");
            // No key: a cell with nothing to explain ("–" where the run has no figure for it).
            if !explain.is_empty() {
                v.m.attr("data-explain", &explain).attr("tabindex", "-1").attr("data-value", &exact);
            }
            v.m.end().text(&text).shut("td");
        }
        v.m.shut("tr");
    };
    let fund_key = |name: &str| format!("contract:fund_{name}::{k}:");
    // A break-even row: through the fund and through the contract ("–" where there is none).
    let both = |name: &str, a: Option<(String, String)>, b: Option<(String, String)>| {
        let cell = |x: Option<(String, String)>, key: String| {
            let (text, exact) = x.unwrap_or_else(|| ("–".to_string(), String::new()));
            (text, key, exact)
        };
        [cell(a, fund_key(name)), cell(b, format!("contract:{name}::{k}:"))]
    };
    let org = T::Organisation.get(lang);
    let npv = |v: &View, name: &str, fund_npv: Decimal, npv: Decimal| {
        [(v.bare(fund_npv), fund_key(name), money_text(fund_npv)), (v.bare(npv), format!("{name}::"), money_text(npv))]
    };
    let cells = npv(v, "org_npv", fund.key_figures.org_npv, o.key_figures.org_npv);
    explained(v, format!("{org}: {}", T::OrgNpv.get(lang)), "org_npv", cells);
    let payback = |p: Option<i32>| p.map_or_else(|| T::NotWithin.get(lang).to_string(), |y| y.to_string());
    let year = |p: Option<i32>| p.map_or(String::new(), |y| y.to_string());
    let (a, b) = (fund.key_figures.payback_year, o.key_figures.payback_year);
    let cells = [(payback(a), fund_key("payback_year"), year(a)), (payback(b), "payback_year::".to_string(), year(b))];
    explained(v, format!("{org}: {}", T::PaybackYear.get(lang)), "payback_year", cells);
    // The text shown and the exact figure (`data-value`) of a break-even cell.
    let factor = |f: Option<Decimal>| f.map(|f| (number(f, 2, lang), f.normalize().to_string()));
    let label =
        lang.pick("Organisationen: effektfaktor för nollresultat", "The organisation: break-even effect factor");
    let org_factor = |b: Option<&BreakEven>| factor(b.and_then(|b| b.effect_factor_org_npv));
    explained(
        v,
        label.to_string(),
        "effect_factor_org_npv",
        both("effect_factor_org_npv", org_factor(without), org_factor(with)),
    );
    // The success rate of this intervention at which the organisation breaks even, the others as they are.
    let rate = |b: Option<&BreakEven>| {
        let found = b.and_then(|b| b.interventions.iter().find(|i| i.id == c.intervention));
        found.and_then(|i| i.success_rate_for_org_npv).map(|r| (percent(r, 1, lang), r.normalize().to_string()))
    };
    let label = lang.pick(
        "Organisationen: insatsens lyckandegrad för nollresultat",
        "The organisation: the intervention's break-even success rate",
    );
    let (a, b) = (rate(without), rate(with));
    explained(v, label.to_string(), "success_rate_for_org_npv", both("success_rate_for_org_npv", a, b));
    let cells = npv(v, "society_npv", fund.key_figures.society_npv, o.key_figures.society_npv);
    explained(v, format!("{}: {}", T::Society.get(lang), T::SocietyNpv.get(lang)), "society_npv", cells);
    let society_factor = |b: Option<&BreakEven>| factor(b.and_then(|b| b.effect_factor_society_npv));
    let label = lang.pick("Samhället: effektfaktor för nollresultat", "Society: break-even effect factor");
    let (a, b) = (society_factor(without), society_factor(with));
    explained(v, label.to_string(), "effect_factor_society_npv", both("effect_factor_society_npv", a, b));
    let net = v.bare(c.investor_net);
    v.m.open("tr").attr("data-row", "investor_net").end();
    let label = format!("{}: {}", T::Investor.get(lang), lang.pick("netto", "net"));
    v.m.open("th").attr("scope", "row").end().text(&label).shut("th");
    v.m.open("td").attr("class", "num").end().text(T::NothingToInvestor.get(lang)).shut("td");
    v.m.open("td")
        .attr("class", "num")
        .attr("data-explain", &format!("contract:investor_net::{k}:"))
        .attr("tabindex", "-1");
    v.m.attr("data-value", &money_text(c.investor_net)).end().text(&net).shut("td").shut("tr");
    if let Some(u) = uncertainty.and_then(|u| u.outcome_contracts.iter().find(|x| x.id == c.id)) {
        // Explained from the run (`explain::decision`, `mc:loss:` and `mc:pay:`), the contract named by its id.
        let loss = lang.pick("Investeraren: risk att förlora pengar", "The investor: chance of losing money");
        let share = percent(u.investor_loss_share, 0, lang);
        let exact = u.investor_loss_share.normalize().to_string();
        let none = || ("–".to_string(), String::new(), String::new());
        let cells = [none(), (share, format!("mc:loss:{}", c.id), exact)];
        explained(v, loss.to_string(), "investor_loss_share", cells);
        let spread =
            lang.pick("Betalarna: betalningar (5:e–95:e percentilen)", "The payers: payments (5th–95th percentile)");
        let text = format!("{} – {}", v.bare(u.payments_total.p5), v.bare(u.payments_total.p95));
        let cells = [none(), (text, format!("mc:pay:{}", c.id), String::new())];
        explained(v, spread.to_string(), "payments_spread", cells);
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
        let html = contract_views(&s, &o, Lang::En, Unit::One, None);
        // Payments 3 850 000 in 2028–2030 (tests/presets.rs derives them): in the table.
        assert!(html.contains("data-value=\"3850000.00\""), "{html}");
        // The investor's net, 1 650 000, and the fund's variant beside it.
        assert!(html.contains("contract-compare-norrkopingmodell") && html.contains("Through the fund"));
        assert!(html.contains("data-testid=\"contract-investor_net\""));
        // Without contracts: nothing.
        let fund = through_the_fund(&s, "familjestod");
        assert_eq!(fund.schema_version, 1);
        assert!(contract_views(&fund, &simulate(&fund).expect("fund"), Lang::Sv, Unit::One, None).is_empty());
    }

    /// The cells of the side-by-side row `key`: through the fund, through the contract.
    fn compared(html: &str, key: &str) -> Vec<String> {
        let start = html.find(&format!("data-row=\"{key}\"")).unwrap_or_else(|| panic!("no row {key}"));
        let row = &html[start..start + html[start..].find("</tr>").expect("closed")];
        // A cell's text: after its opening tag (which may carry `data-explain`), up to its end.
        row.split("<td class=\"num\"")
            .skip(1)
            .map(|c| c[c.find('>').expect("a tag") + 1..c.find("</td>").expect("a cell")].to_string())
            .collect()
    }

    /// The "break-even with a cap" case of `tests/cases/outcome_contracts.json`
    /// (fs under a contract capped at 500 000; home, outside it, costs the
    /// organisation 600 000 and saves nothing; discount rate 0). Inside
    /// savings are 2 400 000 f at a factor f on the success rates (4 800 000 r
    /// at fs's rate r = f / 2). The organisation's result counts the costs of
    /// the interventions outside contracts and the outcome payments.
    /// - Through the fund: org_npv(f) = 2 400 000 f − 2 000 000 − 600 000 = 0
    ///   at f = 2.6 / 2.4 = 1.0833; fs alone: 4 800 000 r − 2 600 000 = 0 at
    ///   r = 0.541667 → 54.2 %.
    /// - Through the contract (the case's derivation): f = 11/24 = 0.4583 and
    ///   r = 1 100 000 / 4 800 000 = 0.229167 → 22.9 %.
    /// - Society either way: costs 2 000 000 + 600 000 over savings 2 400 000 = 1.0833.
    #[test]
    fn side_by_side_has_the_break_even_figures_of_both_ways() {
        let s = crate::model::contract::fixtures::capped_break_even();
        let o = simulate(&s).expect("it simulates");
        let html = contract_views(&s, &o, Lang::En, Unit::One, None);
        assert_eq!(compared(&html, "effect_factor_org_npv"), ["1.08", "0.46"]);
        assert_eq!(compared(&html, "success_rate_for_org_npv"), ["54.2%", "22.9%"]);
        assert_eq!(compared(&html, "effect_factor_society_npv"), ["1.08", "1.08"]);
    }

    /// The base of `tests/cases/outcome_contracts.json` has no ranges: every
    /// draw is the scenario, so the payers pay 2 × 750 000 = 1 500 000 and
    /// the investor nets 1 500 000 − 2 000 000 = −500 000 in every draw: it
    /// loses in all of them (100 %), and the payments' 5th and 95th
    /// percentiles are both 1 500 000. Without the run's figures (none yet, or
    /// unreadable) the two rows are left out.
    #[test]
    fn the_uncertainty_rows_come_from_the_analysis_run() {
        let cases: serde_json::Value =
            serde_json::from_str(include_str!("../../tests/cases/outcome_contracts.json")).expect("the cases");
        let s = Scenario::from_json(&cases["base"].to_string()).expect("it reads");
        let o = simulate(&s).expect("it simulates");
        let run = crate::model::montecarlo::monte_carlo(&s, 2026, 20).expect("it runs").to_json();
        let html = contract_views(&s, &o, Lang::En, Unit::One, Some(&run));
        assert_eq!(compared(&html, "investor_loss_share"), ["–", "100%"]);
        assert_eq!(compared(&html, "payments_spread"), ["–", "1,500,000 – 1,500,000"]);
        // Each opens how the run gave it: 20 losses of 20 draws (share 1); the nearest ranks
        // ⌈5/100 × 20⌉ = 1 and ⌈95/100 × 20⌉ = 19; with the assumed values the investor nets
        // −500 000 and the payers pay 1 500 000 within the horizon.
        let id = &s.outcome_contracts[0].id;
        assert!(html.contains(&format!("data-explain=\"mc:loss:{id}\"")) && html.contains("data-explain=\"mc:pay:"));
        let explain = |key: &str| {
            crate::explain::write_decision::explanation(&s, &o, key, Some(&run), Lang::En, Unit::One).expect(key)
        };
        let loss = explain(&format!("mc:loss:{id}"));
        assert!(loss.contains("Draws with a loss (the share × N)</span>: <span class=\"explain-value\">20<"), "{loss}");
        assert!(loss.contains(">-500,000.00\u{a0}SEK<"), "{loss}");
        assert!(loss.contains("(shown as 100%)</p>"), "{loss}");
        let pay = explain(&format!("mc:pay:{id}"));
        assert!(pay.contains("Rank ⌈5/100 × 20⌉</span>: <span class=\"explain-value\">1<"), "{pay}");
        assert!(pay.contains("Rank ⌈95/100 × 20⌉</span>: <span class=\"explain-value\">19<"), "{pay}");
        assert!(
            pay.contains("= 1,500,000\u{a0}SEK – 1,500,000\u{a0}SEK (shown as 1,500,000 – 1,500,000)</p>"),
            "{pay}"
        );
        // Without the run, nothing to explain.
        assert_eq!(
            crate::explain::write_decision::explanation(&s, &o, "mc:pay:x", Some(&run), Lang::En, Unit::One),
            None
        );
        for none in [None, Some(""), Some("{not json")] {
            let html = contract_views(&s, &o, Lang::En, Unit::One, none);
            assert!(!html.contains("investor_loss_share") && !html.contains("payments_spread"), "{none:?}");
        }
    }

    #[test]
    fn user_text_never_becomes_markup() {
        let mut s = crate::presets::by_id("contract").map(|p| p.scenario).expect("the contract preset");
        s.outcome_contracts[0].name = "<script>x</script>".into();
        s.interventions[0].name = "\"><img src=x onerror=alert(1)>".into();
        let o = simulate(&s).expect("it simulates");
        let html = contract_views(&s, &o, Lang::Sv, Unit::One, None);
        assert!(!html.contains("<script>") && !html.contains("<img"));
    }
}
