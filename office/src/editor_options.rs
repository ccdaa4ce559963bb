//! The site's editing options, set by administrators on the configure page: which formats may be
//! edited although saving them back can lose formatting, the largest file Confluo opens, the
//! editor's interface, the spaces where Confluo is turned off, and the spaces, groups and file
//! labels that only view.

use serde::{Deserialize, Serialize};
use words::Lang;

use crate::{
    field_error::{FieldError, FieldErrors},
    formats,
};

/// How tracked changes show to people who view a document.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ReviewDisplay {
    /// Changes marked in the text.
    #[default]
    Markup,
    /// The text with every change accepted.
    Final,
    /// The text before the changes.
    Original,
}

impl ReviewDisplay {
    pub const ALL: [ReviewDisplay; 3] = [Self::Markup, Self::Final, Self::Original];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Markup => "markup",
            Self::Final => "final",
            Self::Original => "original",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Self::Markup => lang.text("Show changes marked in the text"),
            Self::Final => lang.text("Show the text with all changes accepted"),
            Self::Original => lang.text("Show the text before the changes"),
        }
    }

    pub fn parse(raw: &str) -> Self {
        Self::ALL
            .into_iter()
            .find(|d| d.as_str() == raw)
            .unwrap_or_default()
    }
}

/// Whether macros inside documents run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MacrosMode {
    /// Ask each time a document with macros opens.
    #[default]
    Warn,
    Enable,
    Disable,
}

impl MacrosMode {
    pub const ALL: [MacrosMode; 3] = [Self::Warn, Self::Enable, Self::Disable];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Warn => "warn",
            Self::Enable => "enable",
            Self::Disable => "disable",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Self::Warn => lang.text("Ask before running macros"),
            Self::Enable => lang.text("Run macros"),
            Self::Disable => lang.text("Never run macros"),
        }
    }

    pub fn parse(raw: &str) -> Self {
        Self::ALL
            .into_iter()
            .find(|m| m.as_str() == raw)
            .unwrap_or_default()
    }
}

/// The largest file size an administrator may allow, in MB.
pub const MAX_FILE_MB_LIMIT: u32 = 1024;
/// The Document Server's own default download limit.
pub const DEFAULT_MAX_FILE_MB: u32 = 100;

/// A site's editing options. Fields missing from a stored record take their defaults, so
/// options added later need no migration.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EditorOptions {
    /// Extensions edited in place although saving may lose formatting (the rest are converted
    /// to OOXML first). Only formats in [`formats::LOSSY_EDITABLE`].
    pub lossy_edit: Vec<String>,
    /// The largest attachment Confluo opens or converts, in MB.
    pub max_file_mb: u32,
    pub chat: bool,
    pub compact_header: bool,
    pub feedback: bool,
    pub help: bool,
    pub review_display: ReviewDisplay,
    pub macros: MacrosMode,
    /// Space keys where Confluo opens, converts and creates nothing.
    pub disabled_spaces: Vec<String>,
    /// Space keys where documents open for viewing only, whatever Confluence allows.
    pub view_only_spaces: Vec<String>,
    /// Confluence groups whose members open documents for viewing only, whatever Confluence
    /// allows.
    pub view_only_groups: Vec<String>,
    /// Confluence labels: files that carry one open for viewing only, for everyone.
    pub view_only_labels: Vec<String>,
}

impl Default for EditorOptions {
    fn default() -> Self {
        Self {
            // ONLYOFFICE's own default: plain text formats lose nothing worth keeping.
            lossy_edit: vec!["csv".into(), "txt".into()],
            max_file_mb: DEFAULT_MAX_FILE_MB,
            chat: true,
            compact_header: false,
            feedback: false,
            help: true,
            review_display: ReviewDisplay::default(),
            macros: MacrosMode::default(),
            disabled_spaces: Vec::new(),
            view_only_spaces: Vec::new(),
            view_only_groups: Vec::new(),
            view_only_labels: Vec::new(),
        }
    }
}

impl EditorOptions {
    pub fn max_file_bytes(&self) -> u64 {
        u64::from(self.max_file_mb) * 1024 * 1024
    }

    /// Whether files with extension `ext` are edited in place.
    pub fn edits_lossy(&self, ext: &str) -> bool {
        self.lossy_edit.iter().any(|e| e == ext)
    }

    pub fn space_disabled(&self, space_key: &str) -> bool {
        self.disabled_spaces.iter().any(|k| k == space_key)
    }

    pub fn space_view_only(&self, space_key: &str) -> bool {
        self.view_only_spaces.iter().any(|k| k == space_key)
    }

    /// The first of `groups` (a person's) set to view only. Confluence compares group names
    /// without regard to case.
    pub fn view_only_group<'a>(&self, groups: &'a [String]) -> Option<&'a str> {
        first_listed(groups, &self.view_only_groups)
    }

    /// Whether the spaces, groups or labels that only view differ from `other`'s.
    pub fn view_only_differs(&self, other: &EditorOptions) -> bool {
        self.view_only_spaces != other.view_only_spaces
            || self.view_only_groups != other.view_only_groups
            || self.view_only_labels != other.view_only_labels
    }

    /// The first of a file's `labels` set to view only (Confluence keeps labels in lower case).
    pub fn view_only_label<'a>(&self, labels: &'a [String]) -> Option<&'a str> {
        first_listed(labels, &self.view_only_labels)
    }

    /// Every problem with the options, empty when they can be saved, in `lang`.
    pub fn validate(&self, lang: Lang) -> Vec<FieldError> {
        let mut errors = FieldErrors::default();
        if let Some(bad) = self
            .lossy_edit
            .iter()
            .find(|e| !formats::LOSSY_EDITABLE.contains(&e.as_str()))
        {
            errors.fail(
                "lossy_edit",
                lang.fmt(
                    "{format} is not a format the Document Server can edit in place.",
                    &[("format", bad)],
                ),
            );
        }
        if !(1..=MAX_FILE_MB_LIMIT).contains(&self.max_file_mb) {
            errors.fail(
                "max_file_mb",
                lang.fmt(
                    "Enter a size from 1 to {max} MB.",
                    &[("max", &MAX_FILE_MB_LIMIT.to_string())],
                ),
            );
        }
        for (field, keys) in [
            ("disabled_spaces", &self.disabled_spaces),
            ("view_only_spaces", &self.view_only_spaces),
        ] {
            if let Some(bad) = keys.iter().find(|k| !is_space_key(k)) {
                errors.fail(
                    field,
                    lang.fmt(
                        "“{key}” is not a space key (letters and digits, like DEV or ~jane).",
                        &[("key", bad)],
                    ),
                );
            }
        }
        if let Some(bad) = self.view_only_groups.iter().find(|g| !is_group_name(g)) {
            errors.fail(
                "view_only_groups",
                lang.fmt(
                    "“{name}” is not a group name (up to {max} characters, no commas or line breaks).",
                    &[("name", bad), ("max", &GROUP_NAME_MAX.to_string())],
                ),
            );
        }
        if let Some(bad) = self.view_only_labels.iter().find(|l| !is_label(l)) {
            errors.fail(
                "view_only_labels",
                lang.fmt(
                    "“{label}” is not a label (one word, without spaces or punctuation like , : ; # ?).",
                    &[("label", bad)],
                ),
            );
        }
        errors.into_vec()
    }
}

/// The first of `names` that `listed` holds, compared without regard to case.
fn first_listed<'a>(names: &'a [String], listed: &[String]) -> Option<&'a str> {
    names
        .iter()
        .find(|n| listed.iter().any(|l| l.to_lowercase() == n.to_lowercase()))
        .map(String::as_str)
}

/// Group names as an administrator types them: separated by commas, semicolons or lines (a
/// group name may contain spaces).
pub fn parse_group_names(raw: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for name in raw.split([',', '\n', ';']).map(str::trim) {
        if !name.is_empty()
            && !names
                .iter()
                .any(|n| n.to_lowercase() == name.to_lowercase())
        {
            names.push(name.to_owned());
        }
    }
    names
}

/// The longest group name Atlassian accepts.
const GROUP_NAME_MAX: usize = 255;

fn is_group_name(name: &str) -> bool {
    let trimmed = name.trim();
    !trimmed.is_empty()
        && trimmed == name
        && name.chars().count() <= GROUP_NAME_MAX
        && !name
            .chars()
            .any(|c| matches!(c, ',' | ';') || c.is_control())
}

/// Space keys as an administrator types them: separated by commas or spaces.
pub fn parse_space_keys(raw: &str) -> Vec<String> {
    words(raw)
}

/// Labels as an administrator types them: separated by commas or spaces, in lower case as
/// Confluence keeps them.
pub fn parse_labels(raw: &str) -> Vec<String> {
    words(&raw.to_lowercase())
}

/// The distinct words of `raw`, separated by commas, semicolons or white space.
fn words(raw: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for word in raw.split([',', ' ', '\n', '\t', ';']).map(str::trim) {
        if !word.is_empty() && !words.iter().any(|w| w == word) {
            words.push(word.to_owned());
        }
    }
    words
}

/// Confluence labels: one word of at most 255 characters, without the characters Confluence
/// refuses in labels.
fn is_label(label: &str) -> bool {
    const REFUSED: &[char] = &[
        '!', '#', '&', '(', ')', '*', ',', '.', ':', ';', '<', '>', '?', '@', '[', ']', '^',
    ];
    !label.is_empty()
        && label.chars().count() <= 255
        && !label
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || REFUSED.contains(&c))
}

/// Confluence space keys: letters, digits and `_`; personal spaces start with `~`.
fn is_space_key(key: &str) -> bool {
    let body = key.strip_prefix('~').unwrap_or(key);
    !body.is_empty()
        && body.len() <= 255
        && body
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(options: &EditorOptions) -> Vec<String> {
        options
            .validate(Lang::En)
            .into_iter()
            .map(|e| e.field)
            .collect()
    }

    #[test]
    fn defaults_are_valid_and_edit_plain_text_in_place() {
        let options = EditorOptions::default();
        assert!(fields(&options).is_empty());
        assert!(options.edits_lossy("csv") && options.edits_lossy("txt"));
        assert!(!options.edits_lossy("odt"));
        assert_eq!(options.max_file_bytes(), 100 * 1024 * 1024);
    }

    #[test]
    fn each_bad_option_is_named() {
        let mut options = EditorOptions {
            lossy_edit: vec!["odt".into(), "doc".into()],
            ..Default::default()
        };
        assert_eq!(fields(&options), ["lossy_edit"]);
        options.lossy_edit = vec!["odt".into()];
        options.max_file_mb = 0;
        assert_eq!(fields(&options), ["max_file_mb"]);
        options.max_file_mb = MAX_FILE_MB_LIMIT + 1;
        assert_eq!(fields(&options), ["max_file_mb"]);
        options.max_file_mb = 5;
        options.disabled_spaces = vec!["DEV".into(), "~jane".into(), "no/space".into()];
        assert_eq!(fields(&options), ["disabled_spaces"]);
        options.disabled_spaces.pop();
        assert!(fields(&options).is_empty());
        assert!(options.space_disabled("DEV") && !options.space_disabled("dev"));
        options.view_only_spaces = vec!["HR".into(), "bad key".into()];
        assert_eq!(fields(&options), ["view_only_spaces"]);
        options.view_only_spaces.pop();
        assert!(options.space_view_only("HR") && !options.space_view_only("DEV"));
    }

    #[test]
    fn view_only_groups_match_without_regard_to_case() {
        let mut options = EditorOptions {
            view_only_groups: vec!["Contractors".into(), "external auditors".into()],
            ..Default::default()
        };
        assert!(fields(&options).is_empty());
        let mine = |names: &[&str]| names.iter().map(|n| n.to_string()).collect::<Vec<_>>();
        assert_eq!(
            options.view_only_group(&mine(&["confluence-users", "contractors"])),
            Some("contractors")
        );
        assert_eq!(
            options.view_only_group(&mine(&["External Auditors"])),
            Some("External Auditors")
        );
        assert_eq!(options.view_only_group(&mine(&["confluence-users"])), None);
        assert_eq!(options.view_only_group(&[]), None);
        for bad in ["", " padded", "a,b", "line\nbreak", &"x".repeat(256)] {
            options.view_only_groups = vec![bad.to_owned()];
            assert_eq!(fields(&options), ["view_only_groups"], "{bad:?}");
        }
    }

    #[test]
    fn group_names_as_typed_keep_their_spaces() {
        assert_eq!(
            parse_group_names(" external auditors, Contractors;\ncontractors\n\n"),
            ["external auditors", "Contractors"]
        );
        assert!(parse_group_names(" , ").is_empty());
    }

    #[test]
    fn only_a_change_of_the_view_only_lists_counts_as_a_new_policy() {
        let before = EditorOptions::default();
        let mut after = before.clone();
        after.chat = !after.chat;
        after.max_file_mb += 1;
        assert!(!after.view_only_differs(&before));
        for change in [
            |o: &mut EditorOptions| o.view_only_spaces = vec!["HR".into()],
            |o: &mut EditorOptions| o.view_only_groups = vec!["contractors".into()],
            |o: &mut EditorOptions| o.view_only_labels = vec!["final".into()],
        ] {
            let mut after = before.clone();
            change(&mut after);
            assert!(after.view_only_differs(&before));
        }
    }

    #[test]
    fn view_only_labels_are_single_words_matched_in_lower_case() {
        let mut options = EditorOptions {
            view_only_labels: parse_labels("Final, signed;approved  final"),
            ..Default::default()
        };
        assert_eq!(options.view_only_labels, ["final", "signed", "approved"]);
        assert!(fields(&options).is_empty());
        let labels = |names: &[&str]| names.iter().map(|n| n.to_string()).collect::<Vec<_>>();
        assert_eq!(
            options.view_only_label(&labels(&["draft", "signed"])),
            Some("signed")
        );
        assert_eq!(options.view_only_label(&labels(&["draft"])), None);
        for bad in ["", "two words", "a:b", "why?", "v1.0", &"x".repeat(256)] {
            options.view_only_labels = vec![bad.to_owned()];
            assert_eq!(fields(&options), ["view_only_labels"], "{bad:?}");
        }
        options.view_only_labels = vec!["ready-to-sign".into(), "q4_2026".into()];
        assert!(fields(&options).is_empty());
    }

    #[test]
    fn space_keys_as_typed() {
        assert_eq!(
            parse_space_keys(" DEV, HR;~jane  DEV\n"),
            ["DEV", "HR", "~jane"]
        );
        assert!(parse_space_keys("  ").is_empty());
    }

    #[test]
    fn stored_records_missing_new_fields_take_defaults() {
        let options: EditorOptions =
            serde_json::from_str(r#"{"max_file_mb":5,"macros":"disable"}"#).unwrap();
        assert_eq!(options.max_file_mb, 5);
        assert_eq!(options.macros, MacrosMode::Disable);
        assert!(options.chat && options.help);
        assert_eq!(options.lossy_edit, ["csv", "txt"]);
    }
}
