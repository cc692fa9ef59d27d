//! One print path for text and JSON, after iproute2's json_print.c.
//!
//! Every object printer calls the same methods whatever the output mode; each
//! call says whether it is for text (`Fp`), JSON (`Json`) or both (`Any`), as
//! iproute2's `PRINT_FP`/`PRINT_JSON`/`PRINT_ANY` do. Text arguments come
//! already formatted; JSON gets the typed value. A printer made
//! [`Printer::about`] a kind of object also tags each value's span with
//! its key for explained output (`sim_core::explain`).

pub use crate::explain::Kind;

/// Which output a print call is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum To {
    Any,
    Fp,
    Json,
}

/// `ip -c` colours (iproute2's light-background palette).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Color {
    Ifname,
    Mac,
    Inet,
    Inet6,
    OperUp,
    OperDown,
    None,
}

impl Color {
    fn code(self) -> Option<&'static str> {
        match self {
            Color::Ifname => Some("\x1b[36m"),
            Color::Mac => Some("\x1b[33m"),
            Color::Inet => Some("\x1b[35m"),
            Color::Inet6 => Some("\x1b[34m"),
            Color::OperUp => Some("\x1b[32m"),
            Color::OperDown => Some("\x1b[31m"),
            Color::None => None,
        }
    }
}

/// A JSON value as print calls carry it.
#[derive(Clone, Debug)]
pub enum Value<'a> {
    Str(&'a str),
    Uint(u64),
    Int(i64),
    Bool(bool),
    Null,
}

/// iproute2's json_writer: compact, or `-p` pretty with its own spacing.
#[cfg(feature = "json")]
struct JsonWriter {
    out: String,
    pretty: bool,
    depth: usize,
    sep: Option<char>,
}

#[cfg(feature = "json")]
impl JsonWriter {
    fn indent(&mut self) {
        for _ in 0..self.depth {
            self.out.push_str("    ");
        }
    }

    fn eol(&mut self) {
        if self.pretty {
            self.out.push('\n');
            self.indent();
        }
    }

    fn eor(&mut self) {
        if let Some(c) = self.sep {
            self.out.push(c);
        }
        self.sep = Some(',');
    }

    fn puts(&mut self, s: &str) {
        self.out.push('"');
        for c in s.chars() {
            match c {
                '\t' => self.out.push_str("\\t"),
                '\n' => self.out.push_str("\\n"),
                '\r' => self.out.push_str("\\r"),
                '\u{c}' => self.out.push_str("\\f"),
                '\u{8}' => self.out.push_str("\\b"),
                '\\' => self.out.push_str("\\\\"),
                '"' => self.out.push_str("\\\""),
                c => self.out.push(c),
            }
        }
        self.out.push('"');
    }

    fn name(&mut self, name: &str) {
        self.eor();
        self.eol();
        self.sep = None;
        self.puts(name);
        self.out.push(':');
        if self.pretty {
            self.out.push(' ');
        }
    }

    fn begin(&mut self, c: char) {
        self.eor();
        self.out.push(c);
        self.depth += 1;
        self.sep = None;
    }

    fn end(&mut self, c: char) {
        self.depth = self.depth.saturating_sub(1);
        if self.sep.is_some() {
            self.eol();
        }
        self.out.push(c);
        self.sep = Some(',');
    }

    fn start_object(&mut self) {
        self.begin('{');
    }

    fn end_object(&mut self) {
        self.end('}');
    }

    fn start_array(&mut self) {
        self.begin('[');
        if self.pretty {
            self.out.push(' ');
        }
    }

    fn end_array(&mut self) {
        if self.pretty && self.sep.is_some() {
            self.out.push(' ');
        }
        self.sep = None;
        self.end(']');
    }

    fn value(&mut self, v: &Value<'_>) {
        self.eor();
        match v {
            Value::Str(s) => self.puts(s),
            Value::Uint(n) => self.out.push_str(&n.to_string()),
            Value::Int(n) => self.out.push_str(&n.to_string()),
            Value::Bool(b) => self.out.push_str(if *b { "true" } else { "false" }),
            Value::Null => self.out.push_str("null"),
        }
    }
}

/// The JSON writer a printer holds: with feature `json` iproute2's; in
/// the first load's basic lab, which sends `-j` lines to the complete one,
/// an uninhabited one, so `Option<Json>` is always `None` and every JSON
/// branch of every printer compiles away.
#[cfg(feature = "json")]
type Json = JsonWriter;
#[cfg(not(feature = "json"))]
type Json = NoJson;

/// No JSON writer can exist: each method is unreachable by its type.
#[cfg(not(feature = "json"))]
enum NoJson {}

#[cfg(not(feature = "json"))]
impl NoJson {
    fn name(&mut self, _: &str) {
        match *self {}
    }
    fn start_object(&mut self) {
        match *self {}
    }
    fn end_object(&mut self) {
        match *self {}
    }
    fn start_array(&mut self) {
        match *self {}
    }
    fn end_array(&mut self) {
        match *self {}
    }
    fn value(&mut self, _: &Value<'_>) {
        match *self {}
    }
    fn into_text(self) -> String {
        match self {}
    }
}

#[cfg(feature = "json")]
impl JsonWriter {
    fn into_text(self) -> String {
        self.out
    }
}

/// Collects what one command prints, as text or JSON.
pub struct Printer {
    json: Option<Json>,
    text: String,
    color: bool,
    /// What each span of the text is, while explained output records
    /// (plain text only: `-j` and `-c` record nothing).
    #[cfg(feature = "explain")]
    tags: Option<Tagging>,
}

/// A printer's tags: its records (one per top-level object, and one per
/// address in a link's `addr_info`), the open objects and arrays.
#[cfg(feature = "explain")]
struct Tagging {
    kind: Kind,
    out: crate::explain::record::Printed,
    objects: Vec<usize>,
    arrays: Vec<&'static str>,
}

#[cfg(feature = "explain")]
impl Tagging {
    fn rec(&mut self) -> usize {
        if self.objects.is_empty() {
            self.open();
        }
        self.objects.last().copied().unwrap_or(0)
    }

    fn open(&mut self) {
        let in_addrs = self.arrays.last() == Some(&"addr_info");
        let parent = self.objects.last().copied();
        let rec = match parent {
            Some(p) if !in_addrs => p,
            _ => {
                let kind = if in_addrs { Kind::Addr } else { self.kind };
                self.out.recs.push(crate::explain::record::Rec { kind, parent });
                self.out.recs.len() - 1
            }
        };
        self.objects.push(rec);
    }

    /// Tags `text[start..end]`, less its separators, as `key` (a bare
    /// value in an array is its array's).
    fn tag(&mut self, text: &str, start: usize, end: usize, key: &'static str) {
        let key = if key.is_empty() { self.arrays.last().copied().unwrap_or_default() } else { key };
        if key.is_empty() {
            return;
        }
        let span = &text[start..end];
        let lead = span.len() - span.trim_start_matches([' ', '<', ',']).len();
        let body = span[lead..].trim_end_matches([' ', ',', ':', '\n', '\\', '>']);
        if body.is_empty() {
            return;
        }
        let rec = self.rec();
        let (start, end) = (start + lead, start + lead + body.len());
        // `tap1@if23`: the name, then the device it is linked to.
        if let Some(at) = body.find('@').filter(|_| key == "ifname") {
            let link = crate::explain::record::Tag { start: start + at, end, key: "link".into(), rec };
            self.out.tags.push(crate::explain::record::Tag { start, end: start + at, key: key.into(), rec });
            self.out.tags.push(link);
            return;
        }
        self.out.tags.push(crate::explain::record::Tag { start, end, key: key.into(), rec });
    }
}

impl Printer {
    /// A text printer (`color` for `-c`).
    pub fn text(color: bool) -> Printer {
        Printer {
            json: None,
            text: String::new(),
            color,
            #[cfg(feature = "explain")]
            tags: None,
        }
    }

    /// A JSON printer that opens the top-level array, as `new_json_obj()`
    /// does (without feature `json`, a text printer: see [`Json`]).
    pub fn json(pretty: bool) -> Printer {
        #[cfg(feature = "json")]
        {
            let mut w = JsonWriter { out: String::new(), pretty, depth: 0, sep: None };
            w.start_array();
            Printer {
                json: Some(w),
                text: String::new(),
                color: false,
                #[cfg(feature = "explain")]
                tags: None,
            }
        }
        #[cfg(not(feature = "json"))]
        {
            let _ = pretty;
            Printer::text(false)
        }
    }

    pub fn new(json: bool, pretty: bool, color: bool) -> Printer {
        if json {
            Printer::json(pretty)
        } else {
            Printer::text(color)
        }
    }

    /// Records what each span of plain text is, as fields of objects of
    /// `kind`, while explained output records (`sim_core::explain`).
    #[allow(unused_variables, unused_mut)]
    pub fn about(mut self, kind: Kind) -> Printer {
        #[cfg(feature = "explain")]
        if self.json.is_none() && !self.color && crate::explain::record::on() {
            let out = crate::explain::record::Printed::default();
            self.tags = Some(Tagging { kind, out, objects: Vec::new(), arrays: Vec::new() });
        }
        self
    }

    pub fn is_json(&self) -> bool {
        self.json.is_some()
    }

    /// Everything printed; closes the JSON array as `delete_json_obj()` does.
    pub fn finish(mut self) -> String {
        #[cfg(feature = "explain")]
        if let Some(mut t) = self.tags.take() {
            t.out.text = self.text.clone();
            crate::explain::record::printed(t.out);
        }
        match self.json.take() {
            Some(mut w) => {
                w.end_array();
                let mut out = w.into_text();
                out.push('\n');
                out
            }
            None => self.text,
        }
    }

    fn wants_text(&self, to: To) -> bool {
        self.json.is_none() && to != To::Json
    }

    /// The JSON writer when this call is for JSON.
    fn json_for(&mut self, to: To) -> Option<&mut Json> {
        if to == To::Fp {
            return None;
        }
        self.json.as_mut()
    }

    pub fn open_object(&mut self, key: Option<&str>) {
        #[cfg(feature = "explain")]
        if let Some(t) = self.tags.as_mut() {
            t.open();
        }
        if let Some(w) = self.json.as_mut() {
            if let Some(k) = key {
                w.name(k);
            }
            w.start_object();
        }
    }

    pub fn close_object(&mut self) {
        #[cfg(feature = "explain")]
        if let Some(t) = self.tags.as_mut() {
            t.objects.pop();
        }
        if let Some(w) = self.json.as_mut() {
            w.end_object();
        }
    }

    /// Opens an array: a JSON array named `key`, or the text `text`.
    pub fn open_array(&mut self, to: To, key: &'static str, text: &str) {
        #[cfg(feature = "explain")]
        if let Some(t) = self.tags.as_mut() {
            t.arrays.push(key);
        }
        if let Some(w) = self.json_for(to) {
            w.name(key);
            w.start_array();
        } else if self.wants_text(to) {
            #[cfg(feature = "explain")]
            let start = self.text.len();
            self.text.push_str(text);
            #[cfg(feature = "explain")]
            if let Some(t) = self.tags.as_mut() {
                t.tag(&self.text, start, self.text.len(), key);
            }
        }
    }

    pub fn close_array(&mut self, to: To, text: &str) {
        #[cfg(feature = "explain")]
        if let Some(t) = self.tags.as_mut() {
            t.arrays.pop();
        }
        if let Some(w) = self.json_for(to) {
            w.end_array();
        } else if self.wants_text(to) {
            self.text.push_str(text);
        }
    }

    /// A value: `key: value` in JSON (a bare value inside an array when
    /// `key` is empty), `text` in text mode.
    pub fn value(&mut self, to: To, key: &'static str, text: &str, v: Value<'_>) {
        if let Some(w) = self.json_for(to) {
            if key.is_empty() {
                w.value(&v);
            } else {
                w.name(key);
                w.value(&v);
            }
        } else if self.wants_text(to) {
            #[cfg(feature = "explain")]
            let start = self.text.len();
            self.text.push_str(text);
            #[cfg(feature = "explain")]
            if let Some(t) = self.tags.as_mut() {
                t.tag(&self.text, start, self.text.len(), key);
            }
        }
    }

    /// iproute2's commonest form, `print_*(PRINT_ANY, key, "LABEL %s ", v)`:
    /// the text is the label, a blank, the value (a boolean `on`/`off`)
    /// and a blank, built here rather than by a `format!` at each call.
    pub fn labeled(&mut self, key: &'static str, label: &str, v: Value<'_>) {
        let mut text = String::with_capacity(label.len() + 24);
        if !label.is_empty() {
            text.push_str(label);
            text.push(' ');
        }
        match &v {
            Value::Str(s) => text.push_str(s),
            Value::Uint(n) => text.push_str(&n.to_string()),
            Value::Int(n) => text.push_str(&n.to_string()),
            Value::Bool(b) => text.push_str(if *b { "on" } else { "off" }),
            Value::Null => {}
        }
        text.push(' ');
        self.value(To::Any, key, &text, v);
    }

    pub fn string(&mut self, to: To, key: &'static str, text: &str, v: &str) {
        self.value(to, key, text, Value::Str(v));
    }

    pub fn uint(&mut self, to: To, key: &'static str, text: &str, v: u64) {
        self.value(to, key, text, Value::Uint(v));
    }

    pub fn int(&mut self, to: To, key: &'static str, text: &str, v: i64) {
        self.value(to, key, text, Value::Int(v));
    }

    pub fn boolean(&mut self, to: To, key: &'static str, text: &str, v: bool) {
        self.value(to, key, text, Value::Bool(v));
    }

    /// A string whose text is wrapped in a colour under `-c`.
    pub fn color_string(&mut self, to: To, color: Color, key: &'static str, text: &str, v: &str) {
        if self.json.is_none() && self.wants_text(to) && self.color {
            if let Some(code) = color.code() {
                self.text.push_str(code);
                self.text.push_str(text);
                self.text.push_str("\x1b[0m");
                return;
            }
        }
        self.string(to, key, text, v);
    }

    /// Text-only (ignored in JSON mode) that is a field `key`: a label and
    /// value printed with `fp` in iproute2 (`state UP`), tagged as `key`
    /// for explained output.
    pub fn field(&mut self, key: &'static str, text: &str) {
        #[cfg(feature = "explain")]
        self.value(To::Fp, key, text, Value::Null);
        #[cfg(not(feature = "explain"))]
        {
            let _ = key;
            self.fp(text);
        }
    }

    /// Text-only words that are fields: each run of non-blank characters
    /// of `text` takes the next of `keys` (a table's header and rows).
    /// Without explained output it is `fp` (the first load's basic lab).
    pub fn fields(&mut self, text: &str, keys: &[&'static str]) {
        #[cfg(not(feature = "explain"))]
        {
            let _ = keys;
            self.fp(text);
        }
        #[cfg(feature = "explain")]
        {
            let mut keys = keys.iter();
            let mut rest = text;
            while !rest.is_empty() {
                let blank = rest.len() - rest.trim_start_matches([' ', '\n', '\\']).len();
                self.fp(&rest[..blank]);
                rest = &rest[blank..];
                let word = rest.find([' ', '\n', '\\']).unwrap_or(rest.len());
                match keys.next() {
                    Some(k) if word > 0 => self.field(k, &rest[..word]),
                    _ => self.fp(&rest[..word]),
                }
                rest = &rest[word..];
            }
        }
    }

    /// Plain text (ignored in JSON mode).
    pub fn fp(&mut self, text: &str) {
        if self.json.is_none() {
            self.text.push_str(text);
        }
    }

    /// A newline in text mode (`print_nl()`); `oneline` prints `\` instead.
    pub fn nl(&mut self, oneline: bool) {
        if self.json.is_none() {
            self.text.push_str(if oneline { "\\" } else { "\n" });
        }
    }
}
