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

    /// A coordinate, to a tenth, without a trailing `.0`.
    pub fn n(&mut self, x: f64) -> &mut Self {
        use std::fmt::Write;
        let _ = write!(self.0, "{}", Tenth(x));
        if self.0.ends_with(".0") {
            self.0.truncate(self.0.len() - 2);
        }
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

/// Formats a coordinate to one decimal place, like `{:.1}`, with integer
/// arithmetic only: formatting an `f64` would link Rust's float printing
/// (grisu, dragon and their tables), about 15 KB of gzip for SVG numbers.
pub struct Tenth(pub f64);

impl std::fmt::Display for Tenth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let t = (self.0 * 10.0).round() as i64;
        let sign = if t < 0 { "-" } else { "" };
        write!(f, "{sign}{}.{}", t.unsigned_abs() / 10, t.unsigned_abs() % 10)
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

    #[test]
    fn numbers_to_a_tenth() {
        let mut h = Html::default();
        h.n(-0.04).r(" ").n(-2.5).r(" ").n(7.0625).r(" ").n(1e6);
        assert_eq!(h.0, "0 -2.5 7.1 1000000");
        let shown: Vec<String> = [0.0, -0.04, -0.36, 7.25, 12.0].iter().map(|&x| Tenth(x).to_string()).collect();
        assert_eq!(shown, ["0.0", "0.0", "-0.4", "7.3", "12.0"]);
    }
}
