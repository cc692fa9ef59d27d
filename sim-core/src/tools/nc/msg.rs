//! nc's messages: its usage and help texts, `errx()`'s and `warn()`'s
//! `nc: …` lines, and the words of the errors it reports.

use crate::netlink::sockets::Errno;
use crate::output::Output;

/// `usage()`'s text.
pub const USAGE: &str = "usage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]
\t  [-m minttl] [-O length] [-P proxy_username] [-p source_port]
\t  [-q seconds] [-s sourceaddr] [-T keyword] [-V rtable] [-W recvlimit]
\t  [-w timeout] [-X proxy_protocol] [-x proxy_address[:port]]
\t  [destination] [port]
";

/// `help()`'s summary after the usage (Debian 1.219-1's, as `nc -h` prints it).
const SUMMARY: &str = include_str!("summary.txt");

/// Why nc stops before it does anything: what it prints on stderr, and
/// its status (always 1, but `-h`'s 0).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fail {
    pub text: String,
    pub status: i32,
}

impl Fail {
    /// `errx(1, …)`.
    pub fn msg(text: String) -> Fail {
        Fail { text: format!("nc: {text}\n"), status: 1 }
    }

    /// getopt's complaint (if any), then `usage(1)`.
    pub fn usage(before: String) -> Fail {
        Fail { text: before + USAGE, status: 1 }
    }

    /// `-h`: `help()`, which exits 0.
    pub fn help() -> Fail {
        Fail { text: format!("OpenBSD netcat (Debian patchlevel 1.219-1)\n{USAGE}{SUMMARY}"), status: 0 }
    }

    pub fn output(self) -> Output {
        Output::error(self.text, self.status)
    }
}

/// `strerror()` as nc prints it.
pub fn errno_text(e: Errno) -> &'static str {
    e.text()
}
