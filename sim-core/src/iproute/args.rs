//! The errors iproute2 prints ([`Fail`]) and the kernel lookups it makes
//! while it parses ([`Resolve`]); the grammars themselves are in `grammar`.

use crate::kernel::KernelError;
use crate::output::Output;

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
/// `check_ifname()`: what the kernel would refuse as a device name.
pub fn valid_ifname(name: &str) -> bool {
    !name.is_empty() && name.len() < 16 && !name.chars().any(|c| c == '/' || c.is_whitespace())
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
        self.0.link_index(name)
    }

    fn netns_exists(&mut self, name: &str) -> bool {
        self.0.netns_exists(name)
    }
}

/// `get_addr()`/`get_prefix()` failing: the family iproute2 names ("any
/// valid" before anything fixed it, "inet" after an IPv4 one or with -4).
pub fn bad_addr(kind: &str, inet: bool, arg: &str) -> Fail {
    let fam = if inet { "inet" } else { "any valid" };
    Fail::new(format!("Error: {fam} {kind} is expected rather than \"{arg}\".\n"), 1)
}
