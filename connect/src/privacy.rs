//! Atlassian's personal data reporting API: an app that stores account ids reports them
//! periodically, and Atlassian answers which of those accounts were closed (their data must be
//! erased) or changed (data copied from the profile must be refreshed). At most 90 accounts go
//! in one request; a 429 says how long to wait.
//!
//! The endpoint path follows Atlassian's user privacy guide for Connect apps; it is one
//! constant, easy to change if Atlassian moves it.

use std::time::Duration;

use chrono::{DateTime, SecondsFormat, Utc};
use reqwest::{Method, StatusCode};
use serde::{Deserialize, Serialize};

use crate::{
    Connect,
    host::client::{HostBody, HostError, require_success, retry_after},
    store::tenant::Tenant,
};

/// Where a Connect app reports the accounts it stores (under the site's base URL).
pub const REPORT_PATH: &str = "/rest/atlassian-connect/latest/report-accounts";
/// Accounts in one request, at most (Atlassian's limit).
pub const MAX_ACCOUNTS_PER_REQUEST: usize = 90;
/// How long to wait after a 429 that names no time.
const DEFAULT_RETRY_AFTER: Duration = Duration::from_secs(60);
/// The longest wait a 429 may ask for that is taken as it is.
const MAX_RETRY_AFTER: Duration = Duration::from_secs(24 * 60 * 60);

/// One account the app stores data of, and when that data was last fetched or changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredAccount {
    pub account_id: String,
    pub updated_at: DateTime<Utc>,
}

/// What Atlassian says about a reported account.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AccountStatus {
    /// Closed: erase the account's personal data.
    Closed,
    /// Changed since `updated_at`: refresh what was copied from the profile.
    Updated,
}

/// Why a report did not go through.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("the personal data reporting API asks to wait {0:?}")]
    RetryAfter(Duration),
    #[error(transparent)]
    Host(#[from] HostError),
}

#[derive(Serialize)]
struct Request<'a> {
    accounts: Vec<RequestAccount<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RequestAccount<'a> {
    account_id: &'a str,
    updated_at: String,
}

#[derive(Deserialize)]
struct Response {
    #[serde(default)]
    accounts: Vec<ResponseAccount>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ResponseAccount {
    account_id: String,
    status: AccountStatus,
}

/// Whether `id` is an account id as Atlassian defines one (1–128 letters, digits, `-`, `:`);
/// anything else would make the whole request fail.
pub fn is_account_id(id: &str) -> bool {
    (1..=128).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b':')
}

impl Connect {
    /// Reports `accounts` for `tenant`, 90 a request, as the app; the accounts Atlassian says
    /// something about. Stops at the first refusal, so a caller retries the whole report.
    pub async fn report_accounts(
        &self,
        tenant: &Tenant,
        accounts: &[StoredAccount],
    ) -> Result<Vec<(String, AccountStatus)>, ReportError> {
        let client = self.host_client(tenant);
        let valid: Vec<&StoredAccount> = accounts
            .iter()
            .filter(|a| is_account_id(&a.account_id))
            .collect();
        let mut answers = Vec::new();
        for batch in valid.chunks(MAX_ACCOUNTS_PER_REQUEST) {
            let body = Request {
                accounts: batch
                    .iter()
                    .map(|a| RequestAccount {
                        account_id: &a.account_id,
                        updated_at: a.updated_at.to_rfc3339_opts(SecondsFormat::Millis, true),
                    })
                    .collect(),
            };
            let response = client
                .send(Method::POST, REPORT_PATH, Some(HostBody::json(&body)?))
                .await?;
            match response.status() {
                StatusCode::NO_CONTENT => {}
                StatusCode::OK => {
                    let parsed: Response = response
                        .json()
                        .await
                        .map_err(|e| HostError::Decode(e.to_string()))?;
                    // Only accounts that were asked about are taken from the answer.
                    answers.extend(
                        parsed
                            .accounts
                            .into_iter()
                            .filter(|a| batch.iter().any(|b| b.account_id == a.account_id))
                            .map(|a| (a.account_id, a.status)),
                    );
                }
                StatusCode::TOO_MANY_REQUESTS => {
                    let wait = retry_after(response.headers())
                        .map(Duration::from_secs)
                        .unwrap_or(DEFAULT_RETRY_AFTER)
                        .min(MAX_RETRY_AFTER);
                    return Err(ReportError::RetryAfter(wait));
                }
                // Any other answer is an error (its body read only so far).
                status => {
                    return Err(match require_success(response).await {
                        Err(err) => err.into(),
                        Ok(_) => HostError::Status {
                            status,
                            body: String::new(),
                        }
                        .into(),
                    });
                }
            }
        }
        Ok(answers)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn account_ids_as_atlassian_defines_them() {
        assert!(is_account_id("557058:f58131cb-b67d-43c7-b30d-6b58d40bd077"));
        assert!(is_account_id("emu-carol"));
        assert!(!is_account_id(""));
        assert!(!is_account_id("a b"));
        assert!(!is_account_id(&"a".repeat(129)));
    }

    #[test]
    fn statuses_parse() {
        let r: Response = serde_json::from_str(
            r#"{"accounts":[{"accountId":"a","status":"closed"},{"accountId":"b","status":"updated"}]}"#,
        )
        .expect("parse");
        assert_eq!(r.accounts[0].status, AccountStatus::Closed);
        assert_eq!(r.accounts[1].status, AccountStatus::Updated);
    }
}
