//! procps `sysctl`: read and write /proc/sys keys.

use crate::netlink::Netlink;
use crate::output::Output;

/// Runs `sysctl ARGS` (argv without the leading `sysctl`).
pub fn sysctl(nl: &mut dyn Netlink, argv: &[String]) -> Output {
    let mut out = Output::new();
    let mut write = false;
    let mut quiet = false;
    let mut keys = Vec::new();
    for a in argv {
        match a.as_str() {
            "-w" | "--write" => write = true,
            "-q" | "--quiet" => quiet = true,
            "-n" | "-e" => {}
            s if s.starts_with('-') && s.len() > 1 => {
                return Output::error(
                    format!(
                        "sysctl: invalid option -- '{}'\nUsage:\n sysctl [options] [variable[=value] ...]\n",
                        &s[1..2]
                    ),
                    1,
                )
            }
            s => keys.push(s.to_string()),
        }
    }
    if keys.is_empty() {
        // procps exits 1 here, whatever -w says.
        return Output::error("sysctl: no variables specified\nTry `sysctl --help' for more information.\n", 1);
    }
    for k in keys {
        let (key, value) = match k.split_once('=') {
            Some((k, v)) => (k.to_string(), Some(v.to_string())),
            None => (k.clone(), None),
        };
        let path = key.replace('.', "/");
        match value {
            None if write => {
                out.err("sysctl: command line(0): invalid syntax, continuing...\n");
                out.status = 1;
            }
            None => match nl.sysctl_read(&path) {
                Ok(v) => out.out(format!("{key} = {v}\n")),
                // A write-only setting (net.ipv4.route.flush): procps skips
                // files it may not read, without a word.
                Err(crate::kernel::Errno::EACCES) => {}
                Err(e) => {
                    out.err(format!("sysctl: cannot stat /proc/sys/{path}: {}\n", e.text()));
                    out.status = 1;
                }
            },
            Some(v) => match nl.sysctl_write(&path, &v) {
                Ok(()) => {
                    if !quiet {
                        out.out(format!("{key} = {v}\n"));
                    }
                }
                Err(crate::kernel::Errno::ENOENT) => {
                    out.err(format!("sysctl: cannot stat /proc/sys/{path}: No such file or directory\n"));
                    out.status = 1;
                }
                Err(e) => {
                    out.err(format!("sysctl: setting key \"{key}\": {}\n", e.text()));
                    out.status = 1;
                }
            },
        }
    }
    out
}
