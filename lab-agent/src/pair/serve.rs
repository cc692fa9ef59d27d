//! `lab-agent serve`: the site's files over HTTP and, on any path, the
//! WebSocket a page pairs through. Every connection that presents the
//! token gets a session: a child process (`lab-agent session`) in a
//! sandbox of its own, spoken to in JSON lines ([`super::session`]).
//!
//! The upgrade is always accepted, so a page learns why it was refused (a
//! browser cannot read a refused upgrade's status): origin, token and
//! protocol are judged on the first message, answered `Refused`, and the
//! connection closes. A session outlives a lost connection by
//! [`Config::grace`] (a `Hello` naming it takes it up again), and ends
//! after [`Config::idle`] without a message, when the page closes, or
//! with the agent: every child gets `PR_SET_PDEATHSIG`, and the runtime is
//! one thread (the main one), so that parent never goes before the agent.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::Stdio;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::extract::{FromRequestParts, State};
use axum::http::{header, Request};
use axum::response::{IntoResponse, Response};
use axum::Router;
use lab_protocol::{Chunk, DecodeError, Event, HostFacts, LabState, Refusal, Request as Req};
use subtle::ConstantTimeEq;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader, Lines};
use tokio::process::{Child, ChildStdin, ChildStdout, Command};
use tower::ServiceExt;
use tower_http::services::ServeDir;

use super::wire::{self, Form};

/// How `lab-agent serve` was asked to run.
#[derive(Clone, Debug)]
pub struct Config {
    pub listen: SocketAddr,
    pub token: String,
    /// Origins allowed besides the agent's own (`--allow-origin`).
    pub origins: Vec<String>,
    /// The site's files (`--site`).
    pub site: PathBuf,
    /// Sessions look at the machine's own namespaces, read-only.
    pub inspect_host: bool,
    pub max_sessions: usize,
    /// How long a session outlives a lost connection.
    pub grace: Duration,
    /// How long a connection may send nothing.
    pub idle: Duration,
    /// Commands a second a session may run, on average.
    pub rate: u32,
    /// wss: the certificate chain and key, PEM files.
    pub tls: Option<(PathBuf, PathBuf)>,
}

/// The most a message may weigh (an `Open` of a long session).
pub const MAX_MESSAGE: usize = 1 << 20;
/// The longest command line a session runs.
pub const MAX_LINE: usize = 16 * 1024;
/// How long a page has to say `Hello`.
const HELLO_WITHIN: Duration = Duration::from_secs(10);

struct App {
    config: Config,
    facts: HostFacts,
    /// Sessions alive, attached or not.
    live: AtomicUsize,
    /// Sessions whose connection was lost, by name, until their grace ends.
    detached: Mutex<HashMap<String, Session>>,
    next: AtomicUsize,
}

/// A learner's sandbox: the child and its pipes.
struct Session {
    name: String,
    child: Child,
    stdin: ChildStdin,
    events: Lines<BufReader<ChildStdout>>,
    /// Its first event (`Ready`) is the page's to see only for the first
    /// child of a connection: one started for `Open` swallows it.
    swallow_ready: bool,
    /// It has run something (an `Open` then needs a fresh sandbox).
    used: bool,
    bucket: Bucket,
}

/// The command rate, as a token bucket: `rate` a second, twice that at once.
struct Bucket {
    tokens: f64,
    at: Instant,
}

impl Bucket {
    fn take(&mut self, rate: u32) -> bool {
        let now = Instant::now();
        let cap = f64::from(rate) * 2.0;
        self.tokens = (self.tokens + now.duration_since(self.at).as_secs_f64() * f64::from(rate)).min(cap);
        self.at = now;
        if self.tokens >= 1.0 {
            self.tokens -= 1.0;
            true
        } else {
            false
        }
    }
}

/// Serves until the process is killed. Prints the pairing link first.
pub fn run(config: Config) -> std::io::Result<()> {
    let acceptor = match &config.tls {
        Some((cert, key)) => Some(super::tls::acceptor(cert, key).map_err(std::io::Error::other)?),
        None => None,
    };
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    rt.block_on(async move {
        let listener = tokio::net::TcpListener::bind(config.listen).await?;
        let addr = listener.local_addr()?;
        let mut config = config;
        config.listen = addr;
        let facts = super::facts::host_facts(config.inspect_host);
        let (http, ws) = if acceptor.is_some() { ("https", "wss") } else { ("http", "ws") };
        println!("lab-agent: serving {} on {http}://{addr}/", config.site.display());
        println!("pair: {http}://{addr}/#/pair?agent={ws}://{addr}&token={}", config.token);
        println!(
            "To reach a VM from your own machine, forward the port over SSH (ssh -L {p}:127.0.0.1:{p} VM) rather than listening on a public address.",
            p = addr.port()
        );
        let app = Arc::new(App {
            config,
            facts,
            live: AtomicUsize::new(0),
            detached: Mutex::new(HashMap::new()),
            next: AtomicUsize::new(1),
        });
        let router = Router::new().fallback(route).with_state(app);
        match acceptor {
            Some(acceptor) => axum::serve(super::tls::TlsListener { tcp: listener, acceptor }, router).await,
            None => axum::serve(listener, router).await,
        }
    })
}

async fn route(State(app): State<Arc<App>>, req: Request<Body>) -> Response {
    let upgrade = req.headers().get(header::UPGRADE).is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"websocket"));
    if !upgrade {
        return match ServeDir::new(&app.config.site).oneshot(req).await {
            Ok(r) => r.into_response(),
            Err(e) => (axum::http::StatusCode::INTERNAL_SERVER_ERROR, e.to_string()).into_response(),
        };
    }
    let origin = req.headers().get(header::ORIGIN).and_then(|v| v.to_str().ok()).map(str::to_string);
    let (mut parts, _) = req.into_parts();
    match WebSocketUpgrade::from_request_parts(&mut parts, &app).await {
        Ok(ws) => ws.max_message_size(MAX_MESSAGE).on_upgrade(move |s| connection(app, s, origin)),
        Err(e) => e.into_response(),
    }
}

impl App {
    /// Whether a page from `origin` may pair: one named by `--allow-origin`,
    /// or the agent's own address on loopback. No `Origin` at all is no
    /// web page (a browser always sends one), so no cross-site request.
    fn origin_allowed(&self, origin: Option<&str>) -> bool {
        let Some(origin) = origin else { return true };
        let port = self.config.listen.port();
        let own =
            [format!("http://127.0.0.1:{port}"), format!("http://localhost:{port}"), format!("http://[::1]:{port}")];
        own.iter().chain(&self.config.origins).any(|o| o == origin)
    }

    fn token_matches(&self, token: &str) -> bool {
        bool::from(token.as_bytes().ct_eq(self.config.token.as_bytes()))
    }

    fn spawn(&self, name: String) -> std::io::Result<Session> {
        let exe = std::env::current_exe()?;
        let mut cmd = Command::new(exe);
        cmd.arg("session");
        if self.config.inspect_host {
            cmd.arg("--inspect-host");
        }
        cmd.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::null()).kill_on_drop(true);
        // SAFETY: prctl(2) only, between fork and exec.
        unsafe {
            cmd.pre_exec(|| {
                if libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL) != 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let mut child = cmd.spawn()?;
        let (Some(stdin), Some(stdout)) = (child.stdin.take(), child.stdout.take()) else {
            return Err(std::io::Error::other("the session's pipes"));
        };
        self.live.fetch_add(1, Ordering::SeqCst);
        Ok(Session {
            name,
            child,
            stdin,
            events: BufReader::new(stdout).lines(),
            swallow_ready: false,
            used: false,
            bucket: Bucket { tokens: f64::from(self.config.rate) * 2.0, at: Instant::now() },
        })
    }

    /// Ends a session: its process is killed and reaped, and the kernel
    /// drops its sandbox with it.
    fn end(&self, mut s: Session) {
        let _ = s.child.start_kill();
        self.live.fetch_sub(1, Ordering::SeqCst);
        tokio::spawn(async move {
            let _ = s.child.wait().await;
        });
    }
}

/// What the first message decided.
enum Pairing {
    Session(Box<Session>, bool),
    Refused(Refusal, String),
}

async fn connection(app: Arc<App>, mut ws: WebSocket, origin: Option<String>) {
    let first = tokio::time::timeout(HELLO_WITHIN, ws.recv()).await;
    let Ok(Some(Ok(first))) = first else { return };
    let (form, bytes) = match &first {
        Message::Binary(b) => (Form::Postcard, b.to_vec()),
        Message::Text(t) => (Form::Json, t.as_bytes().to_vec()),
        _ => return,
    };
    let pairing = pair(&app, origin.as_deref(), wire::read(form, &bytes));
    let (mut session, resumed) = match pairing {
        Pairing::Session(s, resumed) => (*s, resumed),
        Pairing::Refused(reason, message) => {
            let _ = send(&mut ws, form, &Event::Refused { reason, message }).await;
            let _ = ws.send(Message::Close(None)).await;
            return;
        }
    };
    let paired = Event::Paired { host: app.facts.clone(), session: session.name.clone(), resumed };
    if send(&mut ws, form, &paired).await.is_err() {
        return detach(&app, session);
    }
    if resumed {
        let _ = send(&mut ws, form, &Event::Ready { engine: "kernel".into() }).await;
    }
    loop {
        tokio::select! {
            msg = tokio::time::timeout(app.config.idle, ws.recv()) => match msg {
                Err(_) => {
                    let message = format!("the session ended after {} s without a message", app.config.idle.as_secs());
                    let _ = send(&mut ws, form, &Event::Error { message }).await;
                    return app.end(session);
                }
                Ok(None) | Ok(Some(Err(_))) => return detach(&app, session),
                Ok(Some(Ok(Message::Close(_)))) => return app.end(session),
                Ok(Some(Ok(Message::Binary(b)))) => {
                    if let Err(e) = request(&app, &mut ws, &mut session, wire::read(form, &b), form).await {
                        return lost(&app, session, e);
                    }
                }
                Ok(Some(Ok(Message::Text(t)))) => {
                    let read = if form == Form::Json { wire::read(form, t.as_bytes()) } else { Err(DecodeError::Malformed("a text frame on a binary session".into())) };
                    if let Err(e) = request(&app, &mut ws, &mut session, read, form).await {
                        return lost(&app, session, e);
                    }
                }
                Ok(Some(Ok(_))) => {}
            },
            line = session.events.next_line() => match line {
                Ok(Some(line)) => match lab_protocol::decode::<Event>(&line) {
                    Ok(Event::Ready { .. }) if session.swallow_ready => session.swallow_ready = false,
                    Ok(ev) => {
                        if send(&mut ws, form, &ev).await.is_err() {
                            return detach(&app, session);
                        }
                    }
                    Err(_) => {}
                },
                _ => {
                    let message = "the session's sandbox ended; reload to start a new one".to_string();
                    let _ = send(&mut ws, form, &Event::Error { message }).await;
                    return app.end(session);
                }
            },
        }
    }
}

/// A connection ended by a failure of ours (a child that would not start).
fn lost(app: &App, session: Session, _e: std::io::Error) {
    app.end(session)
}

fn pair(app: &App, origin: Option<&str>, hello: Result<Req, DecodeError>) -> Pairing {
    let refuse = |r, m: String| Pairing::Refused(r, m);
    if !app.origin_allowed(origin) {
        let o = origin.unwrap_or_default();
        return refuse(
            Refusal::Origin,
            format!("this agent does not pair with pages from {o} (start it with --allow-origin {o})"),
        );
    }
    let (token, resume) = match hello {
        Ok(Req::Hello { token, resume }) => (token, resume),
        Ok(_) => return refuse(Refusal::Protocol, "the first message must be hello".into()),
        Err(e) => return refuse(Refusal::Protocol, e.to_string()),
    };
    if !app.token_matches(&token) {
        return refuse(Refusal::Token, "wrong token".into());
    }
    if let Some(name) = resume {
        if let Some(s) = app.detached.lock().map(|mut d| d.remove(&name)).ok().flatten() {
            return Pairing::Session(Box::new(s), true);
        }
    }
    if app.live.load(Ordering::SeqCst) >= app.config.max_sessions {
        return refuse(
            Refusal::Full,
            format!("this agent already serves {} sessions, the most it may", app.config.max_sessions),
        );
    }
    let name = format!("s{}-{}", app.next.fetch_add(1, Ordering::SeqCst), std::process::id());
    match app.spawn(name) {
        Ok(s) => Pairing::Session(Box::new(s), false),
        Err(e) => refuse(Refusal::Full, format!("the agent could not start a session: {e}")),
    }
}

/// Keeps a session whose connection was lost for the grace period.
fn detach(app: &Arc<App>, session: Session) {
    let name = session.name.clone();
    if let Ok(mut d) = app.detached.lock() {
        d.insert(name.clone(), session);
    }
    let app = app.clone();
    tokio::spawn(async move {
        tokio::time::sleep(app.config.grace).await;
        let gone = app.detached.lock().ok().and_then(|mut d| d.remove(&name));
        if let Some(s) = gone {
            app.end(s);
        }
    });
}

async fn send(ws: &mut WebSocket, form: Form, ev: &Event) -> Result<(), axum::Error> {
    let bytes = wire::write(form, ev);
    let msg = match form {
        Form::Postcard => Message::Binary(bytes.into()),
        Form::Json => Message::Text(String::from_utf8(bytes).unwrap_or_default().into()),
    };
    ws.send(msg).await
}

/// One request of a paired page: checked, then passed to the session.
async fn request(
    app: &App,
    ws: &mut WebSocket,
    s: &mut Session,
    read: Result<Req, DecodeError>,
    form: Form,
) -> std::io::Result<()> {
    let req = match read {
        Ok(r) => r,
        Err(e) => {
            let _ = send(ws, form, &Event::Error { message: e.to_string() }).await;
            return Ok(());
        }
    };
    match &req {
        Req::Hello { .. } => {
            let _ = send(ws, form, &Event::Error { message: "already paired".into() }).await;
            return Ok(());
        }
        Req::Run { id, line, .. } => {
            let refusal = if line.len() > MAX_LINE {
                Some(format!("lab-agent: a command line may be at most {MAX_LINE} bytes\n"))
            } else if !s.bucket.take(app.config.rate) {
                Some(format!("lab-agent: too many commands: a session may run {} a second\n", app.config.rate))
            } else {
                None
            };
            if let Some(text) = refusal {
                let chunks = vec![Chunk { text, err: true, delay_ms: 0 }];
                let _ = send(ws, form, &Event::Output { id: *id, chunks }).await;
                let _ = send(ws, form, &Event::Done { id: *id, status: 1, state: LabState::default() }).await;
                return Ok(());
            }
        }
        // A fresh sandbox for every Open: the old one, and all it made, ends.
        Req::Open { .. } if s.used => {
            let fresh = app.spawn(s.name.clone())?;
            let old = std::mem::replace(s, fresh);
            app.end(old);
            s.swallow_ready = true;
        }
        Req::Open { .. } | Req::Interrupt { .. } | Req::Explain { .. } => {}
    }
    s.used |= !matches!(req, Req::Interrupt { .. } | Req::Explain { .. });
    let mut line = lab_protocol::encode(&req);
    line.push('\n');
    s.stdin.write_all(line.as_bytes()).await?;
    s.stdin.flush().await
}
