//! The decision figures drawn: the tornado of the sensitivity, the fan charts
//! of the Monte Carlo run and the per-intervention break-even table, as
//! markup text from the contract's JSON (`model.md`, "Uncertainty" and
//! "Decision figures"). Yew-free: written by the on-demand module, tested
//! natively. Each part is a pure layout (positions and texts as data) and a
//! writer that turns it into escaped markup.
//!
//! The chart frame (`ui::view::charts::layout`) lives in the `app` feature,
//! which the on-demand module does not compile; the little these charts need
//! of it (a width clamp, nice ticks) is written here for the three charts.

use rust_decimal::Decimal;
use serde::Deserialize;

use crate::model::{Outcome, Scenario};
use crate::words::format::Unit;
use crate::words::Lang;

pub mod break_even_table;
pub mod fan;
pub mod tornado;

/// Narrowest and widest layouts, in viewBox units (as the other charts).
pub const MIN_WIDTH: f64 = 340.0;
pub const MAX_WIDTH: f64 = 1000.0;
/// Below this a layout is compact (labels above the bars, fewer ticks).
pub const COMPACT_BELOW: f64 = 560.0;
/// Average width of a character, as a share of the font size (as the other charts).
pub const CHAR_WIDTH: f64 = 0.58;

/// The width a chart is laid out at, clamped; 800 if not a number.
pub fn clamp_width(width: f64) -> f64 {
    if width.is_finite() {
        width.clamp(MIN_WIDTH, MAX_WIDTH)
    } else {
        800.0
    }
}

/// The sensitivity JSON (the fields the tornado draws).
#[derive(Debug, Clone, Deserialize)]
pub struct SensitivityJson {
    pub base: BaseJson,
    pub items: Vec<SensitivityItemJson>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct BaseJson {
    pub org_npv: Decimal,
    pub society_npv: Decimal,
}

#[derive(Debug, Clone, Deserialize)]
pub struct SensitivityItemJson {
    pub intervention: String,
    pub parameter: String,
    pub low: Decimal,
    pub high: Decimal,
    pub org_npv_low: Decimal,
    pub org_npv_high: Decimal,
    pub society_npv_low: Decimal,
    pub society_npv_high: Decimal,
}

/// The Monte Carlo JSON (the per-year percentiles the fans draw).
#[derive(Debug, Clone, Deserialize)]
pub struct MonteCarloJson {
    pub draws: u64,
    pub cumulative_org_net: Vec<YearPercentilesJson>,
    pub fund_close: Vec<YearPercentilesJson>,
}

#[derive(Debug, Clone, Copy, Deserialize)]
pub struct YearPercentilesJson {
    pub year: i32,
    pub p5: Decimal,
    pub p50: Decimal,
    pub p95: Decimal,
}

/// The break-even JSON (the per-intervention part the table shows).
#[derive(Debug, Clone, Deserialize)]
pub struct BreakEvenJson {
    pub interventions: Vec<InterventionBreakEvenJson>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct InterventionBreakEvenJson {
    pub id: String,
    pub success_rate_for_org_npv: Option<Decimal>,
}

/// An intervention's name, or its id when it has none (or a blank one).
pub fn intervention_name(s: &Scenario, id: &str) -> String {
    s.interventions
        .iter()
        .find(|i| i.id == id)
        .map(|i| i.name.clone())
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| id.to_string())
}

/// What the decision view shows, given whatever figures are ready.
pub struct DecisionInput<'a> {
    pub scenario: &'a Scenario,
    pub outcome: &'a Outcome,
    pub monte_carlo: Option<&'a str>,
    pub break_even: Option<&'a str>,
    pub sensitivity: Option<&'a str>,
    pub lang: Lang,
    pub unit: Unit,
    pub width: f64,
    /// The tornado of society's present value instead of the organisation's
    /// (with `switch`: which of the two is chosen at first).
    pub society: bool,
    /// Both tornados and the switch between them (radio buttons; CSS shows
    /// the chosen one): the app's page. Without, the one tornado (print).
    pub switch: bool,
}

/// The decision view's markup: the tornado, the two fans and the break-even
/// table, each only when its figures are given; a figure whose JSON cannot
/// be read is replaced by a sentence saying so.
pub fn decision_charts(input: &DecisionInput) -> String {
    let mut out = String::new();
    let unreadable = || {
        format!(
            "<p class=\"decision-note\">{}</p>",
            crate::words::decision_charts::DecisionText::Unreadable.get(input.lang)
        )
    };
    if let Some(json) = input.sensitivity {
        match serde_json::from_str::<SensitivityJson>(json) {
            Ok(sens) if input.switch && !sens.items.is_empty() => {
                let (s, lang, unit, width) = (input.scenario, input.lang, input.unit, input.width);
                let org = tornado::markup(&tornado::layout(s, &sens, lang, unit, width, false));
                let society = tornado::markup(&tornado::layout(s, &sens, lang, unit, width, true));
                out.push_str(&tornado::switched(&org, &society, input.society, lang));
                // One table of both present values, not one per tornado: half the markup of a large scenario.
                out.push_str(&tornado::both_table(s, &sens, lang, unit));
            }
            Ok(sens) => out.push_str(&tornado::markup(&tornado::layout(
                input.scenario,
                &sens,
                input.lang,
                input.unit,
                input.width,
                input.society,
            ))),
            Err(_) => out.push_str(&unreadable()),
        }
    }
    if let Some(json) = input.monte_carlo {
        match serde_json::from_str::<MonteCarloJson>(json) {
            Ok(mc) => {
                for which in [fan::Which::FundClose, fan::Which::CumulativeOrgNet] {
                    let fan =
                        fan::layout(input.scenario, input.outcome, &mc, which, input.lang, input.unit, input.width);
                    out.push_str(&fan::markup(&fan));
                }
            }
            Err(_) => out.push_str(&unreadable()),
        }
    }
    if let Some(json) = input.break_even {
        match serde_json::from_str::<BreakEvenJson>(json) {
            Ok(be) => out.push_str(&break_even_table::markup(input.scenario, &be, input.lang)),
            Err(_) => out.push_str(&unreadable()),
        }
    }
    out
}

/// The printed report's decision figures: the tornado of the organisation's
/// present value and the per-intervention break-even, computed here from the
/// scenario, and the fan charts when the app passes the Monte Carlo JSON it
/// has; every table open (a closed `<details>` prints nothing). Empty when
/// the scenario cannot be analysed.
pub fn print_section(s: &Scenario, o: &Outcome, monte_carlo: Option<&str>, lang: Lang) -> String {
    let sens = crate::model::decision::sensitivity(s).map(|x| x.to_json()).ok();
    let be = crate::model::decision::break_even(s, None).map(|x| x.to_json()).ok();
    let charts = decision_charts(&DecisionInput {
        scenario: s,
        outcome: o,
        monte_carlo,
        break_even: be.as_deref(),
        sensitivity: sens.as_deref(),
        lang,
        unit: Unit::default(),
        width: 700.0,
        society: false,
        switch: false,
    });
    let mut m = crate::markup::Markup::default();
    m.open("section").attr("class", "print-report print-decision").attr("data-testid", "print-decision").end();
    m.open("h2").end().text(crate::words::decision_charts::DecisionText::PrintHeading.get(lang)).shut("h2");
    // The writers' own `<details>` (user text is escaped, so this is theirs alone).
    let mut out = m.into_string();
    out.push_str(&charts.replace("<details>", "<details open>"));
    out.push_str("</section>");
    out
}

/// Nice ticks covering `lo..=hi` with about `target` intervals: steps of
/// 1, 2 or 5 × 10^k. Returns the ticks, lowest first.
pub fn nice_ticks(lo: f64, hi: f64, target: usize) -> Vec<f64> {
    let (lo, hi) = if hi > lo { (lo, hi) } else { (lo - 1.0, lo + 1.0) };
    let raw = (hi - lo) / target.max(1) as f64;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0].iter().map(|m| m * magnitude).find(|s| *s >= raw).unwrap_or(10.0 * magnitude);
    let first = (lo / step).floor() as i64;
    let last = (hi / step).ceil() as i64;
    (first..=last).map(|k| k as f64 * step).collect()
}

/// Whether no two of these intervals (left, right) overlap.
#[cfg(test)]
pub fn disjoint(mut spans: Vec<(f64, f64)>) -> bool {
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    spans.windows(2).all(|w| w[0].1 <= w[1].0 + 1e-9)
}

#[cfg(test)]
pub mod fixtures {
    use crate::model::{simulate, Outcome, Scenario};

    /// The example preset (one intervention, `early-reading`) with a copy of
    /// its intervention as `b`, named `second_name` (to attack HTML and
    /// spreadsheets, say).
    pub fn scenario(second_name: &str) -> (Scenario, Outcome) {
        let mut s = crate::presets::example().expect("the example preset reads");
        let mut b = s.interventions[0].clone();
        b.id = "b".into();
        b.name = second_name.to_string();
        s.interventions.push(b);
        let o = simulate(&s).expect("the example simulates");
        (s, o)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
