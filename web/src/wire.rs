//! lab-protocol's messages between the page and its worker, as JavaScript
//! values: the envelope's JSON form (the crate documents it) built and read
//! by serde-wasm-bindgen, so that `postMessage` clones an object and the
//! site links no JSON parser (serde_json was about 15 KB of gzip in the
//! first load; ARCHITECTURE.md, "Size").

use lab_protocol::{DecodeError, Envelope, VERSION};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::JsValue;

/// `msg` in an envelope of this version, as the object its JSON describes.
pub fn to_js<T: Serialize>(msg: &T) -> JsValue {
    let json = serde_wasm_bindgen::Serializer::json_compatible();
    // Cannot fail: the messages have no maps with non-string keys, no
    // floats and no custom serialisers.
    Envelope { v: VERSION, msg }.serialize(&json).unwrap_or(JsValue::NULL)
}

/// Reads a message of this version from such an object.
pub fn from_js<T: DeserializeOwned>(value: JsValue) -> Result<T, DecodeError> {
    let v = js_sys::Reflect::get(&value, &JsValue::from_str("v")).ok().and_then(|v| v.as_f64());
    match v {
        Some(v) if v == f64::from(VERSION) => {}
        Some(v) => return Err(DecodeError::Version(v as u32)),
        None => return Err(DecodeError::Malformed("no protocol version".into())),
    }
    serde_wasm_bindgen::from_value::<Envelope<T>>(value)
        .map(|e| e.msg)
        .map_err(|e| DecodeError::Malformed(e.to_string()))
}
