//! Markup written as text and handed to Yew as one raw node ([`Markup`]).

use crate::ui::charts::axis::push_px;

/// Markup written as text: one raw node for a lot of elements that nobody
/// focuses or hovers (a chart's grid, shapes and labels; the printed
/// report), instead of an element built by `html!` for each, which is both
/// less code in the download and a quicker redraw. Attribute values and text
/// are escaped; every value comes from here.
#[derive(Default)]
pub struct Markup(String);

impl Markup {
    /// `<tag` (attributes follow; then [`end`](Self::end) or [`close`](Self::close)).
    pub fn open(&mut self, tag: &str) -> &mut Self {
        self.0.push('<');
        self.0.push_str(tag);
        self
    }

    /// ` name="value"`, the value escaped.
    pub fn attr(&mut self, name: &str, value: &str) -> &mut Self {
        self.0.push(' ');
        self.0.push_str(name);
        self.0.push_str("=\"");
        self.escaped(value);
        self.0.push('"');
        self
    }

    /// ` name="number"`, written as [`px`](crate::ui::charts::axis::px) writes it.
    pub fn num(&mut self, name: &str, value: f64) -> &mut Self {
        self.0.push(' ');
        self.0.push_str(name);
        self.0.push_str("=\"");
        push_px(&mut self.0, value);
        self.0.push('"');
        self
    }

    /// `>`: the element has content.
    pub fn end(&mut self) -> &mut Self {
        self.0.push('>');
        self
    }

    /// `/>`: the element has none.
    pub fn close(&mut self) -> &mut Self {
        self.0.push_str("/>");
        self
    }

    /// Text content, escaped.
    pub fn text(&mut self, text: &str) -> &mut Self {
        self.escaped(text);
        self
    }

    /// `</tag>`.
    pub fn shut(&mut self, tag: &str) -> &mut Self {
        self.0.push_str("</");
        self.0.push_str(tag);
        self.0.push('>');
        self
    }

    /// The markup so far.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The markup as one node.
    pub fn into_html(self) -> yew::Html {
        yew::Html::from_html_unchecked(yew::AttrValue::from(self.0))
    }

    fn escaped(&mut self, text: &str) {
        for c in text.chars() {
            match c {
                '&' => self.0.push_str("&amp;"),
                '<' => self.0.push_str("&lt;"),
                '>' => self.0.push_str("&gt;"),
                '"' => self.0.push_str("&quot;"),
                c => self.0.push(c),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_escapes_what_it_writes() {
        let mut svg = Markup::default();
        svg.open("text").attr("data-actor", "a\"<b>&c").num("x", 1.25).end();
        svg.text("Vård & omsorg <1>").shut("text");
        svg.open("line").num("y1", -0.04).close();
        // 1.25 → 12.5 tenths → 13 → "1.3"; −0.04 → "0".
        assert_eq!(
            svg.as_str(),
            "<text data-actor=\"a&quot;&lt;b&gt;&amp;c\" x=\"1.3\">Vård &amp; omsorg &lt;1&gt;</text><line y1=\"0\"/>"
        );
    }
}
