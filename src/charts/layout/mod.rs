//! The charts' layouts: layout as data, drawing as a view.
//!
//! Each chart is laid out by a pure function of the scenario, its outcome,
//! the width it is shown at and the words of its language
//! ([`crate::words::charts`]): `fund::layout`, `who_pays::layout`,
//! `flow::layout` and `actor_years::layout` return a [`Chart`] holding every
//! position, size and text the chart shows — bars, rows, nodes and links,
//! axes and ticks, legend entries, labels, each focusable item in focus order
//! with what a screen reader says and its tooltip — as plain data. The
//! drawing (`ui::view::charts::{fund, who_pays}` in the app,
//! `charts::{flow, actor_years}` in the on-demand module) only turns that
//! data into SVG. Nothing here knows Yew or a browser: layouts are
//! tested natively (the hand-made cases beside each chart, and the laws every
//! layout keeps in `properties.rs`).
//!
//! The parts charts share are laid out here once: the [`Canvas`] (width,
//! text sizes, margins), [`scale`] (money and year scales, nice ticks),
//! [`axis`] (money axes and year labels), [`legend`], [`tip`] (tooltips),
//! [`plot::YearPlot`] (the frame of a chart of amounts over years: legend,
//! unit, money axis, a band per year) and [`palette`] (colours and patterns
//! by name).

use rust_decimal::Decimal;

use crate::model::{Outcome, Scenario};
use crate::words::charts::{ChartWords, MoneyFormat};
use crate::words::format::Unit;
use crate::words::Lang;

pub mod actor_years;
pub mod axis;
pub mod flow;
pub mod fund;
pub mod legend;
pub mod palette;
pub mod plot;
pub mod scale;
pub mod text;
pub mod tip;
pub mod who_pays;

#[cfg(test)]
pub mod checks;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties;

use text::{wrap, CHAR_WIDTH};
use tip::TipBox;

/// Narrowest layout, in viewBox units.
pub const MIN_WIDTH: f64 = 340.0;
/// Widest layout; wider charts are scaled up, text included.
pub const MAX_WIDTH: f64 = 1000.0;
/// Layouts narrower than this are compact.
pub const COMPACT_BELOW: f64 = 560.0;
/// The empty border around a chart's contents.
pub const MARGIN: f64 = 8.0;

/// The width a chart is laid out for, in viewBox units (one unit is one CSS
/// pixel up to [`MAX_WIDTH`]), and the text sizes that go with it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Canvas {
    width: f64,
    compact: bool,
}

impl Canvas {
    /// A layout `width` units wide (clamped to [`MIN_WIDTH`]..=[`MAX_WIDTH`]; 800 if not a number).
    pub fn new(width: f64) -> Canvas {
        let width = if width.is_finite() { width.clamp(MIN_WIDTH, MAX_WIDTH) } else { 800.0 };
        Canvas { width, compact: width < COMPACT_BELOW }
    }

    /// Width of the viewBox.
    pub fn width(&self) -> f64 {
        self.width
    }

    /// The phone layout: fewer ticks, smaller text and margins.
    pub fn compact(&self) -> bool {
        self.compact
    }

    /// About how many intervals a money axis should have at this width.
    pub fn tick_target(&self) -> usize {
        ((self.width / 130.0).round() as usize).clamp(3, 8)
    }

    /// Size of labels, in viewBox units (= CSS px up to [`MAX_WIDTH`]).
    pub fn font(&self) -> f64 {
        if self.compact {
            14.0
        } else {
            15.5
        }
    }

    /// Size of tick labels and secondary text.
    pub fn small(&self) -> f64 {
        if self.compact {
            13.0
        } else {
            14.0
        }
    }
}

/// What a chart is laid out from: the scenario (names, inside/outside, the
/// currency), its outcome, and how numbers are shown.
#[derive(Debug, Clone, Copy)]
pub struct ChartInput<'a> {
    pub scenario: &'a Scenario,
    pub outcome: &'a Outcome,
    pub lang: Lang,
    pub unit: Unit,
}

impl ChartInput<'_> {
    /// The charts' words in the reader's language.
    pub fn words(&self) -> ChartWords {
        ChartWords::new(self.lang)
    }

    /// How amounts are written.
    pub fn money(&self) -> MoneyFormat {
        MoneyFormat::new(self.unit, &self.scenario.currency, self.lang)
    }

    /// An actor's name, or its id when the scenario names it not (or blank).
    pub fn actor_name(&self, id: &str) -> String {
        self.scenario
            .actor(id)
            .map(|x| x.name.clone())
            .filter(|n| !n.trim().is_empty())
            .unwrap_or_else(|| id.to_string())
    }

    /// Whether an actor is inside the organisation (an unknown one counts as inside).
    pub fn actor_inside(&self, id: &str) -> bool {
        self.scenario.actor(id).map(|x| x.inside).unwrap_or(true)
    }

    /// An actor's colour and pattern: its place in the scenario, else `fallback`.
    pub fn actor_colour(&self, id: &str, fallback: usize) -> usize {
        self.scenario.actors.iter().position(|x| x.id == id).unwrap_or(fallback)
    }

    /// How many actor patterns a chart of every actor defines.
    pub fn actor_patterns(&self) -> usize {
        self.scenario.actors.len().max(self.outcome.actors.len())
    }
}

/// A chart laid out: the size of its viewBox, its accessible name and
/// description, and its contents.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart<B> {
    pub width: f64,
    pub height: f64,
    /// The `<title>`: the chart's accessible name.
    pub title: &'static str,
    /// The `<desc>`: what the chart shows, with its figures, for those who cannot see it.
    pub desc: String,
    /// How many actor patterns the drawing defines (0 for charts without actors' colours).
    pub actor_patterns: usize,
    pub contents: Contents<B>,
}

/// A chart's contents: drawn, or a sentence saying why there is nothing to draw.
#[derive(Debug, Clone, PartialEq)]
pub enum Contents<B> {
    Note(Paragraph),
    Drawn(B),
}

impl<B> Chart<B> {
    /// A chart with nothing to draw: `text`, centred and wrapped to the width,
    /// its first line's baseline at `top`, in a chart at least `min_height` tall.
    pub fn note(canvas: &Canvas, title: &'static str, text: &str, top: f64, min_height: f64) -> Chart<B> {
        let (note, height) = Paragraph::note(canvas, text, top, min_height);
        let contents = Contents::Note(note);
        Chart { width: canvas.width(), height, title, desc: text.to_string(), actor_patterns: 0, contents }
    }

    /// The drawn contents, if any.
    pub fn drawn(&self) -> Option<&B> {
        match &self.contents {
            Contents::Drawn(body) => Some(body),
            Contents::Note(_) => None,
        }
    }
}

/// A rectangle, in viewBox units.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

impl Rect {
    /// The rectangle between two heights `a` and `b` (either first), from `x`, `width` wide.
    pub fn between(x: f64, width: f64, a: f64, b: f64) -> Rect {
        Rect { x, y: a.min(b), width, height: (a - b).abs() }
    }

    pub fn right(&self) -> f64 {
        self.x + self.width
    }

    pub fn bottom(&self) -> f64 {
        self.y + self.height
    }
}

/// A straight line from (x1, y1) to (x2, y2).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Line {
    pub x1: f64,
    pub y1: f64,
    pub x2: f64,
    pub y2: f64,
}

/// Where a text lies with respect to its `x`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

impl Anchor {
    /// The `text-anchor` attribute (none for the default, start).
    pub fn attr(self) -> Option<&'static str> {
        match self {
            Anchor::Start => None,
            Anchor::Middle => Some("middle"),
            Anchor::End => Some("end"),
        }
    }

    /// The left edge of a text `width` wide anchored at `x`.
    pub fn left(self, x: f64, width: f64) -> f64 {
        match self {
            Anchor::Start => x,
            Anchor::Middle => x - width / 2.0,
            Anchor::End => x - width,
        }
    }
}

/// A text at a point (its baseline, or its middle where the drawing says so).
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedText {
    pub x: f64,
    pub y: f64,
    pub text: String,
    pub anchor: Anchor,
}

impl PlacedText {
    pub fn new(x: f64, y: f64, text: impl Into<String>, anchor: Anchor) -> PlacedText {
        PlacedText { x, y, text: text.into(), anchor }
    }
}

/// Lines of text one under the other, the first one's baseline at `y`.
#[derive(Debug, Clone, PartialEq)]
pub struct Paragraph {
    pub x: f64,
    pub y: f64,
    pub line_height: f64,
    pub anchor: Anchor,
    pub lines: Vec<String>,
}

impl Paragraph {
    /// `text` centred and wrapped to the canvas, its first baseline at `top`;
    /// and the height of a chart at least `min_height` tall that holds it.
    fn note(canvas: &Canvas, text: &str, top: f64, min_height: f64) -> (Paragraph, f64) {
        let w = canvas.width();
        let font = canvas.font();
        let lines = wrap(text, ((w - 2.0 * MARGIN) / (font * CHAR_WIDTH)) as usize);
        let line_height = font * 1.4;
        let height = (top + lines.len() as f64 * line_height).max(min_height);
        (Paragraph { x: w / 2.0, y: top, line_height, anchor: Anchor::Middle, lines }, height)
    }
}

/// A focusable item (a year's bars, an actor's row, a node): what a screen
/// reader says, what identifies it to the page, the area that catches the
/// pointer, its tooltip, and its shapes. A chart's items are listed in focus
/// order, which is reading order.
#[derive(Debug, Clone, PartialEq)]
pub struct Item<S> {
    /// The `aria-label` and `<title>`.
    pub label: String,
    /// `data-year`.
    pub year: Option<i32>,
    /// `data-actor`.
    pub actor: Option<String>,
    /// `data-negative`: a negative value that the chart marks.
    pub negative: bool,
    /// The area that catches hover and shows focus.
    pub hit: Rect,
    /// The tooltip shown on focus and hover.
    pub tip: Option<TipBox>,
    pub shapes: S,
}

/// The actors inside the organisation first, the scenario's order kept within
/// each group (a partition: a stable sort would add its own code for this).
pub fn inside_first<T>(items: Vec<T>, is_inside: impl Fn(&T) -> bool) -> Vec<T> {
    let (mut inside, outside): (Vec<T>, Vec<T>) = items.into_iter().partition(|x| is_inside(x));
    inside.extend(outside);
    inside
}

/// Sum of amounts, saturating at Decimal's limits.
pub fn total(amounts: impl IntoIterator<Item = Decimal>) -> Decimal {
    amounts.into_iter().fold(Decimal::ZERO, plus)
}

/// `a + b`, saturating at Decimal's limits: one function for every sum of
/// the charts ([`Decimal::saturating_add`] inlined where it is used cost
/// about 2 KiB of the download at each place).
/// (The same function as the reconciliation's sum: one copy in the download.)
pub fn plus(a: Decimal, b: Decimal) -> Decimal {
    crate::tables::reconcile::add(a, b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canvases_follow_the_width() {
        // 580 is not compact, 390 is; extremes are clamped, NaN is the wide default.
        assert!(!Canvas::new(580.0).compact());
        assert!(Canvas::new(390.0).compact());
        assert_eq!(Canvas::new(100.0).width(), MIN_WIDTH);
        assert_eq!(Canvas::new(1900.0).width(), MAX_WIDTH);
        assert_eq!(Canvas::new(f64::NAN).width(), 800.0);
        // Ticks: 400 / 130 ≈ 3, 800 / 130 ≈ 6, 1000 / 130 ≈ 8.
        assert_eq!(Canvas::new(400.0).tick_target(), 3);
        assert_eq!(Canvas::new(800.0).tick_target(), 6);
        assert_eq!(Canvas::new(1000.0).tick_target(), 8);
    }

    #[test]
    fn a_note_is_centred_and_wrapped() {
        // 340 wide, compact (font 14): (340 − 16) / (14 × 0.58) = 39.9 → 39 characters a line;
        // 47 characters wrap onto two lines at 40 and 40 + 19.6; at least 70 tall → 79.2.
        let chart: Chart<()> =
            Chart::note(&Canvas::new(340.0), "t", "Inga kostnader och inga besparingar att visa alls", 40.0, 70.0);
        let Contents::Note(note) = &chart.contents else { panic!("a note") };
        assert_eq!(note.lines, vec!["Inga kostnader och inga besparingar att", "visa alls"]);
        assert_eq!((note.x, note.y, note.anchor), (170.0, 40.0, Anchor::Middle));
        assert!((chart.height - 79.2).abs() < 1e-9);
        assert_eq!(chart.desc, "Inga kostnader och inga besparingar att visa alls");
        assert!(chart.drawn().is_none());
    }

    /// The layouts stay free of the view framework and the browser, so that
    /// they run and are tested anywhere: no file of this folder names them.
    #[test]
    fn layouts_do_not_import_yew_or_the_browser() {
        // The layouts are data (no markup either); the charts drawn whole
        // beside them (`crate::charts::{flow, actor_years, svg, draw}`) write
        // markup text but know no Yew or browser: the on-demand module has neither.
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = 0;
        let layouts = std::fs::read_dir(root.join("src/charts/layout")).unwrap().map(|e| (e.unwrap().path(), true));
        let drawn = std::fs::read_dir(root.join("src/charts")).unwrap().map(|e| (e.unwrap().path(), false));
        for (path, is_layout) in layouts.chain(drawn).filter(|(p, _)| p.is_file()) {
            let source = std::fs::read_to_string(&path).unwrap();
            let words: &[&str] = if is_layout {
                &["yew", "web_sys", "wasm_bindgen", "js_sys", "gloo", "markup"]
            } else {
                &["yew", "web_sys", "wasm_bindgen", "js_sys", "gloo"]
            };
            for &word in words {
                let used = source.lines().any(|l| {
                    let code = l.split("//").next().unwrap_or("");
                    code.contains(&format!("{word}::")) || code.contains(&format!("use {word}"))
                });
                assert!(!used, "{} uses {word}", path.display());
            }
            files += 1;
        }
        assert!(files >= 15, "found only {files} files in src/charts");
    }
}
