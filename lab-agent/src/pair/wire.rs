//! The two forms a message takes on the WebSocket: postcard bytes in a
//! binary frame (what the page sends: `web/src/wire.rs`, so it links no
//! JSON parser) or JSON text in a text frame (any other client,
//! `PROTOCOL.md`). The agent answers in the form the `Hello` came in.

use lab_protocol::{DecodeError, Envelope, Event, Request, VERSION};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    Postcard,
    Json,
}

/// A request from a frame's payload.
pub fn read(form: Form, bytes: &[u8]) -> Result<Request, DecodeError> {
    match form {
        Form::Json => {
            let text = std::str::from_utf8(bytes).map_err(|e| DecodeError::Malformed(e.to_string()))?;
            lab_protocol::decode(text)
        }
        Form::Postcard => {
            let bad = |e: postcard::Error| DecodeError::Malformed(e.to_string());
            let (v, _) = postcard::take_from_bytes::<u32>(bytes).map_err(bad)?;
            if v != VERSION {
                return Err(DecodeError::Version(v));
            }
            postcard::from_bytes::<Envelope<Request>>(bytes).map(|e| e.msg).map_err(bad)
        }
    }
}

/// An event as a frame's payload in `form`.
pub fn write(form: Form, ev: &Event) -> Vec<u8> {
    match form {
        Form::Json => lab_protocol::encode(ev).into_bytes(),
        // Cannot fail: postcard writes any of these types into a Vec.
        Form::Postcard => postcard::to_allocvec(&Envelope { v: VERSION, msg: ev }).unwrap_or_default(),
    }
}
