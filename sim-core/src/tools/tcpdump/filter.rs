//! tcpdump's filter language (pcap-filter(7)) as libpcap 1.10.3 reads it:
//! a typed AST ([`Filter`]), its parser (tokens by `nom` in [`lex`], the
//! yacc grammar's precedence and qualifier carry-over in [`parse`]), the
//! link-type and "rejects all packets" checks pcap_compile makes, and a
//! matcher over the simulator's typed frames ([`matcher`]).

use std::fmt;
use std::net::Ipv4Addr;

use crate::kernel::mac::Mac;

mod lex;
mod matcher;
pub(super) mod parse;
#[cfg(test)]
mod tests;

/// A compiled filter expression.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Filter {
    And(Box<Filter>, Box<Filter>),
    Or(Box<Filter>, Box<Filter>),
    Not(Box<Filter>),
    Prim(Primitive),
    /// `arth relop arth`: `tcp[13] & 2 != 0`, `len > 90`.
    Rel {
        op: RelOp,
        lhs: Expr,
        rhs: Expr,
    },
}

/// The protocol qualifiers this simulator's links can carry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Proto {
    Ether,
    Ip,
    Arp,
    Icmp,
    Tcp,
    Udp,
    /// `ip6` and `icmp6` (the latter behind a fragment header too, not
    /// behind MLD's hop-by-hop header, as libpcap's gencode tests it).
    Ip6,
    Icmp6,
}

/// The direction qualifier (`src`, `dst`, `src or dst`, `src and dst`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dir {
    Src,
    Dst,
    SrcOrDst,
    SrcAndDst,
}

/// One primitive.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Primitive {
    /// `ip`, `arp`, `icmp`, `tcp`, `udp` alone.
    Proto(Proto),
    /// `[ip|arp] [dir] host A` (no protocol: IP or ARP).
    Host { proto: Option<Proto>, dir: Dir, addr: Ipv4Addr },
    /// `[ip|arp] [dir] net N/L` or `net N mask M`.
    Net { proto: Option<Proto>, dir: Dir, net: Ipv4Addr, mask: Ipv4Addr },
    /// `[tcp|udp] [dir] port P` and `portrange LO-HI` (no protocol: both).
    Port { proto: Option<Proto>, dir: Dir, lo: u16, hi: u16 },
    /// `ether [dir] host MAC`.
    EtherHost { dir: Dir, mac: Mac },
    /// `ether broadcast`, `broadcast`.
    EtherBroadcast,
    /// `ether multicast`, `multicast`.
    EtherMulticast,
    /// `ether proto N`.
    EtherProto(u16),
    /// `ip proto N` (300 compiles and never matches, as in libpcap).
    IpProto(u32),
    /// `greater N`: length at least N.
    Greater(u32),
    /// `less N`: length at most N.
    Less(u32),
}

/// A relational operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RelOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

/// An arithmetic operator (BPF's ALU, 32-bit unsigned).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArOp {
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    And,
    Or,
    Xor,
    Shl,
    Shr,
}

/// An arithmetic expression.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expr {
    Num(u32),
    /// `len`: the frame's length.
    Len,
    /// `proto[offset]`, `proto[offset:size]` (size 1, 2 or 4).
    Load {
        proto: Proto,
        offset: Box<Expr>,
        size: u8,
    },
    Bin(ArOp, Box<Expr>, Box<Expr>),
    Neg(Box<Expr>),
}

/// The link type a filter is compiled for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkType {
    /// `EN10MB`: an interface.
    Ethernet,
    /// `LINUX_SLL2`: `-i any`.
    LinuxSll2,
}

/// Why a filter does not compile: libpcap's texts, after `tcpdump: `.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FilterError {
    Syntax,
    UnknownPort(String),
    IllegalPort(u64),
    InvalidIpv4(String),
    NonNetworkBits(String),
    MaskLength,
    BogusEther(String),
    /// `unknown host 'NAME'`; with a protocol qualifier gencode.c adds
    /// ` for specified address family` (not recorded).
    UnknownHost(String, bool),
    /// gencode.c's text for `ether host NAME` (not recorded: no ethers file).
    UnknownEtherHost(String),
    /// gencode.c's text for `tcp host A` and the like (not recorded).
    ModifierAppliedTo(&'static str, &'static str),
    /// gencode.c's text for `udp port http` (a name listed for TCP only;
    /// not recorded).
    PortIs(String, &'static str),
    /// gencode.c's text for `net NAME` (not recorded: no networks file).
    UnknownNetwork(String),
    /// gencode.c's text for `ip port 80` and the like (not recorded).
    IllegalQualifier(&'static str),
    EtherNotSupported,
    RejectsAll,
}

impl fmt::Display for FilterError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FilterError::Syntax => write!(f, "can't parse filter expression: syntax error"),
            FilterError::UnknownPort(p) => write!(f, "unknown port '{p}'"),
            FilterError::IllegalPort(n) => write!(f, "illegal port number {n} > 65535"),
            FilterError::InvalidIpv4(a) => write!(f, "invalid IPv4 address '{a}'"),
            FilterError::NonNetworkBits(n) => write!(f, "non-network bits set in \"{n}\""),
            FilterError::MaskLength => write!(f, "mask length must be <= 32"),
            FilterError::BogusEther(e) => write!(f, "bogus ethernet address {e}"),
            FilterError::UnknownHost(h, false) => write!(f, "unknown host '{h}'"),
            FilterError::UnknownHost(h, true) => write!(f, "unknown host '{h}' for specified address family"),
            FilterError::UnknownEtherHost(h) => write!(f, "unknown ether host '{h}'"),
            FilterError::ModifierAppliedTo(m, what) => write!(f, "'{m}' modifier applied to {what}"),
            FilterError::PortIs(name, proto) => write!(f, "port '{name}' is {proto}"),
            FilterError::UnknownNetwork(n) => write!(f, "unknown network '{n}'"),
            FilterError::IllegalQualifier(what) => write!(f, "illegal qualifier of '{what}'"),
            FilterError::EtherNotSupported => {
                write!(f, "ethernet addresses supported only on ethernet/FDDI/token ring/802.11/ATM LANE/Fibre Channel")
            }
            FilterError::RejectsAll => write!(f, "expression rejects all packets"),
        }
    }
}

impl std::error::Error for FilterError {}

impl Filter {
    /// Parses an expression (tcpdump joins several arguments with spaces).
    /// `Ok(None)`: the empty expression, which takes every packet.
    pub fn parse(text: &str) -> Result<Option<Filter>, FilterError> {
        parse::parse(text)
    }

    /// What `pcap_compile` does: parse, then refuse what the link cannot
    /// carry and what can never match.
    pub fn compile(text: &str, link: LinkType) -> Result<Option<Filter>, FilterError> {
        let Some(filter) = Filter::parse(text)? else { return Ok(None) };
        if link != LinkType::Ethernet && filter.uses_ether_addresses() {
            return Err(FilterError::EtherNotSupported);
        }
        if matcher::classes(&filter) == 0 {
            return Err(FilterError::RejectsAll);
        }
        Ok(Some(filter))
    }

    /// Whether `frame` passes the filter.
    pub fn matches(&self, frame: &crate::netlink::sockets::EthFrame) -> bool {
        matcher::matches(self, frame)
    }

    fn uses_ether_addresses(&self) -> bool {
        match self {
            Filter::And(a, b) | Filter::Or(a, b) => a.uses_ether_addresses() || b.uses_ether_addresses(),
            Filter::Not(a) => a.uses_ether_addresses(),
            Filter::Prim(Primitive::EtherHost { .. }) => true,
            Filter::Prim(_) | Filter::Rel { .. } => false,
        }
    }
}
