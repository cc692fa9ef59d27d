//! `prerender CONTENT_DIR OUT_DIR`: writes the lessons' files the site serves
//! (see `lesson_format::render`). Trunk runs it before each build
//! (Trunk.toml, `pre_build`); a lesson with a mistake stops the build.

use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [content, out] = args.as_slice() else {
        eprintln!("usage: prerender CONTENT_DIR OUT_DIR");
        return ExitCode::from(2);
    };
    let lessons = match lesson_format::markdown::read_lessons(Path::new(content)) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("prerender: {e}");
            return ExitCode::FAILURE;
        }
    };
    match lesson_format::render::write_site(&lessons, Path::new(out)) {
        Ok(written) => {
            for p in written {
                eprintln!("prerender: wrote {}", p.display());
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("prerender: {out}: {e}");
            ExitCode::FAILURE
        }
    }
}
