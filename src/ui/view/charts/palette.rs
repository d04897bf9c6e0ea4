//! Colours and patterns: the Okabe–Ito palette, safe for the common kinds of
//! colour blindness. The colours live in one place, the page's style sheet
//! (`www/style.css`: custom properties and the `chart-fill-*` /
//! `chart-stroke-*` classes that use them); the charts name a colour by its
//! class, never by an inline style, so that the page runs under a Content
//! Security Policy without `'unsafe-inline'` styles.
//!
//! Colour is never the only signal: costs are hatched, every actor also has
//! its own pattern, and labels carry signs ("+", "−") and words.

use yew::prelude::*;

use super::axis::Markup;

/// Money paid: vermillion (`--c-pay`).
pub const PAY: &str = "pay";
/// Money gained: bluish green (`--c-gain`).
pub const GAIN: &str = "gain";
/// The fund's money: blue (`--c-fund`).
pub const FUND: &str = "fund";
/// The fund's balance line: black (`--c-balance`; the page may set a light colour on a dark theme).
pub const BALANCE: &str = "balance";

/// Okabe–Ito values of `--c-actor-0` … `--c-actor-7`, in that order (the
/// style sheet holds the colours; this list only tells light from dark).
pub const ACTOR_FALLBACKS: [&str; 8] =
    ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];

/// Fallbacks that are light: their patterns are drawn in black rather than white.
const LIGHT: [bool; 8] = [false, true, true, false, true, false, true, false];

/// The colour of the actor at `index` in the scenario (repeats after 8; the pattern then tells them apart).
pub fn actor(index: usize) -> String {
    format!("actor-{}", index % ACTOR_FALLBACKS.len())
}

/// How a shape is filled: with a palette colour (a class of the style sheet)
/// or with one of the chart's patterns (the `fill` attribute, `url(#id)`).
#[derive(Debug, Clone, PartialEq)]
pub enum Paint {
    /// A palette colour, by name (`PAY`, `actor(3)`, …).
    Colour(String),
    /// A pattern of the chart, by id.
    Pattern(String),
}

impl Paint {
    /// The class to add to the shape, if any.
    pub fn class(&self) -> Option<String> {
        match self {
            Paint::Colour(colour) => Some(fill_class(colour)),
            Paint::Pattern(_) => None,
        }
    }

    /// The shape's `fill` attribute, if any.
    pub fn fill(&self) -> Option<String> {
        match self {
            Paint::Colour(_) => None,
            Paint::Pattern(id) => Some(format!("url(#{id})")),
        }
    }
}

/// Fills with the palette colour `colour`.
pub fn fill(colour: &str) -> Paint {
    Paint::Colour(colour.to_string())
}

/// The class that fills a shape with `colour` (`chart-fill-pay`, `chart-fill-actor-3`, …).
pub fn fill_class(colour: &str) -> String {
    format!("chart-fill-{colour}")
}

/// The class that strokes a shape with `colour` (`chart-stroke-balance`, …).
pub fn stroke(colour: &str) -> String {
    format!("chart-stroke-{colour}")
}

/// Id of the hatching that marks costs.
pub fn hatch_id(prefix: &str) -> String {
    format!("{prefix}-hatch-pay")
}

/// Id of the dotted pattern of repayments.
pub fn dots_id(prefix: &str) -> String {
    format!("{prefix}-dots-gain")
}

/// Id of the pattern of the actor at `index`.
pub fn actor_pattern_id(prefix: &str, index: usize) -> String {
    format!("{prefix}-actor-{}", index % 16)
}

/// Fills with the chart's pattern `id`.
pub fn fill_url(id: &str) -> Paint {
    Paint::Pattern(id.to_string())
}

/// The shapes drawn over an actor's colour: 16 distinct patterns
/// (solid, diagonals, dots, lines, crosses), so that even the 9th actor,
/// who shares a colour with the 1st, has its own.
fn overlay(svg: &mut Markup, kind: usize, ink: &str) {
    let line = |svg: &mut Markup, d: &str| {
        svg.open("path").attr("d", d).attr("stroke", ink).attr("stroke-width", "1.6").attr("fill", "none").close();
    };
    match kind % 8 {
        0 => {}
        1 => line(svg, "M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4"),
        2 => {
            for c in ["2", "6"] {
                svg.open("circle").attr("cx", c).attr("cy", c).attr("r", "1.5").attr("fill", ink).close();
            }
        }
        3 => line(svg, "M0,2 h8 M0,6 h8"),
        4 => line(svg, "M-2,6 l4,4 M0,0 l8,8 M6,-2 l4,4"),
        5 => line(svg, "M2,0 v8 M6,0 v8"),
        6 => line(svg, "M0,0 l8,8 M8,0 l-8,8"),
        _ => line(svg, "M0,4 h8 M4,0 v8"),
    }
}

/// Pattern definitions for a chart: the cost hatching, the repayment dots,
/// and one pattern per actor (`n_actors`, at most 16 distinct).
pub fn defs(prefix: &str, n_actors: usize) -> Html {
    let mut svg = Markup::default();
    svg.open("defs").end();
    svg.open("pattern").attr("id", &hatch_id(prefix)).attr("patternUnits", "userSpaceOnUse");
    svg.attr("width", "7").attr("height", "7").attr("patternTransform", "rotate(45)").end();
    svg.open("rect")
        .attr("class", &fill_class(PAY))
        .attr("width", "7")
        .attr("height", "7")
        .attr("fill-opacity", "0.28")
        .close();
    svg.open("rect").attr("class", &fill_class(PAY)).attr("width", "3").attr("height", "7").close();
    svg.shut("pattern");
    svg.open("pattern").attr("id", &dots_id(prefix)).attr("patternUnits", "userSpaceOnUse");
    svg.attr("width", "6").attr("height", "6").end();
    svg.open("rect").attr("class", &fill_class(GAIN)).attr("width", "6").attr("height", "6").close();
    svg.open("circle").attr("cx", "3").attr("cy", "3").attr("r", "1.4").attr("fill", "rgba(255,255,255,0.8)").close();
    svg.shut("pattern");
    for i in 0..n_actors.min(16) {
        let k = i % ACTOR_FALLBACKS.len();
        let ink = if LIGHT[k] { "rgba(0,0,0,0.55)" } else { "rgba(255,255,255,0.75)" };
        // The second round of 8 uses the remaining patterns, shifted by 4.
        let kind = if i < 8 { i } else { i + 4 };
        svg.open("pattern").attr("id", &actor_pattern_id(prefix, i)).attr("patternUnits", "userSpaceOnUse");
        svg.attr("width", "8").attr("height", "8").end();
        svg.open("rect").attr("class", &fill_class(&actor(i))).attr("width", "8").attr("height", "8").close();
        overlay(&mut svg, kind, ink);
        svg.shut("pattern");
    }
    svg.shut("defs");
    svg.into_html()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_are_classes_and_patterns_are_fill_attributes() {
        assert_eq!(fill(PAY).class().as_deref(), Some("chart-fill-pay"));
        assert_eq!(fill(PAY).fill(), None);
        let hatch = fill_url(&hatch_id("fundsim-fund-1"));
        assert_eq!(hatch.class(), None);
        assert_eq!(hatch.fill().as_deref(), Some("url(#fundsim-fund-1-hatch-pay)"));
        assert_eq!(fill_class(&actor(9)), "chart-fill-actor-1");
        assert_eq!(stroke(BALANCE), "chart-stroke-balance");
    }

    /// Every class the charts can name has its rule in the page's style sheet
    /// (a missing one would draw the shape black, with no error anywhere).
    #[test]
    fn every_palette_class_is_in_the_style_sheet() {
        let css = include_str!("../../../../www/style.css");
        let mut classes: Vec<String> = [PAY, GAIN, FUND, BALANCE].iter().map(|c| fill_class(c)).collect();
        classes.extend((0..ACTOR_FALLBACKS.len()).map(|i| fill_class(&actor(i))));
        classes.extend([PAY, BALANCE].iter().map(|c| stroke(c)));
        for class in classes {
            let colour = class.trim_start_matches("chart-fill-").trim_start_matches("chart-stroke-");
            let property = if class.starts_with("chart-fill-") { "fill" } else { "stroke" };
            let rule = format!(".{class} {{ {property}: var(--c-{colour}); }}");
            assert!(css.contains(&rule), "www/style.css lacks `{rule}`");
            assert!(css.contains(&format!("--c-{colour}:")), "www/style.css lacks the custom property --c-{colour}");
        }
    }
}
