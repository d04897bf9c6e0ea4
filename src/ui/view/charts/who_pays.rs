//! Who pays, who gains: per actor over the whole horizon, the cost it bears
//! (`cost_borne`: co-financing + repayment + fund cost) as a hatched bar to
//! the left of zero, its savings (`savings_total`) as a solid bar to the
//! right, and its net (`net_total`) as a black marker with a signed label.
//! Actors are grouped inside and outside the organisation: the wrong-pocket
//! picture in one glance.

use rust_decimal::Decimal;
use yew::prelude::*;

use crate::words::lowercase;

use super::axis::{ellipsize, label_every, nice_ticks, px, text_width, Markup, Scale, CHAR_WIDTH};
use super::frame::Frame;
use super::labels::{Labels, Money};
use super::legend::{legend, Entry, Swatch};
use super::palette::{self, GAIN};
use super::tooltip::{item, tooltip, Focus, ItemData, Tip};
use super::ChartProps;

/// One actor's row.
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

/// The rows of the chart: the outcome's actors with their names, inside ones first.
pub fn rows(props: &ChartProps) -> Vec<Row> {
    let rows: Vec<Row> = props
        .outcome
        .actors
        .iter()
        .map(|a| {
            let actor = props.scenario.actor(&a.id);
            Row {
                id: a.id.clone(),
                name: actor.map(|x| x.name.clone()).filter(|n| !n.trim().is_empty()).unwrap_or_else(|| a.id.clone()),
                inside: actor.map(|x| x.inside).unwrap_or(true),
                cost: a.cost_borne,
                savings: a.savings_total,
                net: a.net_total,
            }
        })
        .collect();
    super::inside_first(rows, |r| r.inside)
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
            let end = neg.saturating_add(value);
            out.push(Segment { from: end, to: neg, is_cost });
            neg = end;
        } else {
            let end = pos.saturating_add(value);
            out.push(Segment { from: pos, to: end, is_cost });
            pos = end;
        }
    }
    (out, neg, pos)
}

/// Draws the chart.
pub fn view(props: &ChartProps, frame: &Frame, focus: &Focus) -> Html {
    let l = Labels::new(props.lang);
    let m = Money::new(props.unit, &props.scenario.currency, props.lang);
    let w = frame.width();
    let (font, small) = (frame.font(), frame.small());
    let margin = 8.0;
    let rows = rows(props);
    if rows.is_empty() {
        let body = html! { <text x={px(w / 2.0)} y="40" text-anchor="middle">{ l.no_actors() }</text> };
        return frame.svg("who-pays", 70.0, l.who_pays_title(), l.no_actors(), body);
    }
    let prefix = &frame.prefix;
    let hatch = palette::fill_url(&palette::hatch_id(prefix));

    let entries = vec![
        Entry::new(Swatch::Fill(hatch.clone()), l.cost_borne()),
        Entry::new(Swatch::Fill(palette::fill(GAIN)), l.savings()),
        Entry::new(Swatch::Tick, l.net()),
    ];
    let (legend_html, legend_h) = legend(&entries, margin, w - margin, margin, small);

    // The amount axis, and room on both sides for the value labels.
    let parts: Vec<_> = rows.iter().map(segments).collect();
    let lo = parts.iter().map(|p| p.1).fold(Decimal::ZERO, Decimal::min);
    let hi = parts.iter().map(|p| p.2).fold(Decimal::ZERO, Decimal::max);
    let lo = rows.iter().map(|r| r.net).fold(lo, Decimal::min);
    let hi = rows.iter().map(|r| r.net).fold(hi, Decimal::max);
    let left_labels: Vec<String> =
        parts.iter().map(|p| if p.1 < Decimal::ZERO { m.signed(p.1) } else { String::new() }).collect();
    let right_labels: Vec<String> =
        parts.iter().map(|p| if p.2 > Decimal::ZERO { m.signed(p.2) } else { String::new() }).collect();
    let pad = |labels: &[String]| labels.iter().map(|t| text_width(t, small)).fold(0.0, f64::max) + 6.0;
    let (pad_left, pad_right) = (pad(&left_labels), pad(&right_labels));
    let ticks = nice_ticks(lo, hi, props.unit, props.lang, frame.tick_target());
    let plot_left = margin + pad_left.max(ticks.label_width(small) / 2.0);
    let plot_right = w - margin - pad_right.max(ticks.label_width(small) / 2.0);
    let x = Scale::for_ticks(&ticks, plot_left, plot_right.max(plot_left + 1.0));
    // Label every k-th tick counted from zero, so that labels side by side never touch.
    let spacing = (plot_right - plot_left).max(1.0) / (ticks.values.len().max(2) - 1) as f64;
    let every = label_every(spacing, ticks.label_width(small), 12.0);
    let zero_at = ticks.values.iter().position(|v| v.is_zero()).unwrap_or(0);
    let x0 = x.map(0.0);

    // Rows, top to bottom, with a header per group.
    let header_top = margin + legend_h + 4.0;
    let header_h = small * 1.6;
    let name_h = font * 1.5;
    let bar_h = if frame.compact { 18.0 } else { 20.0 };
    let row_gap = 10.0;
    let group_h = font * 1.9;
    let mut cy = header_top + header_h;
    let mut groups = Vec::new();
    let mut places = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        if i == 0 || rows[i - 1].inside != row.inside {
            groups.push((cy, if row.inside { l.inside() } else { l.outside() }));
            cy += group_h;
        }
        places.push(cy);
        cy += name_h + bar_h + row_gap;
    }
    let rows_bottom = cy;
    let height = rows_bottom + small * 2.4;

    // Grid and group headings, drawn as text (nothing here is focused or hovered).
    let mut below = Markup::default();
    for (k, (v, label)) in ticks.values.iter().zip(&ticks.labels).enumerate() {
        let tx = x.money(*v);
        let zero = v.is_zero();
        let label = if k.abs_diff(zero_at) % every == 0 { label.as_str() } else { "" };
        below.open("g").attr("class", "chart-tick").end();
        below.open("line").num("x1", tx).num("x2", tx).num("y1", header_top + header_h).num("y2", rows_bottom);
        below.attr("stroke", "currentColor").attr("stroke-opacity", if zero { "0.7" } else { "0.15" });
        below.attr("stroke-width", if zero { "1.5" } else { "1" }).close();
        below.open("text").num("x", tx).num("y", rows_bottom + small * 1.3).attr("text-anchor", "middle");
        below.num("font-size", small).end().text(label).shut("text").shut("g");
    }
    for (gy, text) in &groups {
        below.open("g").attr("class", "chart-group").end();
        below.open("line").num("x1", margin).num("x2", w - margin).num("y1", *gy + 2.0).num("y2", *gy + 2.0);
        below.attr("stroke", "currentColor").attr("stroke-opacity", "0.35").close();
        below.open("text").num("x", margin).num("y", *gy + font * 1.25).attr("font-weight", "700").end();
        below.text(text).shut("text").shut("g");
    }

    let items = rows.iter().enumerate().map(|(i, row)| {
        let top = places[i];
        let bar_top = top + name_h;
        let (segs, _, _) = &parts[i];
        let bars = segs.iter().map(|s| {
            let (a, b) = (x.money(s.from), x.money(s.to));
            // By side, not by origin: a negative saving (a cost that rises) is paid, so it is
            // hatched on the left; a negative cost (money back) is a gain on the right.
            let paid = s.to <= Decimal::ZERO;
            let paint = if paid { hatch.clone() } else { palette::fill(GAIN) };
            let class = if paid { "bar-cost" } else { "bar-savings" };
            html! { <rect class={classes!(class, paint.class())} x={px(a.min(b))} y={px(bar_top)} width={px((b - a).abs().max(0.5))} height={px(bar_h)} fill={paint.fill()} /> }
        });
        let net_x = x.money(row.net);
        let net_text = format!("{} {}", l.net(), m.signed(row.net));
        // The name gets what the net label leaves of the line.
        // (The net label is bold: a little wider than the estimate.)
        let max_name = ((w - 2.0 * margin - text_width(&net_text, font) * 1.1 - 12.0) / (font * CHAR_WIDTH)).max(8.0) as usize;
        let label = format!(
            "{}: {} {}, {} {}, {} {}",
            row.name,
            l.cost_word(),
            m.text(row.cost),
            l.savings_word(),
            m.text(row.savings),
            lowercase(l.net()),
            m.signed(row.net)
        );
        let focused = focus.is(i);
        let children = html! {
            <>
                <rect class="chart-hit" x={px(margin / 2.0)} y={px(top - 2.0)} width={px(w - margin)} height={px(name_h + bar_h + row_gap)}
                      fill="currentColor" fill-opacity={if focused { "0.08" } else { "0" }}
                      stroke={if focused { "currentColor" } else { "none" }} stroke-dasharray="3 2" />
                <text class="chart-actor-name" x={px(margin)} y={px(top + font * 1.05)}>{ ellipsize(&row.name, max_name) }</text>
                <text class="chart-net-label" x={px(w - margin)} y={px(top + font * 1.05)} text-anchor="end" font-weight="700">{ net_text }</text>
                { for bars }
                <text x={px(x.money(parts[i].1) - 4.0)} y={px(bar_top + bar_h / 2.0)} text-anchor="end" dominant-baseline="central" font-size={px(small)}>{ left_labels[i].clone() }</text>
                <text x={px(x.money(parts[i].2) + 4.0)} y={px(bar_top + bar_h / 2.0)} dominant-baseline="central" font-size={px(small)}>{ right_labels[i].clone() }</text>
                <rect class="net-marker" x={px(net_x - 2.0)} y={px(bar_top - 4.0)} width="4" height={px(bar_h + 8.0)} fill="currentColor"
                      stroke="var(--c-halo, #ffffff)" stroke-width="1" />
            </>
        };
        item(focus, i, "chart-row", ItemData { year: None, actor: Some(row.id.clone()), negative: row.net < Decimal::ZERO }, &label, children)
    });

    let tip = focus.current.and_then(|i| rows.get(i).map(|r| (i, r))).map(|(i, r)| Tip {
        x: x0,
        y: places[i] + name_h,
        lines: vec![
            r.name.clone(),
            format!("{}: {}", l.cost_borne(), m.text(r.cost)),
            format!("{}: {}", l.savings(), m.text(r.savings)),
            format!("{}: {}", l.net(), m.signed(r.net)),
        ],
        dodge: 0.0,
    });

    let arrow_y = header_top + header_h * 0.5;
    let body = html! {
        <>
            { palette::defs(prefix, 0) }
            { legend_html }
            <g class="chart-directions" font-size={px(small)}>
                <text x={px(x0 - 6.0)} y={px(arrow_y)} text-anchor="end" dominant-baseline="central">{ l.pays_arrow() }</text>
                <text x={px(x0 + 6.0)} y={px(arrow_y)} dominant-baseline="central">{ l.gains_arrow() }</text>
                <text x={px(w - margin)} y={px(rows_bottom + small * 2.6)} text-anchor="end" font-size={px(small)}>{ l.amounts_in(&m.unit_label()) }</text>
            </g>
            { below.into_html() }
            <g class="chart-rows">{ for items }</g>
            { tooltip(frame, tip, height + small) }
        </>
    };
    // The figures themselves, for those who cannot see the bars.
    let figures: Vec<String> = rows
        .iter()
        .map(|r| {
            format!(
                "{}: {} {}, {} {}, {} {}",
                r.name,
                l.cost_word(),
                m.text(r.cost),
                l.savings_word(),
                m.text(r.savings),
                lowercase(l.net()),
                m.signed(r.net)
            )
        })
        .collect();
    let desc = format!("{} {}.", l.who_pays_desc(), figures.join("; "));
    frame.svg("who-pays", height + small, l.who_pays_title(), &desc, body)
}
