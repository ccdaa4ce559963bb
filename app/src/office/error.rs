//! What can go wrong in the office features, in words for the person who meets it, and the one
//! place these become server-function errors.

use connect::host::client::HostError;
use leptos::prelude::ServerFnError;

use super::{ds_client::DsError, ds_token::DsTokenError, link_token::LinkError};

#[derive(Debug, thiserror::Error)]
pub enum OfficeError {
    #[error(
        "No Document Server is set up for this site yet. An administrator can add one on the Confluo settings page."
    )]
    NotConfigured,
    #[error("Confluo cannot open .{0} files")]
    Unsupported(String),
    #[error("{0} is no longer attached to this page")]
    Gone(String),
    #[error("You cannot see this page")]
    NoAccess,
    #[error("You may not change this page's attachments")]
    ReadOnly,
    #[error("The file is larger than the {0} MB the Document Server accepts")]
    TooLarge(u64),
    #[error("Confluence: {0}")]
    Host(#[from] HostError),
    #[error("Document Server: {0}")]
    Ds(#[from] DsError),
    #[error("the Document Server token: {0}")]
    Token(#[from] DsTokenError),
    #[error("the link: {0}")]
    Link(#[from] LinkError),
    #[error(
        "the stored Document Server secret cannot be read; an administrator must enter it again"
    )]
    SecretUnreadable,
    #[error("the database failed")]
    Db(#[from] sea_orm::DbErr),
    #[error("{0}")]
    Other(String),
}

impl OfficeError {
    /// For a server function: logged with its detail, answered with words a person can use.
    pub fn into_server_error(self, doing: &str) -> ServerFnError {
        match &self {
            OfficeError::Db(err) => {
                tracing::error!(error = %err, "{doing}: database error");
                ServerFnError::new(format!(
                    "{doing} failed: the database did not answer; try again"
                ))
            }
            OfficeError::Host(err) => {
                tracing::warn!(error = %err, "{doing}: Confluence call failed");
                ServerFnError::new(format!("{doing} failed: {self}"))
            }
            _ => {
                tracing::info!(error = %self, "{doing} refused");
                ServerFnError::new(self.to_string())
            }
        }
    }
}
