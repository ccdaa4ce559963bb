//! Confluo's office domain, free of any screen: the formats it opens and converts, a site's
//! editing options, "who may edit this?", the Document Server client and the tokens both ways,
//! the callback's body, document keys, blank documents and the errors in a person's words.
//!
//! The types the browser shows (formats, editing options, the kinds of new file, field errors)
//! build everywhere; what talks to the Document Server or decides for a request needs the
//! `server` feature.

pub mod editor_options;
pub mod field_error;
pub mod formats;
pub mod new_document;

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
pub mod templates;
#[cfg(feature = "server")]
pub mod who_may_edit;
