//! A Sankey-style flow from those who pay to those who gain.
//!
//! Left: the payers, each sized by what it pays: its cost borne, plus any
//! negative savings (a cost that rises for it). Right: the gainers, each sized
//! by its savings, plus any negative cost (money it gets back). Both columns
//! are grouped inside and outside the organisation, on one pixel scale.
//!
//! The links are a simple, honest allocation, said so in the caption: the
//! link from payer p to gainer g carries `pay_p × gain_g / G` at the payer's
//! end and `gain_g × pay_p / P` at the gainer's end (P, G the column totals),
//! so the links leaving a payer add up to its node and those reaching a
//! gainer add up to its node; when P ≠ G the links taper.

use rust_decimal::Decimal;
use yew::prelude::*;

use crate::words::lowercase;

use super::axis::{ellipsize, push_px, px, wrap, Markup, CHAR_WIDTH, NAME_CHAR_WIDTH};
use super::frame::Frame;
use super::labels::{Labels, Money};
use super::palette;
use super::tooltip::{item, tooltip, Focus, ItemData, Tip};
use super::ChartProps;
use crate::words::format::{percent, to_f64_lossy};

/// An actor in one of the two columns.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub id: String,
    pub name: String,
    pub inside: bool,
    /// Position of the actor in the scenario: its colour and pattern.
    pub colour: usize,
    /// What it pays (left column) or gains (right column), > 0.
    pub amount: Decimal,
}

/// A link between payer `from` and gainer `to`, with its amount at each end.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Link {
    pub from: usize,
    pub to: usize,
    /// Width at the payer's end, in money: `pay_from × gain_to / G`.
    pub out_amount: Decimal,
    /// Width at the gainer's end, in money: `gain_to × pay_from / P`.
    pub in_amount: Decimal,
}

/// The two columns: payers and gainers, inside actors first, each in scenario order.
pub fn columns(props: &ChartProps) -> (Vec<Node>, Vec<Node>) {
    let mut payers = Vec::new();
    let mut gainers = Vec::new();
    for (k, a) in props.outcome.actors.iter().enumerate() {
        let actor = props.scenario.actor(&a.id);
        let colour = props.scenario.actors.iter().position(|x| x.id == a.id).unwrap_or(k);
        let name = actor.map(|x| x.name.clone()).filter(|n| !n.trim().is_empty()).unwrap_or_else(|| a.id.clone());
        let inside = actor.map(|x| x.inside).unwrap_or(true);
        let pay = a.cost_borne.max(Decimal::ZERO).saturating_add((-a.savings_total).max(Decimal::ZERO));
        let gain = a.savings_total.max(Decimal::ZERO).saturating_add((-a.cost_borne).max(Decimal::ZERO));
        let node = |amount| Node { id: a.id.clone(), name: name.clone(), inside, colour, amount };
        if pay > Decimal::ZERO {
            payers.push(node(pay));
        }
        if gain > Decimal::ZERO {
            gainers.push(node(gain));
        }
    }
    (super::inside_first(payers, |n| n.inside), super::inside_first(gainers, |n| n.inside))
}

/// Sum of amounts, saturating at Decimal's limits.
pub fn total(amounts: &[Decimal]) -> Decimal {
    amounts.iter().fold(Decimal::ZERO, |s, a| s.saturating_add(*a))
}

/// The proportional links between payers and gainers, payer by payer, each
/// payer's links in gainer order. Empty when either side has nothing.
pub fn apportion(pay: &[Decimal], gain: &[Decimal]) -> Vec<Link> {
    let (p_total, g_total) = (total(pay), total(gain));
    if p_total <= Decimal::ZERO || g_total <= Decimal::ZERO {
        return Vec::new();
    }
    let mut links = Vec::with_capacity(pay.len() * gain.len());
    for (from, p) in pay.iter().enumerate() {
        // Shares are at most 1, so the products cannot overflow.
        let p_share = p.checked_div(p_total).unwrap_or(Decimal::ZERO);
        for (to, g) in gain.iter().enumerate() {
            let g_share = g.checked_div(g_total).unwrap_or(Decimal::ZERO);
            let out_amount = p.checked_mul(g_share).unwrap_or(Decimal::ZERO);
            let in_amount = g.checked_mul(p_share).unwrap_or(Decimal::ZERO);
            links.push(Link { from, to, out_amount, in_amount });
        }
    }
    links
}

/// Where each node of a column goes: its top and its height in pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    pub top: f64,
    pub height: f64,
    /// A group header ("Inside the organisation") drawn above this node, at this y.
    pub header: Option<f64>,
}

/// Stacks a column from `top`: node heights `k × amount`, each node given at
/// least `min_slots[i]` of room for its label, `gap` between nodes and a header
/// of `header_h` before each group. Returns the places and the column's bottom.
pub fn stack(nodes: &[Node], k: f64, top: f64, min_slots: &[f64], gap: f64, header_h: f64) -> (Vec<Placed>, f64) {
    let mut y = top;
    let mut out = Vec::with_capacity(nodes.len());
    for (i, n) in nodes.iter().enumerate() {
        let header = if i == 0 || nodes[i - 1].inside != n.inside {
            let at = y;
            y += header_h;
            Some(at)
        } else {
            None
        };
        let height = (k * to_f64_lossy(n.amount)).max(0.0);
        let height = if height.is_finite() { height } else { 0.0 };
        out.push(Placed { top: y, height, header });
        y += height.max(min_slots.get(i).copied().unwrap_or(0.0)) + gap;
    }
    (out, y - if nodes.is_empty() { 0.0 } else { gap })
}

/// A name on at most two lines of about `max_chars`, broken at spaces, each line cut with an ellipsis if still too long.
pub fn name_lines(name: &str, max_chars: usize) -> Vec<String> {
    let max_chars = max_chars.max(4);
    // Break long compounds only when that keeps the name within two lines.
    let mut lines = wrap(&split_compounds(name, max_chars), max_chars);
    if lines.len() > 2 {
        lines = wrap(name, max_chars);
    }
    if lines.len() > 2 {
        let rest = lines.split_off(1).join(" ");
        lines.push(rest);
    }
    let mut lines: Vec<String> = lines.iter().map(|l| ellipsize(l, max_chars)).collect();
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

/// Endings of Swedish administrations' names where a long compound may break:
/// "Social-" / "förvaltningen".
const COMPOUND_ENDINGS: [&str; 9] =
    ["förvaltningen", "förvaltning", "nämnden", "nämnd", "styrelsen", "kassan", "myndigheten", "verket", "tjänsten"];

/// Each word longer than `max_chars` that ends in a known ending is split
/// there with a hyphen, so that it can wrap: "Socialförvaltningen" → "Social- förvaltningen".
pub fn split_compounds(name: &str, max_chars: usize) -> String {
    name.split(' ')
        .map(|word| {
            if word.chars().count() <= max_chars {
                return word.to_string();
            }
            let lower = lowercase(word);
            for ending in COMPOUND_ENDINGS {
                if lower.ends_with(ending)
                    && lower.len() >= ending.len() + 3
                    && word.is_char_boundary(word.len() - ending.len())
                {
                    let (head, tail) = word.split_at(word.len() - ending.len());
                    if !head.ends_with('-') {
                        return format!("{head}- {tail}");
                    }
                }
            }
            word.to_string()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Above this many links each payer's links are drawn as one shape.
pub const MERGE_LINKS_ABOVE: usize = 120;
/// The largest flows named in a merged shape's title.
const TITLE_LINKS: usize = 5;

/// The band of a link: from (x0, a0..b0) to (x1, a1..b1), curved.
fn band_path(x0: f64, a0: f64, b0: f64, x1: f64, a1: f64, b1: f64) -> String {
    let xm = (x0 + x1) / 2.0;
    // M x0,a0 C xm,a0 xm,a1 x1,a1 L x1,b1 C xm,b1 xm,b0 x0,b0 Z
    let points = [(x0, a0), (xm, a0), (xm, a1), (x1, a1), (x1, b1), (xm, b1), (xm, b0), (x0, b0)];
    let mut d = String::with_capacity(96);
    for (k, (x, y)) in points.into_iter().enumerate() {
        d.push_str(match k {
            0 => "M",
            1 | 5 => " C",
            4 => " L",
            _ => " ",
        });
        push_px(&mut d, x);
        d.push(',');
        push_px(&mut d, y);
    }
    d.push_str(" Z");
    d
}

/// Draws the chart.
pub fn view(props: &ChartProps, frame: &Frame, focus: &Focus) -> Html {
    let l = Labels::new(props.lang);
    let m = Money::new(props.unit, &props.scenario.currency, props.lang);
    let w = frame.width();
    let (font, small) = (frame.font(), frame.small());
    let margin = 8.0;
    let (payers, gainers) = columns(props);
    let pay: Vec<Decimal> = payers.iter().map(|n| n.amount).collect();
    let gain: Vec<Decimal> = gainers.iter().map(|n| n.amount).collect();
    let (p_total, g_total) = (total(&pay), total(&gain));
    let max_chars = ((w - 2.0 * margin) / (small * CHAR_WIDTH)) as usize;

    if payers.is_empty() || gainers.is_empty() {
        let text = l.flow_nothing(!payers.is_empty(), !gainers.is_empty());
        let lines = wrap(text, ((w - 2.0 * margin) / (font * CHAR_WIDTH)) as usize);
        let height = 30.0 + lines.len() as f64 * font * 1.4;
        let body = html! {
            <text class="chart-empty" x={px(w / 2.0)} y="30" text-anchor="middle">
                { for lines.iter().enumerate().map(|(i, line)| html! {
                    <tspan x={px(w / 2.0)} dy={if i == 0 { "0".to_string() } else { px(font * 1.4) }}>{ line.clone() }</tspan>
                }) }
            </text>
        };
        return frame.svg("flow", height, l.flow_title(), text, body);
    }

    let links = apportion(&pay, &gain);
    let prefix = &frame.prefix;
    let n_patterns = props.scenario.actors.len().max(props.outcome.actors.len());

    // Geometry: labels outside the two node columns, links between.
    let label_w = if frame.compact { w * 0.365 } else { (w * 0.29).min(280.0) };
    let node_w = if frame.compact { 12.0 } else { 16.0 };
    let left_x = margin + label_w;
    let right_x = w - margin - label_w - node_w;
    let heads_y = margin + font;
    let top = heads_y + font * 0.9;
    let plot_h = if frame.compact { 280.0 } else { 330.0 };
    let biggest = to_f64_lossy(p_total.max(g_total));
    let k = if biggest > 0.0 { plot_h / biggest } else { 0.0 };
    // Names on up to two lines, then the amount: each node gets room for its label.
    let name_font = if frame.compact { small } else { font };
    let name_chars = ((label_w - 8.0) / (name_font * NAME_CHAR_WIDTH)) as usize;
    let name_lines =
        |nodes: &[Node]| -> Vec<Vec<String>> { nodes.iter().map(|n| name_lines(&n.name, name_chars)).collect() };
    let (left_names, right_names) = (name_lines(&payers), name_lines(&gainers));
    let slot = |lines: &Vec<String>| (lines.len() as f64 + 1.0) * font * 1.15 + 4.0;
    let left_slots: Vec<f64> = left_names.iter().map(slot).collect();
    let right_slots: Vec<f64> = right_names.iter().map(slot).collect();
    let header_h = small * 1.7;
    let (left, left_bottom) = stack(&payers, k, top, &left_slots, 10.0, header_h);
    let (right, right_bottom) = stack(&gainers, k, top, &right_slots, 10.0, header_h);
    let caption = wrap(l.flow_caption(), max_chars);
    let caption_top = left_bottom.max(right_bottom) + small * 1.8;
    let height = caption_top + caption.len() as f64 * small * 1.35 + 6.0;

    // Link ends, stacked down each node in the other column's order.
    let mut out_offset = vec![0.0; payers.len()];
    let mut in_offset = vec![0.0; gainers.len()];
    let mut in_ends = vec![(0.0, 0.0); links.len()];
    for (li, link) in links.iter().enumerate() {
        // `links` runs payer by payer; the gainer end stacks in payer order too.
        let h = k * to_f64_lossy(link.in_amount);
        let y = right[link.to].top + in_offset[link.to];
        in_ends[li] = (y, y + h);
        in_offset[link.to] += h;
    }
    let focused_actor = focus.current.map(|i| if i < payers.len() { (true, i) } else { (false, i - payers.len()) });
    // Each link's band: (top at the payer, height there, top and bottom at the gainer).
    let bands: Vec<(f64, f64, f64, f64)> = links
        .iter()
        .zip(&in_ends)
        .map(|(link, (a1, b1))| {
            let h = k * to_f64_lossy(link.out_amount);
            let a0 = left[link.from].top + out_offset[link.from];
            out_offset[link.from] += h;
            (a0, h, *a1, *b1)
        })
        .collect();
    let band = |i: usize| {
        let (a0, h, a1, b1) = bands[i];
        band_path(left_x + node_w, a0, a0 + h, right_x, a1, b1)
    };
    let link_title = |link: &Link| {
        l.flow_link(&payers[link.from].name, &gainers[link.to].name, &m.text(link.out_amount), &m.text(link.in_amount))
    };
    // The links, drawn as text: each shape's title is the browser's own
    // tooltip; focus and hover are the nodes'.
    let mut link_svg = Markup::default();
    link_svg.open("g").attr("class", "flow-links").end();
    let mut shape = |class: &str, actor: Option<&str>, d: &str, opacity: &str, title: &str| {
        link_svg.open("path").attr("class", class);
        if let Some(actor) = actor {
            link_svg.attr("data-actor", actor);
        }
        link_svg.attr("d", d).attr("fill-opacity", opacity).end();
        link_svg.open("title").end().text(title).shut("title").shut("path");
    };
    if links.len() <= MERGE_LINKS_ABOVE {
        for (li, link) in links.iter().enumerate() {
            let opacity = match focused_actor {
                None => "0.35",
                Some((true, i)) if i == link.from => "0.6",
                Some((false, i)) if i == link.to => "0.6",
                Some(_) => "0.12",
            };
            let class = format!("flow-link {}", palette::fill_class(&palette::actor(payers[link.from].colour)));
            shape(&class, None, &band(li), opacity, &link_title(link));
        }
    } else {
        // Hundreds of links: one shape per payer holding all its bands, titled
        // with its largest flows (the nodes' labels carry the totals).
        for (p, payer) in payers.iter().enumerate() {
            let own: Vec<usize> = (0..links.len()).filter(|&li| links[li].from == p).collect();
            if own.is_empty() {
                continue;
            }
            let d: String = own.iter().map(|&li| band(li)).collect::<Vec<_>>().join(" ");
            // The largest flows, picked one by one (no sort for five of them).
            let mut largest: Vec<usize> = Vec::with_capacity(TITLE_LINKS);
            while let Some(&next) = own
                .iter()
                .filter(|li| !largest.contains(li))
                .max_by_key(|&&li| links[li].out_amount.abs())
                .filter(|_| largest.len() < TITLE_LINKS)
            {
                largest.push(next);
            }
            let mut lines: Vec<String> = largest.iter().map(|&li| link_title(&links[li])).collect();
            if own.len() > TITLE_LINKS {
                lines.push(format!("… +{}", own.len() - TITLE_LINKS));
            }
            let opacity = match focused_actor {
                None => "0.35",
                Some((true, i)) if i == p => "0.6",
                Some(_) => "0.12",
            };
            let class = format!("flow-link flow-links-of {}", palette::fill_class(&palette::actor(payer.colour)));
            shape(&class, Some(&payer.id), &d, opacity, &lines.join("\n"));
        }
    }
    link_svg.shut("g");

    let node_html = |nodes: &[Node],
                     places: &[Placed],
                     names: &[Vec<String>],
                     slots: &[f64],
                     is_payer: bool,
                     offset: usize| {
        let col_total = if is_payer { p_total } else { g_total };
        nodes
            .iter()
            .zip(places)
            .enumerate()
            .map(|(i, (n, p))| {
                let x = if is_payer { left_x } else { right_x };
                let (tx, anchor) = if is_payer { (x - 6.0, "end") } else { (x + node_w + 6.0, "start") };
                let share = n.amount.checked_div(col_total).map(|s| percent(s, 0, props.lang)).unwrap_or_default();
                let verb = if is_payer { l.pays_amount() } else { l.gains_amount() };
                let label = format!("{}: {verb} {} ({share})", n.name, m.text(n.amount));
                let focused = focus.is(offset + i);
                let header = p.header.map(|hy| {
                    let text = match (frame.compact, n.inside) {
                        (false, true) => l.inside(),
                        (false, false) => l.outside(),
                        (true, true) => l.inside_short(),
                        (true, false) => l.outside_short(),
                    };
                    let (hx, hanchor) = if is_payer { (margin, "start") } else { (w - margin, "end") };
                    html! {
                        <text class="chart-group" x={px(hx)} y={px(hy + small * 1.1)} text-anchor={hanchor} font-size={px(small)}
                              font-weight="700" font-style="italic">{ text }</text>
                    }
                });
                let slot = p.height.max(slots.get(i).copied().unwrap_or(0.0));
                let lines = names.get(i).cloned().unwrap_or_default();
                let amount_y = p.top + font * (1.15 * lines.len() as f64 + 0.95);
                let children = html! {
                    <>
                        <rect class="chart-hit" x={px(if is_payer { margin } else { right_x - 2.0 })} y={px(p.top - 3.0)}
                              width={px(label_w + node_w + 2.0)} height={px(slot + 6.0)}
                              fill="currentColor" fill-opacity={if focused { "0.08" } else { "0" }}
                              stroke={if focused { "currentColor" } else { "none" }} stroke-dasharray="3 2" />
                        <rect class="flow-node" x={px(x)} y={px(p.top)} width={px(node_w)} height={px(p.height.max(1.5))}
                              fill={palette::fill_url(&palette::actor_pattern_id(prefix, n.colour)).fill()}
                              stroke="currentColor" stroke-width="0.75" />
                        { for lines.iter().enumerate().map(|(j, line)| html! {
                            <text x={px(tx)} y={px(p.top + font * (0.95 + 1.15 * j as f64))} text-anchor={anchor} font-size={px(name_font)}>{ line.clone() }</text>
                        }) }
                        <text x={px(tx)} y={px(amount_y)} text-anchor={anchor} font-size={px(small)} font-weight="700">
                            { if is_payer { m.text(-n.amount) } else { m.signed(n.amount) } }
                        </text>
                    </>
                };
                html! {
                    <>
                        { header.unwrap_or_default() }
                        { item(focus, offset + i, if is_payer { "flow-payer" } else { "flow-gainer" },
                               ItemData { year: None, actor: Some(n.id.clone()), negative: false }, &label, children) }
                    </>
                }
            })
            .collect::<Html>()
    };

    let tip = focus.current.and_then(|i| {
        let (n, p, is_payer) = if i < payers.len() {
            (payers.get(i)?, left.get(i)?, true)
        } else {
            (gainers.get(i - payers.len())?, right.get(i - payers.len())?, false)
        };
        let col_total = if is_payer { p_total } else { g_total };
        let share = n.amount.checked_div(col_total).map(|s| percent(s, 0, props.lang)).unwrap_or_default();
        let verb = if is_payer { l.payers() } else { l.gainers() };
        let of = if is_payer { l.share_of_cost(&share) } else { l.share_of_savings(&share) };
        Some(Tip {
            x: if is_payer { left_x + node_w } else { right_x },
            y: p.top,
            lines: vec![n.name.clone(), format!("{verb}: {}", m.text(n.amount)), of],
            dodge: 0.0,
        })
    });

    let desc = format!("{} {}", l.flow_desc(&m.text(p_total), &m.text(g_total)), l.flow_caption());
    let body = html! {
        <>
            { palette::defs(prefix, n_patterns) }
            <text class="chart-column-head" x={px(margin)} y={px(heads_y)} font-weight="700">
                { format!("{} {}", l.payers(), m.text(p_total)) }
            </text>
            <text class="chart-column-head" x={px(w - margin)} y={px(heads_y)} text-anchor="end" font-weight="700">
                { format!("{} {}", l.gainers(), m.text(g_total)) }
            </text>
            { link_svg.into_html() }
            { node_html(&payers, &left, &left_names, &left_slots, true, 0) }
            { node_html(&gainers, &right, &right_names, &right_slots, false, payers.len()) }
            <text class="chart-caption" x={px(margin)} y={px(caption_top)} font-size={px(small)} font-style="italic">
                { for caption.iter().enumerate().map(|(i, line)| html! {
                    <tspan x={px(margin)} dy={if i == 0 { "0".to_string() } else { px(small * 1.35) }}>{ line.clone() }</tspan>
                }) }
            </text>
            { tooltip(frame, tip, height) }
        </>
    };
    frame.svg("flow", height, l.flow_title(), &desc, body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn a_band_is_two_curves_joined_at_the_ends() {
        // From x 10 (y 0..5) to x 110 (y 40..42.25): the middle x is 60; the
        // top curve runs 10,0 → 110,40, the bottom one back 110,42.3 → 10,5.
        assert_eq!(
            band_path(10.0, 0.0, 5.0, 110.0, 40.0, 42.25),
            "M10,0 C60,0 60,40 110,40 L110,42.3 C60,42.3 60,5 10,5 Z"
        );
    }

    #[test]
    fn link_ends_add_up_to_their_nodes() {
        // Payers 300 and 100 (P = 400); gainers 600 and 200 (G = 800).
        // Payer 0 → gainer 0 at its end: 300 × 600/800 = 225; → gainer 1: 300 × 200/800 = 75;
        // 225 + 75 = 300, the payer's node. Gainer 0 at its end: 600 × 300/400 = 450 from
        // payer 0 and 600 × 100/400 = 150 from payer 1; 450 + 150 = 600, the gainer's node.
        // Payer 1 → gainer 0: 100 × 600/800 = 75 and 600 × 100/400 = 150; → gainer 1: 25 and 50.
        let links = apportion(&[d("300"), d("100")], &[d("600"), d("200")]);
        assert_eq!(links.len(), 4);
        assert_eq!((links[0].out_amount, links[0].in_amount), (d("225"), d("450")));
        assert_eq!((links[1].out_amount, links[1].in_amount), (d("75"), d("150")));
        assert_eq!((links[2].out_amount, links[2].in_amount), (d("75"), d("150")));
        assert_eq!((links[3].out_amount, links[3].in_amount), (d("25"), d("50")));
        // In pixels, with k = 0.5 px per krona: payer 0's links 112.5 + 37.5 = 150 = 0.5 × 300.
        let k = 0.5;
        for (p, amount) in [d("300"), d("100")].iter().enumerate() {
            let sum: f64 = links.iter().filter(|x| x.from == p).map(|x| k * to_f64_lossy(x.out_amount)).sum();
            assert!((sum - k * to_f64_lossy(*amount)).abs() < 1e-9);
        }
        for (g, amount) in [d("600"), d("200")].iter().enumerate() {
            let sum: f64 = links.iter().filter(|x| x.to == g).map(|x| k * to_f64_lossy(x.in_amount)).sum();
            assert!((sum - k * to_f64_lossy(*amount)).abs() < 1e-9);
        }
    }

    #[test]
    fn thirds_add_up_to_within_decimal_precision() {
        // Three equal gainers: each link is a third, which Decimal cannot write exactly;
        // the three thirds still add up to the node within 10⁻²⁰.
        let links = apportion(&[d("1000000")], &[d("1"), d("1"), d("1")]);
        let sum = links.iter().fold(Decimal::ZERO, |s, l| s + l.out_amount);
        assert!((sum - d("1000000")).abs() < d("0.00000000000000000001"));
    }

    #[test]
    fn long_names_take_two_lines_at_most() {
        assert_eq!(name_lines("Staten", 10), vec!["Staten"]);
        assert_eq!(
            name_lines("Utbildnings- och arbetslivsförvaltningen", 16),
            vec!["Utbildnings- och", "arbetslivsförva…"]
        );
        assert_eq!(name_lines("Hälso- och sjukvårdsnämnden i regionen", 12), vec!["Hälso- och", "sjukvårdsnä…"]);
        assert_eq!(name_lines("", 12), vec![""]);
        // A long compound breaks before its ending.
        assert_eq!(name_lines("Socialförvaltningen", 16), vec!["Social-", "förvaltningen"]);
        assert_eq!(name_lines("Socialförvaltningen", 20), vec!["Socialförvaltningen"]);
        assert_eq!(split_compounds("Hälso- och sjukvårdsnämnden", 12), "Hälso- och sjukvårds- nämnden");
    }

    #[test]
    fn nothing_to_apportion_gives_no_links() {
        assert!(apportion(&[], &[d("5")]).is_empty());
        assert!(apportion(&[d("5")], &[d("0")]).is_empty());
        // Decimal's extremes: no overflow, no panic.
        let links = apportion(&[Decimal::MAX, Decimal::MAX], &[Decimal::MAX]);
        assert_eq!(links.len(), 2);
    }

    #[test]
    fn stacked_nodes_get_room_for_their_labels() {
        let node = |amount: &str, inside: bool| Node {
            id: "a".into(),
            name: "A".into(),
            inside,
            colour: 0,
            amount: d(amount),
        };
        // k = 0.1: heights 30 and 1; min slots 20, gap 10, header 15.
        // Inside header at 0, node 0 at 15 (slot 30) → next group header at 15 + 30 + 10 = 55,
        // node 1 at 70, height 1 but slot 20 → bottom 70 + 20 = 90.
        let (places, bottom) = stack(&[node("300", true), node("10", false)], 0.1, 0.0, &[20.0, 20.0], 10.0, 15.0);
        assert_eq!(places[0], Placed { top: 15.0, height: 30.0, header: Some(0.0) });
        assert_eq!(places[1], Placed { top: 70.0, height: 1.0, header: Some(55.0) });
        assert_eq!(bottom, 90.0);
    }
}
