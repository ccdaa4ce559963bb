//! The Confluo server: reads its configuration, opens the store, mounts the routes.

pub mod config;
pub mod migrator;
pub mod routes;
pub mod telemetry;

use std::sync::Arc;

use app::state::AppState;
use leptos::config::LeptosOptions;
use sea_orm::DatabaseConnection;
use sea_orm_migration::MigratorTrait;

use crate::config::Config;

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum BootError {
    #[error(transparent)]
    Config(#[from] config::ConfigError),
    #[error("cannot open the database: {0}")]
    Database(sea_orm::DbErr),
    #[error("database migrations failed: {0}")]
    Migration(sea_orm::DbErr),
    #[error("cannot read the Leptos site settings: {0}")]
    Leptos(String),
}

/// Opens the database and brings its schema up to date.
pub async fn open_store(config: &Config) -> Result<DatabaseConnection, BootError> {
    let db = connect::store::open(&config.database_url)
        .await
        .map_err(BootError::Database)?;
    migrator::Migrator::up(&db, None)
        .await
        .map_err(BootError::Migration)?;
    Ok(db)
}

/// The Leptos site settings, from cargo-leptos' environment or its defaults.
pub fn leptos_options() -> Result<LeptosOptions, BootError> {
    let mut options = leptos::config::get_configuration(None)
        .map_err(|e| BootError::Leptos(e.to_string()))?
        .leptos_options;
    if options.output_name.is_empty() {
        // Built by plain cargo (tests) rather than cargo-leptos.
        options.output_name = Arc::from("confluo");
    }
    Ok(options)
}

/// Everything the routes need, ready to serve.
pub fn state(leptos_options: LeptosOptions, db: DatabaseConnection) -> AppState {
    AppState { leptos_options, db }
}
