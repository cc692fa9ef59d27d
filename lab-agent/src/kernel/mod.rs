//! The kernel backend: sim-core's [`Netlink`] seam over real rtnetlink.
//!
//! One module per rtnetlink object (`link`, `addr`, `route`, `neigh`), each
//! with the request builders and the dump decoders of its verbs; `netns`
//! keeps /run/netns the way iproute2 does and `sysctl` reads /proc/sys from
//! inside a namespace. [`Rtnl`] lives for a whole run (the tokio runtime,
//! the sandbox's host namespace and its socket); a [`KernelNetlink`] is one
//! command's view of it from one namespace, like `SimNetlink`.

pub mod addr;
pub mod conn;
pub mod limits;
pub mod link;
pub mod linkwatch;
pub mod maddr;
pub mod neigh;
pub mod netns;
pub mod route;
pub mod sysctl;

use std::fs::File;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::time::{Duration, Instant};

pub use limits::Limits;
use netlink_packet_core::{NLM_F_CREATE, NLM_F_EXCL, NLM_F_REPLACE};
use netlink_packet_route::RouteNetlinkMessage;
use sim_core::kernel::addr::Inet4;
use sim_core::kernel::mac::Mac;
use sim_core::kernel::ops::{Route6Match, RouteMatch};
use sim_core::kernel::route::Route;
use sim_core::kernel::route6::Route6;
use sim_core::kernel::{Errno, KResult, KernelError};
use sim_core::netlink::{
    Addr6Req, AddrMsg, FdbMsg, LinkAddReq, LinkMsg, LinkSetReq, MaddrMsg, NeighMsg, Netlink, NetnsTarget, NsResult,
    Route6GetMsg, Route6GetReq, Route6Msg, RouteGetMsg, RouteMsg,
};
use tokio::runtime::Runtime;

use conn::{errno_of, Conn, ConnError};

/// Failures setting up the backend (not the kernel refusing a request).
#[derive(Debug)]
pub enum SetupError {
    Runtime(std::io::Error),
    Namespace(std::io::Error),
}

impl std::fmt::Display for SetupError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SetupError::Runtime(e) => write!(f, "cannot start the netlink runtime: {e}"),
            SetupError::Namespace(e) => write!(f, "cannot open the current network namespace: {e}"),
        }
    }
}

impl std::error::Error for SetupError {}

/// What lives for a whole run: the runtime, the host namespace, its socket.
pub struct Rtnl {
    rt: Runtime,
    /// The namespace playing the host; the thread returns here after every
    /// excursion into another namespace.
    home: File,
    host: Option<Conn>,
    /// When a request last changed state (see [`SETTLE`]).
    last_change: Option<Instant>,
    /// The gap kept after a change ([`SETTLE`], or zero for batch runs).
    pace: Duration,
    /// The agent's own shells, which `ip netns` must know of.
    pub shells: Shells,
    /// What this session may make (see [`limits`]).
    pub limits: Limits,
    /// The machine's own namespaces, looked at only (`--inspect-host`):
    /// every change through the seam is refused.
    pub read_only: bool,
    /// The last limit an operation met, until the host reports it.
    refusal: Option<String>,
}

/// The agent's own processes that are no processes of the kernel: shells
/// started as programs (`ip netns exec NS bash -c …`, sim-shell's, inside
/// the agent) and background jobs of several commands. Their pids lie
/// above the kernel's `PID_MAX_LIMIT` (2^22), so no real process has one;
/// `ip netns identify PID` and `ip netns pids NAME` know where the shells
/// run.
#[derive(Default)]
pub struct Shells {
    next: u32,
    live: Vec<(u32, Option<String>)>,
}

/// The kernel's largest pid (`PID_MAX_LIMIT` on 64-bit).
const PID_MAX_LIMIT: u32 = 1 << 22;

impl Shells {
    /// A new pid of the agent's own.
    pub fn alloc(&mut self) -> u32 {
        self.next += 1;
        PID_MAX_LIMIT + self.next
    }

    /// A shell starts in namespace `ns` (`None`: the sandbox's host).
    pub fn start(&mut self, ns: Option<&str>) -> u32 {
        let pid = self.alloc();
        self.live.push((pid, ns.map(str::to_string)));
        pid
    }

    /// The shell ended.
    pub fn end(&mut self, pid: u32) {
        self.live.retain(|(p, _)| *p != pid);
    }

    /// Where shell `pid` runs, if it is one (`Some(None)`: the host).
    fn namespace(&self, pid: u32) -> Option<Option<&str>> {
        self.live.iter().find(|(p, _)| *p == pid).map(|(_, ns)| ns.as_deref())
    }
}

/// How long the kernel's deferred work (link-watch computing operstate
/// and carrier after `ip link set up`, namespace teardown after `ip netns
/// delete`) gets after a change before the next request. Between two
/// commands typed in a terminal, or two `bash -c` of `record-transcript`,
/// at least this much time passes; the agent would run them back to back
/// and overtake the kernel (an `ip link show` right after `ip link set up`
/// then reports operstate UNKNOWN). `ip -batch` does overtake it: see
/// [`Rtnl::set_pace`].
pub const SETTLE: Duration = Duration::from_millis(3);

/// How long a deleted namespace gets to disappear (see [`Rtnl::teardown`]).
pub const TEARDOWN: Duration = Duration::from_millis(150);

impl Rtnl {
    /// Takes the calling thread's current namespace as the host.
    pub fn new() -> Result<Rtnl, SetupError> {
        let rt = tokio::runtime::Builder::new_current_thread().enable_io().build().map_err(SetupError::Runtime)?;
        let home = netns::current().map_err(SetupError::Namespace)?;
        Ok(Rtnl {
            rt,
            home,
            host: None,
            last_change: None,
            pace: SETTLE,
            shells: Shells::default(),
            limits: Limits::NONE,
            read_only: false,
            refusal: None,
        })
    }

    /// The note of the limit an operation met since the last call, if any.
    pub fn take_refusal(&mut self) -> Option<String> {
        self.refusal.take()
    }

    /// Refuses a change when the host is only looked at (`read_only`),
    /// with `EPERM` and a note.
    fn writable(&mut self) -> KResult<()> {
        if !self.read_only {
            return Ok(());
        }
        self.refuse(crate::host::inspect::NOTE.to_string());
        Err(KernelError { errno: Errno::EPERM, extack: None })
    }

    /// Records that an operation met a limit.
    pub fn refuse(&mut self, note: String) {
        self.refusal = Some(note);
    }

    /// Network devices in the sandbox: its host namespace's and every
    /// named one's.
    fn links_in_sandbox(&mut self) -> usize {
        let mut n = KernelNetlink::host(self).link_dump().len();
        for name in netns::list() {
            if let Ok(mut nl) = KernelNetlink::named(self, &name) {
                n += nl.link_dump().len();
            }
        }
        n
    }

    /// The host namespace's descriptor.
    pub fn home(&self) -> &File {
        &self.home
    }

    /// Records that the kernel's state was just changed.
    pub fn changed(&mut self) {
        self.last_change = Some(Instant::now());
    }

    /// Records a namespace deletion: the kernel tears the namespace down
    /// (and its devices, and their veth peers) in a work queue after the
    /// last reference goes; a person at a terminal only ever sees the end
    /// of it, so at a terminal's pace the next request waits [`TEARDOWN`].
    pub fn teardown(&mut self) {
        let wait = if self.pace.is_zero() { Duration::ZERO } else { TEARDOWN.saturating_sub(self.pace) };
        self.last_change = Some(Instant::now() + wait);
    }

    /// Waits until the pace has passed since the last change.
    pub fn settle(&mut self) {
        if let Some(t) = self.last_change.take() {
            let left = (t + self.pace).saturating_duration_since(Instant::now());
            if !left.is_zero() {
                std::thread::sleep(left);
            }
        }
    }

    /// Before a program that sends packets: every device's pending
    /// link-watch event runs (see [`linkwatch`]), unless racing like
    /// `ip -batch`.
    pub fn sync_links(&mut self) {
        if !self.pace.is_zero() {
            linkwatch::sync_all(&self.home);
        }
    }

    /// The gap kept between a change and the next request: [`SETTLE`] by
    /// default (a terminal's pace), `Duration::ZERO` to go as fast as
    /// `ip -batch` (which shows the kernel's transient states).
    pub fn set_pace(&mut self, pace: Duration) {
        self.pace = pace;
    }
}

/// A namespace entered by name (`ip -n NAME`, `ip netns exec NAME`).
struct Named {
    file: File,
    conn: Option<Conn>,
}

/// One command's view of the kernel from one namespace.
pub struct KernelNetlink<'r> {
    r: &'r mut Rtnl,
    cur: Option<Named>,
}

impl<'r> KernelNetlink<'r> {
    /// A view from the host namespace.
    pub fn host(r: &'r mut Rtnl) -> KernelNetlink<'r> {
        KernelNetlink { r, cur: None }
    }

    /// A view from a named namespace (`ip netns exec NAME`).
    pub fn named(r: &'r mut Rtnl, name: &str) -> Result<KernelNetlink<'r>, Errno> {
        let mut nl = KernelNetlink::host(r);
        nl.netns_enter(name)?;
        Ok(nl)
    }

    /// The descriptor of the current namespace.
    fn ns_file(&self) -> &File {
        self.cur.as_ref().map_or(&self.r.home, |n| &n.file)
    }

    /// Runs `f` with the current namespace's socket and the runtime.
    fn with_conn<T>(&mut self, f: impl FnOnce(&mut Conn, &Runtime) -> Result<T, ConnError>) -> Result<T, ConnError> {
        self.r.settle();
        let Rtnl { rt, home, host, .. } = &mut *self.r;
        let conn = match &mut self.cur {
            None => match host {
                Some(c) => c,
                None => host.insert(Conn::open(rt).map_err(ConnError::Io)?),
            },
            Some(n) => match &mut n.conn {
                Some(c) => c,
                None => n.conn.insert(Conn::open_in(rt, netns::fd(&n.file), netns::fd(home)).map_err(ConnError::Io)?),
            },
        };
        let r = f(conn, rt);
        if let (Err(ConnError::Io(_)), None) = (&r, &self.cur) {
            // A broken host socket (say an overflow) is reopened next time.
            *host = None;
        }
        r
    }

    fn call(&mut self, msg: RouteNetlinkMessage, flags: u16) -> KResult<()> {
        let r = self.with_conn(|c, rt| c.ack(rt, msg, flags)).map_err(KernelError::from);
        self.r.changed();
        r
    }

    fn dump(&mut self, msg: RouteNetlinkMessage) -> Vec<RouteNetlinkMessage> {
        self.with_conn(|c, rt| c.dump(rt, msg)).unwrap_or_default()
    }

    /// ARP's entries then neighbour discovery's (or their proxy entries),
    /// one dump per table as the kernel orders them.
    fn neighs(&mut self, proxy: bool) -> Vec<NeighMsg> {
        let mut out = Vec::new();
        for family in [netlink_packet_route::AddressFamily::Inet, netlink_packet_route::AddressFamily::Inet6] {
            out.extend(self.dump(neigh::dump_msg(family, proxy)).iter().filter_map(neigh::decode));
        }
        out
    }

    fn get(&mut self, msg: RouteNetlinkMessage) -> KResult<Vec<RouteNetlinkMessage>> {
        self.with_conn(|c, rt| c.call(rt, msg, 0)).map_err(KernelError::from)
    }

    /// Opens a namespace named in a request (`netns NAME`), as iproute2 does.
    fn open_named(name: &str) -> KResult<File> {
        netns::open(name).map_err(|e| KernelError::new(errno_of(e.raw_os_error().unwrap_or(libc::EINVAL))))
    }

    /// The namespace a `netns` target names. `Init` (a process id) is the
    /// sandbox's own host namespace, never the machine's: the lab's processes
    /// live there, as they do in the simulator, and nothing may leave the
    /// sandbox.
    fn open_target(&self, target: &NetnsTarget) -> KResult<File> {
        match target {
            NetnsTarget::Named(name) => Self::open_named(name),
            NetnsTarget::Init => self.r.home.try_clone().map_err(|e| KernelError::new(io_errno(&e))),
        }
    }
}

fn create_flags(replace: bool) -> u16 {
    if replace {
        NLM_F_CREATE | NLM_F_REPLACE
    } else {
        NLM_F_CREATE | NLM_F_EXCL
    }
}

fn io_errno(e: &std::io::Error) -> Errno {
    errno_of(e.raw_os_error().unwrap_or(libc::EINVAL))
}

/// Views of the sandbox's namespaces, for `sim_core::snapshot::through`.
impl sim_core::snapshot::Views for Rtnl {
    fn with(&mut self, ns: Option<&str>, f: &mut dyn FnMut(&mut dyn Netlink)) {
        match ns {
            None => f(&mut KernelNetlink::host(self)),
            Some(name) => {
                if let Ok(mut nl) = KernelNetlink::named(self, name) {
                    f(&mut nl);
                }
            }
        }
    }
}

impl Netlink for KernelNetlink<'_> {
    fn netns_list(&mut self) -> Vec<String> {
        netns::list()
    }

    fn netns_add(&mut self, name: &str) -> NsResult<()> {
        self.r.writable().map_err(|e| e.errno)?;
        if netns::list().len() >= self.r.limits.namespaces {
            let note = self.r.limits.namespaces_note();
            self.r.refuse(note);
            return Err(Errno::EAGAIN);
        }
        self.r.settle();
        let r = netns::add(name, netns::fd(&self.r.home)).map_err(|e| io_errno(&e));
        self.r.changed();
        r
    }

    fn netns_delete(&mut self, name: &str) -> NsResult<()> {
        self.r.writable().map_err(|e| e.errno)?;
        self.r.settle();
        self.r.teardown();
        // Our own handles must not keep the namespace alive.
        if let Ok(f) = netns::open(name) {
            let id = netns::identity(&f).ok();
            if self.cur.as_ref().is_some_and(|n| netns::identity(&n.file).ok() == id) {
                if let Some(n) = &mut self.cur {
                    n.conn = None;
                }
            }
        }
        netns::delete(name).map_err(|e| io_errno(&e))
    }

    fn netns_id(&mut self, name: &str) -> NsResult<Option<i32>> {
        let f = netns::open(name).map_err(|e| io_errno(&e))?;
        let replies = self.get(link::getnsid_msg(&f)).map_err(|e| e.errno)?;
        Ok(replies.iter().find_map(link::nsid_of))
    }

    fn netns_set_id(&mut self, name: &str, id: Option<i32>) -> KResult<()> {
        self.r.writable()?;
        let f = Self::open_named(name)?;
        self.call(link::newnsid_msg(&f, id.unwrap_or(-1)), 0)
    }

    fn netns_enter(&mut self, name: &str) -> NsResult<()> {
        let file = netns::open(name).map_err(|e| io_errno(&e))?;
        self.cur = Some(Named { file, conn: None });
        Ok(())
    }

    fn netns_identify(&mut self) -> Vec<String> {
        netns::names_of(self.ns_file())
    }

    /// `/proc/PID/ns/net`'s names; the agent's own shells answer for
    /// themselves.
    fn pid_netns(&mut self, pid: u32) -> Result<Vec<String>, Errno> {
        match self.r.shells.namespace(pid) {
            Some(None) => Ok(netns::names_of(&self.r.home)),
            Some(Some(name)) => Ok(netns::open(name).map(|f| netns::names_of(&f)).unwrap_or_default()),
            None => {
                let f = File::open(format!("/proc/{pid}/ns/net")).map_err(|e| io_errno(&e))?;
                Ok(netns::names_of(&f))
            }
        }
    }

    /// The processes whose `/proc/PID/ns/net` is namespace `name`, in
    /// `/proc`'s order, then the agent's own shells there.
    fn netns_pids(&mut self, name: &str) -> Result<Vec<u32>, Errno> {
        let f = netns::open(name).map_err(|e| io_errno(&e))?;
        let id = netns::identity(&f).map_err(|e| io_errno(&e))?;
        let mut pids = netns::pids_in(id);
        pids.extend(self.r.shells.live.iter().filter(|(_, ns)| ns.as_deref() == Some(name)).map(|(p, _)| *p));
        Ok(pids)
    }

    fn link_dump(&mut self) -> Vec<LinkMsg> {
        let links: Vec<LinkMsg> = self.dump(link::dump_msg()).iter().filter_map(link::decode).collect();
        if self.r.pace.is_zero() {
            links
        } else {
            self.caught_up(links)
        }
    }

    /// `ll_name_to_index()`: RTM_GETLINK with IFLA_IFNAME. Like iproute2's,
    /// the request runs the device's pending link-watch event and gives its
    /// peer's namespace an id (a dump does the latter too).
    fn link_get(&mut self, name: &str) -> Option<LinkMsg> {
        self.get(link::get_by_name_msg(name)).ok()?.iter().find_map(link::decode)
    }

    fn link_add(&mut self, req: &LinkAddReq) -> KResult<()> {
        self.r.writable()?;
        if self.r.limits.links != usize::MAX && self.r.links_in_sandbox() + 2 > self.r.limits.links {
            let note = self.r.limits.links_note();
            self.r.refuse(note);
            return Err(KernelError { errno: Errno::EAGAIN, extack: None });
        }
        let (netns, peer_netns) = match req {
            LinkAddReq::Veth { netns, peer_netns, .. } => (netns.clone(), peer_netns.clone()),
            LinkAddReq::Bridge { .. } => (None, None),
        };
        let ns = netns.as_ref().map(|t| self.open_target(t)).transpose()?;
        let pns = peer_netns.as_ref().map(|t| self.open_target(t)).transpose()?;
        let msg = link::add_msg(req, ns.as_ref(), pns.as_ref());
        self.call(msg, NLM_F_CREATE | NLM_F_EXCL)
    }

    fn link_set(&mut self, ifindex: u32, req: &LinkSetReq) -> KResult<()> {
        self.r.writable()?;
        let ns = req.netns.as_ref().map(|t| self.open_target(t)).transpose()?;
        self.call(link::set_msg(ifindex, req, ns.as_ref()), 0)
    }

    fn link_del(&mut self, ifindex: u32) -> KResult<()> {
        self.r.writable()?;
        self.call(link::del_msg(ifindex), 0)
    }

    fn addr_dump(&mut self) -> Vec<AddrMsg> {
        self.dump(addr::dump_msg()).iter().filter_map(addr::decode).collect()
    }

    fn addr_add(&mut self, ifindex: u32, a: &Inet4) -> KResult<()> {
        self.r.writable()?;
        self.call(addr::add_msg(ifindex, a), NLM_F_CREATE | NLM_F_EXCL)
    }

    fn addr6_add(&mut self, ifindex: u32, req: &Addr6Req) -> KResult<()> {
        self.r.writable()?;
        self.call(addr::add6_msg(ifindex, req), NLM_F_CREATE | NLM_F_EXCL)
    }

    fn addr6_del(&mut self, ifindex: u32, local: Ipv6Addr, prefix: u8) -> KResult<()> {
        self.r.writable()?;
        self.call(addr::del_msg(ifindex, IpAddr::V6(local), prefix), 0)
    }

    fn addr_del(&mut self, ifindex: u32, local: Ipv4Addr, prefix: Option<u8>) -> KResult<()> {
        self.r.writable()?;
        self.call(addr::del_msg(ifindex, local.into(), prefix.unwrap_or(32)), 0)
    }

    fn addr_flush(&mut self, ifindex: u32) -> KResult<()> {
        self.r.writable()?;
        // iproute2 dumps and deletes each address (all families).
        let mine: Vec<AddrMsg> = self.addr_dump().into_iter().filter(|a| a.ifindex == ifindex).collect();
        for a in mine {
            match self.call(addr::del_msg(ifindex, a.local, a.prefix), 0) {
                Ok(()) => {}
                // A primary's removal takes its secondaries with it.
                Err(e) if matches!(e.errno, Errno::EADDRNOTAVAIL | Errno::ENOENT) => {}
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }

    fn route_dump(&mut self) -> Vec<RouteMsg> {
        self.dump(route::dump_msg()).iter().filter_map(route::decode).collect()
    }

    fn route_add(&mut self, r: &Route, replace: bool) -> KResult<()> {
        self.r.writable()?;
        self.call(route::add_msg(r), create_flags(replace))
    }

    fn route_cache_dump(&mut self) -> Vec<RouteGetMsg> {
        let cloned = |m: &&netlink_packet_route::RouteNetlinkMessage| {
            matches!(m, netlink_packet_route::RouteNetlinkMessage::NewRoute(r)
                if r.header.flags.contains(netlink_packet_route::route::RouteFlags::Cloned))
        };
        let got: Vec<route::Got> =
            self.dump(route::cache_dump_msg()).iter().filter(cloned).filter_map(route::decode_get).collect();
        got.into_iter().map(|g| self.got_msg(g)).collect()
    }

    fn route6_dump(&mut self) -> Vec<Route6Msg> {
        self.dump(route::dump6_msg()).iter().filter_map(route::decode6).collect()
    }

    fn route6_add(&mut self, r: &Route6, replace: bool) -> KResult<()> {
        self.r.writable()?;
        self.call(route::add6_msg(r), create_flags(replace))
    }

    fn route6_del(&mut self, m: &Route6Match) -> KResult<()> {
        self.r.writable()?;
        self.call(route::del6_msg(m), 0)
    }

    fn route6_get(&mut self, q: &Route6GetReq) -> KResult<Route6GetMsg> {
        let replies = self.get(route::get6_msg(q))?;
        replies.iter().find_map(route::decode_get6).ok_or(KernelError::new(Errno::EINVAL))
    }

    fn route_get(&mut self, dst: Ipv4Addr) -> KResult<RouteGetMsg> {
        let replies = self.get(route::get_msg(dst))?;
        let g = replies.iter().find_map(route::decode_get).ok_or(KernelError::new(Errno::EINVAL))?;
        Ok(self.got_msg(g))
    }

    fn route_del(&mut self, m: &RouteMatch) -> KResult<()> {
        self.r.writable()?;
        self.call(route::del_msg(m), 0)
    }

    fn neigh_dump(&mut self) -> Vec<NeighMsg> {
        self.neighs(false)
    }

    fn neigh_proxy_dump(&mut self) -> KResult<Vec<NeighMsg>> {
        Ok(self.neighs(true))
    }

    fn fdb_dump(&mut self) -> Vec<FdbMsg> {
        self.dump(neigh::fdb_dump_msg()).iter().filter_map(neigh::decode_fdb).collect()
    }

    fn neigh_add(&mut self, n: &NeighMsg, replace: bool) -> KResult<()> {
        self.r.writable()?;
        self.call(neigh::add_msg(n), create_flags(replace))
    }

    fn neigh_change(&mut self, n: &NeighMsg) -> KResult<()> {
        self.r.writable()?;
        self.call(neigh::add_msg(n), NLM_F_REPLACE)
    }

    fn neigh_del(&mut self, ifindex: u32, dst: IpAddr, proxy: bool) -> KResult<()> {
        self.r.writable()?;
        self.call(neigh::del_msg(ifindex, dst, proxy), 0)
    }

    fn maddr_dump(&mut self) -> Vec<MaddrMsg> {
        self.r.settle();
        maddr::dump(netns::fd(self.ns_file()), netns::fd(&self.r.home))
    }

    fn maddr_change(&mut self, ifindex: u32, mac: Mac, add: bool) -> KResult<()> {
        self.r.writable()?;
        let name = self
            .get(link::get_msg(ifindex))
            .ok()
            .and_then(|r| r.iter().find_map(link::decode))
            .map(|l| l.name)
            .ok_or(KernelError::new(Errno::ENODEV))?;
        let r = maddr::change(netns::fd(self.ns_file()), netns::fd(&self.r.home), &name, mac, add);
        self.r.changed();
        r.map_err(KernelError::new)
    }

    fn sysctl_read(&mut self, path: &str) -> Result<String, Errno> {
        self.r.settle();
        sysctl::read(netns::fd(self.ns_file()), netns::fd(&self.r.home), path)
    }

    fn sysctl_write(&mut self, path: &str, value: &str) -> Result<(), Errno> {
        self.r.writable().map_err(|e| e.errno)?;
        self.r.settle();
        let r = sysctl::write(netns::fd(self.ns_file()), netns::fd(&self.r.home), path, value);
        self.r.changed();
        r
    }
}

impl KernelNetlink<'_> {
    /// A route the kernel answered with, its device named by
    /// `ll_index_to_name()` (RTM_GETLINK by index).
    fn got_msg(&mut self, g: route::Got) -> RouteGetMsg {
        let dev = self
            .get(link::get_msg(g.oif))
            .ok()
            .and_then(|r| r.iter().find_map(link::decode))
            .map_or_else(|| format!("if{}", g.oif), |l| l.name);
        RouteGetMsg {
            kind: g.kind,
            dst: g.dst,
            gateway: g.gateway,
            dev,
            src: g.src,
            uid: g.uid,
            metrics: g.metrics,
            expires: g.expires,
        }
    }

    /// The links as someone typing at a terminal sees them: a dump reports
    /// a device's state as of its last link-watch run, which the kernel
    /// rate-limits to one a second (an `ip link set up` can show UNKNOWN or
    /// DOWN for up to a second); RTM_GETLINK of one device first runs its
    /// pending link-watch event. So every dumped device is fetched once
    /// more, which changes nothing else (a dump already gave each peer's
    /// namespace its id).
    fn caught_up(&mut self, links: Vec<LinkMsg>) -> Vec<LinkMsg> {
        links
            .into_iter()
            .filter_map(|l| match self.get(link::get_msg(l.ifindex)) {
                Ok(replies) => replies.iter().find_map(link::decode),
                Err(e) if e.errno == Errno::ENODEV => None,
                Err(_) => Some(l),
            })
            .collect()
    }
}
