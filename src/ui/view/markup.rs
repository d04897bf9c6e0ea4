//! [`Markup`] (written as text, `crate::markup`) handed to Yew as one raw node.

pub use crate::markup::{push_px, px, Markup};

impl Markup {
    /// The markup as one node.
    pub fn into_html(self) -> yew::Html {
        raw_html(self.into_string())
    }
}

/// Markup text already escaped (a [`Markup`] written here or by the analysis
/// module) as one node.
pub fn raw_html(markup: String) -> yew::Html {
    yew::Html::from_html_unchecked(yew::AttrValue::from(markup))
}
