//! `ip link`: add, set, delete, show. The grammar is in `parse.rs`.

mod parse;

pub use parse::parse;

use super::args::{Fail, IpResult};
use super::show::{self, ShowFilter};
use super::Opts;
use crate::kernel::{Errno, KernelError};
use crate::netlink::{LinkAddReq, LinkSetReq, Netlink};
use crate::output::Output;

/// A parsed `ip link` command.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkCmd {
    Add(LinkAddReq),
    Set {
        dev: String,
        req: LinkSetReq,
        /// `netns PID`: checked by the kernel once the device is found.
        pid: Option<PidNetns>,
    },
    Delete {
        dev: String,
    },
    Show(ShowFilter),
    /// A request the kernel will refuse (`type` of a kind it does not have,
    /// an address of the wrong length): sent, and answered with this.
    Refused(KernelError),
    /// What iproute2 prints without asking the kernel (`xstats help`).
    Text(&'static str),
}

/// `netns PID` (`IFLA_NET_NS_PID`): a process's namespace. The simulator's
/// processes are init (pid 1) and the shell (its `$$`, 1042), both in the
/// host namespace (`NetnsTarget::Init`, from whichever namespace the command
/// runs in); for any other number the kernel answers ESRCH.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PidNetns {
    Host,
    NoSuchProcess,
}

/// The shell's `$$` (sim-shell's `Env`).
const SHELL_PID: i32 = 1042;

impl PidNetns {
    fn of(pid: i32) -> PidNetns {
        if pid == 1 || pid == SHELL_PID {
            PidNetns::Host
        } else {
            PidNetns::NoSuchProcess
        }
    }
}

/// Runs a parsed `ip link` command.
pub fn run(nl: &mut dyn Netlink, opts: &Opts, cmd: &LinkCmd) -> IpResult<Output> {
    match cmd {
        LinkCmd::Refused(e) => Err(Fail::kernel(e)),
        LinkCmd::Add(req) => {
            nl.link_add(req)?;
            Ok(Output::new())
        }
        LinkCmd::Set { dev, req, pid } => {
            let Some(ifindex) = nl.link_index(dev) else {
                return Err(Fail::nodev(dev));
            };
            if *pid == Some(PidNetns::NoSuchProcess) {
                return Err(Fail::kernel(&KernelError::new(Errno::ESRCH)));
            }
            nl.link_set(ifindex, req)?;
            Ok(Output::new())
        }
        LinkCmd::Delete { dev } => {
            let Some(ifindex) = nl.link_index(dev) else {
                return Err(Fail::nodev(dev));
            };
            nl.link_del(ifindex)?;
            Ok(Output::new())
        }
        LinkCmd::Show(f) => show::list(nl, opts, f, true),
        LinkCmd::Text(t) => {
            let mut out = Output::new();
            out.out(*t);
            Ok(out)
        }
    }
}
