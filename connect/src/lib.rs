//! Atlassian Connect for Rust apps: the protocol between a Confluence Cloud site and an app.
//!
//! Protocol only; nothing here knows what the app does. Server-side parts are behind the
//! `server` feature: [`Connect`] holds the settings, descriptor and tenants, mounts the
//! descriptor, lifecycle and webhook routes, and verifies host calls through the extractors in
//! [`auth`].

#[cfg(feature = "bridge")]
pub mod bridge;
pub mod descriptor;
pub mod qsh;
pub mod redact;

#[cfg(feature = "server")]
pub mod allowlist;
#[cfg(feature = "server")]
pub mod auth;
#[cfg(feature = "server")]
pub mod egress;
#[cfg(feature = "server")]
mod framework;
#[cfg(feature = "server")]
pub mod host;
#[cfg(feature = "server")]
pub mod host_pages;
#[cfg(feature = "server")]
pub mod install_keys;
#[cfg(feature = "server")]
pub mod jwt;
#[cfg(feature = "server")]
pub mod license;
#[cfg(feature = "server")]
pub mod lifecycle;
#[cfg(feature = "server")]
pub mod observe;
#[cfg(feature = "server")]
pub mod privacy;
#[cfg(feature = "server")]
mod rate;
#[cfg(feature = "server")]
pub mod rejection;
#[cfg(feature = "server")]
pub mod request_context;
#[cfg(feature = "server")]
pub mod settings;
#[cfg(feature = "server")]
pub mod store;
#[cfg(feature = "testing")]
pub mod test_host;
#[cfg(feature = "server")]
pub mod webhooks;

#[cfg(feature = "server")]
pub use framework::{BuildError, Connect, ConnectBuilder, default_http_client};
