//! `AP.navigator`: moving the host page.

use serde_json::Value;
use wasm_bindgen::JsValue;

use super::{BridgeError, js};

/// Navigates the host page to `target` (`contentview`, `addonModule` …) with `context`.
pub fn go(target: &str, context: &Value) -> Result<(), BridgeError> {
    js::fire(
        "navigator.go",
        vec![JsValue::from_str(target), js::to_js(context)?],
    )
}

/// Reloads the host page.
pub fn reload() -> Result<(), BridgeError> {
    js::fire("navigator.reload", vec![])
}

/// Where the host page is: `{target, context, href}`.
pub async fn location() -> Result<Value, BridgeError> {
    let value = js::call_back("navigator.getLocation", vec![]).await?;
    js::from_js("navigator.getLocation", &value)
}
