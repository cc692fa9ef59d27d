//! The web crate's module boundaries, checked on its source text:
//! - no import cycles among its top-level modules;
//! - the lab's side (`lab/`, run in the Web Worker) and the page's side meet
//!   only in lab-protocol: no page module names `crate::lab`, and nothing
//!   under `lab/` names a page module;
//! - the only `inner_html` is the sanitised lesson prose.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Modules the page's side may not reach, and the lab's side may not use.
const LAB: &str = "lab";
/// Pure modules both sides may use.
const SHARED: &[&str] = &["ansi", "checks", "session", "lesson", "route", "wire"];
/// Where lesson prose is put into the page.
const PROSE: &str = "lesson_view";

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every `.rs` file under `dir`, with the top-level module it belongs to.
fn files(dir: &Path, top: Option<&str>, out: &mut Vec<(String, PathBuf)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let module = top.map(str::to_string).unwrap_or_else(|| name.clone());
        if path.is_dir() {
            files(&path, Some(&module), out);
        } else if path.extension().is_some_and(|e| e == "rs") && !matches!(name.as_str(), "lib" | "main") {
            out.push((module, path));
        }
    }
}

/// The top-level modules a source text names as `crate::NAME`.
fn uses(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let code: String = text.lines().filter(|l| !l.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n");
    for (i, _) in code.match_indices("crate::") {
        let rest = &code[i + "crate::".len()..];
        let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
        if !name.is_empty() {
            found.insert(name);
        }
    }
    found
}

fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let mut list = Vec::new();
    files(&src(), None, &mut list);
    let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (module, path) in list {
        let text = std::fs::read_to_string(&path).unwrap();
        let edges = g.entry(module.clone()).or_default();
        edges.extend(uses(&text).into_iter().filter(|m| *m != module));
    }
    g
}

/// A cycle in `g`, if there is one (as the path that closes it).
fn cycle(g: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        n: &str,
        g: &BTreeMap<String, BTreeSet<String>>,
        stack: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = stack.iter().position(|s| s == n) {
            return Some(stack[i..].iter().cloned().chain([n.to_string()]).collect());
        }
        if !done.insert(n.to_string()) {
            return None;
        }
        stack.push(n.to_string());
        for m in g.get(n).into_iter().flatten() {
            if let Some(c) = visit(m, g, stack, done) {
                return Some(c);
            }
        }
        stack.pop();
        None
    }
    let mut done = BTreeSet::new();
    g.keys().find_map(|n| visit(n, g, &mut Vec::new(), &mut done))
}

#[test]
fn modules_import_each_other_without_cycles() {
    let g = graph();
    assert!(g.len() > 10, "{g:?}");
    assert_eq!(cycle(&g), None, "an import cycle among web's modules");
}

#[test]
fn the_page_and_the_lab_meet_only_in_the_protocol() {
    for (module, edges) in graph() {
        if module == LAB {
            let page: Vec<_> = edges.iter().filter(|m| !SHARED.contains(&m.as_str())).collect();
            assert!(page.is_empty(), "lab/ uses page modules {page:?}");
        } else {
            assert!(!edges.contains(LAB), "page module {module} reaches into the lab's side");
        }
    }
}

#[test]
fn only_the_lesson_prose_is_set_as_html() {
    let mut list = Vec::new();
    files(&src(), None, &mut list);
    for (module, path) in list {
        let text = std::fs::read_to_string(&path).unwrap();
        let html = text.contains("inner_html") || text.contains("innerHTML") || text.contains("insert_adjacent_html");
        assert!(!html || module == PROSE, "{} sets HTML", path.display());
    }
}

#[test]
fn the_finder_sees_a_cycle() {
    let g: BTreeMap<String, BTreeSet<String>> = [("a", "b"), ("b", "c"), ("c", "a")]
        .into_iter()
        .map(|(a, b)| (a.to_string(), BTreeSet::from([b.to_string()])))
        .collect();
    assert_eq!(cycle(&g).map(|c| c.len()), Some(4));
    assert_eq!(uses("use crate::shell::Shell; crate::lab::x"), BTreeSet::from(["shell".into(), "lab".into()]));
}
