//! Markup as strings. The parts of the page that are redrawn whole (terminal
//! lines, the diagram, lesson text) are built here and handed to the DOM with
//! `innerHTML`: one plain function instead of a tree of generic view types,
//! which keeps the WebAssembly small.

/// Appends `s` with `&`, `<`, `>` and `"` escaped (safe in text and in quoted attributes).
pub fn esc(out: &mut String, s: &str) {
    let mut last = 0;
    for (i, b) in s.bytes().enumerate() {
        let rep = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            _ => continue,
        };
        out.push_str(&s[last..i]);
        out.push_str(rep);
        last = i + 1;
    }
    out.push_str(&s[last..]);
}

/// A builder: raw markup with `r`, escaped text with `t`, numbers with `n`.
#[derive(Default)]
pub struct Html(pub String);

impl Html {
    pub fn r(&mut self, s: &str) -> &mut Self {
        self.0.push_str(s);
        self
    }

    pub fn t(&mut self, s: &str) -> &mut Self {
        esc(&mut self.0, s);
        self
    }

    pub fn n(&mut self, x: f64) -> &mut Self {
        use std::fmt::Write;
        let _ = write!(self.0, "{x}");
        self
    }

    pub fn u(&mut self, x: usize) -> &mut Self {
        use std::fmt::Write;
        let _ = write!(self.0, "{x}");
        self
    }

    /// ` name="value"` with the value escaped.
    pub fn a(&mut self, name: &str, value: &str) -> &mut Self {
        self.r(" ").r(name).r("=\"").t(value).r("\"")
    }

    /// ` name="x"` for a number.
    pub fn an(&mut self, name: &str, x: f64) -> &mut Self {
        self.r(" ").r(name).r("=\"").n(x).r("\"")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        let mut h = Html::default();
        h.r("<b").a("title", "a \"q\" & <x>").r(">").t("1 < 2 && 3 > 2").r("</b>").n(12.0).n(12.5);
        assert_eq!(h.0, "<b title=\"a &quot;q&quot; &amp; &lt;x&gt;\">1 &lt; 2 &amp;&amp; 3 &gt; 2</b>1212.5");
    }
}
