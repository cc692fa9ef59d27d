//! getopt_long as iptables calls it: bundled short options, long options
//! by exact name or unique prefix (main ones and those of the loaded
//! extensions), `--opt=value`, and iptables' own look at the next word for
//! an optional argument (`xs_has_arg()`).

use super::{Fail, State};
use crate::tools::iptables::ext;

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

pub(super) fn short(c: char) -> Option<Arg> {
    MAIN.iter().find(|(_, s, _)| *s == c && c != '0').map(|(_, _, a)| *a)
}

/// A resolved option.
enum Opt {
    Main(char),
    /// An option of the match at this index, or of the target (`None`).
    Ext(Option<usize>, &'static str),
}

impl State<'_> {
    /// `xs_has_arg()`: the next word, unless it looks like an option.
    pub(super) fn next_plain(&mut self) -> Option<String> {
        let w = self.argv.get(self.i)?;
        if w.starts_with('-') || w.starts_with('!') {
            return None;
        }
        self.i += 1;
        Some(w.clone())
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

    pub(super) fn long(&mut self, word: &str) -> Result<(), Fail> {
        let body = &word[2..];
        let (name, attached) = match body.split_once('=') {
            Some((n, v)) => (n, Some(v.to_string())),
            None => (body, None),
        };
        let mut found = self.resolve(name);
        if found.is_none() {
            // `-p tcp --dport`: the protocol's match loads on first use.
            if let Some(m) = self.proto.and_then(|p| ext::proto_match(p.proto, self.af)) {
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

    pub(super) fn shorts(&mut self, word: &str) -> Result<(), Fail> {
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
