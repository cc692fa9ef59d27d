//! Compiles the lessons in `content/` into the bundle.
//!
//! Each `content/NN-slug.md` becomes a `Lesson` value in `$OUT_DIR/lessons.rs`,
//! in file-name order. A lesson with a mistake (bad front matter, a check that
//! does not parse) fails the build with the file and the reason.

#[path = "src/checks/mod.rs"]
#[allow(dead_code)]
mod checks;
#[path = "src/lesson_md.rs"]
mod lesson_md;

use std::{env, fs, path::Path};

fn main() {
    let manifest = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let dir = Path::new(&manifest).join("../content");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = fs::read_dir(&dir)
        .expect("content/ exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "md") && p.file_name().unwrap() != "README.md")
        .collect();
    files.sort();
    let mut out = String::from("pub static LESSONS: &[Lesson] = &[\n");
    for path in files {
        println!("cargo:rerun-if-changed={}", path.display());
        let stem = path.file_stem().unwrap().to_string_lossy();
        let slug = stem.trim_start_matches(|c: char| c.is_ascii_digit() || c == '-');
        let src = fs::read_to_string(&path).unwrap();
        match lesson_md::parse_lesson(slug, &src) {
            Ok(lesson) => out += &(lesson_md::to_rust(&lesson) + ",\n"),
            Err(e) => panic!("{}: {e}", path.display()),
        }
    }
    out += "];\n";
    fs::write(Path::new(&env::var("OUT_DIR").unwrap()).join("lessons.rs"), out).unwrap();
}
