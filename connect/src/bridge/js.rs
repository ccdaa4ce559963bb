//! Walking `AP`, calling its functions and converting values, without panics.

use js_sys::{Function, JSON, Promise, Reflect};
use serde::{Serialize, de::DeserializeOwned};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::BridgeError;

/// The global `AP`.
pub(crate) fn ap() -> Result<JsValue, BridgeError> {
    // Off WebAssembly (server-side rendering) there is no JavaScript to call.
    if !cfg!(target_arch = "wasm32") {
        return Err(BridgeError::NoHost);
    }
    let global = js_sys::global();
    match Reflect::get(&global, &JsValue::from_str("AP")) {
        // `AP` may be an object or a function object, depending on the all.js build.
        Ok(ap) if !ap.is_undefined() && !ap.is_null() => Ok(ap),
        _ => Err(BridgeError::NoHost),
    }
}

/// `AP.<path>` as a function with its `this`.
fn member(path: &str) -> Result<(JsValue, Function), BridgeError> {
    let mut this = JsValue::UNDEFINED;
    let mut value = ap()?;
    for name in path.split('.') {
        let next = Reflect::get(&value, &JsValue::from_str(name))
            .ok()
            .filter(|v| !v.is_undefined() && !v.is_null())
            .ok_or_else(|| BridgeError::Missing(path.to_owned()))?;
        this = value;
        value = next;
    }
    let function = value
        .dyn_into::<Function>()
        .map_err(|_| BridgeError::Missing(path.to_owned()))?;
    Ok((this, function))
}

fn apply(path: &str, args: Vec<JsValue>) -> Result<JsValue, BridgeError> {
    let (this, function) = member(path)?;
    let array = js_sys::Array::new();
    for arg in args {
        array.push(&arg);
    }
    function
        .apply(&this, &array)
        .map_err(|err| host_error(path, &err))
}

/// Calls `AP.<path>(args…)`; awaits the result when it is a promise.
pub(crate) async fn call(path: &str, args: Vec<JsValue>) -> Result<JsValue, BridgeError> {
    call_settled(path, args)
        .await?
        .map_err(|err| host_error(path, &err))
}

/// Like [`call`], but hands back what a rejected promise carried, for callers that read it.
pub(crate) async fn call_settled(
    path: &str,
    args: Vec<JsValue>,
) -> Result<Result<JsValue, JsValue>, BridgeError> {
    let result = apply(path, args)?;
    Ok(match result.dyn_into::<Promise>() {
        Ok(promise) => JsFuture::from(promise).await,
        Err(value) => Ok(value),
    })
}

/// Calls `AP.<path>(args…, callback)` and resolves with the first value the callback gets.
pub(crate) async fn call_back(path: &str, args: Vec<JsValue>) -> Result<JsValue, BridgeError> {
    let (this, function) = member(path)?;
    let mut failure = None;
    let promise = Promise::new(&mut |resolve, _reject| {
        let array = js_sys::Array::new();
        for arg in &args {
            array.push(arg);
        }
        array.push(&resolve);
        if let Err(err) = function.apply(&this, &array) {
            failure = Some(err);
        }
    });
    if let Some(err) = failure {
        return Err(host_error(path, &err));
    }
    JsFuture::from(promise)
        .await
        .map_err(|err| host_error(path, &err))
}

/// Calls `AP.<path>(args…)` and returns what it returned, without awaiting anything.
pub(crate) fn call_sync(path: &str, args: Vec<JsValue>) -> Result<JsValue, BridgeError> {
    apply(path, args)
}

/// Calls `value.<method>()` on an object all.js handed out (a dialog button, say).
pub(crate) fn call_method(value: &JsValue, method: &str) -> Result<(), BridgeError> {
    let function = Reflect::get(value, &JsValue::from_str(method))
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .ok_or_else(|| BridgeError::Missing(method.to_owned()))?;
    function
        .call0(value)
        .map(drop)
        .map_err(|err| host_error(method, &err))
}

/// Calls `AP.<path>(args…)` for its effect only.
pub(crate) fn fire(path: &str, args: Vec<JsValue>) -> Result<(), BridgeError> {
    apply(path, args).map(drop)
}

/// A readable message from whatever JavaScript threw or rejected with.
pub(crate) fn host_error(path: &str, err: &JsValue) -> BridgeError {
    let message = if let Some(s) = err.as_string() {
        s
    } else if let Some(e) = err.dyn_ref::<js_sys::Error>() {
        String::from(e.message())
    } else if let Some(s) = Reflect::get(err, &JsValue::from_str("err"))
        .ok()
        .and_then(|v| v.as_string())
    {
        s
    } else {
        JSON::stringify(err)
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_else(|| "unknown error".to_owned())
    };
    BridgeError::Host {
        call: path.to_owned(),
        message,
    }
}

pub(crate) fn to_js<T: Serialize>(value: &T) -> Result<JsValue, BridgeError> {
    ap()?;
    let text = serde_json::to_string(value).map_err(|e| BridgeError::Decode {
        call: "(arguments)".into(),
        message: e.to_string(),
    })?;
    JSON::parse(&text).map_err(|e| host_error("(arguments)", &e))
}

pub(crate) fn from_js<T: DeserializeOwned>(call: &str, value: &JsValue) -> Result<T, BridgeError> {
    let text = if value.is_undefined() {
        "null".to_owned()
    } else {
        JSON::stringify(value)
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_else(|| "null".to_owned())
    };
    serde_json::from_str(&text).map_err(|e| BridgeError::Decode {
        call: call.to_owned(),
        message: e.to_string(),
    })
}

pub(crate) fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}
