//! `AP.events`: messages between the host and the app's iframes.

use serde_json::Value;
use wasm_bindgen::{JsValue, closure::Closure};

use super::{BridgeError, js};

/// A listener added with [`on`]. It stays registered for the life of the page unless
/// [`Listener::off`] removes it; dropping the handle leaves it in place.
pub struct Listener {
    name: String,
    closure: Option<Closure<dyn FnMut(JsValue)>>,
}

impl Listener {
    /// Removes the listener (`AP.events.off`): its handler is not called again.
    pub fn off(mut self) -> Result<(), BridgeError> {
        let Some(closure) = self.closure.take() else {
            return Ok(());
        };
        let function: JsValue = closure.as_ref().clone();
        js::fire("events.off", vec![JsValue::from_str(&self.name), function])
        // `closure` is dropped here: the host no longer holds the function.
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        // Still registered with the host, which may call it at any time: keep it alive.
        if let Some(closure) = self.closure.take() {
            closure.forget();
        }
    }
}

/// Calls `handler` with the first argument of every `name` event.
pub fn on(name: &str, mut handler: impl FnMut(Value) + 'static) -> Result<Listener, BridgeError> {
    js::ap()?;
    let event = name.to_owned();
    let closure = Closure::<dyn FnMut(JsValue)>::new(move |data: JsValue| {
        handler(decode(&event, &data));
    });
    let function: JsValue = closure.as_ref().clone();
    js::fire("events.on", vec![JsValue::from_str(name), function])?;
    Ok(Listener {
        name: name.to_owned(),
        closure: Some(closure),
    })
}

/// Calls `handler` for the next `name` event only (`AP.events.once`).
pub fn once(name: &str, handler: impl FnOnce(Value) + 'static) -> Result<(), BridgeError> {
    js::ap()?;
    let event = name.to_owned();
    // The host drops its reference after the first call, and so does this closure.
    let function = Closure::once_into_js(move |data: JsValue| handler(decode(&event, &data)));
    js::fire("events.once", vec![JsValue::from_str(name), function])
}

/// Sends `name` with `data` to the app's other iframes on the page.
pub fn emit(name: &str, data: &Value) -> Result<(), BridgeError> {
    js::fire(
        "events.emit",
        vec![JsValue::from_str(name), js::to_js(data)?],
    )
}

fn decode(event: &str, data: &JsValue) -> Value {
    js::from_js::<Value>(event, data).unwrap_or(Value::Null)
}
