//! Atlassian Connect for Rust apps: the protocol between a Confluence Cloud site and an app.
//!
//! Protocol only; nothing here knows what the app does. Server-side parts are behind the
//! `server` feature.

pub mod descriptor;
#[cfg(feature = "server")]
pub mod jwt;
pub mod qsh;
pub mod redact;
#[cfg(feature = "server")]
pub mod store;
