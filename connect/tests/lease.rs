//! Turns on SQLite and PostgreSQL: one taker per period, free again once the period has passed
//! or the turn is given back, and of many asking at once exactly one wins.

use std::time::Duration;

use connect::store::{Migrator, lease};
use sea_orm::DatabaseConnection;

async fn one_taker_per_period(db: &DatabaseConnection) {
    let (a, b) = (lease::holder_id(), lease::holder_id());
    assert_ne!(a, b);
    let long = Duration::from_secs(60);
    assert!(lease::take_turn(db, "sweep", &a, long).await.unwrap());
    assert!(
        !lease::take_turn(db, "sweep", &b, long).await.unwrap(),
        "taken twice in a period"
    );
    assert!(!lease::take_turn(db, "sweep", &a, long).await.unwrap());
    // Another name is another turn.
    assert!(lease::take_turn(db, "report", &b, long).await.unwrap());

    // Given back: free at once.
    lease::release(db, "sweep", &a).await.unwrap();
    assert!(lease::take_turn(db, "sweep", &b, long).await.unwrap());
    // Giving back someone else's turn does nothing.
    lease::release(db, "sweep", &a).await.unwrap();
    assert!(!lease::take_turn(db, "sweep", &a, long).await.unwrap());
    // A turn is measured by the asker's period: taken by b (whose period was long), it is
    // free for a, whose period is short, once that has passed.
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert!(
        lease::take_turn(db, "sweep", &a, Duration::from_millis(300))
            .await
            .unwrap()
    );
    assert!(!lease::take_turn(db, "sweep", &b, long).await.unwrap());
}

async fn of_many_at_once_one_wins(db: &DatabaseConnection) {
    let holders: Vec<String> = (0..16).map(|_| lease::holder_id()).collect();
    let tries = holders
        .iter()
        .map(|h| lease::take_turn(db, "sweep", h, Duration::from_secs(60)));
    let won = futures::future::join_all(tries)
        .await
        .into_iter()
        .map(|r| r.unwrap())
        .filter(|w| *w)
        .count();
    assert_eq!(won, 1);
}

connect::store_tests!(Migrator =>
    one_taker_per_period,
    of_many_at_once_one_wins,
);
