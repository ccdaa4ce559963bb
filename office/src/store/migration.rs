//! Schema migrations of the office tables. The app's migration list runs them, in the order
//! they were first released, among its own.

use sea_orm_migration::prelude::*;

pub struct CreateDocumentServer;

impl MigrationName for CreateDocumentServer {
    fn name(&self) -> &str {
        "m20261122_000002_app_create_document_server"
    }
}

#[derive(DeriveIden)]
enum DocumentServer {
    Table,
    ClientKey,
    PublicUrl,
    InternalUrl,
    SecretSealed,
    JwtHeader,
    SkipCertificateCheck,
    UpdatedAt,
    UpdatedBy,
}

#[async_trait::async_trait]
impl MigrationTrait for CreateDocumentServer {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(DocumentServer::Table)
                    .if_not_exists()
                    .col(
                        ColumnDef::new(DocumentServer::ClientKey)
                            .string()
                            .not_null()
                            .primary_key(),
                    )
                    .col(
                        ColumnDef::new(DocumentServer::PublicUrl)
                            .string()
                            .not_null(),
                    )
                    .col(ColumnDef::new(DocumentServer::InternalUrl).string().null())
                    .col(ColumnDef::new(DocumentServer::SecretSealed).text().null())
                    .col(
                        ColumnDef::new(DocumentServer::JwtHeader)
                            .string()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(DocumentServer::UpdatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .col(ColumnDef::new(DocumentServer::UpdatedBy).string().null())
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(DocumentServer::Table).to_owned())
            .await
    }
}

pub struct CreateAttachmentActivity;

impl MigrationName for CreateAttachmentActivity {
    fn name(&self) -> &str {
        "m20261122_000003_app_create_attachment_activity"
    }
}

#[derive(DeriveIden)]
enum AttachmentActivity {
    Table,
    ClientKey,
    AttachmentId,
    Event,
    Version,
    AccountId,
    ReceivedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for CreateAttachmentActivity {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(AttachmentActivity::Table)
                    .if_not_exists()
                    .col(
                        ColumnDef::new(AttachmentActivity::ClientKey)
                            .string()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(AttachmentActivity::AttachmentId)
                            .string()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(AttachmentActivity::Event)
                            .string()
                            .not_null(),
                    )
                    .col(ColumnDef::new(AttachmentActivity::Version).integer().null())
                    .col(
                        ColumnDef::new(AttachmentActivity::AccountId)
                            .string()
                            .null(),
                    )
                    .col(
                        ColumnDef::new(AttachmentActivity::ReceivedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .primary_key(
                        Index::create()
                            .col(AttachmentActivity::ClientKey)
                            .col(AttachmentActivity::AttachmentId),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(AttachmentActivity::Table).to_owned())
            .await
    }
}

pub struct CreateOfficeSession;

impl MigrationName for CreateOfficeSession {
    fn name(&self) -> &str {
        "m20261122_000004_app_create_office_session"
    }
}

#[derive(DeriveIden)]
enum OfficeSession {
    Table,
    DocKey,
    ClientKey,
    PageId,
    AttachmentId,
    BaseVersion,
    SavedVersion,
    State,
    Users,
    Notice,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for CreateOfficeSession {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use OfficeSession as S;
        manager
            .create_table(
                Table::create()
                    .table(S::Table)
                    .if_not_exists()
                    .col(ColumnDef::new(S::DocKey).string().not_null().primary_key())
                    .col(ColumnDef::new(S::ClientKey).string().not_null())
                    .col(ColumnDef::new(S::PageId).string().not_null())
                    .col(ColumnDef::new(S::AttachmentId).string().not_null())
                    .col(ColumnDef::new(S::BaseVersion).integer().not_null())
                    .col(ColumnDef::new(S::SavedVersion).integer().null())
                    .col(ColumnDef::new(S::State).string().not_null())
                    .col(ColumnDef::new(S::Users).text().not_null())
                    .col(ColumnDef::new(S::Notice).text().null())
                    .col(
                        ColumnDef::new(S::UpdatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("office_session_by_attachment")
                    .table(S::Table)
                    .col(S::ClientKey)
                    .col(S::AttachmentId)
                    .if_not_exists()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(OfficeSession::Table).to_owned())
            .await
    }
}

pub struct CreateOfficeSave;

impl MigrationName for CreateOfficeSave {
    fn name(&self) -> &str {
        "m20261122_000005_app_create_office_save"
    }
}

#[derive(DeriveIden)]
enum OfficeSave {
    Table,
    SaveId,
    ClientKey,
    Result,
    CreatedAt,
    ClaimedAt,
    Holder,
    Intent,
}

#[async_trait::async_trait]
impl MigrationTrait for CreateOfficeSave {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use OfficeSave as S;
        manager
            .create_table(
                Table::create()
                    .table(S::Table)
                    .if_not_exists()
                    .col(ColumnDef::new(S::SaveId).string().not_null().primary_key())
                    .col(ColumnDef::new(S::ClientKey).string().not_null())
                    .col(ColumnDef::new(S::Result).string().null())
                    .col(
                        ColumnDef::new(S::CreatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(OfficeSave::Table).to_owned())
            .await
    }
}

pub struct AddCertificateSwitch;

impl MigrationName for AddCertificateSwitch {
    fn name(&self) -> &str {
        "m20261123_000006_app_document_server_certificate_switch"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for AddCertificateSwitch {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use DocumentServer as D;
        manager
            .alter_table(
                Table::alter()
                    .table(D::Table)
                    .add_column(
                        ColumnDef::new(D::SkipCertificateCheck)
                            .boolean()
                            .not_null()
                            .default(false),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use DocumentServer as D;
        manager
            .alter_table(
                Table::alter()
                    .table(D::Table)
                    .drop_column(D::SkipCertificateCheck)
                    .to_owned(),
            )
            .await
    }
}

pub struct CreateEditorOptions;

impl MigrationName for CreateEditorOptions {
    fn name(&self) -> &str {
        "m20261123_000007_app_create_editor_options"
    }
}

#[derive(DeriveIden)]
enum EditorOptions {
    Table,
    ClientKey,
    Options,
    UpdatedAt,
    UpdatedBy,
}

#[async_trait::async_trait]
impl MigrationTrait for CreateEditorOptions {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use EditorOptions as E;
        manager
            .create_table(
                Table::create()
                    .table(E::Table)
                    .if_not_exists()
                    .col(
                        ColumnDef::new(E::ClientKey)
                            .string()
                            .not_null()
                            .primary_key(),
                    )
                    .col(ColumnDef::new(E::Options).text().not_null())
                    .col(
                        ColumnDef::new(E::UpdatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .col(ColumnDef::new(E::UpdatedBy).string().null())
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(EditorOptions::Table).to_owned())
            .await
    }
}

pub struct CreateOfficeChanges;

impl MigrationName for CreateOfficeChanges {
    fn name(&self) -> &str {
        "m20261123_000008_app_create_office_changes"
    }
}

#[derive(DeriveIden)]
enum OfficeChanges {
    Table,
    ClientKey,
    AttachmentId,
    Version,
    PreviousVersion,
    ServerVersion,
    Changes,
    Diff,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for CreateOfficeChanges {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use OfficeChanges as C;
        manager
            .create_table(
                Table::create()
                    .table(C::Table)
                    .if_not_exists()
                    .col(ColumnDef::new(C::ClientKey).string().not_null())
                    .col(ColumnDef::new(C::AttachmentId).string().not_null())
                    .col(ColumnDef::new(C::Version).integer().not_null())
                    .col(ColumnDef::new(C::PreviousVersion).integer().not_null())
                    .col(ColumnDef::new(C::ServerVersion).string().null())
                    .col(ColumnDef::new(C::Changes).text().not_null())
                    .col(ColumnDef::new(C::Diff).binary().null())
                    .col(
                        ColumnDef::new(C::CreatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .primary_key(
                        Index::create()
                            .col(C::ClientKey)
                            .col(C::AttachmentId)
                            .col(C::Version),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(OfficeChanges::Table).to_owned())
            .await
    }
}

pub struct CreateOfficeDemo;

impl MigrationName for CreateOfficeDemo {
    fn name(&self) -> &str {
        "m20261123_000009_app_create_office_demo"
    }
}

#[derive(DeriveIden)]
enum OfficeDemo {
    Table,
    ClientKey,
    Enabled,
    StartedAt,
    UpdatedAt,
    UpdatedBy,
}

#[async_trait::async_trait]
impl MigrationTrait for CreateOfficeDemo {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use OfficeDemo as D;
        manager
            .create_table(
                Table::create()
                    .table(D::Table)
                    .if_not_exists()
                    .col(
                        ColumnDef::new(D::ClientKey)
                            .string()
                            .not_null()
                            .primary_key(),
                    )
                    .col(ColumnDef::new(D::Enabled).boolean().not_null())
                    .col(
                        ColumnDef::new(D::StartedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(D::UpdatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .col(ColumnDef::new(D::UpdatedBy).string().null())
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(OfficeDemo::Table).to_owned())
            .await
    }
}

pub struct CreateOfficeSessionMember;

impl MigrationName for CreateOfficeSessionMember {
    fn name(&self) -> &str {
        "m20261202_000010_app_create_office_session_member"
    }
}

#[derive(DeriveIden)]
enum OfficeSessionMember {
    Table,
    DocKey,
    AccountId,
    JoinedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for CreateOfficeSessionMember {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use OfficeSessionMember as M;
        manager
            .create_table(
                Table::create()
                    .table(M::Table)
                    .if_not_exists()
                    .col(ColumnDef::new(M::DocKey).string().not_null())
                    .col(ColumnDef::new(M::AccountId).string().not_null())
                    .col(
                        ColumnDef::new(M::JoinedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .primary_key(Index::create().col(M::DocKey).col(M::AccountId))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(OfficeSessionMember::Table).to_owned())
            .await
    }
}

pub struct AddSaveLease;

impl MigrationName for AddSaveLease {
    fn name(&self) -> &str {
        "m20261202_000011_app_office_save_lease"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for AddSaveLease {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use OfficeSave as S;
        // One column per statement: SQLite alters one thing at a time.
        for column in [
            ColumnDef::new(S::ClaimedAt)
                .timestamp_with_time_zone()
                .null()
                .to_owned(),
            ColumnDef::new(S::Holder).string().null().to_owned(),
            ColumnDef::new(S::Intent).text().null().to_owned(),
        ] {
            manager
                .alter_table(Table::alter().table(S::Table).add_column(column).to_owned())
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use OfficeSave as S;
        for column in [S::ClaimedAt, S::Holder, S::Intent] {
            manager
                .alter_table(
                    Table::alter()
                        .table(S::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
