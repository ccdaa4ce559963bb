//! Confluo's user interface: Leptos screens, components and server functions.
//!
//! The same code renders on the server (feature `ssr`) and hydrates in the browser
//! (feature `hydrate`).

pub mod descriptor;
pub mod pages;
pub mod self_check;
pub mod shell;
#[cfg(feature = "ssr")]
pub mod state;
#[cfg(feature = "ssr")]
pub mod store;

pub use shell::{App, shell};
