//! `printf [-v VAR] FORMAT [ARGUMENTS…]`, as bash's builtin prints: the
//! format's backslash escapes, `%%` and the conversions `s b c d i u o x X
//! f e E g G q` with flags, width and precision (`*` too), the format used
//! again while arguments remain. Numbers read as bash reads them (`0x`,
//! leading `0` octal, `'c` a character's code); a bad one is reported and
//! printed as far as it was read, and the status is 1.

// The formatting itself; the site's first load runs it elsewhere (see
// `formatted`).
#[cfg(feature = "text-tools")]
mod escape;
#[cfg(feature = "text-tools")]
mod format;

#[cfg(feature = "text-tools")]
use self::format::Printer;
use super::Interp;
use crate::output::{Output, Stream};

const USAGE: &str = "printf: usage: printf [-v var] format [arguments]\n";

pub(super) fn run(sh: &mut Interp<'_>, args: &[String]) -> Output {
    let mut args = args;
    let mut var = None;
    if args.first().is_some_and(|a| a == "--") {
        args = &args[1..];
    } else if args.first().is_some_and(|a| a == "-v") {
        let Some(name) = args.get(1) else { return Output::error(USAGE, 2) };
        var = Some(name.clone());
        args = &args[2..];
    }
    let Some((format, rest)) = args.split_first() else { return Output::error(USAGE, 2) };
    let mut out = formatted(format, rest, &sh.prefix());
    if let Some(name) = var {
        let text: String = out.chunks.iter().filter(|c| c.stream == Stream::Stdout).map(|c| c.text.as_str()).collect();
        out.chunks.retain(|c| c.stream != Stream::Stdout);
        sh.env.set(&name, text);
    }
    out
}

/// What `printf FORMAT ARGUMENTS…` prints (errors begin with `prefix`)
/// and its status. With the text tools: the site's first load leaves the
/// formatting (with the float code `%e` and `%g` need, about 8 KB of its
/// gzip) to the on-demand module, as the program `printf-format PREFIX
/// FORMAT ARGUMENTS…` there.
pub fn formatted(format: &str, args: &[String], prefix: &str) -> Output {
    #[cfg(not(feature = "text-tools"))]
    {
        let mut argv = vec!["printf-format".to_string(), prefix.to_string(), format.to_string()];
        argv.extend(args.iter().cloned());
        crate::coreutils::run_elsewhere(&crate::coreutils::wire::Call { argv, ..Default::default() }).output
    }
    #[cfg(feature = "text-tools")]
    {
        let mut p = Printer { args, next: 0, text: String::new(), errors: String::new(), status: 0 };
        loop {
            let before = p.next;
            if p.format(format, prefix) {
                break;
            }
            if p.next >= args.len() || p.next == before {
                break;
            }
        }
        let mut out = Output::new();
        if !p.errors.is_empty() {
            out.err(p.errors);
        }
        if !p.text.is_empty() {
            out.out(p.text);
        }
        out.status = p.status;
        out
    }
}

#[cfg(all(test, feature = "text-tools"))]
mod tests;
