//! Lifecycle sequences against the tenant store, on SQLite and PostgreSQL.

use connect::store::{
    Migrator, audit,
    secrets::SecretBox,
    tenant::{Installation, TenantStore},
};
use sea_orm::DatabaseConnection;

fn store(db: &DatabaseConnection) -> TenantStore {
    TenantStore::new(
        db.clone(),
        SecretBox::from_base64(&SecretBox::generate_key()).unwrap(),
    )
}

fn install(client_key: &str, base_url: &str, secret: &str) -> Installation {
    Installation {
        client_key: client_key.into(),
        app_key: "io.confluo.app".into(),
        base_url: base_url.into(),
        display_url: None,
        product_type: "confluence".into(),
        description: "test site".into(),
        server_version: Some("6452".into()),
        plugins_version: Some("1001.0.0".into()),
        oauth_client_id: Some("oauth-1".into()),
        entitlement_id: None,
        entitlement_number: None,
        shared_secret: secret.into(),
    }
}

async fn install_rotate_uninstall_reinstall(db: &DatabaseConnection) {
    let s = store(db);
    let t = s
        .installed(&install(
            "ck-1",
            "https://a.atlassian.net/wiki/",
            "secret-1",
        ))
        .await
        .unwrap();
    assert_eq!(
        t.base_url, "https://a.atlassian.net/wiki",
        "trailing slash dropped"
    );
    assert!(t.installed && t.enabled && !t.stale);
    assert_eq!(t.shared_secret, "secret-1");

    // Re-install rotates the secret and may move the site.
    let mut rotated = install("ck-1", "https://renamed.atlassian.net/wiki", "secret-2");
    rotated.display_url = Some("https://docs.example.com".into());
    let t = s.installed(&rotated).await.unwrap();
    assert_eq!(t.shared_secret, "secret-2");
    assert_eq!(t.base_url, "https://renamed.atlassian.net/wiki");
    assert_eq!(t.display_url.as_deref(), Some("https://docs.example.com"));

    assert!(s.uninstalled("ck-1").await.unwrap());
    let gone = s
        .find("ck-1")
        .await
        .unwrap()
        .expect("uninstall keeps the row");
    assert!(!gone.installed && !gone.enabled && gone.uninstalled_at.is_some());
    assert!(
        s.active("ck-1").await.unwrap().is_none(),
        "uninstalled tenants are not served"
    );

    let back = s
        .installed(&install(
            "ck-1",
            "https://renamed.atlassian.net/wiki",
            "secret-3",
        ))
        .await
        .unwrap();
    assert!(back.installed && back.enabled && back.uninstalled_at.is_none());
    assert_eq!(back.shared_secret, "secret-3");
}

async fn secrets_are_encrypted_at_rest(db: &DatabaseConnection) {
    let s = store(db);
    s.installed(&install(
        "ck-enc",
        "https://e.atlassian.net/wiki",
        "plain-secret-value",
    ))
    .await
    .unwrap();
    let rows = connect::store::tenant::all_rows(db).await.unwrap();
    assert!(
        rows.iter()
            .all(|r| !r.shared_secret.contains("plain-secret-value"))
    );
    // Another key cannot read it.
    let other = store(db);
    assert!(other.find("ck-enc").await.is_err());
}

async fn reimport_is_a_new_tenant_and_marks_the_old_one_stale(db: &DatabaseConnection) {
    let s = store(db);
    s.installed(&install("old", "https://same.atlassian.net/wiki", "s-old"))
        .await
        .unwrap();
    let new = s
        .installed(&install("new", "https://same.atlassian.net/wiki", "s-new"))
        .await
        .unwrap();
    assert!(!new.stale);
    let old = s.find("old").await.unwrap().unwrap();
    assert!(
        old.stale,
        "older clientKey on the same baseUrl is marked stale"
    );
    assert_eq!(old.shared_secret, "s-old", "its data is kept");
    // A site whose base URL a newer clientKey took no longer authenticates.
    assert!(s.active("old").await.unwrap().is_none());
    assert!(s.active("new").await.unwrap().is_some());
    // The old one installing again makes the new one stale instead.
    s.installed(&install(
        "old",
        "https://same.atlassian.net/wiki",
        "s-old-2",
    ))
    .await
    .unwrap();
    assert!(s.find("new").await.unwrap().unwrap().stale);
    assert!(!s.find("old").await.unwrap().unwrap().stale);
}

async fn disabled_and_uninstalled_commute(db: &DatabaseConnection) {
    let s = store(db);
    for (key, order) in [
        ("d-then-u", ["disabled", "uninstalled"]),
        ("u-then-d", ["uninstalled", "disabled"]),
    ] {
        s.installed(&install(
            key,
            &format!("https://{key}.atlassian.net/wiki"),
            "x",
        ))
        .await
        .unwrap();
        for event in order {
            match event {
                "disabled" => s.disabled(key).await.unwrap(),
                _ => s.uninstalled(key).await.unwrap(),
            };
        }
        let t = s.find(key).await.unwrap().unwrap();
        assert!(!t.installed && !t.enabled, "{key}");
        // A late `enabled` cannot resurrect an uninstalled tenant.
        assert!(!s.enabled(key).await.unwrap());
        assert!(!s.find(key).await.unwrap().unwrap().enabled);
    }
}

async fn unknown_tenants_are_harmless(db: &DatabaseConnection) {
    let s = store(db);
    assert!(!s.uninstalled("nobody").await.unwrap());
    assert!(!s.disabled("nobody").await.unwrap());
    assert!(s.find("nobody").await.unwrap().is_none());
}

async fn concurrent_installs_end_in_one_consistent_row(db: &DatabaseConnection) {
    let s = store(db);
    let tasks: Vec<_> = (0..8)
        .map(|n| {
            let s = s.clone();
            tokio::spawn(async move {
                s.installed(&install(
                    "race",
                    "https://race.atlassian.net/wiki",
                    &format!("secret-{n}"),
                ))
                .await
            })
        })
        .collect();
    for task in tasks {
        task.await.unwrap().unwrap();
    }
    let rows: Vec<_> = connect::store::tenant::all_rows(db)
        .await
        .unwrap()
        .into_iter()
        .filter(|r| r.client_key == "race")
        .collect();
    assert_eq!(rows.len(), 1);
    let t = s.find("race").await.unwrap().unwrap();
    assert!(
        t.shared_secret.starts_with("secret-"),
        "the secret decrypts: one writer's whole row won"
    );
}

async fn audit_keeps_every_event_newest_first(db: &DatabaseConnection) {
    audit::record(db, Some("ck"), "installed", true, None)
        .await
        .unwrap();
    audit::record(
        db,
        None,
        "installed",
        false,
        Some("the token's signature does not verify"),
    )
    .await
    .unwrap();
    let entries = audit::recent(db, 10).await.unwrap();
    assert_eq!(entries.len(), 2);
    assert!(!entries[0].accepted);
    assert_eq!(
        entries[0].reason.as_deref(),
        Some("the token's signature does not verify")
    );
    assert_eq!(entries[1].client_key.as_deref(), Some("ck"));
}

/// Replicas booting at once store one key root; a rotated ring finds the same root, tenants
/// sealed with the old key are sealed again with the new one and read with it alone.
async fn rotation_keeps_the_key_root_and_reseals_tenants(db: &DatabaseConnection) {
    use connect::store::server_key;
    let (old, new) = (SecretBox::generate_key(), SecretBox::generate_key());
    let old_box = SecretBox::from_base64(&old).unwrap();
    let boots =
        connect::store::testing::join_all((0..4).map(|_| server_key::load(db, old_box.clone())))
            .await;
    let roots: Vec<[u8; 32]> = boots
        .into_iter()
        .map(|b| b.unwrap().derive_key("purpose"))
        .collect();
    assert!(roots.windows(2).all(|w| w[0] == w[1]), "one root for all");
    assert_eq!(
        roots[0],
        old_box.derive_key("purpose"),
        "upgrading keeps derived keys"
    );

    let store_old = TenantStore::new(db.clone(), server_key::load(db, old_box).await.unwrap());
    store_old
        .installed(&install(
            "site-a",
            "https://a.atlassian.net/wiki",
            "secret-a",
        ))
        .await
        .unwrap();
    store_old
        .installed(&install(
            "site-b",
            "https://b.atlassian.net/wiki",
            "secret-b",
        ))
        .await
        .unwrap();
    let ring = SecretBox::from_base64(&new)
        .unwrap()
        .with_previous(std::slice::from_ref(&old))
        .unwrap();
    let ring = server_key::load(db, ring).await.unwrap();
    assert_eq!(ring.derive_key("purpose"), roots[0]);
    let store_new = TenantStore::new(db.clone(), ring);
    assert_eq!(
        store_new
            .find("site-a")
            .await
            .unwrap()
            .unwrap()
            .shared_secret,
        "secret-a"
    );
    assert_eq!(store_new.reseal().await.unwrap(), 2);
    assert_eq!(
        store_new.reseal().await.unwrap(),
        0,
        "nothing left to seal again"
    );
    let alone = SecretBox::from_base64(&new).unwrap();
    let only_new = TenantStore::new(db.clone(), server_key::load(db, alone).await.unwrap());
    assert_eq!(
        only_new
            .find("site-b")
            .await
            .unwrap()
            .unwrap()
            .shared_secret,
        "secret-b"
    );
    assert_eq!(only_new.secrets().derive_key("purpose"), roots[0]);
}

connect::store_tests!(Migrator =>
    rotation_keeps_the_key_root_and_reseals_tenants,
    install_rotate_uninstall_reinstall,
    secrets_are_encrypted_at_rest,
    reimport_is_a_new_tenant_and_marks_the_old_one_stale,
    disabled_and_uninstalled_commute,
    unknown_tenants_are_harmless,
    concurrent_installs_end_in_one_consistent_row,
    audit_keeps_every_event_newest_first,
);
