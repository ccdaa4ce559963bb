//! Schema migrations of the framework's tables.

use sea_orm_migration::prelude::*;

/// Runs the framework's migrations alone; apps combine [`migrations`] with their own.
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        migrations()
    }
}

/// The framework's migrations, in order. Apps run these before their own.
pub fn migrations() -> Vec<Box<dyn MigrationTrait>> {
    vec![]
}
