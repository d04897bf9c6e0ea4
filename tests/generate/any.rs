//! Any valid scenario within given sizes, put together from `strategies.rs`'s
//! parts by `scenario.rs`'s `valid_scenario`; shared by the native laws
//! (`tests/properties.rs`, `tests/explain.rs`, `tests/contracts.rs`), which
//! include the three files as modules (`#[path]`).

use std::ops::RangeInclusive;

use proptest::prelude::*;

use super::generate::valid_scenario;
use super::model::Scenario;
use super::strategies::{fraction, intervention, money, rule};

/// How large a generated scenario may be.
pub struct Sizes {
    /// 1 to this many actors.
    pub actors: usize,
    /// 1 to this many years.
    pub years: u32,
    /// Up to this many yearly allocations (fewer or more than the years, both valid).
    pub allocations: usize,
    pub interventions: RangeInclusive<usize>,
    /// Whether the fund may be earmarked equity (else always an appropriation).
    pub earmarked: bool,
}

/// A valid scenario within `sizes`, starting in 2026.
pub fn scenario(sizes: Sizes) -> impl Strategy<Value = Scenario> {
    let Sizes { actors, years, allocations, interventions, earmarked } = sizes;
    (1usize..=actors).prop_flat_map(move |actors| {
        (
            (1u32..=years, fraction(), proptest::collection::vec(any::<bool>(), actors), 0..actors, any::<bool>()),
            (
                money(100_000_000),
                proptest::collection::vec(money(1_000_000_000), 0..allocations),
                proptest::option::of(rule()),
            ),
            interventions.clone().prop_flat_map(move |n| (0..n).map(|i| intervention(actors, i)).collect::<Vec<_>>()),
        )
            .prop_map(
                move |(
                    (horizon_years, discount_rate, inside, financer, equity),
                    (capital, allocations, default),
                    ivs,
                )| {
                    let actors = inside.iter().enumerate().map(|(a, inside)| (*inside, format!("Actor {a}"))).collect();
                    let fund = (financer, earmarked && equity, capital, allocations);
                    valid_scenario((2026, horizon_years, discount_rate), actors, fund, default, ivs)
                },
            )
    })
}
