//! The contract's uncertainty run: draw every ranged parameter of every
//! intervention from a triangular distribution, compute the model, repeat,
//! and report percentiles and shares of draws.
//!
//! Seeded and machine-independent: the generator is SplitMix64 (integer
//! arithmetic only), and a draw uses only IEEE-754 operations that every
//! platform rounds alike (`+ − × ÷ √`), rounded to 10 decimals before it
//! becomes a [`Decimal`]. Percentiles are nearest-rank, so they are always
//! one of the drawn outcomes, and with no ranges every percentile equals the
//! deterministic figure.
//!
//! A draw does not simulate the whole scenario: it needs only the year sums
//! of [`yearly`](super::yearly) (inside and all savings, costs, grants,
//! repayments), and only the interventions with ranges are computed again.
//! [`MonteCarloRun`] runs in slices ([`MonteCarloRun::step`]), so that a
//! worker can report progress and be stopped between them; its result is the
//! same however it was sliced.

use rust_decimal::prelude::{FromPrimitive, ToPrimitive};
use rust_decimal::{Decimal, RoundingStrategy};

use super::outcome::Outcome;
use super::outcome::{json_array, money_text, number_or_null, ratio_text, JsonObject};
use super::scenario::{Intervention, Range, Scenario};
use super::simulate::{add, div, mul, simulate};
use super::validate::validate;
use super::yearly::{to_f64, FastLevers, FastModel, FastScratch, FastSums, Parts};
use super::{Problem, ScenarioError};

pub use super::limits::{MAX_DRAWS, MAX_WORK};

/// The 5th, 50th and 95th percentiles of a figure.
#[derive(Debug, Clone, PartialEq)]
pub struct Percentiles {
    pub p5: Decimal,
    pub p50: Decimal,
    pub p95: Decimal,
}

/// Percentiles of a figure in one calendar year.
#[derive(Debug, Clone, PartialEq)]
pub struct YearPercentiles {
    pub year: i32,
    pub percentiles: Percentiles,
}

/// What a Monte Carlo run reports: the contract's uncertainty figures.
#[derive(Debug, Clone, PartialEq)]
pub struct Uncertainty {
    pub schema_version: u32,
    pub seed: u64,
    pub draws: u32,
    /// The calendar year `payback_by_share` is counted against.
    pub by_year: Option<i32>,
    pub org_npv: Percentiles,
    pub society_npv: Percentiles,
    /// The fund's closing balance in the last year.
    pub fund_closing_balance: Percentiles,
    /// Cumulative `org_net`, year by year (to the öre: see [`MonteCarloRun`]).
    pub cumulative_org_net: Vec<YearPercentiles>,
    /// The fund's closing balance, year by year (to the öre).
    pub fund_close: Vec<YearPercentiles>,
    /// Share of draws with a payback year inside the horizon.
    pub payback_within_horizon_share: Decimal,
    /// Share of draws with `org_npv ≥ 0`.
    pub org_npv_non_negative_share: Decimal,
    /// Share of draws with `society_npv ≥ 0`.
    pub society_npv_non_negative_share: Decimal,
    /// Share of draws in which the fund never closes a year below zero.
    pub fund_never_negative_share: Decimal,
    /// Share of draws with a payback year no later than `by_year`; `None` without it.
    pub payback_by_share: Option<Decimal>,
    /// Per outcome contract, in the scenario's order (none without contracts).
    pub outcome_contracts: Vec<ContractUncertainty>,
}

/// One outcome contract's uncertainty figures.
#[derive(Debug, Clone, PartialEq)]
pub struct ContractUncertainty {
    pub id: String,
    /// Paid within the horizon (to the öre).
    pub payments_total: Percentiles,
    /// The investor's net (to the öre).
    pub investor_net: Percentiles,
    /// Share of draws with `investor_net < 0`.
    pub investor_loss_share: Decimal,
}

impl Percentiles {
    fn write(&self, o: &mut JsonObject) {
        o.figure("p5", &money_text(self.p5)).figure("p50", &money_text(self.p50)).figure("p95", &money_text(self.p95));
    }

    fn to_json(&self) -> String {
        let mut o = JsonObject::new();
        self.write(&mut o);
        o.end()
    }
}

fn years_json(list: &[YearPercentiles]) -> String {
    json_array(list.iter().map(|y| {
        let mut o = JsonObject::new();
        o.raw("year", &y.year.to_string());
        y.percentiles.write(&mut o);
        o.end()
    }))
}

impl Uncertainty {
    /// The contract's JSON (money to 2 decimals, ratios to 4).
    pub fn to_json(&self) -> String {
        let mut o = JsonObject::new();
        o.raw("schema_version", &self.schema_version.to_string())
            .raw("seed", &self.seed.to_string())
            .raw("draws", &self.draws.to_string())
            .raw("by_year", &number_or_null(self.by_year))
            .raw("org_npv", &self.org_npv.to_json())
            .raw("society_npv", &self.society_npv.to_json())
            .raw("fund_closing_balance", &self.fund_closing_balance.to_json())
            .raw("cumulative_org_net", &years_json(&self.cumulative_org_net))
            .raw("fund_close", &years_json(&self.fund_close))
            .figure("payback_within_horizon_share", &ratio_text(self.payback_within_horizon_share))
            .figure("org_npv_non_negative_share", &ratio_text(self.org_npv_non_negative_share))
            .figure("society_npv_non_negative_share", &ratio_text(self.society_npv_non_negative_share))
            .figure("fund_never_negative_share", &ratio_text(self.fund_never_negative_share));
        match self.payback_by_share {
            Some(share) => o.figure("payback_by_share", &ratio_text(share)),
            None => o.raw("payback_by_share", "null"),
        };
        if !self.outcome_contracts.is_empty() {
            let contracts = json_array(self.outcome_contracts.iter().map(|c| {
                JsonObject::new()
                    .text("id", &c.id)
                    .raw("payments_total", &c.payments_total.to_json())
                    .raw("investor_net", &c.investor_net.to_json())
                    .figure("investor_loss_share", &ratio_text(c.investor_loss_share))
                    .end()
            }));
            o.raw("outcome_contracts", &contracts);
        }
        o.end()
    }
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

/// A triangular distribution on a range with a mode, its bounds also as
/// doubles (converted once, not on every draw).
#[derive(Debug, Clone, Copy)]
struct Triangle {
    range: Range,
    low: f64,
    high: f64,
    mode: f64,
    /// `⌈low × 10^10⌉` and `⌊high × 10^10⌋`: a draw of `n / 10^10` outside them is clamped.
    low_tenths: i128,
    high_tenths: i128,
}

/// A draw: the range's low or high end (clamped), or `n / 10^10`.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Drawn {
    Low,
    High,
    Tenths(i128),
}

const TEN_DECIMALS: i128 = 10_000_000_000;

impl Triangle {
    fn new(range: Range, mode: Decimal) -> Triangle {
        let f = |d: Decimal| d.to_f64().unwrap_or(0.0);
        let tenths = |d: Decimal, up: bool| {
            let scaled = mul(d, Decimal::from(TEN_DECIMALS)).unwrap_or(Decimal::MAX);
            let whole = if up { scaled.ceil() } else { scaled.floor() };
            whole.to_i128().unwrap_or(i128::MAX)
        };
        Triangle {
            range,
            low: f(range.low),
            high: f(range.high),
            mode: f(mode),
            low_tenths: tenths(range.low, true),
            high_tenths: tenths(range.high, false),
        }
    }

    /// One draw, by inverting the CDF; it always takes one number from `rng`.
    fn sample(&self, rng: &mut SplitMix64) -> Drawn {
        let u = rng.next_unit();
        let (low, high, mode) = (self.low, self.high, self.mode);
        let width = high - low;
        if width <= 0.0 {
            return Drawn::Low;
        }
        let split = (mode - low) / width;
        let x = if u < split {
            low + (u * width * (mode - low)).sqrt()
        } else {
            high - ((1.0 - u) * width * (high - mode)).sqrt()
        };
        match round_ten_decimals(x) {
            Some(n) if n < self.low_tenths => Drawn::Low,
            Some(n) if n > self.high_tenths => Drawn::High,
            Some(n) => Drawn::Tenths(n),
            None => Drawn::High,
        }
    }

    fn exact(&self, d: Drawn) -> Decimal {
        match d {
            Drawn::Low => self.range.low,
            Drawn::High => self.range.high,
            Drawn::Tenths(n) => Decimal::try_from_i128_with_scale(n, 10).unwrap_or(self.range.high),
        }
    }

    fn double(&self, d: Drawn) -> f64 {
        match d {
            Drawn::Low => self.low,
            Drawn::High => self.high,
            Drawn::Tenths(n) => n as f64 / TEN_DECIMALS as f64,
        }
    }

    /// Whether draws can differ.
    fn moves(&self) -> bool {
        self.range.low != self.range.high
    }
}

/// `x ≥ 0` rounded to 10 decimals, half to even, from the double's exact
/// binary value (integer arithmetic only), as a count of 10^-10; `None` when
/// it does not fit.
fn round_ten_decimals(x: f64) -> Option<i128> {
    if !(x.is_finite() && x >= 0.0) {
        return None;
    }
    if x == 0.0 {
        return Some(0);
    }
    let bits = x.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1u64 << 52) - 1);
    // x = mantissa × 2^power exactly.
    let (mantissa, power) = if exponent == 0 { (fraction, -1074) } else { (fraction | (1u64 << 52), exponent - 1075) };
    let scaled = (mantissa as u128).checked_mul(TEN_DECIMALS as u128)?;
    if power >= 0 {
        return i128::try_from(scaled.checked_shl(power as u32).filter(|v| v >> power == scaled)?).ok();
    }
    let shift = (-power) as u32;
    if shift >= 127 {
        return Some(0);
    }
    let (quotient, remainder) = (scaled >> shift, scaled & ((1u128 << shift) - 1));
    let half = 1u128 << (shift - 1);
    let up = remainder > half || (remainder == half && quotient & 1 == 1);
    i128::try_from(quotient + u128::from(up)).ok()
}

/// A triangular draw on `[low, high]` with the given mode, by inverting the
/// CDF and rounding to 10 decimals.
pub fn triangular(range: Range, mode: Decimal, rng: &mut SplitMix64) -> Decimal {
    let t = Triangle::new(range, mode);
    t.exact(t.sample(rng))
}

/// An intervention with ranges: its model in doubles, and its ranges in the
/// order they are drawn (success_rate, deadweight, drop_off, annual_cost,
/// avoided_costs).
#[derive(Debug, Clone)]
struct Ranged {
    index: usize,
    fast: FastModel,
    ranges: [Option<Triangle>; 5],
    /// The flows that differ between draws; the others are in the plan's steady sums.
    varying: Parts,
}

impl Ranged {
    /// Draws the ranged parameters and writes them into the intervention
    /// (factors multiply its annual cost or every avoided cost).
    fn draw_exact(&self, iv: &mut Intervention, rng: &mut SplitMix64) -> Option<()> {
        let [sr, dw, drop, cost, avoided] = &self.ranges;
        let mut take = |t: &Option<Triangle>| t.map(|t| t.exact(t.sample(rng)));
        if let Some(v) = take(sr) {
            iv.success_rate = v;
        }
        if let Some(v) = take(dw) {
            iv.deadweight = v;
        }
        if let Some(v) = take(drop) {
            iv.drop_off = v;
        }
        if let Some(f) = take(cost) {
            iv.annual_cost = mul(iv.annual_cost, f)?;
        }
        if let Some(f) = take(avoided) {
            for a in &mut iv.avoided_costs {
                a.per_year = mul(a.per_year, f)?;
            }
        }
        Some(())
    }

    fn draw_fast(&self, rng: &mut SplitMix64) -> FastLevers {
        let mut l = self.fast.levers();
        let [sr, dw, drop, cost, avoided] = &self.ranges;
        let mut take = |t: &Option<Triangle>| t.map(|t| t.double(t.sample(rng)));
        if let Some(v) = take(sr) {
            l.success_rate = v;
        }
        if let Some(v) = take(dw) {
            l.deadweight = v;
        }
        if let Some(v) = take(drop) {
            l.drop_off = v;
        }
        l.cost_factor = take(cost);
        l.avoided_factor = take(avoided);
        l
    }
}

/// Everything a draw needs that no draw changes.
#[derive(Debug, Clone)]
struct Plan {
    scenario: Scenario,
    start_year: i32,
    /// The interventions with ranges, in the scenario's order.
    ranged: Vec<Ranged>,
    /// The interventions without ranges and the flows of ranged ones that no
    /// draw changes, as doubles, with the magnitude of what they add up.
    steady: FastSums,
    steady_magnitude: f64,
    /// The exact figures of the scenario as it is: every draw's in the years
    /// before anything varies.
    base: DrawFigures,
    allocation_f: Vec<f64>,
    discount_f: Vec<f64>,
    initial_f: f64,
    /// The first year index whose cumulative `org_net` and whose fund balance
    /// vary between draws (the horizon when none does); whether `org_npv`
    /// and `society_npv` vary.
    org_from: usize,
    fund_from: usize,
    society_varies: bool,
    /// The scenario has outcome contracts: every draw is simulated exactly
    /// (the doubles' model knows no contracts).
    exact_only: bool,
}

impl Plan {
    fn new(s: &Scenario) -> Result<Plan, ScenarioError> {
        let years = s.horizon_years as usize;
        let base = DrawFigures::of(&simulate(s)?, s.start_year);
        let mut steady = FastSums::zero(years);
        let mut scratch = FastScratch::default();
        let mut magnitude = 0.0;
        let mut ranged = Vec::new();
        let (mut org_from, mut fund_from, mut society_varies) = (years, years, false);
        for (index, iv) in s.interventions.iter().enumerate() {
            let fast = FastModel::new(s, index).ok_or_else(|| intervention_too_large(index))?;
            let Some(u) = iv.uncertainty.as_ref().filter(|u| **u != Default::default()) else {
                magnitude += fast.add(&fast.levers(), Parts::ALL, &mut steady, &mut scratch);
                continue;
            };
            let t = |r: Option<Range>, mode: Decimal| r.map(|r| Triangle::new(r, mode));
            let ranges = [
                t(u.success_rate, iv.success_rate),
                t(u.deadweight, iv.deadweight),
                t(u.drop_off, iv.drop_off),
                t(u.annual_cost, Decimal::ONE),
                t(u.avoided_costs, Decimal::ONE),
            ];
            let moves = |k: usize| ranges[k].is_some_and(|t| t.moves());
            let varying = fast.varying_parts(moves(0), moves(1), moves(2), moves(3), moves(4));
            let steady_parts =
                Parts { costs: !varying.costs, savings: !varying.savings, repayments: !varying.repayments };
            magnitude += fast.add(&fast.levers(), steady_parts, &mut steady, &mut scratch);
            let m = fast.moves(varying);
            org_from = org_from.min(m.org_from.unwrap_or(years));
            fund_from = fund_from.min(m.fund_from.unwrap_or(years));
            society_varies |= m.society;
            ranged.push(Ranged { index, fast, ranges, varying });
        }
        let allocation_f: Vec<f64> =
            (0..years).map(|y| s.fund.allocations.get(y).map_or(0.0, |a| to_f64(*a))).collect();
        let rate = 1.0 + to_f64(s.discount_rate);
        let initial_f = to_f64(s.fund.initial_capital);
        magnitude += initial_f.abs() + allocation_f.iter().map(|a| a.abs()).sum::<f64>();
        Ok(Plan {
            scenario: s.clone(),
            start_year: s.start_year,
            ranged,
            steady,
            steady_magnitude: magnitude,
            base,
            discount_f: (0..years).map(|y| rate.powi(y as i32)).collect(),
            allocation_f,
            initial_f,
            org_from,
            fund_from,
            society_varies,
            exact_only: !s.outcome_contracts.is_empty(),
        })
    }

    fn years(&self) -> usize {
        self.allocation_f.len()
    }

    fn org_varies(&self) -> bool {
        self.org_from < self.years()
    }

    /// The exact figures of the draw that starts at generator state `state`:
    /// the scenario with that draw's parameters, simulated.
    fn exact_draw(&self, state: u64) -> Result<DrawFigures, ScenarioError> {
        self.exact_draw_from(&mut SplitMix64(state))
    }

    /// [`Plan::exact_draw`] from a generator, which is left where the draw ends.
    fn exact_draw_from(&self, rng: &mut SplitMix64) -> Result<DrawFigures, ScenarioError> {
        let mut drawn = self.scenario.clone();
        for r in &self.ranged {
            let iv = &mut drawn.interventions[r.index];
            r.draw_exact(iv, rng).ok_or_else(|| intervention_too_large(r.index))?;
        }
        Ok(DrawFigures::of(&simulate(&drawn)?, self.start_year))
    }
}

/// The figures of one draw.
#[derive(Debug, Clone, Default)]
struct DrawFigures {
    org_npv: Decimal,
    society_npv: Decimal,
    payback_year: Option<i32>,
    fund_never_negative: bool,
    /// Cumulative `org_net`, then the fund's close, year by year.
    cumulative: Vec<Decimal>,
    close: Vec<Decimal>,
    /// Per outcome contract: payments within the horizon and the investor's net.
    contracts: Vec<(Decimal, Decimal)>,
}

impl DrawFigures {
    /// The figures of a simulated scenario (cumulating `org_net` as the
    /// payback year does).
    fn of(out: &Outcome, start_year: i32) -> DrawFigures {
        let mut cumulative = Vec::with_capacity(out.org_net.len());
        let mut sum = Decimal::ZERO;
        for net in &out.org_net {
            // Cannot overflow: simulate summed the same amounts for the payback year.
            sum = add(sum, *net).unwrap_or(sum);
            cumulative.push(sum);
        }
        let _ = start_year;
        DrawFigures {
            org_npv: out.key_figures.org_npv,
            society_npv: out.key_figures.society_npv,
            payback_year: out.key_figures.payback_year,
            fund_never_negative: out.key_figures.fund_first_negative_year.is_none(),
            cumulative,
            close: out.fund.iter().map(|f| f.close).collect(),
            contracts: out.outcome_contracts.iter().map(|c| (c.payments_total, c.investor_net)).collect(),
        }
    }

    fn closing(&self) -> Decimal {
        self.close.last().copied().unwrap_or_default()
    }
}

fn payback(last_negative: Option<usize>, start_year: i32, years: usize) -> Option<i32> {
    match last_negative {
        None => Some(start_year),
        Some(y) if y + 1 == years => None,
        Some(y) => Some(start_year + y as i32 + 1),
    }
}

/// How far a double may be from the exact figure, relative to the magnitude
/// of the amounts added into it: far above the doubles' rounding (about
/// 10^-16 per operation, a few hundred operations deep) and the exact
/// model's rounding of the profile, far below an öre for any municipal
/// scenario (4 × 10^-13 of a billion is 0.0004 kr).
const RELATIVE_ERROR: f64 = 4e-13;

fn too_large(path: impl Into<String>) -> ScenarioError {
    ScenarioError::new(path, Problem::TooLargeToCompute)
}

fn intervention_too_large(index: usize) -> ScenarioError {
    too_large(format!("interventions[{index}]"))
}

fn draws_refused() -> ScenarioError {
    ScenarioError::new("draws", Problem::WholeNumberFrom { low: 1, high: MAX_DRAWS.into() })
}

fn by_year_refused(s: &Scenario) -> ScenarioError {
    let last = s.start_year + s.horizon_years as i32 - 1;
    ScenarioError::new("by_year", Problem::YearOfHorizon { first: s.start_year, last })
}

fn too_much_work(work: u64) -> ScenarioError {
    ScenarioError::new("draws", Problem::TooMuchWork { work, max: MAX_WORK })
}

/// Checks `by_year` against the scenario's horizon (`start_year ..= last year`).
pub fn check_by_year(s: &Scenario, by_year: Option<i32>) -> Result<(), ScenarioError> {
    match by_year {
        Some(t) if t < s.start_year || i64::from(t) >= i64::from(s.start_year) + i64::from(s.horizon_years) => {
            Err(by_year_refused(s))
        }
        _ => Ok(()),
    }
}

/// The `k`-th smallest of `values` (0-based), by quickselect: a small
/// routine instead of the standard library's selection, for the download's
/// size. The values are finite.
fn select(values: &mut [f64], k: usize) -> f64 {
    let (mut low, mut high) = (0, values.len());
    while high - low > 1 {
        // Median of three as the pivot; then a three-way partition.
        let (a, b, c) = (values[low], values[low + (high - low) / 2], values[high - 1]);
        let pivot = a.max(b.min(c)).min(b.max(c));
        let (mut lt, mut i, mut gt) = (low, low, high);
        while i < gt {
            if values[i] < pivot {
                values.swap(lt, i);
                lt += 1;
                i += 1;
            } else if values[i] > pivot {
                gt -= 1;
                values.swap(i, gt);
            } else {
                i += 1;
            }
        }
        if k < lt {
            high = lt;
        } else if k >= gt {
            low = gt;
        } else {
            return pivot;
        }
    }
    values.get(low).copied().unwrap_or(0.0)
}

/// Sorts a few values (here usually one) without another sort routine in the download.
pub(crate) fn insertion_sort<T: PartialOrd>(values: &mut [T]) {
    for i in 1..values.len() {
        let mut j = i;
        while j > 0 && values[j - 1] > values[j] {
            values.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// Index of the nearest-rank percentile `p` among `n` sorted values: rank ⌈p/100 × n⌉.
fn rank(n: usize, p: u32) -> usize {
    (p as usize * n).div_ceil(100).clamp(1, n.max(1)) - 1
}

/// Nearest-rank percentile of sorted values: the value at rank ⌈p/100 × n⌉.
pub fn percentile(sorted: &[Decimal], p: u32) -> Decimal {
    sorted.get(rank(sorted.len(), p)).copied().unwrap_or(Decimal::ZERO)
}

fn to_ore(value: Decimal) -> Decimal {
    value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// A figure rounded to the öre, as a whole number of öre in a double
/// (exact below 2⁵³ öre, about 9 × 10¹³ kr; beyond that refused as too large).
fn ore_count(value: Decimal) -> Result<f64, ScenarioError> {
    let count = mul(to_ore(value), Decimal::ONE_HUNDRED).and_then(|c| c.to_i64());
    match count {
        Some(c) if c.unsigned_abs() < 1 << 53 => Ok(c as f64),
        _ => Err(too_large("interventions")),
    }
}

/// How far a run has come.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Draws computed so far.
    pub done: u32,
    /// Draws asked for.
    pub draws: u32,
}

impl Progress {
    pub fn is_finished(&self) -> bool {
        self.done >= self.draws
    }
}

/// Which shares a draw counts towards.
#[derive(Debug, Clone, Copy, Default)]
struct Counts {
    paid_back: bool,
    paid_back_by: bool,
    org_non_negative: bool,
    society_non_negative: bool,
    fund_never_negative: bool,
}

impl Counts {
    fn of(f: &DrawFigures, by_year: Option<i32>) -> Counts {
        Counts {
            paid_back: f.payback_year.is_some(),
            paid_back_by: matches!((f.payback_year, by_year), (Some(p), Some(t)) if p <= t),
            org_non_negative: f.org_npv >= Decimal::ZERO,
            society_non_negative: f.society_npv >= Decimal::ZERO,
            fund_never_negative: f.fund_never_negative,
        }
    }
}

/// A Monte Carlo run that can be computed in slices: [`step`](Self::step)
/// computes some draws, [`finish`](Self::finish) the rest and the figures.
/// The result does not depend on how the run was sliced: it equals
/// [`monte_carlo`] with the same scenario, seed, draws and `by_year`.
///
/// How a draw is computed: the interventions without ranges, and the flows
/// of ranged ones that no range moves, are summed once, exactly. Each draw
/// computes the moving flows in doubles (a [`FastModel`]), with a bound on
/// their error ([`RELATIVE_ERROR`] × the magnitudes added). A draw whose
/// figure is within that bound of a threshold (0 for a present value, a
/// cumulative result or a balance) is computed again exactly, and so is
/// every draw that may hold a percentile's rank: each reported figure and
/// share is that of the exact decimal model, as if every draw had been
/// computed exactly. Year-by-year percentiles are reported to the öre.
///
/// Memory: about 8 bytes per draw and year, twice, plus 32 per draw.
#[derive(Debug, Clone)]
pub struct MonteCarloRun {
    plan: Plan,
    rng: SplitMix64,
    seed: u64,
    draws: u32,
    done: u32,
    by_year: Option<i32>,
    sums: FastSums,
    scratch: FastScratch,
    /// Every draw's generator state at its start, to compute it again exactly.
    states: Vec<u64>,
    org_npv: Vec<f64>,
    society_npv: Vec<f64>,
    closing: Vec<f64>,
    /// Year by year, draw after draw (draw `d`, year `y` at `d × years + y`).
    cumulative: Vec<f64>,
    close: Vec<f64>,
    /// The largest error bound of any draw.
    bound: f64,
    /// Draws computed exactly so far, by index.
    exact: Vec<(u32, DrawFigures)>,
    /// Every draw is the scenario itself (no range moves anything).
    constant: bool,
    paid_back: u32,
    paid_back_by: u32,
    org_non_negative: u32,
    society_non_negative: u32,
    fund_never_negative: u32,
    /// A draw that could not be computed: every later call reports it.
    failed: Option<ScenarioError>,
    /// With outcome contracts (every draw exact, every figure kept in öre as
    /// a double): per draw and contract, payments within the horizon and
    /// the investor's net; and per contract the draws in which the investor lost.
    contract_values: Vec<f64>,
    investor_losses: Vec<u32>,
}

impl MonteCarloRun {
    /// A run of `draws` draws (1 to [`MAX_DRAWS`]) of a scenario, which is
    /// validated; `by_year` must be a year of the horizon.
    pub fn new(
        scenario: &Scenario,
        seed: u64,
        draws: u32,
        by_year: Option<i32>,
    ) -> Result<MonteCarloRun, ScenarioError> {
        validate(scenario)?;
        if draws == 0 || draws > MAX_DRAWS {
            return Err(draws_refused());
        }
        check_by_year(scenario, by_year)?;
        let plan = Plan::new(scenario)?;
        let years = plan.years();
        let constant = if plan.exact_only {
            plan.ranged.is_empty()
        } else {
            !plan.org_varies() && plan.fund_from >= years && !plan.society_varies
        };
        let contracts = scenario.outcome_contracts.len();
        let keep = if constant { 0 } else { draws as usize };
        Ok(MonteCarloRun {
            rng: SplitMix64::new(seed),
            seed,
            draws,
            done: 0,
            by_year,
            sums: plan.steady.clone(),
            scratch: FastScratch::default(),
            states: Vec::with_capacity(keep),
            org_npv: Vec::with_capacity(keep),
            society_npv: Vec::with_capacity(keep),
            closing: Vec::with_capacity(keep),
            cumulative: Vec::with_capacity(keep * years),
            close: Vec::with_capacity(keep * years),
            bound: 0.0,
            exact: Default::default(),
            constant,
            paid_back: 0,
            paid_back_by: 0,
            org_non_negative: 0,
            society_non_negative: 0,
            fund_never_negative: 0,
            failed: None,
            contract_values: Vec::with_capacity(if constant { 0 } else { keep * 2 * contracts }),
            investor_losses: vec![0; contracts],
            plan,
        })
    }

    /// How far the run has come.
    pub fn progress(&self) -> Progress {
        Progress { done: self.done, draws: self.draws }
    }

    /// Computes up to `n` more draws.
    pub fn step(&mut self, n: u32) -> Result<Progress, ScenarioError> {
        if let Some(e) = &self.failed {
            return Err(e.clone());
        }
        let n = n.min(self.draws - self.done);
        if self.constant {
            // Every draw is the scenario as it is: counted, not computed.
            let counts = Counts::of(&self.plan.base, self.by_year);
            self.count(&counts, n);
            for (losses, (_, net)) in self.investor_losses.iter_mut().zip(&self.plan.base.contracts) {
                if *net < Decimal::ZERO {
                    *losses += n;
                }
            }
            self.done += n;
            return Ok(self.progress());
        }
        for _ in 0..n {
            if let Err(e) = self.one_draw() {
                self.failed = Some(e.clone());
                return Err(e);
            }
            self.done += 1;
        }
        Ok(self.progress())
    }

    /// One draw of a scenario with outcome contracts, simulated exactly;
    /// its figures are kept in öre (as doubles, exact below 2⁵³ öre).
    fn one_exact_draw(&mut self) -> Result<(), ScenarioError> {
        let state = self.rng.0;
        let f = self.plan.exact_draw_from(&mut self.rng)?;
        self.states.push(state);
        self.org_npv.push(ore_count(f.org_npv)?);
        self.society_npv.push(ore_count(f.society_npv)?);
        self.closing.push(ore_count(f.closing())?);
        for (c, v) in f.cumulative.iter().zip(&f.close) {
            self.cumulative.push(ore_count(*c)?);
            self.close.push(ore_count(*v)?);
        }
        for (losses, (paid, net)) in self.investor_losses.iter_mut().zip(&f.contracts) {
            self.contract_values.push(ore_count(*paid)?);
            self.contract_values.push(ore_count(*net)?);
            if *net < Decimal::ZERO {
                *losses += 1;
            }
        }
        let counts = Counts::of(&f, self.by_year);
        self.count(&counts, 1);
        Ok(())
    }

    fn one_draw(&mut self) -> Result<(), ScenarioError> {
        if self.plan.exact_only {
            return self.one_exact_draw();
        }
        let plan = &self.plan;
        let state = self.rng.0;
        self.sums.copy_from(&plan.steady);
        let mut magnitude = plan.steady_magnitude;
        for r in &plan.ranged {
            let levers = r.draw_fast(&mut self.rng);
            magnitude += r.fast.add(&levers, r.varying, &mut self.sums, &mut self.scratch);
        }
        let bound = RELATIVE_ERROR * magnitude;
        if !bound.is_finite() {
            return Err(too_large("interventions"));
        }
        self.bound = self.bound.max(bound);

        // The figures in doubles; a decision within the bound of its threshold is unsure.
        let near = |v: f64| v.abs() <= bound;
        let sums = &self.sums;
        let (mut org_npv, mut society_npv, mut cumulative) = (0.0, 0.0, 0.0);
        let mut open = plan.initial_f;
        let (mut last_negative, mut never_negative, mut unsure) = (None, true, false);
        let years = plan.years();
        for y in 0..years {
            let org = sums.inside[y] - sums.cost[y];
            org_npv += org / plan.discount_f[y];
            society_npv += (sums.all[y] - sums.cost[y]) / plan.discount_f[y];
            cumulative += org;
            let close = open + plan.allocation_f[y] + sums.repayments[y] - sums.grants[y];
            open = close;
            let negative = if y < plan.org_from {
                plan.base.cumulative[y] < Decimal::ZERO
            } else {
                unsure |= near(cumulative);
                cumulative < 0.0
            };
            if negative {
                last_negative = Some(y);
            }
            let fund_negative = if y < plan.fund_from {
                plan.base.close[y] < Decimal::ZERO
            } else {
                unsure |= near(close);
                close < 0.0
            };
            never_negative &= !fund_negative;
            self.cumulative.push(cumulative);
            self.close.push(close);
        }
        let org_non_negative = if plan.org_varies() {
            unsure |= near(org_npv);
            org_npv >= 0.0
        } else {
            plan.base.org_npv >= Decimal::ZERO
        };
        let society_non_negative = if plan.society_varies {
            unsure |= near(society_npv);
            society_npv >= 0.0
        } else {
            plan.base.society_npv >= Decimal::ZERO
        };
        let index = self.states.len() as u32;
        self.states.push(state);
        self.org_npv.push(org_npv);
        self.society_npv.push(society_npv);
        self.closing.push(open);
        let counts = if unsure {
            let exact = plan.exact_draw(state)?;
            let counts = Counts::of(&exact, self.by_year);
            self.exact.push((index, exact));
            counts
        } else {
            let payback_year = payback(last_negative, plan.start_year, years);
            Counts {
                paid_back: payback_year.is_some(),
                paid_back_by: matches!((payback_year, self.by_year), (Some(p), Some(t)) if p <= t),
                org_non_negative,
                society_non_negative,
                fund_never_negative: never_negative,
            }
        };
        self.count(&counts, 1);
        Ok(())
    }

    fn count(&mut self, c: &Counts, times: u32) {
        let add = |total: &mut u32, yes: bool| {
            if yes {
                *total += times;
            }
        };
        add(&mut self.paid_back, c.paid_back);
        add(&mut self.paid_back_by, c.paid_back_by);
        add(&mut self.org_non_negative, c.org_non_negative);
        add(&mut self.society_non_negative, c.society_non_negative);
        add(&mut self.fund_never_negative, c.fund_never_negative);
    }

    /// The exact figures of draw `index`.
    fn exact_figures(&mut self, index: u32) -> Result<&DrawFigures, ScenarioError> {
        // Few draws are computed exactly: a list searched in order is enough.
        let at = match self.exact.iter().position(|(d, _)| *d == index) {
            Some(at) => at,
            None => {
                let figures = self.plan.exact_draw(self.states[index as usize])?;
                self.exact.push((index, figures));
                self.exact.len() - 1
            }
        };
        Ok(&self.exact[at].1)
    }

    /// The exact nearest-rank percentile `p` of a figure whose doubles are
    /// `values` (one per draw) and whose exact value `exact` reads from a draw.
    ///
    /// The doubles are within `bound` of the exact figures, so the exact
    /// percentile is within `bound` of the doubles' one, `v`. Draws below
    /// `v − 2 × bound` are surely below it, those above `v + 2 × bound` surely
    /// above; the draws in between are computed exactly and ranked.
    fn exact_percentile(
        &mut self,
        values: &[f64],
        p: u32,
        exact: &dyn Fn(&DrawFigures) -> Decimal,
        ore: bool,
    ) -> Result<Decimal, ScenarioError> {
        let r = rank(values.len(), p);
        let v = select(&mut values.to_vec(), r);
        let (low, high) = (v - 2.0 * self.bound, v + 2.0 * self.bound);
        if ore {
            // To the öre, the double may already settle it.
            let (a, b) = (Decimal::from_f64(low), Decimal::from_f64(high));
            if let (Some(a), Some(b)) = (a, b) {
                if to_ore(a) == to_ore(b) {
                    return Ok(to_ore(a));
                }
            }
        }
        let below = values.iter().filter(|x| **x < low).count();
        let window: Vec<u32> =
            values.iter().enumerate().filter(|(_, x)| **x >= low && **x <= high).map(|(d, _)| d as u32).collect();
        let mut candidates = Vec::with_capacity(window.len());
        for d in window {
            candidates.push(exact(self.exact_figures(d)?));
        }
        insertion_sort(&mut candidates);
        let value = candidates.get(r.saturating_sub(below)).copied().ok_or_else(|| too_large("interventions"))?;
        Ok(if ore { to_ore(value) } else { value })
    }

    fn exact_percentiles(
        &mut self,
        values: &[f64],
        exact: &dyn Fn(&DrawFigures) -> Decimal,
        ore: bool,
    ) -> Result<Percentiles, ScenarioError> {
        Ok(Percentiles {
            p5: self.exact_percentile(values, 5, exact, ore)?,
            p50: self.exact_percentile(values, 50, exact, ore)?,
            p95: self.exact_percentile(values, 95, exact, ore)?,
        })
    }

    /// Computes the remaining draws and returns the figures.
    pub fn finish(mut self) -> Result<Uncertainty, ScenarioError> {
        self.step(self.draws - self.done)?;
        let years = self.plan.years();
        let base = self.plan.base.clone();
        let same = |v: Decimal| Percentiles { p5: v, p50: v, p95: v };
        // Every draw of a scenario with contracts was exact, kept in öre: its percentiles are read off.
        let in_ore = |values: &[f64]| -> Percentiles {
            let at = |p: u32| {
                let v = select(&mut values.to_vec(), rank(values.len(), p));
                Decimal::new(v as i64, 2)
            };
            Percentiles { p5: at(5), p50: at(50), p95: at(95) }
        };
        let contract_count = self.investor_losses.len();
        let mut contracts = Vec::with_capacity(contract_count);
        for (c, contract) in self.plan.scenario.outcome_contracts.iter().enumerate() {
            let (paid, net) = if self.constant {
                let (paid, net) = base.contracts.get(c).copied().unwrap_or_default();
                (same(paid), same(net))
            } else {
                let column = |k: usize| -> Vec<f64> {
                    self.contract_values.iter().skip(2 * c + k).step_by(2 * contract_count).copied().collect()
                };
                (in_ore(&column(0)), in_ore(&column(1)))
            };
            contracts.push(ContractUncertainty {
                id: contract.id.clone(),
                payments_total: paid,
                investor_net: net,
                investor_loss_share: div(Decimal::from(self.investor_losses[c]), Decimal::from(self.draws))
                    .unwrap_or_default(),
            });
        }
        let (org_npv, society_npv, closing, mut cumulative, mut fund_close);
        if self.plan.exact_only && !self.constant {
            org_npv = in_ore(&self.org_npv);
            society_npv = in_ore(&self.society_npv);
            closing = in_ore(&self.closing);
            let column = |all: &[f64], y: usize| all.iter().skip(y).step_by(years).copied().collect::<Vec<f64>>();
            cumulative = (0..years).map(|y| in_ore(&column(&self.cumulative, y))).collect::<Vec<_>>();
            fund_close = (0..years).map(|y| in_ore(&column(&self.close, y))).collect::<Vec<_>>();
        } else if self.constant {
            org_npv = same(base.org_npv);
            society_npv = same(base.society_npv);
            closing = same(base.closing());
            cumulative = base.cumulative.iter().map(|v| same(to_ore(*v))).collect::<Vec<_>>();
            fund_close = base.close.iter().map(|v| same(to_ore(*v))).collect::<Vec<_>>();
        } else {
            let values = std::mem::take(&mut self.org_npv);
            org_npv = if self.plan.org_varies() {
                self.exact_percentiles(&values, &|f| f.org_npv, false)?
            } else {
                same(base.org_npv)
            };
            let values = std::mem::take(&mut self.society_npv);
            society_npv = if self.plan.society_varies {
                self.exact_percentiles(&values, &|f| f.society_npv, false)?
            } else {
                same(base.society_npv)
            };
            let values = std::mem::take(&mut self.closing);
            closing = if self.plan.fund_from < years {
                self.exact_percentiles(&values, &DrawFigures::closing, false)?
            } else {
                same(base.closing())
            };
            let all_cumulative = std::mem::take(&mut self.cumulative);
            let all_close = std::mem::take(&mut self.close);
            cumulative = Vec::with_capacity(years);
            fund_close = Vec::with_capacity(years);
            let column = |all: &[f64], y: usize| all.iter().skip(y).step_by(years).copied().collect::<Vec<f64>>();
            for y in 0..years {
                cumulative.push(if y < self.plan.org_from {
                    same(to_ore(base.cumulative[y]))
                } else {
                    self.exact_percentiles(&column(&all_cumulative, y), &|f| f.cumulative[y], true)?
                });
                fund_close.push(if y < self.plan.fund_from {
                    same(to_ore(base.close[y]))
                } else {
                    self.exact_percentiles(&column(&all_close, y), &|f| f.close[y], true)?
                });
            }
        }
        let share = |count: u32| div(Decimal::from(count), Decimal::from(self.draws)).unwrap_or_default();
        let by_year = |list: Vec<Percentiles>| {
            list.into_iter()
                .enumerate()
                .map(|(y, percentiles)| YearPercentiles { year: self.plan.start_year + y as i32, percentiles })
                .collect()
        };
        Ok(Uncertainty {
            schema_version: if contracts.is_empty() { 1 } else { 2 },
            seed: self.seed,
            draws: self.draws,
            by_year: self.by_year,
            org_npv,
            society_npv,
            fund_closing_balance: closing,
            cumulative_org_net: by_year(cumulative),
            fund_close: by_year(fund_close),
            payback_within_horizon_share: share(self.paid_back),
            org_npv_non_negative_share: share(self.org_non_negative),
            society_npv_non_negative_share: share(self.society_non_negative),
            fund_never_negative_share: share(self.fund_never_negative),
            payback_by_share: self.by_year.map(|_| share(self.paid_back_by)),
            outcome_contracts: contracts,
        })
    }
}

/// Work of a synchronous run, as [`MAX_WORK`] counts it: the draws in
/// doubles, `draws × years × (interventions with ranges + 1)`, plus the
/// draws simulated exactly (at most one per percentile reported,
/// `6 × years + 9`, and no more than the draws), each weighed as
/// `4 × years × interventions × (actors + 1)`. Nothing without ranges: every
/// draw is then the scenario.
pub fn work(scenario: &Scenario, draws: u32) -> u64 {
    let ranged = scenario.interventions.iter().filter(|iv| iv.is_ranged());
    let ranged = ranged.count() as u64;
    if ranged == 0 {
        return 0;
    }
    let years = u64::from(scenario.horizon_years);
    let simulation = 4 * years * scenario.interventions.len() as u64 * (scenario.actors.len() as u64 + 1);
    if !scenario.outcome_contracts.is_empty() {
        // With outcome contracts every draw is simulated exactly.
        return u64::from(draws) * simulation;
    }
    let exact = u64::from(draws).min(6 * years + 9);
    u64::from(draws) * years * (ranged + 1) + exact * simulation
}

/// Runs `draws` seeded draws of a valid scenario at once.
pub fn monte_carlo(scenario: &Scenario, seed: u64, draws: u32) -> Result<Uncertainty, ScenarioError> {
    monte_carlo_by(scenario, seed, draws, None)
}

/// [`monte_carlo`] with `payback_by_share` counted against `by_year`.
/// Refused naming `draws` beyond [`MAX_WORK`] (use a [`MonteCarloRun`] in slices).
pub fn monte_carlo_by(
    scenario: &Scenario,
    seed: u64,
    draws: u32,
    by_year: Option<i32>,
) -> Result<Uncertainty, ScenarioError> {
    let run = MonteCarloRun::new(scenario, seed, draws, by_year)?;
    let work = work(scenario, draws);
    if work > MAX_WORK {
        return Err(too_much_work(work));
    }
    run.finish()
}

/// The contract's `monteCarlo(scenarioJson, seed, draws, byYear?)`, its
/// arguments already checked for type (see `crate::api`).
pub fn monte_carlo_json(
    scenario_json: &str,
    seed: u64,
    draws: u32,
    by_year: Option<i32>,
) -> Result<String, ScenarioError> {
    let scenario = Scenario::from_json(scenario_json)?;
    Ok(monte_carlo_by(&scenario, seed, draws, by_year)?.to_json())
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
    fn quickselect_finds_the_kth_smallest() {
        let mut rng = SplitMix64::new(3);
        for n in [1usize, 2, 3, 10, 101] {
            // Many ties (values 0..7) and distinct values alike.
            for modulus in [7u64, u64::MAX] {
                let values: Vec<f64> = (0..n).map(|_| (rng.next_u64() % modulus) as f64).collect();
                let mut sorted = values.clone();
                insertion_sort(&mut sorted);
                for (k, want) in sorted.iter().enumerate() {
                    assert_eq!(select(&mut values.clone(), k), *want, "n {n}, k {k}");
                }
            }
        }
    }

    #[test]
    fn nearest_rank_percentiles() {
        // 20 values 1..=20: rank ⌈0.05 × 20⌉ = 1 → 1; ⌈0.5 × 20⌉ = 10 → 10; ⌈0.95 × 20⌉ = 19 → 19.
        let values: Vec<Decimal> = (1..=20).map(Decimal::from).collect();
        assert_eq!(percentile(&values, 5), Decimal::from(1));
        assert_eq!(percentile(&values, 50), Decimal::from(10));
        assert_eq!(percentile(&values, 95), Decimal::from(19));
        // One value: every rank is it.
        assert_eq!(percentile(&values[..1], 95), Decimal::from(1));
        assert_eq!(percentile(&[], 50), Decimal::ZERO);
    }

    #[test]
    fn draws_round_to_ten_decimals_half_to_even_from_the_exact_double() {
        assert_eq!(round_ten_decimals(0.0), Some(0));
        assert_eq!(round_ten_decimals(1.0), Some(10_000_000_000));
        assert_eq!(round_ten_decimals(0.25), Some(2_500_000_000));
        // 2^-11 × 10^10 = 4 882 812.5 exactly: half to even gives 4 882 812;
        // 3 × 2^-11 × 10^10 = 14 648 437.5 gives 14 648 438.
        assert_eq!(round_ten_decimals(2f64.powi(-11)), Some(4_882_812));
        assert_eq!(round_ten_decimals(3.0 * 2f64.powi(-11)), Some(14_648_438));
        // 0.1 is a little above one tenth as a double: 1 000 000 000 (the excess is far below 10^-10).
        assert_eq!(round_ten_decimals(0.1), Some(1_000_000_000));
        assert_eq!(round_ten_decimals(-1.0), None);
        assert_eq!(round_ten_decimals(f64::NAN), None);
        // The same as rust_decimal's conversion rounded to 10 decimals, on many draws.
        let mut rng = SplitMix64::new(99);
        for _ in 0..100_000 {
            let x = rng.next_unit() * 1.5;
            let decimal = Decimal::from_f64(x).map(|d| d.round_dp(10)).unwrap();
            assert_eq!(Decimal::try_from_i128_with_scale(round_ten_decimals(x).unwrap(), 10).unwrap(), decimal, "{x}");
        }
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
