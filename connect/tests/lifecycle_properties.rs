//! Property test of the lifecycle handler on hostile bodies: a correctly signed call whose body
//! has any field changed, removed or added is answered without a server error, and a call that
//! is refused changes nothing in the store. `PROPTEST_CASES` cases (2,000 by default; `cargo
//! xtask chaos` asks for 100,000), through the HTTP stack on SQLite.

mod common;

use std::sync::LazyLock;

use common::Fixture;
use connect::{
    store::{
        Migrator,
        testing::{Backend, TestDb},
    },
    test_host::TestHost,
};
use proptest::prelude::*;
use tokio::runtime::Runtime;

static RUNTIME: LazyLock<Runtime> = LazyLock::new(|| Runtime::new().unwrap());

/// One site, installed once; every case calls it again with a changed body.
static SITE: LazyLock<(Fixture, TestHost, TestDb)> = LazyLock::new(|| {
    RUNTIME.block_on(async {
        let db = TestDb::new::<Migrator>(Backend::Sqlite).await;
        let fixture = Fixture::new(&db.conn).await;
        let host = fixture.host("acme");
        fixture.install(&host).await;
        (fixture, host, db)
    })
});

/// The payload's own fields, and a few that are not.
fn field() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "key",
            "clientKey",
            "sharedSecret",
            "baseUrl",
            "displayUrl",
            "productType",
            "description",
            "serverVersion",
            "pluginsVersion",
            "oauthClientId",
            "eventType",
        ])
        .prop_map(str::to_owned),
        "[a-zA-Z]{1,10}",
    ]
}

fn event() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec!["installed", "uninstalled", "enabled", "disabled"])
}

proptest! {
    #![proptest_config(connect::store::testing::property_config())]

    #[test]
    fn a_signed_lifecycle_call_with_any_body_is_answered_without_a_server_error(
        event in event(),
        changes in prop::collection::vec((field(), proptest::option::of(connect::store::testing::json_values())), 0..4),
        not_json in proptest::option::of("\\PC{0,60}"),
    ) {
        let (fixture, host, _) = &*SITE;
        let path = format!("/{event}");
        let mut body = host.lifecycle_body(event);
        for (name, value) in changes {
            match value {
                Some(value) => body[name.as_str()] = value,
                None => {
                    body.as_object_mut().unwrap().remove(&name);
                }
            }
        }
        let token = if matches!(event, "installed" | "uninstalled") {
            host.install_token(&path)
        } else {
            host.host_token("POST", &path)
        };
        let mut request = TestHost::post_json(&path, &body, Some(&token));
        if let Some(text) = not_json {
            *request.body_mut() = axum::body::Body::from(text);
        }
        let (status, answer) = RUNTIME.block_on(async {
            let before = fixture.connect.tenants().find("acme").await.unwrap();
            let (status, answer) = fixture.call(request).await;
            let after = fixture.connect.tenants().find("acme").await.unwrap();
            if !status.is_success() {
                // (Tenant has no Debug: it holds the secret.)
                assert!(before == after, "a refused {event} changed the site");
            }
            (status, answer)
        });
        prop_assert!(!status.is_server_error(), "{} answered {} {}", event, status, answer);
        prop_assert!(!answer.contains(&host.shared_secret) || status.is_success(), "the answer shows the secret");
    }
}
