//! Colours and patterns: the Okabe–Ito palette, safe for the common kinds of
//! colour blindness, read from CSS custom properties (defined by the page's
//! style sheet) with the palette's own values as fallbacks.
//!
//! Colour is never the only signal: costs are hatched, every actor also has
//! its own pattern, and labels carry signs ("+", "−") and words.

use yew::prelude::*;

/// Money paid: vermillion.
pub const PAY: &str = "var(--c-pay, #D55E00)";
/// Money gained: bluish green.
pub const GAIN: &str = "var(--c-gain, #009E73)";
/// The fund's money: blue.
pub const FUND: &str = "var(--c-fund, #0072B2)";
/// The fund's balance line: black (the page may set a light colour on a dark theme).
pub const BALANCE: &str = "var(--c-balance, #000000)";

/// Okabe–Ito fallbacks of `--c-actor-0` … `--c-actor-7`, in that order.
pub const ACTOR_FALLBACKS: [&str; 8] =
    ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];

/// Fallbacks that are light: their patterns are drawn in black rather than white.
const LIGHT: [bool; 8] = [false, true, true, false, true, false, true, false];

/// The colour of the actor at `index` in the scenario (repeats after 8; the pattern then tells them apart).
pub fn actor(index: usize) -> String {
    let k = index % ACTOR_FALLBACKS.len();
    format!("var(--c-actor-{k}, {})", ACTOR_FALLBACKS[k])
}

/// A `style` attribute value that fills with `colour`. Inline style rather than
/// the `fill` attribute: every browser resolves `var()` in style.
pub fn fill(colour: &str) -> String {
    format!("fill:{colour}")
}

/// A `style` attribute value that strokes with `colour`.
pub fn stroke(colour: &str) -> String {
    format!("stroke:{colour}")
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

/// `url(#id)` as a style fill.
pub fn fill_url(id: &str) -> String {
    format!("fill:url(#{id})")
}

/// The shapes drawn over an actor's colour: 16 distinct patterns
/// (solid, diagonals, dots, lines, crosses), so that even the 9th actor,
/// who shares a colour with the 1st, has its own.
fn overlay(kind: usize, ink: &str) -> Html {
    let line =
        |d: &'static str| html! { <path d={d} style={format!("stroke:{ink}")} stroke-width="1.6" fill="none" /> };
    let dot =
        |cx: &'static str, cy: &'static str| html! { <circle cx={cx} cy={cy} r="1.5" style={format!("fill:{ink}")} /> };
    match kind % 8 {
        0 => html! {},
        1 => line("M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4"),
        2 => html! { <>{dot("2", "2")}{dot("6", "6")}</> },
        3 => line("M0,2 h8 M0,6 h8"),
        4 => line("M-2,6 l4,4 M0,0 l8,8 M6,-2 l4,4"),
        5 => line("M2,0 v8 M6,0 v8"),
        6 => line("M0,0 l8,8 M8,0 l-8,8"),
        _ => line("M0,4 h8 M4,0 v8"),
    }
}

/// Pattern definitions for a chart: the cost hatching, the repayment dots,
/// and one pattern per actor (`n_actors`, at most 16 distinct).
pub fn defs(prefix: &str, n_actors: usize) -> Html {
    let actors = (0..n_actors.min(16)).map(|i| {
        let k = i % ACTOR_FALLBACKS.len();
        let ink = if LIGHT[k] { "rgba(0,0,0,0.55)" } else { "rgba(255,255,255,0.75)" };
        // The second round of 8 uses the remaining patterns, shifted by 4.
        let kind = if i < 8 { i } else { i + 4 };
        html! {
            <pattern id={actor_pattern_id(prefix, i)} patternUnits="userSpaceOnUse" width="8" height="8">
                <rect width="8" height="8" style={fill(&actor(i))} />
                { overlay(kind, ink) }
            </pattern>
        }
    });
    html! {
        <defs>
            <pattern id={hatch_id(prefix)} patternUnits="userSpaceOnUse" width="7" height="7" patternTransform="rotate(45)">
                <rect width="7" height="7" style={fill(PAY)} fill-opacity="0.28" />
                <rect width="3" height="7" style={fill(PAY)} />
            </pattern>
            <pattern id={dots_id(prefix)} patternUnits="userSpaceOnUse" width="6" height="6">
                <rect width="6" height="6" style={fill(GAIN)} />
                <circle cx="3" cy="3" r="1.4" fill="rgba(255,255,255,0.8)" />
            </pattern>
            { for actors }
        </defs>
    }
}
