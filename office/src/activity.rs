//! What Confluence reported about an attachment by webhook, as the screens show it.

use serde::{Deserialize, Serialize};

/// The last change Confluence reported for an attachment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportedChange {
    pub event: String,
    pub version: Option<i32>,
    pub account_id: Option<String>,
    pub received_at: String,
}
