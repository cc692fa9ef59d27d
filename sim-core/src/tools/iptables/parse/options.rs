//! What each main option does to the parse: commands and their words,
//! the rule's address, interface and protocol matches, `-j`, `-m`, `-t`
//! and the listing switches.

use super::{check_chain_name, rule_number, Cmd, State};
use crate::netlink::netfilter::{Counters, IfMatch, ProtoMatch};
use crate::tools::iptables::{ext, names, Fail};

impl State<'_> {
    pub(super) fn once(&mut self, c: char) -> Result<(), Fail> {
        if self.seen.contains(&c) {
            return Err(Fail::usage(format!("multiple -{c} flags not allowed")));
        }
        self.seen.push(c);
        Ok(())
    }

    /// `add_command()`: `-L` and `-Z` go together; nothing else does.
    pub(super) fn command(&mut self, c: char, cmd: Cmd) -> Result<(), Fail> {
        if self.invert {
            return Err(Fail::usage("unexpected '!' flag"));
        }
        match (self.cmd.take(), &cmd) {
            (None, _) => self.cmd = Some((c, cmd)),
            (Some(('L', Cmd::List { num, .. })), Cmd::Zero(_)) | (Some(('Z', Cmd::Zero(num))), Cmd::List { .. }) => {
                self.cmd = Some(('L', Cmd::List { num, zero: true }))
            }
            (Some((old, _)), _) => return Err(Fail::usage(format!("Cannot use -{c} with -{old}"))),
        }
        Ok(())
    }

    /// One main option, with its argument if it takes one.
    pub(super) fn main_option(&mut self, c: char, arg: Option<String>, word: &str) -> Result<(), Fail> {
        let command =
            matches!(c, 'A' | 'C' | 'D' | 'I' | 'R' | 'L' | 'S' | 'F' | 'Z' | 'N' | 'X' | 'E' | 'P' | 'V' | 'h');
        if self.invert && !command && !matches!(c, 's' | 'd' | 'p' | 'i' | 'o' | 'f') {
            return Err(Fail::usage(format!("cannot have ! before -{c}")));
        }
        match c {
            _ if command => self.command_option(c, arg),
            's' | 'd' => {
                self.once(c)?;
                let v = Some((arg.unwrap_or_default(), std::mem::take(&mut self.invert)));
                if c == 's' {
                    self.src = v;
                } else {
                    self.dst = v;
                }
                Ok(())
            }
            'i' | 'o' => {
                self.once(c)?;
                let name = arg.unwrap_or_default();
                if name.len() >= 16 {
                    return Err(Fail::usage(format!("interface name `{name}' must be shorter than IFNAMSIZ (15)")));
                }
                let m = Some(IfMatch { name, invert: std::mem::take(&mut self.invert) });
                if c == 'i' {
                    self.iif = m;
                } else {
                    self.oif = m;
                }
                Ok(())
            }
            'p' => {
                self.once(c)?;
                let v = arg.unwrap_or_default();
                let proto =
                    names::parse_proto(&v).ok_or_else(|| Fail::usage(format!("unknown protocol \"{v}\" specified")))?;
                let invert = std::mem::take(&mut self.invert);
                if proto == 0 && invert {
                    return Err(Fail::usage("rule would never match protocol"));
                }
                self.proto = Some(ProtoMatch { proto, invert });
                Ok(())
            }
            'j' | 'g' => {
                // -g is -j with the goto flag: one of them only.
                self.once('j')?;
                self.goto = c == 'g';
                let name = arg.unwrap_or_default();
                match ext::target(&name, self.af) {
                    Some(t) => self.target = Some(t),
                    None => self.jump = Some(name),
                }
                Ok(())
            }
            'm' => {
                let name = arg.unwrap_or_default();
                let m = ext::load_match(&name, self.af).ok_or_else(|| {
                    Fail::usage_blank(format!("Couldn't load match `{name}':No such file or directory"))
                })?;
                self.matches.push(m);
                Ok(())
            }
            't' => {
                if std::mem::take(&mut self.invert) {
                    return Err(Fail::usage("unexpected ! flag before --table"));
                }
                // iptables-restore gives each line its block's table.
                if self.restore.is_some() {
                    return Err(Fail::usage_blank("The -t option cannot be used in iptables-restore."));
                }
                self.table = arg.unwrap_or_default();
                Ok(())
            }
            'f' if self.af.is_ipv6() => Err(Fail::usage("`-f' is not supported in IPv6, use -m frag instead")),
            'n' | 'x' | 'f' => {
                self.once(c)?;
                match c {
                    'n' => self.numeric = true,
                    'x' => self.exact = true,
                    _ => self.fragment = Some(std::mem::take(&mut self.invert)),
                }
                Ok(())
            }
            'v' => {
                self.verbose = true;
                Ok(())
            }
            '0' => {
                self.once(c)?;
                self.line_numbers = true;
                Ok(())
            }
            'c' => {
                self.once(c)?;
                let pkts = arg.unwrap_or_default();
                let bytes = self.next_plain().ok_or_else(|| Fail::usage("-c requires packet and byte counter"))?;
                self.counters = Some(Counters {
                    pkts: pkts.parse().map_err(|_| Fail::usage("-c packet counter not numeric"))?,
                    bytes: bytes.parse().map_err(|_| Fail::usage("-c byte counter not numeric"))?,
                });
                Ok(())
            }
            // -w, -W, -M: accepted and ignored, as iptables-nft does.
            'w' | 'W' | 'M' => Ok(()),
            // `-4`/`-6`: the program's own family passes; the other one is
            // `exit_tryhelp()`, and in iptables-restore ignores the line.
            '4' | '6' if (c == '6') == self.af.is_ipv6() => Ok(()),
            '4' | '6' if self.restore.is_some() => {
                self.early = Some(Cmd::Ignored);
                Ok(())
            }
            '4' | '6' => Err(Fail::TryHelp),
            _ => Err(Fail::usage(format!("unknown option \"{word}\""))),
        }
    }

    pub(super) fn command_option(&mut self, c: char, arg: Option<String>) -> Result<(), Fail> {
        let cmd = match c {
            'A' | 'C' => {
                self.chain = arg;
                return self.command(c, if c == 'A' { Cmd::Append } else { Cmd::Check });
            }
            'D' => {
                self.chain = arg;
                let n = self.next_plain().map(|w| rule_number(&w)).transpose()?;
                return self.command(c, Cmd::Delete(n));
            }
            'I' => {
                self.chain = arg;
                let n = self.next_plain().map(|w| rule_number(&w)).transpose()?;
                return self.command(c, Cmd::Insert(n.unwrap_or(1)));
            }
            'R' => {
                self.chain = arg;
                let n = match self.next_plain() {
                    Some(w) => rule_number(&w)?,
                    None => return Err(Fail::usage("-R requires a rule number")),
                };
                return self.command(c, Cmd::Replace(n));
            }
            'L' | 'S' | 'Z' => {
                self.chain = arg.or_else(|| self.next_plain());
                let n = self.next_plain().map(|w| rule_number(&w)).transpose()?;
                let cmd = match c {
                    'L' => Cmd::List { num: n, zero: false },
                    'S' => Cmd::ListRules(n),
                    _ => Cmd::Zero(n),
                };
                return self.command(c, cmd);
            }
            'F' | 'X' => {
                self.chain = arg.or_else(|| self.next_plain());
                return self.command(c, if c == 'F' { Cmd::Flush } else { Cmd::DeleteChain });
            }
            'N' => {
                let name = arg.unwrap_or_default();
                check_chain_name(&name)?;
                self.chain = Some(name);
                Cmd::NewChain
            }
            'E' => {
                self.chain = arg;
                let new =
                    self.next_plain().ok_or_else(|| Fail::usage("-E requires old-chain-name and new-chain-name"))?;
                // The new name is not checked here: the kernel judges it.
                return self.command(c, Cmd::Rename(new));
            }
            'P' => {
                self.chain = arg;
                let policy = self.next_plain().ok_or_else(|| Fail::usage("-P requires a chain and a policy"))?;
                return self.command(c, Cmd::Policy(policy));
            }
            // -V and -h answer at once, whatever came before (`! -V` too).
            'V' => {
                self.early = Some(Cmd::Version(std::mem::take(&mut self.invert)));
                return Ok(());
            }
            _ => {
                self.early = Some(Cmd::Help);
                return Ok(());
            }
        };
        self.command(c, cmd)
    }
}
