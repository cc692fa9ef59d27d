use wasm_bindgen::prelude::wasm_bindgen;

/// talc rather than std's dlmalloc: smaller (0.7 KB gzip of the first
/// load) and faster at the many small allocations a replay makes.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// The same module runs the page and, in a Web Worker, the lab: only the
/// page (which has a window) mounts the site.
fn main() {
    if web_sys::window().is_some() {
        web::mount();
    }
}

/// The lab worker's entry point (`web::client` starts the worker).
#[wasm_bindgen]
pub fn lab_worker_start() {
    web::lab::worker::start();
}
