//! "How is this calculated?" for the outcome contracts' views, on generated
//! scenarios with a contract: every figure of the views is explained and
//! ends with the figure the outcome holds, to the last digit, and every cell
//! the views write opens an explanation whose result is the cell's exact
//! figure (`fundsim::explain::contract`; the hand-derived cases are in
//! `src/explain/contract_tests.rs`).
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;

use fundsim::explain::contract::{every_cell_explained, every_contract_figure_explained};
use fundsim::model::{self as model, Scenario};

#[path = "generate/any.rs"]
mod any;
#[path = "generate/contracts.rs"]
mod contract;
#[path = "generate/scenario.rs"]
mod generate;
#[path = "generate/strategies.rs"]
mod strategies;
use any::Sizes;
use contract::{contracted, terms};

/// A valid scenario of up to 4 actors, 1 to 3 interventions and 15 years (as `tests/contracts.rs`).
fn scenario() -> impl Strategy<Value = Scenario> {
    any::scenario(Sizes { actors: 4, years: 15, allocations: 15, interventions: 1..=3, earmarked: false })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn every_contract_explanation_ends_with_the_cells_figure(s in scenario(), t in terms(), second in any::<bool>()) {
        let s = contracted(s, t, second);
        prop_assert_eq!(every_contract_figure_explained(&s), Ok(()));
        prop_assert_eq!(every_cell_explained(&s), Ok(()));
    }
}
