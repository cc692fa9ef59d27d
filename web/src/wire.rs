//! lab-protocol's messages between the page and its worker, as postcard
//! bytes in an `ArrayBuffer` that `postMessage` transfers rather than copies.
//!
//! Both ends are the same wasm module, so they cannot disagree about the
//! types, and a compact binary form is read without a JavaScript call per
//! field: with serde-wasm-bindgen (JavaScript objects in the envelope's
//! JSON shape) the page spent several milliseconds reading each snapshot of
//! a 50-namespace lab, and every message type's reader was its own code
//! (ARCHITECTURE.md, "Size"). Over a WebSocket (pairing with a VM) the same
//! messages travel as JSON (`lab_protocol::encode`). The worker's own
//! script reports that it could not start as a plain string
//! (`web/lab-start.js`), which `crate::client` reads as such.

use lab_protocol::{DecodeError, Envelope, VERSION};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::{JsCast, JsValue};

/// `msg` in an envelope of this version, as a `Uint8Array` of its own buffer.
pub fn to_js<T: Serialize>(msg: &T) -> js_sys::Uint8Array {
    // Cannot fail: postcard writes any of these types into a Vec.
    let bytes = postcard::to_allocvec(&Envelope { v: VERSION, msg }).unwrap_or_default();
    js_sys::Uint8Array::from(&bytes[..])
}

/// Reads a message of this version from such an array.
pub fn from_js<T: DeserializeOwned>(value: JsValue) -> Result<T, DecodeError> {
    let bytes = value
        .dyn_into::<js_sys::Uint8Array>()
        .map_err(|_| DecodeError::Malformed("not a message of this site's lab".into()))?
        .to_vec();
    // The version first, alone: a message of another version may not read.
    // postcard's own error texts are not shown (they would add their
    // strings to the first load): a message either reads or it does not.
    let unreadable = |_| DecodeError::Malformed("bytes that are not a message of this version".into());
    let (v, _) = postcard::take_from_bytes::<u32>(&bytes).map_err(unreadable)?;
    if v != VERSION {
        return Err(DecodeError::Version(v));
    }
    postcard::from_bytes::<Envelope<T>>(&bytes).map(|e| e.msg).map_err(unreadable)
}

/// Posts `msg` through `post` (a worker or the worker's scope), handing
/// over its buffer.
pub fn post<T: Serialize>(post: impl Fn(&JsValue, &JsValue) -> Result<(), JsValue>, msg: &T) {
    let array = to_js(msg);
    let _ = post(&array, &js_sys::Array::of1(&array.buffer()));
}
