//! The one place the office domain's errors become server-function errors: the status, the
//! person's sentence in the request's language, and the log line with the detail.

pub use office::error::OfficeError;

/// An [`OfficeError`] as a server function answers it.
pub trait IntoServerError {
    /// Logged with its detail, answered with words a person can use, in the language the
    /// request asks for. `doing` is a text of the catalogue.
    fn into_server_error(self, doing: &'static str) -> crate::app_error::AppError;
}

impl IntoServerError for OfficeError {
    fn into_server_error(self, doing: &'static str) -> crate::app_error::AppError {
        let lang = crate::i18n::current_lang();
        use axum::http::StatusCode;
        let status = match &self {
            OfficeError::NotConfigured | OfficeError::DemoEnded(_) => StatusCode::CONFLICT,
            OfficeError::Unsupported(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            OfficeError::Gone(_) => StatusCode::NOT_FOUND,
            OfficeError::NoAccess
            | OfficeError::ReadOnly
            | OfficeError::SpaceDisabled(_)
            | OfficeError::SpaceViewOnly(_)
            | OfficeError::GroupViewOnly(_)
            | OfficeError::LabelViewOnly(_)
            | OfficeError::Unlicensed => StatusCode::FORBIDDEN,
            OfficeError::TooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            OfficeError::Host(_) | OfficeError::Ds(_) => StatusCode::BAD_GATEWAY,
            OfficeError::Db(_) => StatusCode::SERVICE_UNAVAILABLE,
            OfficeError::Other(_) => StatusCode::BAD_REQUEST,
            OfficeError::Token(_)
            | OfficeError::Link(_)
            | OfficeError::Template(_)
            | OfficeError::SecretUnreadable => StatusCode::INTERNAL_SERVER_ERROR,
        };
        let message = match &self {
            OfficeError::Db(err) => {
                tracing::error!(error = %err, "{doing}: database error");
                lang.fmt(
                    "{doing} failed: the database did not answer; try again.",
                    &[("doing", lang.text(doing))],
                )
            }
            OfficeError::Host(err) => {
                tracing::warn!(error = %err, "{doing}: Confluence call failed");
                lang.fmt(
                    "{doing} failed: {reason}",
                    &[("doing", lang.text(doing)), ("reason", &self.to_string())],
                )
            }
            _ => {
                tracing::info!(error = %self, "{doing} refused");
                self.message(lang)
            }
        };
        crate::app_error::AppError::refuse(status, message)
    }
}
