//! The complete lab's module: the same worker as the site's own module
//! runs (`web::lab::worker`), built with background jobs and sockets
//! (the `complete` feature). It never mounts the page, so none of the
//! page's code is linked. See `web::client` for when the page starts it.

use wasm_bindgen::prelude::wasm_bindgen;

/// The same allocator as the site's module (see `src/main.rs`).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {}

/// The lab worker's entry point, as in the site's module.
#[wasm_bindgen]
pub fn lab_worker_start() {
    web::lab::worker::start();
}
