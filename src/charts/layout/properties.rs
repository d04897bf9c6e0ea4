//! Laws every chart layout keeps, on the presets at every width and on
//! generated scenarios and outcomes (proptest, with the generators of
//! `tests/properties.rs`: `tests/generate/`).
//!
//! - Whatever the outcome, even at Decimal's limits: no layout panics, every
//!   coordinate is a number, items are in reading order, each with a tooltip.
//! - For the presets and for generated valid scenarios (the figures a budget
//!   could hold): everything drawn lies inside the viewBox, tooltips too, and
//!   no two labels on an axis overlap.
//! - The fund's bars of a year add up to its money in; an actor-year column's
//!   segments add up to its positive and negative totals; a legend entry per
//!   actor; the flow's bands add up to their nodes at both ends.

use proptest::prelude::*;
use rust_decimal::Decimal;

use super::checks::{check_any, check_readable, outcome_of, scenario_of, valid_scenario};
use super::{actor_years, flow, fund, plus, total, who_pays, Canvas, ChartInput};
use crate::model::{self as model, simulate, Outcome, Scenario};

use crate::words::format::{to_f64_lossy, Unit};
use crate::words::Lang;
use strategies::{dec, fraction, intervention, money, rule};

#[path = "../../../tests/generate/strategies.rs"]
mod strategies;

/// Lays out the four charts and checks the laws of any outcome, and the
/// readable ones when `readable`.
fn check(
    scenario: &Scenario,
    outcome: &Outcome,
    width: f64,
    lang: Lang,
    unit: Unit,
    readable: bool,
) -> Result<(), String> {
    let input = ChartInput { scenario, outcome, lang, unit };
    let canvas = Canvas::new(width);
    let charts = (
        fund::layout(&input, &canvas),
        who_pays::layout(&input, &canvas),
        flow::layout(&input, &canvas),
        actor_years::layout(&input, &canvas),
    );
    check_any(&charts.0, &charts.1, &charts.2, &charts.3)?;
    if readable {
        // At Decimal's limits sums saturate: only figures a budget could hold add up.
        check_readable(&charts.0, &charts.1, &charts.2, &charts.3)?;
        check_sums(&input, &canvas)?;
    }
    Ok(())
}

/// Each who-pays row and flow node opens an explanation (`explain::trace`, from
/// the same outcome) whose result is the figure the item shows: a row's net (the
/// fund's: what is left), a node's amount. A node whose amount is two figures has none.
fn check_explained(input: &ChartInput, canvas: &Canvas) -> Result<(), String> {
    let explained = |key: &str| {
        let figure = crate::explain::Figure::parse(key, input.scenario, input.outcome)?;
        crate::explain::trace(input.scenario, input.outcome, figure)?.result.decimal()
    };
    if let Some(chart) = who_pays::layout(input, canvas).drawn() {
        for (item, row) in chart.rows.iter().zip(who_pays::rows(input)) {
            let key = item.shapes.explain.as_deref().ok_or(format!("who pays: {} has no explanation", row.name))?;
            if explained(key) != Some(row.net) {
                return Err(format!("who pays: {key} explains {:?}, the row shows {}", explained(key), row.net));
            }
        }
    }
    if let Some(chart) = flow::layout(input, canvas).drawn() {
        let (payers, gainers) = flow::columns(input);
        for (item, node) in chart.nodes.iter().zip(payers.iter().chain(&gainers)) {
            let Some(key) = item.shapes.explain.as_deref() else {
                if !node.id.is_empty() {
                    let a = input.outcome.actors.iter().find(|a| a.id == node.id).ok_or("flow: no actor")?;
                    if a.cost_borne >= Decimal::ZERO && a.savings_total >= Decimal::ZERO {
                        return Err(format!("flow: {} has no explanation", node.name));
                    }
                }
                continue;
            };
            if explained(key) != Some(node.amount) {
                return Err(format!("flow: {key} explains {:?}, the node shows {}", explained(key), node.amount));
            }
        }
    }
    Ok(())
}

/// Bars and segments add up, in pixels, to what they stand for.
fn check_sums(input: &ChartInput, canvas: &Canvas) -> Result<(), String> {
    // The flow's "paid in total" is the interventions' cost, what the fund kept, money
    // back and costs that rise (flow::total_line), summed independently of the columns.
    let (payers, _) = flow::columns(input);
    let paid = total(payers.iter().map(|n| n.amount));
    let actors = &input.outcome.actors;
    let fund_cost = total(actors.iter().flat_map(|a| &a.rows).map(|r| r.fund_cost));
    let (repaid, granted) =
        (total(input.outcome.fund.iter().map(|f| f.repayments)), total(input.outcome.fund.iter().map(|f| f.grants)));
    let kept = (fund_cost + repaid - granted).max(Decimal::ZERO);
    let back = total(actors.iter().map(|a| (-a.cost_borne).max(Decimal::ZERO)));
    let rising = total(actors.iter().map(|a| (-a.savings_total).max(Decimal::ZERO)));
    // Under outcome contracts the investor pays the work and the payers its outcome payments.
    let contracts = &input.outcome.outcome_contracts;
    let contracted = total(contracts.iter().map(|c| c.payments_total - c.invested));
    let parts = input.outcome.key_figures.total_cost + contracted + kept + back + rising;
    if (paid - parts).abs() > Decimal::new(1, 9) {
        return Err(format!("flow: paid {paid}, parts {parts}"));
    }
    check_explained(input, canvas)?;
    let close = |a: f64, b: f64| (a - b).abs() <= 1e-6 * (1.0 + a.abs().max(b.abs()));
    if let Some(chart) = fund::layout(input, canvas).drawn() {
        for (item, f) in chart.years.iter().zip(&input.outcome.fund) {
            let bars = &item.shapes;
            let money_in = chart.plot.y.length(plus(f.allocation, f.repayments));
            if f.allocation >= Decimal::ZERO && f.repayments >= Decimal::ZERO {
                let stacked = bars.allocation.height + bars.repayments.height;
                if !close(stacked, money_in) {
                    return Err(format!("fund {}: bars {stacked} for money in {money_in}", f.year));
                }
            }
        }
    }
    if let Some(chart) = actor_years::layout(input, canvas).drawn() {
        let years: Vec<i32> = chart.years.iter().filter_map(|i| i.year).collect();
        let series = actor_years::series(input, &years);
        for (i, year) in years.iter().enumerate() {
            let x = chart.plot.bands.start(i);
            let heights: f64 = chart.nets.iter().flat_map(|n| &n.rects).filter(|r| r.x == x).map(|r| r.height).sum();
            let (_, lo, hi) = actor_years::stack_year(&series, i);
            let up = total(series.iter().map(|s| s.net[i].max(Decimal::ZERO)));
            let down = total(series.iter().map(|s| s.net[i].min(Decimal::ZERO)));
            if (up, down) != (hi, lo) {
                return Err(format!("actor years {year}: stacked to {lo}..{hi}, nets sum to {down}..{up}"));
            }
            let extent = (chart.plot.y.money(hi) - chart.plot.y.money(lo)).abs();
            if !close(heights, extent) {
                return Err(format!("actor years {year}: segments {heights} high for a column of {extent}"));
            }
        }
        let entries = chart.plot.legend.entries.len() - usize::from(!chart.boundaries.is_empty());
        if entries != series.len() {
            return Err(format!("actor years: {entries} legend entries for {} actors", series.len()));
        }
    }
    if let Some(chart) = flow::layout(input, canvas).drawn() {
        for (k, node) in chart.nodes.iter().enumerate() {
            let (payer, index) = if k < chart.payers { (true, k) } else { (false, k - chart.payers) };
            let bands = chart.links.iter().flat_map(|l| l.bands.iter().map(move |b| (l, b)));
            let ends: f64 = if payer {
                bands.filter(|(l, _)| l.payer == index).map(|(_, b)| b.from_bottom - b.from_top).sum()
            } else {
                bands.filter(|(l, _)| l.gainer.is_none_or(|g| g == index)).map(|(_, b)| b.to_bottom - b.to_top).sum()
            };
            // Merged shapes hold every gainer's end: only a payer's side is its own then.
            let merged = chart.links.iter().any(|l| l.gainer.is_none());
            if (payer || !merged) && !close(ends, node.shapes.bar.height) && node.shapes.bar.height > 1.5 {
                return Err(format!("flow: {:?} is {} high, its bands {ends}", node.label, node.shapes.bar.height));
            }
        }
    }
    Ok(())
}

#[test]
fn the_presets_lay_out_readably_at_every_width() {
    for preset in crate::presets::all() {
        let outcome = simulate(&preset.scenario).expect("a preset simulates");
        for width in (340..=1000).step_by(15) {
            for lang in [Lang::Sv, Lang::En] {
                for unit in Unit::ALL {
                    if let Err(e) = check(&preset.scenario, &outcome, width as f64, lang, unit, true) {
                        panic!("{} at {width} ({lang:?}, {unit:?}): {e}", preset.id);
                    }
                }
            }
        }
    }
}

// ---------------------------------------------------------------- generators

/// Names as administrations write them: short, long compounds, several words, markup characters.
fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Staten".to_string()),
        Just("Socialförvaltningen".to_string()),
        Just("Utbildnings- och arbetslivsförvaltningen".to_string()),
        Just("Hälso- och sjukvårdsnämnden i Region Gotland".to_string()),
        Just("Vård & omsorg <AB>".to_string()),
        Just("   ".to_string()),
        "[A-Za-zÅÄÖåäö ]{1,30}",
    ]
}

/// Any valid scenario of up to 12 actors, 4 interventions and 30 years.
fn scenario() -> impl Strategy<Value = Scenario> {
    (1usize..=12).prop_flat_map(|actors| {
        (
            (
                1u32..=30,
                fraction(),
                proptest::collection::vec((any::<bool>(), name()), actors),
                0..actors,
                any::<bool>(),
            ),
            (money(100_000_000), proptest::collection::vec(money(1_000_000_000), 0..25), proptest::option::of(rule())),
            (0usize..=4).prop_flat_map(move |n| (0..n).map(|i| intervention(actors, i)).collect::<Vec<_>>()),
            2000i32..2100,
        )
            .prop_map(
                move |(
                    (horizon_years, discount_rate, actors, financer, earmarked),
                    (capital, allocations, default),
                    interventions,
                    start_year,
                )| {
                    let fund = (financer, earmarked, capital, allocations);
                    valid_scenario((start_year, horizon_years, discount_rate), actors, fund, default, interventions)
                },
            )
    })
}

/// Any amount, from none to Decimal's limits.
fn amount() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        4 => (-1_000_000_000_000i64..1_000_000_000_000, 0u32..4).prop_map(|(units, scale)| dec(units, scale)),
        1 => Just(Decimal::ZERO),
        1 => Just(Decimal::MAX),
        1 => Just(Decimal::MIN),
        1 => any::<i64>().prop_map(Decimal::from),
    ]
}

/// Any outcome, consistent or not: up to 60 years and 40 actors, some of them unknown to the scenario.
fn raw_outcome() -> impl Strategy<Value = (Scenario, Outcome)> {
    (0usize..=60, 0usize..=40, 0usize..=10).prop_flat_map(|(years, actors, named)| {
        (
            proptest::collection::vec((amount(), amount(), amount(), amount(), amount()), years),
            proptest::collection::vec(
                (amount(), amount(), amount(), proptest::collection::vec(amount(), years)),
                actors,
            ),
            proptest::collection::vec((any::<bool>(), name()), named),
            1900i32..2200,
        )
            .prop_map(move |(fund, actors, named, start)| {
                let ys: Vec<i32> = (0..years as i32).map(|y| start + y).collect();
                let scenario = scenario_of(start, years as u32, named);
                let fund = fund
                    .into_iter()
                    .map(|(open, allocation, grants, repayments, close)| [open, allocation, grants, repayments, close]);
                let zero = Decimal::ZERO;
                let actors = actors.into_iter().map(|(cost_borne, savings_total, net_total, nets)| {
                    (nets.into_iter().map(|net| (zero, zero, net)).collect(), [cost_borne, savings_total, net_total])
                });
                let outcome = outcome_of(ys, fund.collect(), actors.collect());
                (scenario, outcome)
            })
    })
}

fn lang() -> impl Strategy<Value = Lang> {
    prop_oneof![Just(Lang::Sv), Just(Lang::En)]
}

fn unit() -> impl Strategy<Value = Unit> {
    prop_oneof![Just(Unit::One), Just(Unit::Thousand), Just(Unit::Million)]
}

/// Any width a chart could be measured at, nonsense included.
fn width() -> impl Strategy<Value = f64> {
    prop_oneof![
        8 => 0.0f64..2500.0,
        1 => Just(f64::NAN),
        1 => Just(f64::INFINITY),
        1 => Just(-1.0),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Generated valid scenarios: the laws of any outcome and the readable ones.
    #[test]
    fn every_valid_scenario_lays_out_inside_the_chart(s in scenario(), w in width(), lang in lang(), unit in unit()) {
        let outcome = simulate(&s).map_err(|e| TestCaseError::fail(format!("refused: {e}")))?;
        let result = check(&s, &outcome, w, lang, unit, true);
        prop_assert!(result.is_ok(), "{}", result.unwrap_err());
    }

    /// Any outcome at all, up to Decimal's limits: no panic, no NaN, reading order, tooltips.
    #[test]
    fn any_outcome_lays_out_without_panic_or_nan((s, o) in raw_outcome(), w in width(), lang in lang(), unit in unit()) {
        let result = check(&s, &o, w, lang, unit, false);
        prop_assert!(result.is_ok(), "{}", result.unwrap_err());
    }

    /// The pixels of the flow's nodes are proportional to their amounts, on one scale for both columns.
    #[test]
    fn flow_nodes_share_one_scale(s in scenario(), w in width()) {
        let outcome = simulate(&s).map_err(|e| TestCaseError::fail(format!("refused: {e}")))?;
        let input = ChartInput { scenario: &s, outcome: &outcome, lang: Lang::Sv, unit: Unit::Thousand };
        let chart = flow::layout(&input, &Canvas::new(w));
        if let Some(f) = chart.drawn() {
            let (payers, gainers) = flow::columns(&input);
            let amounts: Vec<Decimal> = payers.iter().chain(&gainers).map(|n| n.amount).collect();
            let biggest = to_f64_lossy(total(payers.iter().map(|n| n.amount)).max(total(gainers.iter().map(|n| n.amount))));
            let plot_h = if Canvas::new(w).compact() { 280.0 } else { 330.0 };
            for (node, amount) in f.nodes.iter().zip(amounts) {
                let expected = (plot_h * to_f64_lossy(amount) / biggest).max(1.5);
                prop_assert!((node.shapes.bar.height - expected).abs() < 1e-6 * plot_h, "{}: {} for {expected}", node.label, node.shapes.bar.height);
            }
        }
    }
}
