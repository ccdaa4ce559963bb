//! The operator self-check: proves the server can write to and read from its database.

use crate::app_error::AppError;
use serde::{Deserialize, Serialize};

use leptos::prelude::*;

/// What one self-check saw.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SelfCheckReport {
    /// `sqlite` or `postgres`.
    pub database: String,
    /// How many self-checks this database has recorded, this one included.
    pub checks: i64,
    /// When this check was recorded (RFC 3339, UTC).
    pub checked_at: String,
}

/// Records a self-check in the database and reports the running total. In production it only
/// reads: the check is open to anyone, and nobody may make the server write by asking.
#[server(endpoint = "self-check")]
pub async fn run_self_check() -> Result<SelfCheckReport, AppError> {
    use crate::state::AppState;
    let state = use_context::<AppState>()
        .ok_or_else(|| AppError::internal("the server is not fully started"))?;
    match state.production() {
        true => crate::store::self_check::current(&state.db).await,
        false => crate::store::self_check::record(&state.db).await,
    }
    .map(|counted| SelfCheckReport {
        database: counted.database.to_owned(),
        checks: counted.checks,
        checked_at: counted.checked_at,
    })
    .map_err(|err| {
        tracing::error!(error = %err, "self-check failed");
        AppError::internal("the database did not accept the write; see the server log")
    })
}
