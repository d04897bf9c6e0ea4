//! "How is this calculated?" for the outcome contracts' views, on generated
//! scenarios with a contract: every figure of the views is explained and
//! ends with the figure the outcome holds, to the last digit, and every cell
//! the views write opens an explanation whose result is the cell's exact
//! figure (`fundsim::explain::contract`; the hand-derived cases are in
//! `src/explain/contract_tests.rs`).
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use rust_decimal::Decimal;

use fundsim::explain::contract::{every_cell_explained, every_contract_figure_explained};
use fundsim::model::{self as model, CoPayer, OutcomeContract, Scenario};

#[path = "generate/scenario.rs"]
mod generate;
#[path = "generate/strategies.rs"]
mod strategies;
use generate::valid_scenario;
use strategies::{dec, fraction, intervention, money, rule};

/// A valid scenario of up to 4 actors, 1 to 3 interventions and 15 years (as `tests/contracts.rs`).
fn scenario() -> impl Strategy<Value = Scenario> {
    (1usize..=4).prop_flat_map(|actors| {
        (
            (1u32..=15, fraction(), proptest::collection::vec(any::<bool>(), actors), 0..actors),
            (money(100_000_000), proptest::collection::vec(money(1_000_000_000), 0..15), proptest::option::of(rule())),
            (1usize..=3).prop_flat_map(move |n| (0..n).map(|i| intervention(actors, i)).collect::<Vec<_>>()),
        )
            .prop_map(
                move |((horizon, rate, inside, financer), (capital, allocations, default), interventions)| {
                    let actors = inside.iter().enumerate().map(|(a, inside)| (*inside, format!("Actor {a}"))).collect();
                    valid_scenario(
                        (2026, horizon, rate),
                        actors,
                        (financer, false, capital, allocations),
                        default,
                        interventions,
                    )
                },
            )
    })
}

/// Price, delay, cap, payer (index), co-payers (index, share in %).
type Terms = (Decimal, u32, Option<Decimal>, usize, Vec<(usize, i64)>);

fn terms() -> impl Strategy<Value = Terms> {
    (
        money(100_000_000),
        0u32..=8,
        proptest::option::of(money(1_000_000_000)),
        0usize..4,
        proptest::collection::vec((0usize..4, 0i64..=50), 0..3),
    )
}

/// `s` with intervention 0 (and, with `second`, the last one too) under a contract.
fn contracted(mut s: Scenario, (price, delay, cap, payer, co): Terms, second: bool) -> Scenario {
    let actors = s.actors.len();
    let payer = format!("a{}", payer % actors);
    let mut co_payers: Vec<CoPayer> = Vec::new();
    for (a, share) in co {
        let actor = format!("a{}", a % actors);
        if actor != payer && co_payers.iter().all(|c| c.actor != actor) {
            co_payers.push(CoPayer { actor, share: dec(share, 2) });
        }
    }
    s.schema_version = 2;
    let contract = |id: &str, iv: usize| OutcomeContract {
        id: id.into(),
        name: format!("SIB {id}"),
        intervention: s.interventions[iv].id.clone(),
        payer: payer.clone(),
        co_payers: co_payers.clone(),
        price_per_outcome: price,
        pay_after_years: delay,
        cap,
    };
    let mut contracts = vec![contract("sib", 0)];
    if second && s.interventions.len() > 1 {
        contracts.push(contract("sib:2", s.interventions.len() - 1));
    }
    s.outcome_contracts = contracts;
    s
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
