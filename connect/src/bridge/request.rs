//! `AP.request`: the Confluence REST API as the person viewing the page.

use super::{BridgeError, js};
use serde::{Serialize, de::DeserializeOwned};

/// What to send. `url` is relative to the site's context path (`/rest/api/...`).
#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RequestOptions {
    pub url: String,
    #[serde(rename = "type")]
    pub method: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content_type: Option<String>,
}

impl RequestOptions {
    pub fn get(url: impl Into<String>) -> Self {
        Self {
            url: url.into(),
            method: "GET".into(),
            ..Self::default()
        }
    }

    /// A request with a JSON body.
    pub fn json(
        method: &str,
        url: impl Into<String>,
        body: &impl Serialize,
    ) -> Result<Self, BridgeError> {
        Ok(Self {
            url: url.into(),
            method: method.into(),
            data: Some(
                serde_json::to_string(body).map_err(|e| BridgeError::Decode {
                    call: "request".into(),
                    message: e.to_string(),
                })?,
            ),
            content_type: Some("application/json".into()),
        })
    }
}

/// A successful answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostResponse {
    pub status: u16,
    pub body: String,
}

/// Sends `options` through the host. Non-2xx answers are [`BridgeError::Http`].
pub async fn request(options: &RequestOptions) -> Result<HostResponse, BridgeError> {
    let arg = js::to_js(options)?;
    match js::call_settled("request", vec![arg]).await? {
        Ok(value) => {
            let xhr = js::get(&value, "xhr");
            let status = js::get(&xhr, "status").as_f64().unwrap_or(200.0) as u16;
            let body = js::get(&value, "body").as_string().unwrap_or_default();
            Ok(HostResponse { status, body })
        }
        Err(rejection) => Err(http_error(options, &rejection)),
    }
}

/// `GET url` and decode the JSON body.
pub async fn request_json<T: DeserializeOwned>(url: &str) -> Result<T, BridgeError> {
    let response = request(&RequestOptions::get(url)).await?;
    serde_json::from_str(&response.body).map_err(|e| BridgeError::Decode {
        call: format!("request {url}"),
        message: e.to_string(),
    })
}

/// all.js rejects with `{err: "404 Not Found", xhr}`; Confluence's JSON error body, when
/// there is one, says why in its `message`.
fn http_error(options: &RequestOptions, rejection: &wasm_bindgen::JsValue) -> BridgeError {
    let xhr = js::get(rejection, "xhr");
    let status = js::get(&xhr, "status").as_f64().unwrap_or(0.0) as u16;
    let from_body = js::get(&xhr, "responseText")
        .as_string()
        .and_then(|text| serde_json::from_str::<serde_json::Value>(&text).ok())
        .and_then(|v| v.get("message")?.as_str().map(str::to_owned));
    let message = from_body.unwrap_or_else(|| match js::host_error("request", rejection) {
        BridgeError::Host { message, .. } => message,
        other => other.to_string(),
    });
    BridgeError::Http {
        url: options.url.clone(),
        status,
        message,
    }
}
