//! Every refusal the framework sends, turned into an HTTP answer in one place: a status, a
//! short plain-text message for a person, and never the token itself.

use axum::{
    http::{HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};

use crate::{install_keys::KeyError, jwt::JwtError, store::tenant::StoreError};

/// Why a request was refused.
#[derive(Debug, thiserror::Error)]
pub enum Rejection {
    /// The token is missing or does not prove what it must.
    #[error(transparent)]
    Token(#[from] JwtError),
    /// The request itself is malformed (body, parameters).
    #[error("{0}")]
    BadRequest(String),
    /// The token verified, but what it says is refused (wrong app, host not allowed…).
    #[error("{0}")]
    Forbidden(String),
    /// The install key could not be had.
    #[error(transparent)]
    Key(#[from] KeyError),
    /// The store is unreachable; the caller may retry.
    #[error("storage is unavailable, try again shortly")]
    Storage(#[source] StoreError),
    /// The body is larger than the route accepts.
    #[error("the request body is too large")]
    TooLarge,
}

impl From<StoreError> for Rejection {
    fn from(err: StoreError) -> Self {
        Rejection::Storage(err)
    }
}

impl From<sea_orm::DbErr> for Rejection {
    fn from(err: sea_orm::DbErr) -> Self {
        Rejection::Storage(StoreError::Db(err))
    }
}

impl Rejection {
    pub fn status(&self) -> StatusCode {
        match self {
            Rejection::Token(JwtError::Ambiguous) => StatusCode::BAD_REQUEST,
            Rejection::Token(_) => StatusCode::UNAUTHORIZED,
            Rejection::Key(KeyError::UnknownKid(_)) => StatusCode::UNAUTHORIZED,
            Rejection::Key(KeyError::Unavailable(_)) => StatusCode::SERVICE_UNAVAILABLE,
            Rejection::BadRequest(_) => StatusCode::BAD_REQUEST,
            Rejection::Forbidden(_) => StatusCode::FORBIDDEN,
            Rejection::Storage(_) => StatusCode::SERVICE_UNAVAILABLE,
            Rejection::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
        }
    }
}

impl IntoResponse for Rejection {
    fn into_response(self) -> Response {
        let status = self.status();
        if let Rejection::Storage(err) = &self {
            tracing::error!(error = %err, "request refused: storage unavailable");
        } else {
            tracing::info!(status = status.as_u16(), reason = %self, "request refused");
        }
        let mut response = (status, format!("{self}\n")).into_response();
        let headers = response.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/plain; charset=utf-8"),
        );
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        if status == StatusCode::UNAUTHORIZED {
            headers.insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("JWT realm=\"Atlassian Connect\""),
            );
        }
        response
    }
}
