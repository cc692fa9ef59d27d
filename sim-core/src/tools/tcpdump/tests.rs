//! Data-driven from the recordings: every tcpdump command of
//! tcpdump-errors.txt run through `parse`, `check` and the header and
//! trailer texts (a capture there sees nothing and `timeout` ends it),
//! with the command's redirections applied; and the header, trailer and
//! `-D` lines of tcpdump-basics.txt.

use super::*;

const ERRORS: &str = include_str!("../../../tests/data/capture/tcpdump-errors.txt");
const BASICS: &str = include_str!("../../../tests/data/capture/tcpdump-basics.txt");

/// The recording's commands and the lines each printed (`[exit N]` kept).
fn commands(text: &str) -> Vec<(&str, Vec<&str>)> {
    let mut out: Vec<(&str, Vec<&str>)> = Vec::new();
    for line in text.lines() {
        match line.strip_prefix("$ ") {
            Some(cmd) => out.push((cmd, Vec::new())),
            None => out.last_mut().expect("output before a command").1.push(line),
        }
    }
    out
}

/// The words of the tcpdump command (single quotes only, as recorded),
/// and the rest of the line after them.
fn argv(cmd: &str) -> (Vec<String>, &str) {
    let at = cmd.find("tcpdump").expect("a tcpdump command") + "tcpdump".len();
    let (mut words, mut word, mut quoted, mut any) = (Vec::new(), String::new(), false, false);
    for (i, c) in cmd[at..].char_indices() {
        match c {
            '\'' => (quoted, any) = (!quoted, true),
            ' ' if !quoted => {
                if any {
                    words.push(std::mem::take(&mut word));
                }
                any = false;
            }
            '>' | '|' | ';' | '&' if !quoted => {
                if word == "2" && c == '>' {
                    return (words, &cmd[at + i - 1..]);
                }
                if any {
                    words.push(word);
                }
                return (words, &cmd[at + i..]);
            }
            _ => (word.push(c), any = true).1,
        }
    }
    if any {
        words.push(word);
    }
    (words, "")
}

struct Devs(Vec<DeviceInfo>);

impl SaveFiles for Devs {
    fn read(&self, _: &str) -> Result<Vec<u8>, &'static str> {
        Err("No such file or directory")
    }
    fn create(&self, _: &str) -> Result<(), &'static str> {
        Err("No such file or directory")
    }
}

fn dev(name: &str, up: bool, loopback: bool) -> DeviceInfo {
    let carrier = if loopback { None } else { Some(up) };
    DeviceInfo { name: name.into(), up, running: up, loopback, carrier }
}

/// (stderr?, text) in the order written, and the status, of a capture
/// that saw nothing until `timeout` ended it.
fn run(args: &[String], devs: &Devs) -> (Vec<(bool, String)>, i32) {
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let fail = |f: Fail| (vec![(!f.stdout, f.text)], f.status);
    let opts = match parse(&args) {
        Ok(o) => o,
        Err(f) => return fail(f),
    };
    let cap = match check(&opts, &devs.0, devs) {
        Ok(c) => c,
        Err(f) => return fail(f),
    };
    let ending = Ending { captured: 0, received: 0, dropped: 0, signalled: true, writing: false };
    let (out, err) = ending.trailer();
    (vec![(true, cap.notes.clone() + &cap.header(&opts)), (false, out), (true, err)], 124)
}

#[test]
fn errors_recording() {
    let devs = Devs(vec![
        dev("lo", false, true),
        dev("va", true, false),
        dev("vb", true, false),
        dev("vdown", false, false),
        dev("vdown2", false, false),
    ]);
    let mut checked = 0;
    for (cmd, recorded) in commands(ERRORS) {
        if !cmd.contains("tcpdump") {
            continue;
        }
        let (args, rest) = argv(cmd);
        let (chunks, status) = run(&args, &devs);
        let keep = |stderr: bool| match rest {
            r if r.starts_with("2>/dev/null") => !stderr,
            r if r.starts_with(">/dev/null") => stderr,
            r if r.starts_with("2>&1 >/dev/null") => stderr,
            _ => true,
        };
        let text: String = chunks.into_iter().filter(|(e, _)| keep(*e)).map(|(_, t)| t).collect();
        let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
        let mut status = Some(status);
        if let Some(n) = rest.split("| head -").nth(1) {
            lines.truncate(n[..1].parse().unwrap());
            status = Some(0);
        }
        if rest.contains("| wc -l") {
            lines = vec![lines.len().to_string()];
            status = Some(0);
        }
        if rest.ends_with("echo $?") {
            lines.push(status.take().unwrap().to_string());
        }
        if let Some(s) = status.filter(|s| *s != 0) {
            lines.push(format!("[exit {s}]"));
        }
        assert_eq!(lines, recorded, "{cmd}");
        checked += 1;
    }
    assert_eq!(checked, 57);
}

#[test]
fn basics_recording() {
    let host =
        Devs(vec![dev("lo", false, true), dev("br0", true, false), dev("va", true, false), dev("vb", true, false)]);
    let ns = Devs(vec![dev("lo", true, true), dev("eth0", true, false)]);
    let vb_down =
        Devs(vec![dev("lo", false, true), dev("br0", true, false), dev("va", true, false), dev("vb", false, false)]);
    let mut checked = 0;
    let mut down = false;
    for (cmd, recorded) in commands(BASICS) {
        down = (down || cmd == "ip link set vb down") && cmd != "ip link set vb up";
        if !cmd.contains("tcpdump") {
            continue;
        }
        let before = &cmd[..cmd.find("tcpdump").unwrap()];
        let simple = before.rsplit(['&', ';']).next().unwrap().trim_start();
        let devs = if simple.starts_with("ip netns exec") {
            &ns
        } else if down {
            &vb_down
        } else {
            &host
        };
        let (args, rest) = argv(cmd);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let opts = parse(&args).unwrap();
        let cap = match check(&opts, &devs.0, devs) {
            Err(f) => {
                let mut want = f.text.clone();
                if rest.contains("echo $?") {
                    want += &format!("{}\n", f.status);
                }
                assert_eq!(want, recorded.iter().map(|l| format!("{l}\n")).collect::<String>(), "{cmd}");
                checked += 1;
                continue;
            }
            Ok(cap) => cap,
        };
        let head: Vec<&str> =
            recorded.iter().copied().filter(|l| l.starts_with("tcpdump: ") || l.starts_with("listening on ")).collect();
        if !head.is_empty() {
            assert_eq!(head, (cap.notes.clone() + &cap.header(&opts)).lines().collect::<Vec<_>>(), "{cmd}");
        }
        let Some(at) = recorded.iter().position(|l| l.ends_with(" captured")) else {
            assert!(head.is_empty() || rest.starts_with("2>&1 >") || rest.contains(">/dev/null &"), "{cmd}");
            checked += 1;
            continue;
        };
        let count = |i: usize| recorded[at + i].split(' ').next().unwrap().parse::<u64>().unwrap();
        let (captured, received, dropped) = (count(0), count(1), count(2));
        let signalled = opts.count.is_none_or(|c| captured < c);
        let ending = Ending { captured, received, dropped, signalled, writing: false };
        let (out, err) = ending.trailer();
        assert_eq!(recorded[at..at + 3].join("\n") + "\n", err, "{cmd}");
        if rest.starts_with(" &") || rest.starts_with("; echo") || rest.is_empty() {
            assert_eq!(recorded[at - 1].is_empty(), out == "\n", "{cmd}");
        }
        checked += 1;
    }
    assert_eq!(checked, 58);
}

#[test]
fn getopt_corners() {
    let p = |a: &[&str]| parse(a);
    let o = p(&["-nnvi", "eth0", "-c5", "-XX", "icmp", "and", "-e", "--", "-x"]).unwrap();
    assert_eq!((o.numeric, o.verbose, o.count, o.link), (2, 1, Some(5), true));
    assert_eq!((o.interface.as_deref(), o.dump.hex_ascii, o.filter.as_str()), (Some("eth0"), 2, "icmp and -x"));
    let o = p(&["--inter=any", "--snap", "0x10", "--count", "-ynull"]).unwrap();
    assert_eq!(
        (o.interface.as_deref(), o.snaplen, o.count_mode, o.link_type),
        (Some("any"), Some(16), true, Some("NULL"))
    );
    let first = |a: &[&str]| p(a).unwrap_err().text.lines().next().unwrap().to_string();
    assert_eq!(first(&["--n"]), "tcpdump: option '--n' is ambiguous; possibilities: '--nano' '--no-optimize' '--no-promiscuous-mode' '--number'");
    assert_eq!(first(&["--help=1"]), "tcpdump: option '--help' doesn't allow an argument");
    assert_eq!(first(&["--interface"]), "tcpdump: option '--interface' requires an argument");
    assert_eq!(first(&["-Y"]), "tcpdump version 4.99.3");
    assert!(p(&["-h", "-c", "0"]).unwrap().help);
    assert_eq!(first(&["-c", "0", "-h"]), "tcpdump: invalid packet count 0");
}

#[test]
fn device_order_and_numbers() {
    let devs = Devs(vec![dev("lo", true, true), dev("veth1", false, false), dev("eth0", true, false)]);
    let listing = msg::list_devices(&all_devices(&devs.0));
    let names: Vec<&str> = listing.lines().map(|l| l.split(['.', ' ']).nth(1).unwrap()).collect();
    assert_eq!(names[..3], ["eth0", "any", "lo"]);
    assert_eq!(listing.lines().last(), Some("9.veth1 [none, Disconnected]"));
    let cap = |a: &[&str]| check(&parse(a).unwrap(), &devs.0, &devs);
    assert_eq!(
        cap(&["-i", "2"]).unwrap().header(&Opts::default()).lines().last().unwrap(),
        "listening on any, link-type LINUX_SLL (Linux cooked v1), snapshot length 262144 bytes"
    );
    assert_eq!(cap(&["-i", "0"]).unwrap_err().text, "tcpdump: Invalid adapter index\n");
    assert_eq!(cap(&["-i", "9"]).unwrap_err().text, "tcpdump: veth1: That device is not up\n");
    assert_eq!(cap(&["-i", "10"]).unwrap_err().text, "tcpdump: Invalid adapter index\n");
    assert_eq!(
        cap(&["-i", "lo", "-y", "docsis"]).unwrap_err().text,
        "tcpdump: DOCSIS is not one of the DLTs supported by this device\n"
    );
}

/// Files for `-F`: one filter file, nothing else.
struct OneFile;

impl SaveFiles for OneFile {
    fn read(&self, path: &str) -> Result<Vec<u8>, &'static str> {
        match path {
            "/root/f" => Ok(b"icmp # pings only\nand host 10.0.0.1\n".to_vec()),
            "/root/pcap" => Ok(b"ab".to_vec()),
            _ => Err("No such file or directory"),
        }
    }
    fn create(&self, _: &str) -> Result<(), &'static str> {
        Ok(())
    }
}

#[test]
fn filter_files_and_savefiles() {
    let devs = [dev("eth0", true, false)];
    let cap = |a: &[&str]| check(&parse(a).unwrap(), &devs, &OneFile);
    let want = filter::Filter::compile("icmp and host 10.0.0.1", filter::LinkType::Ethernet).unwrap();
    assert_eq!(cap(&["-F", "/root/f", "tcp"]).unwrap().filter, want);
    assert_eq!(cap(&["-F", "/nope"]).unwrap_err().text, "tcpdump: can't open /nope: No such file or directory\n");
    let err = |a: &[&str]| cap(a).unwrap_err().text;
    assert_eq!(err(&["-r", "/root/f"]), "tcpdump: unknown file format\n");
    assert_eq!(
        err(&["-r", "/root/pcap"]),
        "tcpdump: truncated dump file; tried to read 4 file header bytes, only got 2\n"
    );
    assert_eq!(err(&["-V", "/root/f"]), "tcpdump: icmp # pings only: No such file or directory\n");
    assert_eq!(err(&["-r", "x", "-V", "y"]), "tcpdump: -V and -r are mutually exclusive.\n");
    let o = parse(&["-w", "/root/x", "-i", "eth0"]).unwrap();
    let header = cap(&["-w", "/root/x"]).unwrap().header(&o);
    assert_eq!(header, "tcpdump: listening on eth0, link-type EN10MB (Ethernet), snapshot length 262144 bytes\n");
}
