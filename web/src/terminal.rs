//! The terminal: a scrollback of prompts and output, and one input line.

use crate::app::find;
use crate::complete::complete;
use crate::shell::{Line, Shell};
use crate::verify::World;
use leptos::ev::{ClipboardEvent, KeyboardEvent, MouseEvent};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Brings the scrollback element up to date with `lines`. Lines only come
/// at the bottom and leave at the top (or all at once), so the usual update
/// drops a few elements at the top and appends the new ones' markup; anything
/// else redraws the whole scrollback. `shown` is the id range on screen.
fn sync_lines(el: &web_sys::Element, lines: &[Line], shown: &mut (u64, u64)) {
    let (pf, pe) = *shown;
    let (first, end) = match (lines.first(), lines.last()) {
        (Some(a), Some(b)) => (a.id, b.id + 1),
        _ => (0, 0),
    };
    let consecutive = end - first == lines.len() as u64;
    if consecutive && pf < pe && pf <= first && first <= pe && pe <= end {
        for _ in pf..first {
            if let Some(c) = el.first_element_child() {
                c.remove();
            }
        }
        let new: String = lines[(pe - first) as usize..].iter().map(|l| l.html.as_str()).collect();
        if !new.is_empty() {
            let _ = el.insert_adjacent_html("beforeend", &new);
        }
    } else {
        el.set_inner_html(&lines.iter().map(|l| l.html.as_str()).collect::<String>());
    }
    *shown = (first, end);
}

/// Moves the caret to the end of the input.
fn caret_to_end(input: &web_sys::HtmlInputElement) {
    let n = input.value().len() as u32;
    let _ = input.set_selection_range(n, n);
}

/// What a key press (or an on-screen key) asks of the terminal.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Key {
    Enter,
    Tab,
    Up,
    Down,
    Interrupt,
    Clear,
    Kill,
}

/// The key a keydown means to the terminal, if any.
fn key_of(ev: &KeyboardEvent, released: bool) -> Option<Key> {
    let key = ev.key();
    let ctrl = ev.ctrl_key() && !ev.alt_key() && !ev.meta_key();
    Some(match key.as_str() {
        "Enter" => Key::Enter,
        "Tab" if !ev.shift_key() && !released => Key::Tab,
        "ArrowUp" => Key::Up,
        "ArrowDown" => Key::Down,
        "c" | "C" if ctrl => Key::Interrupt,
        "l" | "L" if ctrl => Key::Clear,
        "u" | "U" if ctrl => Key::Kill,
        _ => return None,
    })
}

/// The key of an on-screen key button (`data-key`).
fn key_of_button(name: &str) -> Option<Key> {
    Some(match name {
        "tab" => Key::Tab,
        "up" => Key::Up,
        "down" => Key::Down,
        "interrupt" => Key::Interrupt,
        "clear" => Key::Clear,
        "enter" => Key::Enter,
        _ => return None,
    })
}

/// The terminal: a scrollback of prompts and output, and one input line.
pub fn terminal(shell: Shell) -> impl IntoView {
    let find = |sel: &str| find(&format!("#terminal {sel}"));
    let input = move || find("input").and_then(|i| i.dyn_into::<web_sys::HtmlInputElement>().ok());

    // Draw new lines, keep the newest output in view, show whether a
    // command runs and tell screen readers what it printed.
    Effect::new(move |_| {
        shell.screen.track();
        if let Some(el) = find(".t-lines") {
            shell.update(|s| sync_lines(&el, &s.lines, &mut s.editor.shown));
        }
        if let Some(el) = find(".t-scroll") {
            el.set_scroll_top(el.scroll_height());
        }
        let (busy, announce) = shell.with(|s| (s.busy, s.announce.clone()));
        if let Some(el) = find(".t-inputline") {
            let _ = el.set_attribute("class", if busy { "t-inputline t-busy" } else { "t-inputline" });
        }
        if let Some(el) = find("[aria-live=polite]") {
            if el.text_content().as_deref() != Some(announce.as_str()) {
                el.set_text_content(Some(&announce));
            }
        }
    });

    let text = move || input().map(|i| i.value()).unwrap_or_default();
    let set_line = move |s: &str| {
        if let Some(i) = input() {
            i.set_value(s);
            caret_to_end(&i);
        }
    };

    let act = move |k: Key| {
        let line = text();
        match k {
            Key::Enter => {
                shell.update(|s| s.editor.hist_pos = None);
                set_line("");
                shell.submit(&line);
            }
            Key::Tab => {
                let c = shell.with(|s| complete(&line, s.session.snapshot()));
                let again = shell.with(|s| s.editor.last_tab == line);
                if !c.choices.is_empty() && again {
                    // Second Tab on an ambiguous word lists the choices, as bash does.
                    shell.list_choices(&line, &c.choices);
                }
                set_line(&c.line);
                shell.update(|s| s.editor.last_tab = c.line);
            }
            Key::Up | Key::Down => {
                if let Some(next) = shell.history_step(&line, k == Key::Up) {
                    set_line(&next);
                }
            }
            Key::Interrupt => {
                shell.interrupt(&line);
                shell.update(|s| s.editor.hist_pos = None);
                set_line("");
            }
            Key::Clear => shell.clear_screen(),
            Key::Kill => set_line(""),
        }
    };

    let on_keydown = move |ev: KeyboardEvent| {
        if !from_input(&ev) {
            return;
        }
        let released = shell.update(|s| std::mem::replace(&mut s.editor.tab_released, ev.key() == "Escape"));
        let Some(k) = key_of(&ev, released) else { return };
        // Ctrl-C copies when text is selected in the field.
        let selected = input().is_some_and(|i| i.selection_start().ok().flatten() != i.selection_end().ok().flatten());
        if k == Key::Interrupt && selected {
            return;
        }
        ev.prevent_default();
        act(k);
    };

    let on_input = move |ev: leptos::ev::Event| {
        if from_input(&ev) {
            shell.update(|s| s.editor.hist_pos = None);
        }
    };

    // A multi-line paste runs line by line, like a terminal; the last line,
    // if it has no newline yet, stays in the field to be edited.
    let on_paste = move |ev: ClipboardEvent| {
        if !from_input(&ev) {
            return;
        }
        let Some(data) = ev.clipboard_data() else { return };
        let Ok(pasted) = data.get_data("text") else { return };
        if !pasted.contains('\n') {
            return;
        }
        ev.prevent_default();
        let full = text() + &pasted.replace("\r\n", "\n");
        let mut parts: Vec<&str> = full.split('\n').collect();
        let rest = parts.pop().unwrap_or("");
        for p in parts {
            shell.submit(p);
        }
        set_line(rest);
    };

    // On-screen keys; elsewhere, clicking the scrollback focuses the field,
    // unless the learner is selecting text to copy.
    let on_click = move |ev: MouseEvent| {
        let button = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest("[data-key]").ok().flatten());
        if let Some(b) = button {
            let k = b.get_attribute("data-key").as_deref().and_then(key_of_button);
            if let Some(k) = k {
                act(k);
                if k == Key::Tab {
                    if let Some(i) = input() {
                        let _ = i.focus();
                    }
                }
            }
            return;
        }
        let selecting = window().get_selection().ok().flatten().is_some_and(|s| !s.is_collapsed());
        if !selecting {
            if let Some(i) = input() {
                let _ = i.focus();
            }
        }
    };

    view! {
        <section class="terminal" aria-label="Terminal" id="terminal" inner_html=TERMINAL_HTML
            on:click=on_click on:keydown=on_keydown on:paste=on_paste on:input=on_input></section>
    }
}

/// The terminal's markup; the effect above fills the scrollback.
const TERMINAL_HTML: &str = concat!(
    r#"<div class="t-scroll"><div class="t-lines" data-testid="terminal-output" role="log" aria-live="off"></div>"#,
    r#"<div class="t-inputline"><label for="term-input" class="t-prompt">root@host:~#</label>"#,
    r#"<input id="term-input" class="t-input" data-testid="terminal-input" type="text" autocomplete="off" "#,
    r#"autocapitalize="off" spellcheck="false" enterkeyhint="send" aria-label="Command line (root on the simulated host)" "#,
    r#"aria-describedby="term-help"></div></div><div class="sr-only" aria-live="polite" aria-atomic="true"></div>"#,
    r#"<p id="term-help" class="sr-only">Enter runs the line. Tab completes, Up and Down recall history, Control C "#,
    r#"interrupts, Control L clears. Press Escape then Tab to leave the terminal.</p>"#,
    r#"<div class="t-keys" role="toolbar" aria-label="Terminal keys"><button type="button" data-key="tab">Tab</button>"#,
    r#"<button type="button" data-key="up" aria-label="Previous command">↑</button>"#,
    r#"<button type="button" data-key="down" aria-label="Next command">↓</button>"#,
    r#"<button type="button" data-key="interrupt" aria-label="Control C: interrupt">^C</button>"#,
    r#"<button type="button" data-key="clear" aria-label="Clear the screen">Clear</button>"#,
    r#"<button type="button" data-key="enter" class="t-enter" aria-label="Run the line">⏎</button></div>"#
);

/// Whether an event (delegated to the section) comes from the command line.
fn from_input(ev: &web_sys::Event) -> bool {
    ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).is_some_and(|t| t.id() == "term-input")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::shell::PROMPT;

    #[test]
    fn the_markup_shows_the_prompt() {
        assert!(TERMINAL_HTML.contains(&format!(">{PROMPT}</label>")));
    }
}
