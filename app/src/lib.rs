//! Confluo's user interface: Leptos screens, components and server functions.
//!
//! The same code renders on the server (feature `ssr`) and hydrates in the browser
//! (feature `hydrate`).

pub mod app_error;
pub mod attachments;
pub mod context_client;
pub mod csp;
pub mod demo_server;
pub mod descriptor;
pub mod document_server_settings;
pub mod editor_options;
pub mod file_browser;
pub mod i18n;
pub mod licence;
pub mod office;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod permissions;
#[cfg(feature = "ssr")]
pub mod personal_data;
pub mod self_check;
pub mod shell;
#[cfg(feature = "ssr")]
pub mod site_data;
#[cfg(feature = "ssr")]
pub mod state;
#[cfg(feature = "ssr")]
pub mod store;
#[cfg(feature = "ssr")]
pub mod tenant_scope;
#[cfg(feature = "ssr")]
pub mod webhooks;

pub use shell::{App, shell};
