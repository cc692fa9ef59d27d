//! lab-agent: replays nslab scenarios on the simulator (and, later, a real
//! kernel), and gives instructors an interactive prompt on the simulator.

use std::io::{BufRead, Write};

use anyhow::{bail, Context, Result};
use sim_core::transcript;

const USAGE: &str = "usage: lab-agent replay [--engine sim] [--seed N] [--trace] SCRIPT
       lab-agent compare EXPECTED.txt ACTUAL.txt
       lab-agent sim [--seed N]      (an interactive prompt on the simulator)";

fn main() {
    match run(std::env::args().skip(1).collect()) {
        Ok(code) => std::process::exit(code),
        Err(e) => {
            eprintln!("lab-agent: {e:#}");
            std::process::exit(2);
        }
    }
}

fn run(args: Vec<String>) -> Result<i32> {
    let Some(cmd) = args.first() else {
        eprintln!("{USAGE}");
        return Ok(2);
    };
    let mut seed = 0u64;
    let mut engine = "sim".to_string();
    let mut trace = false;
    let mut files = Vec::new();
    let mut it = args[1..].iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--seed" => seed = it.next().context("--seed needs a number")?.parse().context("--seed needs a number")?,
            "--engine" => engine = it.next().context("--engine needs sim or kernel")?.clone(),
            "--trace" => trace = true,
            _ => files.push(a.clone()),
        }
    }
    match cmd.as_str() {
        "replay" => {
            let [script] = files.as_slice() else { bail!("replay takes one SCRIPT\n{USAGE}") };
            if engine != "sim" {
                bail!("engine {engine:?} is not available yet (only \"sim\")");
            }
            let text = std::fs::read_to_string(script).with_context(|| format!("reading {script}"))?;
            print!("{}", transcript::replay_with(&text, seed, trace));
            Ok(0)
        }
        "compare" => {
            let [a, b] = files.as_slice() else { bail!("compare takes EXPECTED ACTUAL\n{USAGE}") };
            let exp = std::fs::read_to_string(a).with_context(|| format!("reading {a}"))?;
            let act = std::fs::read_to_string(b).with_context(|| format!("reading {b}"))?;
            let (same, bad) = transcript::compare(&exp, &act);
            for m in &bad {
                println!(
                    "--- $ {}\n    expected:\n{}\n    actual:\n{}",
                    m.command,
                    indent(&m.expected),
                    indent(m.actual.as_deref().unwrap_or("<command missing>"))
                );
            }
            println!("{same}/{} commands match", same + bad.len());
            Ok(i32::from(!bad.is_empty()))
        }
        "sim" => {
            let mut lab = sim_core::Lab::with_seed(seed);
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
                print!("{}", lab.run(line.trim_end_matches('\n')).text());
            }
        }
        _ => {
            eprintln!("{USAGE}");
            Ok(2)
        }
    }
}

fn indent(s: &str) -> String {
    s.split('\n').map(|l| format!("      {l}")).collect::<Vec<_>>().join("\n")
}
