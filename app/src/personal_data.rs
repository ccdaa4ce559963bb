//! Personal data: which Atlassian accounts Confluo keeps data of for a site, the periodic
//! report of them to Atlassian, and erasing what it keeps of accounts Atlassian says are
//! closed.
//!
//! What Confluo keeps per account: who joined an editing session (and the Document Server's
//! list of a session's users), who Confluence said changed an attachment, who last changed a
//! site's settings, and the authors named in a version's change history. Everything else about
//! people (names, avatars) is fetched from Confluence when shown.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, Utc};
use connect::privacy::{AccountStatus, ReportError, StoredAccount};
use sea_orm::{
    ActiveValue::Set, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QuerySelect,
    entity::prelude::*, sea_query::Expr,
};

use crate::{
    state::AppState,
    store::{
        attachment_activity, document_server, editor_options, office_changes, office_demo,
        office_session, office_session_member, personal_data_report,
    },
};

/// How often each site's accounts are reported (Atlassian's cycle period is at most this).
pub const CYCLE: Duration = Duration::days(7);
/// How long a replica holds a site's report before another may take it over.
const LEASE: Duration = Duration::minutes(10);
/// Rows read per table for one site's report, at most (the report is bounded however many
/// sessions a site has had).
const MAX_ROWS: u64 = 20_000;
/// Sites reported in one sweep, at most.
const SITES_PER_SWEEP: u64 = 50;
/// The first retry after a failure, doubled per failure up to a day.
const FIRST_RETRY: Duration = Duration::minutes(5);

/// Every account Confluo keeps data of for the site, with when that data last changed.
pub async fn stored_accounts<C: ConnectionTrait>(
    db: &C,
    client_key: &str,
) -> Result<Vec<StoredAccount>, DbErr> {
    let mut newest: BTreeMap<String, DateTime<Utc>> = BTreeMap::new();
    let mut note = |id: &str, at: DateTime<Utc>| {
        if id.is_empty() {
            return;
        }
        let slot = newest.entry(id.to_owned()).or_insert(at);
        if at > *slot {
            *slot = at;
        }
    };
    let sessions = office_session::Entity::find()
        .filter(office_session::Column::ClientKey.eq(client_key))
        .limit(MAX_ROWS)
        .all(db)
        .await?;
    for s in &sessions {
        for user in s.users.split(',') {
            note(user.trim(), s.updated_at);
        }
    }
    for m in office_session_member::Entity::find()
        .filter(
            office_session_member::Column::DocKey
                .in_subquery(office_session::keys_of_site(client_key)),
        )
        .limit(MAX_ROWS)
        .all(db)
        .await?
    {
        note(&m.account_id, m.joined_at);
    }
    for a in attachment_activity::Entity::find()
        .filter(attachment_activity::Column::ClientKey.eq(client_key))
        .filter(attachment_activity::Column::AccountId.is_not_null())
        .limit(MAX_ROWS)
        .all(db)
        .await?
    {
        note(a.account_id.as_deref().unwrap_or_default(), a.received_at);
    }
    if let Some(r) = document_server::Entity::find_by_id(client_key.to_owned())
        .one(db)
        .await?
    {
        note(r.updated_by.as_deref().unwrap_or_default(), r.updated_at);
    }
    if let Some(r) = editor_options::Entity::find_by_id(client_key.to_owned())
        .one(db)
        .await?
    {
        note(r.updated_by.as_deref().unwrap_or_default(), r.updated_at);
    }
    if let Some(r) = office_demo::Entity::find_by_id(client_key.to_owned())
        .one(db)
        .await?
    {
        note(r.updated_by.as_deref().unwrap_or_default(), r.updated_at);
    }
    for c in office_changes::Entity::find()
        .filter(office_changes::Column::ClientKey.eq(client_key))
        .limit(MAX_ROWS)
        .all(db)
        .await?
    {
        for id in authors(&c.changes) {
            note(&id, c.created_at);
        }
    }
    Ok(newest
        .into_iter()
        .map(|(account_id, updated_at)| StoredAccount {
            account_id,
            updated_at,
        })
        .collect())
}

/// The account ids named as authors in a Document Server change list.
fn authors(changes: &str) -> Vec<String> {
    let Ok(serde_json::Value::Array(list)) = serde_json::from_str(changes) else {
        return Vec::new();
    };
    list.iter()
        .filter_map(|c| c.pointer("/user/id").and_then(|v| v.as_str()))
        .map(str::to_owned)
        .collect()
}

/// The change list with `account_id`'s authorship anonymised.
fn without_author(changes: &str, account_id: &str) -> Option<String> {
    let mut value: serde_json::Value = serde_json::from_str(changes).ok()?;
    let mut touched = false;
    for change in value.as_array_mut()? {
        if change.pointer("/user/id").and_then(|v| v.as_str()) == Some(account_id) {
            change["user"] = serde_json::json!({ "id": "", "name": "" });
            touched = true;
        }
    }
    touched.then(|| value.to_string())
}

/// Erases what Confluo keeps of `account_id` for the site; the rows it changed.
pub async fn erase<C: ConnectionTrait>(
    db: &C,
    client_key: &str,
    account_id: &str,
) -> Result<u64, DbErr> {
    let mut changed = 0;
    let sessions = office_session::Entity::find()
        .filter(office_session::Column::ClientKey.eq(client_key))
        .filter(office_session::Column::Users.contains(account_id))
        .limit(MAX_ROWS)
        .all(db)
        .await?;
    for s in sessions {
        let users: Vec<&str> = s
            .users
            .split(',')
            .filter(|u| u.trim() != account_id)
            .collect();
        office_session::Entity::update_many()
            .col_expr(office_session::Column::Users, Expr::value(users.join(",")))
            .filter(office_session::Column::DocKey.eq(s.doc_key.clone()))
            .exec(db)
            .await?;
        changed += 1;
    }
    changed += office_session_member::Entity::delete_many()
        .filter(
            office_session_member::Column::DocKey
                .in_subquery(office_session::keys_of_site(client_key)),
        )
        .filter(office_session_member::Column::AccountId.eq(account_id))
        .exec(db)
        .await?
        .rows_affected;
    changed += clear_account::<attachment_activity::Entity>(
        db,
        (
            attachment_activity::Column::ClientKey,
            attachment_activity::Column::AccountId,
        ),
        client_key,
        account_id,
    )
    .await?;
    changed += clear_account::<document_server::Entity>(
        db,
        (
            document_server::Column::ClientKey,
            document_server::Column::UpdatedBy,
        ),
        client_key,
        account_id,
    )
    .await?;
    changed += clear_account::<editor_options::Entity>(
        db,
        (
            editor_options::Column::ClientKey,
            editor_options::Column::UpdatedBy,
        ),
        client_key,
        account_id,
    )
    .await?;
    changed += clear_account::<office_demo::Entity>(
        db,
        (
            office_demo::Column::ClientKey,
            office_demo::Column::UpdatedBy,
        ),
        client_key,
        account_id,
    )
    .await?;
    for c in office_changes::Entity::find()
        .filter(office_changes::Column::ClientKey.eq(client_key))
        .filter(office_changes::Column::Changes.contains(account_id))
        .limit(MAX_ROWS)
        .all(db)
        .await?
    {
        if let Some(changes) = without_author(&c.changes, account_id) {
            let mut row: office_changes::ActiveModel = c.into();
            row.changes = Set(changes);
            office_changes::Entity::update(row).exec(db).await?;
            changed += 1;
        }
    }
    Ok(changed)
}

/// Clears `account_id` from the site's rows of a table (`columns`: its clientKey and the column
/// naming the account); the rows changed.
async fn clear_account<E: EntityTrait>(
    db: &impl ConnectionTrait,
    (site, by): (E::Column, E::Column),
    client_key: &str,
    account_id: &str,
) -> Result<u64, DbErr> {
    Ok(E::update_many()
        .col_expr(by, Expr::value(Option::<String>::None))
        .filter(site.eq(client_key))
        .filter(by.eq(account_id))
        .exec(db)
        .await?
        .rows_affected)
}

/// When a failed report is tried again: Atlassian's wait when it named one, else five minutes
/// doubled per failure, at most a day.
pub fn retry_at(now: DateTime<Utc>, attempts: i32, error: &ReportError) -> DateTime<Utc> {
    let wait = match error {
        ReportError::RetryAfter(wait) => Duration::from_std(*wait).unwrap_or(Duration::days(1)),
        ReportError::Host(_) => {
            let doublings = attempts.clamp(0, 10) as u32;
            (FIRST_RETRY * 2i32.pow(doublings)).min(Duration::days(1))
        }
    };
    now + wait
}

/// Reports every site that is due, once across replicas; the accounts erased.
pub async fn report_due(state: &AppState) -> u64 {
    let now = Utc::now();
    if let Err(err) = schedule_sites(state, now).await {
        tracing::warn!(error = %err, "personal data: scheduling failed");
        return 0;
    }
    let due = match personal_data_report::due(&state.db, now, SITES_PER_SWEEP).await {
        Ok(due) => due,
        Err(err) => {
            tracing::warn!(error = %err, "personal data: reading the schedule failed");
            return 0;
        }
    };
    let mut erased = 0;
    for row in due {
        match personal_data_report::claim(&state.db, &row.client_key, now, now + LEASE).await {
            Ok(true) => {}
            Ok(false) => continue,
            Err(err) => {
                tracing::warn!(error = %err, "personal data: claiming a report failed");
                continue;
            }
        }
        erased += report_site(state, &row.client_key, row.attempts, now).await;
    }
    erased
}

/// Puts every installed site on the schedule, due now if it was never reported.
async fn schedule_sites(state: &AppState, now: DateTime<Utc>) -> Result<(), DbErr> {
    use connect::store::tenant::entity as tenant;
    let sites: Vec<String> = tenant::Entity::find()
        .filter(tenant::Column::Installed.eq(true))
        .filter(tenant::Column::Stale.eq(false))
        .select_only()
        .column(tenant::Column::ClientKey)
        .into_tuple()
        .all(&state.db)
        .await?;
    personal_data_report::schedule(&state.db, &sites, now).await
}

/// One site's report, claimed by this replica: closed accounts erased, the next report
/// scheduled (or a retry after a failure). The accounts erased.
async fn report_site(state: &AppState, client_key: &str, attempts: i32, now: DateTime<Utc>) -> u64 {
    let release = |retry: DateTime<Utc>| personal_data_report::failed(&state.db, client_key, retry);
    let tenant = match state.connect.tenants().active(client_key).await {
        Ok(Some(tenant)) => tenant,
        // Uninstalled since: nothing can be asked; the retention sweep handles its data.
        Ok(None) => {
            let _ = personal_data_report::reported(&state.db, client_key, now, now + CYCLE).await;
            return 0;
        }
        Err(err) => {
            tracing::warn!(error = %err, "personal data: reading the site failed");
            let _ = release(now + FIRST_RETRY).await;
            return 0;
        }
    };
    let accounts = match stored_accounts(&state.db, client_key).await {
        Ok(accounts) => accounts,
        Err(err) => {
            tracing::warn!(error = %err, "personal data: collecting accounts failed");
            let _ = release(now + FIRST_RETRY).await;
            return 0;
        }
    };
    let answers = match state.connect.report_accounts(&tenant, &accounts).await {
        Ok(answers) => answers,
        Err(err) => {
            tracing::warn!(client_key, error = %err, "personal data: the report failed");
            let _ = release(retry_at(now, attempts, &err)).await;
            return 0;
        }
    };
    let mut erased = 0;
    for (account_id, status) in answers {
        // Confluo copies nothing from profiles, so an `updated` account needs no refresh.
        if status != AccountStatus::Closed {
            continue;
        }
        match erase(&state.db, client_key, &account_id).await {
            Ok(_) => erased += 1,
            Err(err) => {
                tracing::warn!(error = %err, "personal data: erasing a closed account failed");
                let _ = release(now + FIRST_RETRY).await;
                return erased;
            }
        }
    }
    if let Err(err) = personal_data_report::reported(&state.db, client_key, now, now + CYCLE).await
    {
        tracing::warn!(error = %err, "personal data: recording the report failed");
    }
    tracing::info!(
        client_key,
        accounts = accounts.len(),
        erased,
        "personal data reported"
    );
    erased
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn authors_are_found_and_anonymised() {
        let changes = r#"[{"created":"2026-12-01 10:00:00","user":{"id":"emu-carol","name":"Carol Editor"}},{"created":"x","user":{"id":"emu-bob","name":"Bob"}}]"#;
        assert_eq!(authors(changes), vec!["emu-carol", "emu-bob"]);
        let erased = without_author(changes, "emu-carol").expect("changed");
        assert!(!erased.contains("Carol"));
        assert_eq!(authors(&erased), vec!["", "emu-bob"]);
        assert_eq!(without_author(changes, "emu-dave"), None);
        assert!(authors("not json").is_empty());
    }

    #[test]
    fn retries_back_off_and_follow_retry_after() {
        let now = Utc::now();
        let host = || ReportError::Host(connect::host::client::HostError::Transport("x".into()));
        assert_eq!(retry_at(now, 0, &host()) - now, Duration::minutes(5));
        assert_eq!(retry_at(now, 3, &host()) - now, Duration::minutes(40));
        assert_eq!(retry_at(now, 30, &host()) - now, Duration::days(1));
        let asked = ReportError::RetryAfter(std::time::Duration::from_secs(120));
        assert_eq!(retry_at(now, 5, &asked) - now, Duration::minutes(2));
    }
}
