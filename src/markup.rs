//! Markup written as text ([`Markup`]): escaped HTML and SVG, Yew-free, for
//! the app (one raw node for many elements, `ui::view::markup`) and for the
//! analysis module's tables and report (`crate::report`).

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

    /// ` name="number"`, written as [`px`] writes it.
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

    /// The markup written.
    pub fn into_string(self) -> String {
        self.0
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

/// A number for an SVG attribute: one decimal is plenty on a viewBox, and
/// NaN or infinities (which cannot arise from the scales, but still) become 0.
///
/// Written with integer formatting only: float formatting would pull the
/// float-printing machinery of `core` into the download for nothing.
pub fn px(value: f64) -> String {
    let mut out = String::with_capacity(8);
    push_px(&mut out, value);
    out
}

/// [`px`] written onto the end of `out`, digit by digit: a path of
/// thousands of numbers is built without a string per number.
pub fn push_px(out: &mut String, value: f64) {
    if !value.is_finite() {
        out.push('0');
        return;
    }
    let tenths = (value * 10.0).round() as i64;
    if tenths < 0 {
        out.push('-');
    }
    let tenths = tenths.unsigned_abs();
    let (whole, tenth) = (tenths / 10, tenths % 10);
    // The whole part's digits, most significant first.
    let mut digits = [0u8; 20];
    let mut n = 0;
    let mut rest = whole;
    loop {
        digits[n] = b'0' + (rest % 10) as u8;
        n += 1;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    out.extend(digits[..n].iter().rev().map(|&b| b as char));
    if tenth != 0 {
        out.push('.');
        out.push((b'0' + tenth as u8) as char);
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
