//! `AP.confluence`: the macro being shown or edited.

use serde_json::Value;

use super::{BridgeError, js};

/// The parameters of the macro instance this iframe shows or edits.
pub async fn macro_data() -> Result<Value, BridgeError> {
    let value = js::call_back("confluence.getMacroData", vec![]).await?;
    js::from_js("confluence.getMacroData", &value)
}

/// In a macro editor: saves the parameters into the page (the editor then closes).
pub fn save_macro(params: &Value) -> Result<(), BridgeError> {
    js::fire("confluence.saveMacro", vec![js::to_js(params)?])
}

/// In a macro editor: closes it without saving.
pub fn close_macro_editor() -> Result<(), BridgeError> {
    js::fire("confluence.closeMacroEditor", vec![])
}
