//! Persistence: opening the database and the framework's own tables.

pub mod audit;
pub mod database;
pub mod lease;
pub mod migrate_once;
pub mod migration;
pub mod secrets;
pub mod server_key;
pub mod tenant;
#[cfg(feature = "testing")]
pub mod testing;
pub mod webhook_delivery;

pub use database::open;
pub use migration::Migrator;
