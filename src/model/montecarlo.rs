//! The contract's uncertainty run: draw every ranged parameter of every
//! intervention from a triangular distribution, simulate, repeat, and report
//! percentiles.
//!
//! Seeded and machine-independent: the generator is SplitMix64 (integer
//! arithmetic only), and a draw uses only IEEE-754 operations that every
//! platform rounds alike (`+ − × ÷ √`), rounded to 10 decimals before it
//! becomes a [`Decimal`]. Percentiles are nearest-rank, so they are always
//! one of the drawn outcomes, and with no ranges every percentile equals the
//! deterministic figure.

use rust_decimal::prelude::{FromPrimitive, ToPrimitive};
use rust_decimal::Decimal;
use serde::Serialize;

use super::outcome::{money_text, ratio_text};
use super::scenario::{Range, Scenario};
use super::simulate::simulate;
use super::validate::validate;
use super::{Problem, ScenarioError};

/// Most draws one run may ask for.
pub const MAX_DRAWS: u32 = 10_000;

/// The 5th, 50th and 95th percentiles of a figure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Percentiles {
    #[serde(serialize_with = "money")]
    pub p5: Decimal,
    #[serde(serialize_with = "money")]
    pub p50: Decimal,
    #[serde(serialize_with = "money")]
    pub p95: Decimal,
}

/// Percentiles of the cumulative organisational result in one year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct YearPercentiles {
    pub year: i32,
    #[serde(flatten)]
    pub percentiles: Percentiles,
}

/// What a Monte Carlo run reports.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Uncertainty {
    pub schema_version: u32,
    pub seed: u64,
    pub draws: u32,
    pub org_npv: Percentiles,
    pub society_npv: Percentiles,
    /// The fund's closing balance in the last year.
    pub fund_closing_balance: Percentiles,
    /// Cumulative `org_net`, year by year.
    pub cumulative_org_net: Vec<YearPercentiles>,
    /// Share of draws with a payback year inside the horizon.
    #[serde(serialize_with = "ratio")]
    pub payback_within_horizon_share: Decimal,
}

fn money<S: serde::Serializer>(v: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&money_text(*v))
}

fn ratio<S: serde::Serializer>(v: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&ratio_text(*v))
}

/// SplitMix64 (Steele, Lea & Flood 2014): small, fast and the same everywhere.
#[derive(Debug, Clone)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    pub fn new(seed: u64) -> Self {
        SplitMix64(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `[0, 1)` with 53 random bits.
    pub fn next_unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }
}

/// A triangular draw on `[low, high]` with the given mode, by inverting the CDF.
pub fn triangular(range: Range, mode: Decimal, rng: &mut SplitMix64) -> Decimal {
    let u = rng.next_unit();
    let (low, high, mode) =
        (range.low.to_f64().unwrap_or(0.0), range.high.to_f64().unwrap_or(0.0), mode.to_f64().unwrap_or(0.0));
    let width = high - low;
    if width <= 0.0 {
        return range.low;
    }
    let split = (mode - low) / width;
    let x = if u < split {
        low + (u * width * (mode - low)).sqrt()
    } else {
        high - ((1.0 - u) * width * (high - mode)).sqrt()
    };
    Decimal::from_f64(x).map(|d| d.round_dp(10)).unwrap_or(range.low).clamp(range.low, range.high)
}

/// One draw of the scenario: every ranged parameter replaced by a draw.
fn draw(scenario: &Scenario, rng: &mut SplitMix64) -> Result<Scenario, ScenarioError> {
    let mut drawn = scenario.clone();
    for (i, iv) in drawn.interventions.iter_mut().enumerate() {
        let Some(u) = iv.uncertainty.clone() else { continue };
        let too_large = || ScenarioError::new(format!("interventions[{i}].uncertainty"), Problem::DrawTooLarge);
        if let Some(r) = u.success_rate {
            iv.success_rate = triangular(r, iv.success_rate, rng);
        }
        if let Some(r) = u.deadweight {
            iv.deadweight = triangular(r, iv.deadweight, rng);
        }
        if let Some(r) = u.drop_off {
            iv.drop_off = triangular(r, iv.drop_off, rng);
        }
        if let Some(r) = u.annual_cost {
            let factor = triangular(r, Decimal::ONE, rng);
            iv.annual_cost = iv.annual_cost.checked_mul(factor).ok_or_else(too_large)?;
        }
        if let Some(r) = u.avoided_costs {
            let factor = triangular(r, Decimal::ONE, rng);
            for a in &mut iv.avoided_costs {
                a.per_year = a.per_year.checked_mul(factor).ok_or_else(too_large)?;
            }
        }
    }
    Ok(drawn)
}

/// Nearest-rank percentile of sorted values: the value at rank ⌈p/100 × n⌉.
pub fn percentile(sorted: &[Decimal], p: u32) -> Decimal {
    if sorted.is_empty() {
        return Decimal::ZERO;
    }
    let n = sorted.len();
    let rank = (p as usize * n).div_ceil(100).clamp(1, n);
    sorted[rank - 1]
}

fn percentiles(mut values: Vec<Decimal>) -> Percentiles {
    values.sort();
    Percentiles { p5: percentile(&values, 5), p50: percentile(&values, 50), p95: percentile(&values, 95) }
}

/// Runs `draws` seeded draws of a valid scenario.
pub fn monte_carlo(scenario: &Scenario, seed: u64, draws: u32) -> Result<Uncertainty, ScenarioError> {
    validate(scenario)?;
    if draws == 0 || draws > MAX_DRAWS {
        return Err(ScenarioError::new("draws", super::error::between(1, MAX_DRAWS)));
    }
    let mut rng = SplitMix64::new(seed);
    let years = scenario.horizon_years as usize;
    let (mut org, mut society, mut closing) = (Vec::new(), Vec::new(), Vec::new());
    let mut cumulative: Vec<Vec<Decimal>> = vec![Vec::with_capacity(draws as usize); years];
    let mut paid_back = 0u32;
    for _ in 0..draws {
        let outcome = simulate(&draw(scenario, &mut rng)?)?;
        org.push(outcome.key_figures.org_npv);
        society.push(outcome.key_figures.society_npv);
        closing.push(outcome.fund.last().map(|f| f.close).unwrap_or_default());
        let mut running = Decimal::ZERO;
        for (y, net) in outcome.org_net.iter().enumerate() {
            running =
                running.checked_add(*net).ok_or_else(|| ScenarioError::new("interventions", Problem::DrawTooLarge))?;
            cumulative[y].push(running);
        }
        if outcome.key_figures.payback_year.is_some() {
            paid_back += 1;
        }
    }
    Ok(Uncertainty {
        schema_version: 1,
        seed,
        draws,
        org_npv: percentiles(org),
        society_npv: percentiles(society),
        fund_closing_balance: percentiles(closing),
        cumulative_org_net: cumulative
            .into_iter()
            .enumerate()
            .map(|(y, values)| YearPercentiles {
                year: scenario.start_year + y as i32,
                percentiles: percentiles(values),
            })
            .collect(),
        payback_within_horizon_share: Decimal::from(paid_back) / Decimal::from(draws),
    })
}

/// The contract's `monteCarlo(scenarioJson, seed, draws)`. The seed is a
/// JavaScript number and must be a whole number from 0 to 2^53.
pub fn monte_carlo_json(scenario_json: &str, seed: f64, draws: u32) -> Result<String, ScenarioError> {
    if !(seed.is_finite() && seed >= 0.0 && seed.fract() == 0.0 && seed <= 9_007_199_254_740_992.0) {
        return Err(ScenarioError::new("seed", Problem::WholeNumberFrom { low: 0, high: 9_007_199_254_740_992 }));
    }
    let scenario = Scenario::from_json(scenario_json)?;
    let result = monte_carlo(&scenario, seed as u64, draws)?;
    Ok(serde_json::to_string(&result).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix64_matches_the_reference_sequence() {
        // First outputs of the reference C implementation (Vigna's splitmix64.c) for seed 1234567.
        let mut rng = SplitMix64::new(1234567);
        assert_eq!(rng.next_u64(), 6457827717110365317);
        assert_eq!(rng.next_u64(), 3203168211198807973);
    }

    #[test]
    fn nearest_rank_percentiles() {
        // 20 values 1..=20: rank ⌈0.05 × 20⌉ = 1 → 1; ⌈0.5 × 20⌉ = 10 → 10; ⌈0.95 × 20⌉ = 19 → 19.
        let values: Vec<Decimal> = (1..=20).map(Decimal::from).collect();
        assert_eq!(percentile(&values, 5), Decimal::from(1));
        assert_eq!(percentile(&values, 50), Decimal::from(10));
        assert_eq!(percentile(&values, 95), Decimal::from(19));
    }

    #[test]
    fn triangular_draws_stay_in_range_and_centre_on_the_mode() {
        // A symmetric triangle on [0, 1] with mode 0.5 has mean 0.5.
        let range = Range { low: Decimal::ZERO, high: Decimal::ONE };
        let mut rng = SplitMix64::new(7);
        let draws: Vec<Decimal> = (0..4000).map(|_| triangular(range, Decimal::new(5, 1), &mut rng)).collect();
        assert!(draws.iter().all(|d| *d >= Decimal::ZERO && *d <= Decimal::ONE));
        let mean = draws.iter().sum::<Decimal>() / Decimal::from(draws.len());
        assert!((mean - Decimal::new(5, 1)).abs() < Decimal::new(2, 2), "mean {mean}");
        // A degenerate range gives its only value.
        let point = Range { low: Decimal::new(3, 1), high: Decimal::new(3, 1) };
        assert_eq!(triangular(point, Decimal::new(3, 1), &mut rng), Decimal::new(3, 1));
    }
}
