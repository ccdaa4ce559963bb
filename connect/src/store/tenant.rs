//! Tenants (one row per installation, keyed by clientKey) and the lifecycle rules from the
//! Connect spec: every `installed` replaces secret and URLs, uninstall keeps the data,
//! disabled/uninstalled commute, a new clientKey on a known baseUrl is a new tenant.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveValue::Set, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter,
    entity::prelude::*, sea_query::OnConflict,
};

use super::secrets::{SecretBox, SecretError};

pub mod entity {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "connect_tenant")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub client_key: String,
        pub app_key: String,
        pub base_url: String,
        pub display_url: Option<String>,
        pub product_type: String,
        pub description: String,
        pub server_version: Option<String>,
        pub plugins_version: Option<String>,
        pub oauth_client_id: Option<String>,
        pub entitlement_id: Option<String>,
        pub entitlement_number: Option<String>,
        /// Encrypted; see `SecretBox`.
        pub shared_secret: String,
        pub installed: bool,
        pub enabled: bool,
        /// A newer clientKey installed with the same baseUrl (site import or copy).
        pub stale: bool,
        pub installed_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
        pub uninstalled_at: Option<DateTimeUtc>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

use entity::{ActiveModel, Column, Entity};

/// What a verified `installed` callback says about the tenant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Installation {
    pub client_key: String,
    pub app_key: String,
    pub base_url: String,
    pub display_url: Option<String>,
    pub product_type: String,
    pub description: String,
    pub server_version: Option<String>,
    pub plugins_version: Option<String>,
    pub oauth_client_id: Option<String>,
    pub entitlement_id: Option<String>,
    pub entitlement_number: Option<String>,
    pub shared_secret: String,
}

/// A tenant with its secret decrypted, for verifying and signing.
#[derive(Clone, PartialEq, Eq)]
pub struct Tenant {
    pub client_key: String,
    pub base_url: String,
    pub display_url: Option<String>,
    pub oauth_client_id: Option<String>,
    pub shared_secret: String,
    pub installed: bool,
    pub enabled: bool,
    pub stale: bool,
    pub installed_at: DateTime<Utc>,
    pub uninstalled_at: Option<DateTime<Utc>>,
}

impl std::fmt::Debug for Tenant {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tenant")
            .field("client_key", &self.client_key)
            .field("base_url", &self.base_url)
            .field("installed", &self.installed)
            .field("enabled", &self.enabled)
            .field("stale", &self.stale)
            .finish_non_exhaustive()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Db(#[from] DbErr),
    #[error(transparent)]
    Secret(#[from] SecretError),
}

/// Reads and writes tenants.
#[derive(Clone, Debug)]
pub struct TenantStore {
    db: DatabaseConnection,
    secrets: SecretBox,
}

impl TenantStore {
    pub fn new(db: DatabaseConnection, secrets: SecretBox) -> Self {
        Self { db, secrets }
    }

    pub fn db(&self) -> &DatabaseConnection {
        &self.db
    }

    /// The key that seals tenant secrets; apps seal their own per-tenant secrets with it too.
    pub fn secrets(&self) -> &SecretBox {
        &self.secrets
    }

    /// Seals again, with the current key, every tenant secret a previous key sealed; how many
    /// it sealed again. Each row is updated only if it still holds what was read, so an
    /// `installed` arriving meanwhile keeps its new secret.
    pub async fn reseal(&self) -> Result<u64, StoreError> {
        let mut resealed = 0;
        for row in Entity::find().all(&self.db).await? {
            if self.secrets.is_current(&row.shared_secret, &row.client_key) {
                continue;
            }
            let plain = self.secrets.open(&row.shared_secret, &row.client_key)?;
            let result = Entity::update_many()
                .col_expr(
                    Column::SharedSecret,
                    sea_orm::sea_query::Expr::value(self.secrets.seal(&plain, &row.client_key)),
                )
                .filter(Column::ClientKey.eq(row.client_key.as_str()))
                .filter(Column::SharedSecret.eq(row.shared_secret.as_str()))
                .exec(&self.db)
                .await?;
            resealed += result.rows_affected;
        }
        Ok(resealed)
    }

    /// Applies a verified `installed`: one upsert, so concurrent installs of the same clientKey
    /// end in one consistent row. Other clientKeys with the same baseUrl are marked stale.
    pub async fn installed(&self, i: &Installation) -> Result<Tenant, StoreError> {
        let now = Utc::now();
        let row = ActiveModel {
            client_key: Set(i.client_key.clone()),
            app_key: Set(i.app_key.clone()),
            base_url: Set(i.base_url.trim_end_matches('/').to_owned()),
            display_url: Set(i.display_url.clone()),
            product_type: Set(i.product_type.clone()),
            description: Set(i.description.clone()),
            server_version: Set(i.server_version.clone()),
            plugins_version: Set(i.plugins_version.clone()),
            oauth_client_id: Set(i.oauth_client_id.clone()),
            entitlement_id: Set(i.entitlement_id.clone()),
            entitlement_number: Set(i.entitlement_number.clone()),
            shared_secret: Set(self.secrets.seal(&i.shared_secret, &i.client_key)),
            installed: Set(true),
            enabled: Set(true),
            stale: Set(false),
            installed_at: Set(now),
            updated_at: Set(now),
            uninstalled_at: Set(None),
        };
        Entity::insert(row)
            .on_conflict(
                OnConflict::column(Column::ClientKey)
                    .update_columns([
                        Column::AppKey,
                        Column::BaseUrl,
                        Column::DisplayUrl,
                        Column::ProductType,
                        Column::Description,
                        Column::ServerVersion,
                        Column::PluginsVersion,
                        Column::OauthClientId,
                        Column::EntitlementId,
                        Column::EntitlementNumber,
                        Column::SharedSecret,
                        Column::Installed,
                        Column::Enabled,
                        Column::Stale,
                        Column::UpdatedAt,
                        Column::UninstalledAt,
                    ])
                    .to_owned(),
            )
            .exec_without_returning(&self.db)
            .await?;
        Entity::update_many()
            .col_expr(Column::Stale, Expr::value(true))
            .col_expr(Column::UpdatedAt, Expr::value(now))
            .filter(Column::BaseUrl.eq(i.base_url.trim_end_matches('/')))
            .filter(Column::ClientKey.ne(i.client_key.as_str()))
            .exec(&self.db)
            .await?;
        self.find(&i.client_key).await?.ok_or_else(|| {
            StoreError::Db(DbErr::RecordNotFound(format!(
                "tenant {} after install",
                i.client_key
            )))
        })
    }

    /// Applies a verified `uninstalled`. Data stays; a later `installed` restores the tenant.
    /// Returns whether the tenant was known.
    pub async fn uninstalled(&self, client_key: &str) -> Result<bool, StoreError> {
        let now = Utc::now();
        let result = Entity::update_many()
            .col_expr(Column::Installed, Expr::value(false))
            .col_expr(Column::Enabled, Expr::value(false))
            .col_expr(Column::UninstalledAt, Expr::value(now))
            .col_expr(Column::UpdatedAt, Expr::value(now))
            .filter(Column::ClientKey.eq(client_key))
            .exec(&self.db)
            .await?;
        Ok(result.rows_affected > 0)
    }

    /// `enabled` only re-enables an installed tenant: an enable that arrives after the
    /// uninstall cannot bring it back.
    pub async fn enabled(&self, client_key: &str) -> Result<bool, StoreError> {
        self.set_enabled(client_key, true).await
    }

    /// `disabled` commutes with `uninstalled`: both leave the tenant disabled.
    pub async fn disabled(&self, client_key: &str) -> Result<bool, StoreError> {
        self.set_enabled(client_key, false).await
    }

    async fn set_enabled(&self, client_key: &str, enabled: bool) -> Result<bool, StoreError> {
        let result = Entity::update_many()
            .col_expr(Column::Enabled, Expr::value(enabled))
            .col_expr(Column::UpdatedAt, Expr::value(Utc::now()))
            .filter(Column::ClientKey.eq(client_key))
            .filter(Column::Installed.eq(true))
            .exec(&self.db)
            .await?;
        Ok(result.rows_affected > 0)
    }

    /// Any tenant, installed or not.
    pub async fn find(&self, client_key: &str) -> Result<Option<Tenant>, StoreError> {
        let Some(row) = Entity::find_by_id(client_key.to_owned())
            .one(&self.db)
            .await?
        else {
            return Ok(None);
        };
        Ok(Some(Tenant {
            shared_secret: self.secrets.open(&row.shared_secret, &row.client_key)?,
            client_key: row.client_key,
            base_url: row.base_url,
            display_url: row.display_url,
            oauth_client_id: row.oauth_client_id,
            installed: row.installed,
            enabled: row.enabled,
            stale: row.stale,
            installed_at: row.installed_at,
            uninstalled_at: row.uninstalled_at,
        }))
    }

    /// A tenant whose requests may be served: installed, and not stale (a newer clientKey took
    /// its base URL, as when a site is imported into another). Disabled tenants still receive
    /// lifecycle calls; the host does not render a disabled app's modules.
    pub async fn active(&self, client_key: &str) -> Result<Option<Tenant>, StoreError> {
        Ok(self
            .find(client_key)
            .await?
            .filter(|t| t.installed && !t.stale))
    }
}

/// Sites uninstalled before `cutoff` and not installed since, at most `limit`: their data is
/// past the retention period.
pub async fn uninstalled_before<C: ConnectionTrait>(
    db: &C,
    cutoff: DateTime<Utc>,
    limit: u64,
) -> Result<Vec<String>, DbErr> {
    use sea_orm::QuerySelect;
    Entity::find()
        .filter(Column::Installed.eq(false))
        .filter(Column::UninstalledAt.lt(cutoff))
        .select_only()
        .column(Column::ClientKey)
        .limit(limit)
        .into_tuple()
        .all(db)
        .await
}

/// Forgets the site and the framework's records of it (its secret among them), if it is still
/// uninstalled since before `cutoff`; whether it was. Run inside the transaction that removes
/// the app's data of the site, so a re-install either comes first and keeps everything, or
/// comes after and starts afresh.
pub async fn purge_uninstalled<C: ConnectionTrait>(
    db: &C,
    client_key: &str,
    cutoff: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let gone = Entity::delete_many()
        .filter(Column::ClientKey.eq(client_key))
        .filter(Column::Installed.eq(false))
        .filter(Column::UninstalledAt.lt(cutoff))
        .exec(db)
        .await?
        .rows_affected;
    if gone == 0 {
        return Ok(false);
    }
    super::webhook_delivery::entity::Entity::delete_many()
        .filter(super::webhook_delivery::entity::Column::ClientKey.eq(client_key))
        .exec(db)
        .await?;
    Ok(true)
}

/// Raw row access for callers that need it without decrypting (e.g. listings).
pub async fn all_rows<C: ConnectionTrait>(db: &C) -> Result<Vec<entity::Model>, DbErr> {
    Entity::find().all(db).await
}
