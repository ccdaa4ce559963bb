//! The framework's metrics, by name. They go through the `metrics` facade: nothing is kept
//! unless the server installs a recorder (Confluo's is Prometheus on `METRICS_ADDR`). Every
//! label takes one of a few fixed values, never a URL, a site or a person.

use crate::egress::EgressError;

/// Lifecycle calls, by `event` (installed, uninstalled, enabled, disabled) and `outcome`
/// (accepted, refused).
pub const LIFECYCLE_EVENTS: &str = "connect_lifecycle_events_total";
/// Webhook deliveries, by `event` (as declared in the descriptor) and `outcome` (handled,
/// duplicate, unhandled, failed, refused).
pub const WEBHOOK_DELIVERIES: &str = "connect_webhook_deliveries_total";
/// Outbound calls the egress policy refused, by `kind` of address.
pub const EGRESS_REFUSALS: &str = "connect_egress_refusals_total";

pub(crate) fn lifecycle(event: &'static str, accepted: bool) {
    let outcome = if accepted { "accepted" } else { "refused" };
    metrics::counter!(LIFECYCLE_EVENTS, "event" => event, "outcome" => outcome).increment(1);
}

pub(crate) fn webhook(event: &str, outcome: &'static str) {
    metrics::counter!(WEBHOOK_DELIVERIES, "event" => event.to_owned(), "outcome" => outcome)
        .increment(1);
}

pub(crate) fn egress_refused(err: &EgressError) {
    let kind = match err {
        EgressError::Scheme(_) => "scheme",
        EgressError::Credentials => "credentials",
        EgressError::NoHost => "no_host",
        EgressError::Private { kind, .. } => kind,
    };
    metrics::counter!(EGRESS_REFUSALS, "kind" => kind).increment(1);
}
