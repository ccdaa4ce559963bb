//! The query-string hash (QSH): binds a Connect JWT to one HTTP request (method, path, query).
//!
//! `qsh = hex(sha256(METHOD & CANONICAL_PATH & CANONICAL_QUERY))`. The path is taken exactly as
//! sent (never decoded or normalised) minus the base URL's path; the query is decoded, `jwt`
//! dropped, re-encoded with the RFC 3986 unreserved set, values sorted per key and keys sorted.
//!
//! Atlassian's Java implementation (the Confluence host) sorts keys by their *encoded* form, the
//! npm library by their *raw* form; they differ only for rare keys. We send the Java form and
//! accept either on inbound requests (see [`KeyOrder`]).

use std::cmp::Ordering;

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use sha2::{Digest, Sha256};

/// The fixed `qsh` claim of context tokens from `AP.context.getToken()`.
pub const CONTEXT_QSH: &str = "context-qsh";

/// RFC 3986 unreserved characters stay as they are; everything else is `%XX` (upper-case hex).
const ENCODE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// How query parameters are ordered in the canonical query.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyOrder {
    /// By percent-encoded key: what Confluence (Java) computes. Use this when signing.
    Java,
    /// By decoded key in UTF-16 order: what the npm `atlassian-jwt` library computes.
    Js,
}

/// A URL that cannot be hashed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QshError {
    #[error("not an absolute http(s) URL: {0}")]
    NotAbsolute(String),
}

/// The canonical request for `method` on a path and query exactly as sent on the wire.
///
/// `base_path` is the path of the relevant base URL (the app's for inbound requests, the
/// tenant's such as `/wiki` for outbound ones). Callers normalise their own base URL without a
/// trailing `/`; the algorithm itself keeps Atlassian's plain prefix test.
pub fn canonical_request(
    method: &str,
    raw_path: &str,
    raw_query: Option<&str>,
    base_path: &str,
    order: KeyOrder,
) -> String {
    format!(
        "{}&{}&{}",
        method.to_ascii_uppercase(),
        canonical_path(raw_path, base_path),
        canonical_query(raw_query.unwrap_or(""), order)
    )
}

/// The canonical request for an absolute URL relative to an absolute base URL.
pub fn canonical_request_for_url(
    method: &str,
    url: &str,
    base_url: &str,
    order: KeyOrder,
) -> Result<String, QshError> {
    let (path, query) = split_url(url)?;
    let (base_path, _) = split_url(base_url)?;
    Ok(canonical_request(method, path, query, base_path, order))
}

/// `hex(sha256(canonical))`, lower-case.
pub fn hash(canonical: &str) -> String {
    hex::encode(Sha256::digest(canonical.as_bytes()))
}

/// The QSH of a request as Confluence computes it (Java key order).
pub fn qsh(method: &str, raw_path: &str, raw_query: Option<&str>, base_path: &str) -> String {
    hash(&canonical_request(
        method,
        raw_path,
        raw_query,
        base_path,
        KeyOrder::Java,
    ))
}

/// Whether `claimed` is the QSH of this request in either key order (inbound verification).
pub fn matches(
    claimed: &str,
    method: &str,
    raw_path: &str,
    raw_query: Option<&str>,
    base_path: &str,
) -> bool {
    let java = canonical_request(method, raw_path, raw_query, base_path, KeyOrder::Java);
    if constant_time_eq(claimed.as_bytes(), hash(&java).as_bytes()) {
        return true;
    }
    let js = canonical_request(method, raw_path, raw_query, base_path, KeyOrder::Js);
    js != java && constant_time_eq(claimed.as_bytes(), hash(&js).as_bytes())
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Splits an absolute URL into its raw path and raw query, without decoding anything.
pub fn split_url(url: &str) -> Result<(&str, Option<&str>), QshError> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or_else(|| QshError::NotAbsolute(url.to_owned()))?;
    let rest = rest.split_once('#').map_or(rest, |(before, _)| before);
    let after_authority = rest.find(['/', '?']).map_or("", |i| &rest[i..]);
    Ok(match after_authority.split_once('?') {
        Some((path, query)) => (path, Some(query)),
        None => (after_authority, None),
    })
}

fn canonical_path(raw_path: &str, base_path: &str) -> String {
    // A plain prefix test, as Atlassian's libraries do: a base of `/ctx/` does not strip `/ctx`.
    let mut path = if !base_path.is_empty() && raw_path.starts_with(base_path) {
        &raw_path[base_path.len()..]
    } else {
        raw_path
    };
    if path.is_empty() {
        path = "/";
    }
    let mut out = path.replace('&', "%26");
    if !out.starts_with('/') {
        out.insert(0, '/');
    }
    if out.len() > 1 && out.ends_with('/') {
        out.pop();
    }
    out
}

fn canonical_query(raw_query: &str, order: KeyOrder) -> String {
    // (raw key, raw values) in first-seen order, then sorted.
    let mut params: Vec<(String, Vec<String>)> = Vec::new();
    for (key, value) in form_urlencoded::parse(raw_query.as_bytes()) {
        if key == "jwt" {
            continue;
        }
        match params.iter_mut().find(|(k, _)| *k == key) {
            Some((_, values)) => values.push(value.into_owned()),
            None => params.push((key.into_owned(), vec![value.into_owned()])),
        }
    }
    let mut items: Vec<(String, String, String)> = params
        .into_iter()
        .map(|(key, mut values)| {
            values.sort_by(|a, b| utf16_cmp(a, b));
            let encoded_values: Vec<String> = values.iter().map(|v| encode(v)).collect();
            (encode(&key), key, encoded_values.join(","))
        })
        .collect();
    match order {
        KeyOrder::Java => items.sort_by(|a, b| a.0.cmp(&b.0)),
        KeyOrder::Js => items.sort_by(|a, b| utf16_cmp(&a.1, &b.1)),
    }
    items
        .iter()
        .map(|(encoded_key, _, values)| format!("{encoded_key}={values}"))
        .collect::<Vec<_>>()
        .join("&")
}

fn encode(s: &str) -> String {
    utf8_percent_encode(s, ENCODE).to_string()
}

/// Java `String.compareTo` / JavaScript default sort order.
fn utf16_cmp(a: &str, b: &str) -> Ordering {
    a.encode_utf16().cmp(b.encode_utf16())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lifecycle_and_context_examples() {
        assert_eq!(
            canonical_request("post", "/installed", None, "", KeyOrder::Java),
            "POST&/installed&"
        );
        assert_eq!(
            canonical_request(
                "GET",
                "/wiki/rest/api/content/1/",
                Some("b=2&a=1&jwt=x"),
                "/wiki",
                KeyOrder::Java
            ),
            "GET&/rest/api/content/1&a=1&b=2"
        );
    }

    #[test]
    fn either_order_is_accepted_inbound() {
        let java = hash("GET&/q&%5Bx=2&Ax=1");
        let js = hash("GET&/q&Ax=1&%5Bx=2");
        assert!(matches(&java, "GET", "/q", Some("Ax=1&%5Bx=2"), ""));
        assert!(matches(&js, "GET", "/q", Some("Ax=1&%5Bx=2"), ""));
        assert!(!matches(&js, "GET", "/q", Some("Ax=1&%5Bx=3"), ""));
    }
}
