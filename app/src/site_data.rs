//! A site's data after it uninstalls Confluo: kept for a retention period (the operator's
//! `UNINSTALLED_RETENTION_DAYS`, 30 by default) so a re-install finds its settings, sessions
//! and history again; then purged, the site's secret with it.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, TransactionTrait,
    entity::prelude::*,
};

use crate::store::{
    attachment_activity, document_server, editor_options, office_changes, office_demo, office_save,
    office_session, office_session_member, personal_data_report,
};

/// How long a site's data outlives an uninstall unless the operator says otherwise.
pub const DEFAULT_RETENTION_DAYS: i64 = 30;
/// Sites purged in one sweep, at most.
const SITES_PER_SWEEP: u64 = 50;

/// Purges every site uninstalled more than `retention_days` ago and not installed since; how
/// many.
pub async fn purge_expired(db: &DatabaseConnection, retention_days: u64) -> Result<u64, DbErr> {
    // The operator's setting is at most ten years; the bound only keeps the arithmetic safe.
    let days = i64::try_from(retention_days.min(36_500)).unwrap_or(36_500);
    let cutoff = Utc::now() - Duration::days(days);
    let sites = connect::store::tenant::uninstalled_before(db, cutoff, SITES_PER_SWEEP).await?;
    let mut purged = 0;
    for site in sites {
        if purge_site(db, &site, cutoff).await? {
            tracing::info!(client_key = %site, "site data purged after the retention period");
            purged += 1;
        }
    }
    Ok(purged)
}

/// Purges one site in one transaction, if it is still uninstalled since before `cutoff`.
async fn purge_site(
    db: &DatabaseConnection,
    client_key: &str,
    cutoff: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let txn = db.begin().await?;
    if !connect::store::tenant::purge_uninstalled(&txn, client_key, cutoff).await? {
        txn.rollback().await?;
        return Ok(false);
    }
    delete_app_data(&txn, client_key).await?;
    txn.commit().await?;
    Ok(true)
}

/// Everything the app keeps for the site.
async fn delete_app_data<C: ConnectionTrait>(db: &C, client_key: &str) -> Result<(), DbErr> {
    // Members first: they are found through their sessions.
    office_session_member::Entity::delete_many()
        .filter(
            office_session_member::Column::DocKey
                .in_subquery(office_session::keys_of_site(client_key)),
        )
        .exec(db)
        .await?;
    delete_rows::<office_session::Entity>(db, office_session::Column::ClientKey, client_key)
        .await?;
    delete_rows::<office_save::Entity>(db, office_save::Column::ClientKey, client_key).await?;
    delete_rows::<office_changes::Entity>(db, office_changes::Column::ClientKey, client_key)
        .await?;
    delete_rows::<attachment_activity::Entity>(
        db,
        attachment_activity::Column::ClientKey,
        client_key,
    )
    .await?;
    delete_rows::<document_server::Entity>(db, document_server::Column::ClientKey, client_key)
        .await?;
    delete_rows::<editor_options::Entity>(db, editor_options::Column::ClientKey, client_key)
        .await?;
    delete_rows::<office_demo::Entity>(db, office_demo::Column::ClientKey, client_key).await?;
    delete_rows::<personal_data_report::Entity>(
        db,
        personal_data_report::Column::ClientKey,
        client_key,
    )
    .await?;
    Ok(())
}

/// Deletes `E`'s rows whose `column` is `client_key`.
async fn delete_rows<E: EntityTrait>(
    db: &impl ConnectionTrait,
    column: E::Column,
    client_key: &str,
) -> Result<(), DbErr> {
    E::delete_many()
        .filter(column.eq(client_key))
        .exec(db)
        .await?;
    Ok(())
}
