//! HTTP/1.1 as curl 7.88.1 writes the request (http.c's order: the
//! request line, `Host`, `User-Agent`, `Accept`, the `-H` headers, then
//! `-d`'s `Content-Length` and `Content-Type`) and reads the reply's head.

use super::opts::Opts;
use super::url::Url;

/// The request's bytes.
pub fn request(o: &Opts, url: &Url) -> String {
    let body = (!o.data.is_empty()).then(|| o.data.join("&"));
    let method = match (&o.method, o.head, &body) {
        (Some(m), _, _) => m.as_str(),
        (None, true, _) => "HEAD",
        (None, false, Some(_)) => "POST",
        (None, false, None) => "GET",
    };
    // `-H 'Name: value'` replaces curl's own header of that name, `-H
    // 'Name:'` removes it, `-H 'Name;'` sends it empty.
    let custom: Vec<(&str, Option<String>)> = o
        .headers
        .iter()
        .filter_map(|h| {
            if let Some((name, value)) = h.split_once(':') {
                let value = value.trim_start();
                Some((name, (!value.is_empty()).then(|| format!("{name}: {value}"))))
            } else {
                h.strip_suffix(';').map(|name| (name, Some(format!("{name}:"))))
            }
        })
        .collect();
    let named = |n: &str| custom.iter().any(|(c, _)| c.eq_ignore_ascii_case(n));
    let mut lines = vec![format!("{method} {} HTTP/1.1", url.path)];
    // A custom Host takes the place of curl's.
    match custom.iter().find(|(c, _)| c.eq_ignore_ascii_case("host")) {
        Some((_, Some(h))) => lines.push(h.clone()),
        Some((_, None)) => {}
        None => lines.push(format!("Host: {}", url.host_header())),
    }
    let agent = o.user_agent.clone().unwrap_or_else(|| "curl/7.88.1".into());
    if !named("user-agent") && !agent.is_empty() {
        lines.push(format!("User-Agent: {agent}"));
    }
    if !named("accept") {
        lines.push("Accept: */*".into());
    }
    for (name, h) in &custom {
        if !name.eq_ignore_ascii_case("host") {
            lines.extend(h.clone());
        }
    }
    if let Some(b) = &body {
        if !named("content-length") {
            lines.push(format!("Content-Length: {}", b.len()));
        }
        if !named("content-type") {
            lines.push("Content-Type: application/x-www-form-urlencoded".into());
        }
    }
    let mut text: String = lines.iter().map(|l| format!("{l}\r\n")).collect();
    text.push_str("\r\n");
    text
}

/// The body `-d` sends after the head.
pub fn body(o: &Opts) -> String {
    o.data.join("&")
}

/// A reply's head, as read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Head {
    /// The head's text, each line with its own end (`\r\n` or `\n`).
    pub lines: Vec<String>,
    /// `1.0`, `1.1`.
    pub version: &'static str,
    pub status: u16,
    pub content_length: Option<u64>,
    pub content_type: Option<String>,
    pub chunked: bool,
}

/// What the bytes received so far are.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reading {
    /// The head is not complete yet.
    More,
    /// The head, and how many bytes of the buffer it took.
    Head(Head, usize),
    /// Not HTTP/1.x (curl refuses HTTP/0.9).
    NotHttp,
}

/// Reads a reply's head from the start of `buf`.
pub fn read_head(buf: &[u8]) -> Reading {
    let text = String::from_utf8_lossy(buf);
    let first_ok = |l: &str| l.starts_with("HTTP/1.0 ") || l.starts_with("HTTP/1.1 ");
    let mut lines = Vec::new();
    let mut at = 0;
    while let Some(nl) = text[at..].find('\n') {
        let line = &text[at..at + nl + 1];
        at += nl + 1;
        if lines.is_empty() && !first_ok(line) {
            return Reading::NotHttp;
        }
        lines.push(line.to_string());
        if line == "\r\n" || line == "\n" {
            return Reading::Head(head(lines), at);
        }
    }
    let partial = &text[at..];
    if lines.is_empty() && partial.len() >= 9 && !first_ok(partial) {
        return Reading::NotHttp;
    }
    Reading::More
}

fn head(lines: Vec<String>) -> Head {
    let status_line = lines[0].trim_end();
    let version = if status_line.starts_with("HTTP/1.0") { "1.0" } else { "1.1" };
    let status = status_line.get(9..12).and_then(|s| s.parse().ok()).unwrap_or(0);
    let mut h = Head { version, status, ..Head::default() };
    for l in &lines[1..] {
        let Some((name, value)) = l.split_once(':') else { continue };
        let value = value.trim();
        if name.eq_ignore_ascii_case("content-length") {
            h.content_length = value.parse().ok();
        } else if name.eq_ignore_ascii_case("content-type") {
            h.content_type = Some(value.to_string());
        } else if name.eq_ignore_ascii_case("transfer-encoding") {
            h.chunked = value.eq_ignore_ascii_case("chunked");
        }
    }
    h.lines = lines;
    h
}
