//! Walking argv the way iproute2 does, and the errors it prints on the way.

use crate::kernel::KernelError;
use crate::output::Output;

/// iproute2's `matches()`: `arg` is a prefix of `keyword` (and not longer).
pub fn matches(arg: &str, keyword: &str) -> bool {
    arg.len() <= keyword.len() && keyword.starts_with(arg)
}

/// A failed command: what it printed on stderr and its exit status.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fail {
    pub text: String,
    pub status: i32,
}

impl Fail {
    pub fn new(text: impl Into<String>, status: i32) -> Fail {
        Fail { text: text.into(), status }
    }

    pub fn into_output(self) -> Output {
        Output::error(self.text, self.status)
    }

    /// `invarg()`: `msg` may end in `\n`, which iproute2 prints as a blank line.
    pub fn invarg(msg: &str, arg: &str) -> Fail {
        Fail::new(format!("Error: argument \"{arg}\" is wrong: {msg}\n"), 255)
    }

    pub fn duparg(key: &str, arg: &str) -> Fail {
        Fail::new(format!("Error: duplicate \"{key}\": \"{arg}\" is the second value.\n"), 255)
    }

    pub fn duparg2(key: &str, arg: &str) -> Fail {
        Fail::new(format!("Error: either \"{key}\" is duplicate, or \"{arg}\" is a garbage.\n"), 255)
    }

    pub fn incomplete() -> Fail {
        Fail::new("Command line is not complete. Try option \"help\"\n", 255)
    }

    /// `nodev()` of iproute2: exit 1.
    pub fn nodev(dev: &str) -> Fail {
        Fail::new(format!("Cannot find device \"{dev}\"\n"), 1)
    }

    /// What a refused netlink request prints: the extack, or strerror.
    pub fn kernel(e: &KernelError) -> Fail {
        match e.extack {
            Some(m) => Fail::new(format!("Error: {m}.\n"), 2),
            None => Fail::new(format!("RTNETLINK answers: {}\n", e.errno.text()), 2),
        }
    }
}

impl From<KernelError> for Fail {
    fn from(e: KernelError) -> Fail {
        Fail::kernel(&e)
    }
}

pub type IpResult<T> = Result<T, Fail>;

impl<'a> Iterator for Args<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let a = self.peek();
        if a.is_some() {
            self.pos += 1;
        }
        a
    }
}

/// A cursor over argv with iproute2's `NEXT_ARG()`.
pub struct Args<'a> {
    argv: &'a [String],
    pos: usize,
}

impl<'a> Args<'a> {
    pub fn new(argv: &'a [String]) -> Args<'a> {
        Args { argv, pos: 0 }
    }

    pub fn peek(&self) -> Option<&'a str> {
        self.argv.get(self.pos).map(String::as_str)
    }

    /// `NEXT_ARG()`: the value after a keyword, or "Command line is not complete".
    pub fn value(&mut self) -> IpResult<&'a str> {
        self.next().ok_or_else(Fail::incomplete)
    }

    pub fn rest(&self) -> &'a [String] {
        &self.argv[self.pos.min(self.argv.len())..]
    }

    pub fn is_empty(&self) -> bool {
        self.pos >= self.argv.len()
    }
}

/// `check_ifname()`: what the kernel would refuse as a device name.
pub fn valid_ifname(name: &str) -> bool {
    !name.is_empty() && name.len() < 16 && !name.chars().any(|c| c == '/' || c.is_whitespace())
}

/// `get_unsigned()`-style parsing: decimal, or hex with 0x.
pub fn parse_u32(s: &str) -> Option<u32> {
    if let Some(h) = s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
        u32::from_str_radix(h, 16).ok()
    } else {
        s.parse().ok()
    }
}
