//! Housekeeping every few minutes: what is kept only for a while is forgotten, so no table an
//! outsider can add rows to grows without bound. Every statement is a plain delete by age or
//! count, so replicas running it at the same time do no harm.

use std::time::Duration;

use app::state::AppState;

/// How often the sweep runs.
pub const EVERY: Duration = Duration::from_secs(10 * 60);
/// Finished saves are remembered this long (a Document Server retries for hours at most).
pub const SAVES_KEPT_DAYS: i64 = 30;

/// One sweep; how many rows went.
pub async fn run(state: &AppState) -> u64 {
    let mut gone = 0;
    match state.connect.prune().await {
        Ok(n) => gone += n,
        Err(err) => tracing::warn!(error = %err, "pruning the framework's tables failed"),
    }
    match app::store::office_save::forget_finished(&state.db, SAVES_KEPT_DAYS).await {
        Ok(n) => gone += n,
        Err(err) => tracing::warn!(error = %err, "pruning finished saves failed"),
    }
    match app::store::office_session_member::forget_ended(&state.db, SAVES_KEPT_DAYS).await {
        Ok(n) => gone += n,
        Err(err) => tracing::warn!(error = %err, "pruning ended sessions' members failed"),
    }
    if gone > 0 {
        tracing::info!(rows = gone, "housekeeping");
    }
    gone
}

/// Runs [`run`] every [`EVERY`] for as long as the process lives.
pub fn spawn(state: AppState) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut ticks = tokio::time::interval(EVERY);
        loop {
            ticks.tick().await;
            run(&state).await;
        }
    })
}
