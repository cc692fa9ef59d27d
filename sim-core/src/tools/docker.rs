//! `docker`, as far as a lab preset's fixed containers need it: `exec`,
//! `ps` and `inspect -f`. The client's own errors (argument counts,
//! flags) were recorded with Docker 28's client
//! (`tests/data/kernel/docker-client.txt`); what the daemon answers
//! (`No such container`, the OCI runtime's exec failure, `ps`'s table)
//! follows moby and docker/cli, since no daemon runs where we record.
//! This module reads command lines and prints; the lab runs the
//! container's command (`lab/presets/programs.rs`).

use crate::output::Output;

/// A parsed `docker` command line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Docker {
    /// `docker exec [OPTIONS] CONTAINER COMMAND [ARG...]`.
    Exec { container: String, argv: Vec<String> },
    /// `docker ps [-a] [-q] [--no-trunc]`.
    Ps { all: bool, quiet: bool, no_trunc: bool },
    /// `docker inspect -f TEMPLATE NAME...`.
    Inspect { format: String, names: Vec<String> },
    /// `docker run -d [--name NAME] IMAGE`.
    Run { name: Option<String>, image: String, detach: bool },
    /// `docker rm [-f] NAME...`.
    Rm { force: bool, names: Vec<String> },
    /// `docker stop NAME...`.
    Stop { names: Vec<String> },
}

/// What `ps` and `inspect` read of a container.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContainerView<'a> {
    /// 64 hex digits.
    pub id: &'a str,
    pub name: &'a str,
    pub image: &'a str,
    pub command: &'a str,
    /// How long ago it was created and started, in ms of virtual time.
    pub age_ms: u64,
    pub ports: &'a str,
    pub pid: u32,
    pub ip: &'a str,
    /// Its exit status and how long ago it exited (ms), once stopped.
    pub exited: Option<(i32, u64)>,
}

struct Sub {
    name: &'static str,
    usage: &'static str,
    /// (long, short, takes a value)
    flags: &'static [(&'static str, Option<char>, bool)],
    min_args: usize,
}

const EXEC: Sub = Sub {
    name: "exec",
    usage: "docker exec [OPTIONS] CONTAINER COMMAND [ARG...]",
    flags: &[
        ("detach", Some('d'), false),
        ("detach-keys", None, true),
        ("env", Some('e'), true),
        ("env-file", None, true),
        ("interactive", Some('i'), false),
        ("privileged", None, false),
        ("tty", Some('t'), false),
        ("user", Some('u'), true),
        ("workdir", Some('w'), true),
    ],
    min_args: 2,
};

const PS: Sub = Sub {
    name: "ps",
    usage: "docker ps [OPTIONS]",
    flags: &[
        ("all", Some('a'), false),
        ("filter", Some('f'), true),
        ("format", None, true),
        ("last", Some('n'), true),
        ("latest", Some('l'), false),
        ("no-trunc", None, false),
        ("quiet", Some('q'), false),
        ("size", Some('s'), false),
    ],
    min_args: 0,
};

const RUN: Sub = Sub {
    name: "run",
    usage: "docker run [OPTIONS] IMAGE [COMMAND] [ARG...]",
    flags: &[
        ("detach", Some('d'), false),
        ("env", Some('e'), true),
        ("interactive", Some('i'), false),
        ("name", None, true),
        ("publish", Some('p'), true),
        ("rm", None, false),
        ("tty", Some('t'), false),
    ],
    min_args: 1,
};

const RM: Sub = Sub {
    name: "rm",
    usage: "docker rm [OPTIONS] CONTAINER [CONTAINER...]",
    flags: &[("force", Some('f'), false), ("volumes", Some('v'), false)],
    min_args: 1,
};

const STOP: Sub = Sub {
    name: "stop",
    usage: "docker stop [OPTIONS] CONTAINER [CONTAINER...]",
    flags: &[("time", Some('t'), true)],
    min_args: 1,
};

const INSPECT: Sub = Sub {
    name: "inspect",
    usage: "docker inspect [OPTIONS] NAME|ID [NAME|ID...]",
    flags: &[("format", Some('f'), true), ("size", Some('s'), false), ("type", None, true)],
    min_args: 1,
};

/// Docker's commands this lab does not carry out: named so, rather than
/// called unknown.
const NOT_HERE: &[&str] = &[
    "run",
    "rm",
    "stop",
    "start",
    "restart",
    "kill",
    "create",
    "pull",
    "push",
    "build",
    "images",
    "network",
    "logs",
    "cp",
    "commit",
    "attach",
    "pause",
    "unpause",
    "rename",
    "top",
    "port",
    "stats",
    "volume",
    "compose",
    "container",
    "image",
    "system",
    "info",
    "version",
    "login",
    "logout",
    "search",
    "tag",
    "save",
    "load",
];

fn flag_error(sub: &Sub, msg: String) -> Output {
    Output::error(
        format!("{msg}\n\nUsage:  {}\n\nRun 'docker {} --help' for more information\n", sub.usage, sub.name),
        125,
    )
}

/// The flags a command line gave (short letter, or `-` for a long-only
/// flag, and the value), and its arguments.
type Read = (Vec<(char, String)>, Vec<String>);

/// Reads the subcommand's flags (pflag: flags stop at the first argument
/// for exec, anywhere for the others).
fn flags(sub: &Sub, args: &[String]) -> Result<Read, Output> {
    let interspersed = sub.name != "exec";
    let mut got = Vec::new();
    let mut rest = Vec::new();
    let mut i = 0;
    while i < args.len() {
        let a = &args[i];
        i += 1;
        if a == "--" {
            rest.extend(args[i..].iter().cloned());
            break;
        }
        if !a.starts_with('-') || a == "-" {
            rest.push(a.clone());
            if !interspersed {
                rest.extend(args[i..].iter().cloned());
                break;
            }
            continue;
        }
        if let Some(long) = a.strip_prefix("--") {
            let (name, value) = match long.split_once('=') {
                Some((n, v)) => (n, Some(v.to_string())),
                None => (long, None),
            };
            let Some(f) = sub.flags.iter().find(|f| f.0 == name) else {
                return Err(flag_error(sub, format!("unknown flag: --{name}")));
            };
            let key = f.1.unwrap_or('-');
            let value = match (f.2, value) {
                (true, Some(v)) => v,
                (true, None) => match args.get(i) {
                    Some(v) => {
                        i += 1;
                        v.clone()
                    }
                    None => return Err(flag_error(sub, format!("flag needs an argument: --{name}"))),
                },
                (false, v) => v.unwrap_or_default(),
            };
            got.push((key, format!("{name}={value}")));
            continue;
        }
        let letters: Vec<char> = a[1..].chars().collect();
        for (j, c) in letters.iter().enumerate() {
            let Some(f) = sub.flags.iter().find(|f| f.1 == Some(*c)) else {
                return Err(flag_error(sub, format!("unknown shorthand flag: '{c}' in {a}")));
            };
            if f.2 {
                let attached: String = letters[j + 1..].iter().collect();
                let value = if !attached.is_empty() {
                    attached.trim_start_matches('=').to_string()
                } else if let Some(v) = args.get(i) {
                    i += 1;
                    v.clone()
                } else {
                    return Err(flag_error(sub, format!("flag needs an argument: '{c}' in {a}")));
                };
                got.push((*c, value));
                break;
            }
            got.push((*c, String::new()));
        }
    }
    if rest.len() < sub.min_args {
        let n = sub.min_args;
        let plural = if n == 1 { "argument" } else { "arguments" };
        return Err(Output::error(
            format!(
                "docker: 'docker {}' requires at least {n} {plural}\n\nUsage:  {}\n\nSee 'docker {} --help' for more information\n",
                sub.name, sub.usage, sub.name
            ),
            1,
        ));
    }
    Ok((got, rest))
}

/// Reads a `docker` command line (`args` after `docker`).
pub fn parse(args: &[String]) -> Result<Docker, Output> {
    let Some(cmd) = args.first() else {
        return Err(Output::error(
            "docker: the lab's docker runs `docker exec`, `docker ps` and `docker inspect -f` on its preset's containers\n",
            1,
        ));
    };
    let rest = &args[1..];
    match cmd.as_str() {
        "exec" => {
            let (_, mut rest) = flags(&EXEC, rest)?;
            let container = rest.remove(0);
            Ok(Docker::Exec { container, argv: rest })
        }
        "ps" => {
            let (got, _) = flags(&PS, rest)?;
            let has = |c: char| got.iter().any(|g| g.0 == c);
            let no_trunc = got.iter().any(|g| g.1.starts_with("no-trunc"));
            Ok(Docker::Ps { all: has('a'), quiet: has('q'), no_trunc })
        }
        "inspect" => {
            let (got, names) = flags(&INSPECT, rest)?;
            let format = got.iter().rev().find(|g| g.0 == 'f').map(|g| g.1.trim_start_matches("format=").to_string());
            match format {
                Some(format) => Ok(Docker::Inspect { format, names }),
                None => Err(Output::error(
                    "docker: this lab's `docker inspect` prints fields with -f '{{.State.Pid}}', '{{.NetworkSettings.IPAddress}}', '{{.Name}}' or '{{.Id}}'\n",
                    1,
                )),
            }
        }
        "run" => {
            let (got, rest) = flags(&RUN, rest)?;
            let name = got.iter().rev().find(|g| g.1.starts_with("name=")).map(|g| g.1["name=".len()..].to_string());
            let detach = got.iter().any(|g| g.0 == 'd');
            Ok(Docker::Run { name, image: rest[0].clone(), detach })
        }
        "rm" => {
            let (got, names) = flags(&RM, rest)?;
            Ok(Docker::Rm { force: got.iter().any(|g| g.0 == 'f'), names })
        }
        "stop" => {
            let (_, names) = flags(&STOP, rest)?;
            Ok(Docker::Stop { names })
        }
        c if NOT_HERE.contains(&c) => Err(Output::error(
            format!(
                "docker: '{c}' is not available in this lab (docker run -d, exec, ps, inspect -f, stop and rm work)\n"
            ),
            1,
        )),
        c => Err(Output::error(
            format!("docker: unknown command: docker {c}\n\nRun 'docker --help' for more information\n"),
            1,
        )),
    }
}

/// What the client says where no Docker daemon runs (recorded); `run`
/// says it as its other errors, with its help line and status 125.
pub fn no_daemon(run: bool) -> Output {
    let msg = "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?";
    match run {
        false => Output::error(format!("{msg}\n"), 1),
        true => Output::error(format!("docker: {msg}\n\nRun 'docker run --help' for more information\n"), 125),
    }
}

/// The daemon's answer for a name another container has.
pub fn name_in_use(name: &str, id: &str) -> Output {
    Output::error(
        format!("docker: Error response from daemon: Conflict. The container name \"/{name}\" is already in use by container \"{id}\". You have to remove (or rename) that container to be able to reuse that name.\n\nRun 'docker run --help' for more information\n"),
        125,
    )
}

/// The daemon's answer for a name no container has.
pub fn no_such_container(name: &str) -> Output {
    Output::error(format!("Error response from daemon: No such container: {name}\n"), 1)
}

/// The daemon's answer for `exec` in a stopped container (its full id).
pub fn not_running(id: &str) -> Output {
    Output::error(format!("Error response from daemon: container {id} is not running\n"), 1)
}

/// runc's failure for a program the container does not have (printed on
/// stdout by the client: docker/cli#2025), status 126.
pub fn exec_failed(program: &str) -> Output {
    let mut out = Output::status(126);
    out.out(format!(
        "OCI runtime exec failed: exec failed: unable to start container process: exec: \"{program}\": executable file not found in $PATH: unknown\n"
    ));
    out
}

/// go-units' `HumanDuration`.
pub fn human_duration(ms: u64) -> String {
    let s = ms / 1000;
    let minutes = s / 60;
    let hours = (ms + 1_800_000) / 3_600_000;
    match () {
        _ if s < 1 => "Less than a second".into(),
        _ if s == 1 => "1 second".into(),
        _ if s < 60 => format!("{s} seconds"),
        _ if minutes == 1 => "About a minute".into(),
        _ if minutes < 60 => format!("{minutes} minutes"),
        _ if hours == 1 => "About an hour".into(),
        _ if hours < 48 => format!("{hours} hours"),
        _ if hours < 24 * 7 * 2 => format!("{} days", hours / 24),
        _ if hours < 24 * 30 * 2 => format!("{} weeks", hours / 24 / 7),
        _ if hours < 24 * 365 * 2 => format!("{} months", hours / 24 / 30),
        _ => format!("{} years", ms / 3_600_000 / 24 / 365),
    }
}

/// `docker ps`: docker/cli's table through Go's tabwriter (minimum width
/// 10, padding 3; the last column unpadded), the command quoted and cut
/// to 20 characters with an ellipsis unless `--no-trunc`.
pub fn ps(containers: &[ContainerView], all: bool, quiet: bool, no_trunc: bool) -> Output {
    let shown: Vec<&ContainerView> = containers.iter().filter(|c| all || c.exited.is_none()).collect();
    let mut out = Output::new();
    let id = |c: &ContainerView| if no_trunc { c.id.to_string() } else { c.id.chars().take(12).collect() };
    if quiet {
        for c in shown {
            out.out(format!("{}\n", id(c)));
        }
        return out;
    }
    let mut rows: Vec<[String; 7]> =
        vec![["CONTAINER ID", "IMAGE", "COMMAND", "CREATED", "STATUS", "PORTS", "NAMES"].map(String::from)];
    for c in shown {
        let command = if no_trunc || c.command.chars().count() <= 20 {
            c.command.to_string()
        } else {
            let cut: String = c.command.chars().take(19).collect();
            format!("{cut}…")
        };
        let age = human_duration(c.age_ms);
        rows.push([
            id(c),
            c.image.to_string(),
            format!("\"{command}\""),
            format!("{age} ago"),
            match c.exited {
                None => format!("Up {age}"),
                Some((status, ago)) => format!("Exited ({status}) {} ago", human_duration(ago)),
            },
            c.ports.to_string(),
            c.name.to_string(),
        ]);
    }
    let widths: Vec<usize> =
        (0..6).map(|i| rows.iter().map(|r| r[i].chars().count() + 3).max().unwrap_or(0).max(10)).collect();
    for r in rows {
        let mut line = String::new();
        for (i, cell) in r.iter().enumerate() {
            line += cell;
            if i < 6 {
                line += &" ".repeat(widths[i] - cell.chars().count());
            }
        }
        out.out(format!("{line}\n"));
    }
    out
}

/// One field of `docker inspect -f TEMPLATE` (the templates a learner
/// needs to reach a container's namespace); `Err` for any other.
pub fn inspect_field(template: &str, c: &ContainerView) -> Result<String, Output> {
    let inner = template.trim().strip_prefix("{{").and_then(|t| t.strip_suffix("}}")).map(str::trim);
    match inner {
        Some(".State.Pid") => Ok(c.pid.to_string()),
        Some(".NetworkSettings.IPAddress") => Ok(c.ip.to_string()),
        Some(".Name") => Ok(format!("/{}", c.name)),
        Some(".Id") => Ok(c.id.to_string()),
        Some(".State.Running") => Ok(c.exited.is_none().to_string()),
        _ => Err(Output::error(
            format!("docker: this lab's `docker inspect` does not print {template:?}: it knows {{{{.State.Pid}}}}, {{{{.NetworkSettings.IPAddress}}}}, {{{{.Name}}}} and {{{{.Id}}}}\n"),
            1,
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn exec_takes_flags_before_the_container_only() {
        assert_eq!(
            parse(&args("exec -it web ip -br addr")).unwrap(),
            Docker::Exec { container: "web".into(), argv: args("ip -br addr") }
        );
        assert_eq!(
            parse(&args("exec -e A=1 web env -i")).unwrap(),
            Docker::Exec { container: "web".into(), argv: args("env -i") }
        );
    }

    #[test]
    fn client_errors_are_as_recorded() {
        let err = |s: &str| {
            let o = parse(&args(s)).unwrap_err();
            (o.stderr(), o.status)
        };
        assert_eq!(err("exec web").1, 1);
        assert!(err("exec web")
            .0
            .starts_with("docker: 'docker exec' requires at least 2 arguments\n\nUsage:  docker exec"));
        assert_eq!(err("exec --bogus web ip"), ("unknown flag: --bogus\n\nUsage:  docker exec [OPTIONS] CONTAINER COMMAND [ARG...]\n\nRun 'docker exec --help' for more information\n".into(), 125));
        assert_eq!(err("inspect -f").0, "flag needs an argument: 'f' in -f\n\nUsage:  docker inspect [OPTIONS] NAME|ID [NAME|ID...]\n\nRun 'docker inspect --help' for more information\n");
        assert_eq!(err("foo").0, "docker: unknown command: docker foo\n\nRun 'docker --help' for more information\n");
    }

    #[test]
    fn ps_pads_as_tabwriter_does() {
        let c = ContainerView {
            id: "4c01db0b339cbb6d1f5fd2ab4dcf4f25bdcfbd5e5ae0c1d5e0b7e3e6b5e8ac11",
            name: "web",
            image: "nginx",
            command: "/docker-entrypoint.sh nginx -g 'daemon off;'",
            age_ms: 2 * 3_600_000,
            ports: "80/tcp",
            pid: 1043,
            ip: "172.17.0.2",
            exited: None,
        };
        let text = ps(&[c], false, false, false).stdout();
        assert_eq!(
            text,
            "CONTAINER ID   IMAGE     COMMAND                  CREATED       STATUS       PORTS     NAMES\n\
             4c01db0b339c   nginx     \"/docker-entrypoint.…\"   2 hours ago   Up 2 hours   80/tcp    web\n"
        );
    }
}
