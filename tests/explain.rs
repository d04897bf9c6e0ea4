//! "How is this calculated?": on generated scenarios, every figure's
//! explanation ends with the figure the outcome holds (to the last digit),
//! its key names it again, and a cohort's savings add up to what the
//! intervention saves (`fundsim::explain::every_figure_explained`; the
//! hand-derived cases are in `src/explain/tests.rs`).
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;

use fundsim::explain::every_figure_explained;
use fundsim::model::{self as model, Scenario};

#[path = "generate/any.rs"]
mod any;
#[path = "generate/scenario.rs"]
mod generate;
#[path = "generate/strategies.rs"]
mod strategies;
use any::Sizes;

/// Any valid scenario of up to 4 actors, 4 interventions and 12 years, in either accounting.
fn scenario() -> impl Strategy<Value = Scenario> {
    any::scenario(Sizes { actors: 4, years: 12, allocations: 14, interventions: 0..=4, earmarked: true })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn every_explanation_ends_with_the_figure_it_explains(s in scenario()) {
        prop_assert_eq!(every_figure_explained(&s), Ok(()));
    }
}
