//! Each site's Document Server settings. The JWT secret is sealed with the framework's key,
//! bound to the site's clientKey, and never leaves the server.

use chrono::Utc;
use connect::store::secrets::SecretBox;
use sea_orm::{
    ActiveValue::Set, ConnectionTrait, DbErr, EntityTrait, QueryFilter, entity::prelude::*,
    sea_query::OnConflict,
};

use crate::document_server_settings::{DocumentServerForm, DocumentServerView};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "document_server")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub client_key: String,
    pub public_url: String,
    pub internal_url: Option<String>,
    pub secret_sealed: Option<String>,
    pub jwt_header: String,
    pub skip_certificate_check: bool,
    pub updated_at: DateTimeUtc,
    pub updated_by: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// The stored row, secret still sealed.
pub async fn find<C: ConnectionTrait>(db: &C, client_key: &str) -> Result<Option<Model>, DbErr> {
    Entity::find_by_id(client_key.to_owned()).one(db).await
}

/// What the settings screen may see: never the secret, only whether one is set.
pub async fn view<C: ConnectionTrait>(
    db: &C,
    client_key: &str,
) -> Result<Option<DocumentServerView>, DbErr> {
    Ok(Entity::find_by_id(client_key.to_owned())
        .one(db)
        .await?
        .map(|row| DocumentServerView {
            public_url: row.public_url,
            internal_url: row.internal_url.unwrap_or_default(),
            jwt_header: row.jwt_header,
            skip_certificate_check: row.skip_certificate_check,
            secret_set: row.secret_sealed.is_some(),
            updated_at: row.updated_at.to_rfc3339(),
        }))
}

/// Seals again, with the current key, every JWT secret a previous key sealed (see
/// `TenantStore::reseal`); how many.
pub async fn reseal<C: ConnectionTrait>(db: &C, secrets: &SecretBox) -> Result<u64, ResealError> {
    let mut resealed = 0;
    for row in Entity::find()
        .filter(Column::SecretSealed.is_not_null())
        .all(db)
        .await?
    {
        let Some(sealed) = row.secret_sealed else {
            continue;
        };
        if secrets.is_current(&sealed, &row.client_key) {
            continue;
        }
        let plain = secrets.open(&sealed, &row.client_key)?;
        let result = Entity::update_many()
            .col_expr(
                Column::SecretSealed,
                sea_orm::sea_query::Expr::value(secrets.seal(&plain, &row.client_key)),
            )
            .filter(Column::ClientKey.eq(row.client_key.as_str()))
            .filter(Column::SecretSealed.eq(sealed.as_str()))
            .exec(db)
            .await?;
        resealed += result.rows_affected;
    }
    Ok(resealed)
}

/// Why sealing again stopped.
#[derive(Debug, thiserror::Error)]
pub enum ResealError {
    #[error("database error: {0}")]
    Db(#[from] DbErr),
    #[error(transparent)]
    Secret(#[from] connect::store::secrets::SecretError),
}

/// Saves validated settings. An empty secret keeps the stored one; `clear_secret` removes it.
pub async fn save<C: ConnectionTrait>(
    db: &C,
    secrets: &SecretBox,
    client_key: &str,
    form: &DocumentServerForm,
    account_id: Option<&str>,
) -> Result<(), DbErr> {
    // An empty secret keeps the stored one: the column is then left out of the update.
    let keep_secret = !form.clear_secret && form.secret.is_empty();
    let secret_sealed = if form.secret.is_empty() || form.clear_secret {
        None
    } else {
        Some(secrets.seal(&form.secret, client_key))
    };
    let internal_url = Some(form.internal_url.trim().to_owned()).filter(|s| !s.is_empty());
    Entity::insert(ActiveModel {
        client_key: Set(client_key.to_owned()),
        public_url: Set(form.public_url.trim().to_owned()),
        internal_url: Set(internal_url),
        secret_sealed: Set(secret_sealed),
        jwt_header: Set(form.jwt_header.trim().to_owned()),
        skip_certificate_check: Set(form.skip_certificate_check),
        updated_at: Set(Utc::now()),
        updated_by: Set(account_id.map(str::to_owned)),
    })
    .on_conflict(
        OnConflict::column(Column::ClientKey)
            .update_columns(
                [
                    Column::PublicUrl,
                    Column::InternalUrl,
                    Column::JwtHeader,
                    Column::SkipCertificateCheck,
                    Column::UpdatedAt,
                    Column::UpdatedBy,
                ]
                .into_iter()
                .chain((!keep_secret).then_some(Column::SecretSealed)),
            )
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    Ok(())
}
