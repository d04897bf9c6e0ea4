//! The tornado: the assumptions that move a present value most, one bar per
//! sensitivity item (in the JSON's order, largest swing first), from the
//! present value at the range's low value to that at its high value, about
//! the base line.

use rust_decimal::Decimal;

use super::{clamp_width, intervention_name, nice_ticks, SensitivityJson, CHAR_WIDTH, COMPACT_BELOW};
use crate::explain::decision::{DecisionKey, End, PARAMETERS};
use crate::markup::Markup;
use crate::model::Scenario;
use crate::words::decision_charts::{parameter_name, parameter_short, DecisionText};
use crate::words::format::{money, percent, to_f64_lossy, Unit};
use crate::words::labels::Label;
use crate::words::Lang;

/// At most this many bars; the rest are named in a note and kept in the table.
pub const MAX_BARS: usize = 10;
/// Space above the bars for the base line's label, and for the first bar's
/// readout of two lines (drawn above its bar, over the rows before it).
const TOP: f64 = 48.0;
/// A bar's thickness.
const BAR: f64 = 16.0;
const SIDE: f64 = 8.0;
/// The fewest characters of an intervention's name a bar's label keeps (with its ellipsis).
const MIN_NAME: usize = 6;

/// One bar laid out.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// The visible label: intervention, parameter, low–high.
    pub label: String,
    pub label_x: f64,
    pub label_y: f64,
    /// Whether the label ends at `label_x` (wide: a column left of the bars).
    pub label_end: bool,
    /// What a screen reader says: both values and both present values.
    pub aria: String,
    /// What focus or hover shows above the bar: the low value and its
    /// present value, then the high value and its.
    pub values: [String; 2],
    pub y: f64,
    /// x of the present value at the low and at the high value.
    pub low_x: f64,
    pub high_x: f64,
}

/// The tornado laid out.
#[derive(Debug, Clone, PartialEq)]
pub struct Tornado {
    pub width: f64,
    pub height: f64,
    pub title: &'static str,
    pub desc: String,
    pub base_x: f64,
    pub base_label: String,
    /// Left and right of the plotted area.
    pub plot: (f64, f64),
    pub bars: Vec<Bar>,
    /// Items not drawn (all are in the table).
    pub more: usize,
    /// The table: intervention, assumption, low, high, present value at low, at high.
    pub rows: Vec<[String; 6]>,
    pub note: &'static str,
    pub lang: Lang,
}

fn value_text(parameter: &str, v: Decimal, lang: Lang) -> String {
    // Rates are shares; factor ranges are shares of the assumed amount: both read as percent.
    let _ = parameter;
    percent(v, 1, lang)
}

/// The tornado of `sens` for the organisation's present value, or society's.
pub fn layout(s: &Scenario, sens: &SensitivityJson, lang: Lang, unit: Unit, width: f64, society: bool) -> Tornado {
    let w = clamp_width(width);
    let compact = w < COMPACT_BELOW;
    let font = if compact { 13.0 } else { 14.0 };
    let title = if society { DecisionText::TornadoSociety } else { DecisionText::TornadoOrg }.get(lang);
    let base = if society { sens.base.society_npv } else { sens.base.org_npv };
    let cur = s.currency.as_str();
    let pick = |i: &super::SensitivityItemJson| {
        if society {
            (i.society_npv_low, i.society_npv_high)
        } else {
            (i.org_npv_low, i.org_npv_high)
        }
    };
    let rows: Vec<[String; 6]> = sens
        .items
        .iter()
        .map(|i| {
            let (lo, hi) = pick(i);
            [
                intervention_name(s, &i.intervention),
                parameter_name(&i.parameter, lang),
                value_text(&i.parameter, i.low, lang),
                value_text(&i.parameter, i.high, lang),
                money(lo, unit, cur, lang),
                money(hi, unit, cur, lang),
            ]
        })
        .collect();
    let shown = sens.items.len().min(MAX_BARS);
    let assumption = |i: &super::SensitivityItemJson, r: &[String; 6]| {
        format!("{} {}–{}", parameter_short(&i.parameter, lang), r[2], r[3])
    };
    // Wide: the labels in a column of 42 % of the width, right-aligned to the
    // bars; compact, or when a bar's assumption and range would not fit that
    // column whole beside a few letters of its name: each label on its own
    // line above its bar, across the width.
    let column_chars = ((0.42 * w - 2.0 * SIDE) / (font * CHAR_WIDTH)).floor();
    let stacked = compact
        || sens.items[..shown]
            .iter()
            .zip(&rows)
            .any(|(i, r)| (assumption(i, r).chars().count() + 2 + MIN_NAME) as f64 > column_chars);
    let label_room = if stacked { w - 2.0 * SIDE } else { 0.42 * w - 2.0 * SIDE };
    let plot = if stacked { (SIDE, w - SIDE) } else { (0.42 * w, w - SIDE) };
    let row = if stacked { font * 1.4 + BAR + 10.0 } else { BAR + 14.0 };
    let mut lo_v = to_f64_lossy(base);
    let mut hi_v = lo_v;
    for i in &sens.items[..shown] {
        let (a, b) = pick(i);
        for v in [to_f64_lossy(a), to_f64_lossy(b)] {
            lo_v = lo_v.min(v);
            hi_v = hi_v.max(v);
        }
    }
    if hi_v <= lo_v {
        // Every value equal (degenerate ranges): a unit either side keeps the scale finite.
        lo_v -= 1.0;
        hi_v += 1.0;
    }
    let ticks = nice_ticks(lo_v, hi_v, 4);
    let (lo_v, hi_v) = (ticks.first().copied().unwrap_or(lo_v), ticks.last().copied().unwrap_or(hi_v));
    let x = |v: Decimal| plot.0 + (to_f64_lossy(v) - lo_v) / (hi_v - lo_v) * (plot.1 - plot.0);
    let max_chars = (label_room / (font * CHAR_WIDTH)).floor().max(4.0) as usize;
    let bars = sens.items[..shown]
        .iter()
        .zip(&rows)
        .enumerate()
        .map(|(n, (i, r))| {
            let (lo, hi) = pick(i);
            let top = TOP + n as f64 * row;
            let y = if stacked { top + font * 1.4 } else { top };
            let label = bar_label(&r[0], &assumption(i, r), max_chars);
            let (label_x, label_y, label_end) =
                if stacked { (SIDE, top + font, false) } else { (plot.0 - SIDE, y + BAR / 2.0 + font * 0.35, true) };
            let aria = format!(
                "{}, {}: {} {} → {}; {} {} → {}",
                r[0],
                r[1],
                DecisionText::Low.get(lang),
                r[2],
                r[4],
                DecisionText::High.get(lang),
                r[3],
                r[5]
            );
            let values = [
                format!("{} {}: {}", DecisionText::Low.get(lang), r[2], r[4]),
                format!("{} {}: {}", DecisionText::High.get(lang), r[3], r[5]),
            ];
            Bar { label, label_x, label_y, label_end, aria, values, y, low_x: x(lo), high_x: x(hi) }
        })
        .collect::<Vec<_>>();
    let height = TOP + shown.max(1) as f64 * row + SIDE;
    let base_label = format!("{}: {}", DecisionText::Base.get(lang), money(base, unit, cur, lang));
    let desc = match bars.first() {
        Some(b) => format!("{}. {}", base_label, b.aria),
        None => DecisionText::TornadoNone.get(lang).to_string(),
    };
    Tornado {
        width: w,
        height,
        title,
        desc,
        base_x: x(base),
        base_label,
        plot,
        bars,
        more: sens.items.len() - shown,
        rows,
        note: DecisionText::TornadoNote.get(lang),
        lang,
    }
}

/// "intervention: assumption low–high" in `max` characters: a long name is cut
/// first, so that the assumption and its range (what tells the bars of one
/// intervention apart) stay whole while there is room for them.
fn bar_label(intervention: &str, assumption: &str, max: usize) -> String {
    let full = format!("{intervention}: {assumption}");
    let kept = assumption.chars().count() + 2;
    if full.chars().count() <= max || max < kept + MIN_NAME {
        return shorten(&full, max);
    }
    format!("{}: {assumption}", shorten(intervention, max - kept))
}

/// `text` cut to `max` characters, with an ellipsis when cut.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// A bar's values, shown on focus or hover (CSS: no script in the markup):
/// two lines in a box above the bar, from its left end, inside the frame.
/// Above, not below: the rows before it are drawn earlier, so it covers them.
fn readout(m: &mut Markup, t: &Tornado, b: &Bar) {
    let font = if t.width < COMPACT_BELOW { 13.0 } else { 14.0 };
    let longest = b.values.iter().map(|v| v.chars().count()).max().unwrap_or(0) as f64;
    let w = (longest * font * CHAR_WIDTH + 10.0).min(t.width);
    let h = 2.0 * font * 1.25 + 8.0;
    let x = b.low_x.min(b.high_x).min(t.width - w).max(0.0);
    let y = (b.y - 4.0 - h).max(0.0);
    m.open("rect").attr("class", "decision-readout-box").num("x", x).num("y", y).num("width", w);
    m.num("height", h).close();
    m.open("text").attr("class", "decision-readout").end();
    for (n, line) in b.values.iter().enumerate() {
        m.open("tspan").num("x", x + 5.0).num("y", y + 4.0 + font * (1.0 + 1.25 * n as f64)).end();
        m.text(line).shut("tspan");
    }
    m.shut("text");
}

/// The tornado as markup: a figure with the chart (each bar focusable, named
/// by both values), a note of the bars not drawn and the table of every item.
pub fn markup(t: &Tornado) -> String {
    let lang = t.lang;
    let mut m = Markup::default();
    m.open("figure").attr("class", "decision-figure decision-tornado").end();
    m.open("figcaption").end().text(t.title).shut("figcaption");
    if t.bars.is_empty() {
        m.open("p").attr("class", "decision-note").end().text(&t.desc).shut("p").shut("figure");
        return m.into_string();
    }
    m.open("svg")
        .attr("xmlns", "http://www.w3.org/2000/svg")
        .attr("class", "decision-chart")
        .attr("role", "group")
        .attr("aria-label", t.title)
        .attr("viewBox", &format!("0 0 {} {}", crate::markup::px(t.width), crate::markup::px(t.height)))
        .num("font-size", if t.width < COMPACT_BELOW { 13.0 } else { 14.0 })
        .end();
    m.open("title").end().text(t.title).shut("title");
    m.open("desc").end().text(&t.desc).shut("desc");
    // The base first: a focused bar's readout lies over it.
    let bottom = t.height - SIDE;
    m.open("line").attr("class", "tornado-base").num("x1", t.base_x).num("y1", TOP - 4.0);
    m.num("x2", t.base_x).num("y2", bottom).close();
    let anchor = if t.base_x < t.width * 0.3 {
        "start"
    } else if t.base_x > t.width * 0.7 {
        "end"
    } else {
        "middle"
    };
    m.open("text").attr("class", "tornado-base-label").num("x", t.base_x).num("y", TOP - 10.0);
    m.attr("text-anchor", anchor).end().text(&t.base_label).shut("text");
    for b in &t.bars {
        m.open("g").attr("class", "tornado-bar").attr("tabindex", "0").attr("role", "img");
        m.attr("aria-label", &b.aria).end();
        m.open("title").end().text(&b.aria).shut("title");
        for (x, class) in [(b.low_x, "tornado-low"), (b.high_x, "tornado-high")] {
            m.open("rect").attr("class", class).num("x", x.min(t.base_x)).num("y", b.y);
            m.num("width", (x - t.base_x).abs().max(1.0)).num("height", BAR).close();
        }
        // The row's area: it catches the pointer and is outlined on focus.
        let top = if b.label_end { b.y - 6.0 } else { b.label_y - 14.0 };
        m.open("rect").attr("class", "decision-hit").num("x", 1.0).num("y", top).num("width", t.width - 2.0);
        m.num("height", b.y + BAR + 6.0 - top).close();
        m.open("text").attr("class", "tornado-label").num("x", b.label_x).num("y", b.label_y);
        if b.label_end {
            m.attr("text-anchor", "end");
        }
        m.end().text(&b.label).shut("text");
        readout(&mut m, t, b);
        m.shut("g");
    }
    m.shut("svg");
    if t.more > 0 {
        let more = DecisionText::AndMore.get(lang).replace("{n}", &t.more.to_string());
        m.open("p").attr("class", "decision-more").end().text(&more).shut("p");
    }
    m.open("ul").attr("class", "decision-legend").end();
    for (class, word) in [("tornado-low", DecisionText::LegendLow), ("tornado-high", DecisionText::LegendHigh)] {
        m.open("li").end().open("span").attr("class", &format!("swatch {class}")).attr("aria-hidden", "true");
        m.end().shut("span").text(word.get(lang)).shut("li");
    }
    m.shut("ul");
    m.open("p").attr("class", "decision-note").end().text(t.note).shut("p");
    let table = DecisionText::TableOf.get(lang).replace("{title}", t.title);
    m.open("details").end().open("summary").end().text(&table).shut("summary");
    m.open("table").attr("class", "decision-table tornado-table").end();
    m.open("thead").end().open("tr").end();
    let low = DecisionText::Low.get(lang);
    let high = DecisionText::High.get(lang);
    let heads = [
        DecisionText::Intervention.get(lang),
        DecisionText::Parameter.get(lang),
        low,
        high,
        DecisionText::NpvLow.get(lang),
        DecisionText::NpvHigh.get(lang),
    ];
    for h in heads {
        m.open("th").attr("scope", "col").end().text(h).shut("th");
    }
    m.shut("tr").shut("thead").open("tbody").end();
    for r in &t.rows {
        m.open("tr").end();
        m.open("th").attr("scope", "row").end().text(&r[0]).shut("th");
        for c in &r[1..] {
            m.open("td").end().text(c).shut("td");
        }
        m.shut("tr");
    }
    m.shut("tbody").shut("table").shut("details").shut("figure");
    m.into_string()
}

/// The ids of the switch's radio buttons (one app per page has the switch).
pub const SWITCH_ORG: &str = "fundsim-dc-org";
pub const SWITCH_SOCIETY: &str = "fundsim-dc-society";

/// Both tornados (their markup) behind a switch of two radio buttons, the
/// organisation's or society's present value (`society`: which is chosen);
/// CSS shows the chosen tornado, so a switch redraws nothing. The app reads
/// the choice back before it redraws, so the choice outlives new figures.
pub fn switched(org: &str, society: &str, society_chosen: bool, lang: Lang) -> String {
    let mut m = Markup::default();
    m.open("div").attr("class", "decision-tornados").end();
    m.open("fieldset").attr("class", "segmented decision-switch").end();
    m.open("legend").attr("class", "visually-hidden").end().text(Label::PresentValue.get(lang)).shut("legend");
    for (id, label, chosen) in [
        (SWITCH_ORG, DecisionText::SwitchOrg, !society_chosen),
        (SWITCH_SOCIETY, DecisionText::SwitchSociety, society_chosen),
    ] {
        m.open("input").attr("type", "radio").attr("name", "fundsim-dc-pv").attr("id", id);
        if chosen {
            m.attr("checked", "");
        }
        m.close();
        m.open("label").attr("for", id).end().text(label.get(lang)).shut("label");
    }
    m.shut("fieldset");
    let mut out = m.into_string();
    // The writers' own class (user text is escaped, so the first is theirs).
    let figure = "class=\"decision-figure decision-tornado\"";
    // Each tornado's own table gives way to one of both (`both_table`).
    let without_table = |m: &str| match (m.find("<details>"), m.rfind("</details>")) {
        (Some(a), Some(b)) => format!("{}{}", &m[..a], &m[b + "</details>".len()..]),
        _ => m.to_string(),
    };
    out.push_str(&without_table(org).replacen(
        figure,
        "class=\"decision-figure decision-tornado decision-tornado-org\"",
        1,
    ));
    out.push_str(&without_table(society).replacen(
        figure,
        "class=\"decision-figure decision-tornado decision-tornado-society\"",
        1,
    ));
    out.push_str("</div>");
    out
}

/// The items drawn (at most [`MAX_BARS`]) with the organisation's and
/// society's present value at both ends: the data table under the switched
/// tornados.
pub fn both_table(s: &Scenario, sens: &SensitivityJson, lang: Lang, unit: Unit) -> String {
    let cur = s.currency.as_str();
    let mut m = Markup::default();
    m.open("details").attr("class", "decision-tornado-table").end().open("summary").end();
    m.text(&DecisionText::TableOf.get(lang).replace("{title}", DecisionText::SensitivityTitle.get(lang)));
    m.shut("summary");
    // A region the keyboard enters; each value and present value opens its explanation (`explain::decision`).
    m.open("div").attr("class", "table-scroll").attr("tabindex", "0").attr("role", "region");
    m.attr("aria-label", DecisionText::SensitivityTitle.get(lang)).end();
    m.open("table").attr("class", "decision-table tornado-table").end();
    m.open("thead").end().open("tr").end();
    for h in [
        DecisionText::Intervention,
        DecisionText::Parameter,
        DecisionText::Low,
        DecisionText::High,
        DecisionText::OrgNpvLow,
        DecisionText::OrgNpvHigh,
        DecisionText::SocietyNpvLow,
        DecisionText::SocietyNpvHigh,
    ] {
        m.open("th").attr("scope", "col").end().text(h.get(lang)).shut("th");
    }
    m.shut("tr").shut("thead").open("tbody").end();
    // The bars drawn (the rest are in the CSV and Excel files): a large scenario's
    // hundred rows would double the markup, and the time to show it.
    for i in sens.items.iter().take(MAX_BARS) {
        m.open("tr").end().open("th").attr("scope", "row").end().text(&intervention_name(s, &i.intervention));
        m.shut("th");
        m.open("td").end().text(&parameter_name(&i.parameter, lang)).shut("td");
        let parameter = PARAMETERS.iter().position(|p| *p == i.parameter);
        // The range's ends are inputs: their explanations say where they are set.
        for (end, v) in [(End::Low, i.low), (End::High, i.high)] {
            m.open("td");
            if let Some(parameter) = parameter {
                let key = DecisionKey::Input { end, parameter, intervention: &i.intervention };
                m.attr("data-explain", &key.key()).attr("tabindex", "-1");
            }
            m.end().text(&value_text(&i.parameter, v, lang)).shut("td");
        }
        for (society, high, v) in [
            (false, false, i.org_npv_low),
            (false, true, i.org_npv_high),
            (true, false, i.society_npv_low),
            (true, true, i.society_npv_high),
        ] {
            m.open("td");
            if let Some(parameter) = parameter {
                let key = DecisionKey::Sensitivity { society, high, parameter, intervention: &i.intervention };
                m.attr("data-explain", &key.key()).attr("tabindex", "-1");
            }
            m.end().text(&money(v, unit, cur, lang)).shut("td");
        }
        m.shut("tr");
    }
    m.shut("tbody").shut("table").shut("div").shut("details");
    m.into_string()
}
