//! Who pays, who gains, laid out: per actor over the whole horizon, the cost
//! it bears (`cost_borne`: co-financing + repayment + fund cost) as a hatched
//! bar to the left of zero, its savings (`savings_total`) as a solid bar to
//! the right, and its net (`net_total`) as a marker with a signed label.
//! Actors are grouped inside and outside the organisation: the wrong-pocket
//! picture in one glance.

use rust_decimal::Decimal;

use crate::tables::reconcile::fund_totals;
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
    /// The fund's own row (not an actor): received (right), paid out (left), left in the fund (the marker).
    pub fund: bool,
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
    /// "← pays" left of zero and "gains →" right of it, over the rows (each where it fits).
    pub directions: Vec<PlacedText>,
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
    /// The figure "How is this calculated?" explains: the actor's net, or what is left in the fund.
    pub explain: Option<String>,
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

/// The rows of the chart: the outcome's actors with their names, inside ones
/// first, then the fund (when money went in or out of it), then the outside ones.
pub fn rows(input: &ChartInput) -> Vec<Row> {
    let rows: Vec<Row> = input
        .outcome
        .actors
        .iter()
        .map(|a| Row {
            id: a.id.clone(),
            name: input.actor_name(&a.id),
            inside: input.actor_inside(&a.id),
            fund: false,
            cost: a.cost_borne,
            savings: a.savings_total,
            net: a.net_total,
        })
        .collect();
    let mut rows = inside_first(rows, |r| r.inside);
    let f = fund_totals(input.scenario, input.outcome);
    if !(f.money_in().is_zero() && f.grants.is_zero()) {
        let at = rows.iter().take_while(|r| r.inside).count();
        let name = input.words().fund_row().to_string();
        let row = Row {
            id: String::new(),
            name,
            inside: true,
            fund: true,
            cost: f.grants,
            savings: f.money_in(),
            net: f.left,
        };
        rows.insert(at, row);
    }
    rows
}

/// The checked sum under the chart: [`crate::tables::reconcile::line`].
pub fn reconcile_line(input: &ChartInput) -> String {
    crate::tables::reconcile::line(input.scenario, input.outcome, input.lang, input.unit)
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
        if i == 0 || (rows[i - 1].inside, rows[i - 1].fund) != (row.inside, row.fund) {
            let text = match (row.fund, row.inside) {
                (true, _) => words.fund_row(),
                (false, true) => words.inside(),
                (false, false) => words.outside(),
            };
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
            let (cost, savings) = (money.text(row.cost), money.text(row.savings));
            let net = if row.fund { money.text(row.net) } else { money.signed(row.net) };
            let net_word = if row.fund { words.left_in_fund() } else { words.net() };
            let mut net_text = format!("{net_word} {net}");
            // "Left in the fund" gives way to the fund's name on a narrow chart: the amount alone.
            if row.fund && text_width(&row.name, font) + text_width(&net_text, font) * 1.1 + 12.0 > w - 2.0 * MARGIN {
                net_text = net.clone();
            }
            // The name gets what the net label leaves of the line.
            // (The net label is bold: a little wider than the estimate.)
            let max_name =
                ((w - 2.0 * MARGIN - text_width(&net_text, font) * 1.1 - 12.0) / (font * CHAR_WIDTH)).max(8.0) as usize;
            let lines = if row.fund {
                vec![
                    row.name.clone(),
                    format!("{}: {savings}", words.fund_received()),
                    format!("{}: {cost}", words.fund_paid_out()),
                    format!("{}: {}", words.left_in_fund(), money.text(row.net)),
                ]
            } else {
                vec![
                    row.name.clone(),
                    format!("{}: {cost}", words.cost_borne()),
                    format!("{}: {savings}", words.savings()),
                    format!("{}: {net}", words.net()),
                ]
            };
            let figure = if row.fund {
                format!("{}: {}", lines[0], lines[1..].join(", "))
            } else {
                format!(
                    "{}: {} {cost}, {} {savings}, {} {net}",
                    row.name,
                    words.cost_word(),
                    words.savings_word(),
                    lowercase(words.net())
                )
            };
            let tip = Tip { x: x0, y: bar_top, lines, dodge: 0.0 };
            let value_y = bar_top + bar_h / 2.0;
            let net_x = x.money(row.net);
            figures.push(figure.clone());
            Item {
                label: figure,
                year: None,
                actor: (!row.fund).then(|| row.id.clone()),
                negative: row.net < Decimal::ZERO,
                hit: Rect { x: MARGIN / 2.0, y: top - 2.0, width: w - MARGIN, height: name_h + bar_h + row_gap },
                tip: tip.place(small, (w, height)),
                shapes: RowShapes {
                    explain: if row.fund {
                        input.outcome.years.last().map(|y| format!("close:{y}:"))
                    } else {
                        Some(format!("net_total::{}", row.id))
                    },
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

    // Each direction where there is room for it: none beside zero at the chart's edge.
    let arrow_y = header_top + header_h * 0.5;
    let directions = [
        PlacedText::new(x0 - 6.0, arrow_y, words.pays_arrow(), Anchor::End),
        PlacedText::new(x0 + 6.0, arrow_y, words.gains_arrow(), Anchor::Start),
    ]
    .into_iter()
    .filter(|d| {
        let left = d.anchor.left(d.x, text_width(&d.text, small));
        left >= 0.0 && left + text_width(&d.text, small) <= w
    })
    .collect();
    Chart {
        width: w,
        height,
        title: words.who_pays_title(),
        // The figures themselves, for those who cannot see the bars.
        desc: format!("{} {}.", words.who_pays_desc(), figures.join("; ")),
        actor_patterns: 0,
        contents: Contents::Drawn(WhoPaysLayout {
            legend,
            directions,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::layout::checks::{assert_near, assert_rect, outcome, scenario};
    use crate::model::Accounting;
    use crate::words::format::Unit;
    use crate::words::Lang;

    /// Aktör 0 (inside) bears 300 000 and saves 100 000 (net −200 000); Aktör 1
    /// (inside) neither; Aktör 2 (outside) saves 500 000.
    fn three_actors() -> (crate::model::Scenario, crate::model::Outcome) {
        let mut o = outcome(1, 3, |_, _| Decimal::ZERO);
        for (a, (cost, savings)) in [(300_000, 100_000), (0, 0), (0, 500_000)].into_iter().enumerate() {
            let actor = &mut o.actors[a];
            (actor.cost_borne, actor.savings_total) = (Decimal::from(cost), Decimal::from(savings));
            actor.net_total = actor.savings_total - actor.cost_borne;
        }
        (scenario(3), o)
    }

    #[test]
    fn rows_by_hand() {
        let (s, o) = three_actors();
        let input = ChartInput { scenario: &s, outcome: &o, lang: Lang::En, unit: Unit::Thousand };
        let chart = layout(&input, &Canvas::new(800.0));
        let who = chart.drawn().expect("drawn");
        // The axis covers −300 .. 500 tkr: 800 / 6 = 133 → steps of 200, from −400 to 600.
        let labels: Vec<&str> = who.axis.ticks.iter().map(|t| t.label.text.as_str()).collect();
        assert_eq!(labels, ["-400", "-200", "0", "200", "400", "600"]);
        // Room for the value labels "-300 kSEK", "+100 kSEK", "+500 kSEK" (9 × 14 × 0.58 = 73.08,
        // + 6) on both sides: the plot runs from 8 + 79.08 = 87.08 to 800 − 87.08 = 712.92,
        // 625.84 for 1 000 tkr; zero at 87.08 + 400 × 0.62584 = 337.416.
        let zero = who.axis.ticks[2].line.x1;
        assert_near(zero, 337.416);
        assert_near(who.axis.ticks[0].line.x1, 87.08);
        assert_near(who.axis.ticks[5].line.x1, 712.92);
        // Headings and rows: legend 8 + 22.4, + 4 → 34.4; the directions' line 22.4 high → 56.8;
        // "Inside…" (29.45) → Aktör 0 at 86.25, each row 23.25 + 20 + 10 = 53.25 → Aktör 1 at
        // 139.5; "Outside…" → Aktör 2 at 222.2; the rows end at 275.45; the chart is
        // 275.45 + 2.4 × 14 + 14 = 323.05 high.
        let tops: Vec<f64> = who.rows.iter().map(|r| r.hit.y + 2.0).collect();
        for (top, expected) in tops.iter().zip([86.25, 139.5, 222.2]) {
            assert_near(*top, expected);
        }
        let groups: Vec<(&str, f64)> = who.groups.iter().map(|g| (g.text.text.as_str(), g.rule.y1 - 2.0)).collect();
        assert_eq!(
            groups.iter().map(|g| g.0).collect::<Vec<_>>(),
            ["Inside the organisation", "Outside the organisation"]
        );
        assert_near(groups[0].1, 56.8);
        assert_near(groups[1].1, 192.75);
        assert_near(chart.height, 323.05);
        // Aktör 0's bars, 23.25 under its top: the cost from −300 tkr (149.664) to zero,
        // hatched; the savings from zero to 100 tkr (400.0).
        let a0 = &who.rows[0].shapes;
        assert_eq!(a0.bars.iter().map(|b| b.paid).collect::<Vec<_>>(), [true, false]);
        assert_rect(a0.bars[0].rect, (149.664, 109.5, 187.752, 20.0));
        assert_rect(a0.bars[1].rect, (337.416, 109.5, 62.584, 20.0));
        assert_eq!(a0.bars[0].paint(), COST);
        // The net marker at −200 tkr (212.248), 4 wide and 8 taller than the bar.
        assert_rect(a0.net_marker, (210.248, 105.5, 4.0, 28.0));
        // The amounts at the bars' ends, 4 away; the net on the name's line, at the right.
        assert_eq!((a0.left_value.text.as_str(), a0.right_value.text.as_str()), ("-300\u{a0}kSEK", "+100\u{a0}kSEK"));
        assert_near(a0.left_value.x, 145.664);
        assert_near(a0.right_value.x, 404.0);
        assert_eq!(a0.net.text, "Net -200\u{a0}kSEK");
        assert_eq!((a0.net.x, a0.net.anchor), (792.0, Anchor::End));
        // Aktör 1 has no bars and no amounts.
        assert!(who.rows[1].shapes.bars.is_empty() && who.rows[1].shapes.left_value.text.is_empty());
        // Focus order is reading order, inside first; the label says it all.
        let actors: Vec<_> = who.rows.iter().map(|r| r.actor.as_deref()).collect();
        assert_eq!(actors, [Some("a0"), Some("a1"), Some("a2")]);
        assert_eq!(who.rows[0].label, "Aktör 0: cost 300\u{a0}kSEK, savings 100\u{a0}kSEK, net -200\u{a0}kSEK");
        assert!(who.rows[0].negative && !who.rows[2].negative);
        // Both directions fit beside zero.
        let directions: Vec<(&str, f64)> = who.directions.iter().map(|d| (d.text.as_str(), d.x)).collect();
        assert_eq!(directions.len(), 2);
        assert_near(directions[0].1, 331.416);
        assert_near(directions[1].1, 343.416);
        // The description carries every row's figures.
        assert!(
            chart.desc.ends_with("Aktör 2: cost 0\u{a0}kSEK, savings 500\u{a0}kSEK, net +500\u{a0}kSEK."),
            "{}",
            chart.desc
        );
    }

    /// The jobs preset by hand (derivation of the fund in `tables::reconcile`): Social saves
    /// 75 045 per success and year, 9.8 successes per cohort, 3 cohorts, each over 8 years with
    /// drop-off 0.15 (Σ 0.85^k = 4.85006316640625): 10 700 805.92. Inside: Kommunstyrelsen
    /// −9 000 000 (allocations), Arbetsmarknad −9 000 000 (repayments), Social +10 700 805.92
    /// = −7 299 194.08; the fund kept +9 000 000; the organisation 10 700 805.92 − 9 000 000
    /// (the cost) = 1 700 805.92. Under earmarked equity Kommunstyrelsen's fund cost is G − R = 0:
    /// inside 1 700 805.92 = the organisation. The fund's row: received 18 000 tkr, paid out 9 000, left 9 000.
    #[test]
    fn the_jobs_preset_reconciles_by_hand() {
        let p = crate::presets::by_id("jobs").expect("the jobs preset");
        let o = crate::model::simulate(&p.scenario).expect("valid");
        let input = ChartInput { scenario: &p.scenario, outcome: &o, lang: Lang::Sv, unit: Unit::Thousand };
        assert_eq!(
            reconcile_line(&input),
            "Aktörerna inom organisationen −7\u{a0}299\u{a0}tkr + fonden 9\u{a0}000\u{a0}tkr = organisationens resultat 1\u{a0}701\u{a0}tkr ✓ stämmer."
        );
        let fund = rows(&input).into_iter().find(|r| r.fund).expect("the fund's row");
        assert_eq!(
            (fund.savings, fund.cost, fund.net),
            (Decimal::from(18_000_000), Decimal::from(9_000_000), Decimal::from(9_000_000))
        );
        // After the inside actors, before the outside ones.
        let order: Vec<(bool, bool)> = rows(&input).iter().map(|r| (r.inside, r.fund)).collect();
        assert_eq!(order, [(true, false), (true, false), (true, false), (true, true), (false, false), (false, false)]);
        let chart = layout(&input, &Canvas::new(800.0));
        let who = chart.drawn().expect("drawn");
        assert_eq!(who.rows[3].shapes.net.text, "Kvar i fonden 9\u{a0}000\u{a0}tkr");
        assert_eq!(who.rows[3].actor, None);
        let mut s = p.scenario.clone();
        s.fund.accounting = Accounting::EarmarkedEquity;
        let o = crate::model::simulate(&s).expect("valid");
        let input = ChartInput { scenario: &s, outcome: &o, lang: Lang::En, unit: Unit::Thousand };
        assert_eq!(
            reconcile_line(&input),
            "The actors inside the organisation 1,701\u{a0}kSEK = the organisation's result 1,701\u{a0}kSEK ✓ adds up (earmarked equity: the allocation to the fund is equity, not a cost, so the fund is not added)."
        );
    }

    #[test]
    fn a_direction_without_room_is_left_out() {
        // Nobody pays: zero is at the plot's left edge, and "← pays" would start left of the chart.
        let (s, mut o) = three_actors();
        o.actors[0].cost_borne = Decimal::ZERO;
        o.actors[0].net_total = o.actors[0].savings_total;
        let input = ChartInput { scenario: &s, outcome: &o, lang: Lang::En, unit: Unit::Thousand };
        let chart = layout(&input, &Canvas::new(400.0));
        let who = chart.drawn().expect("drawn");
        let directions: Vec<&str> = who.directions.iter().map(|d| d.text.as_str()).collect();
        assert_eq!(directions, ["gains →"]);
    }

    #[test]
    fn segments_stack_by_side() {
        let row = |cost: i64, savings: i64| Row {
            id: "a".into(),
            name: "A".into(),
            inside: true,
            fund: false,
            cost: Decimal::from(cost),
            savings: Decimal::from(savings),
            net: Decimal::from(savings - cost),
        };
        let seg =
            |from: i64, to: i64, is_cost: bool| Segment { from: Decimal::from(from), to: Decimal::from(to), is_cost };
        // A cost of 3 and savings of 5: −3..0 and 0..5.
        assert_eq!(
            segments(&row(3, 5)),
            (vec![seg(-3, 0, true), seg(0, 5, false)], Decimal::from(-3), Decimal::from(5))
        );
        // Negative savings (a cost that rises) stack after the cost on the left: −3..0, −5..−3.
        assert_eq!(
            segments(&row(3, -2)),
            (vec![seg(-3, 0, true), seg(-5, -3, false)], Decimal::from(-5), Decimal::ZERO)
        );
        // A negative cost (money back) is a gain on the right.
        assert_eq!(segments(&row(-4, 0)), (vec![seg(0, 4, true)], Decimal::ZERO, Decimal::from(4)));
    }
}
