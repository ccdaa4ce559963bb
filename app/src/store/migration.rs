//! Schema migrations of the app's tables, in order.

use sea_orm_migration::prelude::*;

/// The app's migrations; the server runs them after the framework's.
pub fn migrations() -> Vec<Box<dyn MigrationTrait>> {
    vec![Box::new(CreateSelfCheck)]
}

struct CreateSelfCheck;

impl MigrationName for CreateSelfCheck {
    fn name(&self) -> &str {
        "m20261122_000001_app_create_self_check"
    }
}

#[derive(DeriveIden)]
enum SelfCheck {
    Table,
    Id,
    Checks,
    CheckedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for CreateSelfCheck {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(SelfCheck::Table)
                    .if_not_exists()
                    .col(
                        ColumnDef::new(SelfCheck::Id)
                            .integer()
                            .not_null()
                            .primary_key(),
                    )
                    .col(ColumnDef::new(SelfCheck::Checks).big_integer().not_null())
                    .col(
                        ColumnDef::new(SelfCheck::CheckedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(SelfCheck::Table).to_owned())
            .await
    }
}
