//! The text tools (grep, awk, sort, head, …), `man`, iptables and ip's usage
//! texts as a wasm module of their own. The site's first load leaves them
//! out (they, their pages and the float and regex code only they use are
//! about a tenth of its wasm); the lab's worker fetches this module the
//! first time a line runs one of them and calls it synchronously
//! (`web/src/lab/text_tools.rs`).
//!
//! The interface is four plain functions, so the module needs no
//! JavaScript glue: the caller writes a call (sim-shell's
//! `coreutils::wire` format) into the buffer [`call_buffer`] returns, calls
//! [`run`], and reads [`run`]'s result length of bytes at [`output_buffer`].
//! A tool that traps (it should not: nothing panics) takes the module's
//! state with it; the caller then starts a fresh instance.

/// talc rather than std's dlmalloc: smaller, and faster at the text tools'
/// many small allocations (the site's module does the same).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

use sim_core::usage::Usage;
use sim_shell::coreutils::wire::{self, Call, Reply};
use sim_shell::coreutils::{run_coreutil_in, run_file_tool, Input, FILE_TOOLS};
use sim_shell::output::Output;
use std::cell::RefCell;

thread_local! {
    static CALL: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    static OUTPUT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// The wire format's version ([`wire::VERSION`]).
#[no_mangle]
pub extern "C" fn version() -> u32 {
    wire::VERSION
}

/// A buffer of `len` bytes for the next call, in this module's memory.
#[no_mangle]
pub extern "C" fn call_buffer(len: u32) -> *mut u8 {
    CALL.with_borrow_mut(|call| {
        call.clear();
        call.resize(len as usize, 0);
        call.as_mut_ptr()
    })
}

/// Runs the call in the call buffer; returns the length of its encoded
/// output, which starts at [`output_buffer`].
#[no_mangle]
pub extern "C" fn run() -> u32 {
    let out = CALL.with_borrow(|call| run_encoded(call));
    OUTPUT.with_borrow_mut(|o| {
        *o = out;
        o.len() as u32
    })
}

/// Where the last output starts.
#[no_mangle]
pub extern "C" fn output_buffer() -> *const u8 {
    OUTPUT.with_borrow(|o| o.as_ptr())
}

/// One call, encoded both ways: what [`run`] does with its buffers.
pub fn run_encoded(call: &[u8]) -> Vec<u8> {
    let reply = match wire::decode_call(call) {
        Some(call) => run_call(&call),
        None => Reply { output: Output::error("text-tools: a call this module cannot read\n", 2), state: Vec::new() },
    };
    wire::encode_reply(&reply)
}

/// One call, by program name.
fn run_call(call: &Call) -> Reply {
    let Call { argv, stdin, state } = call;
    let name = sim_shell::coreutils::program_name(argv);
    if sim_core::tools::elsewhere::serves(name) {
        return sim_core::tools::elsewhere::serve(call);
    }
    // The text tools' state: the machine's files, working directory and
    // what stdin is.
    let Some(wire::Machine { mut files, cwd, stdin_is_file }) = wire::decode_files(state) else {
        return Reply { output: Output::error("text-tools: a call this module cannot read\n", 2), state: Vec::new() };
    };
    if FILE_TOOLS.contains(&name) {
        // rm and touch: the files come back as they left them.
        let output = run_file_tool(argv, &mut files, &cwd).unwrap_or_default();
        return Reply { output, state: wire::encode_files(&files, &cwd, false) };
    }
    let output = match name {
        "man" => sim_core::tools::man::run(argv),
        // The printf builtin's formatting: `printf-format PREFIX FORMAT ARGS…`.
        "printf-format" => match argv.get(1..3) {
            Some([prefix, format]) => sim_shell::printf_formatted(format, &argv[3..], prefix),
            _ => Output::error("printf-format: a call this module cannot read\n", 2),
        },
        // The usage texts, which the site's first load leaves here.
        "usage-text" => match argv.get(1).and_then(|n| Usage::from_name(n)) {
            Some(u) => {
                let mut out = Output::new();
                out.out(u.linked());
                out
            }
            None => Output::error("usage-text: no such text\n", 2),
        },
        _ => {
            let input = Input::new(stdin, &files, &cwd);
            run_coreutil_in(argv, &if stdin_is_file { input.stdin_from_file() } else { input })
                .unwrap_or_else(|| Output::error(format!("bash: {name}: command not found\n"), 127))
        }
    };
    Reply { output, state: Vec::new() }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn call(argv: &[&str], stdin: &str) -> Output {
        let call = Call { argv: argv.iter().map(|a| a.to_string()).collect(), stdin: stdin.into(), state: Vec::new() };
        wire::decode_reply(&run_encoded(&wire::encode_call(&call))).expect("a reply").output
    }

    #[test]
    fn the_tools_read_the_files_the_call_carries() {
        let files: sim_shell::files::Files =
            [("/tmp/a".to_string(), "hello\nmore\n".to_string())].into_iter().collect();
        let argv = ["grep", "-c", "o", "a", "/tmp/b"].iter().map(|a| a.to_string()).collect();
        let call = Call { argv, stdin: String::new(), state: wire::encode_files(&files, "/tmp", false) };
        let out = wire::decode_reply(&run_encoded(&wire::encode_call(&call))).expect("a reply").output;
        assert_eq!(
            (out.status, out.stdout(), out.stderr()),
            (2, "a:2\n".into(), "grep: /tmp/b: No such file or directory\n".into())
        );
        let rm = Call {
            argv: vec!["rm".into(), "a".into()],
            stdin: String::new(),
            state: wire::encode_files(&files, "/tmp", false),
        };
        let reply = wire::decode_reply(&run_encoded(&wire::encode_call(&rm))).expect("a reply");
        assert_eq!(reply.output.status, 0);
        let left = wire::decode_files(&reply.state).expect("the files");
        assert_eq!((left.files, left.cwd.as_str()), (Default::default(), "/tmp"));
        let wc = Call { argv: vec!["wc".into()], stdin: "a b\n".into(), state: wire::encode_files(&files, "/", true) };
        let out = wire::decode_reply(&run_encoded(&wire::encode_call(&wc))).expect("a reply").output;
        assert_eq!(out.stdout(), "1 2 4\n");
        let bad = Call { argv: vec!["cat".into()], stdin: String::new(), state: vec![1] };
        let out = wire::decode_reply(&run_encoded(&wire::encode_call(&bad))).expect("a reply").output;
        assert_eq!(out.status, 2);
    }

    #[test]
    fn runs_the_tools_through_the_wire() {
        let out = call(&["grep", "-c", "o"], "lo\neth0\nbr0\n");
        assert_eq!((out.status, out.chunks[0].text.as_str()), (0, "1\n"));
        let out = call(&["awk", "{print $2}"], "a b\nc d\n");
        assert_eq!(out.chunks.iter().map(|c| c.text.as_str()).collect::<String>(), "b\nd\n");
    }

    #[test]
    fn an_unknown_tool_and_a_bad_call_say_so() {
        assert_eq!(call(&["ip"], "").status, 127);
        let man = call(&["man", "veth"], "");
        assert!(man.chunks[0].text.starts_with("veth(4)"), "{man:?}");
        let reply = wire::decode_reply(&run_encoded(b"\x01")).expect("a reply");
        assert_eq!(reply.output.status, 2);
    }

    #[test]
    fn printf_formats_here_for_the_site() {
        let out = call(&["printf-format", "bash: ", "%s=%5.2f %e\\n", "pi", "3.14159", "x"], "");
        assert_eq!(out.status, 1);
        assert_eq!(out.text(), "bash: printf: x: invalid number\npi= 3.14 0.000000e+00\n");
    }

    #[test]
    fn every_usage_text_comes_through_the_wire() {
        for u in Usage::all() {
            let out = call(&["usage-text", u.name()], "");
            assert_eq!((out.status, out.chunks[0].text.as_str()), (0, u.linked()), "{}", u.name());
        }
        assert_eq!(call(&["usage-text", "nope"], "").status, 2);
    }

    #[test]
    fn the_exported_buffers_carry_a_call() {
        let argv = vec!["wc".to_string(), "-l".to_string()];
        let call = wire::encode_call(&Call { argv, stdin: "a\nb\n".into(), state: Vec::new() });
        let ptr = call_buffer(call.len() as u32);
        // SAFETY: call_buffer returned a buffer of exactly call.len() bytes
        // that nothing else touches until run().
        unsafe { std::ptr::copy_nonoverlapping(call.as_ptr(), ptr, call.len()) };
        let len = run() as usize;
        // SAFETY: output_buffer points at the `len` bytes run() just wrote.
        let bytes = unsafe { std::slice::from_raw_parts(output_buffer(), len) }.to_vec();
        let out = wire::decode_reply(&bytes).expect("a reply").output;
        assert_eq!(out.chunks[0].text, "2\n");
        assert_eq!(version(), wire::VERSION);
    }
}
