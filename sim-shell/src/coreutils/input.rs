//! What a text tool reads: its stdin, and the machine's files for its file
//! operands (`-` is stdin), with coreutils' way of quoting a file name in
//! a message.

use crate::files::{FileError, Files};
use std::cell::Cell;

/// A tool's input: stdin, and the files its operands name (relative to
/// `cwd`).
pub struct Input<'a> {
    pub stdin: &'a str,
    pub files: &'a Files,
    pub cwd: &'a str,
    /// Whether `-` was read already: a second `-` reads nothing, as stdin
    /// is at its end (`echo x | cat - -` prints `x` once).
    stdin_read: Cell<bool>,
    /// Whether stdin is a regular file (`wc < FILE`) rather than a pipe or
    /// a terminal: wc sizes its columns by it.
    pub stdin_is_file: bool,
}

impl<'a> Input<'a> {
    pub fn new(stdin: &'a str, files: &'a Files, cwd: &'a str) -> Input<'a> {
        Input { stdin, files, cwd, stdin_read: Cell::new(false), stdin_is_file: false }
    }

    /// The same input, with stdin redirected from a regular file.
    pub fn stdin_from_file(self) -> Input<'a> {
        Input { stdin_is_file: true, ..self }
    }

    /// The text of `operand`: stdin for `-`, else the file it names.
    pub fn open(&self, operand: &str) -> Result<&'a str, FileError> {
        if operand == "-" {
            return Ok(if self.stdin_read.replace(true) { "" } else { self.stdin });
        }
        self.files.read(self.cwd, operand)
    }
}

/// A file name as coreutils' `quote` words it in a message (shell-escape
/// quoting): bare when nothing in it needs quoting and `always` is false
/// (`quotef`: cat, wc, cut, sort, uniq), else in single quotes, or double
/// quotes when it holds a single quote (`quoteaf`: rm, touch, head, tail).
pub fn quote(name: &str, always: bool) -> String {
    let plain = |c: char| c.is_alphanumeric() || "%+,-./:=@_^".contains(c) || !c.is_ascii();
    let special_start = name.starts_with(['~', '#']);
    if !always && !name.is_empty() && !special_start && name.chars().all(plain) {
        return name.to_string();
    }
    if name.contains('\'') && !name.contains(['"', '$', '`', '\\', '!']) {
        return format!("\"{name}\"");
    }
    format!("'{}'", name.replace('\'', "'\\''"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stdin_is_read_once_and_files_by_path() {
        let files: Files = [("/tmp/a".to_string(), "x\n".to_string())].into_iter().collect();
        let input = Input::new("in\n", &files, "/tmp");
        assert_eq!(input.open("-"), Ok("in\n"));
        assert_eq!(input.open("-"), Ok(""));
        assert_eq!(input.open("a"), Ok("x\n"));
        assert_eq!(input.open("/tmp"), Err(FileError::IsADirectory));
        assert_eq!(input.open("b"), Err(FileError::NotFound));
    }

    #[test]
    fn names_are_quoted_as_coreutils_quotes_them() {
        for (name, always, want) in [
            ("nope", false, "nope"),
            ("/tmp/nslab-nope", true, "'/tmp/nslab-nope'"),
            ("a b", false, "'a b'"),
            ("it's", true, "\"it's\""),
            ("", false, "''"),
            ("~x", false, "'~x'"),
        ] {
            assert_eq!(quote(name, always), want, "{name}");
        }
    }
}
