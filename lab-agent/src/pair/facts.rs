//! What a paired page is told about the machine (`HostFacts`).

use lab_protocol::HostFacts;

fn proc_text(path: &str) -> String {
    std::fs::read_to_string(path).map(|s| s.trim().to_string()).unwrap_or_default()
}

/// The machine's name, kernel release and iproute2 version (`ip -V`'s,
/// empty when the machine has no `ip`).
pub fn host_facts(inspect: bool) -> HostFacts {
    let ip = std::process::Command::new("ip").arg("-V").output().ok();
    let iproute2 = ip
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
        .and_then(|t| {
            Some(t.split("iproute2-"))
                .and_then(|mut s| s.nth(1))
                .map(|v| v.split([',', ' ', '\n']).next().unwrap_or("").to_string())
        })
        .unwrap_or_default();
    HostFacts {
        hostname: proc_text("/proc/sys/kernel/hostname"),
        kernel: proc_text("/proc/sys/kernel/osrelease"),
        iproute2,
        inspect,
    }
}
