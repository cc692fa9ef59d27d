//! iptables across the on-demand module's wire (`tools::elsewhere`), as the
//! site runs it, against iptables linked in. Needs the `tools-elsewhere`
//! feature, which the workspace's test run has (text-tools/ asks for it).

use sim_core::kernel::{Kernel, NsId};
use sim_core::netlink::netfilter::{Netfilter, SimNetfilter, TableId};
use sim_core::tools::elsewhere::{iptables, serve};
use sim_shell::coreutils::wire::Call;

/// The site's path (a copy of the tables through `serve`) against the
/// linked one, command by command: the same output, the same tables.
#[test]
fn iptables_elsewhere_prints_and_commits_as_linked() {
    sim_shell::coreutils::set_runner(serve);
    let script = [
        "iptables -t nat -A POSTROUTING -s 10.0.0.0/24 ! -o br0 -j MASQUERADE",
        "iptables -A FORWARD -i br0 -j ACCEPT",
        "iptables -t nat -L -n -v",
        "iptables -S",
        "iptables -A NOPE -j DROP",
        "iptables -t nat -D POSTROUTING 1",
        "iptables -t nat -S",
        "iptables -t nat -A POSTROUTING -j MASQUERADE",
    ];
    let (mut linked, mut copy) = (Kernel::new(0), Kernel::new(0));
    for line in script {
        let argv: Vec<String> = line.split(' ').map(String::from).collect();
        let want = sim_core::tools::iptables::run(&mut SimNetfilter::new(&mut linked, NsId::HOST), &argv);
        let got = iptables(&mut SimNetfilter::new(&mut copy, NsId::HOST), &argv, "", 0);
        assert_eq!(got, want, "{line}");
        for id in [TableId::Nat, TableId::Filter] {
            let a = SimNetfilter::new(&mut linked, NsId::HOST).table(id);
            assert_eq!(SimNetfilter::new(&mut copy, NsId::HOST).table(id), a, "{line}");
        }
    }
}

#[test]
fn a_damaged_call_changes_nothing() {
    let reply = serve(&Call { argv: vec!["iptables".into(), "-F".into()], stdin: String::new(), state: vec![9] });
    assert_eq!((reply.output.status, reply.state.len()), (4, 0));
}
