//! The files a user downloads, asked for by the app: the year-by-year CSV's
//! name (its text is written by the on-demand module from [`crate::tables`]), and what makes a chart's `<svg>` a standalone file (which
//! attributes get the page's colours written in, the namespace declared),
//! without touching a word of its text.

use crate::ui::state::keep;
use crate::words::labels::Label;
use crate::words::{lowercase, Lang};

pub use crate::tables::csv::CsvDialect;

/// The CSV file's name, after the scenario as the scenario file and the
/// workbook are: `<scenario> – år för år (svenska Excel).csv` for Swedish
/// Excel, `<scenario> – år för år.csv` for the plain dialect (in English
/// `… – year by year …`).
pub fn csv_file_name(scenario_name: &str, dialect: CsvDialect, lang: Lang) -> String {
    let file = keep::file_name(scenario_name);
    let stem = file.strip_suffix(".json").unwrap_or(&file);
    let what = lowercase(Label::YearByYear.get(lang));
    match dialect {
        CsvDialect::SwedishExcel => format!("{stem} – {what} ({}).csv", Label::SwedishExcel.get(lang)),
        CsvDialect::Plain => format!("{stem} – {what}.csv"),
    }
}

/// The attributes of an SVG element whose value may name one of the page's
/// colours (`var(--c-…, #fallback)`), which a file cannot look up: the
/// paint and colour presentation attributes. A chart's file gets the colours
/// the page computed for them (`browser::chart_svg`); nothing else of a
/// chart is rewritten for its file: not its text, not its titles, not a label.
pub const COLOUR_ATTRIBUTES: [&str; 6] = ["fill", "stroke", "stop-color", "flood-color", "lighting-color", "color"];

/// A chart's serialised `<svg>` made a file: the SVG namespace declared on
/// its root element when the serialiser left it out, and every carriage
/// return written `&#13;`. A reader of XML turns a raw carriage return into a
/// line feed (in text) or a space (in an attribute), so a name holding one
/// would not read back as it was; the reference keeps it. (The serialiser
/// writes a carriage return only inside text and attribute values, where the
/// reference means the same character.)
pub fn svg_file(markup: &str) -> String {
    let mut out = markup.replace('\r', "&#13;");
    // Only the root's start tag is looked at: a name in the text may hold anything.
    if let Some(at) = out.find("<svg") {
        let tag_end = out[at..].find('>').map_or(out.len(), |end| at + end);
        if !out[at..tag_end].contains(" xmlns=\"http://www.w3.org/2000/svg\"") {
            out.insert_str(at + 4, " xmlns=\"http://www.w3.org/2000/svg\"");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_files_are_named_after_the_scenario() {
        let named = |name: &str, dialect, lang| csv_file_name(name, dialect, lang);
        assert_eq!(
            named("Tidiga insatser", CsvDialect::SwedishExcel, Lang::Sv),
            "Tidiga insatser – år för år (svenska Excel).csv"
        );
        assert_eq!(named("Tidiga insatser", CsvDialect::Plain, Lang::Sv), "Tidiga insatser – år för år.csv");
        assert_eq!(
            named("Early work", CsvDialect::SwedishExcel, Lang::En),
            "Early work – year by year (Swedish Excel).csv"
        );
        assert_eq!(named("Early work", CsvDialect::Plain, Lang::En), "Early work – year by year.csv");
        // The characters file systems refuse become spaces, as in the scenario's own file name.
        assert_eq!(named("Vård/omsorg: \"nu\"?", CsvDialect::Plain, Lang::Sv), "Vård omsorg nu – år för år.csv");
        assert_eq!(named("  ", CsvDialect::Plain, Lang::En), "fundsim-scenario – year by year.csv");
        // Only the one ".json" the scenario's file name adds is taken off.
        assert_eq!(named("a.json", CsvDialect::Plain, Lang::En), "a.json – year by year.csv");
    }

    #[test]
    fn only_colour_attributes_are_painted_in() {
        assert!(COLOUR_ATTRIBUTES.contains(&"fill") && COLOUR_ATTRIBUTES.contains(&"stroke"));
        // Names are written in text and in labels, never in these.
        for name in ["aria-label", "class", "id", "d", "transform", "font-family", "style"] {
            assert!(!COLOUR_ATTRIBUTES.contains(&name), "{name}");
        }
    }

    #[test]
    fn an_svg_file_keeps_its_text() {
        // A name in the text that looks like a colour, a namespace or markup stays as the serialiser wrote it.
        let markup = r##"<svg viewBox="0 0 1 1"><text>var(--x) &lt;b&gt;&amp;"' xmlns="http://www.w3.org/2000/svg"</text></svg>"##;
        assert_eq!(
            svg_file(markup),
            r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><text>var(--x) &lt;b&gt;&amp;"' xmlns="http://www.w3.org/2000/svg"</text></svg>"##
        );
        let done = r#"<svg xmlns="http://www.w3.org/2000/svg"></svg>"#;
        assert_eq!(svg_file(done), done);
        // A carriage return in a name survives a reader of XML as a reference.
        assert_eq!(
            svg_file("<svg xmlns=\"http://www.w3.org/2000/svg\"><text>\rCR</text><title aria-label=\"a\rb\"/></svg>"),
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&#13;CR</text><title aria-label=\"a&#13;b\"/></svg>"
        );
    }
}
