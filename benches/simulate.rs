//! Criterion benchmark of `simulate`: the contract's example scenario and a
//! stress scenario of 200 interventions × 60 years × 50 actors.
//!
//! Run: `cargo bench --bench simulate` (see docs/benchmarks.md).

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use fundsim::model::{simulate, simulate_json, Scenario, Simulator};
use rust_decimal::Decimal;

#[path = "common/scenarios.rs"]
mod scenarios;
use scenarios::stress_json;

fn example_json() -> String {
    let doc: serde_json::Value = serde_json::from_str(include_str!("../tests/cases/worked_examples.json")).unwrap();
    doc["cases"][0]["scenario"].to_string()
}

fn bench(c: &mut Criterion) {
    let example = example_json();
    let example_scenario = Scenario::from_json(&example).unwrap();
    let stress = stress_json();
    let stress_scenario = Scenario::from_json(&stress).unwrap();
    assert!(simulate(&stress_scenario).is_ok());

    c.bench_function("simulate/example (scenario → outcome)", |b| b.iter(|| simulate(black_box(&example_scenario))));
    c.bench_function("simulate_json/example (JSON → JSON)", |b| b.iter(|| simulate_json(black_box(&example))));
    let mut slow = c.benchmark_group("stress 200 interventions × 60 years × 50 actors");
    slow.sample_size(20);
    slow.bench_function("simulate (scenario → outcome)", |b| b.iter(|| simulate(black_box(&stress_scenario))));
    slow.bench_function("simulate_json (JSON → JSON)", |b| b.iter(|| simulate_json(black_box(&stress))));
    // An allocation edit as the app makes it: the Simulator the editor keeps
    // reuses the interventions' flows, so only the fund and the totals are
    // computed again (the allocation alternates, so each run is an edit).
    let mut simulator = Simulator::default();
    let mut edited = [stress_scenario.clone(), stress_scenario.clone()];
    edited[1].fund.allocations = vec![Decimal::new(120_000_000, 0); 60];
    let mut turn = 0;
    slow.bench_function("Simulator, an allocation edit", |b| {
        b.iter(|| {
            turn ^= 1;
            simulator.simulate(black_box(&edited[turn]))
        })
    });
    slow.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
