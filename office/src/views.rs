//! What the office domain answers the screens with: the editor's launch, its history, people,
//! presence, conversion steps, the connection test's report and forgotten edits. Plain data,
//! serialised between the server and the browser.

use serde::{Deserialize, Serialize};

/// The editor's version history, in the shape `refreshHistory` takes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct History {
    pub current_version: i32,
    pub history: Vec<HistoryEntry>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryEntry {
    /// When it was stored, as the panel shows it (`2026-11-22 10:05`).
    pub created: String,
    pub key: String,
    pub version: i32,
    pub user: HistoryUser,
    /// Confluence's version comment.
    pub comment: String,
    /// What the editor changed in this version, as the Document Server reported it (versions
    /// saved from the editor only): the panel highlights these.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changes: Option<serde_json::Value>,
    #[serde(
        rename = "serverVersion",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub server_version: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryUser {
    pub id: String,
    pub name: String,
}

/// An edit the Document Server kept because it could not be stored at the time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ForgottenFile {
    pub key: String,
    pub page_id: String,
    pub attachment_id: String,
    /// Empty when the attachment is gone.
    pub title: String,
    pub base_version: i32,
}

/// A person as the editor shows them (`setUsers`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonCard {
    pub id: String,
    pub name: String,
    pub email: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
}

/// Who is editing one of a page's attachments right now, as the Document Server reported.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Presence {
    pub attachment_id: String,
    /// Display names.
    pub people: Vec<String>,
}

/// What the editor page needs to start the Document Server's editor.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditorLaunch {
    /// The Document Server's `api.js`.
    pub api_js: String,
    /// The signed DocEditor config, as JSON.
    pub config: String,
    pub editing: bool,
    /// Filling in a form (editing its fields only).
    pub filling: bool,
    /// A PDF form the caller may fill in.
    pub fillable: bool,
    /// Why the document opens for viewing, when it does.
    pub reason: Option<String>,
    pub title: String,
    pub version: i32,
    pub attachment_id: String,
    /// Opened on ONLYOFFICE's public demo server, which the site may use until this day.
    pub demo_until: Option<String>,
    /// What happened at the document's last save that its editors should know (an edit saved
    /// over a conflicting upload).
    pub notice: Option<String>,
    /// Opened by someone not logged in: the editor offers nothing that needs a person.
    pub guest: bool,
}

/// One step of a conversion.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConversionStep {
    pub percent: u8,
    /// The new attachment, once the conversion is stored.
    pub file_name: Option<String>,
}

/// One check of "Test connection".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConnectionCheck {
    pub name: String,
    pub ok: bool,
    pub message: String,
}

/// The result of "Test connection".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConnectionReport {
    pub checks: Vec<ConnectionCheck>,
    pub version: Option<String>,
}

impl ConnectionReport {
    pub fn ok(&self) -> bool {
        !self.checks.is_empty() && self.checks.iter().all(|c| c.ok)
    }
}
