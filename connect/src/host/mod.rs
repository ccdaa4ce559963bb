//! Calls from the app to a tenant's REST API.

pub mod client;
pub mod media;
pub mod oauth;
