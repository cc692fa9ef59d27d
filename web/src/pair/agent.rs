//! The page's end of a WebSocket to `lab-agent serve`: the worker's
//! protocol (lab-protocol) over a real kernel, with a `Hello` in front.
//!
//! Frames are binary and hold exactly what [`crate::wire::to_js`] makes (a
//! postcard `Envelope`), both ways, so the page links no JSON parser for
//! the agent either. The socket is opened with the agent's address from
//! the pairing link; the page says `Hello { token }` as soon as it opens
//! and holds every other request until the agent answers `Paired`.

use crate::wire;
use lab_protocol::{DecodeError, Event, Request};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{BinaryType, MessageEvent, WebSocket};

/// What the socket tells the page: a message of the agent, or its end.
#[derive(Clone, Debug, PartialEq)]
pub enum AgentNews {
    Event(Event),
    /// The socket closed (or never opened: `opened` false), or the agent
    /// spoke another version of the protocol (`Some(v)`), then the page closed it.
    Closed {
        opened: bool,
        version: Option<u32>,
    },
}

type Handler = Closure<dyn FnMut(JsValue)>;

/// Handle to one connection; cheap to clone. Dropping the last handle
/// does not close it: [`AgentClient::close`] does. (Its handlers hold
/// handles, so a closed connection's few closures are never freed: a
/// learner pairs a handful of times in a page's life.)
#[derive(Clone)]
pub struct AgentClient(Rc<RefCell<Inner>>);

struct Inner {
    socket: WebSocket,
    /// Requests sent before the agent said `Paired`.
    held: Vec<Request>,
    paired: bool,
    opened: bool,
    closed: bool,
    /// The socket's handlers, kept alive as long as it is.
    handlers: Vec<Handler>,
}

impl AgentClient {
    /// Opens a socket to `url` and says hello with `token`; `on_news`
    /// receives the agent's events in order, then its end (once).
    /// `resume` names the session of an earlier `Paired` to take up again.
    pub fn connect(
        url: &str,
        token: &str,
        resume: Option<String>,
        on_news: impl Fn(AgentNews) + 'static,
    ) -> Result<AgentClient, String> {
        let socket = WebSocket::new(url).map_err(|e| e.as_string().unwrap_or_else(|| format!("{e:?}")))?;
        socket.set_binary_type(BinaryType::Arraybuffer);
        let inner =
            Inner { socket, held: Vec::new(), paired: false, opened: false, closed: false, handlers: Vec::new() };
        let client = AgentClient(Rc::new(RefCell::new(inner)));
        let on_news: Rc<dyn Fn(AgentNews)> = Rc::new(on_news);
        let hello = Request::Hello { token: token.to_string(), resume };

        let me = client.clone();
        let on_open = Handler::new(move |_| {
            me.0.borrow_mut().opened = true;
            me.post(&hello);
        });
        let (me, news) = (client.clone(), on_news.clone());
        let on_message = Handler::new(move |e: JsValue| {
            let Some(data) = e.dyn_ref::<MessageEvent>().map(MessageEvent::data) else { return };
            let bytes = match data.dyn_into::<js_sys::ArrayBuffer>() {
                Ok(buffer) => js_sys::Uint8Array::new(&buffer).into(),
                Err(other) => other,
            };
            match wire::from_js::<Event>(bytes) {
                Ok(event) => {
                    if matches!(event, Event::Paired { .. }) {
                        me.paired();
                    }
                    news(AgentNews::Event(event));
                }
                Err(DecodeError::Version(v)) => me.end(&news, Some(v)),
                Err(e) => news(AgentNews::Event(Event::Error { message: format!("the agent sent {e}") })),
            }
        });
        let (me, news) = (client.clone(), on_news);
        let on_close = Handler::new(move |_| me.end(&news, None));
        {
            let mut inner = client.0.borrow_mut();
            let s = &inner.socket;
            s.set_onopen(Some(on_open.as_ref().unchecked_ref()));
            s.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
            // An error is always followed by a close, which says it.
            s.set_onclose(Some(on_close.as_ref().unchecked_ref()));
            inner.handlers = vec![on_open, on_message, on_close];
        }
        Ok(client)
    }

    /// Sends a request, or holds it until the agent has paired.
    pub fn send(&self, req: &Request) {
        if self.0.borrow().paired {
            self.post(req);
        } else {
            self.0.borrow_mut().held.push(req.clone());
        }
    }

    /// Closes the connection; the page hears nothing more from it.
    pub fn close(&self) {
        let mut inner = self.0.borrow_mut();
        inner.closed = true;
        let s = &inner.socket;
        s.set_onopen(None);
        s.set_onmessage(None);
        s.set_onclose(None);
        let _ = s.close();
        // The handlers stay until the handle goes: `close` may be called
        // from one of them, which must not be dropped while it runs.
    }

    fn post(&self, req: &Request) {
        let _ = self.0.borrow().socket.send_with_array_buffer_view(&wire::to_js(req));
    }

    fn paired(&self) {
        let held = {
            let mut inner = self.0.borrow_mut();
            inner.paired = true;
            std::mem::take(&mut inner.held)
        };
        for req in &held {
            self.post(req);
        }
    }

    /// The connection is over (once): closes it and says why.
    fn end(&self, news: &Rc<dyn Fn(AgentNews)>, version: Option<u32>) {
        let opened = {
            let inner = self.0.borrow();
            if inner.closed {
                return;
            }
            inner.opened
        };
        let news = news.clone();
        self.close();
        news(AgentNews::Closed { opened, version });
    }
}
