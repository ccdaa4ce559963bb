//! What the document page tells people about a save that did not go as planned: an edit kept as
//! a new version because someone uploaded one in Confluence meanwhile. The callback stores the
//! facts with the session; each reader sees them in their own language.

use serde::{Deserialize, Serialize};

use words::Lang;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SaveNotice {
    /// Who edited.
    pub name: String,
    /// The version the edit was saved as.
    pub version: i32,
    /// The version uploaded in Confluence during the session.
    pub current: i32,
}

impl SaveNotice {
    /// The form kept in the session's row.
    pub fn stored(&self) -> String {
        serde_json::json!(self).to_string()
    }

    /// A stored notice in `lang`; one stored as plain text (before notices were kept as facts)
    /// as it is.
    pub fn show(stored: &str, lang: Lang) -> String {
        match serde_json::from_str::<SaveNotice>(stored) {
            Ok(n) => lang.fmt(
                "{name}'s edit was saved as version {version}. Version {current} had been uploaded in Confluence during the editing session, so compare the two.",
                &[
                    ("name", &n.name),
                    ("version", &n.version.to_string()),
                    ("current", &n.current.to_string()),
                ],
            ),
            Err(_) => stored.to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_as_facts_and_shown_in_each_readers_language() {
        let stored = SaveNotice {
            name: "Alice Admin".into(),
            version: 3,
            current: 2,
        }
        .stored();
        assert_eq!(
            SaveNotice::show(&stored, Lang::En),
            "Alice Admin's edit was saved as version 3. Version 2 had been uploaded in Confluence during the editing session, so compare the two."
        );
        let german = SaveNotice::show(&stored, Lang::De);
        assert!(
            german.starts_with("Die Bearbeitung von Alice Admin wurde als Version 3"),
            "{german}"
        );
        assert_eq!(
            SaveNotice::show("An older note.", Lang::De),
            "An older note."
        );
    }
}
