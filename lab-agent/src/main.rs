//! lab-agent: replays nslab scenarios on the simulator or on a real kernel
//! (inside a sandbox), diffs the two, and gives instructors an interactive
//! prompt on the simulator.

use std::io::{BufRead, Write};

use anyhow::{bail, Context, Result};
use lab_agent::host::KernelLab;
use lab_agent::{replay, sandbox};
use sim_core::transcript;

const USAGE: &str =
    "usage: lab-agent replay [--engine sim|kernel] [--seed N] [--preset NAME] [--trace] [--batch] SCRIPT
                (--preset: the simulator starts from a lab preset: cloud-host, docker-host, kind-node;
                 --trace: the simulator prints each command's packet trace after its output;
                 --batch: the kernel engine does not wait for the kernel's deferred
                 work between commands, as `ip -batch` does not)
       lab-agent diff [--seed N] SCRIPT     (kernel vs simulator; exit 1 on any difference)
       lab-agent compare EXPECTED.txt ACTUAL.txt
       lab-agent sim [--seed N] [--preset NAME]   (an interactive prompt on the simulator)
       lab-agent kernel              (an interactive prompt on a sandboxed real kernel)
       lab-agent lesson check [--sim-only] FILE.md|DIR...
                (validates lessons, plays them on the simulator step by step and, as root,
                 on the real kernel; exit 1 on any problem; a DIR's lessons as the site
                 reads them: NN-slug.md, not README.md)
       lab-agent serve [--listen ADDR:PORT] [--token TOKEN | --token-file FILE]
                       [--allow-origin ORIGIN]... [--site DIR] [--inspect-host]
                       [--tls-cert FILE --tls-key FILE | --insecure]
                       [--max-sessions N] [--grace SECS] [--idle SECS] [--rate N]
                (pairs pages with this kernel: each learner gets a sandbox; --inspect-host:
                 show commands on the machine's own namespaces instead; see lab-agent/PROTOCOL.md)";

fn main() {
    match run(std::env::args().skip(1).collect()) {
        Ok(code) => std::process::exit(code),
        Err(e) => {
            eprintln!("lab-agent: {e:#}");
            std::process::exit(2);
        }
    }
}

/// The kernel engine's transcript of a script, run in a fresh sandbox.
/// Called once per process: the sandbox is the process's namespaces.
fn kernel_transcript(text: &str, batch: bool) -> Result<String> {
    sandbox::enter()?;
    let mut lab = KernelLab::new()?;
    if batch {
        lab.set_pace(std::time::Duration::ZERO);
    }
    Ok(replay::transcript(text, |c| lab.run_command(c)))
}

fn run(args: Vec<String>) -> Result<i32> {
    let Some(cmd) = args.first() else {
        eprintln!("{USAGE}");
        return Ok(2);
    };
    match cmd.as_str() {
        "serve" => return serve(&args[1..]),
        "lesson" if args.get(1).is_some_and(|a| a == "check") => return lesson_check(&args[2..]),
        // A session of `serve`, speaking JSON lines on stdin/stdout.
        "session" if args.get(1).is_some_and(|a| a == "--inspect-host") => {
            let mut lab = KernelLab::new()?;
            lab.set_read_only();
            lab_agent::pair::session::run(lab);
            return Ok(0);
        }
        "session" => {
            sandbox::enter()?;
            sandbox::confine()?;
            let mut lab = KernelLab::new()?;
            lab.confine();
            lab_agent::pair::session::run(lab);
            return Ok(0);
        }
        _ => {}
    }
    let mut seed = 0u64;
    let mut engine = "sim".to_string();
    let mut batch = false;
    let mut trace = false;
    let mut preset: Option<String> = None;
    let mut files = Vec::new();
    let mut it = args[1..].iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--seed" => seed = it.next().context("--seed needs a number")?.parse().context("--seed needs a number")?,
            "--engine" => engine = it.next().context("--engine needs sim or kernel")?.clone(),
            "--batch" => batch = true,
            "--trace" => trace = true,
            "--preset" => preset = Some(it.next().context("--preset needs a name")?.clone()),
            _ => files.push(a.clone()),
        }
    }
    match cmd.as_str() {
        "replay" => {
            let [script] = files.as_slice() else { bail!("replay takes one SCRIPT\n{USAGE}") };
            let text = std::fs::read_to_string(script).with_context(|| format!("reading {script}"))?;
            match engine.as_str() {
                "sim" => print!("{}", transcript::replay_on(&mut sim_lab(seed, preset.as_deref())?, &text, trace)),
                "kernel" if preset.is_some() => {
                    bail!("--preset is the simulator's (on a real host, run the preset's script first: sim-core/src/lab/presets/NAME.sh)")
                }
                "kernel" if trace => bail!("--trace is a simulator feature (the kernel engine has no packet trace)"),
                "kernel" => print!("{}", kernel_transcript(&text, batch)?),
                other => bail!("unknown engine {other:?} (sim or kernel)"),
            }
            Ok(0)
        }
        "diff" => {
            let [script] = files.as_slice() else { bail!("diff takes one SCRIPT\n{USAGE}") };
            let text = std::fs::read_to_string(script).with_context(|| format!("reading {script}"))?;
            let sim = transcript::replay(&text, seed);
            let kernel = kernel_transcript(&text, batch)?;
            let (same, bad) = replay::diff(&kernel, &sim);
            for m in &bad {
                print!("{}", replay::render(m, "kernel", "sim"));
            }
            println!("{same}/{} commands match", same + bad.len());
            Ok(i32::from(!bad.is_empty()))
        }
        "compare" => {
            let [a, b] = files.as_slice() else { bail!("compare takes EXPECTED ACTUAL\n{USAGE}") };
            let exp = std::fs::read_to_string(a).with_context(|| format!("reading {a}"))?;
            let act = std::fs::read_to_string(b).with_context(|| format!("reading {b}"))?;
            let (same, bad) = transcript::compare(&exp, &act);
            for m in &bad {
                print!("{}", replay::render(m, "expected", "actual"));
            }
            println!("{same}/{} commands match", same + bad.len());
            Ok(i32::from(!bad.is_empty()))
        }
        "sim" => {
            let mut lab = sim_lab(seed, preset.as_deref())?;
            prompt(|line| lab.run(line).text())
        }
        "kernel" => {
            sandbox::enter()?;
            let mut lab = KernelLab::new()?;
            prompt(|line| lab.run(line).text())
        }
        _ => {
            eprintln!("{USAGE}");
            Ok(2)
        }
    }
}

/// The simulator's lab: a fresh host from `seed`, or a lab preset.
fn sim_lab(seed: u64, preset: Option<&str>) -> Result<sim_core::Lab> {
    match preset {
        None => Ok(sim_core::Lab::with_seed(seed)),
        Some(name) => sim_core::Lab::with_preset(name)
            .with_context(|| format!("no preset {name:?} (the presets: {})", sim_core::lab::presets::NAMES.join(", "))),
    }
}

fn prompt(mut run: impl FnMut(&str) -> String) -> Result<i32> {
    let stdin = std::io::stdin();
    let mut out = std::io::stdout();
    loop {
        print!("root@host:~# ");
        out.flush()?;
        let mut line = String::new();
        if stdin.lock().read_line(&mut line)? == 0 {
            println!();
            return Ok(0);
        }
        print!("{}", run(line.trim_end_matches('\n')));
    }
}

/// `lab-agent serve OPTIONS`.
fn serve(args: &[String]) -> Result<i32> {
    use lab_agent::pair::serve::Config;
    let mut config = Config {
        listen: "127.0.0.1:8377".parse()?,
        token: String::new(),
        origins: Vec::new(),
        site: "dist".into(),
        inspect_host: false,
        max_sessions: 32,
        grace: std::time::Duration::from_secs(30),
        idle: std::time::Duration::from_secs(30 * 60),
        rate: 50,
        tls: None,
    };
    let mut insecure = false;
    let (mut cert, mut key) = (None, None);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = || it.next().with_context(|| format!("{a} needs a value"));
        match a.as_str() {
            "--listen" => config.listen = value()?.parse().context("--listen needs ADDR:PORT")?,
            "--token" => config.token = value()?.clone(),
            "--token-file" => {
                let f = value()?;
                config.token = std::fs::read_to_string(f).with_context(|| format!("reading {f}"))?.trim().to_string();
            }
            "--allow-origin" => config.origins.push(value()?.trim_end_matches('/').to_string()),
            "--site" => config.site = value()?.into(),
            "--max-sessions" => config.max_sessions = value()?.parse().context("--max-sessions needs a number")?,
            "--grace" => {
                config.grace = std::time::Duration::from_secs(value()?.parse().context("--grace needs seconds")?)
            }
            "--idle" => config.idle = std::time::Duration::from_secs(value()?.parse().context("--idle needs seconds")?),
            "--rate" => config.rate = value()?.parse().context("--rate needs a number")?,
            "--insecure" => insecure = true,
            "--inspect-host" => config.inspect_host = true,
            "--tls-cert" => cert = Some(std::path::PathBuf::from(value()?)),
            "--tls-key" => key = Some(std::path::PathBuf::from(value()?)),
            other => bail!("unknown option {other}\n{USAGE}"),
        }
    }
    config.tls = match (cert, key) {
        (Some(c), Some(k)) => Some((c, k)),
        (None, None) => None,
        _ => bail!("--tls-cert and --tls-key go together"),
    };
    if !config.listen.ip().is_loopback() && !insecure && config.tls.is_none() {
        bail!(
            "{} is not a loopback address: a token would cross the network in clear. Forward the port over SSH instead (ssh -L PORT:127.0.0.1:PORT VM), or give --tls-cert and --tls-key for wss, or add --insecure on a network you trust",
            config.listen.ip()
        );
    }
    if config.token.is_empty() {
        let mut bytes = [0u8; 16];
        getrandom::fill(&mut bytes).map_err(|e| anyhow::anyhow!("drawing a token: {e}"))?;
        config.token = bytes.iter().map(|b| format!("{b:02x}")).collect();
    }
    lab_agent::pair::serve::run(config)?;
    Ok(0)
}

/// `lab-agent lesson check [--sim-only] FILE.md|DIR…`.
fn lesson_check(args: &[String]) -> Result<i32> {
    let sim_only = args.iter().any(|a| a == "--sim-only");
    let mut files: Vec<String> = Vec::new();
    for a in args.iter().filter(|a| *a != "--sim-only") {
        if std::path::Path::new(a).is_dir() {
            let dir = lesson_format::markdown::lesson_files(std::path::Path::new(a)).map_err(anyhow::Error::msg)?;
            files.extend(dir.iter().map(|p| p.display().to_string()));
        } else {
            files.push(a.clone());
        }
    }
    let [f] = files.as_slice() else {
        if files.is_empty() {
            bail!("lesson check takes one or more FILE.md\n{USAGE}");
        }
        // Each lesson in a process and a sandbox of its own: a lesson's
        // namespaces are never the next one's.
        let mut all_ok = true;
        for f in files {
            let mut cmd = std::process::Command::new(std::env::current_exe()?);
            cmd.args(["lesson", "check"]);
            if sim_only {
                cmd.arg("--sim-only");
            }
            all_ok &= cmd.arg(f).status()?.success();
        }
        return Ok(i32::from(!all_ok));
    };
    let path = std::path::Path::new(f.as_str());
    let src = std::fs::read_to_string(path).with_context(|| format!("reading {f}"))?;
    let mut kernel = if sim_only {
        None
    } else {
        sandbox::enter().context("the kernel half needs root (or --sim-only)")?;
        Some(KernelLab::new()?)
    };
    let report = lab_agent::lesson_check::check(path, &src, kernel.as_mut());
    print!("{}", report.text);
    Ok(i32::from(!report.ok))
}
