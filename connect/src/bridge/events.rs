//! `AP.events`: messages between the host and the app's iframes.

use serde_json::Value;
use wasm_bindgen::{JsValue, closure::Closure};

use super::{BridgeError, js};

/// Calls `handler` with the first argument of every `name` event, for the life of the page
/// (iframes are short-lived; the listener is never removed).
pub fn on(name: &str, mut handler: impl FnMut(Value) + 'static) -> Result<(), BridgeError> {
    js::ap()?;
    let event = name.to_owned();
    let closure = Closure::<dyn FnMut(JsValue)>::new(move |data: JsValue| {
        let value = js::from_js::<Value>(&event, &data).unwrap_or(Value::Null);
        handler(value);
    });
    let function: JsValue = closure.as_ref().clone();
    js::fire("events.on", vec![JsValue::from_str(name), function])?;
    closure.forget();
    Ok(())
}

/// Sends `name` with `data` to the app's other iframes on the page.
pub fn emit(name: &str, data: &Value) -> Result<(), BridgeError> {
    js::fire(
        "events.emit",
        vec![JsValue::from_str(name), js::to_js(data)?],
    )
}
