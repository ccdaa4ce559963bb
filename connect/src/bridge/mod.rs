//! The browser half of Connect: typed bindings over all.js's global `AP`, for iframe pages
//! compiled to WebAssembly. Every call is async and returns a [`Result`]; a page opened outside
//! Confluence (no all.js) gets [`BridgeError::NoHost`] instead of a JavaScript exception.
//!
//! all.js offers callbacks and, for most calls, promises; these bindings pass a callback where
//! the host only answers through one and await the promise otherwise.

mod js;

pub mod confluence;
pub mod context;
pub mod dialog;
pub mod events;
pub mod flag;
pub mod navigator;
pub mod request;
pub mod user;

pub use request::{HostResponse, RequestOptions, request, request_json};

/// Why a bridge call failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BridgeError {
    #[error("this page works only inside Confluence: the Connect bridge (all.js) is not loaded")]
    NoHost,
    #[error("this Confluence does not offer AP.{0}")]
    Missing(String),
    #[error("Confluence refused AP.{call}: {message}")]
    Host { call: String, message: String },
    #[error("Confluence answered HTTP {status} for {url}: {message}")]
    Http {
        url: String,
        status: u16,
        message: String,
    },
    #[error("unexpected answer from AP.{call}: {message}")]
    Decode { call: String, message: String },
}

/// Makes the iframe as tall as its content (all.js measures the document).
pub async fn resize() -> Result<(), BridgeError> {
    js::call("resize", vec![]).await.map(drop)
}

/// Makes a page module or dialog fill the host's frame.
pub async fn size_to_parent() -> Result<(), BridgeError> {
    js::call("sizeToParent", vec![]).await.map(drop)
}

/// Whether all.js is loaded in this page.
pub fn available() -> bool {
    js::ap().is_ok()
}

/// Follows the host's light or dark theme: all.js sets `data-color-mode` (and `data-theme`) on
/// this page's `<html>` now and whenever the host's theme changes.
pub fn initialize_theming() -> Result<(), BridgeError> {
    js::fire("theming.initializeTheming", vec![])
}
