//! curl's command line, read as tool_getparam.c reads it: short options
//! bundled (`-sSf`), a short option's value attached or the next word,
//! long options by their name or an unambiguous prefix of it (among the
//! ones the simulator knows), every word not an option a URL. The first
//! bad option is the one reported, with `curl: try 'curl --help' …`,
//! exit 2 (the texts of `tests/data/capture/curl.txt`).

use crate::output::Output;

/// What curl was asked to do.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Opts {
    /// `-s`: no progress meter and no error line.
    pub silent: bool,
    /// `-S`: the error line even with `-s`.
    pub show_error: bool,
    pub verbose: bool,
    /// `-I`: HEAD, and the headers as the output.
    pub head: bool,
    /// `-i`: the headers before the body.
    pub include: bool,
    /// `-f`: exit 22 without the body on a status of 400 or more.
    pub fail: bool,
    /// `-o`: where the body goes (`/dev/null` too).
    pub output: Option<String>,
    /// `-w`: printed after the transfer.
    pub write_out: Option<String>,
    /// `-H`, in order.
    pub headers: Vec<String>,
    /// `-d`, in order (sent joined with `&`).
    pub data: Vec<String>,
    /// `-X`.
    pub method: Option<String>,
    /// `-A`.
    pub user_agent: Option<String>,
    /// `-m`/`--max-time`, in milliseconds.
    pub max_time_ms: Option<u64>,
    /// `--connect-timeout`, in milliseconds.
    pub connect_timeout_ms: Option<u64>,
    /// `--local-port`.
    pub local_port: Option<u16>,
    /// `-g`: no globbing of `[]{}` in URLs.
    pub no_glob: bool,
    pub urls: Vec<String>,
}

/// What the command line asks for instead of a transfer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Parsed {
    Run(Opts),
    /// `--help`, `--version`, or a usage error: printed, with its status.
    Done(Output),
}

/// The option an argument belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Opt {
    Silent,
    ShowError,
    Verbose,
    Head,
    Include,
    Fail,
    Output,
    WriteOut,
    Header,
    Data,
    Request,
    UserAgent,
    MaxTime,
    ConnectTimeout,
    LocalPort,
    Globoff,
    Help,
    Version,
    /// `-q`/`--disable`: read no .curlrc (there is none).
    Disable,
}

impl Opt {
    fn takes_value(self) -> bool {
        use Opt::*;
        matches!(self, Output | WriteOut | Header | Data | Request | UserAgent | MaxTime | ConnectTimeout | LocalPort)
    }
}

const SHORT: &[(char, Opt)] = &[
    ('s', Opt::Silent),
    ('S', Opt::ShowError),
    ('v', Opt::Verbose),
    ('I', Opt::Head),
    ('i', Opt::Include),
    ('f', Opt::Fail),
    ('o', Opt::Output),
    ('w', Opt::WriteOut),
    ('H', Opt::Header),
    ('d', Opt::Data),
    ('X', Opt::Request),
    ('A', Opt::UserAgent),
    ('m', Opt::MaxTime),
    ('g', Opt::Globoff),
    ('h', Opt::Help),
    ('V', Opt::Version),
    ('q', Opt::Disable),
];

const LONG: &[(&str, Opt)] = &[
    ("silent", Opt::Silent),
    ("show-error", Opt::ShowError),
    ("verbose", Opt::Verbose),
    ("head", Opt::Head),
    ("include", Opt::Include),
    ("fail", Opt::Fail),
    ("output", Opt::Output),
    ("write-out", Opt::WriteOut),
    ("header", Opt::Header),
    ("data", Opt::Data),
    ("request", Opt::Request),
    ("user-agent", Opt::UserAgent),
    ("max-time", Opt::MaxTime),
    ("connect-timeout", Opt::ConnectTimeout),
    ("local-port", Opt::LocalPort),
    ("globoff", Opt::Globoff),
    ("help", Opt::Help),
    ("version", Opt::Version),
    ("disable", Opt::Disable),
];

const TRY: &str = "curl: try 'curl --help' or 'curl --manual' for more information\n";

/// `helpf()`: the reason, then the line that points to the help.
fn usage(reason: Option<String>) -> Parsed {
    let mut text = reason.map(|r| format!("curl: {r}\n")).unwrap_or_default();
    text.push_str(TRY);
    Parsed::Done(Output::error(text, 2))
}

/// Reads curl's argv (`argv[0]` is `curl`).
pub fn parse(argv: &[String]) -> Parsed {
    let mut o = Opts::default();
    let args = argv.get(1..).unwrap_or_default();
    if args.is_empty() {
        return usage(None);
    }
    let mut i = 0;
    while i < args.len() {
        let word = &args[i];
        i += 1;
        if let Some(name) = word.strip_prefix("--").filter(|n| !n.is_empty()) {
            let (name, no) = match name.strip_prefix("no-") {
                Some(n) => (n, true),
                None => (name, false),
            };
            let hits: Vec<Opt> = match LONG.iter().find(|(n, _)| *n == name) {
                Some((_, opt)) => vec![*opt],
                None => LONG.iter().filter(|(n, _)| n.starts_with(name)).map(|(_, o)| *o).collect(),
            };
            let opt = match hits.as_slice() {
                [one] => *one,
                [] => return usage(Some(format!("option {word}: is unknown"))),
                _ => return usage(Some(format!("option {word}: is ambiguous"))),
            };
            let value = if opt.takes_value() {
                let Some(v) = args.get(i) else {
                    return usage(Some(format!("option {word}: requires parameter")));
                };
                i += 1;
                Some(v.as_str())
            } else {
                None
            };
            if let Err(reason) = apply(&mut o, opt, value, !no) {
                return usage(Some(format!("option {word}: {reason}")));
            }
            if let Some(done) = early(opt) {
                return done;
            }
            continue;
        }
        let Some(letters) = word.strip_prefix('-').filter(|l| !l.is_empty()) else {
            o.urls.push(word.clone());
            continue;
        };
        for (at, c) in letters.char_indices() {
            let Some((_, opt)) = SHORT.iter().find(|(s, _)| *s == c) else {
                return usage(Some(format!("option {word}: is unknown")));
            };
            let mut value = None;
            if opt.takes_value() {
                let attached = &letters[at + c.len_utf8()..];
                if !attached.is_empty() {
                    value = Some(attached);
                } else if let Some(v) = args.get(i) {
                    i += 1;
                    value = Some(v.as_str());
                } else {
                    return usage(Some(format!("option -{c}: requires parameter")));
                }
            }
            if let Err(reason) = apply(&mut o, *opt, value, true) {
                return usage(Some(format!("option -{c}: {reason}")));
            }
            if let Some(done) = early(*opt) {
                return done;
            }
            if value.is_some() {
                break;
            }
        }
    }
    if o.urls.is_empty() {
        return usage(Some("no URL specified!".into()));
    }
    Parsed::Run(o)
}

/// `--help` and `--version` print and end at once.
fn early(opt: Opt) -> Option<Parsed> {
    let text = match opt {
        Opt::Help => include_str!("help.txt"),
        Opt::Version => include_str!("version.txt"),
        _ => return None,
    };
    let mut out = Output::new();
    out.out(text);
    Some(Parsed::Done(out))
}

/// Sets one option; the reason it is refused (`param2text()`'s words).
fn apply(o: &mut Opts, opt: Opt, value: Option<&str>, on: bool) -> Result<(), &'static str> {
    let v = value.unwrap_or_default().to_string();
    match opt {
        Opt::Silent => o.silent = on,
        Opt::ShowError => o.show_error = on,
        Opt::Verbose => o.verbose = on,
        Opt::Head => o.head = on,
        Opt::Include => o.include = on,
        Opt::Fail => o.fail = on,
        Opt::Globoff => o.no_glob = on,
        Opt::Output => o.output = Some(v),
        Opt::WriteOut => o.write_out = Some(v),
        Opt::Header => o.headers.push(v),
        Opt::Data => o.data.push(v),
        Opt::Request => o.method = Some(v),
        Opt::UserAgent => o.user_agent = Some(v),
        Opt::MaxTime => o.max_time_ms = Some(seconds(&v)?),
        Opt::ConnectTimeout => o.connect_timeout_ms = Some(seconds(&v)?),
        Opt::LocalPort => o.local_port = Some(local_port(&v)?),
        Opt::Help | Opt::Version | Opt::Disable => {}
    }
    Ok(())
}

/// `str2udouble()`: seconds with decimals, to milliseconds.
fn seconds(v: &str) -> Result<u64, &'static str> {
    let body = v.strip_prefix('-');
    let digits = body.unwrap_or(v);
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let ok = !(int.is_empty() && frac.is_empty()) && int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit());
    if !ok {
        return Err("expected a proper numerical parameter");
    }
    if body.is_some() {
        return Err("expected a positive numerical parameter");
    }
    Ok(crate::tools::ping::millis::millis(digits))
}

/// `--local-port N[-M]`: the first port of the range.
fn local_port(v: &str) -> Result<u16, &'static str> {
    let first = v.split_once('-').map_or(v, |(a, _)| a);
    first
        .parse::<u16>()
        .ok()
        .filter(|p| *p > 0 && first.bytes().all(|b| b.is_ascii_digit()))
        .ok_or("is badly used here")
}
