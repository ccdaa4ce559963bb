//! Housekeeping every few minutes: what is kept only for a while is forgotten, so no table an
//! outsider can add rows to grows without bound; sites' personal data reports go out; sites
//! uninstalled longer than the retention period are purged. Every delete is by age or count
//! and each purge is one conditional transaction, so replicas running it at the same time do
//! no harm; still, of several replicas on one database only the one that takes the sweep's turn
//! sweeps each period (the others skip), and a report is claimed by one replica (see
//! `app::personal_data`).

use std::time::Duration;

use app::state::AppState;
use connect::store::lease;

/// The turn ([`lease`]) whose taker sweeps.
const LEASE: &str = "housekeeping";
/// Sweeps, by `outcome`: `ran` (this replica took the turn), `skipped` (another one had it),
/// `failed` (the turn could not be read).
pub const SWEEPS: &str = "maintenance_sweeps_total";

/// What a sweep does beyond pruning.
#[derive(Clone, Copy, Debug)]
pub struct Sweep {
    /// How often it runs.
    pub every: Duration,
    /// How long a site's data outlives an uninstall.
    pub retention_days: u64,
}
/// Finished saves are remembered this long (a Document Server retries for hours at most).
pub const SAVES_KEPT_DAYS: i64 = 30;

/// One sweep; how many rows (and sites, and erased accounts) went.
pub async fn run(state: &AppState, sweep: Sweep) -> u64 {
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
    match app::site_data::purge_expired(&state.db, sweep.retention_days).await {
        Ok(n) => gone += n,
        Err(err) => tracing::warn!(error = %err, "purging uninstalled sites failed"),
    }
    gone += app::personal_data::report_due(state).await;
    reseal(state).await;
    if gone > 0 {
        tracing::info!(rows = gone, "housekeeping");
    }
    gone
}

/// While a key rotation is under way (`CONNECT_SECRET_KEY_PREVIOUS` set), seals again with
/// the current key what a previous key sealed, and says when nothing needs the previous keys.
async fn reseal(state: &AppState) {
    let secrets = state.connect.tenants().secrets();
    if !secrets.has_previous() {
        return;
    }
    let tenants = state.connect.tenants().reseal().await;
    let servers = app::store::document_server::reseal(&state.db, secrets).await;
    match (tenants, servers) {
        (Ok(tenants), Ok(servers)) => tracing::info!(
            tenant_secrets = tenants,
            document_server_secrets = servers,
            "key rotation: every stored secret is sealed with the current CONNECT_SECRET_KEY; \
             CONNECT_SECRET_KEY_PREVIOUS may be removed once every replica runs with the new key"
        ),
        (Err(err), _) => {
            tracing::warn!(error = %err, "key rotation: sealing tenant secrets again failed")
        }
        (_, Err(err)) => {
            tracing::warn!(error = %err, "key rotation: sealing Document Server secrets again failed")
        }
    }
}

/// The running housekeeping task of this replica.
pub struct Housekeeping {
    task: tokio::task::JoinHandle<()>,
    holder: String,
}

impl Housekeeping {
    /// Stops sweeping and gives the turn back, so another replica sweeps without waiting out
    /// this one's period.
    pub async fn stop(self, state: &AppState) {
        self.task.abort();
        if let Err(err) = lease::release(&state.db, LEASE, &self.holder).await {
            tracing::warn!(error = %err, "housekeeping: giving the sweep's turn back failed");
        }
    }
}

/// Runs [`run`] every `sweep.every` for as long as the process lives, in the periods this
/// replica takes the sweep's turn.
pub fn spawn(state: AppState, sweep: Sweep) -> Housekeeping {
    let holder = lease::holder_id();
    let me = holder.clone();
    let task = tokio::spawn(async move {
        // A little shorter than a period, so whichever replica ticks first once a period has
        // passed takes the turn.
        let within = sweep.every.mul_f64(0.9);
        let mut ticks = tokio::time::interval(sweep.every);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticks.tick().await;
            let outcome = match lease::take_turn(&state.db, LEASE, &me, within).await {
                Ok(true) => {
                    run(&state, sweep).await;
                    "ran"
                }
                Ok(false) => "skipped",
                Err(err) => {
                    tracing::warn!(error = %err, "housekeeping: taking the sweep's turn failed");
                    "failed"
                }
            };
            metrics::counter!(SWEEPS, "outcome" => outcome).increment(1);
        }
    });
    Housekeeping { task, holder }
}
