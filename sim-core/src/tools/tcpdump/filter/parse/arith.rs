//! The arithmetic half of grammar.y: `arth relop arth`, with the `%left`
//! levels of `|`, `&`, shifts, `+ -` and `* / %`, loads `proto[off:size]`
//! and the named constants (`icmptype`, `tcp-syn`, …).

use super::{proto_word, Parser, Tok, R};
use crate::tools::tcpdump::filter::{ArOp, Expr, Filter, FilterError};

/// The keywords scanner.l turns into numbers in an arithmetic expression.
fn constant(w: &str) -> Option<u32> {
    const NAMES: &[(&str, u32)] = &[
        ("icmptype", 0),
        ("icmpcode", 1),
        ("icmp-echoreply", 0),
        ("icmp-unreach", 3),
        ("icmp-sourcequench", 4),
        ("icmp-redirect", 5),
        ("icmp-echo", 8),
        ("icmp-routeradvert", 9),
        ("icmp-routersolicit", 10),
        ("icmp-timxceed", 11),
        ("icmp-paramprob", 12),
        ("icmp-tstamp", 13),
        ("icmp-tstampreply", 14),
        ("icmp-ireq", 15),
        ("icmp-ireqreply", 16),
        ("icmp-maskreq", 17),
        ("icmp-maskreply", 18),
        ("tcpflags", 13),
        ("tcp-fin", 0x01),
        ("tcp-syn", 0x02),
        ("tcp-rst", 0x04),
        ("tcp-push", 0x08),
        ("tcp-ack", 0x10),
        ("tcp-urg", 0x20),
        ("tcp-ece", 0x40),
        ("tcp-cwr", 0x80),
    ];
    NAMES.iter().find(|(n, _)| *n == w).map(|(_, v)| *v)
}

impl Parser {
    /// `arth relop arth`, or an error (the caller backtracks).
    pub(super) fn relation(&mut self) -> R<Filter> {
        let lhs = self.arith(0)?;
        let op = match self.next()? {
            Tok::Rel(op) => op,
            _ => return Err(FilterError::Syntax),
        };
        let rhs = self.arith(0)?;
        Ok(Filter::Rel { op, lhs, rhs })
    }

    /// Precedence climbing over grammar.y's `%left` levels.
    fn arith(&mut self, min: u8) -> R<Expr> {
        let mut lhs = self.primary()?;
        loop {
            let Some(Tok::Ar(op)) = self.peek().cloned() else { return Ok(lhs) };
            let level = match op {
                ArOp::Or | ArOp::Xor => 0,
                ArOp::And => 1,
                ArOp::Shl | ArOp::Shr => 2,
                ArOp::Add | ArOp::Sub => 3,
                ArOp::Mul | ArOp::Div | ArOp::Mod => 4,
            };
            if level < min {
                return Ok(lhs);
            }
            self.pos += 1;
            let rhs = self.arith(level + 1)?;
            lhs = Expr::Bin(op, Box::new(lhs), Box::new(rhs));
        }
    }

    fn primary(&mut self) -> R<Expr> {
        match self.next()? {
            Tok::Num(n) => Ok(Expr::Num(n.min(u32::MAX as u64) as u32)),
            Tok::Ar(ArOp::Sub) => Ok(Expr::Neg(Box::new(self.primary()?))),
            Tok::LParen => {
                let e = self.arith(0)?;
                match self.next()? {
                    Tok::RParen => Ok(e),
                    _ => Err(FilterError::Syntax),
                }
            }
            Tok::Word(w) if w == "len" => Ok(Expr::Len),
            Tok::Word(w) => {
                if let Some(v) = constant(&w) {
                    return Ok(Expr::Num(v));
                }
                let proto = proto_word(&w).ok_or(FilterError::Syntax)?;
                if self.next()? != Tok::LBrack {
                    return Err(FilterError::Syntax);
                }
                let offset = self.arith(0)?;
                let size = match self.next()? {
                    Tok::RBrack => 1,
                    Tok::Colon => match (self.next()?, self.next()?) {
                        (Tok::Num(n @ (1 | 2 | 4)), Tok::RBrack) => n as u8,
                        _ => return Err(FilterError::Syntax),
                    },
                    _ => return Err(FilterError::Syntax),
                };
                Ok(Expr::Load { proto, offset: Box::new(offset), size })
            }
            _ => Err(FilterError::Syntax),
        }
    }
}
