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
    vec![
        Box::new(CreateTenantAndAudit),
        Box::new(CreateWebhookDelivery),
        Box::new(CreateServerKey),
        Box::new(CreateLease),
    ]
}

struct CreateTenantAndAudit;

impl MigrationName for CreateTenantAndAudit {
    fn name(&self) -> &str {
        "m20261122_000001_connect_create_tenant_and_audit"
    }
}

#[derive(DeriveIden)]
enum ConnectTenant {
    Table,
    ClientKey,
    AppKey,
    BaseUrl,
    DisplayUrl,
    ProductType,
    Description,
    ServerVersion,
    PluginsVersion,
    OauthClientId,
    EntitlementId,
    EntitlementNumber,
    SharedSecret,
    Installed,
    Enabled,
    Stale,
    InstalledAt,
    UpdatedAt,
    UninstalledAt,
}

#[derive(DeriveIden)]
enum ConnectLifecycleEvent {
    Table,
    Id,
    At,
    ClientKey,
    Event,
    Outcome,
    Reason,
}

#[async_trait::async_trait]
impl MigrationTrait for CreateTenantAndAudit {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use ConnectTenant as T;
        manager
            .create_table(
                Table::create()
                    .table(T::Table)
                    .if_not_exists()
                    .col(
                        ColumnDef::new(T::ClientKey)
                            .string_len(255)
                            .not_null()
                            .primary_key(),
                    )
                    .col(ColumnDef::new(T::AppKey).string_len(255).not_null())
                    .col(ColumnDef::new(T::BaseUrl).string_len(2048).not_null())
                    .col(ColumnDef::new(T::DisplayUrl).string_len(2048).null())
                    .col(ColumnDef::new(T::ProductType).string_len(64).not_null())
                    .col(ColumnDef::new(T::Description).text().not_null())
                    .col(ColumnDef::new(T::ServerVersion).string_len(255).null())
                    .col(ColumnDef::new(T::PluginsVersion).string_len(255).null())
                    .col(ColumnDef::new(T::OauthClientId).string_len(255).null())
                    .col(ColumnDef::new(T::EntitlementId).string_len(255).null())
                    .col(ColumnDef::new(T::EntitlementNumber).string_len(255).null())
                    .col(ColumnDef::new(T::SharedSecret).text().not_null())
                    .col(ColumnDef::new(T::Installed).boolean().not_null())
                    .col(ColumnDef::new(T::Enabled).boolean().not_null())
                    .col(ColumnDef::new(T::Stale).boolean().not_null())
                    .col(
                        ColumnDef::new(T::InstalledAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(T::UpdatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(T::UninstalledAt)
                            .timestamp_with_time_zone()
                            .null(),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .if_not_exists()
                    .name("idx_connect_tenant_base_url")
                    .table(T::Table)
                    .col(T::BaseUrl)
                    .to_owned(),
            )
            .await?;
        use ConnectLifecycleEvent as E;
        manager
            .create_table(
                Table::create()
                    .table(E::Table)
                    .if_not_exists()
                    .col(
                        ColumnDef::new(E::Id)
                            .big_integer()
                            .not_null()
                            .auto_increment()
                            .primary_key(),
                    )
                    .col(ColumnDef::new(E::At).timestamp_with_time_zone().not_null())
                    .col(ColumnDef::new(E::ClientKey).string_len(255).null())
                    .col(ColumnDef::new(E::Event).string_len(32).not_null())
                    .col(ColumnDef::new(E::Outcome).string_len(16).not_null())
                    .col(ColumnDef::new(E::Reason).text().null())
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(ConnectLifecycleEvent::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(ConnectTenant::Table).to_owned())
            .await
    }
}

struct CreateWebhookDelivery;

impl MigrationName for CreateWebhookDelivery {
    fn name(&self) -> &str {
        "m20261122_000002_connect_create_webhook_delivery"
    }
}

#[derive(DeriveIden)]
enum ConnectWebhookDelivery {
    Table,
    ClientKey,
    Delivery,
    ReceivedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for CreateWebhookDelivery {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use ConnectWebhookDelivery as W;
        manager
            .create_table(
                Table::create()
                    .table(W::Table)
                    .if_not_exists()
                    .col(ColumnDef::new(W::ClientKey).string_len(255).not_null())
                    .col(ColumnDef::new(W::Delivery).string_len(255).not_null())
                    .col(
                        ColumnDef::new(W::ReceivedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .primary_key(Index::create().col(W::ClientKey).col(W::Delivery))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .if_not_exists()
                    .name("idx_connect_webhook_delivery_received_at")
                    .table(W::Table)
                    .col(W::ReceivedAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(
                Table::drop()
                    .table(ConnectWebhookDelivery::Table)
                    .to_owned(),
            )
            .await
    }
}

struct CreateServerKey;

impl MigrationName for CreateServerKey {
    fn name(&self) -> &str {
        "m20261203_000001_connect_create_server_key"
    }
}

#[derive(DeriveIden)]
enum ConnectServerKey {
    Table,
    Name,
    Sealed,
}

#[async_trait::async_trait]
impl MigrationTrait for CreateServerKey {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use ConnectServerKey as K;
        manager
            .create_table(
                Table::create()
                    .table(K::Table)
                    .if_not_exists()
                    .col(
                        ColumnDef::new(K::Name)
                            .string_len(64)
                            .not_null()
                            .primary_key(),
                    )
                    .col(ColumnDef::new(K::Sealed).text().not_null())
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(ConnectServerKey::Table).to_owned())
            .await
    }
}

struct CreateLease;

impl MigrationName for CreateLease {
    fn name(&self) -> &str {
        "m20261206_000001_connect_create_lease"
    }
}

#[derive(DeriveIden)]
enum ConnectLease {
    Table,
    Name,
    Holder,
    TakenAt,
}

#[async_trait::async_trait]
impl MigrationTrait for CreateLease {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use ConnectLease as L;
        manager
            .create_table(
                Table::create()
                    .table(L::Table)
                    .if_not_exists()
                    .col(
                        ColumnDef::new(L::Name)
                            .string_len(64)
                            .not_null()
                            .primary_key(),
                    )
                    .col(ColumnDef::new(L::Holder).string_len(64).not_null())
                    .col(
                        ColumnDef::new(L::TakenAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(ConnectLease::Table).to_owned())
            .await
    }
}
