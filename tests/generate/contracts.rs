//! Outcome contracts put on generated scenarios, shared by `tests/contracts.rs`
//! and `tests/explain_contracts.rs`, which include this file as a module
//! (`#[path]`) beside `strategies.rs` and with the crate's `model` in scope.

use proptest::prelude::*;
use rust_decimal::Decimal;

use super::model::{CoPayer, OutcomeContract, Scenario};
use super::strategies::{dec, money};

/// The terms of a contract: price, delay, cap, payer (index), co-payers' shares (index, share in %).
pub type Terms = (Decimal, u32, Option<Decimal>, usize, Vec<(usize, i64)>);

pub fn terms() -> impl Strategy<Value = Terms> {
    (
        money(100_000_000),
        0u32..=8,
        proptest::option::of(money(1_000_000_000)),
        0usize..4,
        proptest::collection::vec((0usize..4, 0i64..=50), 0..3),
    )
}

/// `s` as version 2 with intervention 0 under a contract with these terms (and, with
/// `second`, its last intervention too, under a second contract of the same terms).
/// Co-payers that are not actors, the payer or listed twice are left out.
pub fn contracted(mut s: Scenario, (price, delay, cap, payer, co): Terms, second: bool) -> Scenario {
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
