//! `AP.confluence`: the macro being shown or edited, and the current page's content properties.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{BridgeError, js};

/// The parameters of the macro instance this iframe shows or edits.
pub async fn macro_data() -> Result<Value, BridgeError> {
    let value = js::call_back("confluence.getMacroData", vec![]).await?;
    js::from_js("confluence.getMacroData", &value)
}

/// The body of the macro instance this iframe shows or edits (empty when it has none).
pub async fn macro_body() -> Result<String, BridgeError> {
    let value = js::call_back("confluence.getMacroBody", vec![]).await?;
    Ok(js::from_js::<Option<String>>("confluence.getMacroBody", &value)?.unwrap_or_default())
}

/// In a macro editor: saves the parameters, and the body when given, into the page (the editor
/// then closes).
pub fn save_macro(params: &Value, body: Option<&str>) -> Result<(), BridgeError> {
    let mut args = vec![js::to_js(params)?];
    if let Some(body) = body {
        args.push(wasm_bindgen::JsValue::from_str(body));
    }
    js::fire("confluence.saveMacro", args)
}

/// In a macro editor: closes it without saving.
pub fn close_macro_editor() -> Result<(), BridgeError> {
    js::fire("confluence.closeMacroEditor", vec![])
}

/// A content property of the current page: JSON the app keeps on it, versioned by Confluence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ContentProperty {
    pub key: String,
    pub value: Value,
    pub version: PropertyVersion,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PropertyVersion {
    pub number: u64,
}

impl ContentProperty {
    /// The property to write after `previous` (or the first one): Confluence accepts a write
    /// only with the next version number, so two writers cannot silently overwrite each other.
    pub fn next(key: &str, value: Value, previous: Option<&ContentProperty>) -> Self {
        Self {
            key: key.to_owned(),
            value,
            version: PropertyVersion {
                number: previous.map_or(1, |p| p.version.number + 1),
            },
        }
    }
}

/// The current page's property `key`, or `None` when it has none.
pub async fn content_property(key: &str) -> Result<Option<ContentProperty>, BridgeError> {
    let value = js::call_back(
        "confluence.getContentProperty",
        vec![wasm_bindgen::JsValue::from_str(key)],
    )
    .await?;
    // An absent property arrives as `undefined` (or an object without a key).
    let found: Option<Value> = js::from_js("confluence.getContentProperty", &value)?;
    match found {
        Some(v) if v.get("key").is_some() => {
            serde_json::from_value(v)
                .map(Some)
                .map_err(|e| BridgeError::Decode {
                    call: "confluence.getContentProperty".into(),
                    message: e.to_string(),
                })
        }
        _ => Ok(None),
    }
}

/// Writes a property of the current page; answers the stored property. A stale version (someone
/// wrote in between) or a refusal comes back as [`BridgeError::Host`].
pub async fn set_content_property(
    property: &ContentProperty,
) -> Result<ContentProperty, BridgeError> {
    const CALL: &str = "confluence.setContentProperty";
    let value = js::call_back(CALL, vec![js::to_js(property)?]).await?;
    let answer: Value = js::from_js(CALL, &value)?;
    if let Some(error) = answer.get("error").filter(|e| !e.is_null()) {
        let message = match error.get("status").and_then(Value::as_u64) {
            Some(409) => "the property was changed meanwhile".to_owned(),
            Some(403) => "you may not change this page".to_owned(),
            Some(status) => format!("HTTP {status}"),
            None => error.to_string(),
        };
        return Err(BridgeError::Host {
            call: CALL.into(),
            message,
        });
    }
    answer
        .get("result")
        .cloned()
        .and_then(|v| serde_json::from_value(v).ok())
        .ok_or_else(|| BridgeError::Decode {
            call: CALL.into(),
            message: "no stored property in the answer".into(),
        })
}
