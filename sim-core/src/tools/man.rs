//! `man`: the manual pages of the tools the lessons use, printed as man-db
//! prints them into a pipe (no bold or underline, 78 columns, a header and
//! a footer line). The pages are nslab's own short summaries, written for
//! these lessons (the footer says so); they are not the Linux manual pages.
//! Bodies live in `man/*.txt`, already laid out.

use crate::output::Output;

/// The pages there are, in the order they are kept (for Tab completion,
/// which the site offers before the pages themselves are loaded).
const NAMES: &[&str] =
    &["ip", "ip-link", "ip-netns", "ip-address", "ip-route", "ip-neighbour", "veth", "bridge", "ping", "iptables"];

/// Runs `man …` (`argv[0]` is `man`). The pages are linked in with the
/// `text-tools` feature; without it (the site's first load) they are run
/// where the text tools are (see sim-shell's `coreutils::set_runner`).
pub fn run(argv: &[String]) -> Output {
    #[cfg(feature = "text-tools")]
    return man(argv.get(1..).unwrap_or_default());
    #[cfg(not(feature = "text-tools"))]
    sim_shell::coreutils::run_elsewhere(&sim_shell::coreutils::wire::Call { argv: argv.to_vec(), ..Default::default() })
        .output
}

#[cfg(feature = "text-tools")]
/// One page: its name, section, the centre of its header, and its body.
struct Page {
    name: &'static str,
    section: &'static str,
    manual: &'static str,
    body: &'static str,
}

#[cfg(feature = "text-tools")]
const PAGES: &[Page] = &[
    Page { name: "ip", section: "8", manual: "Linux", body: include_str!("man/ip.txt") },
    Page { name: "ip-link", section: "8", manual: "Linux", body: include_str!("man/ip-link.txt") },
    Page { name: "ip-netns", section: "8", manual: "Linux", body: include_str!("man/ip-netns.txt") },
    Page { name: "ip-address", section: "8", manual: "Linux", body: include_str!("man/ip-address.txt") },
    Page { name: "ip-route", section: "8", manual: "Linux", body: include_str!("man/ip-route.txt") },
    Page { name: "ip-neighbour", section: "8", manual: "Linux", body: include_str!("man/ip-neighbour.txt") },
    Page { name: "veth", section: "4", manual: "Kernel Interfaces Manual", body: include_str!("man/veth.txt") },
    Page { name: "bridge", section: "8", manual: "Linux", body: include_str!("man/bridge.txt") },
    Page { name: "ping", section: "8", manual: "iputils", body: include_str!("man/ping.txt") },
    Page { name: "iptables", section: "8", manual: "iptables 1.8.9", body: include_str!("man/iptables.txt") },
];

/// The names of the pages there are, in the order they are kept (for Tab
/// completion).
pub fn pages() -> impl Iterator<Item = &'static str> {
    NAMES.iter().copied()
}

#[cfg(feature = "text-tools")]
/// The width man-db formats for when it does not write to a terminal.
const WIDTH: usize = 78;

#[cfg(feature = "text-tools")]
/// The paragraph every page ends with.
const NOTE: &str = "NOTES
       This page is nslab's own summary of the tool, written for these
       lessons. It is not the Linux manual page.
";

#[cfg(feature = "text-tools")]
/// Runs `man [SECTION] PAGE…`.
pub fn man(args: &[String]) -> Output {
    if let Some(bad) = args.iter().find(|a| a.starts_with('-') && a.len() > 1) {
        let c = bad.chars().nth(1).unwrap_or('-');
        let msg = if bad.starts_with("--") {
            format!("man: unrecognized option '{bad}'\n")
        } else {
            format!("man: invalid option -- '{c}'\n")
        };
        return Output::error(format!("{msg}Try 'man --help' or 'man --usage' for more information.\n"), 1);
    }
    let (section, names) = match args.split_first() {
        Some((s, rest)) if is_section(s) => (Some(s.as_str()), rest),
        _ => (None, args),
    };
    if names.is_empty() {
        let text = match section {
            Some(s) => format!(
                "No manual entry for {s}\n(Alternatively, what manual page do you want from section {s}?)\nFor example, try 'man man'.\n"
            ),
            None => "What manual page do you want?\nFor example, try 'man man'.\n".to_string(),
        };
        return Output::error(text, 1);
    }
    let mut out = Output::new();
    for name in names {
        // ip6tables(8) is iptables(8), as Debian links it.
        let page = if name == "ip6tables" { "iptables" } else { name.as_str() };
        match PAGES.iter().find(|p| p.name == page && section.is_none_or(|s| s == p.section)) {
            Some(page) => out.out(render(page)),
            None => {
                out.err(match section {
                    Some(s) => format!("No manual entry for {name} in section {s}\n"),
                    None => format!("No manual entry for {name}\n"),
                });
                out.status = 16;
            }
        }
    }
    out
}

#[cfg(feature = "text-tools")]
/// Whether a first argument names a section rather than a page.
fn is_section(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_ascii_digit()) && s.len() <= 3
}

#[cfg(feature = "text-tools")]
/// A page as man prints it to a pipe.
fn render(page: &Page) -> String {
    // Titles are upper case (`IP-LINK(8)`) but for `veth(4)`, as on Linux.
    let name = if page.name == "veth" { page.name.to_string() } else { page.name.to_uppercase() };
    let title = format!("{name}({})", page.section);
    let mut s = three_parts(&title, page.manual, &title);
    s.push_str("\n\n");
    s.push_str(page.body);
    s.push('\n');
    s.push_str(NOTE);
    s.push('\n');
    s.push_str(&three_parts("nslab", "nslab's own summary", &title));
    s.push('\n');
    s
}

#[cfg(feature = "text-tools")]
/// `left`, `centre` and `right` on one line of [`WIDTH`] columns, the
/// centre starting where groff's man macros put it.
fn three_parts(left: &str, centre: &str, right: &str) -> String {
    let start = (WIDTH - centre.len()).div_ceil(2);
    let mut line = format!("{left:<start$}{centre}");
    let pad = WIDTH.saturating_sub(line.len() + right.len());
    line.push_str(&" ".repeat(pad));
    line.push_str(right);
    line
}

#[cfg(all(test, feature = "text-tools"))]
mod tests {
    use super::*;

    #[test]
    fn the_names_tab_completes_are_the_pages() {
        assert_eq!(PAGES.iter().map(|p| p.name).collect::<Vec<_>>(), NAMES);
    }

    #[test]
    fn pages_fit_the_width_and_have_the_usual_sections() {
        for page in PAGES {
            let text = render(page);
            for line in text.lines() {
                assert!(line.chars().count() <= WIDTH, "{}: {line:?}", page.name);
            }
            for section in ["NAME", "SYNOPSIS", "DESCRIPTION", "SEE ALSO"] {
                assert!(text.lines().any(|l| l == section), "{} has no {section}", page.name);
            }
            let lines = text.lines().count();
            assert!((40..=90).contains(&lines), "{}: {lines} lines", page.name);
        }
    }

    #[test]
    fn ip6tables_is_iptables_page() {
        let args = |n: &str| vec![n.to_string()];
        assert_eq!(man(&args("ip6tables")), man(&args("iptables")));
        assert!(man(&args("iptables")).stdout().contains("ip6tables is the same program for IPv6"));
    }

    #[test]
    fn the_first_lesson_finds_veth_in_ip_link() {
        let out = crate::Lab::new().run("man ip-link | grep -B 3 -A 3 veth");
        assert_eq!(out.status, 0);
        assert!(out.stdout().lines().filter(|l| l.contains("veth")).count() >= 5, "{}", out.stdout());
        let out = crate::Lab::new().run("man nosuch; man");
        assert_eq!(
            out.stderr(),
            "No manual entry for nosuch\nWhat manual page do you want?\nFor example, try 'man man'.\n"
        );
        assert_eq!(out.status, 1);
        let out = crate::Lab::new().run("ip netns add red; ip netns exec red man 4 veth | head -1");
        assert_eq!(out.stdout(), "veth(4)                    Kernel Interfaces Manual                    veth(4)\n");
    }

    #[test]
    fn header_and_footer_are_laid_out_as_man_db_does() {
        assert_eq!(
            three_parts("IP-LINK(8)", "Linux", "IP-LINK(8)"),
            "IP-LINK(8)                           Linux                          IP-LINK(8)"
        );
        assert_eq!(
            three_parts("veth(4)", "Kernel Interfaces Manual", "veth(4)"),
            "veth(4)                    Kernel Interfaces Manual                    veth(4)"
        );
    }
}
