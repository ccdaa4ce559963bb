//! `AP.context`: who is looking at what, and a token proving it to the app server.

use std::cell::RefCell;

use serde_json::Value;

use super::{BridgeError, js};

thread_local! {
    static TOKEN: RefCell<Option<(String, f64)>> = const { RefCell::new(None) };
}

/// Seconds before expiry at which a cached token is no longer handed out.
const REFRESH_EARLY_SECS: f64 = 60.0;

/// A context token (`qsh` = `context-qsh`) for calls to the app server, from `AP.context.getToken`,
/// cached until shortly before it expires.
pub async fn token() -> Result<String, BridgeError> {
    js::ap()?;
    let now = js_sys::Date::now() / 1000.0;
    if let Some(token) = TOKEN.with(|t| {
        t.borrow()
            .as_ref()
            .filter(|(_, exp)| *exp - REFRESH_EARLY_SECS > now)
            .map(|(token, _)| token.clone())
    }) {
        return Ok(token);
    }
    let value = js::call("context.getToken", vec![]).await?;
    let token = value.as_string().ok_or_else(|| BridgeError::Decode {
        call: "context.getToken".into(),
        message: "the token is not a string".into(),
    })?;
    let exp = expiry(&token).unwrap_or(now);
    TOKEN.with(|t| *t.borrow_mut() = Some((token.clone(), exp)));
    Ok(token)
}

/// Forgets the cached token (after the server refused it, say).
pub fn forget_token() {
    TOKEN.with(|t| *t.borrow_mut() = None);
}

/// The `exp` claim of a JWT, read without verifying (only to schedule a refresh).
fn expiry(token: &str) -> Option<f64> {
    let payload = token.split('.').nth(1)?;
    let mut b64: String = payload
        .chars()
        .map(|c| match c {
            '-' => '+',
            '_' => '/',
            c => c,
        })
        .collect();
    while !b64.len().is_multiple_of(4) {
        b64.push('=');
    }
    let json = web_sys::window()?.atob(&b64).ok()?;
    let claims: Value = serde_json::from_str(&json).ok()?;
    claims.get("exp")?.as_f64()
}

/// The host's context (`confluence.content`, `confluence.space`, `license` …).
pub async fn context() -> Result<Value, BridgeError> {
    let value = js::call("context.getContext", vec![]).await?;
    js::from_js("context.getContext", &value)
}
