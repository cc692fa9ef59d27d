//! Input records and their fields: opening the file operands in turn
//! (applying `var=value` operands between them), reading by RS, splitting by FS, and
//! rebuilding `$0` when a field or NF changes.

use super::{Interp, R};
use crate::coreutils::awk::ast::Expr;
use crate::coreutils::awk::value::Value;
use crate::coreutils::awk::{unescape, AwkError};
use crate::coreutils::regex::Regex;
use crate::files::FileError;
use crate::parser::is_name;

impl<'p> Interp<'p> {
    // ---- input ----

    /// Opens the next input, applying the assignments before it: the next
    /// file operand, or stdin when there is none at all. False when every
    /// input was read.
    fn open_next(&mut self) -> R<bool> {
        while let Some(op) = self.operands.get(self.next_operand).cloned() {
            self.next_operand += 1;
            if let Some((name, value)) = op.split_once('=').filter(|(n, _)| is_name(n)) {
                self.assign(name, &unescape(value));
                continue;
            }
            // An empty operand names no file: mawk passes over it.
            if op.is_empty() {
                continue;
            }
            let text = match self.source.open(&op) {
                Ok(text) => text,
                Err(FileError::IsADirectory) => {
                    return Err(AwkError::Fatal("read error (Is a directory)".into()).into())
                }
                Err(e) => return Err(AwkError::Fatal(format!("cannot open {op} ({})", e.text())).into()),
            };
            self.opened = true;
            self.start_input(&op, text);
            return Ok(true);
        }
        if self.opened {
            return Ok(false);
        }
        self.opened = true;
        let stdin = self.source.open("-").unwrap_or_default();
        self.start_input("-", stdin);
        Ok(true)
    }

    /// Splits `text` into records by RS; FILENAME is `name`, FNR starts over.
    fn start_input(&mut self, name: &str, text: &str) {
        self.globals.insert("FILENAME", Value::Str(name.to_string()));
        self.globals.insert("FNR", Value::Num(0.0));
        self.next_input = 0;
        self.input = self.records(text);
    }

    /// The next record of `getline < FILE` (which counts in neither NR nor
    /// FNR); `None` at its end, or when it cannot be opened (then it is not
    /// in `reading`).
    pub(super) fn take_record_from(&mut self, name: &str) -> R<Option<String>> {
        if !self.reading.contains_key(name) {
            match self.source.open(name) {
                Ok(text) => {
                    let records = self.records(text);
                    self.reading.insert(name, (records, 0));
                }
                Err(FileError::IsADirectory) => {
                    return Err(AwkError::Fatal("read error (Is a directory)".into()).into())
                }
                Err(_) => return Ok(None),
            }
        }
        let Some((records, next)) = self.reading.get_mut(name) else {
            return Ok(None);
        };
        let r = records.get(*next).cloned();
        *next += usize::from(r.is_some());
        Ok(r)
    }

    /// `close(FILE)`: 0 if `getline` was reading it, else -1.
    pub(super) fn close(&mut self, name: &str) -> f64 {
        if self.reading.remove(name).is_some() {
            0.0
        } else {
            -1.0
        }
    }

    /// `text` split into records by RS.
    fn records(&mut self, text: &str) -> Vec<String> {
        let rs = self.var_str("RS");
        if rs == "\n" {
            crate::coreutils::args::lines(text).into_iter().map(String::from).collect()
        } else if rs.is_empty() {
            text.split("\n\n").map(|p| p.trim_matches('\n').to_string()).filter(|p| !p.is_empty()).collect()
        } else if rs.chars().count() == 1 {
            let mut v: Vec<String> = text.split(rs.as_str()).map(String::from).collect();
            if v.last().is_some_and(|l| l.is_empty() || l == "\n") {
                v.pop();
            }
            v
        } else {
            match self.regex(&rs) {
                Ok(re) => {
                    let mut v = split(&re, text);
                    if v.last().is_some_and(String::is_empty) {
                        v.pop();
                    }
                    v
                }
                Err(_) => vec![text.to_string()],
            }
        }
    }

    /// The next record of the main input (opening the next file when one
    /// ends), counted in NR and FNR.
    pub(super) fn take_record(&mut self) -> R<Option<String>> {
        loop {
            if let Some(r) = self.input.get(self.next_input).cloned() {
                self.next_input += 1;
                for k in ["NR", "FNR"] {
                    let n = self.globals.get(k).map_or(0.0, Value::to_num) + 1.0;
                    self.globals.insert(k, Value::Num(n));
                }
                return Ok(Some(r));
            }
            if !self.open_next()? {
                return Ok(None);
            }
        }
    }

    /// `nextfile`: the current input has no more records.
    pub(super) fn skip_file(&mut self) {
        self.next_input = self.input.len();
    }

    pub(super) fn next_record(&mut self) -> R<bool> {
        Ok(match self.take_record()? {
            Some(r) => {
                self.set_record(r);
                true
            }
            None => false,
        })
    }

    // ---- fields ----

    pub(super) fn set_record(&mut self, r: String) {
        self.record = r;
        self.split_done = false;
    }

    pub(super) fn ensure_split(&mut self) -> R<()> {
        if self.split_done {
            return Ok(());
        }
        let fs = self.var_str("FS");
        let record = std::mem::take(&mut self.record);
        self.fields = self.split_with(&record, &fs, false)?;
        self.record = record;
        self.split_done = true;
        Ok(())
    }

    /// Splits `text` the way FS (or split's third argument) says.
    pub(super) fn split_with(&mut self, text: &str, sep: &str, sep_is_regex: bool) -> R<Vec<String>> {
        if !sep_is_regex && sep == " " {
            return Ok(text.split([' ', '\t', '\n']).filter(|f| !f.is_empty()).map(String::from).collect());
        }
        if text.is_empty() {
            return Ok(Vec::new());
        }
        if !sep_is_regex && sep.is_empty() {
            return Ok(text.chars().map(String::from).collect());
        }
        if !sep_is_regex && sep.chars().count() == 1 && sep != "\\" {
            return Ok(text.split(sep).map(String::from).collect());
        }
        let re = self.regex(sep)?;
        Ok(split(&re, text))
    }

    pub(super) fn field_index(&mut self, e: &Expr) -> R<usize> {
        let n = self.eval_num(e)?;
        if n < 0.0 {
            return Err(self.runtime(format!("negative field index ${}", n as i64)));
        }
        Ok(n as usize)
    }

    pub(super) fn get_field(&mut self, i: usize) -> R<Value> {
        if i == 0 {
            return Ok(Value::StrNum(self.record.clone()));
        }
        self.ensure_split()?;
        Ok(Value::StrNum(self.fields.get(i - 1).cloned().unwrap_or_default()))
    }

    pub(super) fn set_field(&mut self, i: usize, v: String) -> R<()> {
        if i == 0 {
            self.set_record(v);
            return Ok(());
        }
        self.ensure_split()?;
        if i > self.fields.len() {
            self.fields.resize(i, String::new());
        }
        self.fields[i - 1] = v;
        self.rebuild();
        Ok(())
    }

    pub(super) fn set_nf(&mut self, n: usize) -> R<()> {
        self.ensure_split()?;
        self.fields.resize(n, String::new());
        self.rebuild();
        Ok(())
    }

    pub(super) fn rebuild(&mut self) {
        let ofs = self.var_str("OFS");
        self.record = self.fields.join(&ofs);
    }
}

/// The pieces of `text` between matches of `re`. An empty match right
/// after the previous match does not count, so the search always moves on.
fn split(re: &Regex, text: &str) -> Vec<String> {
    let mut pieces = Vec::new();
    let (mut at, mut last, mut last_end) = (0, 0, None);
    while let Some((mut s, mut e)) = re.find_at(text, at) {
        if s == e && last_end == Some(e) {
            at += text[at..].chars().next().map_or(1, char::len_utf8);
            match re.find_at(text, at) {
                Some(m) => (s, e) = m,
                None => break,
            }
        }
        pieces.push(text[last..s].to_string());
        last = e;
        at = if s == e { e + text[e..].chars().next().map_or(1, char::len_utf8) } else { e };
        last_end = Some(e);
    }
    pieces.push(text.get(last..).unwrap_or("").to_string());
    pieces
}
