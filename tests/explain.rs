//! "How is this calculated?": on generated scenarios, every figure's
//! explanation ends with the figure the outcome holds (to the last digit),
//! its key names it again, and a cohort's savings add up to what the
//! intervention saves (`fundsim::explain::every_figure_explained`; the
//! hand-derived cases are in `src/explain/tests.rs`).
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;

use fundsim::explain::every_figure_explained;
use fundsim::model::{self as model, Scenario};

#[path = "generate/scenario.rs"]
mod generate;
#[path = "generate/strategies.rs"]
mod strategies;
use generate::valid_scenario;
use strategies::{fraction, intervention, money, rule};

/// Any valid scenario of up to 4 actors, 4 interventions and 12 years, in either accounting.
fn scenario() -> impl Strategy<Value = Scenario> {
    (1usize..=4).prop_flat_map(|actors| {
        (
            (1u32..=12, fraction(), proptest::collection::vec(any::<bool>(), actors), 0..actors, any::<bool>()),
            (money(100_000_000), proptest::collection::vec(money(1_000_000_000), 0..14), proptest::option::of(rule())),
            (0usize..=4).prop_flat_map(move |n| (0..n).map(|i| intervention(actors, i)).collect::<Vec<_>>()),
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

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn every_explanation_ends_with_the_figure_it_explains(s in scenario()) {
        prop_assert_eq!(every_figure_explained(&s), Ok(()));
    }
}
