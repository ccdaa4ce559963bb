//! `AP.flag`: the host's notification flags.

use serde::Serialize;

use super::{BridgeError, js};

/// How a flag looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FlagKind {
    Info,
    Success,
    Warning,
    Error,
}

#[derive(Debug, Clone, Serialize)]
struct FlagOptions<'a> {
    title: &'a str,
    body: &'a str,
    #[serde(rename = "type")]
    kind: FlagKind,
    close: &'a str,
}

/// Shows a flag in the host page. Errors stay until closed; others fade.
pub fn create(kind: FlagKind, title: &str, body: &str) -> Result<(), BridgeError> {
    let close = if kind == FlagKind::Error {
        "manual"
    } else {
        "auto"
    };
    let options = FlagOptions {
        title,
        body,
        kind,
        close,
    };
    js::fire("flag.create", vec![js::to_js(&options)?])
}
