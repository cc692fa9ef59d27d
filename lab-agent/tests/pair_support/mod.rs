//! A `lab-agent serve` started for a test, and a page's side of the
//! protocol (JSON text frames, as `PROTOCOL.md` documents them).

#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use lab_protocol::{decode, encode, Event, Request};
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

pub const TOKEN: &str = "test-token-0123";
pub const ALLOWED: &str = "http://allowed.example:9999";

pub struct Agent {
    pub child: Child,
    pub port: u16,
}

impl Agent {
    pub fn start(extra: &[&str]) -> Agent {
        let site = std::env::temp_dir().join("nslab-serve-test-site");
        let _ = std::fs::create_dir_all(&site);
        let _ = std::fs::write(site.join("index.html"), "<!doctype html><title>nslab</title>\n");
        let mut child = Command::new(env!("CARGO_BIN_EXE_lab-agent"))
            .args(["serve", "--listen", "127.0.0.1:0", "--token", TOKEN, "--allow-origin", ALLOWED, "--site"])
            .arg(&site)
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("lab-agent serve starts");
        let out = child.stdout.take().unwrap();
        let mut lines = BufReader::new(out).lines();
        let port = loop {
            let line = lines.next().expect("a pairing link").unwrap();
            if let Some(link) = line.strip_prefix("pair: ") {
                let addr = link
                    .split("agent=ws")
                    .nth(1)
                    .unwrap()
                    .trim_start_matches("s")
                    .trim_start_matches("://")
                    .split('&')
                    .next()
                    .unwrap();
                break addr.rsplit(':').next().unwrap().parse().unwrap();
            }
        };
        // Keep reading so the agent never blocks on a full pipe.
        std::thread::spawn(move || for _ in lines {});
        Agent { child, port }
    }

    pub fn url(&self) -> String {
        format!("ws://127.0.0.1:{}/", self.port)
    }

    /// The agent's sessions' processes alive now.
    pub fn sessions(&self) -> usize {
        children_of(self.child.id()).len()
    }
}

impl Drop for Agent {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The pids whose parent is `pid`.
pub fn children_of(pid: u32) -> Vec<u32> {
    let Ok(dir) = std::fs::read_dir("/proc") else { return Vec::new() };
    dir.filter_map(Result::ok)
        .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
        .filter(|p| {
            std::fs::read_to_string(format!("/proc/{p}/stat"))
                .ok()
                .and_then(|s| s.rsplit_once(')').map(|(_, r)| r.split_whitespace().nth(1).map(str::to_string)))
                .flatten()
                .is_some_and(|pp| pp == pid.to_string())
        })
        .collect()
}

pub type Ws = WebSocketStream<MaybeTlsStream<TcpStream>>;

pub async fn connect(agent: &Agent, origin: Option<&str>) -> Ws {
    let mut req = agent.url().into_client_request().unwrap();
    if let Some(o) = origin {
        req.headers_mut().insert("origin", o.parse().unwrap());
    }
    tokio_tungstenite::connect_async(req).await.expect("the upgrade is accepted").0
}

pub async fn send(ws: &mut Ws, req: &Request) {
    ws.send(Message::Text(encode(req).into())).await.unwrap();
}

pub async fn send_raw(ws: &mut Ws, text: &str) {
    ws.send(Message::Text(text.to_string().into())).await.unwrap();
}

/// The next event; `None` when the connection closes (or nothing comes in 60 s).
pub async fn next(ws: &mut Ws) -> Option<Event> {
    loop {
        let msg = tokio::time::timeout(Duration::from_secs(60), ws.next()).await.ok()??.ok()?;
        match msg {
            Message::Text(t) => return Some(decode::<Event>(&t).expect("an event of this version")),
            Message::Close(_) => return None,
            _ => continue,
        }
    }
}

/// Pairs with the token; returns the session's name after `Ready`.
pub async fn pair(agent: &Agent) -> (Ws, String) {
    let mut ws = connect(agent, Some(ALLOWED)).await;
    send(&mut ws, &Request::Hello { token: TOKEN.into(), resume: None }).await;
    let Some(Event::Paired { session, .. }) = next(&mut ws).await else { panic!("paired") };
    assert!(matches!(next(&mut ws).await, Some(Event::Ready { .. })));
    (ws, session)
}

/// Runs a line: what it printed (stdout and stderr, in order), its status and its `Done`'s state.
pub async fn run(ws: &mut Ws, id: u64, line: &str) -> (String, i32, lab_protocol::LabState) {
    send(ws, &Request::Run { id, line: line.into(), term: 0 }).await;
    let mut text = String::new();
    loop {
        match next(ws).await {
            Some(Event::Output { id: i, chunks }) if i == id => text.extend(chunks.iter().map(|c| c.text.as_str())),
            Some(Event::Done { id: i, status, state }) if i == id => return (text, status, state),
            Some(_) => {}
            None => panic!("the connection closed during `{line}`"),
        }
    }
}

/// The machine's own network state, as a learner's sessions must leave it.
pub fn machine_state() -> String {
    let mut all = String::new();
    for args in [&["netns", "list"][..], &["-o", "link"], &["-o", "addr"], &["route"]] {
        let out = Command::new("ip").args(args).output().expect("ip runs");
        all.push_str(&String::from_utf8_lossy(&out.stdout));
    }
    all
}
