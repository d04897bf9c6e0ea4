//! The prepared scenarios: each parses, validates and simulates, says where
//! its figures come from and that they are illustrative, and tells its story.
//!
//! Where a test asserts a figure, the expected value is derived by hand from
//! the preset's JSON in a comment, not copied from the engine's output.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashSet;

use fundsim::model::{simulate, validate::validate, Outcome, Scenario};
use fundsim::presets::{self, Preset};
use rust_decimal::Decimal;

fn d(text: &str) -> Decimal {
    text.parse().unwrap()
}

fn preset(id: &str) -> Preset {
    presets::by_id(id).unwrap_or_else(|| panic!("no preset {id}"))
}

fn outcome(id: &str) -> (Scenario, Outcome) {
    let scenario = preset(id).scenario;
    let outcome = simulate(&scenario).unwrap_or_else(|e| panic!("{id} does not simulate: {e}"));
    (scenario, outcome)
}

/// The year rows' `savings` of an actor.
fn savings(outcome: &Outcome, actor: &str) -> Vec<Decimal> {
    actor_rows(outcome, actor).iter().map(|r| r.savings).collect()
}

fn actor_rows<'a>(outcome: &'a Outcome, actor: &str) -> &'a [fundsim::model::ActorYear] {
    &outcome.actors.iter().find(|a| a.id == actor).unwrap_or_else(|| panic!("no actor {actor}")).rows
}

fn actor<'a>(outcome: &'a Outcome, id: &str) -> &'a fundsim::model::ActorOutcome {
    outcome.actors.iter().find(|a| a.id == id).unwrap_or_else(|| panic!("no actor {id}"))
}

/// Intervention costs per year, from the scenario (running years only).
fn costs(scenario: &Scenario) -> Vec<Decimal> {
    let years = scenario.horizon_years as usize;
    let mut costs = vec![Decimal::ZERO; years];
    for iv in &scenario.interventions {
        let running = (iv.start as usize).min(years)..((iv.start + iv.years) as usize).min(years);
        for cost in &mut costs[running] {
            *cost += iv.annual_cost;
        }
    }
    costs
}

const IDS: [&str; 4] = ["gotland", "placements", "jobs", "sickleave"];

// ---------------------------------------------------------------------------
// Every preset

#[test]
fn gotland_opens_the_app_and_all_four_stories_are_there() {
    let all = presets::all();
    assert_eq!(all[0].id, "gotland");
    let ids: Vec<&str> = all.iter().map(|p| p.id).collect();
    for id in IDS {
        assert!(ids.contains(&id), "preset {id} is missing (a JSON file that does not parse is skipped by all())");
    }
}

#[test]
fn every_preset_parses_validates_and_simulates() {
    let all = presets::all();
    assert!(all.len() >= 4);
    for p in &all {
        validate(&p.scenario).unwrap_or_else(|e| panic!("{} is invalid: {e}", p.id));
        simulate(&p.scenario).unwrap_or_else(|e| panic!("{} does not simulate: {e}", p.id));
        // The stored form round-trips through the contract's JSON.
        let again = Scenario::from_json(&p.scenario.to_json()).unwrap_or_else(|e| panic!("{}: {e}", p.id));
        assert_eq!(again, p.scenario, "{}", p.id);
    }
}

#[test]
fn ids_are_unique_non_empty_and_found_by_id() {
    let all = presets::all();
    let mut seen = HashSet::new();
    for p in &all {
        assert!(!p.id.trim().is_empty());
        assert!(seen.insert(p.id), "duplicate preset id {}", p.id);
        assert_eq!(presets::by_id(p.id).as_ref(), Some(p));
    }
    assert!(presets::by_id("").is_none());
    assert!(presets::by_id("nonexistent").is_none());
}

#[test]
fn stories_are_bilingual_say_illustrative_and_name_sources() {
    for p in presets::all() {
        assert!(!p.title.sv.trim().is_empty() && !p.title.en.trim().is_empty(), "{}: title", p.id);
        assert!(p.story.sv.to_lowercase().contains("illustrativ"), "{}: Swedish story must say illustrativ", p.id);
        assert!(p.story.en.to_lowercase().contains("illustrative"), "{}: English story must say illustrative", p.id);
        for story in [p.story.sv, p.story.en] {
            let sentences = story.matches(". ").count() + 1;
            assert!((3..=6).contains(&sentences), "{}: story should be 3–5 sentences: {story}", p.id);
        }
        assert!(!p.sources.is_empty(), "{}: at least one source", p.id);
        assert!(p.sources.iter().all(|s| !s.trim().is_empty()), "{}: empty source", p.id);
        assert!(!p.scenario.name.trim().is_empty(), "{}: scenario name", p.id);
        assert!(p.scenario.description.to_lowercase().contains("illustrativ"), "{}: description", p.id);
    }
}

#[test]
fn common_settings_follow_the_brief() {
    for p in presets::all() {
        let s = &p.scenario;
        assert_eq!(s.discount_rate, d("0.035"), "{}: Green Book rate", p.id);
        assert_eq!(s.start_year, 2026, "{}", p.id);
        assert_eq!(s.currency, "SEK", "{}", p.id);
        assert!((10..=15).contains(&s.horizon_years), "{}: horizon", p.id);
        assert!(!s.interventions.is_empty(), "{}", p.id);
        for iv in &s.interventions {
            let u = iv.uncertainty.as_ref().unwrap_or_else(|| panic!("{}/{}: no uncertainty", p.id, iv.id));
            assert!(u.success_rate.is_some() && u.avoided_costs.is_some(), "{}/{}: ranges", p.id, iv.id);
            assert!(iv.deadweight >= d("0.2") && iv.deadweight <= d("0.3"), "{}/{}: deadweight", p.id, iv.id);
            assert!(iv.drop_off >= d("0.1") && iv.drop_off <= d("0.2"), "{}/{}: drop-off", p.id, iv.id);
            assert!(iv.success_rate <= d("0.35"), "{}/{}: modest success rate", p.id, iv.id);
        }
    }
}

#[test]
fn every_year_the_actors_savings_add_up_to_inside_plus_outside() {
    for id in IDS {
        let (scenario, outcome) = outcome(id);
        let costs = costs(&scenario);
        let mut inside_total = Decimal::ZERO;
        let mut outside_total = Decimal::ZERO;
        for (y, cost) in costs.iter().enumerate() {
            let mut inside = Decimal::ZERO;
            let mut outside = Decimal::ZERO;
            for a in &outcome.actors {
                let is_inside = scenario.actor(&a.id).unwrap().inside;
                if is_inside {
                    inside += a.rows[y].savings;
                } else {
                    outside += a.rows[y].savings;
                }
            }
            assert_eq!(outcome.org_net[y], inside - *cost, "{id} org_net year {y}");
            assert_eq!(outcome.society_net[y], inside + outside - *cost, "{id} society_net year {y}");
            inside_total += inside;
            outside_total += outside;
        }
        assert_eq!(outcome.key_figures.savings_inside, inside_total, "{id}");
        assert_eq!(outcome.key_figures.savings_outside, outside_total, "{id}");
        assert_eq!(outcome.key_figures.total_cost, costs.iter().sum::<Decimal>(), "{id}");
    }
}

// ---------------------------------------------------------------------------
// gotland: the owner pays, others gain

#[test]
fn gotland_the_school_pays_and_the_others_gain() {
    let (scenario, outcome) = outcome("gotland");
    assert!(scenario.interventions.len() >= 2);
    assert!(scenario.interventions.iter().all(|iv| iv.owner == "utbildning"));
    assert_eq!(scenario.fund.financed_by, "regionstyrelsen");
    assert!(!scenario.actor("staten").unwrap().inside);

    let school = actor(&outcome, "utbildning");
    assert_eq!(school.savings_total, Decimal::ZERO, "the school saves nothing");
    assert!(school.net_total < Decimal::ZERO && school.npv < Decimal::ZERO, "the school's net is negative");
    for gainer in ["social", "halsa"] {
        let a = actor(&outcome, gainer);
        assert!(a.savings_total > Decimal::ZERO && a.net_total > Decimal::ZERO && a.npv > Decimal::ZERO, "{gainer}");
    }
    assert!(actor(&outcome, "staten").savings_total > Decimal::ZERO, "the state gains without paying");
    assert_eq!(actor(&outcome, "staten").cost_borne, Decimal::ZERO);

    // The school's cost is its 30 % co-financing: 0.3 × (4 + 3 + 3) MSEK × 3 years = 9 MSEK.
    assert_eq!(school.cost_borne, d("9000000"));
    // Regionstyrelsen's cost is its appropriation: 2 × 10 MSEK.
    assert_eq!(actor(&outcome, "regionstyrelsen").cost_borne, d("20000000"));
}

#[test]
fn gotland_fund_and_payback_are_plausible() {
    let (scenario, outcome) = outcome("gotland");
    let k = &outcome.key_figures;
    assert_eq!(k.fund_first_negative_year, None, "the fund does not run dry");
    let payback = k.payback_year.expect("pays back within the horizon");
    // Not within the first term of office (2026–2029), but within the horizon.
    assert!((2030..scenario.start_year + scenario.horizon_years as i32).contains(&payback), "payback {payback}");
    assert!(k.org_npv > Decimal::ZERO);
    assert!(k.society_npv > k.org_npv);
    assert_eq!(k.total_cost, d("30000000"));
    // Year 0: allocation 10 MSEK − grants 0.7 × (4 + 3) MSEK = 4.9 MSEK → closes at 5.1 MSEK.
    assert_eq!(outcome.fund[0].close, d("5100000"));
    // Savings share 0.5: the grants flow back to the fund, at most once (cap 1).
    let ratio = k.revolving_ratio.unwrap();
    assert!(ratio > d("0.5") && ratio <= Decimal::ONE, "revolving ratio {ratio}");
}

#[test]
fn gotland_first_savings_year_by_hand() {
    let (_, outcome) = outcome("gotland");
    let social = savings(&outcome, "social");
    // 2026–2027: no cohort has passed its lag yet (skolnärvaro lag 2, elevhälsa
    // starts 2027 with lag 1, språk lag 5).
    assert_eq!(social[0], Decimal::ZERO);
    assert_eq!(social[1], Decimal::ZERO);
    // 2028: skolnärvaro's first cohort, 50 × 0.2 × (1 − 0.25) = 7.5 successes
    // × 145 750 = 1 093 125, plus elevhälsa's first cohort, 60 × 0.2 × (1 − 0.3)
    // = 8.4 × 47 500 = 399 000: 1 492 125.
    assert_eq!(social[2], d("1492125"));
    // The social services repay half of it (cap far away): 746 062.50.
    assert_eq!(actor_rows(&outcome, "social")[2].repayment, d("746062.5"));
}

// ---------------------------------------------------------------------------
// placements: Norrköping-style repayment of all realised savings

#[test]
fn placements_repay_all_realised_savings_and_the_fund_revolves() {
    let (scenario, outcome) = outcome("placements");
    assert!(scenario.interventions.iter().all(|iv| iv.owner == "social"));
    let k = &outcome.key_figures;
    assert_eq!(k.fund_first_negative_year, None);
    assert_eq!(k.revolving_ratio, Some(Decimal::ONE), "every grant is repaid in full");
    assert!(k.payback_year.is_some());
    assert!(actor(&outcome, "staten").savings_total > Decimal::ZERO, "the state (SiS) gains");
    assert!(actor(&outcome, "social").net_total > Decimal::ZERO);
    // Year 0: 30 × 0.25 × (1 − 0.3) = 5.25 placements avoided × 535 500 = 2 811 375,
    // all of it repaid (share 1, the cap of 9 MSEK not yet reached).
    let social = actor_rows(&outcome, "social");
    assert_eq!(social[0].savings, d("2811375"));
    assert_eq!(social[0].repayment, d("2811375"));
    // Fund: 10 MSEK − 3 MSEK grant + 2 811 375 repaid = 9 811 375.
    assert_eq!(outcome.fund[0].close, d("9811375"));
    // The state: 5.25 × 152 000 = 798 000.
    assert_eq!(savings(&outcome, "staten")[0], d("798000"));
}

// ---------------------------------------------------------------------------
// jobs: social assistance is a transfer

#[test]
fn jobs_the_households_loss_mirrors_the_social_assistance_saved() {
    let (scenario, outcome) = outcome("jobs");
    assert!(!scenario.actor("hushallen").unwrap().inside);
    let social = savings(&outcome, "social");
    let households = savings(&outcome, "hushallen");
    let state = savings(&outcome, "staten");
    for y in 0..social.len() {
        assert_eq!(households[y], -social[y], "year {y}: the household loses what the municipality saves");
    }
    assert!(actor(&outcome, "hushallen").savings_total < Decimal::ZERO);

    // Year 2027 (lag 1): the first cohort, 40 × 0.35 × (1 − 0.3) = 9.8 households
    // × 75 045 = 735 441; the state 9.8 × 111 000 = 1 087 800.
    assert_eq!(social[1], d("735441"));
    assert_eq!(households[1], d("-735441"));
    assert_eq!(state[1], d("1087800"));
    // Year 2028: cohort 2026 at k = 1 (0.85) and cohort 2027 at k = 0 (1):
    // 9.8 × 1.85 = 18.13 × 75 045 = 1 360 565.85.
    assert_eq!(social[2], d("1360565.85"));

    // The transfer nets out: society's savings are the inside savings plus the
    // state's, minus the households' loss, which equals the social assistance saved.
    let k = &outcome.key_figures;
    let state_total = actor(&outcome, "staten").savings_total;
    let social_total = actor(&outcome, "social").savings_total;
    assert!(k.savings_inside + k.savings_outside < k.savings_inside + state_total);
    assert_eq!(k.savings_inside + k.savings_outside, state_total, "only the state's gain remains for society");
    assert_eq!(k.savings_inside, social_total);
}

#[test]
fn jobs_fixed_repayment_lands_on_the_owner() {
    let (_, outcome) = outcome("jobs");
    // Share 1 of the 9 MSEK grant in 5 instalments of 1.8 MSEK, from 2029
    // (the year after the track's three years) to 2033.
    let owner = actor_rows(&outcome, "arbetsmarknad");
    for (y, row) in owner.iter().enumerate() {
        let expected = if (3..8).contains(&y) { d("1800000") } else { Decimal::ZERO };
        assert_eq!(row.repayment, expected, "year {y}");
        assert_eq!(row.savings, Decimal::ZERO);
    }
    assert!(actor_rows(&outcome, "social").iter().all(|r| r.repayment.is_zero()));
    assert_eq!(outcome.key_figures.fund_first_negative_year, None);
    assert_eq!(outcome.key_figures.revolving_ratio, Some(Decimal::ONE));
}

// ---------------------------------------------------------------------------
// sickleave: an internal outcome contract, earmarked equity

#[test]
fn sickleave_departments_repay_with_a_twenty_percent_return() {
    let (scenario, outcome) = outcome("sickleave");
    assert_eq!(scenario.fund.accounting, fundsim::model::Accounting::EarmarkedEquity);
    assert!(scenario.actors.iter().all(|a| a.inside));
    let k = &outcome.key_figures;
    assert_eq!(k.savings_outside, Decimal::ZERO);
    assert_eq!(k.fund_first_negative_year, None);
    // Cap 1.2: grants 2 × 1.2 + 2 × 1.0 = 4.4 MSEK, repaid 1.2 × 4.4 = 5.28 MSEK.
    assert_eq!(k.revolving_ratio, Some(d("1.2")));
    // Earmarked equity: HR's fund cost is grants − repayments = −0.88 MSEK, a gain.
    let hr = actor(&outcome, "kommunstyrelsen");
    assert_eq!(hr.net_total, d("880000"));
    for dept in ["omsorg", "skola"] {
        assert!(actor(&outcome, dept).net_total > Decimal::ZERO, "{dept} keeps part of its savings");
    }
    // Year 0: 600 × 0.3 × (1 − 0.25) = 135 successes × 5 000 = 675 000 saved in
    // elderly care, all repaid (share 1); HR's fund cost 1 200 000 − 675 000 = 525 000.
    let omsorg = actor_rows(&outcome, "omsorg");
    assert_eq!(omsorg[0].savings, d("675000"));
    assert_eq!(omsorg[0].repayment, d("675000"));
    assert_eq!(actor_rows(&outcome, "kommunstyrelsen")[0].fund_cost, d("525000"));
}

// ---------------------------------------------------------------------------
// Key figures, printed for the report (`cargo test --test presets -- --nocapture`).

#[test]
fn print_key_figures() {
    for p in presets::all() {
        let o = simulate(&p.scenario).unwrap();
        let k = &o.key_figures;
        println!(
            "{}: total cost {}, org NPV {}, society NPV {}, payback {:?}, fund first negative {:?}, revolving {:?}",
            p.id,
            k.total_cost.round_dp(0),
            k.org_npv.round_dp(0),
            k.society_npv.round_dp(0),
            k.payback_year,
            k.fund_first_negative_year,
            k.revolving_ratio.map(|r| r.round_dp(4)),
        );
        for a in &o.actors {
            println!("  {:<16} net {:>12} npv {:>12}", a.id, a.net_total.round_dp(0), a.npv.round_dp(0));
        }
    }
}

// ---------------------------------------------------------------------------
// The end-to-end tests' own scenarios

/// `tests/e2e/fixtures/*.json` are opened by the Playwright tests through a
/// link; a link the app refuses opens the default preset instead, and those
/// tests would fail far from the cause. Here the refusal names the file and field.
#[test]
fn the_e2e_fixture_scenarios_parse_validate_and_simulate() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/e2e/fixtures");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    assert!(files.len() >= 2, "expected the fixtures savings-share.json and fixed-rule.json, found {files:?}");
    for path in files {
        let json = std::fs::read_to_string(&path).unwrap();
        let scenario = Scenario::from_json(&json).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        validate(&scenario).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        simulate(&scenario).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
}

// ---------------------------------------------------------------------------
// contract: Norrköping's terms, Gotland's question (fund or outcome contract?)

/// Derived from `src/presets/contract.json` by hand:
/// - 20 children a year in 2026–2028, success 0.35: O_s = 20 × 0.35 = 7
///   outcomes a cohort, 21 in all; each cohort paid 7 × 550 000 = 3 850 000
///   two years later (lag 0 + 2): 2028, 2029, 2030; 11 550 000 < cap 12 000 000.
/// - Maximum exposure: 60 children × 550 000 = 33 000 000, capped at 12 000 000.
/// - Investor: 11 550 000 − 3 × 3 300 000 = 1 650 000; multiple 11.55 / 9.9 = 1.1667.
/// - Savings: E = 20 × 0.35 × 0.7 = 4.9 per cohort, factors 1, 0.8, 0.64:
///   profile 4.9, 8.82, 11.956, 7.056, 3.136; social × 535 500 = 2 623 950,
///   4 723 110, 6 402 438, 3 778 488, 1 679 328.
/// - org_net (no intervention cost for the region, payments by social, inside):
///   2 623 950, 4 723 110, 2 552 438, −71 512, −2 170 672, then 0: the
///   cumulative result never falls below 0, so payback is 2026.
/// - IRR: the cash flow −3.3, −3.3, +0.55, +3.85, +3.85 MSEK has its zero at
///   r ≈ 0.0801 (on a calculator: at 8 % the present value is +2 100, at 8.02 % −1 300).
#[test]
fn the_contract_preset_pays_for_outcomes_as_derived() {
    let (scenario, out) = outcome("contract");
    assert_eq!(scenario.schema_version, 2);
    assert_eq!(out.schema_version, 2);
    let c = &out.outcome_contracts[0];
    assert_eq!(c.outcomes, d("21"));
    let paid: Vec<Decimal> = c.payments.iter().map(|(_, p)| *p).collect();
    let m = d("3850000");
    let z = Decimal::ZERO;
    assert_eq!(paid, vec![z, z, m, m, m, z, z, z, z, z]);
    assert_eq!(c.payments_total, d("11550000"));
    assert_eq!(c.outstanding, z);
    assert_eq!(c.payer_max_exposure, d("12000000"));
    assert_eq!(c.investor_net, d("1650000"));
    assert_eq!(c.investor_multiple.map(|v| v.round_dp(4)), Some(d("1.1667")));
    let irr = c.investor_irr.unwrap_or_default();
    assert!(irr > d("0.08") && irr < d("0.0802"), "irr {irr}");
    let expected_org = ["2623950", "4723110", "2552438", "-71512", "-2170672", "0", "0", "0", "0", "0"];
    let org: Vec<Decimal> = out.org_net.iter().map(|v| v.round_dp(6)).collect();
    assert_eq!(org, expected_org.iter().map(|v| d(v)).collect::<Vec<_>>());
    assert_eq!(out.key_figures.payback_year, Some(2026));
    // The fund is not used: the investor pays the work.
    assert!(out.fund.iter().all(|f| f.grants.is_zero()));
    // Story and title say illustrative in both languages.
    let p = preset("contract");
    assert!(p.title.sv.contains("illustrativt") && p.title.en.contains("illustrative"));
}
