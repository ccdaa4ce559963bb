//! What every request handler and server function can reach.

use axum::extract::FromRef;
use connect::Connect;
use leptos::config::LeptosOptions;
use sea_orm::DatabaseConnection;

/// Shared application state, cheap to clone.
#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: DatabaseConnection,
    /// The Connect framework: tenants, token verification, host calls.
    pub connect: Connect,
    /// Calls to Document Servers (timeouts set per call).
    pub http: crate::office::ds_client::HttpClients,
    /// ONLYOFFICE's public demo server, for sites that turn the demo on.
    pub demo_server_url: String,
}
