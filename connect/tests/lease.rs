//! Named leases on SQLite and PostgreSQL: one holder at a time, kept by its holder, free once
//! it runs out or is given up.

use std::time::Duration;

use connect::store::{Migrator, lease};
use sea_orm::DatabaseConnection;

async fn one_holder_at_a_time(db: &DatabaseConnection) {
    let (a, b) = (lease::holder_id(), lease::holder_id());
    assert_ne!(a, b);
    let long = Duration::from_secs(60);
    assert!(lease::take(db, "sweep", &a, long).await.unwrap());
    assert!(
        !lease::take(db, "sweep", &b, long).await.unwrap(),
        "taken twice"
    );
    assert!(
        lease::take(db, "sweep", &a, long).await.unwrap(),
        "its holder keeps it"
    );
    // Another name is another lease.
    assert!(lease::take(db, "report", &b, long).await.unwrap());

    // Given up: free at once.
    lease::release(db, "sweep", &a).await.unwrap();
    assert!(
        lease::take(db, "sweep", &b, Duration::from_millis(300))
            .await
            .unwrap()
    );
    // b's lease runs out: a may take it then, not before.
    assert!(!lease::take(db, "sweep", &a, long).await.unwrap());
    tokio::time::sleep(Duration::from_millis(600)).await;
    assert!(lease::take(db, "sweep", &a, long).await.unwrap());
    // Giving up someone else's lease does nothing.
    lease::release(db, "sweep", &b).await.unwrap();
    assert!(!lease::take(db, "sweep", &b, long).await.unwrap());
}

async fn of_many_at_once_one_wins(db: &DatabaseConnection) {
    let holders: Vec<String> = (0..16).map(|_| lease::holder_id()).collect();
    let tries = holders
        .iter()
        .map(|h| lease::take(db, "sweep", h, Duration::from_secs(60)));
    let won = futures::future::join_all(tries)
        .await
        .into_iter()
        .map(|r| r.unwrap())
        .filter(|w| *w)
        .count();
    assert_eq!(won, 1);
}

connect::store_tests!(Migrator =>
    one_holder_at_a_time,
    of_many_at_once_one_wins,
);
