//! The office app's metrics, by name (see `connect::observe` for the framework's). Labels take
//! a few fixed values only.

use std::time::Duration;

/// Document Server callbacks, by the callback's `status` (0–7, or `none` when it names none)
/// and `outcome` (`ok`: answered `{"error":0}`; `refused`: a 4xx; `failed`: a 5xx, which the
/// Document Server retries).
pub const CALLBACKS: &str = "office_callbacks_total";
/// How long a save took (fetching the result, uploading the new version), by `outcome`.
pub const SAVE_SECONDS: &str = "office_save_duration_seconds";
/// How long one conversion request to the Document Server took, by `outcome` (`done`,
/// `running`, `failed`).
pub const CONVERSION_SECONDS: &str = "office_conversion_request_duration_seconds";

pub fn callback(status: Option<i64>, http_status: u16) {
    let status = match status {
        Some(s @ 0..=7) => s.to_string(),
        Some(_) => "other".to_owned(),
        None => "none".to_owned(),
    };
    metrics::counter!(CALLBACKS, "status" => status, "outcome" => outcome(http_status))
        .increment(1);
}

pub fn save(took: Duration, http_status: u16) {
    metrics::histogram!(SAVE_SECONDS, "outcome" => outcome(http_status)).record(took);
}

pub fn conversion(took: Duration, outcome: &'static str) {
    metrics::histogram!(CONVERSION_SECONDS, "outcome" => outcome).record(took);
}

fn outcome(http_status: u16) -> &'static str {
    match http_status {
        200..=299 => "ok",
        400..=499 => "refused",
        _ => "failed",
    }
}
