//! The contract's limits on a Monte Carlo run, named once: the run
//! ([`super::montecarlo`]) enforces them and a refusal ([`super::error`])
//! states them.

/// Most draws one run may ask for (the contract's limit).
pub const MAX_DRAWS: u32 = 100_000;

/// The most work one synchronous run (`montecarlo::monte_carlo`, the
/// JavaScript API's `monteCarlo`) may take on, as `montecarlo::work` counts
/// it: about 10 s of a browser's main thread on a slow machine
/// (docs/benchmarks.md); `MonteCarloRun` has no such limit.
pub const MAX_WORK: u64 = 150_000_000;
