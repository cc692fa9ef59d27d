//! The terminal: a scrollback of prompts and output, and one input line.

use crate::complete::complete;
use crate::explain_view::ExplainPanel;
use crate::shell::{Shell, MAX_TABS};
use crate::terminal_line::{TerminalLine, PROMPT, REDRAWN};
use leptos::ev::{ClipboardEvent, KeyboardEvent, MouseEvent};
use leptos::html;
use leptos::prelude::*;
use std::rc::Rc;
use wasm_bindgen::JsCast;

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

/// The line editor's state (the line itself is the input's value).
#[derive(Default)]
struct Editor {
    /// Position while browsing history: None = editing a new line.
    hist_pos: Option<usize>,
    draft: String,
    last_tab: String,
    /// Escape releases Tab for one press, so keyboard users can leave the field.
    tab_released: bool,
}

/// One step through `hist` from the line being edited; returns the line to show.
fn history_step(ed: &mut Editor, hist: &[String], line: &str, up: bool) -> Option<String> {
    if hist.is_empty() {
        return None;
    }
    let next = match (ed.hist_pos, up) {
        (None, true) => {
            ed.draft = line.to_string();
            Some(hist.len() - 1)
        }
        (Some(0), true) => Some(0),
        (Some(p), true) => Some(p - 1),
        (Some(p), false) if p + 1 < hist.len() => Some(p + 1),
        (_, false) => None,
    };
    ed.hist_pos = next;
    Some(next.map(|p| hist[p].clone()).unwrap_or_else(|| ed.draft.clone()))
}

/// Pointing at an event's target in the scrollback (`from`: by keyboard).
type Point = dyn Fn(&web_sys::Event, bool) -> bool;

#[component]
pub fn Terminal(shell: Shell) -> impl IntoView {
    let input = NodeRef::<html::Input>::new();
    let scroll = NodeRef::<html::Div>::new();
    let editor = StoredValue::new_local(Editor::default());
    let lines = shell.screen.lines;

    // Keep the newest output in view. In the next frame: reading the
    // scroll height forces a layout of the whole page, which done at once
    // would be done again for the diagram's change that follows a line's
    // output; in the frame, it is the one layout the frame needs anyway.
    // Lines drawn anew with the lab's notes (`REDRAWN` in their ids) are
    // no new output: the scrollback stays where the learner reads.
    Effect::new(move |last: Option<(usize, u64)>| {
        let now = lines.with(|l| (l.len(), l.last().map_or(0, |l| l.id & !REDRAWN)));
        if last != Some(now) {
            request_animation_frame(move || {
                if let Some(el) = scroll.get_untracked() {
                    el.set_scroll_top(el.scroll_height());
                }
            });
        }
        now
    });

    let text = move || input.get_untracked().map(|i| i.value()).unwrap_or_default();
    let set_line = move |s: &str| {
        if let Some(i) = input.get_untracked() {
            i.set_value(s);
            caret_to_end(&i);
        }
    };
    let focus = move || {
        if let Some(i) = input.get_untracked() {
            let _ = i.focus();
        }
    };

    // Called through a pointer, so its code is there once (inlined into
    // the field's keydown handler and the on-screen keys' it was twice,
    // ~7 KB of raw wasm each).
    let act: Rc<dyn Fn(Key)> = Rc::new(move |k: Key| {
        let line = text();
        match k {
            Key::Enter => {
                editor.update_value(|e| e.hist_pos = None);
                set_line("");
                shell.submit(&line);
            }
            Key::Tab => {
                let c = shell.lab.snapshot.with_untracked(|snap| complete(&line, snap));
                if !c.choices.is_empty() && editor.with_value(|e| e.last_tab == line) {
                    // Second Tab on an ambiguous word lists the choices, as bash does.
                    shell.list_choices(&line, &c.choices);
                }
                set_line(&c.line);
                editor.update_value(|e| e.last_tab = c.line);
            }
            Key::Up | Key::Down => {
                let hist = shell.history();
                let next = editor.try_update_value(|e| history_step(e, &hist, &line, k == Key::Up)).flatten();
                if let Some(next) = next {
                    set_line(&next);
                }
            }
            Key::Interrupt => {
                shell.interrupt(&line);
                editor.update_value(|e| e.hist_pos = None);
                set_line("");
            }
            Key::Clear => shell.clear_screen(),
            Key::Kill => set_line(""),
        }
    });

    let on_keydown = {
        let act = act.clone();
        move |ev: KeyboardEvent| {
            let released = editor.try_update_value(|e| std::mem::replace(&mut e.tab_released, ev.key() == "Escape"));
            let Some(k) = key_of(&ev, released.unwrap_or(false)) else { return };
            // Ctrl-C copies when text is selected in the field.
            let selected = input
                .get_untracked()
                .is_some_and(|i| i.selection_start().ok().flatten() != i.selection_end().ok().flatten());
            if k == Key::Interrupt && selected {
                return;
            }
            ev.prevent_default();
            act(k);
        }
    };

    // A multi-line paste runs line by line, like a terminal; the last line,
    // if it has no newline yet, stays in the field to be edited.
    let on_paste = move |ev: ClipboardEvent| {
        let Some(pasted) = ev.clipboard_data().and_then(|d| d.get_data("text").ok()) else { return };
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

    // Clicking the scrollback focuses the field, unless the learner is
    // selecting text to copy, or opening an explanation (on a phone the
    // field would bring up the keyboard).
    let on_click = move |ev: MouseEvent| {
        let selecting = window().get_selection().ok().flatten().is_some_and(|s| !s.is_collapsed());
        let el = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let noted = el.is_some_and(|el| el.closest("[data-note]").ok().flatten().is_some());
        if !selecting && !noted {
            focus();
        }
    };
    let key = |k: Key| {
        let act = act.clone();
        move |_| {
            act(k);
            if k == Key::Tab {
                focus();
            }
        }
    };

    // Pointing at output (see `Shell::point_at`): the pointer over a line
    // asks for its notes, over a noted span opens its explanation (a tap
    // is a pointer over it too); so does Enter on a focused line or span.
    // Handled here, once for every line. The explanation docks under the
    // scrollback, which it shrinks: a scrollback at its end (the prompt in
    // view) stays there, unless a pointer only passed over it (then no
    // line moves under the pointer).
    let point: Rc<Point> = Rc::new(move |ev: &web_sys::Event, from: bool| {
        let el = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let s = scroll.get_untracked();
        let end = s.as_ref().is_some_and(|s| s.scroll_top() + s.client_height() + 8 >= s.scroll_height());
        let opened = el.is_some_and(|el| shell.point_at(&el, from));
        if opened {
            request_animation_frame(move || {
                if let Some(s) = s.filter(|_| from && end) {
                    s.set_scroll_top(s.scroll_height());
                }
                // A phone's page scrolls: the explanation comes into view.
                if let Ok(Some(p)) = document().query_selector(".explain") {
                    let how = web_sys::ScrollIntoViewOptions::new();
                    how.set_block(web_sys::ScrollLogicalPosition::Nearest);
                    p.scroll_into_view_with_scroll_into_view_options(&how);
                }
            });
        }
        opened
    });
    let on_lines_key = {
        let point = point.clone();
        move |ev: KeyboardEvent| match ev.key().as_str() {
            "Enter" if point(&ev, true) => ev.prevent_default(),
            "Escape" => shell.close_explanation(),
            _ => {}
        }
    };

    let (tabs, active) = (shell.screen.tabs, shell.screen.active);
    let to_front = move |t: Option<u32>| {
        match t {
            Some(t) => shell.switch(t),
            None => shell.new_terminal(),
        }
        editor.update_value(|e| e.hist_pos = None);
        focus();
    };
    // Every tab there can be, drawn once; those not open are hidden (a
    // keyed list of a handful of buttons cost 2.7 KB of wasm gzip more).
    let tab = move |t: u32| {
        let hidden = move || t >= tabs.get();
        let selected = move || (active.get() == t).to_string();
        view! {
            <button type="button" role="tab" data-testid="terminal-tab" hidden=hidden aria-selected=selected
                on:click=move |_| to_front(Some(t))>{format!("Terminal {}", t + 1)}</button>
        }
    };

    view! {
        <section class="terminal" aria-label="Terminal" id="terminal" data-testid="terminal">
            // Several terminals on one lab: a server in one, its client in another.
            <div class="t-tabs" role="tablist" aria-label="Terminals">
                {(0..MAX_TABS).map(tab).collect_view()}
                <button type="button" data-testid="new-terminal" aria-label="Open another terminal"
                    on:click=move |_| to_front(None)>"+"</button>
            </div>
            <div class="t-scroll" node_ref=scroll on:click=on_click>
                <div class="t-lines" data-testid="terminal-output" role="log" aria-live="off"
                    on:mouseover=move |ev| { point(&ev, false); } on:keydown=on_lines_key>
                    <For each=move || lines.get() key=|l| l.id let(line)>
                        <TerminalLine line/>
                    </For>
                </div>
                <div class="t-inputline" class:t-busy=shell.screen.busy>
                    <label for="term-input" class="t-prompt">{PROMPT}</label>
                    <input id="term-input" class="t-input" data-testid="terminal-input" type="text" autocomplete="off"
                        autocapitalize="off" spellcheck="false" enterkeyhint="send"
                        aria-label="Command line (root on the simulated host)" aria-describedby="term-help"
                        node_ref=input on:keydown=on_keydown on:paste=on_paste
                        on:input=move |_| editor.update_value(|e| e.hist_pos = None)/>
                </div>
            </div>
            <ExplainPanel shell/>
            <div class="sr-only" aria-live="polite" aria-atomic="true">{Signal::<String>::from(shell.screen.announce)}</div>
            <p id="term-help" class="sr-only">
                "Enter runs the line. Tab completes, Up and Down recall history, Control C interrupts, "
                "Control L clears. Press Escape then Tab to leave the terminal."
            </p>
            <div class="t-keys" role="toolbar" aria-label="Terminal keys">
                <button type="button" data-key="tab" on:click=key(Key::Tab)>"Tab"</button>
                <button type="button" data-key="up" aria-label="Previous command" on:click=key(Key::Up)>"↑"</button>
                <button type="button" data-key="down" aria-label="Next command" on:click=key(Key::Down)>"↓"</button>
                <button type="button" data-key="interrupt" aria-label="Control C: interrupt" on:click=key(Key::Interrupt)>"^C"</button>
                <button type="button" data-key="clear" aria-label="Clear the screen" on:click=key(Key::Clear)>"Clear"</button>
                <button type="button" data-key="enter" class="t-enter" aria-label="Run the line" on:click=key(Key::Enter)>"⏎"</button>
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn history_walks_back_and_returns_to_the_draft() {
        let hist = ["a".to_string(), "b".to_string()];
        let mut ed = Editor::default();
        assert_eq!(history_step(&mut ed, &hist, "typed", true).as_deref(), Some("b"));
        assert_eq!(history_step(&mut ed, &hist, "b", true).as_deref(), Some("a"));
        assert_eq!(history_step(&mut ed, &hist, "a", true).as_deref(), Some("a"));
        assert_eq!(history_step(&mut ed, &hist, "a", false).as_deref(), Some("b"));
        assert_eq!(history_step(&mut ed, &hist, "b", false).as_deref(), Some("typed"));
    }
}
