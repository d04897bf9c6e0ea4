//! Words and numbers: the one layer every reader-facing text goes through.
//!
//! It knows nothing of the view framework, so the app, the charts, the Excel
//! workbook and the CSV files all use it: [`Lang`] (the reader's language),
//! [`format`] (numbers written as each reader writes them), [`parse`]
//! (numbers read as each reader types them), [`fields`] (every field of a
//! scenario: its kind and its name), [`problems`] (the engine's refusals
//! said in the reader's language), [`labels`] (the names of figures,
//! assumptions and tables, which the app and its downloads share) and
//! [`charts`] (the charts' words and how they write amounts).

pub mod app;
pub mod charts;
pub mod contracts;
pub mod decision;
pub mod decision_charts;
pub mod explain;
#[cfg(any(feature = "on-demand", not(target_arch = "wasm32")))]
pub mod explain_contract;
#[cfg(any(feature = "on-demand", not(target_arch = "wasm32")))]
pub mod explain_decision;
pub mod fields;
pub mod format;
pub mod glossary;
pub mod labels;
mod lang;
pub mod parse;
pub mod problems;
pub mod rules;
pub mod tour;

pub use lang::Lang;

/// Whether the field at this path is typed in percent.
/// `text` in lower case, for a label inside a sentence ("Nettot" → "nettot")
/// or a name compared with lower-case endings. Every Latin-1 capital is
/// lowered (A–Z, and À–Þ but ×), which covers Swedish and English; other
/// letters stay as they are. `str::to_lowercase` would do the same for these
/// texts but brings Unicode's whole case table into the download (15 KiB
/// gzip, measured), for the five letters Å, Ä, Ö, É and Ü.
pub fn lowercase(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            'A'..='Z' | 'À'..='Þ' if c != '×' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
            _ => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowercase_lowers_swedish_and_english_capitals() {
        // Written out by hand: Swedish labels start with Å, Ä, Ö; names may be all capitals.
        assert_eq!(lowercase("Återbetalningar"), "återbetalningar");
        assert_eq!(lowercase("Ändrat ÖVERSKOTT"), "ändrat överskott");
        assert_eq!(lowercase("SOCIALFÖRVALTNINGEN"), "socialförvaltningen");
        assert_eq!(lowercase("Net × 2 É Ü"), "net × 2 é ü");
        assert_eq!(lowercase("ß æ 3,5 %"), "ß æ 3,5 %");
    }

    #[test]
    fn lowercase_agrees_with_unicode_for_every_latin_1_character() {
        // The standard library's full Unicode case mapping is the oracle.
        for c in (0u32..=0xff).filter_map(char::from_u32) {
            let text = c.to_string();
            assert_eq!(lowercase(&text), text.to_lowercase(), "U+{:04X}", c as u32);
        }
    }
}
