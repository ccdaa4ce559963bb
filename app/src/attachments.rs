//! Attachments as the screens show them, and what Confluence reported about them.

use serde::{Deserialize, Serialize};

/// One attachment of a page, from Confluence's REST API (`/rest/api/content/{id}/child/attachment`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub extensions: Extensions,
    pub version: Version,
    /// The page it is attached to (search results carry it with `expand=container`).
    #[serde(default)]
    pub container: Option<Container>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Container {
    pub id: String,
    #[serde(default)]
    pub title: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Extensions {
    #[serde(default)]
    pub media_type: String,
    #[serde(default)]
    pub file_size: u64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Version {
    pub number: u32,
    #[serde(default)]
    pub by: Option<Person>,
    /// When it was made (ISO 8601).
    #[serde(default)]
    pub when: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Person {
    #[serde(default)]
    pub display_name: String,
}

/// A page of REST results.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Results<T> {
    pub results: Vec<T>,
}

/// The kinds of office file Confluo works with, by file name.
pub fn document_kind(file_name: &str) -> Option<&'static str> {
    office::formats::format_of(file_name).map(|f| f.document_type.noun())
}

/// A kind of file as [`document_kind`] names it (or `Other file`, `File`), in `lang`.
pub fn kind_label(lang: crate::i18n::Lang, kind: &str) -> &'static str {
    match kind {
        "Document" => lang.text("Document"),
        "Spreadsheet" => lang.text("Spreadsheet"),
        "Presentation" => lang.text("Presentation"),
        "PDF" => lang.text("PDF"),
        "Other file" => lang.text("Other file"),
        _ => lang.text("File"),
    }
}

/// Bytes as a person reads them.
pub fn human_size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["KB", "MB", "GB", "TB"];
    if bytes < 1024 {
        return format!("{bytes} B");
    }
    let mut value = bytes as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    format!("{value:.1} {}", UNITS[unit])
}

pub use office::activity::ReportedChange;

/// The page's attachments, read through the host as the person viewing it.
pub async fn page_attachments(page_id: &str) -> Result<Vec<Attachment>, String> {
    let url = format!("/rest/api/content/{page_id}/child/attachment?limit=200");
    connect::bridge::request_json::<Results<Attachment>>(&url)
        .await
        .map(|r| r.results)
        .map_err(|err| err.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_and_sizes() {
        assert_eq!(document_kind("Report.DOCX"), Some("Document"));
        assert_eq!(document_kind("b.xls"), Some("Spreadsheet"));
        assert_eq!(document_kind("c.odp"), Some("Presentation"));
        assert_eq!(document_kind("notes.txt"), Some("Document"));
        assert_eq!(document_kind("scan.pdf"), Some("PDF"));
        assert_eq!(document_kind("archive.zip"), None);
        assert_eq!(document_kind("noext"), None);
        assert_eq!(human_size(512), "512 B");
        assert_eq!(human_size(2048), "2.0 KB");
        assert_eq!(human_size(5 * 1024 * 1024 + 1), "5.0 MB");
    }
}
