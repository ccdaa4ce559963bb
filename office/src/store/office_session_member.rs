//! Who Confluo signed an editing config for, per session: the only people a save of that
//! session can be credited to and uploaded as. A callback names people too, but on a Document
//! Server without a secret, or on the demo server whose secret is public, anyone holding the
//! callback link could name anyone; this record is Confluo's own.

use chrono::Utc;
use sea_orm::{
    ActiveValue::Set, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QuerySelect,
    entity::prelude::*, sea_query::OnConflict,
};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "office_session_member")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub doc_key: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub account_id: String,
    pub joined_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// Members read per session at most (a Document Server seats far fewer co-editors).
const MAX_MEMBERS: u64 = 1000;
/// People of a callback's `users` looked at, at most.
pub const MAX_NAMED: usize = 100;

/// `account_id` was given an editing config for the session `doc_key`.
pub async fn record<C: ConnectionTrait>(
    db: &C,
    doc_key: &str,
    account_id: &str,
) -> Result<(), DbErr> {
    Entity::insert(ActiveModel {
        doc_key: Set(doc_key.to_owned()),
        account_id: Set(account_id.to_owned()),
        joined_at: Set(Utc::now()),
    })
    .on_conflict(
        OnConflict::columns([Column::DocKey, Column::AccountId])
            .do_nothing()
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// The session's members.
pub async fn of_session<C: ConnectionTrait>(db: &C, doc_key: &str) -> Result<Vec<String>, DbErr> {
    Ok(Entity::find()
        .filter(Column::DocKey.eq(doc_key))
        .limit(MAX_MEMBERS)
        .all(db)
        .await?
        .into_iter()
        .map(|m| m.account_id)
        .collect())
}

/// Whom of `named` (in their order) the session may credit: those Confluo recorded, and
/// `link_person`, for whom the callback link itself was made.
pub fn credited<'a>(
    named: &'a [String],
    members: &[String],
    link_person: &str,
) -> impl Iterator<Item = &'a String> {
    let members = members.to_vec();
    let link_person = link_person.to_owned();
    named
        .iter()
        .filter(move |u| !u.is_empty() && (**u == link_person || members.contains(u)))
}

/// Forgets the members of sessions that are no longer open, once `days` old (a late save of
/// such a session comes within hours).
pub async fn forget_ended<C: ConnectionTrait>(db: &C, days: i64) -> Result<u64, DbErr> {
    use super::office_session;
    use sea_orm::sea_query::Query;
    let open = Query::select()
        .column(office_session::Column::DocKey)
        .from(office_session::Entity)
        .and_where(office_session::Column::State.eq(office_session::OPEN))
        .to_owned();
    Ok(Entity::delete_many()
        .filter(Column::JoinedAt.lt(Utc::now() - chrono::Duration::days(days)))
        .filter(Column::DocKey.not_in_subquery(open))
        .exec(db)
        .await?
        .rows_affected)
}
