//! Laws that hold for every valid scenario, checked on generated ones
//! (proptest). Grouped by the law they check; failures are kept in
//! `proptest-regressions/` and replayed first.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use rust_decimal::Decimal;

use fundsim::model::validate::validated;
use fundsim::model::{self as model, simulate, Accounting, Outcome, RepaymentRule, Scenario, Simulator};
use fundsim::tables::csv::{self, neutralised, text_field, CsvDialect, FORMULA_STARTS};
use fundsim::tables::reconcile::reconcile;
use fundsim::tables::results::year_by_year;
use fundsim::words::Lang;

#[path = "generate/any.rs"]
mod any;
#[path = "generate/scenario.rs"]
mod generate;
#[path = "generate/strategies.rs"]
mod strategies;
use any::Sizes;
use strategies::{dec, fraction, money};

/// Any valid scenario of up to 5 actors, 4 interventions and 20 years.
fn scenario() -> impl Strategy<Value = Scenario> {
    any::scenario(Sizes { actors: 5, years: 20, allocations: 25, interventions: 0..=4, earmarked: true })
}

/// Equal to far below an öre. Decimals carry 28 significant digits, so two
/// ways of adding up the same amounts can differ in the last digit (around
/// 1e-20 kr for amounts in the millions); a law that holds only to 1e-9 kr
/// holds for every figure the result shows.
macro_rules! prop_assert_same {
    ($left:expr, $right:expr) => {{
        let (left, right): (Decimal, Decimal) = ($left, $right);
        prop_assert!((left - right).abs() <= Decimal::new(1, 9), "{} != {}", left, right);
    }};
}

/// The reconciliation identity of `s` and its outcome, each side summed independently of
/// `reconcile` (Σ org_net; the inside actors' rows; the fund's rows).
fn check_reconciliation(s: &Scenario, out: &Outcome) -> Result<(), TestCaseError> {
    let r = reconcile(s, out);
    let organisation: Decimal = out.org_net.iter().sum();
    let inside: Decimal = out
        .actors
        .iter()
        .filter(|a| s.actor(&a.id).is_some_and(|x| x.inside))
        .flat_map(|a| &a.rows)
        .map(|r| r.net)
        .sum();
    let outside_co_financing: Decimal = out
        .actors
        .iter()
        .filter(|a| !s.actor(&a.id).is_some_and(|x| x.inside))
        .flat_map(|a| &a.rows)
        .map(|r| r.co_financing)
        .sum();
    let (allocations, repayments, grants): (Decimal, Decimal, Decimal) =
        out.fund.iter().fold(Default::default(), |(a, r, g), f| (a + f.allocation, r + f.repayments, g + f.grants));
    let financer_inside = s.actor(&s.fund.financed_by).is_some_and(|a| a.inside);
    let fund_term = match (financer_inside, s.fund.accounting) {
        (true, Accounting::Appropriation) => allocations + repayments - grants,
        (true, Accounting::EarmarkedEquity) => Decimal::ZERO,
        (false, _) => repayments - grants,
    };
    prop_assert_same!(r.organisation, organisation);
    prop_assert_same!(r.inside, inside);
    prop_assert_same!(r.fund_term, fund_term);
    prop_assert_same!(r.outside_co_financing, outside_co_financing);
    prop_assert_same!(inside + fund_term - outside_co_financing, organisation);
    prop_assert!(r.holds(), "{r:?}");
    if financer_inside && s.fund.accounting == Accounting::Appropriation {
        let left = out.fund.last().map_or(s.fund.initial_capital, |f| f.close);
        prop_assert_same!(fund_term, left - s.fund.initial_capital);
    }
    Ok(())
}

#[test]
fn every_preset_reconciles_in_both_accounting_modes() {
    for preset in fundsim::presets::all() {
        for accounting in [Accounting::Appropriation, Accounting::EarmarkedEquity] {
            let mut s = preset.scenario.clone();
            s.fund.accounting = accounting;
            if let Err(e) = check_reconciliation(&s, &run(&s)) {
                panic!("{} ({accounting:?}): {e}", preset.id);
            }
        }
    }
}

fn run(s: &Scenario) -> Outcome {
    match simulate(s) {
        Ok(outcome) => outcome,
        Err(e) => panic!("a generated scenario was refused: {e}"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// The simulator the editor keeps (it reuses the interventions' flows
    /// while only the fund, the discount rate or the start year change) gives,
    /// edit after edit, exactly what a fresh simulation gives.
    #[test]
    fn a_kept_simulator_gives_what_a_fresh_simulation_gives(
        s in scenario(), t in scenario(), amount in money(100_000_000), rate in fraction(), edit in 0usize..5,
    ) {
        let mut simulator = Simulator::default();
        prop_assert_eq!(simulator.simulate(&s).ok(), Some(run(&s)));
        let mut edited = s.clone();
        match edit {
            0 => edited.fund.initial_capital = amount,
            1 => edited.discount_rate = rate,
            2 => edited.start_year += 3,
            3 => edited.fund.accounting = match s.fund.accounting {
                Accounting::Appropriation => Accounting::EarmarkedEquity,
                Accounting::EarmarkedEquity => Accounting::Appropriation,
            },
            _ => edited.fund.allocations = vec![amount; s.horizon_years as usize],
        }
        prop_assert_eq!(simulator.simulate(&edited).ok(), simulate(&edited).ok());
        // The editor's way in: validated once, then simulated without a second check.
        match validated(&edited) {
            Ok(valid) => prop_assert_eq!(simulator.simulate_valid(valid).ok(), simulate(&edited).ok()),
            Err(errors) => prop_assert_eq!(errors.first().cloned(), simulate(&edited).err()),
        }
        // Other actors and interventions: the flows are computed afresh.
        prop_assert_eq!(simulator.simulate(&t).ok(), simulate(&t).ok());
        prop_assert_eq!(simulator.simulate(&s).ok(), Some(run(&s)));
    }

    #[test]
    fn fund_closing_balance_is_open_plus_allocation_plus_repayments_minus_grants(s in scenario()) {
        let out = run(&s);
        prop_assert_eq!(out.fund[0].open, s.fund.initial_capital);
        for (y, row) in out.fund.iter().enumerate() {
            prop_assert_same!(row.close, row.open + row.allocation + row.repayments - row.grants);
            if let Some(next) = out.fund.get(y + 1) {
                prop_assert_eq!(next.open, row.close);
            }
        }
    }

    #[test]
    fn actors_repayments_add_up_to_the_funds(s in scenario()) {
        let out = run(&s);
        for (y, row) in out.fund.iter().enumerate() {
            let paid: Decimal = out.actors.iter().map(|a| a.rows[y].repayment).sum();
            prop_assert_same!(paid, row.repayments);
        }
        let by_intervention: Decimal = out.interventions.iter().map(|i| i.repaid_total).sum();
        let by_year: Decimal = out.fund.iter().map(|f| f.repayments).sum();
        prop_assert_same!(by_intervention, by_year);
    }

    #[test]
    fn outside_actors_never_repay(s in scenario()) {
        let out = run(&s);
        for (actor, result) in s.actors.iter().zip(&out.actors) {
            if !actor.inside {
                prop_assert!(result.rows.iter().all(|r| r.repayment.is_zero()));
            }
        }
    }

    #[test]
    fn no_intervention_repays_more_than_its_cap(s in scenario()) {
        let out = run(&s);
        for (iv, result) in s.interventions.iter().zip(&out.interventions) {
            match s.repayment_rule(iv) {
                RepaymentRule::None => prop_assert!(result.repaid_total.is_zero()),
                RepaymentRule::Fixed { share, .. } => {
                    // Paid within the horizon plus outstanding is the whole debt.
                    prop_assert_same!(result.repaid_total + result.outstanding.unwrap_or_default(), *share * result.grants_total);
                }
                RepaymentRule::SavingsShare { cap: Some(cap), .. } => {
                    let limit = *cap * result.grants_total;
                    // Exact up to the last of Decimal's 28 digits: the year's parts are
                    // summed per actor and the limit is multiplied here, each rounded
                    // once at the 28th significant digit (1e-20 kr is far below an öre).
                    let ulp = Decimal::new(1, 20);
                    prop_assert!(result.repaid_total <= limit + ulp, "repaid {} > cap {}", result.repaid_total, limit);
                    prop_assert_same!(result.outstanding.unwrap_or(Decimal::MIN), limit - result.repaid_total);
                }
                RepaymentRule::SavingsShare { cap: None, .. } => prop_assert_eq!(result.outstanding, None),
            }
            prop_assert!(result.repaid_total >= Decimal::ZERO);
        }
    }

    #[test]
    fn zero_success_rate_gives_zero_savings_and_zero_savings_based_repayment(s in scenario()) {
        let mut s = s;
        for iv in &mut s.interventions {
            iv.success_rate = Decimal::ZERO;
        }
        let out = run(&s);
        prop_assert!(out.actors.iter().all(|a| a.rows.iter().all(|r| r.savings.is_zero())));
        for (iv, result) in s.interventions.iter().zip(&out.interventions) {
            if matches!(s.repayment_rule(iv), RepaymentRule::SavingsShare { .. }) {
                prop_assert!(result.repaid_total.is_zero());
            }
        }
        prop_assert!(out.key_figures.savings_inside.is_zero() && out.key_figures.savings_outside.is_zero());
    }

    #[test]
    fn society_net_minus_org_net_is_the_outside_actors_savings(s in scenario()) {
        let out = run(&s);
        for y in 0..out.years.len() {
            let outside: Decimal = s.actors.iter().zip(&out.actors).filter(|(a, _)| !a.inside).map(|(_, r)| r.rows[y].savings).sum();
            prop_assert_same!(out.society_net[y] - out.org_net[y], outside);
        }
    }

    #[test]
    fn grants_and_co_financing_make_up_the_total_cost(s in scenario()) {
        let out = run(&s);
        let grants: Decimal = out.fund.iter().map(|f| f.grants).sum();
        let co_financing: Decimal = out.actors.iter().flat_map(|a| &a.rows).map(|r| r.co_financing).sum();
        prop_assert_same!(grants + co_financing, out.key_figures.total_cost);
    }

    #[test]
    fn each_actors_net_is_savings_minus_what_it_pays(s in scenario()) {
        let out = run(&s);
        for a in &out.actors {
            for r in &a.rows {
                prop_assert_same!(r.net, r.savings - r.co_financing - r.repayment - r.fund_cost);
            }
            prop_assert_same!(a.net_total, a.savings_total - a.cost_borne);
        }
    }

    /// The totals reconcile (src/tables/reconcile.rs, docs/model-notes.md), in both
    /// accounting modes: the inside actors' nets plus the fund's term, less the
    /// co-financing of outside owners, are the organisation's result; under
    /// appropriation with an inside financer the fund's term is what the fund
    /// kept (last close − initial capital); under earmarked equity it is 0.
    #[test]
    fn inside_actors_plus_the_fund_are_the_organisations_result(s in scenario()) {
        for accounting in [Accounting::Appropriation, Accounting::EarmarkedEquity] {
            let mut s = s.clone();
            s.fund.accounting = accounting;
            check_reconciliation(&s, &run(&s))?;
        }
    }

    #[test]
    fn serialising_and_parsing_a_scenario_gives_the_same_scenario(s in scenario()) {
        let json = s.to_json();
        let back = Scenario::from_json(&json).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&back, &s);
        prop_assert_eq!(run(&back).to_json(), run(&s).to_json());
        // The result JSON written by hand is what serde writes.
        let out = run(&s);
        prop_assert_eq!(out.to_json(), serde_json::to_string(&out).unwrap());
    }

    #[test]
    fn huge_amounts_are_refused_or_computed_never_a_panic(
        s in scenario(),
        cost in any::<u64>(),
        per_year in any::<i64>(),
        participants in any::<u32>(),
        scale in 0u32..4,
    ) {
        let mut s = s;
        for iv in &mut s.interventions {
            iv.annual_cost = Decimal::from(cost) * Decimal::from(1_000_000_000u64);
            iv.participants_per_year = Decimal::from(participants);
            for a in &mut iv.avoided_costs {
                a.per_year = Decimal::new(per_year, scale) * Decimal::from(1_000_000u64);
            }
        }
        // Either a result or a refusal that names an intervention; never a panic.
        if let Err(e) = simulate(&s) {
            prop_assert!(e.path.starts_with("interventions"), "{}", e);
        }
        // The decision figures and the Monte Carlo run too, with ranges on the amounts.
        for iv in &mut s.interventions {
            let factor = Some(fundsim::model::Range { low: Decimal::ZERO, high: Decimal::from(3) });
            iv.uncertainty = Some(fundsim::model::Uncertainty { annual_cost: factor, avoided_costs: factor, ..Default::default() });
        }
        for e in [
            fundsim::model::decision::break_even(&s, Some(s.start_year)).err(),
            fundsim::model::decision::sensitivity(&s).err(),
            fundsim::model::montecarlo::monte_carlo(&s, 1, 3).err(),
        ]
        .into_iter()
        .flatten()
        {
            prop_assert!(e.path.starts_with("interventions"), "{}", e);
        }
    }
}

// ---------------------------------------------------------------- decision figures and Monte Carlo

use fundsim::model::decision::{break_even, sensitivity, EffectScale};
use fundsim::model::montecarlo::{
    monte_carlo_by, percentile, triangular, MonteCarloRun, Percentiles, SplitMix64, Uncertainty, YearPercentiles,
};
use fundsim::model::outcome::money_text;
use fundsim::model::{Range, Uncertainty as Ranges};

/// A range around `value` within 0..1: `value × (1 − a)` to `value + (1 − value) × b`.
fn share_range(value: Decimal, a: Decimal, b: Decimal) -> Range {
    Range { low: value * (Decimal::ONE - a), high: value + (Decimal::ONE - value) * b }
}

/// Ranges on some parameters of some interventions (`picks`: per intervention,
/// which of the five parameters get a range, and how wide).
fn ranged_scenario() -> impl Strategy<Value = Scenario> {
    (scenario(), proptest::collection::vec((any::<[bool; 5]>(), fraction(), fraction(), 0i64..=200), 4)).prop_map(
        |(mut s, picks)| {
            for (iv, (on, a, b, up)) in s.interventions.iter_mut().zip(picks) {
                let factor = Range { low: Decimal::ONE - a, high: Decimal::ONE + dec(up, 2) };
                let r = Ranges {
                    success_rate: on[0].then(|| share_range(iv.success_rate, a, b)),
                    deadweight: on[1].then(|| share_range(iv.deadweight, b, a)),
                    drop_off: on[2].then(|| share_range(iv.drop_off, a, b)),
                    annual_cost: on[3].then_some(factor),
                    avoided_costs: on[4].then_some(factor),
                };
                iv.uncertainty = Some(r);
            }
            s
        },
    )
}

fn to_ore(v: Decimal) -> Decimal {
    v.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
}

fn sorted_percentiles(mut v: Vec<Decimal>) -> Percentiles {
    v.sort();
    Percentiles { p5: percentile(&v, 5), p50: percentile(&v, 50), p95: percentile(&v, 95) }
}

/// The slow reference: every draw is a scenario with its ranged parameters
/// drawn (in the contract's order), simulated in full.
fn reference_monte_carlo(s: &Scenario, seed: u64, draws: u32, by_year: Option<i32>) -> Uncertainty {
    let mut rng = SplitMix64::new(seed);
    let years = s.horizon_years as usize;
    let (mut org, mut society, mut closing) = (Vec::new(), Vec::new(), Vec::new());
    let (mut cumulative, mut close) = (vec![Vec::new(); years], vec![Vec::new(); years]);
    let mut counts = [0u32; 5];
    for _ in 0..draws {
        let mut d = s.clone();
        for iv in &mut d.interventions {
            let Some(u) = iv.uncertainty.clone() else { continue };
            if let Some(r) = u.success_rate {
                iv.success_rate = triangular(r, iv.success_rate, &mut rng);
            }
            if let Some(r) = u.deadweight {
                iv.deadweight = triangular(r, iv.deadweight, &mut rng);
            }
            if let Some(r) = u.drop_off {
                iv.drop_off = triangular(r, iv.drop_off, &mut rng);
            }
            if let Some(r) = u.annual_cost {
                iv.annual_cost *= triangular(r, Decimal::ONE, &mut rng);
            }
            if let Some(r) = u.avoided_costs {
                let f = triangular(r, Decimal::ONE, &mut rng);
                for a in &mut iv.avoided_costs {
                    a.per_year *= f;
                }
            }
        }
        let out = run(&d);
        let k = &out.key_figures;
        org.push(k.org_npv);
        society.push(k.society_npv);
        closing.push(out.fund[years - 1].close);
        let mut cum = Decimal::ZERO;
        for y in 0..years {
            cum += out.org_net[y];
            cumulative[y].push(to_ore(cum));
            close[y].push(to_ore(out.fund[y].close));
        }
        let yes = [
            k.payback_year.is_some(),
            matches!((k.payback_year, by_year), (Some(p), Some(t)) if p <= t),
            k.org_npv >= Decimal::ZERO,
            k.society_npv >= Decimal::ZERO,
            k.fund_first_negative_year.is_none(),
        ];
        for (c, y) in counts.iter_mut().zip(yes) {
            *c += u32::from(y);
        }
    }
    let share = |c: u32| Decimal::from(c) / Decimal::from(draws);
    let by_years = |columns: Vec<Vec<Decimal>>| {
        columns
            .into_iter()
            .enumerate()
            .map(|(y, v)| YearPercentiles { year: s.start_year + y as i32, percentiles: sorted_percentiles(v) })
            .collect()
    };
    Uncertainty {
        schema_version: 1,
        seed,
        draws,
        by_year,
        org_npv: sorted_percentiles(org),
        society_npv: sorted_percentiles(society),
        fund_closing_balance: sorted_percentiles(closing),
        cumulative_org_net: by_years(cumulative),
        fund_close: by_years(close),
        payback_within_horizon_share: share(counts[0]),
        org_npv_non_negative_share: share(counts[2]),
        society_npv_non_negative_share: share(counts[3]),
        fund_never_negative_share: share(counts[4]),
        payback_by_share: by_year.map(|_| share(counts[1])),
        outcome_contracts: Vec::new(),
    }
}

fn percentiles_ordered(p: &Percentiles) -> bool {
    p.p5 <= p.p50 && p.p50 <= p.p95
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// The fast run (doubles, exact where it matters) gives exactly what
    /// simulating every drawn scenario gives: every percentile and share.
    #[test]
    fn the_monte_carlo_run_equals_simulating_every_draw(s in ranged_scenario(), seed in any::<u64>(), draws in 1u32..40, t in 0i32..20) {
        let by_year = Some(s.start_year + t % s.horizon_years as i32);
        let fast = monte_carlo_by(&s, seed, draws, by_year).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let slow = reference_monte_carlo(&s, seed, draws, by_year);
        prop_assert_eq!(fast.to_json(), slow.to_json());
        // Exactly: every reported figure is simulate's for the draw that holds it.
        prop_assert_eq!(&fast.org_npv, &slow.org_npv);
        prop_assert_eq!(&fast.society_npv, &slow.society_npv);
        prop_assert_eq!(&fast.fund_closing_balance, &slow.fund_closing_balance);
        prop_assert_eq!(&fast.cumulative_org_net, &slow.cumulative_org_net);
        prop_assert_eq!(&fast.fund_close, &slow.fund_close);
        prop_assert_eq!(fast.payback_within_horizon_share, slow.payback_within_horizon_share);
        prop_assert_eq!(fast.org_npv_non_negative_share, slow.org_npv_non_negative_share);
        prop_assert_eq!(fast.society_npv_non_negative_share, slow.society_npv_non_negative_share);
        prop_assert_eq!(fast.fund_never_negative_share, slow.fund_never_negative_share);
        prop_assert_eq!(fast.payback_by_share, slow.payback_by_share);
        // Percentiles are ordered, overall and year by year.
        prop_assert!(percentiles_ordered(&fast.org_npv) && percentiles_ordered(&fast.society_npv));
        prop_assert!(percentiles_ordered(&fast.fund_closing_balance));
        for y in fast.cumulative_org_net.iter().chain(&fast.fund_close) {
            prop_assert!(percentiles_ordered(&y.percentiles), "{:?}", y);
        }
    }

    /// A run in slices of any size gives what one call gives; the same seed the same figures.
    #[test]
    fn a_run_in_slices_equals_one_call(s in ranged_scenario(), seed in any::<u64>(), draws in 1u32..60, slice in 1u32..9) {
        let whole = monte_carlo_by(&s, seed, draws, None).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let mut run = MonteCarloRun::new(&s, seed, draws, None).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let mut steps = 0;
        while !run.step(slice).map_err(|e| TestCaseError::fail(e.to_string()))?.is_finished() {
            steps += 1;
            prop_assert_eq!(run.progress().done, steps * slice);
        }
        prop_assert_eq!(run.finish().map_err(|e| TestCaseError::fail(e.to_string()))?, whole.clone());
        prop_assert_eq!(monte_carlo_by(&s, seed, draws, None).ok(), Some(whole));
    }

    /// With no ranges every percentile is the deterministic figure (the
    /// year-by-year ones to the öre) and every share is 0 or 1.
    #[test]
    fn without_ranges_the_run_gives_the_deterministic_figures(s in scenario(), seed in any::<u64>(), draws in 1u32..5) {
        let out = run(&s);
        let mc = monte_carlo_by(&s, seed, draws, None).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let k = &out.key_figures;
        let last = out.fund.last().map(|f| f.close).unwrap_or_default();
        for (p, exact) in [(&mc.org_npv, k.org_npv), (&mc.society_npv, k.society_npv), (&mc.fund_closing_balance, last)] {
            for v in [p.p5, p.p50, p.p95] {
                prop_assert_eq!(money_text(v), money_text(exact));
                prop_assert_same!(v, exact);
            }
        }
        let mut cum = Decimal::ZERO;
        for (y, p) in mc.cumulative_org_net.iter().enumerate() {
            cum += out.org_net[y];
            prop_assert_eq!(money_text(p.percentiles.p50), money_text(cum));
            prop_assert_eq!(money_text(mc.fund_close[y].percentiles.p5), money_text(out.fund[y].close));
        }
        let one = |yes: bool| if yes { Decimal::ONE } else { Decimal::ZERO };
        prop_assert_eq!(mc.payback_within_horizon_share, one(k.payback_year.is_some()));
        prop_assert_eq!(mc.org_npv_non_negative_share, one(k.org_npv >= Decimal::ZERO));
        prop_assert_eq!(mc.society_npv_non_negative_share, one(k.society_npv >= Decimal::ZERO));
        prop_assert_eq!(mc.fund_never_negative_share, one(k.fund_first_negative_year.is_none()));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Savings scale with every success rate; scaling the participants
    /// instead scales them alike without the success rate passing 1. At the
    /// break-even factor, org_npv is 0 to the öre.
    #[test]
    fn at_the_break_even_factor_org_npv_is_zero(s in scenario()) {
        let b = break_even(&s, None).map_err(|e| TestCaseError::fail(e.to_string()))?;
        if let Some(f) = b.effect_factor_org_npv {
            let mut scaled = s.clone();
            for iv in &mut scaled.interventions {
                iv.participants_per_year *= f;
            }
            prop_assert_eq!(money_text(run(&scaled).key_figures.org_npv), "0.00");
        } else {
            prop_assert!(EffectScale::new(&s).unwrap().present_values().unwrap().1 <= Decimal::ZERO);
        }
        if let Some(f) = b.effect_factor_society_npv {
            let mut scaled = s.clone();
            for iv in &mut scaled.interventions {
                iv.participants_per_year *= f;
            }
            prop_assert_eq!(money_text(run(&scaled).key_figures.society_npv), "0.00");
        }
    }

    /// Each intervention's break-even success rate (when not negative) gives
    /// org_npv 0 to the öre: with success rate 1 and the participants scaled
    /// by the rate, which may pass 1.
    #[test]
    fn at_an_interventions_break_even_rate_org_npv_is_zero(s in scenario()) {
        let b = break_even(&s, None).map_err(|e| TestCaseError::fail(e.to_string()))?;
        for (i, item) in b.interventions.iter().enumerate() {
            prop_assert_eq!(&item.id, &s.interventions[i].id);
            let Some(r) = item.success_rate_for_org_npv else { continue };
            if r < Decimal::ZERO {
                continue;
            }
            let mut changed = s.clone();
            let iv = &mut changed.interventions[i];
            iv.participants_per_year *= r;
            iv.success_rate = Decimal::ONE;
            prop_assert_eq!(money_text(run(&changed).key_figures.org_npv), "0.00");
        }
    }

    /// At the payback factor the payback year is no later than T; a little
    /// below it, it is later (or never). Checked with the condition function
    /// and with simulate (participants scaled, a thousandth either side).
    #[test]
    fn at_the_payback_factor_the_payback_year_is_reached_and_not_below_it(s in scenario(), t in 0i32..20) {
        let by_year = s.start_year + t % s.horizon_years as i32;
        let b = break_even(&s, Some(by_year)).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let scale = EffectScale::new(&s).unwrap();
        let later = |p: Option<i32>| p.is_none_or(|p| p > by_year);
        match b.effect_factor_payback_by {
            Some(f) => {
                prop_assert!(f >= Decimal::ZERO);
                prop_assert!(!later(scale.payback_year_at(f).unwrap()), "at {}", f);
                if f > Decimal::ZERO {
                    prop_assert!(later(scale.payback_year_at(f * dec(999_999, 6)).unwrap()), "below {}", f);
                    let scaled = |k: Decimal| {
                        let mut c = s.clone();
                        for iv in &mut c.interventions {
                            iv.participants_per_year *= f * k;
                        }
                        run(&c).key_figures.payback_year
                    };
                    prop_assert!(!later(scaled(dec(1001, 3))));
                    prop_assert!(later(scaled(dec(999, 3))));
                }
            }
            None => {
                // No factor up to a million reaches it.
                prop_assert!(later(scale.payback_year_at(Decimal::from(1_000_000)).unwrap()));
            }
        }
    }

    /// A range of width 0 (low = high = the value, or factors of 1) leaves
    /// both present values as they are; low and high are what simulate gives
    /// with the parameter set to them.
    #[test]
    fn sensitivity_is_simulate_with_one_parameter_changed(s in ranged_scenario()) {
        let sens = sensitivity(&s).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let base = run(&s).key_figures;
        prop_assert_same!(sens.base.org_npv, base.org_npv);
        prop_assert_same!(sens.base.society_npv, base.society_npv);
        for item in &sens.items {
            let i = s.interventions.iter().position(|iv| iv.id == item.intervention).unwrap();
            for (value, org, society) in [(item.low, item.org_npv_low, item.society_npv_low), (item.high, item.org_npv_high, item.society_npv_high)] {
                let mut c = s.clone();
                let iv = &mut c.interventions[i];
                match item.parameter {
                    "success_rate" => iv.success_rate = value,
                    "deadweight" => iv.deadweight = value,
                    "drop_off" => iv.drop_off = value,
                    "annual_cost" => iv.annual_cost *= value,
                    _ => iv.avoided_costs.iter_mut().for_each(|a| a.per_year *= value),
                }
                iv.uncertainty = None;
                let k = run(&c).key_figures;
                prop_assert_same!(org, k.org_npv);
                prop_assert_same!(society, k.society_npv);
            }
        }
        // Sorted by the swing, largest first.
        for pair in sens.items.windows(2) {
            prop_assert!(pair[0].org_npv_swing() >= pair[1].org_npv_swing());
        }
        // Degenerate ranges: every item is the base.
        let mut flat = s.clone();
        for iv in &mut flat.interventions {
            let point = |v: Decimal| Some(Range { low: v, high: v });
            iv.uncertainty = Some(Ranges {
                success_rate: point(iv.success_rate),
                deadweight: point(iv.deadweight),
                drop_off: point(iv.drop_off),
                annual_cost: point(Decimal::ONE),
                avoided_costs: point(Decimal::ONE),
            });
        }
        let flat_sens = sensitivity(&flat).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(flat_sens.items.len(), 5 * s.interventions.len());
        for item in &flat_sens.items {
            prop_assert_same!(item.org_npv_low, flat_sens.base.org_npv);
            prop_assert_same!(item.org_npv_high, flat_sens.base.org_npv);
            prop_assert_same!(item.society_npv_low, flat_sens.base.society_npv);
            prop_assert_same!(item.society_npv_high, flat_sens.base.society_npv);
            prop_assert_eq!(money_text(item.org_npv_low), money_text(flat_sens.base.org_npv));
        }
    }
}

/// Reads CSV as a spreadsheet does (RFC 4180): fields split by `sep`,
/// records by CRLF; a quoted field holds anything, `""` being a quote.
fn read_csv(text: &str, sep: char) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let (mut record, mut field) = (Vec::new(), String::new());
    let (mut quoted, mut was_quoted) = (false, false);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                _ => field.push(c),
            }
        } else if c == '"' && field.is_empty() && !was_quoted {
            quoted = true;
            was_quoted = true;
        } else if c == sep {
            record.push(std::mem::take(&mut field));
            was_quoted = false;
        } else if c == '\r' && chars.peek() == Some(&'\n') {
            chars.next();
            record.push(std::mem::take(&mut field));
            records.push(std::mem::take(&mut record));
            was_quoted = false;
        } else {
            field.push(c);
        }
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        records.push(record);
    }
    records
}

/// `-1234,50`, `-0.1235`: a negative number in the dialect (the only field that may begin with `-`).
fn is_negative_number(field: &str, dialect: CsvDialect) -> bool {
    let Some(digits) = field.strip_prefix('-') else { return false };
    let (whole, fraction) = digits.split_once(dialect.decimal_mark()).unwrap_or((digits, "0"));
    !whole.is_empty() && [whole, fraction].iter().all(|d| !d.is_empty() && d.chars().all(|c| c.is_ascii_digit()))
}

/// A name as someone might type or paste it: anything, or something made of
/// formula starts, separators, quotes and line breaks.
fn name() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), "[=+@\t\r\n;,\" a-z-]{0,8}"]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// A text field reads back, in either dialect, as the text, led by an
    /// apostrophe when it begins like a formula; never as a formula.
    #[test]
    fn a_csv_text_field_reads_back_as_its_text_and_never_as_a_formula(text in name(), swedish in any::<bool>()) {
        let dialect = if swedish { CsvDialect::SwedishExcel } else { CsvDialect::Plain };
        let read = read_csv(&format!("{}\r\n", text_field(&text, dialect)), dialect.separator());
        prop_assert_eq!(read.len(), 1);
        prop_assert_eq!(&read[0], &vec![neutralised(&text).into_owned()]);
        prop_assert!(!read[0][0].starts_with(FORMULA_STARTS));
        let expected = if text.starts_with(FORMULA_STARTS) { format!("'{text}") } else { text.clone() };
        prop_assert_eq!(neutralised(&text).into_owned(), expected);
    }

    /// Whatever the names, every table of the CSV file has a heading for
    /// every column, no line has a field beyond its table's header, and no
    /// field begins like a formula but a negative number.
    #[test]
    fn every_csv_table_is_labelled_and_no_field_reads_as_a_formula(
        s in scenario(), names in proptest::collection::vec(name(), 10), swedish in any::<bool>(),
    ) {
        let mut s = s;
        s.name = names[0].clone();
        for (a, n) in s.actors.iter_mut().zip(&names[1..6]) {
            a.name = n.clone();
        }
        for (i, n) in s.interventions.iter_mut().zip(&names[6..]) {
            i.name = n.clone();
        }
        let outcome = run(&s);
        let (dialect, lang) = if swedish { (CsvDialect::SwedishExcel, Lang::Sv) } else { (CsvDialect::Plain, Lang::En) };
        let tables = year_by_year(&s, &outcome, lang);
        for t in &tables {
            prop_assert!(t.every_column_labelled(), "{} {:?}", t.title, t.columns);
        }
        let records = read_csv(&csv::write(&tables, dialect), dialect.separator());
        // The tables, between blank lines: a title alone, a header, its rows.
        let parts: Vec<&[Vec<String>]> = records.split(|r| r.len() == 1 && r[0].is_empty()).collect();
        prop_assert_eq!(parts.len(), tables.len());
        for (part, table) in parts.iter().zip(&tables) {
            prop_assert_eq!(part[0].len(), 1);
            prop_assert_eq!(&part[1], &table.columns);
            for record in &part[2..] {
                prop_assert!(record.len() <= table.columns.len(), "{:?} under {:?}", record, table.columns);
            }
        }
        for field in records.iter().flatten() {
            prop_assert!(
                !field.starts_with(FORMULA_STARTS) || is_negative_number(field, dialect),
                "{:?} begins like a formula", field
            );
        }
    }
}
