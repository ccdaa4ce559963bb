//! The app's tables on SQLite and PostgreSQL: Document Server settings per site with a
//! write-only secret, reported attachment changes that never go back in time, editing sessions
//! (live key, saves, presence), save claims that make repeated callbacks store once, and the
//! demo server's trial that starts once.

use app::{
    document_server_settings::{DEFAULT_JWT_HEADER, DocumentServerForm},
    editor_options::{EditorOptions, MacrosMode},
    store::{
        attachment_activity, document_server, editor_options, office_changes, office_demo,
        office_save, office_session, office_session_member, personal_data_report,
    },
};
use connect::store::secrets::SecretBox;
use sea_orm::{DatabaseConnection, EntityTrait};
use sea_orm_migration::prelude::*;

struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        app::store::migration::all()
    }
}

fn form(url: &str, secret: &str) -> DocumentServerForm {
    DocumentServerForm {
        public_url: url.into(),
        internal_url: String::new(),
        secret: secret.into(),
        clear_secret: false,
        jwt_header: DEFAULT_JWT_HEADER.into(),
        skip_certificate_check: false,
    }
}

async fn document_server_settings_are_per_site_and_the_secret_write_only(db: &DatabaseConnection) {
    let secrets = SecretBox::from_base64(&SecretBox::generate_key()).unwrap();
    assert_eq!(document_server::view(db, "site-a").await.unwrap(), None);

    document_server::save(
        db,
        &secrets,
        "site-a",
        &form("https://a.example/", "secret-of-site-a-123"),
        Some("admin"),
    )
    .await
    .unwrap();
    let a = document_server::view(db, "site-a").await.unwrap().unwrap();
    assert_eq!(a.public_url, "https://a.example/");
    assert!(a.secret_set);
    assert_eq!(document_server::view(db, "site-b").await.unwrap(), None);

    // Stored sealed, bound to the site: readable for site-a only, never in plain text.
    let row = document_server::Entity::find_by_id("site-a".to_owned())
        .one(db)
        .await
        .unwrap()
        .unwrap();
    let sealed = row.secret_sealed.unwrap();
    assert!(!sealed.contains("secret-of-site-a"));
    assert_eq!(
        secrets.open(&sealed, "site-a").unwrap(),
        "secret-of-site-a-123"
    );
    assert!(secrets.open(&sealed, "site-b").is_err());

    // An empty secret keeps the stored one; the URL changes.
    document_server::save(
        db,
        &secrets,
        "site-a",
        &form("https://docs.a.example", ""),
        None,
    )
    .await
    .unwrap();
    let row = document_server::Entity::find_by_id("site-a".to_owned())
        .one(db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(row.public_url, "https://docs.a.example");
    assert_eq!(
        secrets
            .open(row.secret_sealed.as_deref().unwrap(), "site-a")
            .unwrap(),
        "secret-of-site-a-123"
    );

    // Clearing removes it.
    let mut clear = form("https://docs.a.example", "");
    clear.clear_secret = true;
    document_server::save(db, &secrets, "site-a", &clear, None)
        .await
        .unwrap();
    assert!(
        !document_server::view(db, "site-a")
            .await
            .unwrap()
            .unwrap()
            .secret_set
    );

    // Certificate checks stay on unless an administrator turns them off.
    assert!(
        !document_server::view(db, "site-a")
            .await
            .unwrap()
            .unwrap()
            .skip_certificate_check
    );
    let mut insecure = form("https://docs.a.example", "");
    insecure.skip_certificate_check = true;
    document_server::save(db, &secrets, "site-a", &insecure, None)
        .await
        .unwrap();
    assert!(
        document_server::view(db, "site-a")
            .await
            .unwrap()
            .unwrap()
            .skip_certificate_check
    );
}

async fn a_versions_changes_are_kept_per_site_and_replaced_on_resave(db: &DatabaseConnection) {
    let record = |version: i32, changes: &'static str, diff: &[u8]| office_changes::Record {
        attachment_id: "att1",
        version,
        previous_version: version - 1,
        server_version: Some("9.3.0"),
        changes,
        diff: Some(diff.to_vec()),
    };
    office_changes::keep(db, "site-a", record(2, "[1]", b"PK one"))
        .await
        .unwrap();
    office_changes::keep(db, "site-a", record(3, "[2]", b"PK two"))
        .await
        .unwrap();
    office_changes::keep(db, "site-a", record(3, "[3]", b"PK three"))
        .await
        .unwrap();
    let kept = office_changes::get(db, "site-a", "att1", 3)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (kept.changes.as_str(), kept.diff.as_deref()),
        ("[3]", Some(&b"PK three"[..]))
    );
    assert_eq!(kept.previous_version, 2);
    assert_eq!(
        office_changes::of_attachment(db, "site-a", "att1")
            .await
            .unwrap()
            .len(),
        2
    );
    assert!(
        office_changes::get(db, "site-b", "att1", 3)
            .await
            .unwrap()
            .is_none()
    );
}

async fn editor_options_are_per_site_with_defaults(db: &DatabaseConnection) {
    assert_eq!(
        editor_options::find(db, "site-a").await.unwrap(),
        EditorOptions::default()
    );
    let options = EditorOptions {
        lossy_edit: vec!["odt".into()],
        max_file_mb: 12,
        macros: MacrosMode::Disable,
        disabled_spaces: vec!["HR".into()],
        ..Default::default()
    };
    editor_options::save(db, "site-a", &options, Some("admin"))
        .await
        .unwrap();
    assert_eq!(editor_options::find(db, "site-a").await.unwrap(), options);
    assert_eq!(
        editor_options::find(db, "site-b").await.unwrap(),
        EditorOptions::default()
    );
    // Saving again replaces the record.
    editor_options::save(db, "site-a", &EditorOptions::default(), None)
        .await
        .unwrap();
    assert_eq!(
        editor_options::find(db, "site-a").await.unwrap(),
        EditorOptions::default()
    );
}

async fn reported_changes_keep_the_newest_version(db: &DatabaseConnection) {
    attachment_activity::record(
        db,
        "site-a",
        "att1",
        "attachment_created",
        Some(1),
        Some("alice"),
    )
    .await
    .unwrap();
    attachment_activity::record(
        db,
        "site-a",
        "att1",
        "attachment_updated",
        Some(3),
        Some("carol"),
    )
    .await
    .unwrap();
    // A late, older delivery does not replace the newer report.
    attachment_activity::record(db, "site-a", "att1", "attachment_updated", Some(2), None)
        .await
        .unwrap();
    let latest = attachment_activity::latest(db, "site-a", "att1")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (
            latest.event.as_str(),
            latest.version,
            latest.account_id.as_deref()
        ),
        ("attachment_updated", Some(3), Some("carol"))
    );
    // Another site's attachment with the same id is another record.
    assert_eq!(
        attachment_activity::latest(db, "site-b", "att1")
            .await
            .unwrap(),
        None
    );
}

async fn editing_sessions_share_a_live_key_and_end_once(db: &DatabaseConnection) {
    use office_session::{CLOSED, OPEN, SAVED};
    office_session::opening(db, "k-v1", "site-a", "p1", "att1", 1)
        .await
        .unwrap();
    // A second opener of the same key keeps the row as it is.
    office_session::opening(db, "k-v1", "site-a", "p1", "att1", 1)
        .await
        .unwrap();
    let live = office_session::live(db, "site-a", "att1", 1).await.unwrap();
    assert_eq!(live.map(|s| s.doc_key), Some("k-v1".to_owned()));
    assert_eq!(
        office_session::live(db, "site-b", "att1", 1).await.unwrap(),
        None
    );

    office_session::set_users(db, "k-v1", &["carol".into(), "alice".into()])
        .await
        .unwrap();
    let long_ago = chrono::Utc::now() - chrono::Duration::hours(1);
    let editing = office_session::editing_on_page(db, "site-a", "p1", long_ago)
        .await
        .unwrap();
    assert_eq!(editing.len(), 1);
    assert_eq!(
        office_session::people(&editing[0].users).collect::<Vec<_>>(),
        ["carol", "alice"]
    );
    // A sweep finds the site's open sessions with people in them, all or one file's.
    office_session::opening(db, "k-other", "site-a", "p2", "att2", 1)
        .await
        .unwrap();
    office_session::opening(db, "k-elsewhere", "site-b", "p1", "att1", 1)
        .await
        .unwrap();
    office_session::set_users(db, "k-elsewhere", &["dave".into()])
        .await
        .unwrap();
    let keys =
        |rows: Vec<office_session::Model>| rows.into_iter().map(|r| r.doc_key).collect::<Vec<_>>();
    // k-other has nobody in it yet; site-b's session is another site's.
    assert_eq!(
        keys(
            office_session::open_with_people(db, "site-a", None, 10)
                .await
                .unwrap()
        ),
        ["k-v1"]
    );
    office_session::set_users(db, "k-other", &["erin".into()])
        .await
        .unwrap();
    // The most recently active first, at most `limit`.
    assert_eq!(
        keys(
            office_session::open_with_people(db, "site-a", None, 10)
                .await
                .unwrap()
        ),
        ["k-other", "k-v1"]
    );
    assert_eq!(
        keys(
            office_session::open_with_people(db, "site-a", None, 1)
                .await
                .unwrap()
        ),
        ["k-other"]
    );
    assert_eq!(
        keys(
            office_session::open_with_people(db, "site-a", Some("att1"), 10)
                .await
                .unwrap()
        ),
        ["k-v1"]
    );
    office_session::close(db, "k-other").await.unwrap();

    // Sessions not heard of since `since` are not shown as editing.
    let later = chrono::Utc::now() + chrono::Duration::minutes(1);
    assert!(
        office_session::editing_on_page(db, "site-a", "p1", later)
            .await
            .unwrap()
            .is_empty()
    );

    // An intermediate save keeps the session live, now found from the version it wrote.
    office_session::saved(db, "k-v1", 2, OPEN, None)
        .await
        .unwrap();
    let live = office_session::live(db, "site-a", "att1", 2).await.unwrap();
    assert_eq!(live.map(|s| s.doc_key), Some("k-v1".to_owned()));
    assert_eq!(
        office_session::live(db, "site-a", "att1", 1).await.unwrap(),
        None
    );

    // The final save ends it, with a notice; a late "closed" does not reopen or overwrite it.
    office_session::saved(db, "k-v1", 3, SAVED, Some("compare versions"))
        .await
        .unwrap();
    office_session::close(db, "k-v1").await.unwrap();
    let row = office_session::get(db, "k-v1").await.unwrap().unwrap();
    assert_eq!((row.state.as_str(), row.saved_version), (SAVED, Some(3)));
    assert_eq!(
        office_session::live(db, "site-a", "att1", 3).await.unwrap(),
        None
    );
    let notice = office_session::latest_notice(db, "site-a", "att1")
        .await
        .unwrap()
        .and_then(|r| r.notice);
    assert_eq!(notice.as_deref(), Some("compare versions"));

    // Everyone leaving without changes closes a session and empties it.
    office_session::opening(db, "k2-v3", "site-a", "p1", "att1", 3)
        .await
        .unwrap();
    office_session::set_users(db, "k2-v3", &["bob".into()])
        .await
        .unwrap();
    office_session::close(db, "k2-v3").await.unwrap();
    let row = office_session::get(db, "k2-v3").await.unwrap().unwrap();
    assert_eq!((row.state.as_str(), row.users.as_str()), (CLOSED, ""));
    assert!(
        office_session::editing_on_page(db, "site-a", "p1", long_ago)
            .await
            .unwrap()
            .is_empty()
    );
}

async fn a_save_is_claimed_once_and_released_on_failure(db: &DatabaseConnection) {
    use office_save::Claim;
    let Claim::Mine { lease, interrupted } =
        office_save::claim(db, "k/final", "site-a").await.unwrap()
    else {
        panic!("the first delivery claims the save");
    };
    assert_eq!(interrupted, None);
    // A retry arriving while the first delivery works waits.
    assert_eq!(
        office_save::claim(db, "k/final", "site-a").await.unwrap(),
        Claim::InProgress
    );
    assert!(lease.renew(db).await.unwrap());
    // A failed attempt lets the next retry do it.
    lease.release(db).await.unwrap();
    let Claim::Mine { lease, .. } = office_save::claim(db, "k/final", "site-a").await.unwrap()
    else {
        panic!("a released save can be claimed again");
    };
    lease.complete(db, "4").await.unwrap();
    // Once stored, repeats learn the version and store nothing; release no longer undoes it.
    lease.release(db).await.unwrap();
    assert_eq!(
        office_save::claim(db, "k/final", "site-a").await.unwrap(),
        Claim::Done("4".into())
    );
    // A finished lease can no longer be renewed.
    assert!(!lease.renew(db).await.unwrap());
}

/// Makes the claim on `save_id` look as if its holder stopped renewing a minute ago.
async fn stall(db: &DatabaseConnection, save_id: &str) {
    use sea_orm::{ColumnTrait, QueryFilter, sea_query::Expr};
    office_save::Entity::update_many()
        .col_expr(
            office_save::Column::ClaimedAt,
            Expr::value(chrono::Utc::now() - chrono::Duration::minutes(1)),
        )
        .filter(office_save::Column::SaveId.eq(save_id))
        .exec(db)
        .await
        .unwrap();
}

async fn a_save_whose_holder_stopped_is_taken_over_once(db: &DatabaseConnection) {
    use office_save::{Claim, Intent};
    let Claim::Mine { lease: first, .. } =
        office_save::claim(db, "k/crash", "site-a").await.unwrap()
    else {
        panic!("the first delivery claims the save");
    };
    let intent = Intent {
        comment: "Edited in ONLYOFFICE by Alice".into(),
        before: 3,
    };
    first.intend(db, &intent).await.unwrap();
    // Within the lease, nobody takes over.
    assert_eq!(
        office_save::claim(db, "k/crash", "site-a").await.unwrap(),
        Claim::InProgress
    );
    // The holder died: the next retry takes over and learns what it was about to store.
    stall(db, "k/crash").await;
    let Claim::Mine {
        lease: second,
        interrupted,
    } = office_save::claim(db, "k/crash", "site-a").await.unwrap()
    else {
        panic!("a stalled claim is taken over");
    };
    assert_eq!(interrupted, Some(intent));
    // Only one retry takes over.
    assert_eq!(
        office_save::claim(db, "k/crash", "site-a").await.unwrap(),
        Claim::InProgress
    );
    // The old holder, should it wake up, can neither renew, complete nor release.
    assert!(!first.renew(db).await.unwrap());
    first.complete(db, "stale").await.unwrap();
    first.release(db).await.unwrap();
    assert_eq!(
        office_save::claim(db, "k/crash", "site-a").await.unwrap(),
        Claim::InProgress
    );
    second.complete(db, "4").await.unwrap();
    assert_eq!(
        office_save::claim(db, "k/crash", "site-a").await.unwrap(),
        Claim::Done("4".into())
    );
    // Finished saves are forgotten only once old.
    assert_eq!(office_save::forget_finished(db, 30).await.unwrap(), 0);
    assert_eq!(office_save::forget_finished(db, -1).await.unwrap(), 1);
}

async fn a_session_credits_only_its_members(db: &DatabaseConnection) {
    office_session_member::record(db, "k-v1", "alice")
        .await
        .unwrap();
    office_session_member::record(db, "k-v1", "alice")
        .await
        .unwrap();
    office_session_member::record(db, "k-v1", "bob")
        .await
        .unwrap();
    office_session_member::record(db, "k-other", "mallory")
        .await
        .unwrap();
    let mut members = office_session_member::of_session(db, "k-v1").await.unwrap();
    members.sort();
    assert_eq!(members, ["alice", "bob"]);
    let named: Vec<String> = ["mallory", "", "bob", "alice", "link-person"]
        .map(String::from)
        .into();
    assert_eq!(
        office_session_member::credited(&named, &members, "link-person")
            .map(String::as_str)
            .collect::<Vec<_>>(),
        ["bob", "alice", "link-person"]
    );
    // Members of open sessions stay however old; those of ended sessions go once old.
    office_session::opening(db, "k-v1", "site-a", "p1", "att1", 1)
        .await
        .unwrap();
    assert_eq!(
        office_session_member::forget_ended(db, 30).await.unwrap(),
        0
    );
    assert_eq!(
        office_session_member::forget_ended(db, -1).await.unwrap(),
        1
    );
    assert_eq!(
        office_session_member::of_session(db, "k-v1")
            .await
            .unwrap()
            .len(),
        2
    );
}

async fn the_demo_starts_once_per_site(db: &DatabaseConnection) {
    use chrono::{Duration, TimeZone, Utc};
    let day_one = Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap();
    // Switching off a demo that never ran starts nothing.
    assert!(
        office_demo::set(db, "site-a", false, Some("admin"), day_one)
            .await
            .unwrap()
            .is_none()
    );
    assert!(office_demo::find(db, "site-a").await.unwrap().is_none());
    let on = office_demo::set(db, "site-a", true, Some("admin"), day_one)
        .await
        .unwrap()
        .unwrap();
    assert!(on.enabled);
    assert_eq!(on.started_at, day_one);
    // Off and on again later: the start stays where it was.
    let later = day_one + Duration::days(10);
    let off = office_demo::set(db, "site-a", false, None, later)
        .await
        .unwrap()
        .unwrap();
    assert!(!off.enabled);
    let again = office_demo::set(db, "site-a", true, Some("other"), later)
        .await
        .unwrap()
        .unwrap();
    assert!(again.enabled);
    assert_eq!(again.started_at, day_one);
    assert_eq!(again.updated_by.as_deref(), Some("other"));
    // Another site has its own.
    assert!(office_demo::find(db, "site-b").await.unwrap().is_none());
}

async fn a_personal_data_report_is_claimed_by_one_replica(db: &DatabaseConnection) {
    use chrono::{Duration, Utc};
    use personal_data_report::{claim, due, failed, of_site, reported, schedule};
    let now = Utc::now();
    schedule(db, &["site-a".to_owned()], now - Duration::seconds(1))
        .await
        .unwrap();
    // Scheduling again keeps the row as it is.
    schedule(db, &["site-a".to_owned()], now + Duration::days(9))
        .await
        .unwrap();
    assert_eq!(due(db, now, 10).await.unwrap().len(), 1);
    // Two replicas claim at once: one wins.
    let until = now + Duration::minutes(5);
    let (a, b) = tokio::join!(
        claim(db, "site-a", now, until),
        claim(db, "site-a", now, until)
    );
    assert!(
        a.unwrap() ^ b.unwrap(),
        "exactly one replica holds the report"
    );
    assert!(due(db, now, 10).await.unwrap().is_empty());
    // A lease past its time is free again (the replica died).
    assert!(
        claim(
            db,
            "site-a",
            until + Duration::seconds(1),
            until + Duration::minutes(5)
        )
        .await
        .unwrap()
    );
    failed(db, "site-a", now + Duration::minutes(2))
        .await
        .unwrap();
    let row = of_site(db, "site-a").await.unwrap().unwrap();
    assert_eq!(row.attempts, 1);
    assert!(row.lease_until.is_none());
    assert!(
        !claim(db, "site-a", now, until).await.unwrap(),
        "not due until the retry"
    );
    reported(db, "site-a", now, now + Duration::days(7))
        .await
        .unwrap();
    let row = of_site(db, "site-a").await.unwrap().unwrap();
    assert_eq!((row.attempts, row.reported_at.is_some()), (0, true));
}

connect::store_tests!(Migrator =>
    a_personal_data_report_is_claimed_by_one_replica,
    the_demo_starts_once_per_site,
    document_server_settings_are_per_site_and_the_secret_write_only,
    editor_options_are_per_site_with_defaults,
    a_versions_changes_are_kept_per_site_and_replaced_on_resave,
    reported_changes_keep_the_newest_version,
    editing_sessions_share_a_live_key_and_end_once,
    a_save_is_claimed_once_and_released_on_failure,
    a_save_whose_holder_stopped_is_taken_over_once,
    a_session_credits_only_its_members,
);
