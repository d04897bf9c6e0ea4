//! Text measured and fitted without a browser: widths estimated from the
//! number of characters, lines wrapped at spaces, names cut with an ellipsis.

/// Average advance of one character, as a share of the font size, used to
/// estimate how wide a label is (system sans-serif fonts, digits and letters).
pub const CHAR_WIDTH: f64 = 0.58;

/// The same for names (mostly lower-case letters, narrower than digits), used to decide where to cut them.
pub const NAME_CHAR_WIDTH: f64 = 0.53;

/// Estimated width of `text` at `font_size`, in viewBox units.
pub fn text_width(text: &str, font_size: f64) -> f64 {
    text.chars().count() as f64 * font_size * CHAR_WIDTH
}

/// Lines of at most about `max_chars` characters, broken at spaces.
pub fn wrap(text: &str, max_chars: usize) -> Vec<String> {
    let max_chars = max_chars.max(8);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let needed = line.chars().count() + usize::from(!line.is_empty()) + word.chars().count();
        if !line.is_empty() && needed > max_chars {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// `text` cut to at most `max_chars` characters, with an ellipsis when cut.
pub fn ellipsize(text: &str, max_chars: usize) -> String {
    let count = text.chars().count();
    if count <= max_chars {
        return text.to_string();
    }
    let keep = max_chars.saturating_sub(1);
    let mut out: String = text.chars().take(keep).collect();
    out = out.trim_end().to_string();
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_helpers() {
        assert_eq!(
            wrap("Flödena är fördelade proportionellt mellan alla", 20),
            vec!["Flödena är fördelade", "proportionellt", "mellan alla"]
        );
        assert_eq!(ellipsize("Utbildningsförvaltningen", 10), "Utbildnin…");
        assert_eq!(ellipsize("Skola", 10), "Skola");
    }
}
