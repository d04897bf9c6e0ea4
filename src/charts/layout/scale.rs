//! Scales and ticks: how amounts and years become positions.
//!
//! Money stays a [`Decimal`] up to the last step: tick values are exact
//! multiples of a "nice" step (1, 2 or 5 × 10ⁿ in the shown unit) and their
//! labels go through [`crate::words::format::number`]; only positions are `f64`,
//! converted with [`to_f64_lossy`]. Nothing here panics or divides by zero,
//! whatever the data: an empty or flat domain maps to the middle of the range.

use rust_decimal::Decimal;

use super::text::text_width;
use crate::words::format::{number, to_f64_lossy, Unit};
use crate::words::Lang;

/// A linear map from a domain (currency amounts) to a pixel range.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    d0: f64,
    d1: f64,
    r0: f64,
    r1: f64,
}

impl Scale {
    /// Maps `d0 → r0` and `d1 → r1`; the range may run backwards (y grows downwards).
    pub fn new(d0: f64, d1: f64, r0: f64, r1: f64) -> Scale {
        Scale { d0, d1, r0, r1 }
    }

    /// The scale of a tick set: its lowest tick to `r0`, its highest to `r1`.
    pub fn for_ticks(ticks: &Ticks, r0: f64, r1: f64) -> Scale {
        Scale::new(to_f64_lossy(ticks.lo()), to_f64_lossy(ticks.hi()), r0, r1)
    }

    /// The pixel of a value. A flat or non-finite domain gives the middle of the range.
    pub fn map(&self, value: f64) -> f64 {
        let span = self.d1 - self.d0;
        let mid = (self.r0 + self.r1) / 2.0;
        if !span.is_finite() || span.abs() < f64::MIN_POSITIVE || !value.is_finite() {
            return if mid.is_finite() { mid } else { 0.0 };
        }
        let out = self.r0 + (value - self.d0) / span * (self.r1 - self.r0);
        if out.is_finite() {
            out
        } else {
            mid
        }
    }

    /// The pixel of an amount.
    pub fn money(&self, value: Decimal) -> f64 {
        self.map(to_f64_lossy(value))
    }

    /// The pixel length of an amount measured from zero (always ≥ 0).
    pub fn length(&self, value: Decimal) -> f64 {
        (self.money(value) - self.map(0.0)).abs()
    }
}

/// Equal bands side by side, one per year (or per category), between `x0` and `x1`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bands {
    x0: f64,
    step: f64,
    padding: f64,
}

impl Bands {
    /// `n` bands over `x0..x1`; `padding` (0..1) is the share of each band left empty.
    /// With `n = 0` there is no band, and positions fall back to the start.
    pub fn new(n: usize, x0: f64, x1: f64, padding: f64) -> Bands {
        let step = if n == 0 { 0.0 } else { ((x1 - x0) / n as f64).max(0.0) };
        Bands { x0, step, padding: padding.clamp(0.0, 0.95) }
    }

    /// Width of one band including its padding.
    pub fn step(&self) -> f64 {
        self.step
    }

    /// Width of what is drawn in a band.
    pub fn width(&self) -> f64 {
        self.step * (1.0 - self.padding)
    }

    /// Left edge of what is drawn in band `i`.
    pub fn start(&self, i: usize) -> f64 {
        self.x0 + self.step * i as f64 + self.step * self.padding / 2.0
    }

    /// Centre of band `i`.
    pub fn center(&self, i: usize) -> f64 {
        self.x0 + self.step * (i as f64 + 0.5)
    }

    /// The boundary between band `i − 1` and band `i`.
    pub fn boundary(&self, i: usize) -> f64 {
        self.x0 + self.step * i as f64
    }
}

/// Show every `k`-th of a row of labels so that none overlap: the smallest
/// `k ≥ 1` with `k × band ≥ label width + gap`.
pub fn label_every(band: f64, label_width: f64, gap: f64) -> usize {
    if band.is_nan() || band <= 0.0 || !label_width.is_finite() {
        return 1;
    }
    let k = ((label_width + gap) / band).ceil();
    if k.is_finite() && k >= 1.0 {
        (k as usize).min(1_000)
    } else {
        1
    }
}

/// Tick marks of a money axis, as exact amounts with their labels in the shown unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Ticks {
    /// Tick values in currency units, ascending; always at least two, always containing 0.
    pub values: Vec<Decimal>,
    /// Each tick's label in the shown unit, without the unit's name.
    pub labels: Vec<String>,
}

impl Ticks {
    /// The lowest tick (the domain's start).
    pub fn lo(&self) -> Decimal {
        self.values.first().copied().unwrap_or(Decimal::ZERO)
    }

    /// The highest tick (the domain's end).
    pub fn hi(&self) -> Decimal {
        self.values.last().copied().unwrap_or(Decimal::ONE)
    }

    /// Estimated width of the widest label.
    pub fn label_width(&self, font_size: f64) -> f64 {
        self.labels.iter().map(|l| text_width(l, font_size)).fold(0.0, f64::max)
    }
}

/// A "nice" step close to `raw`: 1, 2 or 5 × 10ⁿ, as (mantissa, n), with `n ≥ min_exp`.
pub fn nice_step(raw: f64, min_exp: i32) -> (i64, i32) {
    if raw.is_nan() || raw <= 0.0 || !raw.is_finite() {
        return (1, min_exp);
    }
    let mut exp = raw.log10().floor() as i32;
    let fraction = raw / 10f64.powi(exp);
    let mantissa = if fraction <= 1.0 + 1e-9 {
        1
    } else if fraction <= 2.0 + 1e-9 {
        2
    } else if fraction <= 5.0 + 1e-9 {
        5
    } else {
        exp += 1;
        1
    };
    if exp < min_exp {
        (1, min_exp)
    } else {
        (mantissa, exp)
    }
}

/// `mantissa × 10^exp` as an exact decimal, if it fits.
fn decimal_step(mantissa: i64, exp: i32) -> Option<Decimal> {
    if exp >= 0 {
        let mut v = Decimal::from(mantissa);
        for _ in 0..exp {
            v = v.checked_mul(Decimal::TEN)?;
        }
        Some(v)
    } else {
        let scale = u32::try_from(-exp).ok()?;
        Decimal::try_new(mantissa, scale).ok()
    }
}

/// Ticks for amounts between `lo` and `hi` (currency units), about `target`
/// intervals, labelled in `unit`. The domain is widened to contain zero (bars
/// start at zero) and to whole steps; the step is never finer than the unit's
/// last shown decimal (1 tkr, 0.1 mnkr), so two ticks never share a label.
pub fn nice_ticks(lo: Decimal, hi: Decimal, unit: Unit, lang: Lang, target: usize) -> Ticks {
    let lo = lo.min(Decimal::ZERO);
    let hi = hi.max(Decimal::ZERO);
    let divisor = to_f64_lossy(unit.divisor());
    let lo_u = to_f64_lossy(lo) / divisor;
    let mut hi_u = to_f64_lossy(hi) / divisor;
    let min_exp = -(unit.decimals() as i32);
    if (hi_u - lo_u).is_nan() || hi_u - lo_u <= 0.0 {
        // All zeros: show 0 and one smallest step above it.
        hi_u = 10f64.powi(min_exp);
    }
    let target = target.max(1) as f64;
    let (mantissa, exp) = nice_step((hi_u - lo_u) / target, min_exp);
    let step_u = mantissa as f64 * 10f64.powi(exp);
    // A hair of tolerance so that 1000 / 200 = 4.999999 still counts as 5 steps.
    let k_lo = (lo_u / step_u + 1e-9).floor();
    let k_hi = (hi_u / step_u - 1e-9).ceil();
    let decimals = u32::try_from(-exp).unwrap_or(0);
    let exact = || -> Option<Ticks> {
        if !(k_lo.is_finite() && k_hi.is_finite()) || k_hi - k_lo > 200.0 {
            return None;
        }
        let step = decimal_step(mantissa, exp)?;
        let (k_lo, k_hi) = (k_lo as i64, (k_hi as i64).max(k_lo as i64 + 1));
        let mut values = Vec::new();
        let mut labels = Vec::new();
        for k in k_lo..=k_hi {
            let in_unit = Decimal::from(k).checked_mul(step)?;
            values.push(in_unit.checked_mul(unit.divisor())?);
            labels.push(number(in_unit, decimals, lang));
        }
        Some(Ticks { values, labels })
    };
    exact().unwrap_or_else(|| {
        // Amounts near Decimal's limits: the data's own bounds, still exact.
        let hi = if hi == lo { lo + Decimal::ONE } else { hi };
        let label = |v: Decimal| number(v.checked_div(unit.divisor()).unwrap_or(v), unit.decimals(), lang);
        let mut values = vec![lo];
        if lo < Decimal::ZERO && hi > Decimal::ZERO {
            values.push(Decimal::ZERO);
        }
        values.push(hi);
        let labels = values.iter().map(|v| label(*v)).collect();
        Ticks { values, labels }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn nice_step_rounds_up_to_one_two_or_five() {
        // 1 234 / 5 = 246.8 → 10² × 2.468 → next nice mantissa 5 → 500.
        assert_eq!(nice_step(246.8, 0), (5, 2));
        // 0.15 → 10⁻¹ × 1.5 → 2 → 0.2.
        assert_eq!(nice_step(0.15, -3), (2, -1));
        // 7 → 10⁰ × 7 → above 5, so 1 × 10¹.
        assert_eq!(nice_step(7.0, 0), (1, 1));
        // Finer than the unit allows (0.003 tkr, min 10⁰) → 1 tkr.
        assert_eq!(nice_step(0.003, 0), (1, 0));
        // Nonsense in, the smallest step out.
        assert_eq!(nice_step(f64::NAN, 0), (1, 0));
        assert_eq!(nice_step(0.0, -1), (1, -1));
    }

    #[test]
    fn ticks_in_thousands_cover_the_data_and_zero() {
        // −3 000 000 .. 10 000 000 kr = −3 000 .. 10 000 tkr, span 13 000,
        // target 5 → raw 2 600 → step 5 000 tkr; floor(−3 000/5 000) = −1,
        // ceil(10 000/5 000) = 2 → −5 000, 0, 5 000, 10 000 tkr.
        let t = nice_ticks(d("-3000000"), d("10000000"), Unit::Thousand, Lang::En, 5);
        assert_eq!(t.values, vec![d("-5000000"), d("0"), d("5000000"), d("10000000")]);
        assert_eq!(t.labels, vec!["-5,000", "0", "5,000", "10,000"]);
    }

    #[test]
    fn ticks_in_millions_may_show_one_decimal() {
        // 0 .. 1 250 000 kr = 0 .. 1.25 mnkr, target 4 → raw 0.3125 → 10⁻¹ × 3.125 → 5 → 0.5;
        // ceil(1.25 / 0.5) = 3 → 0, 0.5, 1.0, 1.5 mnkr, labelled with one decimal comma.
        let t = nice_ticks(d("0"), d("1250000"), Unit::Million, Lang::Sv, 4);
        assert_eq!(t.values, vec![d("0"), d("500000"), d("1000000"), d("1500000")]);
        assert_eq!(t.labels, vec!["0,0", "0,5", "1,0", "1,5"]);
        // Whole-million steps drop the decimal: 0 .. 9 mnkr, target 4 → raw 2.25 → 5 → 0, 5, 10.
        let t = nice_ticks(d("0"), d("9000000"), Unit::Million, Lang::Sv, 4);
        assert_eq!(t.labels, vec!["0", "5", "10"]);
    }

    #[test]
    fn ticks_never_split_below_the_shown_unit() {
        // 0 .. 2 000 kr in tkr = 0 .. 2, target 5 → raw 0.4 → but at least 1 tkr → 0, 1, 2.
        let t = nice_ticks(d("0"), d("2000"), Unit::Thousand, Lang::Sv, 5);
        assert_eq!(t.labels, vec!["0", "1", "2"]);
    }

    #[test]
    fn flat_and_extreme_domains_do_not_panic() {
        // All zeros: 0 and one smallest step (1 kr).
        let t = nice_ticks(Decimal::ZERO, Decimal::ZERO, Unit::One, Lang::Sv, 5);
        assert_eq!(t.values, vec![d("0"), d("1")]);
        // Decimal's largest values: either nice ticks or the data's bounds, never a panic.
        let t = nice_ticks(Decimal::MIN, Decimal::MAX, Unit::Thousand, Lang::Sv, 5);
        assert!(t.values.len() >= 2);
        assert!(t.lo() <= Decimal::ZERO && t.hi() >= Decimal::ZERO);
        let t = nice_ticks(Decimal::MAX, Decimal::MAX, Unit::One, Lang::En, 0);
        assert!(t.values.len() >= 2);
    }

    #[test]
    fn scale_maps_linearly_and_survives_flat_domains() {
        // Domain 0..10 000 onto y 300..100 (upwards): 2 500 is a quarter of the way,
        // 300 − 0.25 × 200 = 250.
        let s = Scale::new(0.0, 10_000.0, 300.0, 100.0);
        assert_eq!(s.map(2_500.0), 250.0);
        assert_eq!(s.money(d("10000")), 100.0);
        // A length from zero: 5 000 is half of 200 px.
        assert_eq!(s.length(d("-5000")), 100.0);
        // Flat domain: the middle of the range, (300 + 100) / 2.
        assert_eq!(Scale::new(5.0, 5.0, 300.0, 100.0).map(5.0), 200.0);
        assert_eq!(s.map(f64::NAN), 200.0);
    }

    #[test]
    fn bands_split_the_width_evenly() {
        // 4 bands over 100..500: step 100, padding 0.2 → drawn width 80, starting 10 in.
        let b = Bands::new(4, 100.0, 500.0, 0.2);
        assert_eq!(b.step(), 100.0);
        assert_eq!(b.width(), 80.0);
        assert_eq!(b.start(0), 110.0);
        assert_eq!(b.center(3), 450.0);
        assert_eq!(b.boundary(2), 300.0);
        // No bands: no division by zero.
        let none = Bands::new(0, 0.0, 100.0, 0.2);
        assert_eq!(none.width(), 0.0);
    }

    #[test]
    fn labels_are_thinned_to_fit() {
        // Labels 30 wide + 6 gap in 20-wide bands → ceil(36 / 20) = 2: every other year.
        assert_eq!(label_every(20.0, 30.0, 6.0), 2);
        assert_eq!(label_every(50.0, 30.0, 6.0), 1);
        assert_eq!(label_every(0.0, 30.0, 6.0), 1);
    }
}
