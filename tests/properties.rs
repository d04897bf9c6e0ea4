//! Laws that hold for every valid scenario, checked on generated ones
//! (proptest). Grouped by the law they check; failures are kept in
//! `proptest-regressions/` and replayed first.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use rust_decimal::Decimal;

use fundsim::model::validate::validated;
use fundsim::model::{
    simulate, Accounting, Actor, AvoidedCost, Fund, Intervention, Outcome, RepaymentRule, Scenario, Simulator,
};

/// A decimal `units / 10^scale`.
fn dec(units: i64, scale: u32) -> Decimal {
    Decimal::new(units, scale)
}

fn fraction() -> impl Strategy<Value = Decimal> {
    (0i64..=100).prop_map(|k| dec(k, 2))
}

fn money(max_units: i64) -> impl Strategy<Value = Decimal> {
    (0i64..=max_units).prop_map(|k| dec(k, 2))
}

fn rule() -> impl Strategy<Value = RepaymentRule> {
    prop_oneof![
        Just(RepaymentRule::None),
        ((0i64..=500), 1u32..=10, 0u32..=5).prop_map(|(s, years, start_after)| RepaymentRule::Fixed {
            share: dec(s, 2),
            years,
            start_after
        }),
        (fraction(), proptest::option::of(0i64..=300), 0u32..=5).prop_map(|(share, cap, start_after)| {
            RepaymentRule::SavingsShare { share, cap: cap.map(|c| dec(c, 2)), start_after }
        }),
    ]
}

fn intervention(actors: usize, index: usize) -> impl Strategy<Value = Intervention> {
    (
        (0..actors, 0u32..25, 1u32..10, money(1_000_000_000), fraction(), (0i64..200).prop_map(Decimal::from)),
        (fraction(), fraction(), 0u32..5, 0u32..15, fraction()),
        proptest::collection::vec((-100_000_000i64..1_000_000_000).prop_map(|k| dec(k, 2)), actors),
        proptest::collection::vec(any::<bool>(), actors),
        proptest::option::of(rule()),
    )
        .prop_map(
            move |(
                (owner, start, years, annual_cost, fund_share, participants_per_year),
                (success_rate, deadweight, lag_years, benefit_years, drop_off),
                amounts,
                listed,
                repayment,
            )| Intervention {
                id: format!("i{index}"),
                name: format!("Intervention {index}"),
                owner: format!("a{owner}"),
                start,
                years,
                annual_cost,
                fund_share,
                participants_per_year,
                success_rate,
                deadweight,
                lag_years,
                benefit_years,
                drop_off,
                avoided_costs: amounts
                    .into_iter()
                    .zip(listed)
                    .enumerate()
                    .filter(|(_, (_, l))| *l)
                    .map(|(a, (per_year, _))| AvoidedCost { actor: format!("a{a}"), per_year })
                    .collect(),
                repayment,
                uncertainty: None,
            },
        )
}

/// Any valid scenario of up to 5 actors, 4 interventions and 20 years.
fn scenario() -> impl Strategy<Value = Scenario> {
    (1usize..=5).prop_flat_map(|actors| {
        (
            (1u32..=20, fraction(), proptest::collection::vec(any::<bool>(), actors), 0..actors, any::<bool>()),
            (money(100_000_000), proptest::collection::vec(money(1_000_000_000), 0..25), proptest::option::of(rule())),
            (0usize..=4).prop_flat_map(move |n| (0..n).map(|i| intervention(actors, i)).collect::<Vec<_>>()),
        )
            .prop_map(
                move |(
                    (horizon_years, discount_rate, inside, financer, earmarked),
                    (capital, allocations, default),
                    interventions,
                )| {
                    let mut s = Scenario {
                        schema_version: 1,
                        name: "generated".into(),
                        description: String::new(),
                        currency: "SEK".into(),
                        start_year: 2026,
                        horizon_years,
                        discount_rate,
                        actors: inside
                            .iter()
                            .enumerate()
                            .map(|(a, inside)| Actor {
                                id: format!("a{a}"),
                                name: format!("Actor {a}"),
                                inside: *inside,
                            })
                            .collect(),
                        fund: Fund {
                            financed_by: format!("a{financer}"),
                            accounting: if earmarked { Accounting::EarmarkedEquity } else { Accounting::Appropriation },
                            initial_capital: capital,
                            allocations,
                        },
                        repayment_default: default,
                        interventions,
                    };
                    // Only inside owners can repay in instalments: give outside owners a grant instead.
                    for i in 0..s.interventions.len() {
                        let owner_inside = s.actor(&s.interventions[i].owner).is_some_and(|a| a.inside);
                        if !owner_inside && matches!(s.repayment_rule(&s.interventions[i]), RepaymentRule::Fixed { .. })
                        {
                            s.interventions[i].repayment = Some(RepaymentRule::None);
                        }
                    }
                    s
                },
            )
    })
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
                    prop_assert!(result.repaid_total <= limit, "repaid {} > cap {}", result.repaid_total, limit);
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

    #[test]
    fn serialising_and_parsing_a_scenario_gives_the_same_scenario(s in scenario()) {
        let json = s.to_json();
        let back = Scenario::from_json(&json).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&back, &s);
        prop_assert_eq!(run(&back).to_json(), run(&s).to_json());
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
    }
}
