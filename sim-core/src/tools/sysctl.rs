//! procps `sysctl` (4.0): read and write /proc/sys keys.

use crate::kernel::Errno;
use crate::netlink::Netlink;
use crate::output::Output;

/// How one argument is read.
struct Opts {
    write: bool,
    quiet: bool,
    /// `-n`: values without their names.
    values_only: bool,
    /// `-N`: names without their values.
    names_only: bool,
    /// `-b`: values without a newline.
    binary: bool,
    /// `-e`: unknown keys are skipped without a word.
    ignore_unknown: bool,
}

/// procps' text (linked in with `text-tools`: see [`crate::usage`]).
#[cfg(feature = "text-tools")]
pub(crate) const USAGE_TEXT: &str = "
Usage:
 sysctl [options] [variable[=value] ...]

Options:
  -a, --all            display all variables
  -A                   alias of -a
  -X                   alias of -a
      --deprecated     include deprecated parameters to listing
      --dry-run        Print the key and values but do not write
  -b, --binary         print value without new line
  -e, --ignore         ignore unknown variables errors
  -N, --names          print variable names without values
  -n, --values         print only values of the given variable(s)
  -p, --load[=<file>]  read values from file
  -f                   alias of -p
      --system         read values from all system directories
  -r, --pattern <expression>
                       select setting that match expression
  -q, --quiet          do not echo variable set
  -w, --write          enable writing a value to variable
  -o                   does nothing
  -x                   does nothing
  -d                   alias of -h

 -h, --help     display this help and exit
 -V, --version  output version information and exit

For more details see sysctl(8).
";

/// A key as given and the /proc/sys path it names: dots are separators
/// unless the key is written with slashes (then dots are part of names, as
/// in VLAN devices), and names print with dots either way.
fn path_of(key: &str) -> (String, String) {
    if key.contains('/') {
        (key.replace('/', "."), key.to_string())
    } else {
        (key.to_string(), key.replace('.', "/"))
    }
}

/// Runs `sysctl ARGS` (argv without the leading `sysctl`).
pub fn sysctl(nl: &mut dyn Netlink, argv: &[String]) -> Output {
    let mut out = Output::new();
    let mut o = Opts {
        write: false,
        quiet: false,
        values_only: false,
        names_only: false,
        binary: false,
        ignore_unknown: false,
    };
    let mut keys = Vec::new();
    for a in argv {
        match a.as_str() {
            "--write" => o.write = true,
            "--quiet" => o.quiet = true,
            "--values" => o.values_only = true,
            "--names" => o.names_only = true,
            "--binary" => o.binary = true,
            "--ignore" => o.ignore_unknown = true,
            s if s.starts_with('-') && s.len() > 1 => {
                // Short options, several to a word (`-wq`).
                for c in s[1..].chars() {
                    match c {
                        'w' => o.write = true,
                        'q' => o.quiet = true,
                        'n' => o.values_only = true,
                        'N' => o.names_only = true,
                        'b' => o.binary = true,
                        'e' => o.ignore_unknown = true,
                        // "does nothing"
                        'o' | 'x' => {}
                        c => {
                            // The usage goes to stdout, and the exit status is 0.
                            let mut out = Output::new();
                            out.err(format!("sysctl: invalid option -- '{c}'\n"));
                            out.out(String::from(crate::usage::Usage::Sysctl));
                            return out;
                        }
                    }
                }
            }
            s => keys.push(s.to_string()),
        }
    }
    if keys.is_empty() {
        // procps exits 1 here, whatever -w says.
        return Output::error("sysctl: no variables specified\nTry `sysctl --help' for more information.\n", 1);
    }
    // procps adds up failed reads but only ORs failed writes.
    let (mut failed_reads, mut failed_write) = (0, false);
    for k in keys {
        let ok = match k.split_once('=') {
            Some((key, value)) => write_one(nl, &o, &mut out, key.trim(), value.trim()),
            None if o.write => {
                // A setting without '=': comments and one-character words
                // are skipped without a word (procps' line parser).
                if !(k.starts_with('#') || k.starts_with(';') || k.chars().count() <= 1) {
                    out.err("sysctl: command line(0): invalid syntax, continuing...\n");
                }
                false
            }
            None => {
                // A key naming /proc/sys itself counts -1 (exit 255 alone).
                if k == "." {
                    out.err("sysctl: Path is not under /proc/sys/: /proc/sys//\n");
                    failed_reads -= 1;
                    continue;
                }
                let ok = read_one(nl, &o, &mut out, &k);
                failed_reads += i32::from(!ok);
                continue;
            }
        };
        failed_write |= !ok;
    }
    out.status = (failed_reads | i32::from(failed_write)) & 0xff;
    #[cfg(feature = "explain")]
    crate::explain::record::printed(crate::explain::sysctl::tag(&out.stdout()));
    out
}

fn read_one(nl: &mut dyn Netlink, o: &Opts, out: &mut Output, key: &str) -> bool {
    let (name, path) = path_of(key);
    match nl.sysctl_read(&path) {
        Ok(_) if o.names_only => out.out(format!("{name}\n")),
        Ok(v) if o.binary => out.out(v),
        Ok(v) if o.values_only => out.out(format!("{v}\n")),
        Ok(v) => out.out(format!("{name} = {v}\n")),
        // A write-only setting (net.ipv4.route.flush): procps skips files
        // it may not read, without a word.
        Err(Errno::EACCES) => {}
        Err(Errno::ENOENT) if o.ignore_unknown => {}
        Err(e) => {
            out.err(format!("sysctl: cannot stat /proc/sys/{path}: {}\n", e.text()));
            return false;
        }
    }
    true
}

fn write_one(nl: &mut dyn Netlink, o: &Opts, out: &mut Output, key: &str, value: &str) -> bool {
    if key.is_empty() {
        if !value.is_empty() {
            out.err("sysctl: Path is not under /proc/sys/: /proc/sys/\n");
        }
        return false;
    }
    if key == "." {
        out.err("sysctl: Path is not under /proc/sys/: /proc/sys//\n");
        return false;
    }
    let (name, path) = path_of(key);
    match nl.sysctl_write(&path, value) {
        Ok(()) if o.quiet => {}
        // procps prints the value alone for -n, and for -N too.
        Ok(()) if o.values_only || o.names_only => out.out(format!("{value}\n")),
        Ok(()) => out.out(format!("{name} = {value}\n")),
        Err(Errno::ENOENT) if o.ignore_unknown => {}
        Err(Errno::ENOENT) => {
            out.err(format!("sysctl: cannot stat /proc/sys/{path}: No such file or directory\n"));
            return false;
        }
        Err(e) => {
            out.err(format!("sysctl: setting key \"{name}\": {}\n", e.text()));
            return false;
        }
    }
    true
}
