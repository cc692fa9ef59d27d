//! iptables' command line, as xshared.c's `do_parse` reads it with
//! getopt_long: short options bundle (`-nvL`), long options may be cut to
//! a unique prefix, an optional argument (`-L [chain [num]]`) is the next
//! word unless it starts with `-` or `!`, and extension options
//! (`--dport`, `--reject-with`) exist only once their match or target is
//! loaded (`-m`, `-j`, or `-p tcp` on first use).

use std::net::Ipv4Addr;

use super::ext::{self, Builder, TargetBuilder};
use super::names;
use super::Fail;
use crate::netlink::netfilter::{AddrMatch, Counters, IfMatch, ProtoMatch, Rule};

/// What to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cmd {
    Append,
    Check,
    Delete(Option<u32>),
    Insert(u32),
    Replace(u32),
    /// `-L`, possibly with `-Z`.
    List {
        num: Option<u32>,
        zero: bool,
    },
    ListRules(Option<u32>),
    Flush,
    Zero(Option<u32>),
    NewChain,
    DeleteChain,
    Rename(String),
    Policy(String),
    Version,
    Help,
}

/// A parsed command line.
pub struct Parsed {
    pub table: String,
    pub cmd: Cmd,
    pub chain: Option<String>,
    /// The rules the specification makes (`-s a,b` makes two).
    pub rules: Vec<Rule>,
    /// `-j NAME` where NAME is no target: a user chain to jump to.
    pub jump: Option<String>,
    pub numeric: bool,
    pub verbose: bool,
    pub exact: bool,
    pub line_numbers: bool,
}

/// How an option takes its argument.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Arg {
    None,
    Required,
    /// Only attached (`-Lfoo`, `--list=foo`); iptables then looks at the
    /// next word itself.
    Optional,
}

/// The main options: long name, short letter, argument.
const MAIN: &[(&str, char, Arg)] = &[
    ("append", 'A', Arg::Required),
    ("delete", 'D', Arg::Required),
    ("check", 'C', Arg::Required),
    ("insert", 'I', Arg::Required),
    ("replace", 'R', Arg::Required),
    ("list", 'L', Arg::Optional),
    ("list-rules", 'S', Arg::Optional),
    ("flush", 'F', Arg::Optional),
    ("zero", 'Z', Arg::Optional),
    ("new-chain", 'N', Arg::Required),
    ("delete-chain", 'X', Arg::Optional),
    ("rename-chain", 'E', Arg::Required),
    ("policy", 'P', Arg::Required),
    ("source", 's', Arg::Required),
    ("destination", 'd', Arg::Required),
    ("src", 's', Arg::Required),
    ("dst", 'd', Arg::Required),
    ("protocol", 'p', Arg::Required),
    ("in-interface", 'i', Arg::Required),
    ("jump", 'j', Arg::Required),
    ("table", 't', Arg::Required),
    ("match", 'm', Arg::Required),
    ("numeric", 'n', Arg::None),
    ("out-interface", 'o', Arg::Required),
    ("verbose", 'v', Arg::None),
    ("wait", 'w', Arg::Optional),
    ("wait-interval", 'W', Arg::Optional),
    ("exact", 'x', Arg::None),
    ("fragments", 'f', Arg::None),
    ("version", 'V', Arg::None),
    ("help", 'h', Arg::Optional),
    ("line-numbers", '0', Arg::None),
    ("modprobe", 'M', Arg::Required),
    ("set-counters", 'c', Arg::Required),
    ("goto", 'g', Arg::Required),
    ("ipv4", '4', Arg::None),
    ("ipv6", '6', Arg::None),
];

fn short(c: char) -> Option<Arg> {
    MAIN.iter().find(|(_, s, _)| *s == c && c != '0').map(|(_, _, a)| *a)
}

/// A resolved option.
enum Opt {
    Main(char),
    /// An option of the match at this index, or of the target (`None`).
    Ext(Option<usize>, &'static str),
}

/// `xtables_strtoui(rule, 1, INT_MAX)`.
fn rule_number(s: &str) -> Result<u32, Fail> {
    match s.parse::<u32>() {
        Ok(n) if n >= 1 && n <= i32::MAX as u32 => Ok(n),
        _ => Err(Fail::usage(format!("Invalid rule number `{s}'"))),
    }
}

/// `parse_chain()`: what a new chain may be called.
pub fn check_chain_name(name: &str) -> Result<(), Fail> {
    if name.len() >= 29 {
        return Err(Fail::usage(format!("chain name `{name}' too long (must be under 29 chars)")));
    }
    if let Some(c @ ('-' | '!')) = name.chars().next() {
        return Err(Fail::usage(format!("chain name not allowed to start with `{c}'")));
    }
    if names::is_target_name(name) {
        return Err(Fail::usage("chain name may not clash with target name"));
    }
    if name.chars().any(|c| c.is_ascii_whitespace()) {
        return Err(Fail::usage(format!("Invalid chain name `{name}'")));
    }
    Ok(())
}

/// `xtables_ipparse_multiple()`: `ADDR[/MASK][,ADDR[/MASK]...]`.
fn parse_addrs(text: &str) -> Result<Vec<(Ipv4Addr, u8)>, Fail> {
    text.split(',')
        .map(|one| {
            let (a, m) = match one.split_once('/') {
                Some((a, m)) => (a, Some(m)),
                None => (one, None),
            };
            let prefix = match m {
                None => 32,
                Some(m) if m.contains('.') => {
                    let bad = || Fail::usage(format!("invalid mask `{m}' specified"));
                    let mask = u32::from(m.parse::<Ipv4Addr>().map_err(|_| bad())?);
                    if mask.leading_ones() + mask.trailing_zeros() != 32 {
                        return Err(bad());
                    }
                    mask.leading_ones() as u8
                }
                Some(m) => match m.parse::<u8>() {
                    Ok(n) if n <= 32 && !m.starts_with('+') => n,
                    _ => return Err(Fail::usage(format!("invalid mask `{m}' specified"))),
                },
            };
            let ip = inet_aton(a).ok_or_else(|| Fail::usage(format!("host/network `{a}' not found")))?;
            Ok((crate::kernel::addr::network(ip, prefix), prefix))
        })
        .collect()
}

/// Dotted quads, and `0` (what `-s 0/0` uses).
fn inet_aton(s: &str) -> Option<Ipv4Addr> {
    if s == "0" {
        return Some(Ipv4Addr::UNSPECIFIED);
    }
    s.parse().ok()
}

/// The parser's state while it walks argv.
struct State<'a> {
    argv: &'a [String],
    i: usize,
    invert: bool,
    /// The command letter seen and the command.
    cmd: Option<(char, Cmd)>,
    chain: Option<String>,
    table: String,
    /// Options that may be given once (`multiple -s flags not allowed`).
    seen: Vec<char>,
    src: Option<(String, bool)>,
    dst: Option<(String, bool)>,
    iif: Option<IfMatch>,
    oif: Option<IfMatch>,
    proto: Option<ProtoMatch>,
    matches: Vec<Builder>,
    target: Option<TargetBuilder>,
    jump: Option<String>,
    numeric: bool,
    verbose: bool,
    exact: bool,
    line_numbers: bool,
    counters: Option<Counters>,
}

impl<'a> State<'a> {
    /// `xs_has_arg()`: the next word, unless it looks like an option.
    fn next_plain(&mut self) -> Option<String> {
        let w = self.argv.get(self.i)?;
        if w.starts_with('-') || w.starts_with('!') {
            return None;
        }
        self.i += 1;
        Some(w.clone())
    }

    fn once(&mut self, c: char) -> Result<(), Fail> {
        if self.seen.contains(&c) {
            return Err(Fail::usage(format!("multiple -{c} flags not allowed")));
        }
        self.seen.push(c);
        Ok(())
    }

    /// `add_command()`: `-L` and `-Z` go together; nothing else does.
    fn command(&mut self, c: char, cmd: Cmd) -> Result<(), Fail> {
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
    fn main_option(&mut self, c: char, arg: Option<String>, word: &str) -> Result<(), Fail> {
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
            'j' => {
                self.once(c)?;
                let name = arg.unwrap_or_default();
                match ext::target(&name) {
                    Some(t) => self.target = Some(t),
                    None => self.jump = Some(name),
                }
                Ok(())
            }
            'g' => Err(Fail::usage(format!("unknown option \"{word}\""))),
            'm' => {
                let name = arg.unwrap_or_default();
                let m = ext::load_match(&name).ok_or_else(|| {
                    Fail::usage_blank(format!("Couldn't load match `{name}':No such file or directory"))
                })?;
                self.matches.push(m);
                Ok(())
            }
            't' => {
                if std::mem::take(&mut self.invert) {
                    return Err(Fail::usage("unexpected ! flag before --table"));
                }
                self.table = arg.unwrap_or_default();
                Ok(())
            }
            'n' | 'x' | 'f' => {
                self.once(c)?;
                match c {
                    'n' => self.numeric = true,
                    'x' => self.exact = true,
                    _ => return Err(Fail::usage(format!("unknown option \"{word}\""))),
                }
                Ok(())
            }
            'v' => {
                self.verbose = true;
                Ok(())
            }
            '0' => {
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
            // -w, -W, -M, -4: accepted and ignored, as iptables-nft does.
            'w' | 'W' | 'M' | '4' => Ok(()),
            _ => Err(Fail::usage(format!("unknown option \"{word}\""))),
        }
    }

    fn command_option(&mut self, c: char, arg: Option<String>) -> Result<(), Fail> {
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
                check_chain_name(&new)?;
                return self.command(c, Cmd::Rename(new));
            }
            'P' => {
                self.chain = arg;
                let policy = self.next_plain().ok_or_else(|| Fail::usage("-P requires a chain and a policy"))?;
                return self.command(c, Cmd::Policy(policy));
            }
            'V' => Cmd::Version,
            _ => Cmd::Help,
        };
        self.command(c, cmd)
    }

    /// Finds a long option: an exact name, else a unique prefix, among the
    /// main options and those of the loaded extensions.
    fn resolve(&self, name: &str) -> Option<(Opt, Arg)> {
        let mut all: Vec<(Opt, &'static str, Arg)> = MAIN.iter().map(|(n, c, a)| (Opt::Main(*c), *n, *a)).collect();
        for (i, m) in self.matches.iter().enumerate() {
            all.extend(m.options().iter().map(|(n, a)| (Opt::Ext(Some(i), n), *n, *a)));
        }
        if let Some(t) = &self.target {
            all.extend(t.options().iter().map(|(n, a)| (Opt::Ext(None, n), *n, *a)));
        }
        if let Some(i) = all.iter().position(|(_, n, _)| *n == name) {
            let (o, _, a) = all.swap_remove(i);
            return Some((o, a));
        }
        let mut hits = all.into_iter().filter(|(_, n, _)| !name.is_empty() && n.starts_with(name));
        match (hits.next(), hits.next()) {
            (Some((o, _, a)), None) => Some((o, a)),
            _ => None,
        }
    }

    fn long(&mut self, word: &str) -> Result<(), Fail> {
        let body = &word[2..];
        let (name, attached) = match body.split_once('=') {
            Some((n, v)) => (n, Some(v.to_string())),
            None => (body, None),
        };
        let mut found = self.resolve(name);
        if found.is_none() {
            // `-p tcp --dport`: the protocol's match loads on first use.
            if let Some(m) = self.proto.and_then(|p| ext::proto_match(p.proto)) {
                if !self.matches.iter().any(|x| x.name() == m.name()) {
                    self.matches.push(m);
                    found = self.resolve(name);
                }
            }
        }
        let Some((opt, kind)) = found else { return Err(Fail::usage(format!("unknown option \"{word}\""))) };
        let arg = match kind {
            Arg::None => None,
            Arg::Optional => attached,
            Arg::Required => match attached {
                Some(v) => Some(v),
                None => match self.argv.get(self.i) {
                    Some(v) => {
                        self.i += 1;
                        Some(v.clone())
                    }
                    None => return Err(Fail::usage(format!("option \"{word}\" requires an argument"))),
                },
            },
        };
        match opt {
            Opt::Main(c) => self.main_option(c, arg, word),
            Opt::Ext(owner, name) => {
                let invert = std::mem::take(&mut self.invert);
                let proto = self.proto.map(|p| p.proto);
                let mut more = || {
                    let w = self.argv.get(self.i).cloned();
                    if w.is_some() {
                        self.i += 1;
                    }
                    w
                };
                match owner {
                    Some(i) => self.matches[i].option(name, arg.as_deref(), invert, proto, &mut more),
                    None => match &mut self.target {
                        Some(t) => t.option(name, arg.as_deref(), invert, proto),
                        None => Ok(()),
                    },
                }
            }
        }
    }

    fn shorts(&mut self, word: &str) -> Result<(), Fail> {
        let chars: Vec<char> = word[1..].chars().collect();
        let mut k = 0;
        while k < chars.len() {
            let c = chars[k];
            k += 1;
            let Some(kind) = short(c) else { return Err(Fail::usage(format!("unknown option \"{word}\""))) };
            let rest: String = chars[k..].iter().collect();
            let arg = match kind {
                Arg::None => None,
                Arg::Optional => {
                    k = chars.len();
                    (!rest.is_empty()).then_some(rest)
                }
                Arg::Required => {
                    k = chars.len();
                    if !rest.is_empty() {
                        Some(rest)
                    } else if let Some(v) = self.argv.get(self.i) {
                        self.i += 1;
                        Some(v.clone())
                    } else {
                        return Err(Fail::usage(format!("option \"-{c}\" requires an argument")));
                    }
                }
            };
            self.main_option(c, arg, word)?;
        }
        Ok(())
    }
}

/// Parses `iptables` argv (argv[0] is the program).
pub fn parse(argv: &[String]) -> Result<Parsed, Fail> {
    let mut st = State {
        argv,
        i: 1,
        invert: false,
        cmd: None,
        chain: None,
        table: "filter".into(),
        seen: Vec::new(),
        src: None,
        dst: None,
        iif: None,
        oif: None,
        proto: None,
        matches: Vec::new(),
        target: None,
        jump: None,
        numeric: false,
        verbose: false,
        exact: false,
        line_numbers: false,
        counters: None,
    };
    while st.i < argv.len() {
        let word = argv[st.i].clone();
        st.i += 1;
        if word == "!" {
            if st.invert {
                return Err(Fail::usage("multiple consecutive ! not allowed"));
            }
            st.invert = true;
        } else if word.starts_with("--") && word.len() > 2 {
            st.long(&word)?;
        } else if word.starts_with('-') && word.len() > 1 {
            st.shorts(&word)?;
        } else {
            return Err(Fail::BadArg(word));
        }
    }
    let Some((_, cmd)) = st.cmd.take() else { return Err(Fail::usage("no command specified")) };
    if st.invert {
        return Err(Fail::usage("nothing appropriate following !"));
    }
    if matches!(cmd, Cmd::Version | Cmd::Help) {
        return Ok(Parsed {
            table: st.table,
            cmd,
            chain: None,
            rules: Vec::new(),
            jump: None,
            numeric: false,
            verbose: false,
            exact: false,
            line_numbers: false,
        });
    }
    let drop_in_nat =
        matches!(&cmd, Cmd::Policy(p) if p == "DROP") || st.target.as_ref().is_some_and(|t| t.name() == "DROP");
    if st.table == "nat" && drop_in_nat {
        return Err(Fail::usage_blank(
            "\nThe \"nat\" table is not intended for filtering, the use of DROP is therefore inhibited.\n",
        ));
    }
    let mut matches = Vec::new();
    for m in &st.matches {
        matches.push(m.finish()?);
    }
    let target = match &st.target {
        Some(t) => t.finish()?,
        None => match &st.jump {
            Some(c) => crate::netlink::netfilter::Target::Jump(c.clone()),
            None => crate::netlink::netfilter::Target::None,
        },
    };
    let addrs = |a: &Option<(String, bool)>| -> Result<Vec<Option<AddrMatch>>, Fail> {
        match a {
            None => Ok(vec![None]),
            Some((text, invert)) => Ok(parse_addrs(text)?
                .into_iter()
                .map(|(net, prefix)| Some(AddrMatch { net, prefix, invert: *invert }))
                .collect()),
        }
    };
    let (srcs, dsts) = (addrs(&st.src)?, addrs(&st.dst)?);
    if matches!(cmd, Cmd::Replace(_)) && (srcs.len() != 1 || dsts.len() != 1) {
        return Err(Fail::usage("Replacement rule does not specify a unique address"));
    }
    if let Some(c) = &st.chain {
        if c.len() >= 29 {
            return Err(Fail::usage(format!("chain name `{c}' too long (must be under 29 chars)")));
        }
    }
    let rule_cmd = matches!(cmd, Cmd::Append | Cmd::Delete(None) | Cmd::Check | Cmd::Insert(_) | Cmd::Replace(_));
    if rule_cmd {
        let chain = st.chain.as_deref().unwrap_or("");
        if matches!(chain, "PREROUTING" | "INPUT") && st.oif.is_some() {
            return Err(Fail::usage_blank(format!("Can't use -o with {chain}")));
        }
        if matches!(chain, "POSTROUTING" | "OUTPUT") && st.iif.is_some() {
            return Err(Fail::usage_blank(format!("Can't use -i with {chain}")));
        }
    }
    // A 0.0.0.0/0 that is not negated matches everything: not stored.
    let keep = |a: &Option<AddrMatch>| a.filter(|a| a.prefix != 0 || a.invert);
    let proto = st.proto.filter(|p| p.proto != 0);
    let mut rules = Vec::new();
    for s in &srcs {
        for d in &dsts {
            rules.push(Rule {
                src: keep(s),
                dst: keep(d),
                iif: st.iif.clone(),
                oif: st.oif.clone(),
                proto,
                matches: matches.clone(),
                target: target.clone(),
                counters: st.counters.unwrap_or_default(),
            });
        }
    }
    Ok(Parsed {
        table: st.table,
        cmd,
        chain: st.chain,
        rules,
        jump: st.jump,
        numeric: st.numeric,
        verbose: st.verbose,
        exact: st.exact,
        line_numbers: st.line_numbers,
    })
}
