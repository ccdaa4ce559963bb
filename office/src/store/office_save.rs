//! Saves the Document Server asked for, one row each, so a retried callback stores its file once.
//!
//! A row is claimed before the upload and completed after it; a failed upload releases it so
//! the retry can try again. A claim is a lease: its holder renews it while it works
//! ([`Lease::keep_alive`]), and a claim whose holder stopped renewing (the process died
//! mid-save) is taken over by the next retry, or by the administrator's recovery of the
//! Document Server's copy, after [`LEASE`]. Before uploading, the holder writes down what it
//! is about to store ([`Lease::intend`]), so whoever takes over can tell whether that upload
//! reached Confluence before the crash, and store the file once.

use std::time::Duration;

use chrono::Utc;
use sea_orm::{
    ActiveValue::Set,
    ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter,
    entity::prelude::*,
    sea_query::{Expr, OnConflict},
};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "office_save")]
pub struct Model {
    /// `{document key}/{what}`: `final`, `force/{lastsave}`, `convert`.
    #[sea_orm(primary_key, auto_increment = false)]
    pub save_id: String,
    pub client_key: String,
    /// The attachment version (or new attachment) the save produced, once done.
    pub result: Option<String>,
    pub created_at: DateTimeUtc,
    /// When the holder last renewed its claim (`created_at` for rows older than leases).
    pub claimed_at: Option<DateTimeUtc>,
    /// Who holds the claim: a random token per claim.
    pub holder: Option<String>,
    /// What the holder is about to store (see [`Intent`]), as JSON.
    pub intent: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// How long a claim holds without being renewed.
pub const LEASE: Duration = Duration::from_secs(20);
/// How often a working holder renews.
const RENEW_EVERY: Duration = Duration::from_secs(5);

/// What a holder is about to upload: the version comment, and the attachment's version just
/// before. Written down so a takeover can recognise the upload in Confluence's history.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Intent {
    pub comment: String,
    pub before: i32,
}

/// Where a save stands.
#[derive(Debug, PartialEq, Eq)]
pub enum Claim {
    /// This caller does the save. `interrupted` is what an earlier holder, whose lease ran out,
    /// was about to store when it stopped.
    Mine {
        lease: Lease,
        interrupted: Option<Intent>,
    },
    /// Another delivery is saving it right now.
    InProgress,
    /// Already stored; the result it recorded.
    Done(String),
}

/// One holder's claim on a save.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lease {
    save_id: String,
    holder: String,
}

fn lease_expired_before() -> DateTimeUtc {
    Utc::now() - chrono::Duration::from_std(LEASE).unwrap_or(chrono::Duration::seconds(20))
}

/// Claims `save_id` for this caller, or says who has it.
pub async fn claim<C: ConnectionTrait>(
    db: &C,
    save_id: &str,
    client_key: &str,
) -> Result<Claim, DbErr> {
    let holder = connect::store::lease::holder_id();
    let now = Utc::now();
    let inserted = Entity::insert(ActiveModel {
        save_id: Set(save_id.to_owned()),
        client_key: Set(client_key.to_owned()),
        result: Set(None),
        created_at: Set(now),
        claimed_at: Set(Some(now)),
        holder: Set(Some(holder.clone())),
        intent: Set(None),
    })
    .on_conflict(OnConflict::column(Column::SaveId).do_nothing().to_owned())
    .exec_without_returning(db)
    .await?;
    let lease = Lease {
        save_id: save_id.to_owned(),
        holder,
    };
    if inserted == 1 {
        return Ok(Claim::Mine {
            lease,
            interrupted: None,
        });
    }
    let Some(row) = Entity::find_by_id(save_id.to_owned()).one(db).await? else {
        // Released between our insert and read: let the sender retry.
        return Ok(Claim::InProgress);
    };
    if let Some(result) = row.result {
        return Ok(Claim::Done(result));
    }
    if row.claimed_at.unwrap_or(row.created_at) >= lease_expired_before() {
        return Ok(Claim::InProgress);
    }
    // The holder stopped renewing: take over, unless someone else just did.
    let mut takeover = Entity::update_many()
        .col_expr(Column::Holder, Expr::value(lease.holder.clone()))
        .col_expr(Column::ClaimedAt, Expr::value(Utc::now()))
        .filter(Column::SaveId.eq(save_id))
        .filter(Column::Result.is_null());
    takeover = match &row.holder {
        Some(old) => takeover.filter(Column::Holder.eq(old.clone())),
        None => takeover.filter(Column::Holder.is_null()),
    };
    if takeover.exec(db).await?.rows_affected != 1 {
        return Ok(Claim::InProgress);
    }
    tracing::warn!(save = save_id, "a save whose holder stopped was taken over");
    Ok(Claim::Mine {
        lease,
        interrupted: row
            .intent
            .as_deref()
            .and_then(|i| serde_json::from_str(i).ok()),
    })
}

impl Lease {
    pub fn save_id(&self) -> &str {
        &self.save_id
    }

    fn mine(&self) -> sea_orm::UpdateMany<Entity> {
        Entity::update_many()
            .filter(Column::SaveId.eq(self.save_id.clone()))
            .filter(Column::Holder.eq(self.holder.clone()))
            .filter(Column::Result.is_null())
    }

    /// Renews the claim; `false` when it is no longer ours.
    pub async fn renew<C: ConnectionTrait>(&self, db: &C) -> Result<bool, DbErr> {
        Ok(self
            .mine()
            .col_expr(Column::ClaimedAt, Expr::value(Utc::now()))
            .exec(db)
            .await?
            .rows_affected
            == 1)
    }

    /// Renews the claim in the background until the returned guard is dropped.
    pub fn keep_alive(&self, db: DatabaseConnection) -> KeepAlive {
        let lease = self.clone();
        KeepAlive(tokio::spawn(async move {
            loop {
                tokio::time::sleep(RENEW_EVERY).await;
                match lease.renew(&db).await {
                    Ok(true) => {}
                    Ok(false) => {
                        tracing::warn!(save = %lease.save_id, "the save's claim was lost");
                        break;
                    }
                    Err(err) => tracing::warn!(error = %err, "renewing a save's claim failed"),
                }
            }
        }))
    }

    /// Writes down what is about to be uploaded.
    pub async fn intend<C: ConnectionTrait>(&self, db: &C, intent: &Intent) -> Result<(), DbErr> {
        let json = serde_json::to_string(intent).map_err(|e| DbErr::Custom(e.to_string()))?;
        self.mine()
            .col_expr(Column::Intent, Expr::value(json))
            .exec(db)
            .await?;
        Ok(())
    }

    /// The save is stored.
    pub async fn complete<C: ConnectionTrait>(&self, db: &C, result: &str) -> Result<(), DbErr> {
        Entity::update_many()
            .col_expr(Column::Result, Expr::value(result.to_owned()))
            .filter(Column::SaveId.eq(self.save_id.clone()))
            .filter(Column::Holder.eq(self.holder.clone()))
            .exec(db)
            .await?;
        Ok(())
    }

    /// The save failed before anything was stored: a retry may claim it again.
    pub async fn release<C: ConnectionTrait>(&self, db: &C) -> Result<(), DbErr> {
        Entity::delete_many()
            .filter(Column::SaveId.eq(self.save_id.clone()))
            .filter(Column::Holder.eq(self.holder.clone()))
            .filter(Column::Result.is_null())
            .exec(db)
            .await?;
        Ok(())
    }
}

/// Stops renewing a claim when dropped.
pub struct KeepAlive(tokio::task::JoinHandle<()>);

impl Drop for KeepAlive {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// Forgets finished saves older than `days` (a retry comes within hours).
pub async fn forget_finished<C: ConnectionTrait>(db: &C, days: i64) -> Result<u64, DbErr> {
    Ok(Entity::delete_many()
        .filter(Column::Result.is_not_null())
        .filter(Column::CreatedAt.lt(Utc::now() - chrono::Duration::days(days)))
        .exec(db)
        .await?
        .rows_affected)
}
