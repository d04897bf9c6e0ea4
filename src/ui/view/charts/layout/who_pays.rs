//! Who pays, who gains, laid out: per actor over the whole horizon, the cost
//! it bears (`cost_borne`: co-financing + repayment + fund cost) as a hatched
//! bar to the left of zero, its savings (`savings_total`) as a solid bar to
//! the right, and its net (`net_total`) as a marker with a signed label.
//! Actors are grouped inside and outside the organisation: the wrong-pocket
//! picture in one glance.

use rust_decimal::Decimal;

use crate::words::lowercase;

use super::axis::MoneyAxis;
use super::legend::{Entry, Legend, Swatch};
use super::palette::{Colour, Paint};
use super::scale::{nice_ticks, Scale};
use super::text::{ellipsize, text_width, CHAR_WIDTH};
use super::tip::Tip;
use super::{inside_first, plus, Anchor, Canvas, Chart, ChartInput, Contents, Item, Line, PlacedText, Rect, MARGIN};

/// One actor's figures.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub id: String,
    pub name: String,
    pub inside: bool,
    pub cost: Decimal,
    pub savings: Decimal,
    pub net: Decimal,
}

/// A bar segment from `from` to `to` (amounts), cost or savings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Segment {
    pub from: Decimal,
    pub to: Decimal,
    pub is_cost: bool,
}

/// The who-pays chart's contents.
#[derive(Debug, Clone, PartialEq)]
pub struct WhoPaysLayout {
    pub legend: Legend,
    /// "← pays" left of zero and "gains →" right of it, over the rows.
    pub directions: [PlacedText; 2],
    /// "Amounts in tkr", under the axis on the right.
    pub amounts_in: PlacedText,
    /// The amount axis across the rows.
    pub axis: MoneyAxis,
    /// A heading for each group of actors (inside, outside) with a rule above it.
    pub groups: Vec<GroupHeading>,
    /// An actor's row per actor, top to bottom.
    pub rows: Vec<Item<RowShapes>>,
    /// Size of labels and of secondary text.
    pub font: f64,
    pub small: f64,
}

/// "Inside the organisation" over its actors' rows.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupHeading {
    pub rule: Line,
    pub text: PlacedText,
}

/// What a row shows: the actor's name and net on one line, its bars under them.
#[derive(Debug, Clone, PartialEq)]
pub struct RowShapes {
    pub name: PlacedText,
    pub net: PlacedText,
    pub bars: Vec<Bar>,
    /// The amount at the left end of the bars (empty when nothing is left of zero), and at the right end.
    pub left_value: PlacedText,
    pub right_value: PlacedText,
    /// The net's marker across the bars.
    pub net_marker: Rect,
}

/// A bar of a row: paid (left of zero, hatched) or gained (right of it).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bar {
    pub rect: Rect,
    pub paid: bool,
}

impl Bar {
    pub fn paint(&self) -> Paint {
        if self.paid {
            COST
        } else {
            SAVINGS
        }
    }
}

/// The paints of costs and savings, as the legend shows them.
pub const COST: Paint = Paint::Hatch;
pub const SAVINGS: Paint = Paint::Colour(Colour::Gain);

/// The rows of the chart: the outcome's actors with their names, inside ones first.
pub fn rows(input: &ChartInput) -> Vec<Row> {
    let rows: Vec<Row> = input
        .outcome
        .actors
        .iter()
        .map(|a| Row {
            id: a.id.clone(),
            name: input.actor_name(&a.id),
            inside: input.actor_inside(&a.id),
            cost: a.cost_borne,
            savings: a.savings_total,
            net: a.net_total,
        })
        .collect();
    inside_first(rows, |r| r.inside)
}

/// The bar segments of a row: the cost drawn as `−cost`, the savings as
/// `+savings`, each from where the last one on its side of zero ended (so a
/// negative saving, a rising cost, stacks after the cost on the left).
/// Returns the segments and the extent (leftmost, rightmost).
pub fn segments(row: &Row) -> (Vec<Segment>, Decimal, Decimal) {
    let mut neg = Decimal::ZERO;
    let mut pos = Decimal::ZERO;
    let mut out = Vec::new();
    for (value, is_cost) in [(-row.cost, true), (row.savings, false)] {
        if value.is_zero() {
            continue;
        }
        if value < Decimal::ZERO {
            let end = plus(neg, value);
            out.push(Segment { from: end, to: neg, is_cost });
            neg = end;
        } else {
            let end = plus(pos, value);
            out.push(Segment { from: pos, to: end, is_cost });
            pos = end;
        }
    }
    (out, neg, pos)
}

/// Lays the who-pays chart out.
pub fn layout(input: &ChartInput, canvas: &Canvas) -> Chart<WhoPaysLayout> {
    let words = input.words();
    let money = input.money();
    let (w, font, small) = (canvas.width(), canvas.font(), canvas.small());
    let rows = rows(input);
    if rows.is_empty() {
        return Chart::note(canvas, words.who_pays_title(), words.no_actors(), 40.0, 70.0);
    }

    let legend = Legend::place(
        vec![
            Entry::new(Swatch::Fill(COST), words.cost_borne()),
            Entry::new(Swatch::Fill(SAVINGS), words.savings()),
            Entry::new(Swatch::Tick, words.net()),
        ],
        MARGIN,
        w - MARGIN,
        MARGIN,
        small,
    );

    // The amount axis, and room on both sides for the value labels.
    let parts: Vec<_> = rows.iter().map(segments).collect();
    let lo = parts.iter().map(|p| p.1).fold(Decimal::ZERO, Decimal::min);
    let hi = parts.iter().map(|p| p.2).fold(Decimal::ZERO, Decimal::max);
    let lo = rows.iter().map(|r| r.net).fold(lo, Decimal::min);
    let hi = rows.iter().map(|r| r.net).fold(hi, Decimal::max);
    let left_labels: Vec<String> =
        parts.iter().map(|p| if p.1 < Decimal::ZERO { money.signed(p.1) } else { String::new() }).collect();
    let right_labels: Vec<String> =
        parts.iter().map(|p| if p.2 > Decimal::ZERO { money.signed(p.2) } else { String::new() }).collect();
    let pad = |labels: &[String]| labels.iter().map(|t| text_width(t, small)).fold(0.0, f64::max) + 6.0;
    let (pad_left, pad_right) = (pad(&left_labels), pad(&right_labels));
    let ticks = nice_ticks(lo, hi, input.unit, input.lang, canvas.tick_target());
    let plot_left = MARGIN + pad_left.max(ticks.label_width(small) / 2.0);
    let plot_right = w - MARGIN - pad_right.max(ticks.label_width(small) / 2.0);
    let x = Scale::for_ticks(&ticks, plot_left, plot_right.max(plot_left + 1.0));
    let x0 = x.map(0.0);

    // Rows, top to bottom, with a heading before each group.
    let header_top = MARGIN + legend.height + 4.0;
    let header_h = small * 1.6;
    let name_h = font * 1.5;
    let bar_h = if canvas.compact() { 18.0 } else { 20.0 };
    let row_gap = 10.0;
    let group_h = font * 1.9;
    let mut cy = header_top + header_h;
    let mut groups = Vec::new();
    let mut places = Vec::with_capacity(rows.len());
    for (i, row) in rows.iter().enumerate() {
        if i == 0 || rows[i - 1].inside != row.inside {
            let text = if row.inside { words.inside() } else { words.outside() };
            groups.push(GroupHeading {
                rule: Line { x1: MARGIN, y1: cy + 2.0, x2: w - MARGIN, y2: cy + 2.0 },
                text: PlacedText::new(MARGIN, cy + font * 1.25, text, Anchor::Start),
            });
            cy += group_h;
        }
        places.push(cy);
        cy += name_h + bar_h + row_gap;
    }
    let rows_bottom = cy;
    // The tooltip may use the room under the axis' labels too.
    let height = rows_bottom + small * 2.4 + small;
    let axis = MoneyAxis::horizontal(&ticks, &x, (plot_left, plot_right), header_top + header_h, rows_bottom, small);

    let mut figures = Vec::with_capacity(rows.len());
    let items = rows
        .iter()
        .zip(parts)
        .zip(left_labels.into_iter().zip(right_labels))
        .zip(&places)
        .map(|(((row, (segs, left_end, right_end)), (left_label, right_label)), &top)| {
            let bar_top = top + name_h;
            let bars = segs
                .iter()
                .map(|s| {
                    let (a, b) = (x.money(s.from), x.money(s.to));
                    // By side, not by origin: a negative saving (a cost that rises) is paid, so it is
                    // hatched on the left; a negative cost (money back) is a gain on the right.
                    let paid = s.to <= Decimal::ZERO;
                    Bar { rect: Rect { x: a.min(b), y: bar_top, width: (b - a).abs().max(0.5), height: bar_h }, paid }
                })
                .collect();
            let (cost, savings, net) = (money.text(row.cost), money.text(row.savings), money.signed(row.net));
            let net_text = format!("{} {net}", words.net());
            // The name gets what the net label leaves of the line.
            // (The net label is bold: a little wider than the estimate.)
            let max_name =
                ((w - 2.0 * MARGIN - text_width(&net_text, font) * 1.1 - 12.0) / (font * CHAR_WIDTH)).max(8.0) as usize;
            let figure = format!(
                "{}: {} {cost}, {} {savings}, {} {net}",
                row.name,
                words.cost_word(),
                words.savings_word(),
                lowercase(words.net())
            );
            let lines = vec![
                row.name.clone(),
                format!("{}: {cost}", words.cost_borne()),
                format!("{}: {savings}", words.savings()),
                format!("{}: {net}", words.net()),
            ];
            let tip = Tip { x: x0, y: bar_top, lines, dodge: 0.0 };
            let value_y = bar_top + bar_h / 2.0;
            let net_x = x.money(row.net);
            figures.push(figure.clone());
            Item {
                label: figure,
                year: None,
                actor: Some(row.id.clone()),
                negative: row.net < Decimal::ZERO,
                hit: Rect { x: MARGIN / 2.0, y: top - 2.0, width: w - MARGIN, height: name_h + bar_h + row_gap },
                tip: tip.place(small, (w, height)),
                shapes: RowShapes {
                    name: PlacedText::new(MARGIN, top + font * 1.05, ellipsize(&row.name, max_name), Anchor::Start),
                    net: PlacedText::new(w - MARGIN, top + font * 1.05, net_text, Anchor::End),
                    bars,
                    left_value: PlacedText::new(x.money(left_end) - 4.0, value_y, left_label, Anchor::End),
                    right_value: PlacedText::new(x.money(right_end) + 4.0, value_y, right_label, Anchor::Start),
                    net_marker: Rect { x: net_x - 2.0, y: bar_top - 4.0, width: 4.0, height: bar_h + 8.0 },
                },
            }
        })
        .collect();

    let arrow_y = header_top + header_h * 0.5;
    Chart {
        width: w,
        height,
        title: words.who_pays_title(),
        // The figures themselves, for those who cannot see the bars.
        desc: format!("{} {}.", words.who_pays_desc(), figures.join("; ")),
        actor_patterns: 0,
        contents: Contents::Drawn(WhoPaysLayout {
            legend,
            directions: [
                PlacedText::new(x0 - 6.0, arrow_y, words.pays_arrow(), Anchor::End),
                PlacedText::new(x0 + 6.0, arrow_y, words.gains_arrow(), Anchor::Start),
            ],
            amounts_in: PlacedText::new(
                w - MARGIN,
                rows_bottom + small * 2.6,
                words.amounts_in(&money.unit_label()),
                Anchor::End,
            ),
            axis,
            groups,
            rows: items,
            font,
            small,
        }),
    }
}
