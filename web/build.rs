//! Compiles the lessons' index into the bundle.
//!
//! Each `content/NN-slug.md` becomes a `Lesson` value in `$OUT_DIR/lessons.rs`,
//! in file-name order: everything but its prose, which the page fetches when
//! the lesson opens (`lessons/SLUG.json`, written by lesson-format's
//! `prerender`). A lesson with a mistake (bad front matter, a check that does
//! not parse) fails the build with the file and the reason.

use lesson_format::markdown::{lesson_files, read_lessons, to_rust};
use std::{env, fs, path::Path};

fn main() {
    let manifest = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let dir = Path::new(&manifest).join("../content");
    println!("cargo:rerun-if-changed={}", dir.display());
    for path in lesson_files(&dir).unwrap_or_else(|e| panic!("{e}")) {
        println!("cargo:rerun-if-changed={}", path.display());
    }
    let lessons = read_lessons(&dir).unwrap_or_else(|e| panic!("{e}"));
    let mut out = String::from("pub static LESSONS: &[Lesson] = &[\n");
    for lesson in &lessons {
        out += &(to_rust(lesson) + ",\n");
    }
    out += "];\n";
    fs::write(Path::new(&env::var("OUT_DIR").unwrap()).join("lessons.rs"), out).unwrap();
}
