//! `AP.user`: the person viewing the iframe, as the host reports it (a hint for display only;
//! the server trusts only a verified token's `sub`).

use serde_json::Value;

use super::{BridgeError, js};

/// `{atlassianAccountId}` of the current user.
pub async fn current() -> Result<Value, BridgeError> {
    let value = js::call_back("user.getCurrentUser", vec![]).await?;
    js::from_js("user.getCurrentUser", &value)
}

/// The user's locale, such as `en-GB`.
pub async fn locale() -> Result<String, BridgeError> {
    let value = js::call_back("user.getLocale", vec![]).await?;
    js::from_js("user.getLocale", &value)
}
