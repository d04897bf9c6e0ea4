//! How much of the app a page shows: a state of the app that links and `mount` name.

/// How much of the app a page shows (`view=` in the link or `mount`'s options).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    /// Everything: presets, results, tables and the editor.
    #[default]
    Full,
    /// The results and tables, without the editor (an intranet page that only reports).
    Results,
    /// The key figures and the charts only (a small frame).
    Compact,
    /// Presentation mode: full screen, large type, the few controls a speaker
    /// changes live, keys to step through the presets, and the QR code.
    Present,
}

impl View {
    /// The view named `key` (`full`, `results`, `compact`).
    pub fn from_key(key: &str) -> Option<View> {
        match key {
            "full" => Some(View::Full),
            "results" => Some(View::Results),
            "compact" => Some(View::Compact),
            "present" => Some(View::Present),
            _ => None,
        }
    }

    /// The view's name in a link (`view=<key>`) and in `mount`'s options.
    pub fn key(self) -> &'static str {
        match self {
            View::Full => "full",
            View::Results => "results",
            View::Compact => "compact",
            View::Present => "present",
        }
    }

    /// The view a link's fragment asks for (`…&view=results`); full when it names none.
    pub fn in_fragment(fragment: &str) -> View {
        fragment
            .trim_start_matches('#')
            .split('&')
            .find_map(|pair| pair.strip_prefix("view=").and_then(View::from_key))
            .unwrap_or_default()
    }

    /// The class of the app's root element in this view.
    pub fn class(self) -> &'static str {
        match self {
            View::Full => "view-full",
            View::Results => "view-results",
            View::Compact => "view-compact",
            View::Present => "view-present",
        }
    }
}
