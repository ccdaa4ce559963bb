//! The Confluo server: reads its configuration, opens the store, mounts the routes.

pub mod access_log;
pub mod body_limit;
pub mod config;
pub mod listen;
pub mod maintenance;
pub mod migrator;
pub mod prometheus;
pub mod routes;
pub mod security_headers;
pub mod telemetry;

use std::sync::Arc;

use app::state::AppState;
use connect::{
    Connect,
    egress::EgressClient,
    store::{secrets::SecretBox, tenant::TenantStore},
};
use leptos::config::LeptosOptions;
use sea_orm::DatabaseConnection;

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
    #[error("tenant secret key: {0}")]
    SecretKey(#[from] connect::store::secrets::SecretError),
    #[error("the Connect descriptor cannot be served: {0}")]
    Connect(#[from] connect::BuildError),
    #[error("the Connect descriptor cannot be served: {0}")]
    Descriptor(#[from] connect::descriptor::DescriptorError),
    #[error("cannot create the HTTP client: {0}")]
    Http(String),
    #[error("the server's key root cannot be read: {0}")]
    ServerKey(connect::store::tenant::StoreError),
}

/// Where the development key for tenant secrets is kept when `CONNECT_SECRET_KEY` is unset.
pub const DEV_SECRET_KEY_FILE: &str = "data/connect-secret.key";

/// The client every call to an address from outside the operator's control goes through.
pub fn egress(config: &Config) -> Result<EgressClient, BootError> {
    EgressClient::new(
        config.egress.clone(),
        concat!("Confluo/", env!("CARGO_PKG_VERSION")),
    )
    .map_err(|e| BootError::Http(e.to_string()))
}

/// The key ring for secrets at rest: `CONNECT_SECRET_KEY` (or, in development only, a
/// generated key file) encrypts, `CONNECT_SECRET_KEY_PREVIOUS` still decrypts, and derived
/// keys come from the root stored in `db`.
pub async fn secrets(config: &Config, db: &DatabaseConnection) -> Result<SecretBox, BootError> {
    let (secrets, warning) = SecretBox::from_env_or_dev_file(
        config.secret_key.as_deref(),
        config.environment == config::Environment::Production,
        std::path::Path::new(DEV_SECRET_KEY_FILE),
    )?;
    if let Some(warning) = warning {
        tracing::warn!("{warning}");
    }
    let secrets = secrets.with_previous(&config.previous_secret_keys)?;
    connect::store::server_key::load(db, secrets)
        .await
        .map_err(BootError::ServerKey)
}

/// The Connect framework over `db`: tenant secrets sealed by `secrets`, the descriptor checked
/// and serialized, and the app's webhook handlers, which act through the state `slot` is given.
pub fn connect(
    config: &Config,
    db: DatabaseConnection,
    secrets: SecretBox,
    slot: &app::webhooks::StateSlot,
) -> Result<Connect, BootError> {
    let mut descriptor = app::descriptor::descriptor(config.base_url.as_str());
    // A Marketplace listing is paid: Confluence then sends `lic` and answers the license API.
    descriptor.enable_licensing = config.connect.licensing;
    let builder = Connect::builder(
        config.connect.clone(),
        descriptor,
        TenantStore::new(db.clone(), secrets),
    );
    Ok(app::webhooks::register(builder, slot).build()?)
}

/// Opens the database and brings its schema up to date, once across replicas that start
/// together (see [`connect::store::migrate_once`]).
pub async fn open_store(config: &Config) -> Result<DatabaseConnection, BootError> {
    let db = connect::store::open(&config.database_url)
        .await
        .map_err(BootError::Database)?;
    connect::store::migrate_once::up::<migrator::Migrator>(&db, &config.database_url)
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

/// Everything the routes need, ready to serve: the framework, the egress client and the
/// operator's limits over `db`.
pub async fn state(config: &Config, db: DatabaseConnection) -> Result<AppState, BootError> {
    let egress = egress(config)?;
    let secrets = secrets(config, &db).await?;
    let slot = app::webhooks::StateSlot::default();
    let connect = connect(config, db.clone(), secrets, &slot)?;
    let state = AppState {
        leptos_options: leptos_options()?,
        db,
        connect,
        egress,
        demo_server_url: config.demo_server_url.to_string(),
        max_file_bytes: config.max_file_bytes,
        profile_langs: Default::default(),
    };
    // Set once, here: the webhook handlers answer "try again" until then.
    let _ = slot.set(state.clone());
    Ok(state)
}
