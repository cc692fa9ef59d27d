//! iptables across the on-demand module's wire (`tools::elsewhere`), as the
//! site runs it, against iptables linked in. Needs the `tools-elsewhere`
//! feature, which the workspace's test run has (text-tools/ asks for it).

use sim_core::kernel::{Kernel, NsId};
use sim_core::netlink::netfilter::{Family, Netfilter, SimNetfilter, TableId};
use sim_core::tools::elsewhere::{iptables, serve};
use sim_core::tools::iptables::program;
use sim_shell::coreutils::wire::Call;

/// The site's path (a copy of the tables through `serve`) against the
/// linked one, command by command: the same output, the same tables.
#[test]
fn iptables_elsewhere_prints_and_changes_as_linked() {
    sim_shell::coreutils::set_runner(serve);
    let restore = "*filter\n:INPUT DROP [5:500]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n:WEB - [0:0]\n\
                   -A INPUT -p tcp --dport 80 -j WEB\n-A WEB -j ACCEPT\nCOMMIT\n";
    let script: [(&str, &str); 16] = [
        ("iptables -t nat -A POSTROUTING -s 10.0.0.0/24 ! -o br0 -j MASQUERADE", ""),
        ("iptables -A FORWARD -i br0 -j ACCEPT", ""),
        ("iptables -t nat -L -n -v", ""),
        ("iptables -S", ""),
        ("iptables -A NOPE -j DROP", ""),
        ("iptables -t nat -D POSTROUTING 1", ""),
        ("iptables-save -c", ""),
        ("iptables-restore", restore),
        ("iptables -L -n --line-numbers", ""),
        ("iptables -X WEB", ""),
        ("iptables-restore", "*nat\nCOMMIT\n"),
        ("iptables-save", ""),
        ("ip6tables -A INPUT -s 2001:db8::/32 -p ipv6-icmp --icmpv6-type echo-request -j REJECT", ""),
        ("ip6tables -S", ""),
        ("ip6tables-restore", "*filter\n:INPUT DROP [0:0]\n-A INPUT -s fe80::/10 -j ACCEPT\nCOMMIT\n"),
        ("ip6tables-save", ""),
    ];
    let (mut linked, mut copy) = (Kernel::new(0), Kernel::new(0));
    for (line, stdin) in script {
        let argv: Vec<String> = line.split(' ').map(String::from).collect();
        let want = program(&mut SimNetfilter::new(&mut linked, NsId::HOST), &argv, stdin, 1_796_565_600);
        let got = iptables(&mut SimNetfilter::new(&mut copy, NsId::HOST), &argv, stdin, 1_796_565_600);
        assert_eq!(got, want, "{line}");
        for (f, id) in Family::ALL.into_iter().flat_map(|f| TableId::ALL.map(|id| (f, id))) {
            let a = SimNetfilter::new(&mut linked, NsId::HOST).table(f, id);
            assert_eq!(SimNetfilter::new(&mut copy, NsId::HOST).table(f, id), a, "{line}: {f:?} {}", id.name());
        }
    }
}

#[test]
fn a_damaged_call_changes_nothing() {
    let reply = serve(&Call { argv: vec!["iptables".into(), "-F".into()], stdin: String::new(), state: vec![9] });
    assert_eq!((reply.output.status, reply.state.len()), (4, 0));
}
