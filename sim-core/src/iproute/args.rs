//! Walking argv the way iproute2 does, and the errors it prints on the way.

use crate::kernel::KernelError;
use crate::output::Output;

/// iproute2's `matches()`: `arg` is a prefix of `keyword` (and not longer).
pub fn matches(arg: &str, keyword: &str) -> bool {
    !arg.is_empty() && arg.len() <= keyword.len() && keyword.starts_with(arg)
}

/// A failed command: what it printed on stderr and its exit status. Boxed,
/// so that each `?` of the parsers moves one pointer (smaller wasm).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fail(Box<FailBody>);

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FailBody {
    pub text: String,
    pub status: i32,
}

impl std::ops::Deref for Fail {
    type Target = FailBody;

    fn deref(&self) -> &FailBody {
        &self.0
    }
}

impl Fail {
    pub fn new(text: impl Into<String>, status: i32) -> Fail {
        Fail(Box::new(FailBody { text: text.into(), status }))
    }

    pub fn into_output(self) -> Output {
        let FailBody { text, status } = *self.0;
        Output::error(text, status)
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
        match &e.extack {
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

/// What iproute2 asks the kernel while it is still parsing (`ll_name_to_index`
/// for `master X`, `netns_get_fd` for `netns NS`): such a lookup fails at its
/// place in argv, before the words after it are read.
pub trait Resolve {
    fn ifindex(&mut self, name: &str) -> Option<u32>;
    fn netns_exists(&mut self, name: &str) -> bool;
}

/// A kernel answering the parser's lookups.
pub struct Lookup<'a>(pub &'a mut dyn crate::netlink::Netlink);

impl Resolve for Lookup<'_> {
    fn ifindex(&mut self, name: &str) -> Option<u32> {
        self.0.link_get(name).map(|l| l.ifindex)
    }

    fn netns_exists(&mut self, name: &str) -> bool {
        self.0.netns_list().iter().any(|n| n == name)
    }
}

/// `get_addr()`/`get_prefix()` failing: the family iproute2 names ("any
/// valid" before anything fixed it, "inet" after an IPv4 one or with -4).
pub fn bad_addr(kind: &str, inet: bool, arg: &str) -> Fail {
    let fam = if inet { "inet" } else { "any valid" };
    Fail::new(format!("Error: {fam} {kind} is expected rather than \"{arg}\".\n"), 1)
}

/// `ll_addr_a2n()`: colon-separated hex bytes, each read as `sscanf("%x")`
/// reads it (leading hex digits; `br1` is the one byte 0x0b), or a dotted
/// IPv4 address. The length is what the device then has to accept.
pub fn parse_lladdr(arg: &str) -> IpResult<Vec<u8>> {
    let bad = |part: &str| Fail::new(format!("\"{part}\" is invalid lladdr.\n"), 1);
    if arg.contains('.') {
        return crate::iproute::addr::parse_inet(arg).map(|a| a.octets().to_vec()).ok_or_else(|| bad(arg));
    }
    let mut out = Vec::new();
    let mut rest = arg;
    loop {
        let (part, tail) = match rest.split_once(':') {
            Some((p, t)) => (p, Some(t)),
            None => (rest, None),
        };
        let t = part.trim_start();
        let t = t.strip_prefix("0x").or_else(|| t.strip_prefix("0X")).unwrap_or(t);
        let digits: String = t.chars().take_while(|c| c.is_ascii_hexdigit()).collect();
        let value = u64::from_str_radix(&digits, 16).map_err(|_| bad(part))?;
        if value > 255 {
            return Err(bad(part));
        }
        out.push(value as u8);
        match tail {
            Some(t) if out.len() < 32 => rest = t,
            _ => return Ok(out),
        }
    }
}
