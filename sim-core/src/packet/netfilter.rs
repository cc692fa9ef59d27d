//! The netfilter hooks of the packet path, in Linux's order and with its
//! priorities: conntrack then nat (destination) in PREROUTING and OUTPUT,
//! filter in INPUT, FORWARD and OUTPUT, nat (source) in INPUT and
//! POSTROUTING, and conntrack's confirmation last. Connection tracking
//! (`kernel/conntrack.rs`) runs only while some rule needs it, as on
//! Linux, and then the nat chains see each connection's first packet only.

use std::net::Ipv4Addr;

use crate::kernel::conntrack::{Conn, CtState, Dir, Tuple};
use crate::kernel::netfilter::eval::{self, Hit, Verdict};
use crate::kernel::netfilter::{Hook, NatRange, PacketMeta, PortRange, TableId};
use crate::kernel::NsId;

use super::engine::Engine;
use super::trace::What;
use super::wire::{Icmp, Ipv4Packet, Payload};

/// Which connection a packet belongs to, as it travels one namespace.
#[derive(Clone)]
enum CtConn {
    /// A confirmed connection, by id.
    Kept(u32),
    /// The first packet's connection, kept only if the packet gets through.
    New(Box<Conn>),
}

/// Conntrack's note on a packet (`skb->_nfct` and `ctinfo`).
#[derive(Clone)]
pub(crate) struct Ct {
    conn: Option<CtConn>,
    /// The direction of the packet (for RELATED: of the error).
    dir: Dir,
    pub(crate) state: CtState,
}

/// The tuple of an echo request or reply, a UDP datagram or a TCP segment.
fn own_tuple(p: &Ipv4Packet) -> Option<Tuple> {
    let (sport, dport) = p.payload.ports();
    match &p.payload {
        Payload::Icmp(Icmp::EchoRequest { .. } | Icmp::EchoReply { .. }) | Payload::Udp(_) | Payload::Tcp(_) => {
            Some(Tuple { src: p.src, dst: p.dst, proto: p.payload.proto(), sport, dport })
        }
        // IGMP is not tracked here (Linux's generic tracker would).
        Payload::Icmp(_) => None,
        #[cfg(feature = "mcast")]
        Payload::Igmp(_) => None,
    }
}

/// The tuple of the packet an ICMP error quotes.
fn quoted_tuple(p: &Ipv4Packet) -> Option<Tuple> {
    match &p.payload {
        Payload::Icmp(Icmp::DestUnreachable { quoted, .. } | Icmp::TimeExceeded { quoted }) => Some(Tuple {
            src: quoted.src,
            dst: quoted.dst,
            proto: quoted.proto,
            sport: quoted.sport,
            dport: quoted.dport,
        }),
        _ => None,
    }
}

/// Whether a packet with no connection may start one: an echo request,
/// any UDP datagram, a TCP segment but a RST (`tcp_new()` with
/// `nf_conntrack_tcp_loose` on, as by default).
fn may_start(p: &Ipv4Packet) -> bool {
    match &p.payload {
        Payload::Icmp(i) => matches!(i, Icmp::EchoRequest { .. }),
        Payload::Udp(_) => true,
        Payload::Tcp(t) => !t.flags.rst(),
        #[cfg(feature = "mcast")]
        Payload::Igmp(_) => false,
    }
}

/// The first port of `range` (or, with none, from `orig` on, else from
/// 1024) that `free` accepts: `nf_nat_l4proto_unique_tuple()` keeps the
/// original port when it is free; where Linux then draws at random in the
/// range, the simulator takes the first free port, so runs repeat.
fn pick_port(orig: u16, range: Option<PortRange>, free: impl Fn(u16) -> bool) -> u16 {
    let (lo, hi) = match range {
        Some(r) => (r.min, r.max),
        None if free(orig) => return orig,
        None => (1024, u16::MAX),
    };
    if (lo..=hi).contains(&orig) && free(orig) {
        return orig;
    }
    (lo..=hi).find(|p| free(*p)).unwrap_or(lo)
}

impl Engine<'_> {
    /// Whether connection tracking runs in `ns`: a rule needs it (a state
    /// match or a NAT target).
    pub(crate) fn ct_enabled(&self, ns: NsId) -> bool {
        crate::lab::basic::IPTABLES_BUILT && self.k.ns(ns).is_some_and(|n| eval::needs_conntrack(&n.nat))
    }

    fn conn(&self, ns: NsId, ct: &Ct) -> Option<Conn> {
        match ct.conn.as_ref()? {
            CtConn::New(c) => Some((**c).clone()),
            CtConn::Kept(id) => self.k.ns(ns)?.conntrack.conns.iter().find(|c| c.id == *id).cloned(),
        }
    }

    /// `nf_conntrack_in()` (PREROUTING, OUTPUT): the packet's connection
    /// and state; a new connection for an echo request nobody tracks.
    pub(crate) fn ct_in(&mut self, ns: NsId, pkt: &Ipv4Packet) -> Option<Ct> {
        if !self.ct_enabled(ns) {
            return None;
        }
        let now_ms = self.now / 1000;
        let n = self.k.ns_mut(ns)?;
        let table = &mut n.conntrack;
        table.expire(now_ms);
        let invalid = Some(Ct { conn: None, dir: Dir::Original, state: CtState::Invalid });
        if let Some(t) = own_tuple(pkt) {
            let flags = match &pkt.payload {
                Payload::Tcp(seg) => Some(seg.flags.0),
                _ => None,
            };
            if let Some((i, dir)) = table.find(&t, now_ms) {
                let c = &mut table.conns[i];
                let state = c.state(dir);
                if dir == Dir::Reply {
                    c.seen_reply = true;
                }
                match flags {
                    Some(f) => c.track_tcp(dir, f, now_ms),
                    None => c.refresh(now_ms),
                }
                return Some(Ct { conn: Some(CtConn::Kept(c.id)), dir, state });
            }
            if !may_start(pkt) {
                // icmp_new(): only a request may start a connection.
                return invalid;
            }
            let c = Conn::new(table.alloc_id(), t, now_ms);
            return Some(Ct { conn: Some(CtConn::New(Box::new(c))), dir: Dir::Original, state: CtState::New });
        }
        // icmp_error_message(): the quoted packet's tuple, inverted, is the
        // error's own direction in that connection.
        let t = quoted_tuple(pkt)?.invert();
        match table.find(&t, now_ms) {
            Some((i, dir)) => Some(Ct { conn: Some(CtConn::Kept(table.conns[i].id)), dir, state: CtState::Related }),
            None => invalid,
        }
    }

    fn note_nat(&mut self, ns: NsId, chain: &'static str, before: &Ipv4Packet, after: &Ipv4Packet) {
        if (before.src, before.dst) != (after.src, after.dst) {
            self.note(ns, None, What::Nat { chain, before: (before.src, before.dst), after: (after.src, after.dst) });
        }
    }

    /// nat PREROUTING or OUTPUT: a new connection's destination NAT is
    /// decided by the chain; every packet of a NATed connection is rewritten.
    /// `physin` is the bridge port a bridged packet came in by.
    pub(crate) fn nat_dst(
        &mut self,
        ns: NsId,
        hook: Hook,
        ct: &mut Option<Ct>,
        (iif, physin): (Option<&str>, Option<&str>),
        pkt: Ipv4Packet,
    ) -> Ipv4Packet {
        if !crate::lab::basic::IPTABLES_BUILT {
            return pkt;
        }
        let Some(ct) = ct.as_mut() else { return pkt };
        if let Some(CtConn::New(c)) = ct.conn.as_mut() {
            if !c.dst_nat_done {
                c.dst_nat_done = true;
                let meta = PacketMeta {
                    ct: Some(CtState::New),
                    physin,
                    bridged: physin.is_some(),
                    ..self.meta(ns, &pkt, None, iif, None)
                };
                if let (Verdict::Dnat(r), hit) = self.nat_chain(ns, hook, &meta) {
                    // An IPv4 table's range is IPv4.
                    if let Some((std::net::IpAddr::V4(a), _)) = r.addrs {
                        c.reply.src = a;
                    }
                    if let Some(p) = r.ports.filter(|_| c.orig.proto != crate::kernel::conntrack::PROTO_ICMP) {
                        c.reply.sport = p.min;
                    }
                    self.note_hit(ns, Verdict::Dnat(r), hit);
                }
            }
        }
        let Some(c) = self.conn(ns, ct) else { return pkt };
        let before = pkt.clone();
        let mut pkt = pkt;
        match (ct.state, ct.dir) {
            (CtState::Related, Dir::Reply) => {
                if c.snat() {
                    pkt.dst = c.orig.src;
                }
                if let Payload::Icmp(Icmp::DestUnreachable { quoted, .. } | Icmp::TimeExceeded { quoted }) =
                    &mut pkt.payload
                {
                    (quoted.src, quoted.dst) = (c.orig.src, c.orig.dst);
                    if quoted.proto != crate::kernel::conntrack::PROTO_ICMP {
                        (quoted.sport, quoted.dport) = (c.orig.sport, c.orig.dport);
                    }
                }
            }
            (CtState::Related, Dir::Original) => {}
            (_, Dir::Original) => {
                pkt.dst = c.reply.src;
                let (sp, _) = pkt.payload.ports();
                pkt.payload.set_ports(sp, c.reply.sport);
            }
            (_, Dir::Reply) => {
                pkt.dst = c.orig.src;
                let (sp, _) = pkt.payload.ports();
                pkt.payload.set_ports(sp, c.orig.sport);
            }
        }
        self.note_nat(ns, hook.name(), &before, &pkt);
        pkt
    }

    /// nat POSTROUTING or INPUT: a new connection's source NAT is decided
    /// (`masq` is the address MASQUERADE takes); every packet of a NATed
    /// connection is rewritten.
    pub(crate) fn nat_src(
        &mut self,
        ns: NsId,
        hook: Hook,
        ct: &mut Option<Ct>,
        devs: (Option<&str>, Option<&str>),
        masq: Option<Ipv4Addr>,
        pkt: Ipv4Packet,
    ) -> Ipv4Packet {
        if !crate::lab::basic::IPTABLES_BUILT {
            return pkt;
        }
        let Some(ct) = ct.as_mut() else { return pkt };
        if let Some(CtConn::New(c)) = ct.conn.as_mut() {
            if !c.src_nat_done {
                c.src_nat_done = true;
                let (iif, oif) = devs;
                let meta = PacketMeta { ct: Some(CtState::New), ..self.meta(ns, &pkt, None, iif, oif) };
                let (v, hit) = self.nat_chain(ns, hook, &meta);
                let ports = match v {
                    Verdict::Masquerade => {
                        c.reply.dst = masq.unwrap_or(pkt.src);
                        Some(self.masq_ports(ns, hit.as_ref()))
                    }
                    Verdict::Snat(NatRange { addrs, ports, .. }) => {
                        if let Some((std::net::IpAddr::V4(a), _)) = addrs {
                            c.reply.dst = a;
                        }
                        Some(ports)
                    }
                    _ => None,
                };
                if let Some(range) = ports.filter(|_| c.orig.proto != crate::kernel::conntrack::PROTO_ICMP) {
                    let now_ms = self.now / 1000;
                    let table = self.k.ns(ns).map(|n| &n.conntrack);
                    let (id, reply) = (c.id, c.reply);
                    c.reply.dport = pick_port(c.orig.sport, range, |p| {
                        table.is_none_or(|t| !t.taken(&Tuple { dport: p, ..reply }, id, now_ms))
                    });
                }
                self.note_hit(ns, v, hit);
            }
        }
        let Some(c) = self.conn(ns, ct) else { return pkt };
        let before = pkt.clone();
        let mut pkt = pkt;
        match (ct.state, ct.dir) {
            (CtState::Related, Dir::Reply) => {
                if c.dnat() && pkt.src == c.reply.src {
                    pkt.src = c.orig.dst;
                }
            }
            (CtState::Related, Dir::Original) => {}
            (_, Dir::Original) => {
                pkt.src = c.reply.dst;
                let (_, dp) = pkt.payload.ports();
                pkt.payload.set_ports(c.reply.dport, dp);
            }
            (_, Dir::Reply) => {
                pkt.src = c.orig.dst;
                let (_, dp) = pkt.payload.ports();
                pkt.payload.set_ports(c.orig.dport, dp);
            }
        }
        self.note_nat(ns, hook.name(), &before, &pkt);
        pkt
    }

    /// `nf_conntrack_confirm()`: the first packet made it through, so its
    /// connection is kept.
    pub(crate) fn ct_confirm(&mut self, ns: NsId, ct: Option<Ct>) {
        if let Some(Ct { conn: Some(CtConn::New(c)), .. }) = ct {
            if let Some(n) = self.k.ns_mut(ns) {
                n.conntrack.confirm(*c);
            }
        }
    }

    /// The nat chain's decision for a connection's first packet. The
    /// chain borrows a meta whose `ct` the caller set.
    fn nat_chain(&mut self, ns: NsId, hook: Hook, meta: &PacketMeta<'_>) -> (Verdict, Option<Hit>) {
        match self.k.ns_mut(ns) {
            Some(n) => eval::run(&mut n.nat, TableId::Nat, hook, meta),
            None => (Verdict::Accept, None),
        }
    }

    /// MASQUERADE's `--to-ports`, read from the rule that decided.
    fn masq_ports(&self, ns: NsId, hit: Option<&Hit>) -> Option<PortRange> {
        let hit = hit?;
        let n = self.k.ns(ns)?;
        let r = n.nat.table(hit.table)?.chain(&hit.chain)?.rules.get(hit.rule? - 1)?;
        match &r.target {
            crate::kernel::netfilter::Target::Masquerade(m) => m.ports,
            _ => None,
        }
    }

    /// Traces a rule's decision (a policy ACCEPT is not worth a line).
    fn note_hit(&mut self, ns: NsId, verdict: Verdict, hit: Option<Hit>) {
        let Some(hit) = hit else { return };
        if verdict == Verdict::Accept && hit.rule.is_none() {
            return;
        }
        let spec = hit.rule.and_then(|i| {
            let n = self.k.ns(ns)?;
            let r = n.nat.table_in(hit.family, hit.table)?.chain(&hit.chain)?.rules.get(i - 1)?;
            Some(r.spec())
        });
        self.note(
            ns,
            None,
            What::Netfilter { verdict, table: hit.table.name(), chain: hit.chain, rule: hit.rule, spec },
        );
    }

    /// A filter chain's verdict on a packet, counted and traced.
    pub(crate) fn filter(&mut self, ns: NsId, hook: Hook, meta: &PacketMeta<'_>) -> Verdict {
        if !crate::lab::basic::IPTABLES_BUILT {
            return Verdict::Accept;
        }
        let Some(n) = self.k.ns_mut(ns) else { return Verdict::Accept };
        let (verdict, hit) = eval::run(&mut n.nat, TableId::Filter, hook, meta);
        if verdict != Verdict::Accept {
            self.note_hit(ns, verdict, hit);
        }
        verdict
    }

    /// ip6tables' filter verdict on an IPv6 packet at `hook`, counted (the
    /// rule's or the policy's `-v` counters) and traced: what the IPv6
    /// path asks at PREROUTING, INPUT, FORWARD, OUTPUT and POSTROUTING
    /// (only INPUT, FORWARD and OUTPUT have filter chains; the others
    /// accept). `Reject(w)` asks the path to send `w.icmp6_code()`'s
    /// ICMPv6 destination unreachable (or a TCP reset) and drop the packet.
    /// The basic lab, which makes no table, accepts at once.
    #[cfg(feature = "ipv6")]
    pub(crate) fn filter6(&mut self, ns: NsId, hook: Hook, p: &crate::kernel::netfilter::Packet6<'_>) -> Verdict {
        if !crate::lab::basic::IPTABLES_BUILT {
            return Verdict::Accept;
        }
        let Some(n) = self.k.ns_mut(ns) else { return Verdict::Accept };
        let (verdict, hit) = crate::kernel::netfilter::ip6::filter6(&mut n.nat, hook, p);
        if verdict != Verdict::Accept {
            self.note_hit(ns, verdict, hit);
        }
        verdict
    }

    /// What the chains see of a packet here.
    pub(crate) fn meta<'a>(
        &self,
        ns: NsId,
        pkt: &Ipv4Packet,
        ct: Option<&Ct>,
        iif: Option<&'a str>,
        oif: Option<&'a str>,
    ) -> PacketMeta<'a> {
        let icmp = match &pkt.payload {
            Payload::Icmp(Icmp::EchoRequest { .. }) => Some((8, 0)),
            Payload::Icmp(Icmp::EchoReply { .. }) => Some((0, 0)),
            Payload::Icmp(Icmp::DestUnreachable { code, .. }) => Some((3, code.code())),
            Payload::Icmp(Icmp::TimeExceeded { .. }) => Some((11, 0)),
            _ => None,
        };
        let ports = matches!(pkt.payload, Payload::Udp(_) | Payload::Tcp(_)).then(|| pkt.payload.ports());
        let tcp_flags = match &pkt.payload {
            Payload::Tcp(t) => Some(t.flags.0),
            _ => None,
        };
        let conn = ct.and_then(|ct| self.conn(ns, ct));
        // Only the first fragment has the transport header.
        let head = pkt.is_head();
        PacketMeta {
            src: pkt.src.into(),
            dst: pkt.dst.into(),
            proto: pkt.payload.proto(),
            sport: ports.filter(|_| head).map(|p| p.0),
            dport: ports.filter(|_| head).map(|p| p.1),
            tcp_flags: tcp_flags.filter(|_| head),
            icmp: icmp.filter(|_| head),
            iif,
            oif,
            physin: None,
            physout: None,
            bridged: false,
            ct: ct.map(|c| c.state),
            ct_snat: conn.as_ref().is_some_and(Conn::snat),
            ct_dnat: conn.as_ref().is_some_and(Conn::dnat),
            len: pkt.len(),
        }
    }
}
