//! The page's end of the lab: a Web Worker that runs the site's own
//! compiled module, spoken to in [`lab_protocol`] messages.
//!
//! The worker gets the `WebAssembly.Module` the page itself was compiled
//! from, so starting one compiles nothing and fetches only wasm-bindgen's
//! small JavaScript. The worker's script is `web/lab-start.js` (inlined in
//! index.html), which also starts the first worker while the wasm
//! downloads. Ctrl-C on a running line ends the worker and starts a new one
//! ([`LabClient::restart`]); the shell then replays the session without
//! that line (see lab-protocol's documentation).
//!
//! The page's own module carries the basic lab (no background jobs, no
//! sockets), which answers `NeedsComplete` to a line that needs them. The
//! page then switches, for good, to the complete lab
//! ([`LabClient::upgrade`]): a module of its own in `lab/`, which the
//! worker fetches and compiles itself (`web/lab-start.js`), so the page
//! never waits for it.

use crate::wire;
use lab_protocol::{Event, Request};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};

#[wasm_bindgen]
extern "C" {
    /// The address of wasm-bindgen's JavaScript for this module: the
    /// import is generated inside that file, so `import.meta` is its own.
    #[wasm_bindgen(thread_local_v2, js_namespace = ["import", "meta"], js_name = url)]
    static GLUE_URL: String;
}

type OnMessage = Closure<dyn FnMut(MessageEvent)>;
type OnError = Closure<dyn FnMut(web_sys::ErrorEvent)>;

/// The complete lab's glue and module, relative to the page (written by
/// scripts/build-complete-lab).
const COMPLETE_GLUE: &str = "lab/lab-complete.js";
const COMPLETE_WASM: &str = "lab/lab-complete_bg.wasm";

/// Handle to the lab; cheap to clone.
#[derive(Clone)]
pub struct LabClient(Rc<RefCell<Inner>>);

struct Inner {
    worker: Option<Worker>,
    /// Bumped per worker: messages of an ended worker are ignored.
    generation: u64,
    boot_url: String,
    on_event: Rc<dyn Fn(Event)>,
    /// The current worker's handlers, kept alive as long as it is.
    handlers: Option<(OnMessage, OnError)>,
    /// Workers run the complete lab from now on.
    complete: bool,
}

impl LabClient {
    /// Starts the lab; `on_event` receives every event it sends, in order.
    pub fn start(on_event: impl Fn(Event) + 'static) -> LabClient {
        let loader = js_sys::Reflect::get(&js_sys::global(), &"nslabLab".into()).unwrap_or(JsValue::UNDEFINED);
        let field = |name: &str| js_sys::Reflect::get(&loader, &name.into()).ok();
        let boot_url = field("boot").and_then(|u| u.as_string()).unwrap_or_default();
        let first = field("worker").and_then(|w| w.dyn_into::<Worker>().ok());
        let inner = Inner {
            worker: None,
            generation: 0,
            boot_url,
            on_event: Rc::new(on_event),
            handlers: None,
            complete: false,
        };
        let client = LabClient(Rc::new(RefCell::new(inner)));
        client.spawn(first);
        client
    }

    /// Sends a request. A worker still starting holds it until its lab
    /// runs (`web/lab-start.js`), so the page need not wait for `Ready`:
    /// a saved session replays while the page is still being drawn.
    pub fn send(&self, req: &Request) {
        if let Some(w) = &self.0.borrow().worker {
            wire::post(|m, t| w.post_message_with_transfer(m, t), req);
        }
    }

    /// Ends the worker, and whatever line it runs, and starts a new one;
    /// requests sent from now on go to the new one.
    pub fn restart(&self) {
        {
            let mut inner = self.0.borrow_mut();
            if let Some(w) = inner.worker.take() {
                w.set_onmessage(None);
                w.set_onerror(None);
                w.terminate();
            }
        }
        self.spawn(None);
    }

    /// Switches to the complete lab: ends the worker and starts one that
    /// runs it (and every later one does). False if it runs already: a
    /// complete lab never asks for more.
    pub fn upgrade(&self) -> bool {
        if std::mem::replace(&mut self.0.borrow_mut().complete, true) {
            return false;
        }
        self.restart();
        true
    }

    /// Starts a worker, or adopts `started` (the one index.html started
    /// while the wasm downloaded), and hands it the compiled module.
    fn spawn(&self, started: Option<Worker>) {
        let generation = {
            let mut inner = self.0.borrow_mut();
            inner.generation += 1;
            inner.generation
        };
        let complete = self.0.borrow().complete;
        // The basic lab is this module, already compiled; the worker fetches
        // the complete one itself, by its address.
        let (glue, module) = if complete {
            // Named for the page's build (its glue is `web-HASH.js`), as the
            // text tools' module is: a cache then never pairs this page with
            // a complete lab of another build (dist/lab/'s names carry no hash).
            let page = GLUE_URL.with(|g| g.rsplit('/').next().unwrap_or_default().trim_end_matches(".js").to_string());
            let named = |path: &str| absolute(&format!("{path}?for={page}"));
            (named(COMPLETE_GLUE), JsValue::from(named(COMPLETE_WASM)))
        } else {
            (GLUE_URL.with(String::clone), wasm_bindgen::module())
        };
        let worker = match started {
            Some(w) => w,
            None => {
                let opts = WorkerOptions::new();
                opts.set_type(WorkerType::Module);
                opts.set_name(&glue);
                let url = self.0.borrow().boot_url.clone();
                match Worker::new_with_options(&url, &opts) {
                    Ok(w) => w,
                    Err(_) => return self.fail("this browser cannot start a module worker"),
                }
            }
        };
        let me = self.clone();
        let on_message = OnMessage::new(move |e: MessageEvent| {
            me.receive(generation, e.data());
        });
        let me = self.clone();
        let on_error = OnError::new(move |e: web_sys::ErrorEvent| {
            e.prevent_default();
            if me.0.borrow().generation == generation {
                me.fail(&e.message());
            }
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        let start = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&start, &"module".into(), &module);
        let _ = worker.post_message(&start);
        let mut inner = self.0.borrow_mut();
        inner.worker = Some(worker);
        inner.handlers = Some((on_message, on_error));
    }

    fn receive(&self, generation: u64, data: JsValue) {
        let event = match data.as_string() {
            // The worker's script could not start the lab (web/lab-start.js).
            Some(message) => Event::Error { message },
            None => wire::from_js::<Event>(data).unwrap_or_else(|e| Event::Error { message: e.to_string() }),
        };
        let on_event = {
            let inner = self.0.borrow();
            if inner.generation != generation {
                return;
            }
            if matches!(event, Event::Ready { .. }) {
                crate::mark_once("lab-ready");
            }
            inner.on_event.clone()
        };
        on_event(event);
    }

    fn fail(&self, why: &str) {
        let on_event = self.0.borrow().on_event.clone();
        on_event(Event::Error { message: format!("the lab could not start: {why}") });
    }
}

/// `path` resolved against the page's address: the worker's script is a
/// `blob:` URL, against which nothing relative resolves.
fn absolute(path: &str) -> String {
    let base = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
    web_sys::Url::new_with_base(path, &base).map(|u| u.href()).unwrap_or_else(|_| path.to_string())
}
