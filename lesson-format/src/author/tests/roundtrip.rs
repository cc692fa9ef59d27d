//! Drafts written with `to_markdown` and read back with `parse_lesson`.

use super::Rng;
use crate::author::prose::safe_prose;
use crate::author::{problems, tidy, to_markdown, Draft, DraftStep, Problem};
use crate::markdown::{parse_lesson, MdBlock, MdLesson};

fn step(title: &str, prose: &str, commands: &[&str], checks: &[&str], hints: &[&str]) -> DraftStep {
    let v = |xs: &[&str]| xs.iter().map(|s| s.to_string()).collect();
    DraftStep { title: title.into(), prose: prose.into(), commands: v(commands), checks: v(checks), hints: v(hints) }
}

fn draft(title: &str, summary: &str, intro: &str, steps: Vec<DraftStep>) -> Draft {
    Draft { title: title.into(), summary: summary.into(), intro: intro.into(), steps }
}

fn commands_of(blocks: &[MdBlock]) -> Vec<String> {
    blocks
        .iter()
        .flat_map(|b| match b {
            MdBlock::Commands(c) => c.clone(),
            MdBlock::Html(_) | MdBlock::Quiz(_) => Vec::new(),
        })
        .collect()
}

fn html_of(blocks: &[MdBlock]) -> String {
    blocks
        .iter()
        .map(|b| match b {
            MdBlock::Html(h) => h.as_str(),
            MdBlock::Commands(_) | MdBlock::Quiz(_) => "",
        })
        .collect()
}

/// Reads the draft's file back and holds it to the tidied draft: the same
/// names, one section per step, and each step's commands, checks and hints.
fn reads_back(d: &Draft) -> MdLesson {
    let md = to_markdown(d);
    let l = parse_lesson("x", &md).unwrap_or_else(|e| panic!("{e}\n{md}"));
    let t = tidy(d);
    assert_eq!((l.title.as_str(), l.summary.as_str()), (t.title.as_str(), t.summary.as_str()), "{md}");
    assert_eq!(l.sections.len(), 1 + t.steps.len(), "{md}");
    assert!(commands_of(&l.sections[0].blocks).is_empty(), "{md}");
    assert!(l.sections[0].checks.is_empty() && l.sections[0].hints.is_empty(), "{md}");
    for (s, want) in l.sections[1..].iter().zip(&t.steps) {
        assert_eq!(s.title, want.title, "{md}");
        assert_eq!(commands_of(&s.blocks), want.commands, "{md}");
        assert_eq!(s.checks, want.checks, "{md}");
        assert_eq!(s.hints, want.hints, "{md}");
    }
    assert_eq!(tidy(&t), t, "tidy is idempotent");
    l
}

#[test]
fn a_plain_draft_is_written_as_the_format_shows() {
    let d = draft(
        "Two ends",
        "A pair.",
        "Intro text.",
        vec![
            step(
                "Make a pair",
                "Run this:",
                &["ip link add a type veth peer name b"],
                &["link a exists"],
                &["Type it."],
            ),
            step("Wrap up", "Bye.", &[], &[], &[]),
        ],
    );
    let md = to_markdown(&d);
    assert_eq!(
        md,
        "---\ntitle: Two ends\nsummary: A pair.\n---\n\nIntro text.\n\n## Make a pair\n\nRun this:\n\n\
         ```sh\nip link add a type veth peer name b\n```\n\n```check\nlink a exists\n```\n\n\
         ```hint\nType it.\n```\n\n## Wrap up\n\nBye.\n"
    );
    assert_eq!(tidy(&d), d, "nothing to adjust");
    let l = reads_back(&d);
    assert_eq!(l.sections[1].blocks[0], MdBlock::Html("<p>Run this:</p>\n".into()));
    assert!(l.sections[2].checks.is_empty(), "a step without checks is a section of prose");
}

#[test]
fn awkward_names_read_back() {
    let d = draft(
        "  \"Quoted\": a title: with colons\n and a break ",
        "Ünïcödé — 日本語, `code`, *stars* & <b>tags</b>",
        "",
        vec![
            step("", "", &[], &["netns a exists"], &[]),
            step("# not a heading ##", "", &[], &[], &[]),
            step("a `b` *c* _d_ <e> [f](g) \\h &amp; ~~i~~ ###", "", &[], &[], &[]),
            step("  tabs\tand\r\nbreaks  ", "", &[], &[], &[]),
            step("1. item", "", &[], &[], &[]),
        ],
    );
    let l = reads_back(&d);
    assert_eq!(l.title, "Quoted\": a title: with colons  and a break");
    assert_eq!(l.summary, "Ünïcödé — 日本語, `code`, *stars* & <b>tags</b>");
    let titles: Vec<&str> = l.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "",
            "Step 1",
            "# not a heading ##",
            "a `b` *c* _d_ <e> [f](g) \\h &amp; ~~i~~ ###",
            "tabs and  breaks",
            "1. item"
        ]
    );
}

#[test]
fn empty_fields_get_placeholders() {
    let d = draft("", " \"\" ", "", vec![step("", "", &["", "  "], &["netns a exists"], &["", "  \n "])]);
    let l = reads_back(&d);
    assert_eq!((l.title.as_str(), l.summary.as_str()), ("Untitled lesson", "No summary yet."));
    assert_eq!(l.sections[1].title, "Step 1");
    assert!(l.sections[1].hints.is_empty() && commands_of(&l.sections[1].blocks).is_empty());
}

#[test]
fn comments_and_breaks_in_commands_and_checks() {
    let d = draft(
        "t",
        "s",
        "",
        vec![step(
            "s",
            "",
            &["# a comment", "  ip link  ", "ip a\nip r", "echo ```", "```", "echo '#'"],
            &["  link  a   exists ", "# note", "netns a exists\nnetns b is gone"],
            &["line 1\n```\nline 3", "  ````  "],
        )],
    );
    let l = reads_back(&d);
    assert_eq!(commands_of(&l.sections[1].blocks), ["ip link", "ip a", "ip r", "echo ```", "```", "echo '#'"]);
    assert_eq!(l.sections[1].checks, ["link a exists", "netns a exists", "netns b is gone"]);
    assert_eq!(l.sections[1].hints, ["line 1\n```\nline 3", "````"]);
}

#[test]
fn prose_cannot_break_the_structure() {
    // (prose, as written): what is changed, and what is left alone.
    let cases = [
        ("## A heading in prose\n\ntext", "### A heading in prose\n\ntext"),
        ("A setext heading\n---\n\nmore", "### A setext heading\n\n\nmore"),
        ("> ## quoted\n> ```sh\n> ls\n> ```", "> ### quoted\n> ```text\n> ls\n> ```"),
        ("- item\n\n  ## in a list\n  second\n  -", "- item\n\n  ### in a list\n  ### second"),
        (
            "```sh\nip link\n```\n\n```check\nnetns x exists\n```\n\n~~~hint\nno\n~~~",
            "```text\nip link\n```\n\n```text\nnetns x exists\n```\n\n~~~text\nno\n~~~",
        ),
        ("``` s&#104;\nip link\n```", "```text\nip link\n```"),
        ("Open:\n\n````\nnever closed\n```", "Open:\n\n````\nnever closed\n```\n````"),
        ("~~~\nopen tildes", "~~~\nopen tildes\n~~~"),
        ("<!-- an open comment", "\\<!-- an open comment"),
        ("<pre>\nopen pre", "\\<pre>\nopen pre"),
        ("text <script>\n", "text <script>"),
        ("    ## indented code\n    ```sh", "    ## indented code\n    ```sh"),
        ("| a | b |\n| - | - |\n| ## | ``` |", "| a | b |\n| - | - |\n| ## | ``` |"),
        ("\r\n \r\n  lines\rwith\r\nreturns\0 \n", "  lines\nwith\nreturns\u{fffd}"),
        ("#>a\n   ---\n```<!--#", "### #>a\n   \n```<!--#\n```"),
    ];
    for (prose, want) in cases {
        assert_eq!(safe_prose(prose), want, "{prose:?}");
        let d = draft("t", "s", prose, vec![step("s", prose, &["ip link"], &["netns a exists"], &["h"])]);
        reads_back(&d);
    }
    let d = draft("t", "s", "## Inside\n\nA line\n---", vec![step("s", "", &[], &["netns a exists"], &[])]);
    let l = reads_back(&d);
    assert_eq!(html_of(&l.sections[0].blocks), "<h3>Inside</h3>\n<h3>A line</h3>\n");
    let d = draft("t", "s", "```sh\nls\n```", vec![step("s", "", &[], &["netns a exists"], &[])]);
    let l = reads_back(&d);
    assert_eq!(html_of(&l.sections[0].blocks), "<pre><code class=\"language-text\">ls\n</code></pre>\n");
}

#[test]
fn problems_say_what_the_reader_would_refuse() {
    let none = draft("t", "s", "", vec![step("A", "", &["ip link"], &[], &[])]);
    assert_eq!(problems(&none), [Problem::NoStep]);
    assert_eq!(problems(&none)[0].to_string(), "the lesson needs at least one step with a check");
    let bad = draft(
        "t",
        "s",
        "",
        vec![step("", "", &[], &["netns a exists"], &[]), step("B", "", &[], &["link a is sideways"], &[])],
    );
    let p = problems(&bad);
    assert!(
        matches!(&p[..], [Problem::BadCheck { step: 2, title, check, .. }] if title == "B" && check == "link a is sideways")
    );
    assert!(p[0].to_string().starts_with("step 2 `B`: unknown link check"), "{}", p[0]);
    let err = parse_lesson("x", &to_markdown(&bad)).unwrap_err();
    assert!(err.message.contains("in `B`"), "{err}");
    assert!(problems(&draft("", "", "", vec![step("", "", &[], &["netns a exists"], &[])])).is_empty());
}

#[test]
fn drafts_travel_as_json() {
    let d = draft("t", "s", "i", vec![step("a", "p", &["ip link"], &["netns a exists"], &["h"])]);
    let json = serde_json::to_string(&d).unwrap();
    assert_eq!(serde_json::from_str::<Draft>(&json).unwrap(), d);
    assert_eq!(serde_json::from_str::<Draft>("{\"title\":\"x\"}").unwrap().title, "x", "missing fields are empty");
}

/// Text made of pieces that mean something to Markdown, the front matter
/// or the check language.
fn text(rng: &mut Rng, pieces: usize) -> String {
    const PIECES: &[&str] = &[
        "word",
        " ",
        "  ",
        "\n",
        "\n\n",
        "\r\n",
        "\t",
        "#",
        "## ",
        "### ",
        "---",
        "===",
        "```",
        "````",
        "~~~",
        "sh",
        "check",
        "hint",
        "bash",
        "`",
        "*",
        "_",
        "<",
        ">",
        "<!--",
        "-->",
        "<pre>",
        "</pre>",
        "<b>",
        "&amp;",
        "\\",
        "\"",
        ":",
        "- ",
        "1. ",
        "> ",
        "    ",
        "|",
        "[a]",
        "(b)",
        "é",
        "日本",
        "\u{a0}",
        "\0",
        "\r",
        "link a exists",
        "netns b is gone",
        "ip link",
        "title: x",
        "~~",
        "!",
        "[x]: /u",
    ];
    (0..rng.below(pieces + 1)).map(|_| rng.pick(PIECES)).collect()
}

#[test]
fn random_drafts_read_back() {
    let mut rng = Rng::new(0x9e37_79b9_7f4a_7c15);
    const CHECKS: &[&str] = &["netns a exists", "link b in a is up", "ran \"ip link\"", "route has \"default\""];
    for _ in 0..500 {
        let steps = (0..1 + rng.below(4))
            .map(|_| DraftStep {
                title: text(&mut rng, 6),
                prose: text(&mut rng, 30),
                commands: (0..rng.below(4)).map(|_| text(&mut rng, 5)).collect(),
                checks: (0..rng.below(3)).map(|_| rng.pick(CHECKS).to_string()).collect(),
                hints: (0..rng.below(3)).map(|_| text(&mut rng, 8)).collect(),
            })
            .collect();
        let mut d = draft("", "", "", steps);
        d.title = text(&mut rng, 6);
        d.summary = text(&mut rng, 6);
        d.intro = text(&mut rng, 30);
        let md = to_markdown(&d);
        match parse_lesson("x", &md) {
            Ok(_) => {
                assert!(problems(&d).is_empty(), "{md}");
                reads_back(&d);
            }
            Err(e) => assert_eq!(problems(&d), [Problem::NoStep], "{e}\n{md}"),
        }
        // Nothing random makes the readers panic.
        let _ = parse_lesson("x", &text(&mut rng, 40));
        let _ = crate::checks::parse(&text(&mut rng, 8));
    }
}
