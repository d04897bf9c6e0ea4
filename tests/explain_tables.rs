//! "How is this calculated?" for plan A against plan B and for the decision
//! charts' tables, on generated scenarios: every cell that opens an
//! explanation opens one whose final figure is the cell's text, and whose
//! result is the figure (a difference A's − B's; a tornado cell the engine's
//! sensitivity figure to the öre; a break-even the engine's, with its check
//! zero). The hand-derived cases are in `src/explain/{compare,decision}_tests.rs`.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use rust_decimal::Decimal;

use fundsim::explain::compare::every_comparison_cell_explained;
use fundsim::explain::write_decision::every_decision_cell_explained;
use fundsim::model::scenario::{Range, Uncertainty};
use fundsim::model::{self as model, Scenario};

#[path = "generate/scenario.rs"]
mod generate;
#[path = "generate/strategies.rs"]
mod strategies;
use generate::valid_scenario;
use strategies::{dec, fraction, intervention, money, rule};

/// Any valid scenario of up to 3 actors, 3 interventions and 10 years, in either accounting.
fn scenario() -> impl Strategy<Value = Scenario> {
    (1usize..=3).prop_flat_map(|actors| {
        (
            (1u32..=10, fraction(), proptest::collection::vec(any::<bool>(), actors), 0..actors, any::<bool>()),
            (money(100_000_000), proptest::collection::vec(money(1_000_000_000), 0..12), proptest::option::of(rule())),
            (0usize..=3).prop_flat_map(move |n| (0..n).map(|i| intervention(actors, i)).collect::<Vec<_>>()),
        )
            .prop_map(
                move |(
                    (horizon_years, discount_rate, inside, financer, earmarked),
                    (capital, allocations, default),
                    interventions,
                )| {
                    let actors = inside.iter().enumerate().map(|(a, inside)| (*inside, format!("Actor {a}"))).collect();
                    let fund = (financer, earmarked, capital, allocations);
                    valid_scenario((2026, horizon_years, discount_rate), actors, fund, default, interventions)
                },
            )
    })
}

/// A range about `value` (within 0..1): `a` of the way down to 0, `b` of the way up to 1.
fn about(value: Decimal, a: Decimal, b: Decimal) -> Range {
    Range { low: value - value * a, high: value + (Decimal::ONE - value) * b }
}

/// The scenario with ranges on every intervention's rates and factors.
fn ranged() -> impl Strategy<Value = Scenario> {
    (scenario(), proptest::collection::vec((fraction(), fraction(), 0i64..=100, 100i64..=200), 3)).prop_map(
        |(mut s, spreads)| {
            for (iv, (a, b, lo, hi)) in s.interventions.iter_mut().zip(spreads) {
                let factor = Some(Range { low: dec(lo, 2), high: dec(hi, 2) });
                iv.uncertainty = Some(Uncertainty {
                    success_rate: Some(about(iv.success_rate, a, b)),
                    deadweight: Some(about(iv.deadweight, b, a)),
                    drop_off: Some(about(iv.drop_off, a, b)),
                    annual_cost: factor,
                    avoided_costs: factor,
                });
            }
            s
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn every_comparison_cell_ends_with_its_figure(a in scenario(), b in scenario()) {
        prop_assert_eq!(every_comparison_cell_explained(&a, &b), Ok(()));
    }

    #[test]
    fn every_decision_cell_ends_with_its_figure(s in ranged()) {
        prop_assume!(model::validate::validate(&s).is_ok());
        let checked = every_decision_cell_explained(&s, 20);
        prop_assert!(checked.is_ok(), "{:?}", checked);
    }
}
