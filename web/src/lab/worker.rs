//! The Web Worker's side: reads requests from the page, answers events.
//! The page starts it with the site's own compiled module (see
//! `crate::client`), so the lab and the page run the same code.

use super::host::LabHost;
use crate::wire;
use lab_protocol::{Event, Request};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

/// Installs the message handler and tells the page the lab is ready.
pub fn start() {
    super::text_tools::install();
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let post = scope.clone();
    let emit = move |ev: Event| wire::post(|m, t| post.post_message_with_transfer(m, t), &ev);
    let host = RefCell::new(LabHost::default());
    let ready = emit.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        let mut emit = emit.clone();
        match wire::from_js::<Request>(e.data()) {
            Ok(req) => host.borrow_mut().handle(req, &mut emit),
            Err(err) => emit(Event::Error { message: err.to_string() }),
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    ready(Event::Ready { engine: "simulator".into() });
}
