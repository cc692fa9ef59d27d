//! The machine's files, as far as a lab has them: regular files kept in
//! memory, in the directories a Debian host has (no `mkdir`, no
//! permissions: the learner is root).
//!
//! They exist so that what a learner (or a recording) does with files
//! works: a server's output sent to `/tmp/received` and read back with
//! `cat`, `wc -l < FILE`, `rm -f FILE`. A [`Files`] belongs to the machine
//! (sim-core's `Lab`), which hands it to the shell for redirections and to
//! the text tools for their file operands; errors carry the words Linux
//! prints ([`FileError::text`]).

use litemap::LiteMap;

/// The directories there are. Files may be made in any of them but `/proc`
/// and `/sys`, whose entries are the kernel's.
const DIRS: &[&str] = &[
    "/",
    "/bin",
    "/dev",
    "/etc",
    "/home",
    "/mnt",
    "/opt",
    "/proc",
    "/root",
    "/run",
    "/run/netns",
    "/sbin",
    "/srv",
    "/sys",
    "/tmp",
    "/usr",
    "/usr/bin",
    "/usr/local",
    "/usr/local/bin",
    "/usr/sbin",
    "/var",
    "/var/log",
    "/var/tmp",
];

/// Root's home: the working directory of a machine that names no other.
pub const HOME: &str = "/root";

/// At most this many files, of at most [`MAX_BYTES`] in all: a loop that
/// writes files cannot fill the page's memory.
pub const MAX_FILES: usize = 256;
pub const MAX_BYTES: usize = 1 << 20;

/// Why a file could not be opened, read, written or removed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileError {
    NotFound,
    IsADirectory,
    NoSpace,
}

impl FileError {
    /// strerror's words for it.
    pub fn text(self) -> &'static str {
        match self {
            FileError::NotFound => "No such file or directory",
            FileError::IsADirectory => "Is a directory",
            FileError::NoSpace => "No space left on device",
        }
    }
}

/// Regular files by absolute path.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Files {
    files: LiteMap<String, String>,
}

impl Files {
    pub fn new() -> Files {
        Files::default()
    }

    /// The file at `path` (absolute, or relative to `cwd`).
    pub fn read(&self, cwd: &str, path: &str) -> Result<&str, FileError> {
        if path.is_empty() {
            return Err(FileError::NotFound);
        }
        let p = absolute(cwd, path);
        match self.files.get(p.as_str()) {
            Some(text) => Ok(text),
            None if is_dir(&p) => Err(FileError::IsADirectory),
            None => Err(FileError::NotFound),
        }
    }

    /// Writes `text` to the file at `path`, after what it holds when
    /// `append`, creating it if its directory exists.
    pub fn write(&mut self, cwd: &str, path: &str, text: &str, append: bool) -> Result<(), FileError> {
        if path.is_empty() {
            return Err(FileError::NotFound);
        }
        let p = absolute(cwd, path);
        if is_dir(&p) {
            return Err(FileError::IsADirectory);
        }
        let parent = p.rsplit_once('/').map_or("/", |(d, _)| if d.is_empty() { "/" } else { d });
        if !is_dir(parent) || matches!(parent, "/proc" | "/sys") || parent.starts_with("/proc/") {
            return Err(FileError::NotFound);
        }
        let old = self.files.get(p.as_str()).map_or(0, String::len);
        let kept = if append { old } else { 0 };
        let total = self.bytes() - old + kept + text.len();
        if total > MAX_BYTES || (old == 0 && !self.files.contains_key(p.as_str()) && self.files.len() >= MAX_FILES) {
            return Err(FileError::NoSpace);
        }
        match self.files.get_mut(p.as_str()) {
            Some(f) if append => f.push_str(text),
            Some(f) => *f = text.to_string(),
            None => {
                self.files.insert(p, text.to_string());
            }
        }
        Ok(())
    }

    /// Removes the file at `path`.
    pub fn remove(&mut self, cwd: &str, path: &str) -> Result<(), FileError> {
        if path.is_empty() {
            return Err(FileError::NotFound);
        }
        let p = absolute(cwd, path);
        match self.files.remove(p.as_str()) {
            Some(_) => Ok(()),
            None if is_dir(&p) => Err(FileError::IsADirectory),
            None => Err(FileError::NotFound),
        }
    }

    /// Removes every file under the directory `dir` (an empty `dir` is
    /// none); returns their paths
    /// relative to it, in order (what `rm -rv` names).
    pub fn remove_under(&mut self, cwd: &str, dir: &str) -> Vec<String> {
        if dir.is_empty() {
            return Vec::new();
        }
        let d = absolute(cwd, dir);
        let prefix = if d == "/" { d } else { format!("{d}/") };
        let gone: Vec<String> = self.files.iter().map(|(p, _)| p).filter(|p| p.starts_with(&prefix)).cloned().collect();
        for p in &gone {
            self.files.remove(p.as_str());
        }
        gone.into_iter().map(|p| p[prefix.len()..].to_string()).collect()
    }

    /// Whether `path` is the root directory.
    pub fn is_root(&self, cwd: &str, path: &str) -> bool {
        absolute(cwd, path) == "/"
    }

    /// What `test -e`/`-f`/`-d` ask: a file, a directory, or nothing.
    pub fn kind(&self, cwd: &str, path: &str) -> Option<Kind> {
        if path.is_empty() {
            return None;
        }
        let p = absolute(cwd, path);
        if self.files.contains_key(p.as_str()) {
            Some(Kind::File)
        } else if is_dir(&p) {
            Some(Kind::Dir)
        } else {
            None
        }
    }

    /// Every file, in path order: what a program run elsewhere may read.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.files.iter().map(|(p, t)| (p.as_str(), t.as_str()))
    }

    fn bytes(&self) -> usize {
        self.files.values().map(String::len).sum()
    }
}

impl FromIterator<(String, String)> for Files {
    fn from_iter<I: IntoIterator<Item = (String, String)>>(iter: I) -> Files {
        let mut files = Files::new();
        for (p, t) in iter {
            files.files.insert(p, t);
        }
        files
    }
}

/// A file or a directory.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    File,
    Dir,
}

fn is_dir(p: &str) -> bool {
    DIRS.contains(&p)
}

/// Whether a file could be made at `path` (from root's home): its
/// directory exists and is not the kernel's (`/proc`, `/sys`).
pub fn can_create(path: &str) -> bool {
    let p = absolute("/root", path);
    let parent = p.rsplit_once('/').map_or("/", |(d, _)| if d.is_empty() { "/" } else { d });
    is_dir(parent) && !matches!(parent, "/proc" | "/sys") && !parent.starts_with("/proc/") && !is_dir(&p)
}

/// `path` as an absolute path without `.`, `..` or repeated slashes.
fn absolute(cwd: &str, path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    let start = if path.starts_with('/') { "" } else { cwd };
    for part in start.split('/').chain(path.split('/')) {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    format!("/{}", parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_written_read_appended_and_removed() {
        let mut fs = Files::new();
        fs.write("/root", "/tmp/a", "hello\n", false).unwrap();
        fs.write("/root", "/tmp/./a", "more\n", true).unwrap();
        assert_eq!(fs.read("/tmp", "a"), Ok("hello\nmore\n"));
        assert_eq!(fs.read("/root", "../tmp//a"), Ok("hello\nmore\n"));
        fs.write("/root", "/tmp/a", "", false).unwrap();
        assert_eq!(fs.read("/root", "/tmp/a"), Ok(""));
        assert_eq!(fs.kind("/root", "/tmp/a"), Some(Kind::File));
        fs.write("/root", "/tmp/b", "b\n", false).unwrap();
        fs.write("/root", "/tmpx", "", false).unwrap();
        fs.write("/root", "/etc/c", "c\n", false).unwrap();
        assert_eq!(fs.remove_under("/", "tmp/"), vec!["a".to_string(), "b".to_string()]);
        assert_eq!(fs.iter().map(|(p, _)| p).collect::<Vec<_>>(), vec!["/etc/c", "/tmpx"]);
        assert!(fs.is_root("/tmp", "..") && !fs.is_root("/", "tmp"));
        fs.write("/root", "/tmp/a", "", false).unwrap();
        fs.remove("/root", "/tmp/a").unwrap();
        assert_eq!(fs.read("/root", "/tmp/a"), Err(FileError::NotFound));
        assert_eq!(fs.remove("/root", "/tmp/a"), Err(FileError::NotFound));
    }

    #[test]
    fn directories_are_not_files_and_some_take_none() {
        let mut fs = Files::new();
        assert_eq!(fs.read("/root", "/tmp"), Err(FileError::IsADirectory));
        assert_eq!(fs.write("/root", "/tmp", "x", false), Err(FileError::IsADirectory));
        assert_eq!(fs.remove("/root", "/tmp"), Err(FileError::IsADirectory));
        assert_eq!(fs.write("/root", "/nonexistent/dir/f", "x", false), Err(FileError::NotFound));
        assert_eq!(fs.write("/root", "/proc/nslab", "x", false), Err(FileError::NotFound));
        assert_eq!(fs.write("/root", "/etc/nslab", "x", false), Ok(()));
        assert_eq!(fs.kind("/", "tmp"), Some(Kind::Dir));
        assert_eq!(fs.kind("/", "nope"), None);
        // An empty path names nothing (ENOENT), not the working directory.
        assert_eq!(fs.kind("/tmp", ""), None);
        assert_eq!(fs.read("/tmp", ""), Err(FileError::NotFound));
        assert_eq!(fs.write("/tmp", "", "x", false), Err(FileError::NotFound));
        assert_eq!(fs.remove("/tmp", ""), Err(FileError::NotFound));
    }

    #[test]
    fn a_full_disk_refuses_and_keeps_what_it_had() {
        let mut fs = Files::new();
        let big = "x".repeat(MAX_BYTES);
        fs.write("/", "/tmp/big", &big, false).unwrap();
        assert_eq!(fs.write("/", "/tmp/big", "y", true), Err(FileError::NoSpace));
        assert_eq!(fs.write("/", "/tmp/other", "y", false), Err(FileError::NoSpace));
        assert_eq!(fs.read("/", "/tmp/big").map(str::len), Ok(MAX_BYTES));
        fs.write("/", "/tmp/big", "small", false).unwrap();
        for i in 0..MAX_FILES - 1 {
            fs.write("/", &format!("/tmp/f{i}"), "", false).unwrap();
        }
        assert_eq!(fs.write("/", "/tmp/one-more", "", false), Err(FileError::NoSpace));
        assert_eq!(fs.write("/", "/tmp/f0", "rewritten", false), Ok(()));
    }
}
