//! iptables' command line, as xshared.c's `do_parse` reads it with
//! getopt_long: short options bundle (`-nvL`), long options may be cut to
//! a unique prefix, an optional argument (`-L [chain [num]]`) is the next
//! word unless it starts with `-` or `!`, and extension options
//! (`--dport`, `--reject-with`) exist only once their match or target is
//! loaded (`-m`, `-j`, or `-p tcp` on first use).

mod getopt;
mod options;

pub use getopt::Arg;

use super::afinfo::Afinfo;
use super::ext::{self, Builder, TargetBuilder};
use super::names;
use super::Fail;
use crate::netlink::netfilter::{AddrMatch, Counters, IfMatch, ProtoMatch, Rule, Target};

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
    /// `-V`; `true` for `! -V`.
    Version(bool),
    Help,
    /// An iptables-restore line with the other family's `-4`/`-6`: the
    /// line is ignored (`-h`'s own words).
    Ignored,
}

/// A parsed command line.
pub struct Parsed {
    /// iptables or ip6tables.
    pub af: Afinfo,
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
    /// What the extensions warn of while parsing (stderr, then carry on).
    pub warnings: String,
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

/// The parser's state while it walks argv.
struct State<'a> {
    af: Afinfo,
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
    fragment: Option<bool>,
    goto: bool,
    /// `-V`, `-h`, or the other family's `-4`/`-6` in iptables-restore:
    /// parsing stops there.
    early: Option<Cmd>,
    /// The block's table when iptables-restore parses a line.
    restore: Option<&'a str>,
}

/// `generic_opt_check()`: the options each command takes (`-v` goes with
/// all), checked in iptables' column order; `-L -Z` takes either's.
fn opt_check(cmd: &Cmd, seen: &[char]) -> Result<(), Fail> {
    let legal = |c: char| -> bool {
        let rule = "sdpjiocf";
        match cmd {
            Cmd::Append | Cmd::Insert(_) | Cmd::Replace(_) => rule.contains(c),
            Cmd::Delete(None) | Cmd::Check => rule.contains(c) && c != 'c',
            Cmd::List { .. } => "nx0".contains(c),
            Cmd::Policy(_) => c == 'c',
            _ => false,
        }
    };
    for c in "nsdpjxio0cf".chars() {
        if seen.contains(&c) && !legal(c) {
            return Err(Fail::usage(format!("Illegal option `-{c}' with this command")));
        }
    }
    Ok(())
}

/// Parses `iptables` (`ip6tables`) argv (argv[0] is the program).
pub fn parse(af: Afinfo, argv: &[String]) -> Result<Parsed, Fail> {
    parse_in(af, argv, None)
}

/// Parses one line of an iptables-restore block for `table` (argv[0] is
/// the program); `-t` is refused there.
pub fn parse_line(af: Afinfo, argv: &[String], table: &str) -> Result<Parsed, Fail> {
    parse_in(af, argv, Some(table))
}

fn parse_in(af: Afinfo, argv: &[String], restore: Option<&str>) -> Result<Parsed, Fail> {
    let mut st = State {
        af,
        argv,
        i: 1,
        invert: false,
        cmd: None,
        chain: None,
        table: restore.unwrap_or("filter").into(),
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
        fragment: None,
        goto: false,
        early: None,
        restore,
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
        if let Some(cmd) = st.early.take() {
            return Ok(Parsed {
                af,
                table: st.table,
                cmd,
                chain: None,
                rules: Vec::new(),
                jump: None,
                numeric: false,
                verbose: false,
                exact: false,
                line_numbers: false,
                warnings: String::new(),
            });
        }
    }
    let Some((_, cmd)) = st.cmd.take() else { return Err(Fail::usage("no command specified")) };
    if st.invert {
        return Err(Fail::usage("nothing appropriate following !"));
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
            Some(c) => Target::Jump(c.clone()),
            None => Target::None,
        },
    };
    let addrs = |a: &Option<(String, bool)>| -> Result<Vec<Option<AddrMatch>>, Fail> {
        match a {
            None => Ok(vec![None]),
            Some((text, invert)) => Ok(af
                .parse_addrs(text)?
                .into_iter()
                .map(|(net, mask)| Some(AddrMatch { net, mask, invert: *invert }))
                .collect()),
        }
    };
    let (srcs, dsts) = (addrs(&st.src)?, addrs(&st.dst)?);
    if matches!(cmd, Cmd::Replace(_)) && (srcs.len() != 1 || dsts.len() != 1) {
        return Err(Fail::usage("Replacement rule does not specify a unique address"));
    }
    opt_check(&cmd, &st.seen)?;
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
    let keep = |a: &Option<AddrMatch>| a.filter(|a| !a.is_any() || a.invert);
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
                fragment: st.fragment,
                matches: matches.clone(),
                target: target.clone(),
                goto: st.goto && matches!(target, Target::Jump(_)),
                counters: st.counters.filter(|_| af.rule_counters()).unwrap_or_default(),
            });
        }
    }
    Ok(Parsed {
        af,
        table: st.table,
        cmd,
        chain: st.chain,
        rules,
        jump: st.jump,
        numeric: st.numeric,
        verbose: st.verbose,
        exact: st.exact,
        line_numbers: st.line_numbers,
        warnings: matches.iter().map(ext::warning).collect(),
    })
}
