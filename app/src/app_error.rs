//! The one error every server function returns: the HTTP status and the sentence the person
//! reads, in their language. The browser shows `message` as it is and may act on `status`
//! (401: the page's token ran out; 403: not allowed) without picking text apart.

use leptos::server_fn::{
    codec::JsonEncoding,
    error::{FromServerFnError, ServerFnErrorErr},
};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("{message}")]
pub struct AppError {
    /// The HTTP status the server answered with (0: no answer reached the browser).
    pub status: u16,
    pub message: String,
}

impl AppError {
    /// A failure of the server's own (500) in words a person can use.
    pub fn internal(message: impl Into<String>) -> Self {
        Self {
            status: 500,
            message: message.into(),
        }
    }

    /// Refuses the request with `status` (set on the response too) and `message`.
    #[cfg(feature = "ssr")]
    pub fn refuse(status: axum::http::StatusCode, message: impl Into<String>) -> Self {
        if let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
            response.set_status(status);
        }
        Self {
            status: status.as_u16(),
            message: message.into(),
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    /// The transport's own failures: the request never got an answer, or its arguments or
    /// answer could not be read.
    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        let status = match &value {
            ServerFnErrorErr::Request(_) => 0,
            ServerFnErrorErr::Args(_) | ServerFnErrorErr::MissingArg(_) => 400,
            ServerFnErrorErr::UnsupportedRequestMethod(_) => 405,
            _ => 500,
        };
        Self {
            status,
            message: value.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_browser_reads_back_what_the_server_sent() {
        let sent = AppError {
            status: 403,
            message: "Nur ansehen.".into(),
        };
        let read = AppError::de(sent.ser());
        assert_eq!(read, sent);
        assert_eq!(read.to_string(), "Nur ansehen.");
        // Whatever cannot be read is still an error with a status, not a panic.
        let garbled = AppError::de(bytes::Bytes::from_static(b"not json"));
        assert_eq!(garbled.status, 500);
    }
}
