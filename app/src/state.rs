//! What every request handler and server function can reach.

use axum::extract::FromRef;
use connect::{Connect, egress::EgressClient};
use leptos::config::LeptosOptions;
use sea_orm::DatabaseConnection;

/// Shared application state, cheap to clone.
#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: DatabaseConnection,
    /// The Connect framework: tenants, token verification, host calls.
    pub connect: Connect,
    /// Every call to an address from outside the operator's control (Document Servers, the
    /// files they hand back), bound by the operator's egress policy.
    pub egress: EgressClient,
    /// ONLYOFFICE's public demo server, for sites that turn the demo on.
    pub demo_server_url: String,
    /// `MAX_FILE_MB`: the largest file Confluo moves, whatever a site allows.
    pub max_file_bytes: u64,
    /// People's profile languages, for the screens.
    pub profile_langs: crate::i18n::profile::ProfileLangs,
}

impl AppState {
    /// Whether every production rule applies (a Document Server needs a secret, say).
    pub fn production(&self) -> bool {
        self.connect.settings().production
    }
}
