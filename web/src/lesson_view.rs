//! A lesson beside the terminal: prose, clickable commands, and steps that
//! tick themselves when their checks hold on the lab.
//!
//! The lesson is drawn once as markup (its prose is HTML from build time
//! already); what changes afterwards — which steps are done, the current
//! step's checklist, the progress bar — is patched in place by one effect, and
//! one click handler serves every button of the lesson.

use crate::app::Route;
use crate::browser;
use crate::html::Html;
use crate::lesson::{advance, evaluate, Block, Lesson, Section, LESSONS};
use crate::shell::Shell;
use leptos::prelude::*;
use web_sys::Element;

fn progress_key(slug: &str) -> String {
    format!("nslab.progress.{slug}")
}

pub fn session_key(slug: &str) -> String {
    format!("nslab.session.lesson.{slug}")
}

fn saved_progress(slug: &str, total: usize) -> usize {
    browser::load(&progress_key(slug)).and_then(|s| s.parse().ok()).unwrap_or(0usize).min(total)
}

fn blocks_html(h: &mut Html, section: &Section) {
    for b in section.blocks {
        match b {
            Block::Html(s) => {
                h.r("<div class=\"prose\">").r(s).r("</div>");
            }
            Block::Commands(lines) => {
                h.r("<div class=\"cmds\">");
                for l in lines.iter() {
                    h.r("<button type=\"button\" class=\"cmd\" data-testid=\"lesson-command\" title=\"Run in the terminal\">");
                    h.r("<span class=\"cmd-run\" aria-hidden=\"true\">▶</span><code>").t(l).r("</code></button>");
                }
                if lines.len() > 1 {
                    h.r("<button type=\"button\" class=\"run-all\">Run all ").u(lines.len()).r("</button>");
                }
                h.r("</div>");
            }
        }
    }
}

/// The items of the current step's checklist: what it is waiting for, check by check.
fn verdicts_html(section: &Section, shell: Shell) -> String {
    let mut h = Html::default();
    for (src, v) in shell.with_session(|s| evaluate(section, s)) {
        h.r(if v.ok {
            "<li class=\"ok\"><span class=\"mark\" aria-hidden=\"true\">✓</span><span class=\"sr-only\">met: </span>"
        } else {
            "<li><span class=\"mark\" aria-hidden=\"true\">○</span><span class=\"sr-only\">not yet: </span>"
        });
        match src.strip_prefix("run ") {
            Some(cmd) => h.r("run <code>").t(cmd),
            None => h.r("<code>").t(&src),
        };
        h.r("</code>");
        if !v.ok && !v.why.is_empty() {
            h.r("<div class=\"why\">").t(&v.why).r("</div>");
        }
        h.r("</li>");
    }
    h.0
}

fn checklist_html(section: &Section, shell: Shell) -> String {
    let mut h = Html::default();
    h.r("<div class=\"checks\"><div class=\"checks-head\">Done when:</div><ul>")
        .r(&verdicts_html(section, shell))
        .r("</ul>");
    if !section.hints.is_empty() {
        h.r("<details class=\"hint\"><summary>Hint</summary>");
        for p in section.hints {
            h.r("<p>").t(p).r("</p>");
        }
        h.r("</details>");
    }
    h.r("</div>");
    h.0
}

fn step_class(n: usize, ticked: usize) -> &'static str {
    if ticked > n {
        "step done"
    } else if ticked == n {
        "step current"
    } else {
        "step"
    }
}

fn badge(n: usize, ticked: usize) -> String {
    if ticked > n {
        "✓".into()
    } else {
        (n + 1).to_string()
    }
}

fn step_sr(n: usize, ticked: usize) -> String {
    format!("Step {}{}: ", n + 1, if ticked > n { " (done)" } else { "" })
}

fn progress_text(ticked: usize, total: usize) -> String {
    if ticked >= total {
        "All steps done. Well wired!".into()
    } else {
        format!("{ticked} of {total} steps done")
    }
}

fn bar_style(ticked: usize, total: usize) -> String {
    format!("width: {}%", ticked * 100 / total.max(1))
}

/// The whole lesson as it stands with `ticked` steps done.
fn lesson_html(lesson: &Lesson, ticked: usize, total: usize, shell: Shell) -> String {
    let mut h = Html::default();
    h.r("<article class=\"lesson\" id=\"lesson\" aria-labelledby=\"lesson-title\">");
    h.r("<header class=\"lesson-head\"><h2 id=\"lesson-title\">")
        .t(lesson.title)
        .r("</h2><p class=\"summary\">")
        .t(lesson.summary);
    h.r("</p><div class=\"progress\" role=\"progressbar\" aria-valuemin=\"0\" aria-valuemax=\"").u(total);
    h.r("\" aria-valuenow=\"")
        .u(ticked)
        .r("\" aria-label=\"Lesson progress\"><div class=\"bar\" style=\"")
        .r(&bar_style(ticked, total));
    h.r("\"></div></div><div class=\"progress-text\" data-testid=\"lesson-progress\">")
        .r(&progress_text(ticked, total));
    h.r("</div><button type=\"button\" class=\"linkish\" data-action=\"start-over\">Start over</button></header>");
    let mut n = 0;
    for sec in lesson.sections {
        if !sec.is_step() {
            h.r("<section class=\"prose-section\">");
            if !sec.title.is_empty() {
                h.r("<h3>").t(sec.title).r("</h3>");
            }
            blocks_html(&mut h, sec);
            h.r("</section>");
            continue;
        }
        h.r("<section class=\"").r(step_class(n, ticked)).r("\" data-testid=\"lesson-step\" data-step=\"").u(n + 1);
        h.r("\" data-done=\"").r(if ticked > n { "true" } else { "false" }).r("\"");
        if ticked == n {
            h.r(" aria-current=\"step\"");
        }
        h.r("><h3><span class=\"badge\" aria-hidden=\"true\">")
            .r(&badge(n, ticked))
            .r("</span><span class=\"sr-only\">");
        h.r(&step_sr(n, ticked)).r("</span>").t(sec.title).r("</h3>");
        blocks_html(&mut h, sec);
        if ticked == n {
            h.r(&checklist_html(sec, shell));
        }
        h.r("</section>");
        n += 1;
    }
    h.r("</article>");
    h.0
}

fn find(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).ok().flatten()
}

/// Brings the drawn lesson to `ticked` steps done; the current step's
/// checklist is refreshed in place (an open hint stays open).
fn patch(root: &Element, steps: &[&'static Section], ticked: usize, shell: Shell) {
    let total = steps.len();
    if let Some(p) = find(root, ".progress") {
        let _ = p.set_attribute("aria-valuenow", &ticked.to_string());
    }
    if let Some(b) = find(root, ".progress .bar") {
        let _ = b.set_attribute("style", &bar_style(ticked, total));
    }
    if let Some(t) = find(root, ".progress-text") {
        t.set_text_content(Some(&progress_text(ticked, total)));
    }
    for (n, sec) in steps.iter().enumerate() {
        let Some(step) = find(root, &format!("[data-step=\"{}\"]", n + 1)) else { continue };
        let _ = step.set_attribute("class", step_class(n, ticked));
        let _ = step.set_attribute("data-done", if ticked > n { "true" } else { "false" });
        if let Some(b) = find(&step, ".badge") {
            b.set_text_content(Some(&badge(n, ticked)));
        }
        if let Some(s) = find(&step, "h3 > .sr-only") {
            s.set_text_content(Some(&step_sr(n, ticked)));
        }
        let checks = find(&step, ":scope > .checks");
        if ticked == n {
            let _ = step.set_attribute("aria-current", "step");
            match checks.as_ref().and_then(|c| find(c, "ul")) {
                Some(ul) => ul.set_inner_html(&verdicts_html(sec, shell)),
                None => {
                    let _ = step.insert_adjacent_html("beforeend", &checklist_html(sec, shell));
                }
            }
        } else {
            let _ = step.remove_attribute("aria-current");
            if let Some(c) = checks {
                c.remove();
            }
        }
    }
}

/// The commands of a lesson's buttons: the one clicked, or all of its block.
fn clicked_commands(target: &Element) -> Vec<String> {
    let Ok(Some(button)) = target.closest("button") else { return Vec::new() };
    let code = |b: &Element| b.query_selector("code").ok().flatten().and_then(|c| c.text_content());
    match button.get_attribute("class").as_deref() {
        Some("cmd") => code(&button).into_iter().collect(),
        Some("run-all") => {
            let mut out = Vec::new();
            let mut b = button.parent_element().and_then(|p| p.first_element_child());
            while let Some(el) = b {
                if el.get_attribute("class").as_deref() == Some("cmd") {
                    out.extend(code(&el));
                }
                b = el.next_element_sibling();
            }
            out
        }
        _ => Vec::new(),
    }
}

/// Brings the side panel up to date after `route` or the lab changed.
/// `prev` is what the panel showed: its route and, for a lesson, how many
/// steps were done. A new route is drawn whole; a lesson whose lab changed
/// is ticked (in order) and patched, and the step to do next scrolled into
/// view when it moved. Returns what the panel shows now.
pub fn update_side(side: &Element, route: Route, prev: Option<(Route, usize)>, shell: Shell) -> (Route, usize) {
    let fresh = prev.map(|p| p.0) != Some(route);
    let Route::Lesson(lesson) = route else {
        if fresh {
            side.set_inner_html(&sandbox_html());
        }
        return (route, 0);
    };
    let steps: Vec<&'static Section> = lesson.steps().map(|(_, s)| s).collect();
    let total = steps.len();
    // Storage holds the progress, so "Start over" only has to clear it.
    let now = saved_progress(lesson.slug, total);
    let next = shell.with_session(|s| advance(&steps, now, s));
    if next != now {
        browser::save(&progress_key(lesson.slug), &next.to_string());
    }
    if fresh {
        side.set_inner_html(&lesson_html(lesson, next, total, shell));
    } else {
        patch(side, &steps, next, shell);
    }
    if prev != Some((route, next)) {
        let sel = format!(".lesson [data-step=\"{}\"]", (next + 1).min(total));
        request_animation_frame(move || {
            if let Ok(Some(el)) = document().query_selector(&sel) {
                let opts = web_sys::ScrollIntoViewOptions::new();
                opts.set_behavior(web_sys::ScrollBehavior::Smooth);
                opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
                el.scroll_into_view_with_scroll_into_view_options(&opts);
            }
        });
    }
    (route, next)
}

/// A click in the side panel: a lesson's command buttons, or "Start over".
pub fn side_click(target: &Element, route: Route, shell: Shell) {
    if target.closest("[data-action=\"start-over\"]").ok().flatten().is_some() {
        if let Route::Lesson(l) = route {
            browser::save(&progress_key(l.slug), "0");
        }
        shell.reset();
        return;
    }
    for l in clicked_commands(target) {
        shell.submit(&l);
    }
}

/// The sandbox's side panel: a few words and the list of lessons.
fn sandbox_html() -> String {
    concat!(
        r#"<article class="lesson sandbox-intro" id="lesson"><header class="lesson-head"><h2>Sandbox</h2>"#,
        r#"<p class="summary">A simulated Linux host, all yours. Try <code>ip netns add a</code>, "#,
        r#"<code>ip link add v1 type veth peer name v2</code>, <code>ip -c addr</code>. "#,
        r#"Undo steps back one command; a permalink or an exported script keeps your work.</p></header>"#
    )
    .to_string()
        + &lesson_index_html()
        + "</article>"
}

/// The list of lessons, for the home page.
fn lesson_index_html() -> String {
    let mut h = Html::default();
    h.r("<nav class=\"lesson-index\" aria-label=\"Lessons\"><h2>Lessons</h2><ol>");
    for l in LESSONS {
        let total = l.step_count();
        let done = saved_progress(l.slug, total);
        h.r("<li><a href=\"#/lesson/").t(l.slug).r("\">").t(l.title).r("</a><p>").t(l.summary).r("</p><small>");
        h.u(done).r(" of ").u(total).r(" steps done</small></li>");
    }
    h.r("</ol><p>Or explore freely in the <a href=\"#/sandbox\">sandbox</a>.</p></nav>");
    h.0
}
