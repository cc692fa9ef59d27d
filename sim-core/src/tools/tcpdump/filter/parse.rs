//! grammar.y of libpcap 1.10.3 by recursive descent over [`lex`]'s tokens:
//! `and` and `or` share one precedence and associate left, `not` binds
//! tightest, and a bare id (`host a or b`) takes the qualifiers of the
//! primitive reduced last (`$<blk>0.q`), or `host` after a protocol alone
//! or a relation. Semantic errors come as the primitive is read, so an
//! unknown port before a syntax error wins, as in yacc's actions.

use std::net::Ipv4Addr;

mod arith;
pub(in crate::tools::tcpdump) mod names;

use self::names::{KEYWORDS, SERVICES};
use super::lex::{tokens, Tok};
use super::{ArOp, Dir, Filter, FilterError, Primitive, Proto};

type R<T> = Result<T, FilterError>;

/// What a primitive's address means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Host,
    Net,
    Port,
    Portrange,
    Proto,
}

/// Qualifiers: `[proto] [dir] [kind]`.
#[derive(Clone, Copy, Debug, Default)]
struct Qual {
    proto: Option<Proto>,
    dir: Option<Dir>,
    kind: Option<Kind>,
}

pub(super) fn parse(text: &str) -> R<Option<Filter>> {
    let mut p = Parser { toks: tokens(text), pos: 0, last: Qual::default() };
    if p.toks.is_empty() {
        return Ok(None);
    }
    let f = p.expr()?;
    match p.peek() {
        None => Ok(Some(f)),
        Some(Tok::Bad(e)) => Err(e.clone()),
        Some(_) => Err(FilterError::Syntax),
    }
}

struct Parser {
    toks: Vec<Tok>,
    pos: usize,
    last: Qual,
}

fn proto_word(w: &str) -> Option<Proto> {
    Some(match w {
        "ether" | "link" => Proto::Ether,
        "ip" => Proto::Ip,
        "arp" => Proto::Arp,
        "icmp" => Proto::Icmp,
        "tcp" => Proto::Tcp,
        "udp" => Proto::Udp,
        "ip6" => Proto::Ip6,
        "icmp6" => Proto::Icmp6,
        _ => return None,
    })
}

fn proto_name(p: Proto) -> &'static str {
    match p {
        Proto::Ether => "link",
        Proto::Ip => "ip",
        Proto::Arp => "arp",
        Proto::Icmp => "icmp",
        Proto::Tcp => "tcp",
        Proto::Udp => "udp",
        Proto::Ip6 => "ip6",
        Proto::Icmp6 => "icmp6",
    }
}

/// A dotted address of one to four parts: its value shifted to the top
/// and the number of parts; `None` if it is not digits and dots.
fn dotted(w: &str) -> Option<R<(u32, u32)>> {
    if !w.chars().all(|c| c.is_ascii_digit() || c == '.') || !w.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let parts: Vec<&str> = w.split('.').collect();
    let bad = || Err(FilterError::InvalidIpv4(w.to_string()));
    if parts.len() > 4 || parts.iter().any(|p| p.is_empty()) {
        return Some(bad());
    }
    let mut v: u32 = 0;
    for p in &parts {
        match p.parse::<u32>() {
            Ok(n) if n <= 255 => v = (v << 8) | n,
            _ => return Some(bad()),
        }
    }
    let n = parts.len() as u32;
    Some(Ok((if n == 4 { v } else { v << (32 - 8 * n) }, n)))
}

/// A port and the protocol its name restricts it to.
fn port_number(w: &Tok) -> R<(u16, Option<Proto>)> {
    match w {
        Tok::Num(n) if *n > 65535 => Err(FilterError::IllegalPort(*n)),
        Tok::Num(n) => Ok((*n as u16, None)),
        Tok::Word(w) => match w.parse::<u64>() {
            Ok(n) => port_number(&Tok::Num(n)),
            Err(_) => SERVICES
                .iter()
                .find(|(n, _, _)| n == w)
                .map(|(_, p, proto)| (*p, *proto))
                .ok_or_else(|| FilterError::UnknownPort(w.clone())),
        },
        _ => Err(FilterError::Syntax),
    }
}

impl Parser {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos)
    }

    fn peek_word(&self, k: usize) -> Option<&str> {
        match self.toks.get(self.pos + k) {
            Some(Tok::Word(w)) => Some(w.as_str()),
            _ => None,
        }
    }

    fn next(&mut self) -> R<Tok> {
        let t = self.toks.get(self.pos).cloned().ok_or(FilterError::Syntax)?;
        if let Tok::Bad(e) = t {
            return Err(e);
        }
        self.pos += 1;
        Ok(t)
    }

    fn eat_word(&mut self, w: &str) -> bool {
        if self.peek_word(0) == Some(w) {
            self.pos += 1;
            return true;
        }
        false
    }

    fn expr(&mut self) -> R<Filter> {
        let mut f = self.term(false)?;
        loop {
            let and = match self.peek() {
                Some(Tok::AndAnd) => true,
                Some(Tok::OrOr) => false,
                Some(Tok::Word(w)) if w == "and" => true,
                Some(Tok::Word(w)) if w == "or" => false,
                _ => return Ok(f),
            };
            self.pos += 1;
            let g = self.term(true)?;
            f = if and { Filter::And(Box::new(f), Box::new(g)) } else { Filter::Or(Box::new(f), Box::new(g)) };
        }
    }

    /// `allow_id`: right after `and`/`or` (through any `not`s), where
    /// grammar.y accepts a bare id; elsewhere (`foo` alone) it is a syntax
    /// error.
    fn term(&mut self, allow_id: bool) -> R<Filter> {
        if matches!(self.peek(), Some(Tok::Bang)) || self.peek_word(0) == Some("not") {
            self.pos += 1;
            return Ok(Filter::Not(Box::new(self.term(allow_id)?)));
        }
        let start = self.pos;
        if let Ok(rel) = self.relation() {
            self.last = Qual::default();
            return Ok(rel);
        }
        self.pos = start;
        if matches!(self.peek(), Some(Tok::LParen)) {
            self.pos += 1;
            let f = self.expr()?;
            return match self.next()? {
                Tok::RParen => Ok(f),
                _ => Err(FilterError::Syntax),
            };
        }
        self.primitive(allow_id)
    }

    fn primitive(&mut self, allow_id: bool) -> R<Filter> {
        let word = self.peek_word(0).map(str::to_string);
        match word.as_deref() {
            Some("greater" | "less") => {
                self.pos += 1;
                let Tok::Num(n) = self.next()? else { return Err(FilterError::Syntax) };
                let n = n.min(u32::MAX as u64) as u32;
                self.last = Qual::default();
                let p = if word.as_deref() == Some("greater") { Primitive::Greater(n) } else { Primitive::Less(n) };
                return Ok(Filter::Prim(p));
            }
            Some("broadcast" | "multicast") => return Ok(Filter::Prim(self.cast(None)?)),
            // `igmp`: IPv4's protocol 2 (libpcap's gen_proto_abbrev()).
            Some("igmp") => {
                self.pos += 1;
                self.last = Qual::default();
                return Ok(Filter::Prim(Primitive::IpProto(2)));
            }
            _ => {}
        }
        let mut q = Qual::default();
        let mut explicit = false;
        if let Some(p) = self.peek_word(0).and_then(proto_word) {
            self.pos += 1;
            q.proto = Some(p);
            explicit = true;
            match self.peek_word(0) {
                Some("broadcast" | "multicast") => return Ok(Filter::Prim(self.cast(Some(p))?)),
                Some("proto") => {}
                _ => {}
            }
        }
        if let Some(d) = self.dir() {
            q.dir = Some(d);
            explicit = true;
        }
        let kind = match self.peek_word(0) {
            Some("host") => Some(Kind::Host),
            Some("net") => Some(Kind::Net),
            Some("port") => Some(Kind::Port),
            Some("portrange") => Some(Kind::Portrange),
            Some("proto") if q.dir.is_none() => Some(Kind::Proto),
            _ => None,
        };
        if kind.is_some() {
            self.pos += 1;
            q.kind = kind;
            explicit = true;
        }
        if let (Some(p), None, None) = (q.proto, q.dir, q.kind) {
            // A protocol alone (`pname`).
            self.last = Qual::default();
            return Ok(Filter::Prim(Primitive::Proto(p)));
        }
        if !explicit {
            if !allow_id {
                return Err(FilterError::Syntax);
            }
            q = self.last;
        }
        let prim = self.id(q)?;
        self.last = q;
        Ok(Filter::Prim(prim))
    }

    fn cast(&mut self, proto: Option<Proto>) -> R<Primitive> {
        let w = self.next()?;
        self.last = Qual::default();
        match (proto, w) {
            (None | Some(Proto::Ether), Tok::Word(w)) if w == "broadcast" => Ok(Primitive::EtherBroadcast),
            (None | Some(Proto::Ether), Tok::Word(w)) if w == "multicast" => Ok(Primitive::EtherMulticast),
            _ => Err(FilterError::Syntax),
        }
    }

    /// `src`, `dst`, `src or dst`, `src and dst` (either order).
    fn dir(&mut self) -> Option<Dir> {
        let first = match self.peek_word(0) {
            Some("src") => Dir::Src,
            Some("dst") => Dir::Dst,
            _ => return None,
        };
        let other = if first == Dir::Src { "dst" } else { "src" };
        let joined = match (self.peek_word(1), self.peek_word(2)) {
            (Some("or"), Some(o)) if o == other => Some(Dir::SrcOrDst),
            (Some("and"), Some(o)) if o == other => Some(Dir::SrcAndDst),
            _ => None,
        };
        match joined {
            Some(d) => {
                self.pos += 3;
                Some(d)
            }
            None => {
                self.pos += 1;
                Some(first)
            }
        }
    }

    /// The id after the qualifiers, as gen_scode/gen_ncode/gen_ecode read it.
    fn id(&mut self, q: Qual) -> R<Primitive> {
        let dir = q.dir.unwrap_or(Dir::SrcOrDst);
        let tok = self.next()?;
        if matches!(&tok, Tok::Word(w) if KEYWORDS.contains(&w.as_str()) || proto_word(w).is_some()) {
            return Err(FilterError::Syntax);
        }
        let tok = match tok {
            Tok::Word(w) => Tok::Word(w.strip_prefix('\\').map_or(w.clone(), str::to_string)),
            t => t,
        };
        match q.kind.unwrap_or(Kind::Host) {
            Kind::Proto => self.proto_id(q.proto, tok),
            Kind::Port | Kind::Portrange => {
                let proto = match q.proto {
                    None | Some(Proto::Tcp | Proto::Udp) => q.proto,
                    Some(_) if q.kind == Some(Kind::Port) => return Err(FilterError::IllegalQualifier("port")),
                    Some(_) => return Err(FilterError::IllegalQualifier("portrange")),
                };
                let (lo, hi, named) = match (&tok, q.kind) {
                    (Tok::Word(w), Some(Kind::Portrange)) if w.contains('-') => {
                        let (a, b) = w.split_once('-').unwrap_or((w, w));
                        let (a, _) = port_number(&Tok::Word(a.to_string()))?;
                        let (b, _) = port_number(&Tok::Word(b.to_string()))?;
                        (a.min(b), a.max(b), None)
                    }
                    _ => {
                        let (p, named) = port_number(&tok)?;
                        (p, p, named)
                    }
                };
                let proto = match (proto, named) {
                    (Some(Proto::Udp), Some(Proto::Tcp)) | (Some(Proto::Tcp), Some(Proto::Udp)) => {
                        let (Tok::Word(w), Some(n)) = (tok, named) else { return Err(FilterError::Syntax) };
                        return Err(FilterError::PortIs(w, proto_name(n)));
                    }
                    (None, named) => named,
                    (proto, _) => proto,
                };
                Ok(Primitive::Port { proto, dir, lo, hi })
            }
            Kind::Host | Kind::Net if q.proto == Some(Proto::Ether) => match tok {
                Tok::Mac(mac) => Ok(Primitive::EtherHost { dir, mac }),
                Tok::Word(w) => Err(FilterError::UnknownEtherHost(w)),
                _ => Err(FilterError::Syntax),
            },
            kind => {
                let proto = match q.proto {
                    None | Some(Proto::Ip | Proto::Arp) => q.proto,
                    Some(p) => {
                        let what = if kind == Kind::Net { "net" } else { "host" };
                        return Err(FilterError::ModifierAppliedTo(proto_name(p), what));
                    }
                };
                self.address(kind, proto, dir, tok)
            }
        }
    }

    fn proto_id(&mut self, proto: Option<Proto>, tok: Tok) -> R<Primitive> {
        let name = match &tok {
            Tok::Num(n) => Some(*n),
            Tok::Word(w) => match (proto, w.as_str()) {
                (Some(Proto::Ether), "ip") => Some(0x0800),
                (Some(Proto::Ether), "arp") => Some(0x0806),
                (None | Some(Proto::Ip), "icmp") => Some(1),
                (None | Some(Proto::Ip), "tcp") => Some(6),
                (None | Some(Proto::Ip), "udp") => Some(17),
                _ => None,
            },
            _ => None,
        };
        let n = name.ok_or(FilterError::Syntax)?;
        match proto {
            Some(Proto::Ether) => Ok(Primitive::EtherProto(n.min(0xffff) as u16)),
            None | Some(Proto::Ip) => Ok(Primitive::IpProto(n.min(u32::MAX as u64) as u32)),
            Some(_) => Err(FilterError::Syntax),
        }
    }

    fn address(&mut self, kind: Kind, proto: Option<Proto>, dir: Dir, tok: Tok) -> R<Primitive> {
        let w = match tok {
            Tok::Word(w) => w,
            Tok::Num(n) => n.to_string(),
            _ => return Err(FilterError::Syntax),
        };
        let Some(parsed) = dotted(&w) else {
            return Err(match kind {
                Kind::Net => FilterError::UnknownNetwork(w),
                _ => FilterError::UnknownHost(w, proto.is_some()),
            });
        };
        let (addr, parts) = parsed?;
        if kind == Kind::Host {
            return Ok(Primitive::Host { proto, dir, addr: Ipv4Addr::from(addr) });
        }
        let (mask, shown) = if matches!(self.peek(), Some(Tok::Ar(ArOp::Div))) {
            self.pos += 1;
            let Tok::Num(len) = self.next()? else { return Err(FilterError::Syntax) };
            if len > 32 {
                return Err(FilterError::MaskLength);
            }
            let mask = if len == 0 { 0 } else { u32::MAX << (32 - len) };
            (mask, format!("{w}/{len}"))
        } else if self.eat_word("mask") {
            let Tok::Word(m) = self.next()? else { return Err(FilterError::Syntax) };
            let (mask, _) = dotted(&m).ok_or_else(|| FilterError::InvalidIpv4(m.clone()))??;
            (mask, format!("{w} mask {m}"))
        } else {
            (u32::MAX << (32 - 8 * parts), w.clone())
        };
        if addr & !mask != 0 {
            return Err(FilterError::NonNetworkBits(shown));
        }
        Ok(Primitive::Net { proto, dir, net: Ipv4Addr::from(addr), mask: Ipv4Addr::from(mask) })
    }
}
