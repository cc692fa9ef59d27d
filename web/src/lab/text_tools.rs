//! The text tools (grep, awk, sort, …) run in a module of their own
//! (`text-tools/`), which the first load leaves out and this worker fetches
//! the first time a line runs one of them. A command runs synchronously,
//! so the fetch is too: a synchronous request, allowed in workers, and a
//! synchronous compile, allowed there for modules of any size. The page
//! stays responsive meanwhile, and Ctrl-C ends the worker as for any long
//! command. The module is kept for the life of the worker.
//!
//! In native builds (tests) the tools are linked in and nothing here runs.

use sim_shell::coreutils;
use sim_shell::coreutils::wire::{self, Call, Reply};
use sim_shell::output::Output;
use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};

/// Where the module is, next to the site's JavaScript glue; the glue's
/// content-hashed name keeps a new site from meeting an old cached module.
const PATH: &str = "tools/text-tools.wasm";

/// Has grep, awk and the others run through the module from now on.
pub fn install() {
    coreutils::set_runner(run);
}

thread_local! {
    static MODULE: RefCell<Option<Tools>> = const { RefCell::new(None) };
}

/// A running instance of the module and the functions it exports.
struct Tools {
    memory: js_sys::WebAssembly::Memory,
    call_buffer: js_sys::Function,
    run: js_sys::Function,
    output_buffer: js_sys::Function,
}

fn run(call: &Call) -> Reply {
    let name = call.argv.first().map_or("", String::as_str);
    let result = MODULE.with_borrow_mut(|slot| {
        if slot.is_none() {
            *slot = Some(load()?);
        }
        let tools = slot.as_ref().ok_or_else(|| JsValue::from_str("not loaded"))?;
        let out = tools.call(&wire::encode_call(call));
        if out.is_err() {
            // A trap leaves the instance's state unknown: start afresh next time.
            *slot = None;
        }
        out
    });
    match result {
        Ok(reply) => reply,
        Err(e) => {
            let why = e.as_string().or_else(|| js_sys::Error::from(e).message().as_string()).unwrap_or_default();
            let msg = format!("nslab: {name} could not run: the text tools' module did not load ({why})\n");
            Reply { output: Output::error(msg, 127), state: Vec::new() }
        }
    }
}

/// Fetches, compiles and starts the module.
fn load() -> Result<Tools, JsValue> {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    // The worker's name is the glue's address (see web/lab-start.js).
    let glue = scope.name();
    // `?for=` names the build (the page's glue, `web-HASH`), so that a
    // cache never pairs a lab with another build's tools; the complete
    // lab's glue carries the page's in its own address (`client.rs`).
    let stem = match glue.split_once("?for=") {
        Some((_, page)) => page,
        None => glue.rsplit('/').next().unwrap_or_default().trim_end_matches(".js"),
    };
    // The complete lab's glue is one directory down (dist/lab/).
    let up = if sim_core::lab::basic::is_complete() { "../" } else { "" };
    let url = web_sys::Url::new_with_base(&format!("{up}{PATH}?for={stem}"), &glue)?.href();
    let xhr = web_sys::XmlHttpRequest::new()?;
    xhr.open_with_async("GET", &url, false)?;
    xhr.set_response_type(web_sys::XmlHttpRequestResponseType::Arraybuffer);
    xhr.send()?;
    if xhr.status()? != 200 {
        return Err(JsValue::from_str(&format!("HTTP {} for {PATH}", xhr.status()?)));
    }
    let module = js_sys::WebAssembly::Module::new(&xhr.response()?)?;
    let instance = js_sys::WebAssembly::Instance::new(&module, &js_sys::Object::new())?;
    let exports = instance.exports();
    let get = |name: &str| js_sys::Reflect::get(&exports, &JsValue::from_str(name));
    let version = get("version")?.dyn_into::<js_sys::Function>()?.call0(&JsValue::NULL)?;
    if version.as_f64() != Some(f64::from(wire::VERSION)) {
        return Err(JsValue::from_str("a module of another version"));
    }
    Ok(Tools {
        memory: get("memory")?.dyn_into()?,
        call_buffer: get("call_buffer")?.dyn_into()?,
        run: get("run")?.dyn_into()?,
        output_buffer: get("output_buffer")?.dyn_into()?,
    })
}

impl Tools {
    fn call(&self, call: &[u8]) -> Result<Reply, JsValue> {
        let ptr = number(self.call_buffer.call1(&JsValue::NULL, &JsValue::from(call.len() as u32))?)?;
        self.bytes(ptr, call.len() as u32).copy_from(call);
        let len = number(self.run.call0(&JsValue::NULL)?)?;
        let at = number(self.output_buffer.call0(&JsValue::NULL)?)?;
        // Read after run(): the module's memory may have grown, which
        // replaces its buffer.
        let out = self.bytes(at, len).to_vec();
        wire::decode_reply(&out).ok_or_else(|| JsValue::from_str("a reply this page cannot read"))
    }

    /// A view of `len` bytes of the module's memory at `at`.
    fn bytes(&self, at: u32, len: u32) -> js_sys::Uint8Array {
        js_sys::Uint8Array::new(&self.memory.buffer()).subarray(at, at.saturating_add(len))
    }
}

/// A wasm `i32` result as the unsigned address or length it is.
fn number(v: JsValue) -> Result<u32, JsValue> {
    v.as_f64().map(|n| n as i32 as u32).ok_or_else(|| JsValue::from_str("not a number"))
}
