//! A preset's story and sources for the preset picker, written by the
//! on-demand module (`presetAbout`): long texts that the first results do
//! not need (`crate::presets::about`).

use crate::markup::Markup;
use crate::presets::About;
use crate::words::app::AppText;
use crate::words::Lang;

/// The story in the reader's language, as text.
pub fn story(about: &About, lang: Lang) -> String {
    lang.pick(about.story.sv, about.story.en).to_string()
}

/// The preset's sources, folded, as markup; empty when it has none. Only the
/// presets' own sources have an address (`crate::presets::source_link`),
/// opened in a new tab without referrer.
pub fn sources(about: &About, lang: Lang) -> String {
    if about.sources.is_empty() {
        return String::new();
    }
    let mut m = Markup::default();
    m.open("details").attr("class", "sources").attr("data-testid", "preset-sources").end();
    m.open("summary").end().text(AppText::Sources.get(lang)).shut("summary").open("ul").end();
    for source in about.sources {
        m.open("li").end();
        match crate::presets::source_link(source) {
            Some(url) => {
                m.open("a").attr("href", url).attr("target", "_blank").attr("rel", "noopener noreferrer").end();
                m.text(source).shut("a");
            }
            None => {
                m.text(source);
            }
        }
        m.shut("li");
    }
    m.shut("ul").shut("details");
    m.into_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_preset_has_its_story_in_both_languages_and_its_sources_as_links_or_text() {
        for p in crate::presets::all() {
            let about = crate::presets::about(p.id).expect("every preset has a story");
            assert!(story(about, Lang::Sv).to_lowercase().contains("illustrativ"), "{}", p.id);
            assert!(story(about, Lang::En).to_lowercase().contains("illustrative"), "{}", p.id);
            let list = sources(about, Lang::En);
            assert!(list.starts_with("<details class=\"sources\""), "{list}");
            // One item per source, each either a link to https or plain text.
            assert_eq!(list.matches("<li>").count(), about.sources.len(), "{}", p.id);
            assert_eq!(list.matches("<a ").count(), list.matches("href=\"https://").count());
            assert!(list.contains("rel=\"noopener noreferrer\""), "{}: some source links", p.id);
        }
        // The Green Book, by hand: the gotland preset cites it, with its address.
        let gotland = sources(crate::presets::about("gotland").unwrap(), Lang::Sv);
        assert!(gotland.contains("<summary>Källor</summary>"), "{gotland}");
        assert!(gotland.contains("href=\"https://www.gov.uk/government/publications/the-green-book"), "{gotland}");
        assert!(crate::presets::about("no-such-preset").is_none());
    }
}
