//! Confluo's office domain, free of any screen: the formats it opens and converts, a site's
//! editing options, "who may edit this?", the Document Server client and the tokens both ways,
//! the callback's body, document keys, blank documents and the errors in a person's words.
//!
//! Its tables are in [`store`]. The types the browser shows (formats, editing options, the
//! Document Server form, the kinds of new file, field errors, reported changes) build
//! everywhere; what talks to the Document Server or decides for a request needs the
//! `server` feature.

pub mod activity;
pub mod document_server_settings;
pub mod editor_options;
pub mod field_error;
pub mod formats;
pub mod new_document;
pub mod views;

/// The endpoints the Document Server calls.
pub mod paths {
    pub const FILE: &str = "/office/file";
    pub const CALLBACK: &str = "/office/callback";
    /// The small file the settings check has the Document Server convert.
    pub const PROBE: &str = "/office/probe";
    /// A saved version's changes archive, for the history panel's highlighting.
    pub const CHANGES: &str = "/office/changes";
}

#[cfg(feature = "server")]
pub mod access;
#[cfg(feature = "server")]
pub mod callback_body;
#[cfg(feature = "server")]
pub mod doc_key;
#[cfg(feature = "server")]
pub mod ds_client;
#[cfg(feature = "server")]
pub mod ds_token;
#[cfg(feature = "server")]
pub mod editor_config;
#[cfg(feature = "server")]
pub mod error;
#[cfg(feature = "server")]
pub mod file_stream;
#[cfg(feature = "server")]
pub mod link_token;
#[cfg(feature = "server")]
pub mod observe;
#[cfg(feature = "server")]
pub mod pdf_form;
#[cfg(feature = "server")]
pub mod save_notice;
#[cfg(feature = "server")]
pub mod store;
#[cfg(feature = "server")]
pub mod templates;
#[cfg(feature = "server")]
pub mod who_may_edit;
