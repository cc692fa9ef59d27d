//! Must-show 2: after a run, and after a run killed with SIGKILL followed by
//! a new start, the machine's links, routes and `ip netns list` are exactly
//! as before. Needs root (CI is root); observes the machine with the system
//! `ip`, which only reads.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions.
    unsafe { libc::geteuid() == 0 }
}

fn ip(args: &[&str]) -> String {
    let out = Command::new("ip").args(args).output().expect("system ip");
    String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr)
}

/// What must not change on the machine.
fn snapshot() -> String {
    let v6: String = ip(&["-6", "route", "show", "table", "all"])
        .lines()
        // Router-advertised routes count their lifetime down.
        .map(|l| l.split(" expires ").next().unwrap_or(l).to_string() + "\n")
        .collect();
    format!(
        "links:\n{}\nroutes:\n{}\n{}\nnetns:\n{}\n/run/netns exists: {}\n",
        ip(&["-o", "link", "show"]),
        ip(&["-4", "route", "show", "table", "all"]),
        v6,
        ip(&["netns", "list"]),
        Path::new("/run/netns").exists()
    )
}

fn script(text: &str) -> tempfile_path::TempScript {
    tempfile_path::TempScript::new(text)
}

/// A scenario file that removes itself.
mod tempfile_path {
    use std::path::PathBuf;

    pub struct TempScript(pub PathBuf);

    impl TempScript {
        pub fn new(text: &str) -> TempScript {
            use std::sync::atomic::{AtomicU32, Ordering};
            static N: AtomicU32 = AtomicU32::new(0);
            let p = std::env::temp_dir().join(format!(
                "lab-agent-test-{}-{}.sh",
                std::process::id(),
                N.fetch_add(1, Ordering::Relaxed)
            ));
            std::fs::write(&p, text).expect("write script");
            TempScript(p)
        }
    }

    impl Drop for TempScript {
        fn drop(&mut self) {
            let _ = std::fs::remove_file(&self.0);
        }
    }
}

const MAKE: &str = "ip netns add red
ip netns add blue
ip link add veth-red type veth peer name veth-blue
ip link set veth-red netns red
ip link set veth-blue netns blue
ip -n red addr add 10.0.0.1/24 dev veth-red
ip -n blue addr add 10.0.0.2/24 dev veth-blue
ip -n red link set veth-red up
ip -n blue link set veth-blue up
ip link add br0 type bridge
ip link add v0 type veth peer name v1
ip link set v0 master br0
ip addr add 192.0.2.1/24 dev br0
ip link set br0 up
ip route add 198.51.100.0/24 via 192.0.2.2
sysctl -w net.ipv4.ip_forward=1
";

fn replay(path: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_lab-agent"))
        .args(["replay", "--engine", "kernel"])
        .arg(path)
        .output()
        .expect("lab-agent runs")
}

#[test]
fn a_run_leaves_the_machine_as_it_was() {
    if !is_root() {
        eprintln!("skipped: the kernel engine needs root");
        return;
    }
    let before = snapshot();
    let s = script(MAKE);
    let out = replay(&s.0);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(!text.contains("[exit"), "every command worked inside the sandbox:\n{text}");
    assert_eq!(before, snapshot());
}

fn children_of(pid: u32) -> Vec<u32> {
    let mut out = Vec::new();
    for e in std::fs::read_dir("/proc").expect("/proc").flatten() {
        let Ok(p) = e.file_name().to_string_lossy().parse::<u32>() else { continue };
        let Ok(stat) = std::fs::read_to_string(format!("/proc/{p}/stat")) else { continue };
        // pid (comm) state ppid …: comm may hold spaces, so split after ')'.
        let ppid =
            stat.rsplit_once(')').and_then(|(_, r)| r.split_whitespace().nth(1)).and_then(|x| x.parse::<u32>().ok());
        if ppid == Some(pid) {
            out.push(p);
        }
    }
    out
}

fn net_ns_of(pid: u32) -> Option<std::path::PathBuf> {
    std::fs::read_link(format!("/proc/{pid}/ns/net")).ok()
}

/// Processes anywhere on the machine in network namespace `ns`.
fn processes_in(ns: &Path) -> Vec<u32> {
    std::fs::read_dir("/proc")
        .expect("/proc")
        .flatten()
        .filter_map(|e| e.file_name().to_string_lossy().parse::<u32>().ok())
        .filter(|p| net_ns_of(*p).as_deref() == Some(ns))
        .collect()
}

#[test]
fn a_killed_run_leaves_nothing_and_the_next_start_is_clean() {
    if !is_root() {
        eprintln!("skipped: the kernel engine needs root");
        return;
    }
    let before = snapshot();
    // Namespaces, devices, a route, then a long ping between two of them.
    let s = script(&format!("{MAKE}ip netns exec red ping -c 100 -i 0.2 10.0.0.2\n"));
    let mut agent = Command::new(env!("CARGO_BIN_EXE_lab-agent"))
        .args(["replay", "--engine", "kernel"])
        .arg(&s.0)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("lab-agent starts");
    let pid = agent.id();
    // Wait for the ping: everything before it has been made by then.
    let t0 = Instant::now();
    let ping = loop {
        if let Some(c) = children_of(pid).into_iter().next() {
            break c;
        }
        assert!(t0.elapsed() < Duration::from_secs(20), "the agent never started ping");
        std::thread::sleep(Duration::from_millis(20));
    };
    let sandbox = net_ns_of(pid).expect("agent's namespace");
    assert_ne!(net_ns_of(std::process::id()), Some(sandbox.clone()), "the agent runs in a namespace of its own");
    agent.kill().expect("SIGKILL");
    agent.wait().expect("reaped");
    // The ping dies with it (PR_SET_PDEATHSIG) and nothing stays in the sandbox.
    let t1 = Instant::now();
    while Path::new(&format!("/proc/{ping}")).exists()
        && std::fs::read_to_string(format!("/proc/{ping}/cmdline")).is_ok_and(|c| c.contains("ping"))
    {
        assert!(t1.elapsed() < Duration::from_secs(5), "ping outlived the agent");
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(processes_in(&sandbox).is_empty(), "a process is left in the sandbox");
    assert_eq!(before, snapshot(), "the killed run changed the machine");
    // A new start works and, again, leaves the machine as it was.
    let s2 = script(MAKE);
    let out = replay(&s2.0);
    assert!(out.status.success());
    assert!(!String::from_utf8_lossy(&out.stdout).contains("[exit"));
    assert_eq!(before, snapshot());
    let _ = std::io::stdout().flush();
}

/// Background jobs (servers, sleeps) end with the run, and `kill` reaches
/// no process outside the sandbox (signal 0 here: only asks).
#[test]
fn jobs_end_with_the_run_and_kill_stays_in_the_sandbox() {
    if !is_root() {
        eprintln!("skipped: the kernel engine needs root");
        return;
    }
    let me = std::process::id();
    let s = script(&format!(
        "ip netns add b
ip -n b link set lo up
ip netns exec b nc -l 127.0.0.1 8080 >/dev/null &
ip netns exec b sleep 100 &
sleep 100 &
sleep 0.3; ip netns pids b
kill -0 {me}; echo $?
kill -0 1; echo $?
"
    ));
    let t0 = Instant::now();
    let out = replay(&s.0);
    assert!(out.status.success(), "agent failed: {}", String::from_utf8_lossy(&out.stderr));
    assert!(t0.elapsed() < Duration::from_secs(30), "the run waited for its jobs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains(&format!("kill: ({me}) - No such process\n1\n")), "{text}");
    assert!(text.contains("kill: (1) - No such process\n1\n"), "{text}");
    let pids: Vec<u32> = text
        .split("$ sleep 0.3; ip netns pids b\n")
        .nth(1)
        .map(|rest| rest.lines().map_while(|l| l.parse().ok()).collect())
        .unwrap_or_default();
    assert_eq!(pids.len(), 2, "nc and sleep run in b:\n{text}");
    let t1 = Instant::now();
    while pids.iter().any(|p| Path::new(&format!("/proc/{p}")).exists()) {
        assert!(t1.elapsed() < Duration::from_secs(5), "a job outlived the agent");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// What the system's programs write by their own options lands in the
/// sandbox's `/tmp` (its own tmpfs), never the machine's: a text file
/// becomes the lab's (`cat` reads it), a binary one stays for the system's
/// programs (`tcpdump -r`).
#[test]
fn files_the_programs_write_stay_in_the_sandbox() {
    if !is_root() {
        eprintln!("skipped: the kernel engine needs root");
        return;
    }
    if ["nc", "curl", "tcpdump"].iter().any(|t| !Path::new("/usr/bin").join(t).is_file()) {
        eprintln!("skipped: needs nc, curl and tcpdump");
        return;
    }
    let page = format!("/tmp/lab-agent-test-{}.out", std::process::id());
    let pcap = format!("/tmp/lab-agent-test-{}.pcap", std::process::id());
    let s = script(&format!(
        "ip link set lo up
printf 'HTTP/1.0 200 OK\\r\\n\\r\\nhi\\n' | timeout 3 nc -l 127.0.0.1 8080 >/dev/null & sleep 0.3; curl -s -o {page} http://127.0.0.1:8080/; echo $?; wait
cat {page}
timeout 3 tcpdump -i lo -c 2 -w {pcap} icmp 2>/dev/null & sleep 0.5; ping -c 1 127.0.0.1 >/dev/null; wait
tcpdump -nn -r {pcap} 2>/dev/null | wc -l
"
    ));
    let out = replay(&s.0);
    assert!(out.status.success(), "agent failed: {}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains(&format!("$ cat {page}\nhi\n")), "{text}");
    assert!(text.ends_with("| wc -l\n2\n"), "{text}");
    assert!(!Path::new(&page).exists() && !Path::new(&pcap).exists(), "a file reached the machine's /tmp");
}

/// Odd input reaches the kernel only once it parses, and never panics.
#[test]
fn odd_input_is_refused_without_a_panic() {
    if !is_root() {
        eprintln!("skipped: the kernel engine needs root");
        return;
    }
    let lines = [
        "ip netns add ../escape",
        "ip netns add a/b",
        "ip netns delete ..",
        "ip netns exec nowhere ping -c 1 127.0.0.1",
        "ip -n ../.. link",
        "sysctl -w ../../../etc/x=1",
        "sysctl net.ipv4.nonexistent",
        "sysctl -w net.ipv4.ip_forward=banana",
        "ip link add x type veth peer name x",
        "ip link add aaaaaaaaaaaaaaaaaaaa type bridge",
        "ip link set lo mtu 70000",
        "ip link set lo address ff:ff:ff:ff:ff:ff",
        "ip link set lo master lo",
        "ip link del lo",
        "ip addr add 10.0.0.1/33 dev lo",
        "ip addr del 10.9.9.9/24 dev lo",
        "ip addr flush dev lo",
        "ip route add 10.0.0.0/8 dev lo table 4000000000",
        "ip route del default",
        "ip route add 10.1.0.0/16 via 10.2.0.1 onlink",
        "ip neigh add 10.0.0.9 dev lo",
        "ip neigh del 10.0.0.9 dev lo",
        "ifconfig lo 300.1.1.1",
        "bridge link show",
        "bridge fdb show",
        "ip netns exec",
        "sudo",
        "nonexistent-program --flag",
    ];
    let s = script(&(lines.join("\n") + "\n"));
    let out = replay(&s.0);
    assert!(out.status.success(), "agent failed: {}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(text.lines().filter(|l| l.starts_with("$ ")).count(), lines.len());
    assert!(!text.contains("panicked"));
    // Nothing climbed out of /run/netns or /proc/sys.
    assert!(!Path::new("/run/escape").exists() && !Path::new("/etc/x").exists());
}
