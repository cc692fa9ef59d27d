//! The URL as curl 7.88.1 reads it: its globbing first (`[`…`]` and
//! `{`…`}`, which the simulator only checks), then urlapi.c's parse:
//! `http` guessed without a scheme, the authority's host and port, the
//! path (`/` when none). Only `http` is spoken here.

use std::fmt;

/// A URL curl can fetch.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Url {
    /// As written (case kept: `Could not resolve host: A`).
    pub host: String,
    pub port: u16,
    /// Whether the URL named the port (url_effective shows it then).
    pub port_given: bool,
    /// The path and query, from its `/`.
    pub path: String,
}

/// Why a URL cannot be used, with curl's exit status.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UrlError {
    /// (3) from the globber: its message and where (1-based).
    Glob { what: &'static str, pos: usize, url: String },
    /// (3) `URL using bad/illegal format or missing URL`.
    Malformed,
    /// (1) `Protocol "…" not supported or disabled in libcurl`.
    Unsupported(String),
}

impl UrlError {
    pub fn code(&self) -> i32 {
        match self {
            UrlError::Unsupported(_) => 1,
            _ => 3,
        }
    }
}

impl fmt::Display for UrlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UrlError::Glob { what, pos, url } => {
                write!(f, "{what} in URL position {pos}:\n{url}\n{}^", " ".repeat(pos - 1))
            }
            UrlError::Malformed => f.write_str("URL using bad/illegal format or missing URL"),
            UrlError::Unsupported(s) => write!(f, "Protocol \"{s}\" not supported or disabled in libcurl"),
        }
    }
}

impl Url {
    /// `Host:`'s value: the port only when it is not http's.
    pub fn host_header(&self) -> String {
        if self.port == 80 {
            self.host.clone()
        } else {
            format!("{}:{}", self.host, self.port)
        }
    }

    /// `%{url_effective}`.
    pub fn effective(&self) -> String {
        if self.port_given {
            format!("http://{}:{}{}", self.host, self.port, self.path)
        } else {
            format!("http://{}{}", self.host, self.path)
        }
    }
}

/// Parses `text`; `glob`: check `[]{}` as curl's globber does (not `-g`).
pub fn parse(text: &str, glob: bool) -> Result<Url, UrlError> {
    if glob {
        check_glob(text)?;
    }
    let (scheme, rest) = match text.split_once("://") {
        Some((s, r)) if !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(&b)) => {
            (s.to_ascii_lowercase(), r)
        }
        _ => ("http".to_string(), text),
    };
    if scheme != "http" {
        return Err(UrlError::Unsupported(scheme));
    }
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    let authority = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let (host, port) = match authority.rsplit_once(':') {
        Some((h, "")) => (h, None),
        Some((h, p)) => {
            let port = p.parse::<u16>().ok().filter(|_| p.bytes().all(|b| b.is_ascii_digit()));
            (h, Some(port.ok_or(UrlError::Malformed)?))
        }
        None => (authority, None),
    };
    let host_ok = |b: u8| b.is_ascii_alphanumeric() || b"-._~%".contains(&b);
    if host.is_empty() || !host.bytes().all(host_ok) {
        return Err(UrlError::Malformed);
    }
    let tail = tail.split('#').next().unwrap_or_default();
    let path = if tail.starts_with('/') { tail.to_string() } else { format!("/{tail}") };
    // urlapi.c normalizes a numeric IPv4 host (`10.1` → `10.0.0.1`).
    let host = super::super::nc::inet_aton(host).map_or_else(|| host.to_string(), |a| a.to_string());
    Ok(Url { host, port: port.unwrap_or(80), port_given: port.is_some(), path })
}

/// glob.c's checks: a `{` needs its `}`; a `[` opens a range (`[1-9]`,
/// `[a-z]`, with a `:step`) or an IPv6 address (`[::1]`).
fn check_glob(url: &str) -> Result<(), UrlError> {
    let err = |what, pos| Err(UrlError::Glob { what, pos, url: url.to_string() });
    let b = url.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 1,
            b'{' => match url[i..].find('}') {
                Some(close) => i += close,
                None => return err("unmatched brace", i + 1),
            },
            b'[' => {
                let Some(close) = url[i..].find(']') else {
                    let what = if url[i + 1..].contains(':') { "bad range specification" } else { "bad range" };
                    return err(what, i + 2);
                };
                let inner = &url[i + 1..i + close];
                if !is_range(inner) && !is_ipv6(inner) {
                    return err("bad range", i + 2);
                }
                i += close;
            }
            _ => {}
        }
        i += 1;
    }
    Ok(())
}

fn is_ipv6(s: &str) -> bool {
    s.contains(':') && s.bytes().all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.')
}

fn is_range(s: &str) -> bool {
    let s = s.split_once(':').map_or(s, |(r, step)| if step.bytes().all(|b| b.is_ascii_digit()) { r } else { "" });
    let Some((a, z)) = s.split_once('-') else { return false };
    let num = |x: &str| !x.is_empty() && x.bytes().all(|b| b.is_ascii_digit());
    let letter = |x: &str| x.len() == 1 && x.bytes().all(|b| b.is_ascii_alphabetic());
    (num(a) && num(z)) || (letter(a) && letter(z))
}
