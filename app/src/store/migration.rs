//! Schema migrations of the app's tables, in order.

use sea_orm_migration::prelude::*;

/// Everything the app's database needs, in order: the framework's tables, then the app's.
pub fn all() -> Vec<Box<dyn MigrationTrait>> {
    let mut all = connect::store::migration::migrations();
    all.extend(migrations());
    all
}

/// The app's migrations, the office tables' among them in the order they were released; they
/// run after the framework's.
pub fn migrations() -> Vec<Box<dyn MigrationTrait>> {
    use office::store::migration::*;
    vec![
        Box::new(CreateSelfCheck),
        Box::new(CreateDocumentServer),
        Box::new(CreateAttachmentActivity),
        Box::new(CreateOfficeSession),
        Box::new(CreateOfficeSave),
        Box::new(AddCertificateSwitch),
        Box::new(CreateEditorOptions),
        Box::new(CreateOfficeChanges),
        Box::new(CreateOfficeDemo),
        Box::new(CreateOfficeSessionMember),
        Box::new(AddSaveLease),
        Box::new(CreatePersonalDataReport),
    ]
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

struct CreatePersonalDataReport;

impl MigrationName for CreatePersonalDataReport {
    fn name(&self) -> &str {
        "m20261203_000012_app_create_personal_data_report"
    }
}

#[derive(DeriveIden)]
enum PersonalDataReport {
    Table,
    ClientKey,
    DueAt,
    LeaseUntil,
    Attempts,
    ReportedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for CreatePersonalDataReport {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use PersonalDataReport as R;
        manager
            .create_table(
                Table::create()
                    .table(R::Table)
                    .if_not_exists()
                    .col(
                        ColumnDef::new(R::ClientKey)
                            .string()
                            .not_null()
                            .primary_key(),
                    )
                    .col(
                        ColumnDef::new(R::DueAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(R::LeaseUntil)
                            .timestamp_with_time_zone()
                            .null(),
                    )
                    .col(ColumnDef::new(R::Attempts).integer().not_null().default(0))
                    .col(
                        ColumnDef::new(R::ReportedAt)
                            .timestamp_with_time_zone()
                            .null(),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(PersonalDataReport::Table).to_owned())
            .await
    }
}
