//! What the charts' tests share: small scenarios and outcomes made by hand,
//! and the laws every layout keeps, checked on any layout (`check_*`): every
//! number finite, every shape inside the viewBox, labels on an axis apart,
//! focus order = reading order.

use rust_decimal::Decimal;

use crate::model::{self as model, ActorOutcome, ActorYear, FundYear, KeyFigures, Outcome, Scenario};

#[path = "../../../../../tests/generate/scenario.rs"]
mod generate;
pub use generate::valid_scenario;

/// A scenario of `actors` actors ("Aktör 0", …), every third one outside.
pub fn scenario(actors: usize) -> Scenario {
    scenario_of(2026, 1, (0..actors).map(|i| (i % 3 != 2, format!("Aktör {i}"))).collect())
}

/// A scenario of these actors (inside or not, and a name; ids `a0`, `a1`, …), with no interventions.
pub fn scenario_of(start_year: i32, horizon_years: u32, actors: Vec<(bool, String)>) -> Scenario {
    let fund = (0, false, Decimal::ZERO, vec![]);
    valid_scenario((start_year, horizon_years, Decimal::ZERO), actors, fund, None, vec![])
}

/// An outcome of `years` years from 2026 and `actors` actors whose figures are
/// `value(year index, k)`: the fund's open, allocation, grants, repayments and
/// close are k = 0, 0, 1, 2, 3; an actor a's savings k = a, co-financing k = a + 1.
pub fn outcome(years: usize, actors: usize, value: impl Fn(usize, usize) -> Decimal) -> Outcome {
    let ys: Vec<i32> = (0..years).map(|y| 2026 + y as i32).collect();
    let fund = (0..years).map(|i| [value(i, 0), value(i, 0).abs(), value(i, 1).abs(), value(i, 2).abs(), value(i, 3)]);
    let actors = (0..actors).map(|a| {
        let rows = (0..years).map(|i| (value(i, a), value(i, a + 1), value(i, a).saturating_sub(value(i, a + 1))));
        let totals = [value(0, a + 1), value(0, a), value(0, a).saturating_sub(value(0, a + 1))];
        (rows.collect(), totals)
    });
    outcome_of(ys, fund.collect(), actors.collect())
}

/// The outcome of these years, with the fund's [open, allocation, grants,
/// repayments, close] of each year, and each actor's rows (savings,
/// co-financing, net) and totals [cost borne, savings, net]; ids `a0`, `a1`, …;
/// everything else zero.
#[allow(clippy::type_complexity)]
pub fn outcome_of(
    years: Vec<i32>,
    fund: Vec<[Decimal; 5]>,
    actors: Vec<(Vec<(Decimal, Decimal, Decimal)>, [Decimal; 3])>,
) -> Outcome {
    let zero = Decimal::ZERO;
    Outcome {
        schema_version: 1,
        fund: fund
            .into_iter()
            .zip(&years)
            .map(|([open, allocation, grants, repayments, close], &year)| FundYear {
                year,
                open,
                allocation,
                grants,
                repayments,
                close,
            })
            .collect(),
        actors: actors
            .into_iter()
            .enumerate()
            .map(|(a, (rows, [cost_borne, savings_total, net_total]))| ActorOutcome {
                id: format!("a{a}"),
                rows: rows
                    .into_iter()
                    .zip(&years)
                    .map(|((savings, co_financing, net), &year)| ActorYear {
                        year,
                        savings,
                        co_financing,
                        repayment: zero,
                        fund_cost: zero,
                        grants_received: zero,
                        outcome_payments: None,
                        net,
                    })
                    .collect(),
                npv: zero,
                cost_borne,
                savings_total,
                net_total,
            })
            .collect(),
        interventions: vec![],
        outcome_contracts: vec![],
        org_net: vec![zero; years.len()],
        society_net: vec![zero; years.len()],
        years,
        key_figures: KeyFigures {
            total_cost: zero,
            savings_inside: zero,
            savings_outside: zero,
            org_npv: zero,
            society_npv: zero,
            payback_year: None,
            fund_first_negative_year: None,
            revolving_ratio: None,
        },
    }
}

// ---------------------------------------------------------------- the laws

use super::actor_years::ActorYearsLayout;
use super::axis::{MoneyAxis, Orientation};
use super::flow::FlowLayout;
use super::fund::FundLayout;
use super::legend::Legend;
use super::plot::YearPlot;
use super::text::{text_width, CHAR_WIDTH, NAME_CHAR_WIDTH};
use super::tip::TipBox;
use super::who_pays::WhoPaysLayout;
use super::{Anchor, Chart, Contents, Item, Line, Paragraph, PlacedText, Rect};

/// Something a chart draws, by its box, named for the messages; `text` for
/// the chart's own words (a tooltip's lie over the chart on purpose: not text here).
#[derive(Debug, Clone)]
pub struct Mark {
    pub what: String,
    pub rect: Rect,
    pub text: bool,
}

fn mark(what: impl Into<String>, rect: Rect) -> Mark {
    Mark { what: what.into(), rect, text: false }
}

fn words_mark(what: impl Into<String>, rect: Rect) -> Mark {
    Mark { what: what.into(), rect, text: true }
}

fn line_mark(what: &str, l: &Line) -> Mark {
    let rect = Rect { x: l.x1.min(l.x2), y: l.y1.min(l.y2), width: (l.x2 - l.x1).abs(), height: (l.y2 - l.y1).abs() };
    mark(what, rect)
}

/// The estimated box of a text: as wide as the layout estimates it
/// (`char_width` of the font per character), a font high, over its baseline
/// (or centred on `y` when `central`).
pub fn text_box(t: &PlacedText, font: f64, char_width: f64, central: bool) -> Rect {
    let width = t.text.chars().count() as f64 * font * char_width;
    let y = if central { t.y - font / 2.0 } else { t.y - font * 0.8 };
    Rect { x: t.anchor.left(t.x, width), y, width, height: font }
}

fn text_mark(what: &str, t: &PlacedText, font: f64, central: bool) -> Mark {
    words_mark(format!("{what} {:?}", t.text), text_box(t, font, CHAR_WIDTH, central))
}

fn paragraph_marks(what: &str, p: &Paragraph, font: f64, out: &mut Vec<Mark>) {
    for (i, line) in p.lines.iter().enumerate() {
        let t = PlacedText::new(p.x, p.y + i as f64 * p.line_height, line.clone(), p.anchor);
        out.push(text_mark(what, &t, font, false));
    }
}

fn legend_marks(legend: &Legend, out: &mut Vec<Mark>) {
    let sw = legend.swatch_size();
    for e in &legend.entries {
        out.push(mark("legend swatch", Rect { x: e.x, y: e.top, width: sw, height: sw }));
        let text = PlacedText::new(legend.text_x(e), legend.mid(e), e.text.clone(), Anchor::Start);
        out.push(text_mark("legend text", &text, legend.font, true));
    }
}

fn axis_marks(axis: &MoneyAxis, out: &mut Vec<Mark>) {
    for tick in &axis.ticks {
        out.push(line_mark("grid line", &tick.line));
        out.push(text_mark("tick label", &tick.label, axis.font, axis.orientation == Orientation::Vertical));
    }
}

fn plot_marks(plot: &YearPlot, out: &mut Vec<Mark>) {
    legend_marks(&plot.legend, out);
    out.push(text_mark("unit", &plot.unit, plot.font, true));
    axis_marks(&plot.axis, out);
    for year in &plot.years {
        out.push(text_mark("year", year, plot.font, false));
    }
}

fn item_marks<S>(what: &str, items: &[Item<S>], out: &mut Vec<Mark>) {
    for item in items {
        out.push(mark(format!("{what} {:?} hit area", item.label), item.hit));
        if let Some(tip) = &item.tip {
            tip_marks(&format!("{what} {:?} tooltip", item.label), tip, out);
        }
    }
}

fn tip_marks(what: &str, tip: &TipBox, out: &mut Vec<Mark>) {
    out.push(mark(what, tip.rect));
    for line in &tip.lines {
        let t = PlacedText::new(line.x, line.y, line.text.clone(), Anchor::Start);
        let text = text_box(&t, tip.font, CHAR_WIDTH, false);
        // A tooltip's line lies inside its box.
        assert!(
            text.x >= tip.rect.x - 1e-6 && text.right() <= tip.rect.right() + 1e-6,
            "{what}: {:?} sticks out of its box",
            line.text
        );
        out.push(mark(format!("{what} line"), text));
    }
}

/// Everything a chart draws, as boxes.
pub trait Marks {
    fn marks(&self) -> Vec<Mark>;
}

impl<B: Marks> Marks for Chart<B> {
    fn marks(&self) -> Vec<Mark> {
        match &self.contents {
            Contents::Drawn(body) => body.marks(),
            Contents::Note(note) => {
                let mut out = Vec::new();
                paragraph_marks("note", note, note.line_height / 1.4, &mut out);
                out
            }
        }
    }
}

impl Marks for FundLayout {
    fn marks(&self) -> Vec<Mark> {
        let mut out = Vec::new();
        let plot = &self.plot;
        plot_marks(plot, &mut out);
        if let Some(zone) = self.negative_zone {
            out.push(mark("negative zone", zone));
        }
        item_marks("year", &self.years, &mut out);
        for year in &self.years {
            let bars = &year.shapes;
            for (what, rect) in
                [("allocation", bars.allocation), ("repayments", bars.repayments), ("grants", bars.grants)]
            {
                out.push(mark(format!("{} {what}", year.label), rect));
            }
        }
        for p in &self.balance {
            let r = self.point_radius + 2.5;
            out.push(mark("balance point", Rect { x: p.x - r, y: p.y - r, width: 2.0 * r, height: 2.0 * r }));
        }
        if let Some(dry) = &self.runs_dry {
            out.push(line_mark("runs dry", &Line { x1: dry.x, y1: dry.from, x2: dry.x, y2: dry.to }));
            // Bold: a little wider than the estimate.
            let font = self.plot.font * 15.5 / 14.0;
            out.push(words_mark("runs dry text", text_box(&dry.text, font, CHAR_WIDTH, false)));
        }
        out
    }
}

impl Marks for WhoPaysLayout {
    fn marks(&self) -> Vec<Mark> {
        let mut out = Vec::new();
        legend_marks(&self.legend, &mut out);
        for d in &self.directions {
            out.push(text_mark("direction", d, self.small, true));
        }
        out.push(text_mark("amounts in", &self.amounts_in, self.small, false));
        axis_marks(&self.axis, &mut out);
        for g in &self.groups {
            out.push(line_mark("group rule", &g.rule));
            out.push(text_mark("group", &g.text, self.font, false));
        }
        item_marks("row", &self.rows, &mut out);
        for row in &self.rows {
            let s = &row.shapes;
            out.push(text_mark("name", &s.name, self.font, false));
            out.push(text_mark("net", &s.net, self.font, false));
            for bar in &s.bars {
                out.push(mark(format!("{} bar", row.label), bar.rect));
            }
            for value in [&s.left_value, &s.right_value] {
                out.push(text_mark("value", value, self.small, true));
            }
            out.push(mark("net marker", s.net_marker));
        }
        out
    }
}

impl Marks for FlowLayout {
    fn marks(&self) -> Vec<Mark> {
        let mut out = Vec::new();
        let font = self.small * 15.5 / 14.0;
        for head in &self.heads {
            out.push(text_mark("column head", head, font, false));
        }
        for link in &self.links {
            for b in &link.bands {
                let top = b.from_top.min(b.to_top);
                let bottom = b.from_bottom.max(b.to_bottom);
                let rect = Rect { x: b.from_x, y: top, width: b.to_x - b.from_x, height: bottom - top };
                out.push(mark(format!("link {:?}", link.title), rect));
            }
        }
        item_marks("node", &self.nodes, &mut out);
        for node in &self.nodes {
            let s = &node.shapes;
            out.push(mark(format!("{} bar", node.label), s.bar));
            for line in &s.name {
                // Names are cut by the width of letters, narrower than digits.
                let name = text_box(line, self.name_font, NAME_CHAR_WIDTH, false);
                out.push(words_mark(format!("name {:?}", line.text), name));
            }
            out.push(text_mark("amount", &s.amount, self.amount_font, false));
            if let Some(h) = &s.header {
                out.push(text_mark("group", h, self.small, false));
            }
        }
        paragraph_marks("caption", &self.caption, self.small, &mut out);
        out
    }
}

impl Marks for ActorYearsLayout {
    fn marks(&self) -> Vec<Mark> {
        let mut out = Vec::new();
        let plot = &self.plot;
        plot_marks(plot, &mut out);
        for term in &self.terms {
            out.push(mark(format!("term {}–{}", term.first, term.last), term.area));
            if let Some(label) = &term.label {
                out.push(text_mark("term", label, plot.font, false));
            }
        }
        for &x in &self.boundaries {
            out.push(line_mark("term boundary", &Line { x1: x, y1: self.strip_top, x2: x, y2: plot.area.bottom() }));
        }
        for net in &self.nets {
            for r in &net.rects {
                out.push(mark(format!("net of {}", net.actor), *r));
            }
        }
        item_marks("year", &self.years, &mut out);
        out
    }
}

/// Every coordinate of the chart is a number (no NaN, no infinity), and its size is positive.
pub fn check_finite<B: Marks>(chart: &Chart<B>) -> Result<(), String> {
    if !(chart.width.is_finite() && chart.height.is_finite() && chart.width > 0.0 && chart.height > 0.0) {
        return Err(format!("the chart is {} × {}", chart.width, chart.height));
    }
    for m in chart.marks() {
        let r = m.rect;
        if ![r.x, r.y, r.width, r.height].iter().all(|v| v.is_finite()) || r.width < 0.0 || r.height < 0.0 {
            return Err(format!("{} is at {r:?}", m.what));
        }
    }
    Ok(())
}

/// Everything the chart draws lies inside its viewBox (`slack` units of tolerance for estimated text).
pub fn check_inside<B: Marks>(chart: &Chart<B>, slack: f64) -> Result<(), String> {
    for m in chart.marks() {
        let r = m.rect;
        let inside =
            r.x >= -slack && r.y >= -slack && r.right() <= chart.width + slack && r.bottom() <= chart.height + slack;
        if !inside {
            return Err(format!("{} at {r:?} is outside the viewBox {} × {}", m.what, chart.width, chart.height));
        }
    }
    Ok(())
}

/// Whether two boxes share more than a sliver (`slack` units each way) of area.
fn overlap(a: &Rect, b: &Rect, slack: f64) -> bool {
    let across = a.right().min(b.right()) - a.x.max(b.x);
    let up = a.bottom().min(b.bottom()) - a.y.max(b.y);
    across > slack && up > slack
}

/// No two of the chart's texts overlap (as estimated: `CHAR_WIDTH` of the font
/// per character, a font high): labels, names, amounts, headings, legend and
/// axis alike. Tooltips are left out: they lie over the chart on purpose.
pub fn check_texts_apart<B: Marks>(chart: &Chart<B>) -> Result<(), String> {
    let texts: Vec<Mark> = chart.marks().into_iter().filter(|m| m.text && m.rect.width > 0.0).collect();
    for (i, a) in texts.iter().enumerate() {
        for b in &texts[i + 1..] {
            if overlap(&a.rect, &b.rect, 0.5) {
                return Err(format!("{} at {:?} overlaps {} at {:?}", a.what, a.rect, b.what, b.rect));
            }
        }
    }
    Ok(())
}

/// No two items' areas (what catches the pointer and shows focus) overlap:
/// hovering a point picks one item.
pub fn check_items_apart<S>(items: &[Item<S>]) -> Result<(), String> {
    for (i, a) in items.iter().enumerate() {
        for b in &items[i + 1..] {
            if overlap(&a.hit, &b.hit, 1e-6) {
                return Err(format!("{:?} at {:?} overlaps {:?} at {:?}", a.label, a.hit, b.label, b.hit));
            }
        }
    }
    Ok(())
}

/// No two labels of a money axis overlap: side by side (across) their estimated
/// widths, one above the other (up) a font's height.
pub fn check_axis_labels_apart(axis: &MoneyAxis) -> Result<(), String> {
    let shown: Vec<&PlacedText> = axis.ticks.iter().map(|t| &t.label).filter(|l| !l.text.is_empty()).collect();
    for pair in shown.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let apart = match axis.orientation {
            Orientation::Horizontal => {
                let (ra, rb) = (text_box(a, axis.font, CHAR_WIDTH, false), text_box(b, axis.font, CHAR_WIDTH, false));
                ra.right() <= rb.x + 1e-6
            }
            Orientation::Vertical => (a.y - b.y).abs() >= axis.font - 1e-6,
        };
        if !apart {
            return Err(format!("tick labels {:?} and {:?} overlap ({} and {})", a.text, b.text, a.x, b.x));
        }
    }
    Ok(())
}

/// No two years under a plot overlap.
pub fn check_years_apart(years: &[PlacedText], font: f64) -> Result<(), String> {
    for pair in years.windows(2) {
        let gap = pair[1].x - pair[0].x;
        if gap < text_width(&pair[0].text, font) - 1e-6 {
            return Err(format!("years {} and {} are {gap} apart", pair[0].text, pair[1].text));
        }
    }
    Ok(())
}

/// Items in focus order are in reading order: left to right (`across`), else top to bottom.
pub fn check_reading_order<S>(items: &[Item<S>], across: bool) -> Result<(), String> {
    for pair in items.windows(2) {
        let (a, b) = (&pair[0].hit, &pair[1].hit);
        let ordered = if across { a.x < b.x } else { a.y < b.y };
        if !ordered {
            return Err(format!(
                "{:?} comes before {:?} but is not {}",
                pair[0].label,
                pair[1].label,
                if across { "left of it" } else { "above it" }
            ));
        }
    }
    Ok(())
}

/// Every item has a tooltip, headed by its bold first line (on one line or more).
pub fn check_tips<S>(items: &[Item<S>]) -> Result<(), String> {
    for item in items {
        let Some(tip) = &item.tip else { return Err(format!("{:?} has no tooltip", item.label)) };
        let heading = tip.lines.iter().take_while(|l| l.bold).count();
        if heading == 0 || tip.lines.iter().skip(heading).any(|l| l.bold) {
            return Err(format!("{:?}: the tooltip's heading alone is bold", item.label));
        }
    }
    Ok(())
}

/// The laws every layout keeps whatever the outcome: finite coordinates, and
/// items in reading order with a tooltip each.
pub fn check_any(
    fund: &Chart<FundLayout>,
    who: &Chart<WhoPaysLayout>,
    flow: &Chart<FlowLayout>,
    years: &Chart<ActorYearsLayout>,
) -> Result<(), String> {
    check_finite(fund).map_err(|e| format!("fund: {e}"))?;
    check_finite(who).map_err(|e| format!("who pays: {e}"))?;
    check_finite(flow).map_err(|e| format!("flow: {e}"))?;
    check_finite(years).map_err(|e| format!("actor years: {e}"))?;
    if let Some(f) = fund.drawn() {
        check_items_apart(&f.years).map_err(|e| format!("fund: {e}"))?;
        check_reading_order(&f.years, true).map_err(|e| format!("fund: {e}"))?;
        check_tips(&f.years).map_err(|e| format!("fund: {e}"))?;
    }
    if let Some(w) = who.drawn() {
        check_items_apart(&w.rows).map_err(|e| format!("who pays: {e}"))?;
        check_reading_order(&w.rows, false).map_err(|e| format!("who pays: {e}"))?;
        check_tips(&w.rows).map_err(|e| format!("who pays: {e}"))?;
    }
    if let Some(f) = flow.drawn() {
        let (payers, gainers) = f.nodes.split_at(f.payers);
        check_items_apart(payers).map_err(|e| format!("flow payers: {e}"))?;
        check_items_apart(gainers).map_err(|e| format!("flow gainers: {e}"))?;
        check_reading_order(payers, false).map_err(|e| format!("flow payers: {e}"))?;
        check_reading_order(gainers, false).map_err(|e| format!("flow gainers: {e}"))?;
        if let (Some(p), Some(g)) = (payers.first(), gainers.first()) {
            if p.hit.x >= g.hit.x {
                return Err("flow: the payers are not left of the gainers".into());
            }
        }
        check_tips(&f.nodes).map_err(|e| format!("flow: {e}"))?;
    }
    if let Some(a) = years.drawn() {
        check_items_apart(&a.years).map_err(|e| format!("actor years: {e}"))?;
        check_reading_order(&a.years, true).map_err(|e| format!("actor years: {e}"))?;
        check_tips(&a.years).map_err(|e| format!("actor years: {e}"))?;
    }
    Ok(())
}

/// The laws of a chart whose figures a budget could hold: everything inside
/// the viewBox, and no two labels on an axis overlapping.
pub fn check_readable(
    fund: &Chart<FundLayout>,
    who: &Chart<WhoPaysLayout>,
    flow: &Chart<FlowLayout>,
    years: &Chart<ActorYearsLayout>,
) -> Result<(), String> {
    check_inside(fund, 0.5).map_err(|e| format!("fund: {e}"))?;
    check_inside(who, 0.5).map_err(|e| format!("who pays: {e}"))?;
    check_inside(flow, 0.5).map_err(|e| format!("flow: {e}"))?;
    check_inside(years, 0.5).map_err(|e| format!("actor years: {e}"))?;
    check_texts_apart(fund).map_err(|e| format!("fund: {e}"))?;
    check_texts_apart(who).map_err(|e| format!("who pays: {e}"))?;
    check_texts_apart(flow).map_err(|e| format!("flow: {e}"))?;
    check_texts_apart(years).map_err(|e| format!("actor years: {e}"))?;
    if let Some(f) = fund.drawn() {
        check_axis_labels_apart(&f.plot.axis).map_err(|e| format!("fund: {e}"))?;
        check_years_apart(&f.plot.years, f.plot.font).map_err(|e| format!("fund: {e}"))?;
    }
    if let Some(w) = who.drawn() {
        check_axis_labels_apart(&w.axis).map_err(|e| format!("who pays: {e}"))?;
    }
    if let Some(a) = years.drawn() {
        check_axis_labels_apart(&a.plot.axis).map_err(|e| format!("actor years: {e}"))?;
        check_years_apart(&a.plot.years, a.plot.font).map_err(|e| format!("actor years: {e}"))?;
    }
    Ok(())
}

/// Asserts that two lengths agree to far below a tenth of a unit (the drawing's precision).
#[track_caller]
pub fn assert_near(actual: f64, expected: f64) {
    assert!((actual - expected).abs() < 1e-9, "{actual} is not {expected}");
}

/// Asserts that a rectangle is (x, y, width, height).
#[track_caller]
pub fn assert_rect(actual: Rect, expected: (f64, f64, f64, f64)) {
    let near = |a: f64, b: f64| (a - b).abs() < 1e-9;
    let (x, y, width, height) = expected;
    assert!(
        near(actual.x, x) && near(actual.y, y) && near(actual.width, width) && near(actual.height, height),
        "{actual:?} is not {expected:?}"
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(hit: Rect) -> Item<()> {
        Item { label: String::new(), year: None, actor: None, negative: false, hit, tip: None, shapes: () }
    }

    #[test]
    fn boxes_that_touch_are_apart_and_boxes_that_share_area_are_not() {
        // 0..10 and 10..20 across touch; 0..10 and 9..19 share a strip 1 wide.
        let (a, b, c) = (
            Rect { x: 0.0, y: 0.0, width: 10.0, height: 10.0 },
            Rect { x: 10.0, y: 0.0, width: 10.0, height: 10.0 },
            Rect { x: 9.0, y: 5.0, width: 10.0, height: 10.0 },
        );
        assert!(check_items_apart(&[item(a), item(b)]).is_ok());
        assert!(check_items_apart(&[item(a), item(c)]).is_err());
        // Texts: a strip of 1 is more than the 0.5 of slack, a strip of 0.4 is not.
        assert!(overlap(&a, &c, 0.5));
        assert!(!overlap(&a, &Rect { x: 9.6, ..c }, 0.5));
    }
}
