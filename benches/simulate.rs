//! Criterion benchmark of `simulate`: the contract's example scenario and a
//! stress scenario of 200 interventions × 60 years × 50 actors.
//!
//! Run: `cargo bench --bench simulate` (see docs/benchmarks.md).

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use fundsim::model::validate::{validate_all, validated};
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
    // The whole of an edit in the app's reducer: the rules listed for the
    // form, then the outcome. Before `Valid`, `Simulator::simulate` checked
    // the rules a second time; now the validated scenario is simulated as it is.
    slow.bench_function("an allocation edit, validated twice (validate_all, then simulate)", |b| {
        b.iter(|| {
            turn ^= 1;
            let errors = validate_all(black_box(&edited[turn]));
            assert!(errors.is_empty());
            simulator.simulate(&edited[turn])
        })
    });
    slow.bench_function("an allocation edit, validated once (validated, then simulate_valid)", |b| {
        b.iter(|| {
            turn ^= 1;
            match validated(black_box(&edited[turn])) {
                Ok(valid) => simulator.simulate_valid(valid),
                Err(errors) => Err(errors[0].clone()),
            }
        })
    });
    slow.bench_function("validate_all", |b| b.iter(|| validate_all(black_box(&stress_scenario))));
    slow.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
