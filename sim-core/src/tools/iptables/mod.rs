//! `iptables`, `iptables-save` and `iptables-restore` (iptables-nft 1.8.9,
//! as Debian 12 ships it), and `ip6tables`, `ip6tables-save` and
//! `ip6tables-restore`: the same program over the other family's tables
//! ([`afinfo`]). Like iptables-nft, a command reads the table, changes its
//! copy and commits it in one batch: a command that fails changes nothing.
//! Texts, errors and exit codes are the recordings'
//! (`tests/data/kernel/{chains-edits,errors,tables-lazy}`,
//! `tests/data/ipv6/ip6tables`).

pub mod afinfo;
mod ext;
mod list;
pub(crate) mod names;
mod parse;
mod restore;
mod save;
mod verbs;

use crate::netlink::netfilter::{Netfilter, TableId};
use crate::output::Output;
use afinfo::Afinfo;

pub use restore::restore;
pub use save::EPOCH_BASE;

/// Why a command failed, by the part of iptables that says so (each
/// prints differently, and iptables-restore prints them its own way).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fail {
    /// A command-line error (exit 2); `true` puts an empty line before
    /// the Try line.
    Usage(String, bool),
    /// A word that is no option (exit 2, no program prefix).
    BadArg(String),
    /// The kernel refused a lookup (`iptables: MSG`, exit 1).
    Refused(&'static str),
    /// An nft batch failed (exit 4): `RULE_APPEND failed (Invalid
    /// argument): rule in chain INPUT`.
    Batch(String),
    /// `-t` names no table (exit 3).
    NoTable(String),
    /// `-L`/`-S` of a chain that is not there (exit 1).
    Incompatible(String, &'static str),
    /// A failure after a listing was printed (`-L -Z` with no table):
    /// iptables' stderr comes first, its buffered stdout at exit.
    AfterOutput(String, Box<Fail>),
    /// `exit_tryhelp()` alone (exit 2): `-4` given to ip6tables.
    TryHelp,
}

impl Fail {
    pub fn usage(msg: impl Into<String>) -> Fail {
        Fail::Usage(msg.into(), false)
    }

    pub fn usage_blank(msg: impl Into<String>) -> Fail {
        Fail::Usage(msg.into(), true)
    }

    /// As `iptables` (or `ip6tables`, by `af`) prints it.
    fn output(&self, af: Afinfo) -> Output {
        let (prog, try_help, name) = (af.prog(), af.try_help(), af.name);
        match self {
            Fail::Usage(m, blank) => {
                Output::error(format!("{prog}: {m}\n{}{try_help}", if *blank { "\n" } else { "" }), 2)
            }
            Fail::BadArg(w) => Output::error(format!("Bad argument `{w}'\n{try_help}"), 2),
            Fail::Refused(m) => Output::error(format!("{name}: {m}\n"), 1),
            Fail::Batch(m) => Output::error(format!("{prog}:  {m}\n"), 4),
            Fail::NoTable(t) => Output::error(
                format!("{prog}: table '{t}' does not exist\nPerhaps {name} or your kernel needs to be upgraded.\n"),
                3,
            ),
            Fail::Incompatible(c, t) => {
                Output::error(format!("{prog}: chain `{c}' in table `{t}' is incompatible, use 'nft' tool.\n"), 1)
            }
            Fail::AfterOutput(text, f) => {
                let mut o = f.output(af);
                o.out(text.clone());
                o
            }
            Fail::TryHelp => Output::error(try_help, 2),
        }
    }
}

/// Runs `iptables`, `iptables-save`, `iptables-restore` or their
/// `ip6tables` twins, by `argv[0]` (a path's last part); `now` is the Unix
/// time iptables-save prints.
pub fn program(nf: &mut dyn Netfilter, argv: &[String], stdin: &str, now: u64) -> Output {
    let name = sim_shell::coreutils::program_name(argv);
    let af = Afinfo::of_program(name);
    match name.strip_prefix(af.name) {
        Some("-save") => save(af, nf, argv, now),
        Some("-restore") => restore(af, nf, argv, stdin),
        _ => run(af, nf, argv),
    }
}

/// Runs `iptables` (or `ip6tables`, by `af`) over a kernel's netfilter.
pub fn run(af: Afinfo, nf: &mut dyn Netfilter, argv: &[String]) -> Output {
    match try_run(af, nf, argv) {
        Ok(out) => out,
        Err(f) => f.output(af),
    }
}

fn try_run(af: Afinfo, nf: &mut dyn Netfilter, argv: &[String]) -> Result<Output, Fail> {
    let p = parse::parse(af, argv)?;
    let mut out = Output::new();
    if !p.warnings.is_empty() {
        out.err(p.warnings.clone());
    }
    match p.cmd {
        parse::Cmd::Version(not) => {
            out.out(if not { "Not 1.8.9 (nf_tables) ;-)\n".to_string() } else { format!("{}\n", af.prog()) });
            return Ok(out);
        }
        parse::Cmd::Help => {
            out.out(if af.is_ipv6() { include_str!("help6.txt") } else { include_str!("help.txt") });
            return Ok(out);
        }
        _ => {}
    }
    let id = TableId::parse(&p.table).ok_or_else(|| Fail::NoTable(p.table.clone()))?;
    let before = nf.table(af.family, id).map_err(|_| Fail::Refused("No chain/target/match by that name."))?;
    let mut table = before.clone();
    let text = verbs::apply(&p, id, &mut table, true)?;
    if table != before {
        if let Some(t) = table {
            nf.commit(t).map_err(|_| Fail::Refused("No chain/target/match by that name."))?;
        }
    }
    out.out(text);
    Ok(out)
}

/// `iptables-save [-c] [-t TABLE]` (`ip6tables-save`, by `af`); `now` is
/// the Unix time to print.
pub fn save(af: Afinfo, nf: &mut dyn Netfilter, argv: &[String], now: u64) -> Output {
    let name = af.name;
    let mut counters = false;
    let mut only = None;
    let mut i = 1;
    let bad =
        |msg: String| Output::error(format!("{msg}\nLook at manual page `{name}-save.8' for more information.\n"), 1);
    while i < argv.len() {
        let a = argv[i].as_str();
        i += 1;
        match a {
            "-c" | "--counters" => counters = true,
            "-t" | "--table" => match argv.get(i) {
                Some(t) => {
                    i += 1;
                    match TableId::parse(t) {
                        Some(id) => only = Some(id),
                        None => return Output::error(format!("Table `{t}' does not exist\n"), 1),
                    }
                }
                None => return bad(format!("{name}-save: option requires an argument -- 't'")),
            },
            "-M" | "--modprobe" => i += 1,
            _ if a.starts_with("--") => return bad(format!("{name}-save: unrecognized option '{a}'")),
            _ if a.starts_with('-') && a.len() > 1 => {
                return bad(format!("{name}-save: invalid option -- '{}'", a.chars().nth(1).unwrap_or('-')))
            }
            _ => return Output::error("Unknown arguments found on commandline\n", 1),
        }
    }
    let date = save::ctime(now);
    let mut text = String::new();
    for id in TableId::ALL {
        if only.is_some_and(|o| o != id) {
            continue;
        }
        let Ok(t) = nf.table(af.family, id) else { continue };
        if t.is_some() || only == Some(id) {
            text += &save::save_table(af, id, t.as_ref(), counters, &date);
        }
    }
    let mut out = Output::new();
    out.out(text);
    out
}
