//! Connection tracking (`nf_conntrack`) of one namespace: the table of
//! connections the packet path finds packets in, their states as
//! `-m state`/`-m conntrack` see them, and the NAT bindings that rewrite
//! the rest of a connection.
//!
//! A connection is a pair of tuples, the original direction's and the
//! reply direction's, as `/proc/net/nf_conntrack` lists them: ICMP echo
//! (the echo identifier stands in for the ports), UDP and TCP (with the
//! TCP state machine's states and timeouts, `nf_conntrack_proto_tcp.c`
//! reduced to what the simulator's own TCP sends: no window tracking). Facts from the conntrack recording: tracking is off
//! in a namespace until a rule needs it (the packet path asks
//! [`Conntrack`] nothing until then); each ping run is one connection; a
//! connection is only kept (confirmed) once its first packet leaves
//! POSTROUTING or INPUT, so a first packet dropped on the way leaves
//! nothing and the next one is NEW again; an ICMP error quoting a tracked
//! packet is RELATED.

use std::net::Ipv4Addr;

pub use super::netfilter::CtState;

/// IANA protocol numbers the tracker knows.
pub const PROTO_ICMP: u8 = 1;
pub const PROTO_TCP: u8 = 6;
pub const PROTO_UDP: u8 = 17;

/// `nf_conntrack_udp_timeout` (unreplied) and `_stream` (replied).
pub const UDP_TIMEOUT_MS: u64 = 30_000;
pub const UDP_STREAM_TIMEOUT_MS: u64 = 120_000;

/// The TCP states conntrack follows (`enum tcp_conntrack`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TcpCt {
    SynSent,
    SynRecv,
    Established,
    FinWait,
    CloseWait,
    LastAck,
    TimeWait,
    Close,
}

impl TcpCt {
    /// `nf_conntrack_tcp_timeout_*` (ms).
    pub fn timeout_ms(self) -> u64 {
        1000 * match self {
            TcpCt::SynSent => 120,
            TcpCt::SynRecv => 60,
            TcpCt::Established => 432_000,
            TcpCt::FinWait => 120,
            TcpCt::CloseWait => 60,
            TcpCt::LastAck => 30,
            TcpCt::TimeWait => 120,
            TcpCt::Close => 10,
        }
    }

    /// `/proc/net/nf_conntrack`'s name.
    pub fn name(self) -> &'static str {
        match self {
            TcpCt::SynSent => "SYN_SENT",
            TcpCt::SynRecv => "SYN_RECV",
            TcpCt::Established => "ESTABLISHED",
            TcpCt::FinWait => "FIN_WAIT",
            TcpCt::CloseWait => "CLOSE_WAIT",
            TcpCt::LastAck => "LAST_ACK",
            TcpCt::TimeWait => "TIME_WAIT",
            TcpCt::Close => "CLOSE",
        }
    }

    /// The next state for a segment with `flags` (SYN 2, FIN 1, RST 4, ACK
    /// 0x10) going `dir`: `tcp_conntracks[][][]` for the moves our TCP makes.
    pub fn next(self, dir: Dir, flags: u8) -> TcpCt {
        let (syn, fin, rst, ack) = (flags & 2 != 0, flags & 1 != 0, flags & 4 != 0, flags & 0x10 != 0);
        match (self, dir) {
            _ if rst => TcpCt::Close,
            (TcpCt::SynSent, Dir::Reply) if syn && ack => TcpCt::SynRecv,
            (TcpCt::SynRecv, Dir::Original) if ack && !syn => TcpCt::Established,
            (TcpCt::Established | TcpCt::SynRecv, _) if fin => TcpCt::FinWait,
            (TcpCt::FinWait, _) if fin => TcpCt::LastAck,
            (TcpCt::FinWait, _) if ack => TcpCt::CloseWait,
            (TcpCt::CloseWait, _) if fin => TcpCt::LastAck,
            (TcpCt::LastAck, _) if ack => TcpCt::TimeWait,
            (TcpCt::TimeWait | TcpCt::Close, Dir::Original) if syn && !ack => TcpCt::SynSent,
            (s, _) => s,
        }
    }
}

/// `nf_ct_icmp_timeout`: an ICMP connection lives 30 s after its last packet.
pub const ICMP_TIMEOUT_MS: u64 = 30_000;

/// At most this many connections per namespace; the oldest go first.
pub const CONNTRACK_MAX: usize = 4096;

/// One direction of a connection. For ICMP echo, `sport` and `dport` both
/// hold the echo identifier (as the kernel's tuple keeps `icmp.id`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tuple {
    pub src: Ipv4Addr,
    pub dst: Ipv4Addr,
    pub proto: u8,
    pub sport: u16,
    pub dport: u16,
}

impl Tuple {
    /// The tuple of the other direction (`nf_ct_invert_tuple()`).
    pub fn invert(&self) -> Tuple {
        Tuple { src: self.dst, dst: self.src, proto: self.proto, sport: self.dport, dport: self.sport }
    }
}

/// Which way a packet goes within its connection.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Dir {
    Original,
    Reply,
}

/// One tracked connection.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conn {
    /// Allocation order (the kernel's `id=`, hashed there; here a counter).
    pub id: u32,
    pub orig: Tuple,
    /// The reply tuple, changed by NAT (`IPS_SRC_NAT`/`IPS_DST_NAT`).
    pub reply: Tuple,
    /// A packet of the reply direction was seen (`IPS_SEEN_REPLY`).
    pub seen_reply: bool,
    /// The source and destination NAT decisions were made
    /// (`nf_nat_initialized()` for each manip type).
    pub src_nat_done: bool,
    pub dst_nat_done: bool,
    /// Virtual time (ms) at which the connection is forgotten.
    pub expires_ms: u64,
    /// A TCP connection's state.
    pub tcp: Option<TcpCt>,
}

impl Conn {
    /// A new connection for a packet with this tuple, not NATed (TCP:
    /// `tcp` is the state its first segment puts it in).
    pub fn new(id: u32, orig: Tuple, now_ms: u64) -> Conn {
        let tcp = (orig.proto == PROTO_TCP).then_some(TcpCt::SynSent);
        let mut c = Conn {
            id,
            orig,
            reply: orig.invert(),
            seen_reply: false,
            src_nat_done: false,
            dst_nat_done: false,
            expires_ms: 0,
            tcp,
        };
        c.refresh(now_ms);
        c
    }

    /// A packet went through: the timeout starts again, by protocol and state.
    pub fn refresh(&mut self, now_ms: u64) {
        let t = match (self.orig.proto, self.tcp) {
            (_, Some(s)) => s.timeout_ms(),
            (PROTO_UDP, _) if self.seen_reply => UDP_STREAM_TIMEOUT_MS,
            (PROTO_UDP, _) => UDP_TIMEOUT_MS,
            _ => ICMP_TIMEOUT_MS,
        };
        self.expires_ms = now_ms + t;
    }

    /// A TCP segment with `flags` went `dir`: the state moves on.
    pub fn track_tcp(&mut self, dir: Dir, flags: u8, now_ms: u64) {
        if let Some(s) = self.tcp {
            self.tcp = Some(s.next(dir, flags));
        }
        self.refresh(now_ms);
    }

    /// Whether another connection's tuple would make `t` ambiguous
    /// (`nf_nat_used_tuple()`).
    pub fn uses(&self, t: &Tuple) -> bool {
        self.orig == *t || self.reply == *t
    }

    /// Source NAT changed the reply's destination (`IPS_SRC_NAT`).
    pub fn snat(&self) -> bool {
        self.reply.dst != self.orig.src || self.reply.dport != self.orig.sport
    }

    /// Destination NAT changed the reply's source (`IPS_DST_NAT`).
    pub fn dnat(&self) -> bool {
        self.reply.src != self.orig.dst || self.reply.sport != self.orig.dport
    }

    /// The state of a packet going `dir` in this connection
    /// (`IP_CT_NEW` until a reply was seen, then `IP_CT_ESTABLISHED`).
    pub fn state(&self, dir: Dir) -> CtState {
        match dir {
            Dir::Original if !self.seen_reply => CtState::New,
            _ => CtState::Established,
        }
    }

    /// One `/proc/net/nf_conntrack` line.
    pub fn proc_line(&self, now_ms: u64) -> String {
        let secs = self.expires_ms.saturating_sub(now_ms).div_ceil(1000);
        let unreplied = if self.seen_reply { "" } else { "[UNREPLIED] " };
        if self.orig.proto != PROTO_ICMP {
            let (name, state) = match self.tcp {
                Some(s) => ("tcp ", format!("{} ", s.name())),
                None => ("udp ", String::new()),
            };
            let (o, r) = (self.orig, self.reply);
            return format!(
                "ipv4     2 {name}     {} {secs} {state}src={} dst={} sport={} dport={} {unreplied}src={} dst={} sport={} dport={} mark=0 zone=0 use=2",
                o.proto, o.src, o.dst, o.sport, o.dport, r.src, r.dst, r.sport, r.dport
            );
        }
        format!(
            "ipv4     2 icmp     {} {secs} src={} dst={} type=8 code=0 id={} {unreplied}src={} dst={} type=0 code=0 id={} mark=0 zone=0 use=2",
            self.orig.proto, self.orig.src, self.orig.dst, self.orig.sport, self.reply.src, self.reply.dst, self.reply.sport
        )
    }
}

/// The connections of one namespace (confirmed ones only: an unconfirmed
/// connection travels with its first packet through the packet path).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Conntrack {
    pub conns: Vec<Conn>,
    next_id: u32,
}

impl Conntrack {
    /// Forgets connections whose timeout passed.
    pub fn expire(&mut self, now_ms: u64) {
        self.conns.retain(|c| c.expires_ms > now_ms);
    }

    /// `nf_conntrack_count`.
    pub fn count(&self, now_ms: u64) -> usize {
        self.conns.iter().filter(|c| c.expires_ms > now_ms).count()
    }

    /// The connection a packet with this tuple belongs to, and its direction.
    pub fn find(&self, t: &Tuple, now_ms: u64) -> Option<(usize, Dir)> {
        self.conns.iter().enumerate().filter(|(_, c)| c.expires_ms > now_ms).find_map(|(i, c)| {
            if c.orig == *t {
                Some((i, Dir::Original))
            } else if c.reply == *t {
                Some((i, Dir::Reply))
            } else {
                None
            }
        })
    }

    /// Whether a connection other than `id` uses tuple `t`.
    pub fn taken(&self, t: &Tuple, id: u32, now_ms: u64) -> bool {
        self.conns.iter().any(|c| c.id != id && c.expires_ms > now_ms && c.uses(t))
    }

    /// A fresh connection id.
    pub fn alloc_id(&mut self) -> u32 {
        self.next_id = self.next_id.wrapping_add(1);
        self.next_id
    }

    /// `__nf_conntrack_confirm()`: keeps a new connection, forgetting the
    /// oldest past [`CONNTRACK_MAX`]. Returns its index.
    pub fn confirm(&mut self, c: Conn) -> usize {
        // A flooded frame's copies share one new connection: the first wins.
        if let Some(i) = self.conns.iter().position(|k| k.id == c.id) {
            return i;
        }
        if self.conns.len() >= CONNTRACK_MAX {
            self.conns.remove(0);
        }
        self.conns.push(c);
        self.conns.len() - 1
    }

    /// `/proc/net/nf_conntrack`.
    pub fn proc_text(&self, now_ms: u64) -> String {
        let mut s = String::new();
        for c in self.conns.iter().filter(|c| c.expires_ms > now_ms) {
            s.push_str(&c.proc_line(now_ms));
            s.push('\n');
        }
        s
    }
}
