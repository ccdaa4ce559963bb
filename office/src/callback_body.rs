//! The Document Server's callback body, typed: the fields Confluo acts on (section 3.1 of the
//! Document Server's callback protocol), read from the verified token's payload or, on a site
//! without a secret, from the body itself.
//!
//! Reading is lenient on purpose, as before the type existed: a field of the wrong type counts
//! as absent (a status that is not a number is "no status", a `users` entry that is not text is
//! skipped), so a Document Server of another version that adds or changes a field is answered
//! by the same rules as one that omits it, never with a parse error that loses a save.

use serde_json::Value;

/// `history` of a final save: what the history panel highlights.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct History {
    /// `serverVersion`, as text whatever JSON type it came as.
    pub server_version: Option<String>,
    /// `changes`, kept as the Document Server wrote them (an empty list when absent).
    pub changes: Value,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct CallbackBody {
    /// The session's document key.
    pub key: Option<String>,
    /// 0–7; what each one asks for is the callback handler's plan.
    pub status: Option<i64>,
    /// The people in the session, the last editor first (for 2 and 6).
    pub users: Vec<String>,
    /// The assembled file on the Document Server (2, 3, 6, 7).
    pub url: Option<String>,
    /// The extension of the file behind `url`.
    pub filetype: Option<String>,
    /// The session's change log, a zip (2, 3, 6, 7).
    pub changesurl: Option<String>,
    pub history: Option<History>,
    /// Why a forced save happened (6, 7): 0 command, 1 Save button, 2 timer, 3 form submitted.
    pub forcesavetype: Option<i64>,
    /// The time of the last change (2, 6): tells one forced save from the next.
    pub lastsave: Option<String>,
    /// Nothing changed since the last forced save (2).
    pub notmodified: bool,
}

impl CallbackBody {
    /// Reads the fields of a callback; anything else in `fields` is ignored.
    pub fn read(fields: &Value) -> Self {
        let text = |name: &str| fields.get(name).and_then(Value::as_str).map(str::to_owned);
        Self {
            key: text("key"),
            status: fields.get("status").and_then(Value::as_i64),
            users: fields
                .get("users")
                .and_then(Value::as_array)
                .map(|users| {
                    users
                        .iter()
                        .filter_map(|u| u.as_str().map(str::to_owned))
                        .collect()
                })
                .unwrap_or_default(),
            url: text("url"),
            filetype: text("filetype"),
            changesurl: text("changesurl"),
            history: fields.get("history").map(|h| History {
                server_version: h.get("serverVersion").map(|v| match v {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                }),
                changes: h
                    .get("changes")
                    .cloned()
                    .unwrap_or(Value::Array(Vec::new())),
            }),
            forcesavetype: fields.get("forcesavetype").and_then(Value::as_i64),
            lastsave: text("lastsave"),
            notmodified: fields.get("notmodified").and_then(Value::as_bool) == Some(true),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_final_save_reads_every_field() {
        let body = CallbackBody::read(&json!({
            "key": "k1", "status": 2, "users": ["a", "b"], "url": "https://ds/f.docx",
            "filetype": "docx", "changesurl": "https://ds/c.zip", "lastsave": "2026-12-06T10:00:00Z",
            "notmodified": false, "history": {"serverVersion": "8.2.1", "changes": [{"user": {"id": "a"}}]},
            "actions": [{"type": 0, "userid": "a"}], "token": "ignored here"
        }));
        assert_eq!(body.key.as_deref(), Some("k1"));
        assert_eq!(body.status, Some(2));
        assert_eq!(body.users, ["a", "b"]);
        assert_eq!(body.url.as_deref(), Some("https://ds/f.docx"));
        assert_eq!(body.filetype.as_deref(), Some("docx"));
        assert_eq!(body.changesurl.as_deref(), Some("https://ds/c.zip"));
        assert_eq!(body.lastsave.as_deref(), Some("2026-12-06T10:00:00Z"));
        assert!(!body.notmodified);
        let history = body.history.expect("history");
        assert_eq!(history.server_version.as_deref(), Some("8.2.1"));
        assert_eq!(history.changes, json!([{"user": {"id": "a"}}]));
    }

    #[test]
    fn fields_of_the_wrong_type_count_as_absent() {
        let body = CallbackBody::read(&json!({
            "key": 7, "status": "2", "users": ["a", 5, null, "b"], "url": ["x"],
            "notmodified": "true", "forcesavetype": 1, "history": {"serverVersion": 8}
        }));
        assert_eq!(body.key, None);
        assert_eq!(body.status, None);
        assert_eq!(body.users, ["a", "b"]);
        assert_eq!(body.url, None);
        assert!(!body.notmodified);
        assert_eq!(body.forcesavetype, Some(1));
        let history = body.history.expect("history");
        assert_eq!(history.server_version.as_deref(), Some("8"));
        assert_eq!(history.changes, json!([]));
        assert_eq!(
            CallbackBody::read(&json!("not an object")),
            CallbackBody::default()
        );
    }
}
