//! The app's tables on SQLite and PostgreSQL: Document Server settings per site with a
//! write-only secret, and reported attachment changes that never go back in time.

use app::{
    settings::{DEFAULT_JWT_HEADER, DocumentServerForm},
    store::{attachment_activity, document_server},
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

connect::store_tests!(Migrator =>
    document_server_settings_are_per_site_and_the_secret_write_only,
    reported_changes_keep_the_newest_version,
);
