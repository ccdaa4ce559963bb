//! All migrations the server runs at boot: the framework's tables, then the app's.

use sea_orm_migration::prelude::*;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        app::store::migration::all()
    }
}
