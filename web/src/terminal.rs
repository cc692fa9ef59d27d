//! The terminal: a scrollback of prompts and output, and one input line.

use crate::complete::complete;
use crate::shell::{Line, Shell, PROMPT};
use leptos::ev::{ClipboardEvent, KeyboardEvent};
use leptos::html;
use leptos::prelude::*;

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

#[component]
pub fn Terminal() -> impl IntoView {
    let shell = expect_context::<Shell>();
    let input_ref = NodeRef::<html::Input>::new();
    let scroll_ref = NodeRef::<html::Div>::new();
    let lines_ref = NodeRef::<html::Div>::new();
    let text = RwSignal::new(String::new());
    // Position while browsing history: None = editing a new line.
    let hist_pos = StoredValue::new(None::<usize>);
    let draft = StoredValue::new(String::new());
    let last_tab = StoredValue::new(String::new());
    // Escape releases Tab for one press, so keyboard users can leave the field.
    let tab_released = StoredValue::new(false);

    // Draw new lines and keep the newest output in view.
    let shown = StoredValue::new((0u64, 0u64));
    Effect::new(move |_| {
        if let Some(el) = lines_ref.get() {
            shell.lines.with(|ls| shown.update_value(|s| sync_lines(&el, ls, s)));
        }
        if let Some(el) = scroll_ref.get() {
            el.set_scroll_top(el.scroll_height());
        }
    });

    let set_line = move |s: String| {
        text.set(s.clone());
        if let Some(i) = input_ref.get() {
            i.set_value(&s);
            caret_to_end(&i);
        }
    };

    let history_step = move |up: bool| {
        let hist = shell.history.get_value();
        if hist.is_empty() {
            return;
        }
        let pos = hist_pos.get_value();
        let next = match (pos, up) {
            (None, true) => {
                draft.set_value(text.get_untracked());
                Some(hist.len() - 1)
            }
            (Some(0), true) => Some(0),
            (Some(p), true) => Some(p - 1),
            (Some(p), false) if p + 1 < hist.len() => Some(p + 1),
            (_, false) => None,
        };
        hist_pos.set_value(next);
        set_line(next.map(|p| hist[p].clone()).unwrap_or_else(|| draft.get_value()));
    };

    let tab = move || {
        let line = text.get_untracked();
        let snap = shell.snap.get_untracked();
        let c = complete(&line, &snap);
        if !c.choices.is_empty() && last_tab.get_value() == line {
            // Second Tab on an ambiguous word lists the choices, as bash does.
            shell.list_choices(&line, &c.choices);
        }
        last_tab.set_value(c.line.clone());
        set_line(c.line);
    };

    let enter = move || {
        let line = text.get_untracked();
        hist_pos.set_value(None);
        set_line(String::new());
        shell.submit(&line);
    };

    let on_keydown = move |ev: KeyboardEvent| {
        let key = ev.key();
        let ctrl = ev.ctrl_key() && !ev.alt_key() && !ev.meta_key();
        let released = tab_released.get_value();
        tab_released.set_value(key == "Escape");
        match key.as_str() {
            "Enter" => {
                ev.prevent_default();
                enter();
            }
            "Tab" if !ev.shift_key() && !released => {
                ev.prevent_default();
                tab();
            }
            "ArrowUp" => {
                ev.prevent_default();
                history_step(true);
            }
            "ArrowDown" => {
                ev.prevent_default();
                history_step(false);
            }
            "c" | "C" if ctrl => {
                // Copy wins when text is selected in the field.
                let selected = input_ref.get().is_some_and(|i| {
                    i.selection_start().ok().flatten() != i.selection_end().ok().flatten()
                });
                if !selected {
                    ev.prevent_default();
                    shell.interrupt(&text.get_untracked());
                    hist_pos.set_value(None);
                    set_line(String::new());
                }
            }
            "l" | "L" if ctrl => {
                ev.prevent_default();
                shell.clear_screen();
            }
            "u" | "U" if ctrl => {
                ev.prevent_default();
                set_line(String::new());
            }
            _ => {}
        }
    };

    // A multi-line paste runs line by line, like a terminal; the last line,
    // if it has no newline yet, stays in the field to be edited.
    let on_paste = move |ev: ClipboardEvent| {
        let Some(data) = ev.clipboard_data() else { return };
        let Ok(pasted) = data.get_data("text") else { return };
        if !pasted.contains('\n') {
            return;
        }
        ev.prevent_default();
        let full = format!("{}{}", text.get_untracked(), pasted.replace("\r\n", "\n"));
        let mut parts: Vec<&str> = full.split('\n').collect();
        let rest = parts.pop().unwrap_or("").to_string();
        for p in parts {
            shell.submit(p);
        }
        set_line(rest);
    };

    // Clicking the scrollback focuses the field, unless the learner is selecting text to copy.
    let focus_input = move |_| {
        let selecting = window().get_selection().ok().flatten().is_some_and(|s| !s.is_collapsed());
        if !selecting {
            if let Some(i) = input_ref.get() {
                let _ = i.focus();
            }
        }
    };

    view! {
        <section class="terminal" aria-label="Terminal" id="terminal" on:click=focus_input>
            <div class="t-scroll" node_ref=scroll_ref>
                <div class="t-lines" data-testid="terminal-output" role="log" aria-live="off" node_ref=lines_ref></div>
                <div class="t-inputline" class:t-busy=move || shell.busy.get()>
                    <label for="term-input" class="t-prompt">{PROMPT}</label>
                    <input
                        id="term-input"
                        class="t-input"
                        data-testid="terminal-input"
                        node_ref=input_ref
                        type="text"
                        autocomplete="off"
                        autocapitalize="off"
                        spellcheck="false"
                        enterkeyhint="send"
                        aria-label="Command line (root on the simulated host)"
                        aria-describedby="term-help"
                        prop:value=move || text.get()
                        on:input=move |ev| {
                            text.set(event_target_value(&ev));
                            hist_pos.set_value(None);
                        }
                        on:keydown=on_keydown
                        on:paste=on_paste
                    />
                </div>
            </div>
            <div class="sr-only" aria-live="polite" aria-atomic="true">{move || shell.announce.get()}</div>
            <p id="term-help" class="sr-only">
                "Enter runs the line. Tab completes, Up and Down recall history, Control C interrupts, Control L clears. Press Escape then Tab to leave the terminal."
            </p>
            <div class="t-keys" role="toolbar" aria-label="Terminal keys">
                <button type="button" on:click=move |_| { tab(); if let Some(i) = input_ref.get() { let _ = i.focus(); } }>"Tab"</button>
                <button type="button" aria-label="Previous command" on:click=move |_| history_step(true)>"↑"</button>
                <button type="button" aria-label="Next command" on:click=move |_| history_step(false)>"↓"</button>
                <button type="button" aria-label="Control C: interrupt" on:click=move |_| { shell.interrupt(&text.get_untracked()); set_line(String::new()); }>"^C"</button>
                <button type="button" aria-label="Clear the screen" on:click=move |_| shell.clear_screen()>"Clear"</button>
                <button type="button" class="t-enter" aria-label="Run the line" on:click=move |_| enter()>"⏎"</button>
            </div>
        </section>
    }
}
