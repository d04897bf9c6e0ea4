//! The fund over time: money in (allocation, repayments) and money out
//! (grants, hatched) per year as grouped bars, and the closing balance as a
//! line with points. A negative balance lies in a red-tinted zone below zero,
//! its points are diamonds with a minus sign, and the first such year is
//! labelled "Fonden är tom 2031".

use rust_decimal::Decimal;
use yew::prelude::*;

use super::axis::{label_every, money_grid, nice_ticks, px, text_width, Bands, Scale};
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
    let zone = if ticks.lo() < Decimal::ZERO {
        let zy = y.money(ticks.lo());
        html! {
            <rect class={classes!("chart-negative-zone", palette::fill_class(PAY))} x={px(plot_left)} y={px(y0)} width={px(plot_right - plot_left)} height={px((zy - y0).max(0.0))}
                  fill-opacity="0.1" />
        }
    } else {
        html! {}
    };

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
            l.opening().to_lowercase(),
            m.text(f.open),
            l.allocation().to_lowercase(),
            m.text(f.allocation),
            l.repayments().to_lowercase(),
            m.text(f.repayments),
            l.grants_short().to_lowercase(),
            m.text(f.grants),
            l.balance_short().to_lowercase(),
            m.text(f.close)
        );
        if negative {
            label.push_str(&format!(" ({})", l.negative_balance().to_lowercase()));
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

    // The balance line and its points, over the bars, not catching the mouse.
    let points: Vec<(f64, f64, bool)> =
        fund.iter().enumerate().map(|(i, f)| (bands.center(i), y.money(f.close), f.close < Decimal::ZERO)).collect();
    let line = points.iter().map(|(x, y, _)| format!("{},{}", px(*x), px(*y))).collect::<Vec<_>>().join(" ");
    let r = if n > 30 { 3.0 } else { 4.5 };
    let marks = points.iter().map(|&(x, py, negative)| {
        if negative {
            html! {
                <g class="balance-point negative">
                    <path class={palette::fill_class(PAY)} d={diamond(x, py, r + 2.5)} stroke="currentColor" stroke-width="1" />
                    <line x1={px(x - r + 1.0)} x2={px(x + r - 1.0)} y1={px(py)} y2={px(py)} stroke="#ffffff" stroke-width="1.5" />
                </g>
            }
        } else {
            html! { <circle class={classes!("balance-point", palette::fill_class(BALANCE))} cx={px(x)} cy={px(py)} r={px(r)} stroke="#ffffff" stroke-width="1" /> }
        }
    });
    let dry_label = dry
        .and_then(|year| fund.iter().position(|f| f.year == year).map(|i| (year, i)))
        .map(|(year, i)| {
            // A dashed marker down the first negative year, and the words beside it, just below zero.
            let x = bands.center(i);
            let text = l.runs_dry(year);
            let tw = text_width(&text, font);
            let (tx, anchor) = if x + 6.0 + tw <= plot_right { (x + 6.0, "start") } else { (x - 6.0, "end") };
            html! {
                <g class="chart-runs-dry" pointer-events="none">
                    <line class={palette::stroke(PAY)} x1={px(x)} x2={px(x)} y1={px(y0)} y2={px(plot_bottom)} stroke-width="2" stroke-dasharray="5 3" />
                    <text class="chart-halo" x={px(tx)} y={px(y0 + font * 1.3)} text-anchor={anchor} font-weight="700">{ text }</text>
                </g>
            }
        })
        .unwrap_or_default();

    // Years on the x axis, thinned so that they never overlap.
    let every = label_every(bands.step(), text_width("2030", small), 6.0);
    let years = fund.iter().enumerate().filter(|(i, _)| i % every == 0).map(|(i, f)| {
        html! { <text x={px(bands.center(i))} y={px(plot_bottom + small * 1.4)} text-anchor="middle" font-size={px(small)}>{ f.year }</text> }
    });

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
            { zone }
            { grid }
            <g class="chart-bars">{ for items }</g>
            <polyline class={classes!("balance-line", palette::stroke(BALANCE))} points={line} fill="none" stroke-width="2.5" pointer-events="none" />
            <g class="balance-points" pointer-events="none">{ for marks }</g>
            { dry_label }
            <g class="chart-x-axis">{ for years }</g>
            { tooltip(frame, tip, height) }
        </>
    };
    frame.svg("fund", height, l.fund_title(), &desc, body)
}
