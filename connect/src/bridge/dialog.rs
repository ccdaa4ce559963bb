//! `AP.dialog`: open one of the app's dialogs, and, inside a dialog, read its data and close it.

use serde::Serialize;
use serde_json::Value;

use super::{BridgeError, js};

/// What to open: a `dialogs` module of the descriptor, by key.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DialogOptions {
    pub key: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub size: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chrome: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub header: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub submit_text: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cancel_text: Option<String>,
    /// Handed to the dialog through [`custom_data`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<Value>,
}

/// Opens a dialog. Its result arrives in the opener as the `dialog.close` event (see
/// [`super::events::on`]).
pub fn create(options: &DialogOptions) -> Result<(), BridgeError> {
    js::fire("dialog.create", vec![js::to_js(options)?])
}

/// Inside a dialog: the `customData` its opener passed.
pub async fn custom_data() -> Result<Value, BridgeError> {
    let value = js::call_back("dialog.getCustomData", vec![]).await?;
    js::from_js("dialog.getCustomData", &value)
}

/// Inside a dialog: keeps it open when Submit is pressed, so the page can validate and then
/// [`close`] with a result.
pub fn disable_close_on_submit() -> Result<(), BridgeError> {
    js::fire("dialog.disableCloseOnSubmit", vec![])
}

/// Inside a dialog: closes it, sending `data` to the opener's `dialog.close` listeners.
pub fn close(data: &Value) -> Result<(), BridgeError> {
    js::fire("dialog.close", vec![js::to_js(data)?])
}

/// Inside a dialog: enables or disables one of its buttons (`submit`, `cancel` or a custom
/// button's identifier).
pub fn set_button_enabled(button: &str, enabled: bool) -> Result<(), BridgeError> {
    let name = wasm_bindgen::JsValue::from_str(button);
    let handle = js::call_sync("dialog.getButton", vec![name])?;
    let method = if enabled { "enable" } else { "disable" };
    js::call_method(&handle, method)
}
