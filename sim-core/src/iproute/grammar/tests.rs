//! The grammars in expect style: each case renders what a command line
//! parses to (the typed command, or iproute2's text and exit status) and
//! compares it with the text written beside it.

use nom::multi::many0;

use super::keyword::{exact, first_of, kw, with_arg};
use super::value::{integer, ipv4, ipv6, lladdr, port_range, prefix, unsigned, whole};
use super::words::{end, next_arg, Words};
use super::{parse_argv, IpError};
use crate::iproute::args::Resolve;
use crate::iproute::batch::{lines, makeargs};
use crate::iproute::parse_object;

/// A kernel with `br0` (ifindex 3), the namespace `red`, and the parser in
/// the host's namespace.
struct Fake;

impl Resolve for Fake {
    fn ifindex(&mut self, name: &str) -> Option<u32> {
        (name == "br0").then_some(3)
    }
    fn netns_exists(&mut self, name: &str) -> bool {
        name == "red"
    }
}

fn argv(line: &str) -> Vec<String> {
    line.split_whitespace().map(str::to_string).collect()
}

/// `ip OBJECT …` parsed: the typed command, or `[status] text`.
fn ip(line: &str) -> String {
    match parse_object(&argv(line), crate::iproute::Family::Any, &mut Fake) {
        Ok(cmd) => format!("{cmd:?}"),
        Err(f) => format!("[{}] {}", f.status, f.text.trim_end()),
    }
}

fn check(actual: String, expect: &str) {
    assert_eq!(actual, expect, "\n  actual: {actual}\n  expect: {expect}");
}

#[test]
fn a_prefix_means_the_first_keyword_tried() {
    // `m` is `master` (tried first; `mtu` wants the whole word), `t` is
    // `txqueuelen` (before `type`).
    check(
        ip("link set dev x m br0 t 5"),
        "Link(Set { dev: \"x\", req: LinkChange { netns: None, address: None, mtu: None, name: None, alias: None, \
         master: Some(Some(3)), up: None, txqlen: Some(5), promisc: None, arp: None, multicast: None, addrgenmode: None }, pid: None })",
    );
    check(ip("link set dev x m nope"), "[255] Error: argument \"nope\" is wrong: Device does not exist");
    // `ip r` is `route`, `ip n` `neighbor`, `ip a` `address`, `ip l` `link`.
    check(ip("r g 10.0.0.1"), "Route(Get(10.0.0.1))");
    check(ip("n f"), "[1] Flush requires arguments.");
    // `all`, `any`, `default`: get_prefix()'s zero-length prefix (recorded:
    // capture/tcpdump-basics's `ip -n a neigh flush all`).
    check(ip("n f all"), "Neigh(Flush(Filter { family: Any, dev: None, nud: None, prefix: None, proxy: false }))");
    check(
        ip("n sh to default dev br0"),
        "Neigh(Show(Filter { family: Any, dev: Some(\"br0\"), nud: None, prefix: None, proxy: false }))",
    );
    check(ip("l z"), "[255] Command \"z\" is unknown, try \"ip link help\".");
    // `x` is `xstats` (recorded: iproute-parser-gaps-2).
    check(ip("l x"), "[1] xstats: missing argument");
    check(ip("li sh d br0"), "[255] Error: either \"dev\" is duplicate, or \"br0\" is a garbage.");
    check(ip("xyz"), "[1] Object \"xyz\" is unknown, try \"ip help\".");
}

#[test]
fn a_keyword_that_needs_a_value_commits() {
    // NEXT_ARG(): the keyword is taken, the missing value is not the device.
    check(ip("link set x mtu"), "[255] Command line is not complete. Try option \"help\"");
    check(ip("link add name"), "[255] Command line is not complete. Try option \"help\"");
    check(ip("route add 10.0.0.0/8 mtu lock"), "[255] Command line is not complete. Try option \"help\"");
    // A word that is no keyword is the device (iplink_parse's last branch).
    check(ip("link set mt mtu 1400").split(" req").next().unwrap_or("").to_string(), "Link(Set { dev: \"mt\",");
}

#[test]
fn errors_come_at_their_place_in_argv() {
    check(ip("link set x master nope mtu abc"), "[255] Error: argument \"nope\" is wrong: Device does not exist");
    check(ip("link set x mtu abc master nope"), "[255] Error: argument \"abc\" is wrong: Invalid \"mtu\" value");
    // A duplicate is found before the value is judged.
    check(ip("link set x mtu 1 mtu abc"), "[255] Error: duplicate \"mtu\": \"abc\" is the second value.");
    check(ip("link set x netns nope"), "[255] Error: argument \"nope\" is wrong: Invalid \"netns\" value");
    check(ip("link set x netns red netns 1"), "[255] Error: duplicate \"netns\": \"1\" is the second value.");
    check(ip("link set x netns 0x10").contains("pid: Some(NoSuchProcess)").to_string(), "true");
    check(ip("link set x netns 1").contains("pid: Some(Host)").to_string(), "true");
    check(ip("addr add 10.0.0.1/33 dev x"), "[1] Error: any valid prefix is expected rather than \"10.0.0.1/33\".");
    check(ip("neigh add 10.0.0.1 lladdr zz dev x"), "[1] \"zz\" is invalid lladdr.");
}

#[test]
fn words_compose_with_nom_combinators() {
    let v = argv("up up down");
    let r = parse_argv(&v, |i| {
        let (i, ups) = many0(kw("up"))(i)?;
        let (i, down) = exact("down")(i)?;
        let (i, ()) = end(i)?;
        Ok((i, format!("{} {down}", ups.len())))
    });
    check(format!("{r:?}"), "Ok(\"2 down\")");
    // first_of: the table's order decides, and the full keyword is yielded.
    let v = argv("ne");
    check(format!("{:?}", first_of(&["netns", "neighbor"])(Words::new(&v)).map(|(_, k)| k)), "Ok(\"netns\")");
    // A keyword that does not match is a recoverable error; a missing value
    // after one that did is a failure.
    let v = argv("mtu");
    check(format!("{:?}", kw("master")(Words::new(&v)).map(|(_, w)| w)), "Err(Error(NoMatch))");
    let e = with_arg(exact("mtu"))(Words::new(&v)).map(|(_, w)| w);
    check(format!("{:?}", e.map_err(|e| matches!(e, nom::Err::Failure(IpError::Fail(_))))), "Err(true)");
    check(format!("{:?}", next_arg(Words::new(&[])).is_err()), "true");
}

#[test]
fn values() {
    let u = |s: &str| format!("{:?}", whole(s, unsigned));
    check(
        [u("0x10"), u("010"), u("+5"), u("08"), u("4294967295"), u("4294967296"), u("")].join(" "),
        "Some(16) Some(8) Some(5) None Some(4294967295) None None",
    );
    let n = |s: &str| format!("{:?}", whole(s, integer));
    check(
        [n("-1"), n("0x10"), n("2147483648"), n("-2147483648"), n("1x")].join(" "),
        "Some(-1) Some(16) None Some(-2147483648) None",
    );
    let a = |s: &str| format!("{:?}", whole(s, ipv4));
    check(
        [a("10.1"), a("10.0.0.1"), a("256.0.0.1"), a("1.2.3.4.5"), a("1..2")].join(" "),
        "Some(10.1.0.0) Some(10.0.0.1) None None None",
    );
    let a6 = |s: &str| whole(s, ipv6).map_or("None".to_string(), |a| a.to_string());
    check(
        ["::", "::1", "fe80::1", "1:2:3:4:5:6:7:8", "1::", "::ffff:1.2.3.4", "1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:6:7::"]
            .map(a6)
            .join(" "),
        ":: ::1 fe80::1 1:2:3:4:5:6:7:8 1:: ::ffff:1.2.3.4 1:2:3:4:5:6:102:304 1:2:3:4:5:6:7:0",
    );
    check(
        ["1:2:3:4:5:6:7", "1::2::3", ":1::", "1:2:3:4:5:6:7:8:9", "12345::", "1.2.3.4::", "::1.2.3.04", "g::", ""]
            .map(a6)
            .join(" "),
        "None None None None None None None None None",
    );
    let p = |s: &str| format!("{:?}", whole(s, prefix).map(|p| (p.addr, p.len)));
    check(
        [p("10.0.0.0/8"), p("10.0.0.1"), p("10.0.0.0/33"), p("10.0.0.0/")].join(" "),
        "Some((10.0.0.0, Some(8))) Some((10.0.0.1, None)) None None",
    );
    let m = |s: &str| match lladdr(s) {
        Ok(b) => format!("{b:02x?}"),
        Err(f) => f.text.trim_end().to_string(),
    };
    check([m("aa:bb:cc:0:1:2"), m("br1"), m("0x1f: 2"), m("1.2.3.4"), m("1ff"), m("aa::bb")].join(" | "),
        "[aa, bb, cc, 00, 01, 02] | [0b] | [1f, 02] | [01, 02, 03, 04] | \"1ff\" is invalid lladdr. | \"\" is invalid lladdr.");
    let r = |s: &str| format!("{:?}", whole(s, port_range));
    check([r("1000-2000"), r("80"), r("70000"), r("1-")].join(" "), "Some((1000, 2000)) Some((80, 80)) None None");
}

#[test]
fn batch_lines() {
    check(
        format!("{:?}", lines("a b # c\nd \\\n e\n\nf")),
        "([(1, \"a b \"), (3, \"d  e\\n\"), (4, \"\\n\"), (5, \"f\")], false)",
    );
    // The text ends inside a continued line: "Missing continuation line".
    check(format!("{:?}", lines("a\nb \\\n")), "([(1, \"a\\n\")], true)");
    check(format!("{:?}", makeargs("link show 'a b' \"c\"d")), "Some([\"link\", \"show\", \"a b\", \"c\", \"d\"])");
    check(format!("{:?}", makeargs("link show \"lo")), "None");
}

/// `bridge …` parsed: the options and command, or `[status] text`.
fn bridge(line: &str) -> String {
    match crate::iproute::bridge::parse(&argv(line), &mut Fake) {
        Ok((o, cmd)) => format!("{o:?} {cmd:?}"),
        Err(f) => format!("[{}] {}", f.status, f.text.trim_end()),
    }
}

#[test]
fn bridge_grammar() {
    check(
        bridge("-j -p fdb show br br0 foo state perm"),
        "BridgeOpts { json: true, pretty: true, details: false, color: false, netns: None } \
         Fdb(FdbFilter { br: Some(\"br0\"), dev: None, vlan: 0, state: 128, dynamic: false })",
    );
    check(bridge("-n nope -x link"), "[255] Cannot open network namespace \"nope\": No such file or directory");
    check(bridge("-x -n nope link"), "[255] Option \"-x\" is unknown, try \"bridge help\".");
    check(bridge("-c link s"), "[1] bridge: \"link s\" is not simulated here (yet)");
    check(bridge("fdb show state foo"), "[255] Error: argument \"foo\" is wrong: invalid state");
    check(bridge("fdb show dev"), "[255] Command line is not complete. Try option \"help\"");
    check(bridge("link show dev a dev b"), "[255] Error: duplicate \"dev\": \"b\" is the second value.");
}

#[test]
fn a_table_is_tried_in_order() {
    use super::keyword::{alone, table, valued, Entry, Kw::E, Kw::P};
    const T: &[Entry<u8>] = &[valued(E("mtu"), 1), valued(P("master"), 2), alone(P("multicast"), 3)];
    let run = |line: &str| {
        let v = argv(line);
        let r = table(T)(Words::new(&v));
        match r {
            Ok((rest, (k, w))) => format!("{k} {w} +{}", rest.rest().len()),
            Err(nom::Err::Error(_)) => "no match".to_string(),
            Err(nom::Err::Failure(IpError::Fail(f))) => format!("[{}] {}", f.status, f.text.trim_end()),
            Err(e) => format!("{e:?}"),
        }
    };
    check(
        [run("m br0 x"), run("mtu 9000"), run("mu"), run("mtux 1"), run("mtu")].join(" | "),
        "2 br0 +1 | 1 9000 +0 | 3 mu +0 | no match | [255] Command line is not complete. Try option \"help\"",
    );
}
