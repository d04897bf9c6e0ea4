//! The fund over time: money in (allocation, repayments) and money out
//! (grants, hatched) per year as grouped bars, and the closing balance as a
//! line with points. A negative balance lies in a red-tinted zone below zero,
//! its points are diamonds with a minus sign, and the first such year is
//! labelled "Fonden är tom 2031".

use rust_decimal::Decimal;
use yew::prelude::*;

use crate::words::lowercase;

use super::axis::{label_every, money_grid, nice_ticks, push_px, px, text_width, Bands, Markup, Scale};
use super::frame::Frame;
use super::labels::{Labels, Money};
use super::legend::{diamond, legend, Entry, Swatch};
use super::palette::{self, BALANCE, FUND, PAY};
use super::tooltip::{item, tooltip, Focus, ItemData, Tip};
use super::ChartProps;

/// The first year whose closing balance is below zero.
pub fn first_negative_year(fund: &[crate::model::FundYear]) -> Option<i32> {
    fund.iter().find(|f| f.close < Decimal::ZERO).map(|f| f.year)
}

/// Draws the chart (the component only adds its state).
pub fn view(props: &ChartProps, frame: &Frame, focus: &Focus) -> Html {
    let l = Labels::new(props.lang);
    let m = Money::new(props.unit, &props.scenario.currency, props.lang);
    let fund = &props.outcome.fund;
    let w = frame.width();
    let (font, small) = (frame.font(), frame.small());

    let Some((first, last)) = fund.first().zip(fund.last()) else {
        let body = html! { <text x={px(w / 2.0)} y="40" text-anchor="middle">{ l.no_years() }</text> };
        return frame.svg("fund", 70.0, l.fund_title(), l.no_years(), body);
    };

    let dry = first_negative_year(fund);
    let grants_total = fund.iter().fold(Decimal::ZERO, |s, f| s.saturating_add(f.grants));
    let repaid_total = fund.iter().fold(Decimal::ZERO, |s, f| s.saturating_add(f.repayments));
    let desc = l.fund_desc(
        (first.year, &m.text(first.close)),
        (last.year, &m.text(last.close)),
        dry,
        &m.text(grants_total),
        &m.text(repaid_total),
    );

    // Legend on top.
    let prefix = &frame.prefix;
    let mut entries = vec![
        Entry::new(Swatch::Fill(palette::fill(FUND)), l.allocation()),
        Entry::new(Swatch::Fill(palette::fill_url(&palette::dots_id(prefix))), l.repayments()),
        Entry::new(Swatch::Fill(palette::fill_url(&palette::hatch_id(prefix))), l.grants()),
        Entry::new(Swatch::Line(BALANCE.to_string()), l.balance()),
    ];
    if dry.is_some() {
        entries.push(Entry::new(Swatch::Negative(PAY.to_string()), l.negative_balance()));
    }
    let margin = 8.0;
    let (legend_html, legend_h) = legend(&entries, margin, w - margin, margin, small);

    // The money axis: in, out and the balance, always with zero.
    let lo = fund.iter().map(|f| f.close).fold(Decimal::ZERO, Decimal::min);
    let hi = fund
        .iter()
        .map(|f| f.allocation.saturating_add(f.repayments).max(f.grants).max(f.close))
        .fold(Decimal::ZERO, Decimal::max);
    let ticks = nice_ticks(lo, hi, props.unit, props.lang, frame.tick_target());
    let unit_top = margin + legend_h + 6.0;
    let plot_top = unit_top + small * 2.0;
    let plot_h = if frame.compact { 250.0 } else { 300.0 };
    let plot_bottom = plot_top + plot_h;
    let height = plot_bottom + small * 2.2;
    let plot_left = margin + ticks.label_width(small) + 8.0;
    let plot_right = w - margin;
    let y = Scale::for_ticks(&ticks, plot_bottom, plot_top);
    let y0 = y.map(0.0);

    let grid = money_grid(&ticks, &y, plot_left, plot_right, small);
    // Below the bars: the negative zone (drawn as text, as every part that
    // is not focused or hovered).
    let mut below = Markup::default();
    if ticks.lo() < Decimal::ZERO {
        let zy = y.money(ticks.lo());
        below.open("rect").attr("class", &format!("chart-negative-zone {}", palette::fill_class(PAY)));
        below.num("x", plot_left).num("y", y0).num("width", plot_right - plot_left).num("height", (zy - y0).max(0.0));
        below.attr("fill-opacity", "0.1").close();
    }

    let n = fund.len();
    let bands = Bands::new(n, plot_left, plot_right, if n > 30 { 0.15 } else { 0.25 });
    let bar_w = (bands.width() / 2.0 - 0.5).max(0.5);
    let rect = |x: f64, a: f64, b: f64, paint: palette::Paint, class: &'static str| {
        let (top, h) = (a.min(b), (a - b).abs());
        html! { <rect class={classes!(class, paint.class())} x={px(x)} y={px(top)} width={px(bar_w)} height={px(h)} fill={paint.fill()} /> }
    };
    let hatch = palette::fill_url(&palette::hatch_id(prefix));
    let dots = palette::fill_url(&palette::dots_id(prefix));
    let items = fund.iter().enumerate().map(|(i, f)| {
        let x_in = bands.start(i);
        let x_out = x_in + bar_w + 1.0;
        let y_alloc = y.money(f.allocation);
        let y_in = y.money(f.allocation.saturating_add(f.repayments));
        let y_grants = y.money(f.grants);
        let negative = f.close < Decimal::ZERO;
        let mut label = format!(
            "{}: {} {}, {} {}, {} {}, {} {}, {} {}",
            f.year,
            lowercase(l.opening()),
            m.text(f.open),
            lowercase(l.allocation()),
            m.text(f.allocation),
            lowercase(l.repayments()),
            m.text(f.repayments),
            lowercase(l.grants_short()),
            m.text(f.grants),
            lowercase(l.balance_short()),
            m.text(f.close)
        );
        if negative {
            label.push_str(&format!(" ({})", lowercase(l.negative_balance())));
        }
        let focused = focus.is(i);
        let hit = html! {
            <rect class="chart-hit" x={px(bands.boundary(i))} y={px(plot_top)} width={px(bands.step())} height={px(plot_h)}
                  fill="currentColor" fill-opacity={if focused { "0.08" } else { "0" }}
                  stroke={if focused { "currentColor" } else { "none" }} stroke-dasharray="3 2" />
        };
        let children = html! {
            <>
                { hit }
                { rect(x_in, y0, y_alloc, palette::fill(FUND), "bar-allocation") }
                { rect(x_in, y_alloc, y_in, dots.clone(), "bar-repayments") }
                { rect(x_out, y0, y_grants, hatch.clone(), "bar-grants") }
            </>
        };
        item(focus, i, "chart-bar", ItemData { year: Some(f.year), actor: None, negative }, &label, children)
    });

    // The balance line and its points, over the bars, not catching the mouse;
    // the marker of the year the fund runs dry; the years on the x axis.
    let mut above = Markup::default();
    let points: Vec<(f64, f64, bool)> =
        fund.iter().enumerate().map(|(i, f)| (bands.center(i), y.money(f.close), f.close < Decimal::ZERO)).collect();
    let mut line = String::new();
    for (k, (x, py, _)) in points.iter().enumerate() {
        if k > 0 {
            line.push(' ');
        }
        push_px(&mut line, *x);
        line.push(',');
        push_px(&mut line, *py);
    }
    above.open("polyline").attr("class", &format!("balance-line {}", palette::stroke(BALANCE))).attr("points", &line);
    above.attr("fill", "none").attr("stroke-width", "2.5").attr("pointer-events", "none").close();
    let r = if n > 30 { 3.0 } else { 4.5 };
    above.open("g").attr("class", "balance-points").attr("pointer-events", "none").end();
    for &(x, py, negative) in &points {
        if negative {
            above.open("g").attr("class", "balance-point negative").end();
            above.open("path").attr("class", &palette::fill_class(PAY)).attr("d", &diamond(x, py, r + 2.5));
            above.attr("stroke", "currentColor").attr("stroke-width", "1").close();
            above.open("line").num("x1", x - r + 1.0).num("x2", x + r - 1.0).num("y1", py).num("y2", py);
            above.attr("stroke", "#ffffff").attr("stroke-width", "1.5").close();
            above.shut("g");
        } else {
            above.open("circle").attr("class", &format!("balance-point {}", palette::fill_class(BALANCE)));
            above.num("cx", x).num("cy", py).num("r", r).attr("stroke", "#ffffff").attr("stroke-width", "1").close();
        }
    }
    above.shut("g");
    if let Some((year, i)) = dry.and_then(|year| fund.iter().position(|f| f.year == year).map(|i| (year, i))) {
        // A dashed marker down the first negative year, and the words beside it, just below zero.
        let x = bands.center(i);
        let text = l.runs_dry(year);
        let tw = text_width(&text, font);
        let (tx, anchor) = if x + 6.0 + tw <= plot_right { (x + 6.0, "start") } else { (x - 6.0, "end") };
        above.open("g").attr("class", "chart-runs-dry").attr("pointer-events", "none").end();
        above
            .open("line")
            .attr("class", &palette::stroke(PAY))
            .num("x1", x)
            .num("x2", x)
            .num("y1", y0)
            .num("y2", plot_bottom);
        above.attr("stroke-width", "2").attr("stroke-dasharray", "5 3").close();
        above
            .open("text")
            .attr("class", "chart-halo")
            .num("x", tx)
            .num("y", y0 + font * 1.3)
            .attr("text-anchor", anchor);
        above.attr("font-weight", "700").end().text(&text).shut("text");
        above.shut("g");
    }
    // Years on the x axis, thinned so that they never overlap.
    let every = label_every(bands.step(), text_width("2030", small), 6.0);
    above.open("g").attr("class", "chart-x-axis").end();
    for (i, f) in fund.iter().enumerate().filter(|(i, _)| i % every == 0) {
        above.open("text").num("x", bands.center(i)).num("y", plot_bottom + small * 1.4).attr("text-anchor", "middle");
        above.num("font-size", small).end().text(&f.year.to_string()).shut("text");
    }
    above.shut("g");

    let tip = focus.current.and_then(|i| fund.get(i).map(|f| (i, f))).map(|(i, f)| {
        let mut lines = vec![
            f.year.to_string(),
            format!("{}: {}", l.opening(), m.text(f.open)),
            format!("{} ({}): {}", l.allocation(), l.money_in(), m.text(f.allocation)),
            format!("{} ({}): {}", l.repayments(), l.money_in(), m.text(f.repayments)),
            format!("{} ({}): {}", l.grants_short(), l.money_out(), m.text(f.grants)),
            format!("{}: {}", l.balance(), m.text(f.close)),
        ];
        if f.close < Decimal::ZERO {
            lines.push(l.negative_balance().to_string());
        }
        let top = [y.money(f.allocation.saturating_add(f.repayments)), y.money(f.grants), y.money(f.close)]
            .into_iter()
            .fold(f64::INFINITY, f64::min);
        Tip { x: bands.center(i), y: top, lines, dodge: bands.step() / 2.0 }
    });

    let body = html! {
        <>
            { palette::defs(prefix, 0) }
            { legend_html }
            <text x={px(margin)} y={px(unit_top + small * 0.5)} font-size={px(small)} dominant-baseline="central">{ m.unit_label() }</text>
            { below.into_html() }
            { grid }
            <g class="chart-bars">{ for items }</g>
            { above.into_html() }
            { tooltip(frame, tip, height) }
        </>
    };
    frame.svg("fund", height, l.fund_title(), &desc, body)
}
