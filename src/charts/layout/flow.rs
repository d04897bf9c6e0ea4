//! A Sankey-style flow from those who pay to those who gain, laid out.
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

use crate::words::format::{percent, to_f64_lossy};
use crate::words::lowercase;

use super::text::{ellipsize, text_width, wrap, CHAR_WIDTH, NAME_CHAR_WIDTH};
use super::tip::Tip;
use super::{
    inside_first, plus, total, Anchor, Canvas, Chart, ChartInput, Contents, Item, Paragraph, PlacedText, Rect, MARGIN,
};

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

/// What the fund kept over the horizon as the budgets see it: the fund costs
/// the actors bear plus the repayments, less the grants (`A + R − G` under
/// appropriation, 0 under earmarked equity, where the allocation is equity).
/// Positive: paid in but not spent (a gainer); negative: grants paid from the fund's capital (a payer).
pub fn fund_kept(input: &ChartInput) -> Decimal {
    let fund_cost = total(input.outcome.actors.iter().flat_map(|a| &a.rows).map(|r| r.fund_cost));
    let (repaid, granted) = input
        .outcome
        .fund
        .iter()
        .fold((Decimal::ZERO, Decimal::ZERO), |(r, g), f| (plus(r, f.repayments), plus(g, f.grants)));
    plus(plus(fund_cost, repaid), -granted)
}

/// The key of the figure a node's amount is (see `explain::Figure`): the fund's
/// kept or drawn money, an actor's cost or savings; `None` when an actor both
/// pays and has money back or rising costs (its amount is then two figures).
fn node_figure(input: &ChartInput, n: &Node, payer: bool) -> Option<String> {
    if n.id.is_empty() {
        return Some(if payer { "fund_drawn::" } else { "fund_kept::" }.to_string());
    }
    let a = input.outcome.actors.iter().find(|a| a.id == n.id)?;
    let plain = a.cost_borne >= Decimal::ZERO && a.savings_total >= Decimal::ZERO;
    plain.then(|| format!("{}::{}", if payer { "cost_borne" } else { "savings_total" }, n.id))
}

/// The two columns: payers and gainers, inside actors first, each in scenario
/// order, with the fund (no id) after the inside actors of the column its [`fund_kept`] puts it in.
pub fn columns(input: &ChartInput) -> (Vec<Node>, Vec<Node>) {
    let mut payers = Vec::new();
    let mut gainers = Vec::new();
    for (k, a) in input.outcome.actors.iter().enumerate() {
        let colour = input.actor_colour(&a.id, k);
        let name = input.actor_name(&a.id);
        let inside = input.actor_inside(&a.id);
        let pay = plus(a.cost_borne.max(Decimal::ZERO), (-a.savings_total).max(Decimal::ZERO));
        let gain = plus(a.savings_total.max(Decimal::ZERO), (-a.cost_borne).max(Decimal::ZERO));
        let node = |amount| Node { id: a.id.clone(), name: name.clone(), inside, colour, amount };
        if pay > Decimal::ZERO {
            payers.push(node(pay));
        }
        if gain > Decimal::ZERO {
            gainers.push(node(gain));
        }
    }
    let (mut payers, mut gainers) = (inside_first(payers, |n| n.inside), inside_first(gainers, |n| n.inside));
    let kept = fund_kept(input);
    if !kept.is_zero() {
        let words = input.words();
        let (column, name) =
            if kept > Decimal::ZERO { (&mut gainers, words.fund_kept()) } else { (&mut payers, words.fund_drawn()) };
        let at = column.iter().take_while(|n| n.inside).count();
        let colour = input.outcome.actors.len();
        column.insert(at, Node { id: String::new(), name: name.to_string(), inside: true, colour, amount: kept.abs() });
    }
    (payers, gainers)
}

/// The line under the flow that says what its "paid in total" is made of (see [`FlowLayout::heads`]):
/// `P = cost + kept (if > 0) + money back + rising costs`, each part from the outcome.
pub fn total_line(input: &ChartInput) -> String {
    let money = input.money();
    let (payers, _) = columns(input);
    let paid = total(payers.iter().map(|n| n.amount));
    let kept = fund_kept(input).max(Decimal::ZERO);
    let actors = &input.outcome.actors;
    let back = total(actors.iter().map(|a| (-a.cost_borne).max(Decimal::ZERO)));
    let rising = total(actors.iter().map(|a| (-a.savings_total).max(Decimal::ZERO)));
    let part = |v: Decimal| (!v.is_zero()).then(|| money.text(v));
    // An outcome contract's work is paid by its investor, not an actor: the payers pay its outcome payments instead.
    let contracts = &input.outcome.outcome_contracts;
    let invested = total(contracts.iter().map(|c| c.invested));
    let payments = (!contracts.is_empty()).then(|| money.text(total(contracts.iter().map(|c| c.payments_total))));
    // The cost outside contracts is always named, unless every intervention is under one (then it is 0).
    let outside = input.outcome.key_figures.total_cost - invested;
    let cost = (payments.is_none() || !outside.is_zero()).then(|| money.text(outside));
    input.words().flow_total_line(
        &money.text(paid),
        cost.as_deref(),
        payments.as_deref(),
        part(kept).as_deref(),
        part(back).as_deref(),
        part(rising).as_deref(),
    )
}

/// The proportional links between payers and gainers, payer by payer, each
/// payer's links in gainer order. Empty when either side has nothing.
pub fn apportion(pay: &[Decimal], gain: &[Decimal]) -> Vec<Link> {
    let (p_total, g_total) = (total(pay.iter().copied()), total(gain.iter().copied()));
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

/// The flow chart's contents.
#[derive(Debug, Clone, PartialEq)]
pub struct FlowLayout {
    /// "Pays 1 234 tkr" over the left column, "Gains …" over the right one;
    /// each on two lines (the word, then the amount) when they do not fit side by side.
    pub heads: Vec<PlacedText>,
    /// The links, drawn under the nodes: one shape per link, or one per payer when there are many.
    pub links: Vec<LinkShape>,
    /// The nodes, payers (top to bottom) then gainers: focus order.
    pub nodes: Vec<Item<NodeShapes>>,
    /// How many of `nodes` are payers.
    pub payers: usize,
    /// How the flows were allocated, under the columns.
    pub caption: Paragraph,
    /// Size of the nodes' names.
    pub name_font: f64,
    /// Size of the nodes' amounts: `small`, unless the widest would not fit its column.
    pub amount_font: f64,
    /// Size of amounts, headings and the caption.
    pub small: f64,
}

/// A link's shape: the band of one link, or every band of one payer's links.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkShape {
    /// The payer (an index into the payers), whose colour the shape has.
    pub payer: usize,
    /// The gainer, for the shape of one link.
    pub gainer: Option<usize>,
    /// The payer's colour and pattern (its place in the scenario).
    pub colour: usize,
    /// The payer's id, on a shape that holds all its links.
    pub actor: Option<String>,
    pub bands: Vec<Band>,
    /// The shape's `<title>`: the flow, or a payer's largest flows.
    pub title: String,
}

/// A link's band: from the payer's side (at `from_x`, between two heights)
/// to the gainer's side, curved.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Band {
    pub from_x: f64,
    pub from_top: f64,
    pub from_bottom: f64,
    pub to_x: f64,
    pub to_top: f64,
    pub to_bottom: f64,
}

/// How strongly a link shows: as usual, or brought forward or back by the focused node.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Emphasis {
    Normal,
    Strong,
    Faint,
}

/// What a node shows: its bar, the group heading over it (the first of a
/// group), its name on up to two lines and its amount.
#[derive(Debug, Clone, PartialEq)]
pub struct NodeShapes {
    pub payer: bool,
    /// The figure "How is this calculated?" explains, when the node's amount is one figure.
    pub explain: Option<String>,
    /// The actor's colour and pattern (its place in the scenario).
    pub colour: usize,
    pub header: Option<PlacedText>,
    pub bar: Rect,
    pub name: Vec<PlacedText>,
    pub amount: PlacedText,
}

impl FlowLayout {
    /// How `link` shows while item `focused` (a payer, else a gainer) is focused or hovered:
    /// the focused node's links forward, the others back.
    pub fn emphasis(&self, link: &LinkShape, focused: Option<usize>) -> Emphasis {
        let Some(i) = focused else { return Emphasis::Normal };
        let mine = if i < self.payers { link.payer == i } else { link.gainer == Some(i - self.payers) };
        if mine {
            Emphasis::Strong
        } else {
            Emphasis::Faint
        }
    }
}

/// Lays the flow chart out.
pub fn layout(input: &ChartInput, canvas: &Canvas) -> Chart<FlowLayout> {
    let words = input.words();
    let money = input.money();
    let (w, font, small) = (canvas.width(), canvas.font(), canvas.small());
    let (payers, gainers) = columns(input);
    if payers.is_empty() || gainers.is_empty() {
        let text = words.flow_nothing(!payers.is_empty(), !gainers.is_empty());
        return Chart::note(canvas, words.flow_title(), text, 30.0, 0.0);
    }
    let pay: Vec<Decimal> = payers.iter().map(|n| n.amount).collect();
    let gain: Vec<Decimal> = gainers.iter().map(|n| n.amount).collect();
    let (p_total, g_total) = (total(pay.iter().copied()), total(gain.iter().copied()));
    let links = apportion(&pay, &gain);

    // Geometry: labels outside the two node columns, links between; wide
    // enough for every node's amount (a number cannot be cut).
    let shown: Vec<String> =
        payers.iter().map(|n| money.text(-n.amount)).chain(gainers.iter().map(|n| money.signed(n.amount))).collect();
    let widest = shown.iter().map(|t| text_width(t, small)).fold(0.0, f64::max);
    let node_w = if canvas.compact() { 12.0 } else { 16.0 };
    let label_w = if canvas.compact() { w * 0.365 } else { (w * 0.29).min(280.0) };
    // At most so wide that 20 units are left for the links.
    let label_w = label_w.max((widest + 8.0).min((w - 2.0 * MARGIN - 2.0 * node_w) / 2.0 - 10.0));
    // An amount wider still (tens of billions of kronor on a phone) is written
    // smaller, every amount alike, rather than run off the chart.
    let amount_font = if widest + 8.0 > label_w { small * (label_w - 8.0) / widest } else { small };
    let left_x = MARGIN + label_w;
    let right_x = w - MARGIN - label_w - node_w;
    // "Pays 1 234 tkr" over the left column and "Gains …" over the right one,
    // on one line if they fit side by side, else each word over its amount.
    let heads_y = MARGIN + font;
    let (p_text, g_text) = (money.text(p_total), money.text(g_total));
    let side_by_side = [format!("{} {p_text}", words.payers()), format!("{} {g_text}", words.gainers())];
    let one_line = side_by_side.iter().map(|t| text_width(t, font)).sum::<f64>() + 12.0 <= w - 2.0 * MARGIN;
    let desc = format!("{} {}", words.flow_desc(&p_text, &g_text), words.flow_caption());
    let heads: Vec<PlacedText> = if one_line {
        let [pays, gains] = side_by_side;
        vec![
            PlacedText::new(MARGIN, heads_y, pays, Anchor::Start),
            PlacedText::new(w - MARGIN, heads_y, gains, Anchor::End),
        ]
    } else {
        let below = heads_y + font * 1.15;
        vec![
            PlacedText::new(MARGIN, heads_y, words.payers(), Anchor::Start),
            PlacedText::new(MARGIN, below, p_text, Anchor::Start),
            PlacedText::new(w - MARGIN, heads_y, words.gainers(), Anchor::End),
            PlacedText::new(w - MARGIN, below, g_text, Anchor::End),
        ]
    };
    let top = heads.last().map_or(heads_y, |h| h.y) + font * 0.9;
    let plot_h = if canvas.compact() { 280.0 } else { 330.0 };
    let biggest = to_f64_lossy(p_total.max(g_total));
    let k = if biggest > 0.0 { plot_h / biggest } else { 0.0 };
    // Names on up to two lines, then the amount: each node gets room for its label.
    let name_font = if canvas.compact() { small } else { font };
    let name_chars = ((label_w - 8.0) / (name_font * NAME_CHAR_WIDTH)) as usize;
    let names_of =
        |nodes: &[Node]| -> Vec<Vec<String>> { nodes.iter().map(|n| name_lines(&n.name, name_chars)).collect() };
    let (left_names, right_names) = (names_of(&payers), names_of(&gainers));
    let slot = |lines: &Vec<String>| (lines.len() as f64 + 1.0) * font * 1.15 + 4.0;
    let left_slots: Vec<f64> = left_names.iter().map(slot).collect();
    let right_slots: Vec<f64> = right_names.iter().map(slot).collect();
    let header_h = small * 1.7;
    let (left, left_bottom) = stack(&payers, k, top, &left_slots, 10.0, header_h);
    let (right, right_bottom) = stack(&gainers, k, top, &right_slots, 10.0, header_h);
    let caption_lines = wrap(words.flow_caption(), ((w - 2.0 * MARGIN) / (small * CHAR_WIDTH)) as usize);
    let caption_top = left_bottom.max(right_bottom) + small * 1.8;
    let height = caption_top + caption_lines.len() as f64 * small * 1.35 + 6.0;

    // Link ends, stacked down each node in the other column's order:
    // `links` runs payer by payer, so the gainer end stacks in payer order too.
    let mut out_offset = vec![0.0; payers.len()];
    let mut in_offset = vec![0.0; gainers.len()];
    let bands: Vec<Band> = links
        .iter()
        .map(|link| {
            let (h_out, h_in) = (k * to_f64_lossy(link.out_amount), k * to_f64_lossy(link.in_amount));
            let from_top = left[link.from].top + out_offset[link.from];
            let to_top = right[link.to].top + in_offset[link.to];
            out_offset[link.from] += h_out;
            in_offset[link.to] += h_in;
            Band {
                from_x: left_x + node_w,
                from_top,
                from_bottom: from_top + h_out,
                to_x: right_x,
                to_top,
                to_bottom: to_top + h_in,
            }
        })
        .collect();
    let link_title = |link: &Link| {
        words.flow_link(
            &payers[link.from].name,
            &gainers[link.to].name,
            &money.text(link.out_amount),
            &money.text(link.in_amount),
        )
    };
    let shapes: Vec<LinkShape> = if links.len() <= MERGE_LINKS_ABOVE {
        links
            .iter()
            .zip(&bands)
            .map(|(link, band)| LinkShape {
                payer: link.from,
                gainer: Some(link.to),
                colour: payers[link.from].colour,
                actor: None,
                bands: vec![*band],
                title: link_title(link),
            })
            .collect()
    } else {
        // Hundreds of links: one shape per payer holding all its bands, titled
        // with its largest flows (the nodes' labels carry the totals).
        payers
            .iter()
            .enumerate()
            .filter_map(|(p, payer)| {
                let own: Vec<usize> = (0..links.len()).filter(|&li| links[li].from == p).collect();
                if own.is_empty() {
                    return None;
                }
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
                Some(LinkShape {
                    payer: p,
                    gainer: None,
                    colour: payer.colour,
                    actor: Some(payer.id.clone()),
                    bands: own.iter().map(|&li| bands[li]).collect(),
                    title: lines.join("\n"),
                })
            })
            .collect()
    };

    let mut nodes = Vec::with_capacity(payers.len() + gainers.len());
    let mut shown = shown.into_iter();
    let columns =
        [(&payers, &left, left_names, &left_slots, true), (&gainers, &right, right_names, &right_slots, false)];
    for (column, places, names, slots, is_payer) in columns {
        let col_total = if is_payer { p_total } else { g_total };
        for (i, ((n, p), (lines, shown))) in
            column.iter().zip(places).zip(names.into_iter().zip(&mut shown)).enumerate()
        {
            let x = if is_payer { left_x } else { right_x };
            let (tx, anchor) = if is_payer { (x - 6.0, Anchor::End) } else { (x + node_w + 6.0, Anchor::Start) };
            let share = n.amount.checked_div(col_total).map(|s| percent(s, 0, input.lang)).unwrap_or_default();
            let amount = money.text(n.amount);
            let verb = if is_payer { words.pays_amount() } else { words.gains_amount() };
            let label = format!("{}: {verb} {amount} ({share})", n.name);
            let header = p.header.map(|hy| {
                let text = match (canvas.compact(), n.inside) {
                    (false, true) => words.inside(),
                    (false, false) => words.outside(),
                    (true, true) => words.inside_short(),
                    (true, false) => words.outside_short(),
                };
                let (hx, anchor) = if is_payer { (MARGIN, Anchor::Start) } else { (w - MARGIN, Anchor::End) };
                PlacedText::new(hx, hy + small * 1.1, text, anchor)
            });
            let slot = p.height.max(slots.get(i).copied().unwrap_or(0.0));
            let amount_y = p.top + font * (1.15 * lines.len() as f64 + 0.95);
            let name = lines
                .into_iter()
                .enumerate()
                .map(|(j, line)| PlacedText::new(tx, p.top + font * (0.95 + 1.15 * j as f64), line, anchor))
                .collect();
            let verb = if is_payer { words.payers() } else { words.gainers() };
            let of = if is_payer { words.share_of_cost(&share) } else { words.share_of_savings(&share) };
            let tip = Tip {
                x: if is_payer { left_x + node_w } else { right_x },
                y: p.top,
                lines: vec![n.name.clone(), format!("{verb}: {amount}"), of],
                dodge: 0.0,
            };
            nodes.push(Item {
                label,
                year: None,
                actor: (!n.id.is_empty()).then(|| n.id.clone()),
                negative: false,
                hit: Rect {
                    x: if is_payer { MARGIN } else { right_x - 2.0 },
                    y: p.top - 3.0,
                    width: label_w + node_w + 2.0,
                    height: slot + 6.0,
                },
                tip: tip.place(small, (w, height)),
                shapes: NodeShapes {
                    explain: node_figure(input, n, is_payer),
                    payer: is_payer,
                    colour: n.colour,
                    header,
                    bar: Rect { x, y: p.top, width: node_w, height: p.height.max(1.5) },
                    name,
                    amount: PlacedText::new(tx, amount_y, shown, anchor),
                },
            });
        }
    }

    Chart {
        width: w,
        height,
        title: words.flow_title(),
        desc,
        actor_patterns: input.actor_patterns(),
        contents: Contents::Drawn(FlowLayout {
            heads,
            links: shapes,
            payers: payers.len(),
            nodes,
            caption: Paragraph {
                x: MARGIN,
                y: caption_top,
                line_height: small * 1.35,
                anchor: Anchor::Start,
                lines: caption_lines,
            },
            name_font,
            amount_font,
            small,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::layout::checks::{assert_near, assert_rect, outcome, scenario};
    use crate::words::format::Unit;
    use crate::words::Lang;
    use std::str::FromStr;

    /// The jobs preset (src/presets/jobs.json) by hand. Fund: allocations 3 × 3 000 000 =
    /// 9 000 000 (appropriation), Jobbspår's grants 3 × 3 000 000 = 9 000 000 (fund_share 1),
    /// repaid in full (fixed, share 1, 5 × 1 800 000 in years 3–7 of 12): the fund kept
    /// 9 000 000 + 9 000 000 − 9 000 000 = 9 000 000, a gainer node.
    /// Households lose 75 045 per success and year: successes per cohort 40 × 0.35 × (1 − 0.3)
    /// = 9.8, 3 cohorts, each over 8 years (lag 1, all within the horizon) with drop-off 0.15:
    /// Σ_{k<8} 0.85^k = (1 − 0.85^8) / 0.15 = 4.85006316640625; 75 045 × 9.8 × 3 ×
    /// 4.85006316640625 = 10 700 805.915…, a cost that rises.
    /// Paid in total: Kommunstyrelsen 9 000 000 (allocations) + Arbetsmarknad 9 000 000
    /// (repayments) + households 10 700 805.92 = 28 700 805.92 = the interventions' cost
    /// 9 000 000 + kept in the fund 9 000 000 + rising costs 10 700 805.92 — not 28.7 MSEK of work.
    #[test]
    fn the_jobs_preset_total_by_hand() {
        let p = crate::presets::by_id("jobs").expect("the jobs preset");
        let o = crate::model::simulate(&p.scenario).expect("valid");
        let input = ChartInput { scenario: &p.scenario, outcome: &o, lang: Lang::Sv, unit: Unit::Thousand };
        assert_eq!(fund_kept(&input), d("9000000"));
        let (payers, gainers) = columns(&input);
        let fund = gainers.iter().find(|n| n.id.is_empty()).expect("the fund is a gainer");
        assert_eq!((fund.name.as_str(), fund.amount), ("Fonden (kvar)", d("9000000")));
        let paid = total(payers.iter().map(|n| n.amount));
        assert_eq!(paid.round_dp(2), d("28700805.92"));
        assert_eq!(
            total_line(&input),
            "Betalt totalt 28\u{a0}701\u{a0}tkr = insatsernas kostnad 9\u{a0}000\u{a0}tkr + kvar i fonden (avsatt men inte utbetalt) 9\u{a0}000\u{a0}tkr + kostnader som ökar för någon 10\u{a0}701\u{a0}tkr."
        );
    }

    /// The contract preset puts its one intervention under an outcome contract, so no work is
    /// paid outside contracts and the line does not name a cost of 0. Its outcomes per cohort
    /// are 20 × 0.35 = 7 (a rate card ignores deadweight), paid 2 years after each of the 3
    /// running years at 550 000 each: 3 × 7 × 550 000 = 11 550 000, under the cap of 12 000 000,
    /// all within the 10-year horizon.
    #[test]
    fn everything_under_contract_names_no_cost_of_zero() {
        let p = crate::presets::by_id("contract").expect("the contract preset");
        let o = crate::model::simulate(&p.scenario).expect("valid");
        let input = ChartInput { scenario: &p.scenario, outcome: &o, lang: Lang::Sv, unit: Unit::Thousand };
        let line = total_line(&input);
        assert!(line.contains(" = utfallsbetalningar 11\u{a0}550\u{a0}tkr"), "{line}");
        assert!(!line.contains("utanför utfallskontrakt"), "{line}");
        let en = ChartInput { lang: Lang::En, ..input };
        let line = total_line(&en);
        assert!(line.contains(" = outcome payments 11,550"), "{line}");
    }

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
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

    /// Aktör 0 (inside) pays 300 000 and gains 100 000; Aktör 2 (outside) gains 500 000.
    fn two_payers_and_gainers() -> (crate::model::Scenario, crate::model::Outcome) {
        let mut o = outcome(1, 3, |_, _| Decimal::ZERO);
        for (a, (cost, savings)) in [(300_000, 100_000), (0, 0), (0, 500_000)].into_iter().enumerate() {
            (o.actors[a].cost_borne, o.actors[a].savings_total) = (Decimal::from(cost), Decimal::from(savings));
        }
        (scenario(3), o)
    }

    #[test]
    fn nodes_and_bands_by_hand() {
        let (s, o) = two_payers_and_gainers();
        let input = ChartInput { scenario: &s, outcome: &o, lang: Lang::En, unit: Unit::Thousand };
        let chart = layout(&input, &Canvas::new(800.0));
        let flow = chart.drawn().expect("drawn");
        // Payers: Aktör 0 (300 000); gainers: Aktör 0 (100 000), Aktör 2 (500 000). P = 300 000,
        // G = 600 000; the larger column is 330 high: 0.00055 px a krona.
        assert_eq!(flow.payers, 1);
        let actors: Vec<_> = flow.nodes.iter().map(|n| n.actor.as_deref().unwrap_or("")).collect();
        assert_eq!(actors, ["a0", "a0", "a2"]);
        // Labels 232 wide (800 × 0.29): the payers' bars at 8 + 232 = 240, the gainers' at
        // 800 − 8 − 232 − 16 = 544. The heads' baseline at 8 + 15.5 = 23.5, the columns from
        // 23.5 + 0.9 × 15.5 = 37.45, each group under a heading 1.7 × 14 = 23.8 high.
        assert_rect(flow.nodes[0].shapes.bar, (240.0, 61.25, 16.0, 165.0));
        // "Paid in total 300 kSEK" and "Gains 600 kSEK", 36 × 15.5 × 0.58 + 12 = 335.64 wide together,
        // fit side by side on the 784 between the margins: one line.
        let heads: Vec<_> = flow.heads.iter().map(|h| (h.text.as_str(), h.x, h.y, h.anchor)).collect();
        assert_eq!(
            heads,
            [
                ("Paid in total 300\u{a0}kSEK", 8.0, 23.5, Anchor::Start),
                ("Gains 600\u{a0}kSEK", 792.0, 23.5, Anchor::End)
            ]
        );
        // Aktör 0 gains 55 high, its slot for a name and an amount 2 × 15.5 × 1.15 + 4 = 39.65:
        // the next, outside, heading at 61.25 + 55 + 10 = 126.25, Aktör 2 under it at 150.05.
        assert_rect(flow.nodes[1].shapes.bar, (544.0, 61.25, 16.0, 55.0));
        assert_rect(flow.nodes[2].shapes.bar, (544.0, 150.05, 16.0, 275.0));
        let headers: Vec<_> = flow.nodes.iter().map(|n| n.shapes.header.as_ref().map(|h| h.text.as_str())).collect();
        assert_eq!(
            headers,
            [Some("Inside the organisation"), Some("Inside the organisation"), Some("Outside the organisation")]
        );
        // The bands: Aktör 0 → Aktör 0 carries 300 000 × 100/600 = 50 000 at the payer (27.5)
        // and 100 000 × 300/300 at the gainer (55); → Aktör 2 250 000 (137.5) and 500 000 (275),
        // stacked down each node.
        let bands: Vec<Band> = flow.links.iter().flat_map(|l| l.bands.clone()).collect();
        let ends = |b: &Band| [b.from_x, b.from_top, b.from_bottom, b.to_x, b.to_top, b.to_bottom];
        for (band, expected) in bands
            .iter()
            .zip([[256.0, 61.25, 88.75, 544.0, 61.25, 116.25], [256.0, 88.75, 226.25, 544.0, 150.05, 425.05]])
        {
            for (got, want) in ends(band).into_iter().zip(expected) {
                assert_near(got, want);
            }
        }
        // The caption under the taller column (425.05) + 1.8 × 14; its first line's baseline.
        assert_near(flow.caption.y, 450.25);
        // Labels and amounts: what each pays or gains, and its share of its column.
        let labels: Vec<&str> = flow.nodes.iter().map(|n| n.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "Aktör 0: pays 300\u{a0}kSEK (100%)",
                "Aktör 0: gains 100\u{a0}kSEK (17%)",
                "Aktör 2: gains 500\u{a0}kSEK (83%)"
            ]
        );
        let amounts: Vec<&str> = flow.nodes.iter().map(|n| n.shapes.amount.text.as_str()).collect();
        assert_eq!(amounts, ["-300\u{a0}kSEK", "+100\u{a0}kSEK", "+500\u{a0}kSEK"]);
        // Focusing a node brings its own links forward and sends the others back.
        let emphasis = |focused| flow.links.iter().map(|l| flow.emphasis(l, focused)).collect::<Vec<_>>();
        assert_eq!(emphasis(None), [Emphasis::Normal, Emphasis::Normal]);
        assert_eq!(emphasis(Some(0)), [Emphasis::Strong, Emphasis::Strong]);
        assert_eq!(emphasis(Some(2)), [Emphasis::Faint, Emphasis::Strong]);
    }

    #[test]
    fn labels_widen_for_amounts_that_would_not_fit() {
        // 340 wide in kronor: labels 340 × 0.365 = 124.1, but "+1 797 356 690 kr" is
        // 17 × 13 × 0.58 = 128.18 wide: the labels widen to 136.18 (at most
        // (340 − 16 − 24) / 2 − 10 = 140), and the gainers' amounts end inside the chart.
        let (s, mut o) = two_payers_and_gainers();
        o.actors[2].savings_total = Decimal::from(1_797_356_690);
        let input = ChartInput { scenario: &s, outcome: &o, lang: Lang::Sv, unit: Unit::One };
        let chart = layout(&input, &Canvas::new(340.0));
        let flow = chart.drawn().expect("drawn");
        let amount = &flow.nodes[2].shapes.amount;
        assert_eq!(amount.text, "+1\u{a0}797\u{a0}356\u{a0}690\u{a0}kr");
        // The gainers' bars at 340 − 8 − 136.18 − 12 = 183.82; the amount 6 right of them.
        assert_near(flow.nodes[2].shapes.bar.x, 183.82);
        assert_near(amount.x, 201.82);
        assert!(amount.x + 128.18 <= 340.0 - 8.0);
        // It fits at the usual size.
        assert_eq!(flow.amount_font, 13.0);
        // "Betalar 300 000 kr" and "Vinner 1 797 456 690 kr" (100 000 + 1 797 356 690) are
        // 41 × 14 × 0.58 + 12 = 344.92 wide together, more than the 324 between the margins:
        // each word over its amount, at 8 + 14 = 22 and 22 + 1.15 × 14 = 38.1. The columns start
        // 0.9 × 14 lower, at 50.7, the payer under its heading (1.7 × 13) at 72.8.
        let heads: Vec<_> = flow.heads.iter().map(|h| (h.text.as_str(), h.x, h.y, h.anchor)).collect();
        let (top, below) = (22.0, 22.0 + 1.15 * 14.0);
        assert_eq!(
            heads,
            [
                ("Betalt totalt", 8.0, top, Anchor::Start),
                ("300\u{a0}000\u{a0}kr", 8.0, below, Anchor::Start),
                ("Vinner", 332.0, top, Anchor::End),
                ("1\u{a0}797\u{a0}456\u{a0}690\u{a0}kr", 332.0, below, Anchor::End),
            ]
        );
        assert_near(flow.nodes[0].shapes.bar.y, 72.8);
    }

    #[test]
    fn an_amount_too_wide_for_any_column_is_written_smaller() {
        // "+10 000 000 011 kr" is 18 × 13 × 0.58 = 135.72 wide; the labels widen to their
        // most, (340 − 16 − 24) / 2 − 10 = 140, which leaves 140 − 8 = 132 for it: every
        // amount is written at 13 × 132 / 135.72 = 12.64… instead of 13.
        let (s, mut o) = two_payers_and_gainers();
        o.actors[2].savings_total = Decimal::from(10_000_000_011i64);
        let input = ChartInput { scenario: &s, outcome: &o, lang: Lang::Sv, unit: Unit::One };
        let chart = layout(&input, &Canvas::new(340.0));
        let flow = chart.drawn().expect("drawn");
        let amount = &flow.nodes[2].shapes.amount;
        assert_eq!(amount.text, "+10\u{a0}000\u{a0}000\u{a0}011\u{a0}kr");
        assert_near(flow.amount_font, 13.0 * 132.0 / 135.72);
        // The gainers' bars at 340 − 8 − 140 − 12 = 180, the amount 6 right of them at 198;
        // 132 wide, it ends at 330, inside the margin (332).
        assert_near(flow.nodes[2].shapes.bar.x, 180.0);
        assert_near(amount.x, 198.0);
        assert_near(amount.x + 18.0 * flow.amount_font * 0.58, 330.0);
    }
}
