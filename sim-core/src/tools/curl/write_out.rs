//! `-w`'s format (tool_writeout.c): `%{name}` variables, `%%`, and the
//! escapes `\n`, `\r`, `\t`; an unknown variable prints nothing and a
//! warning on stderr.

use super::transfer::Transfer;

/// The text `-w` prints, and the unknown variables met.
pub fn expand(format: &str, t: &Transfer) -> (String, Vec<String>) {
    let mut out = String::new();
    let mut unknown = Vec::new();
    let mut rest = format;
    while let Some(c) = rest.chars().next() {
        if let Some(after) = rest.strip_prefix("%%") {
            out.push('%');
            rest = after;
        } else if let Some((name, after)) = rest.strip_prefix("%{").and_then(|r| r.split_once('}')) {
            match variable(name, t) {
                Some(v) => out.push_str(&v),
                None => unknown.push(name.to_string()),
            }
            rest = after;
        } else if let Some(e) = rest.strip_prefix('\\').and_then(|r| r.chars().next()) {
            match e {
                'n' => out.push('\n'),
                'r' => out.push('\r'),
                't' => out.push('\t'),
                other => {
                    out.push('\\');
                    out.push(other);
                }
            }
            rest = &rest[1 + e.len_utf8()..];
        } else {
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    (out, unknown)
}

fn variable(name: &str, t: &Transfer) -> Option<String> {
    let head = t.head.as_ref();
    Some(match name {
        "http_code" | "response_code" => format!("{:03}", head.map_or(0, |h| h.status)),
        "http_version" => head.map_or("0", |h| if h.version == "1.0" { "1" } else { "1.1" }).to_string(),
        "size_download" => t.body.len().to_string(),
        "size_header" => head.map_or(0, |h| h.lines.iter().map(String::len).sum::<usize>()).to_string(),
        "remote_ip" => t.remote.map(|a| a.ip().to_string()).unwrap_or_default(),
        "remote_port" => t.remote.map_or(0, |a| a.port()).to_string(),
        "content_type" => head.and_then(|h| h.content_type.clone()).unwrap_or_default(),
        "url_effective" => t.url_effective.clone(),
        "exitcode" => t.error.as_ref().map_or(0, |e| e.0).to_string(),
        "errormsg" => t.error.as_ref().map(|e| e.1.clone()).unwrap_or_default(),
        "num_connects" => u8::from(t.connected).to_string(),
        "redirect_url" => head.filter(|h| (300..400).contains(&h.status)).map_or_else(String::new, |h| redirect(h, t)),
        _ => return None,
    })
}

/// Where a 3xx reply's `Location` leads, made absolute against the URL
/// (`/sub/` from `http://10.0.0.2:8000/sub` is `http://10.0.0.2:8000/sub/`).
fn redirect(h: &super::http::Head, t: &Transfer) -> String {
    let Some(loc) = h.lines.iter().find_map(|l| {
        l.split_once(':').filter(|(n, _)| n.eq_ignore_ascii_case("location")).map(|(_, v)| v.trim().to_string())
    }) else {
        return String::new();
    };
    let url = &t.url_effective;
    let origin_end = url.match_indices('/').nth(2).map_or(url.len(), |(i, _)| i);
    if loc.contains("://") {
        loc
    } else if loc.starts_with('/') {
        format!("{}{loc}", &url[..origin_end])
    } else {
        let dir_end = url.rfind('/').filter(|i| *i >= origin_end).map_or(url.len(), |i| i + 1);
        let base = &url[..dir_end];
        if base.ends_with('/') {
            format!("{base}{loc}")
        } else {
            format!("{base}/{loc}")
        }
    }
}
