//! Colours and patterns, by name: the Okabe–Ito palette, safe for the common
//! kinds of colour blindness. The colours live in one place, the page's style
//! sheet (`www/style.css`: custom properties and the `chart-fill-*` /
//! `chart-stroke-*` classes that use them); a chart names a colour by its
//! class, never by an inline style, so that the page runs under a Content
//! Security Policy without `'unsafe-inline'` styles. A layout says which
//! paint a shape has ([`Paint`]); the drawing turns it into a class or a
//! `fill="url(#…)"` of the chart's own patterns.
//!
//! Colour is never the only signal: costs are hatched, every actor also has
//! its own pattern, and labels carry signs ("+", "−") and words.

/// Okabe–Ito values of `--c-actor-0` … `--c-actor-7`, in that order (the
/// style sheet holds the colours; this list only tells light from dark).
pub const ACTOR_FALLBACKS: [&str; 8] =
    ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];

/// Fallbacks that are light: their patterns are drawn in black rather than white.
pub const LIGHT: [bool; 8] = [false, true, true, false, true, false, true, false];

/// Distinct actor patterns; the 17th actor shares the 1st one's.
pub const ACTOR_PATTERNS: usize = 16;

/// A colour of the palette.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Colour {
    /// Money paid: vermillion (`--c-pay`).
    Pay,
    /// Money gained: bluish green (`--c-gain`).
    Gain,
    /// The fund's money: blue (`--c-fund`).
    Fund,
    /// The fund's balance line: black (`--c-balance`; the page may set a light colour on a dark theme).
    Balance,
    /// The colour of the actor at this index in the scenario (repeats after 8; the pattern then tells them apart).
    Actor(usize),
}

impl Colour {
    /// Its name in the style sheet: `pay`, `actor-3`.
    pub fn name(self) -> String {
        match self {
            Colour::Pay => "pay".to_string(),
            Colour::Gain => "gain".to_string(),
            Colour::Fund => "fund".to_string(),
            Colour::Balance => "balance".to_string(),
            Colour::Actor(i) => format!("actor-{}", i % ACTOR_FALLBACKS.len()),
        }
    }

    /// The class that fills a shape with it (`chart-fill-pay`, `chart-fill-actor-3`, …).
    pub fn fill_class(self) -> String {
        format!("chart-fill-{}", self.name())
    }

    /// The class that strokes a shape with it (`chart-stroke-balance`, …).
    pub fn stroke_class(self) -> String {
        format!("chart-stroke-{}", self.name())
    }
}

/// How a shape is filled: a palette colour, or one of the chart's patterns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paint {
    Colour(Colour),
    /// The hatching of costs (over `--c-pay`).
    Hatch,
    /// The dots of repayments (over `--c-gain`).
    Dots,
    /// The pattern of the actor at this index in the scenario.
    ActorPattern(usize),
}

impl Paint {
    /// The class to add to the shape, if any.
    pub fn class(self) -> Option<String> {
        match self {
            Paint::Colour(colour) => Some(colour.fill_class()),
            _ => None,
        }
    }

    /// The shape's `fill` attribute, if any: a pattern of the chart whose ids start with `prefix`.
    pub fn fill(self, prefix: &str) -> Option<String> {
        let id = match self {
            Paint::Colour(_) => return None,
            Paint::Hatch => hatch_id(prefix),
            Paint::Dots => dots_id(prefix),
            Paint::ActorPattern(i) => actor_pattern_id(prefix, i),
        };
        Some(format!("url(#{id})"))
    }
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
    format!("{prefix}-actor-{}", index % ACTOR_PATTERNS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_are_classes_and_patterns_are_fill_attributes() {
        assert_eq!(Paint::Colour(Colour::Pay).class().as_deref(), Some("chart-fill-pay"));
        assert_eq!(Paint::Colour(Colour::Pay).fill("p"), None);
        assert_eq!(Paint::Hatch.class(), None);
        assert_eq!(Paint::Hatch.fill("fundsim-fund-1").as_deref(), Some("url(#fundsim-fund-1-hatch-pay)"));
        // The 10th actor (index 9) shares the 2nd one's colour (9 mod 8 = 1),
        // and the 17th (index 16) shares the 1st one's pattern.
        assert_eq!(Colour::Actor(9).fill_class(), "chart-fill-actor-1");
        assert_eq!(Paint::ActorPattern(16).fill("p").as_deref(), Some("url(#p-actor-0)"));
        assert_eq!(Colour::Balance.stroke_class(), "chart-stroke-balance");
    }

    /// Every class the charts can name has its rule in the page's style sheet
    /// (a missing one would draw the shape black, with no error anywhere).
    #[test]
    fn every_palette_class_is_in_the_style_sheet() {
        let css = include_str!("../../../www/style.css");
        let colours = [Colour::Pay, Colour::Gain, Colour::Fund, Colour::Balance];
        let mut classes: Vec<String> = colours.iter().map(|c| c.fill_class()).collect();
        classes.extend((0..ACTOR_FALLBACKS.len()).map(|i| Colour::Actor(i).fill_class()));
        classes.extend([Colour::Pay, Colour::Balance].iter().map(|c| c.stroke_class()));
        for class in classes {
            let colour = class.trim_start_matches("chart-fill-").trim_start_matches("chart-stroke-");
            let property = if class.starts_with("chart-fill-") { "fill" } else { "stroke" };
            let rule = format!(".{class} {{ {property}: var(--c-{colour}); }}");
            assert!(css.contains(&rule), "www/style.css lacks `{rule}`");
            assert!(css.contains(&format!("--c-{colour}:")), "www/style.css lacks the custom property --c-{colour}");
        }
    }
}
