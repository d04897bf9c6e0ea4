//! Criterion benchmark of the Monte Carlo run and the decision figures.
//!
//! Run: `cargo bench --bench montecarlo` (see docs/benchmarks.md).

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use fundsim::model::decision::{break_even, sensitivity};
use fundsim::model::montecarlo::{monte_carlo, MonteCarloRun};
use fundsim::model::Scenario;

#[path = "common/scenarios.rs"]
mod scenarios;

fn bench(c: &mut Criterion) {
    let ranged = Scenario::from_json(&scenarios::ranged_json(40, 12, 30)).unwrap();
    let stress = Scenario::from_json(&scenarios::stress_json()).unwrap();
    let ranged_stress = Scenario::from_json(&scenarios::ranged_json(200, 50, 60)).unwrap();

    let mut g = c.benchmark_group("monte carlo");
    g.sample_size(10);
    g.bench_function("ranged 40 × 12 × 30, 10 000 draws", |b| {
        b.iter(|| monte_carlo(black_box(&ranged), 2026, 10_000).unwrap())
    });
    g.bench_function("ranged 40 × 12 × 30, 1 000 draws in slices of 100", |b| {
        b.iter(|| {
            let mut run = MonteCarloRun::new(black_box(&ranged), 2026, 1_000, None).unwrap();
            while !run.step(100).unwrap().is_finished() {}
            run.finish().unwrap()
        })
    });
    g.bench_function("stress 200 × 50 × 60 (no ranges), 10 000 draws", |b| {
        b.iter(|| monte_carlo(black_box(&stress), 2026, 10_000).unwrap())
    });
    g.bench_function("ranged 200 × 50 × 60, 100 draws", |b| {
        b.iter(|| MonteCarloRun::new(black_box(&ranged_stress), 2026, 100, None).unwrap().finish().unwrap())
    });
    g.finish();

    let mut d = c.benchmark_group("decision");
    d.sample_size(10);
    d.bench_function("breakEven, ranged 200 × 50 × 60", |b| {
        b.iter(|| break_even(black_box(&ranged_stress), Some(2040)).unwrap())
    });
    d.bench_function("sensitivity, ranged 200 × 50 × 60", |b| {
        b.iter(|| sensitivity(black_box(&ranged_stress)).unwrap())
    });
    d.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
