//! The office formats Confluo works with and what it can do with each (the Document Server's
//! format catalogue, reduced to what Confluo offers): edit, view, or convert to OOXML first.

/// The Document Server's editor family for a format (`documentType` in the editor config).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocumentType {
    Word,
    Cell,
    Slide,
}

impl DocumentType {
    pub fn as_str(self) -> &'static str {
        match self {
            DocumentType::Word => "word",
            DocumentType::Cell => "cell",
            DocumentType::Slide => "slide",
        }
    }

    /// The OOXML format documents of this family are converted to.
    pub fn ooxml(self) -> &'static str {
        match self {
            DocumentType::Word => "docx",
            DocumentType::Cell => "xlsx",
            DocumentType::Slide => "pptx",
        }
    }

    /// What people call it.
    pub fn noun(self) -> &'static str {
        match self {
            DocumentType::Word => "Document",
            DocumentType::Cell => "Spreadsheet",
            DocumentType::Slide => "Presentation",
        }
    }
}

/// What Confluo does with a format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Opens for editing (view-only for people who may not edit the page).
    Edit,
    /// DOCXF/OFORM: editable or fillable only on Document Server 7.x; viewed on newer ones.
    Form,
    /// Legacy or ODF: viewed, and converted to OOXML as a new attachment to edit.
    Convert,
}

/// One format Confluo knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Format {
    pub ext: &'static str,
    pub document_type: DocumentType,
    pub action: Action,
    pub media_type: &'static str,
}

impl Format {
    /// The format to convert to, for formats that are converted before editing.
    pub fn convert_to(&self) -> Option<&'static str> {
        (self.action == Action::Convert).then(|| self.document_type.ooxml())
    }
}

const fn f(
    ext: &'static str,
    document_type: DocumentType,
    action: Action,
    media_type: &'static str,
) -> Format {
    Format {
        ext,
        document_type,
        action,
        media_type,
    }
}

use Action::*;
use DocumentType::*;

/// Every format Confluo offers an action for.
pub const FORMATS: &[Format] = &[
    f(
        "docx",
        Word,
        Edit,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    f(
        "xlsx",
        Cell,
        Edit,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
    f(
        "pptx",
        Slide,
        Edit,
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ),
    f(
        "docxf",
        Word,
        Form,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.docxf",
    ),
    f(
        "oform",
        Word,
        Form,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.oform",
    ),
    f(
        "odt",
        Word,
        Convert,
        "application/vnd.oasis.opendocument.text",
    ),
    f("doc", Word, Convert, "application/msword"),
    f(
        "ods",
        Cell,
        Convert,
        "application/vnd.oasis.opendocument.spreadsheet",
    ),
    f("xls", Cell, Convert, "application/vnd.ms-excel"),
    f(
        "odp",
        Slide,
        Convert,
        "application/vnd.oasis.opendocument.presentation",
    ),
    f("ppt", Slide, Convert, "application/vnd.ms-powerpoint"),
];

/// The lower-case extension of `file_name`, if it has one.
pub fn extension(file_name: &str) -> Option<String> {
    let (stem, ext) = file_name.rsplit_once('.')?;
    (!stem.is_empty() && !ext.is_empty()).then(|| ext.to_ascii_lowercase())
}

/// The format of `file_name`, by extension.
pub fn format_of(file_name: &str) -> Option<Format> {
    let ext = extension(file_name)?;
    by_extension(&ext)
}

pub fn by_extension(ext: &str) -> Option<Format> {
    FORMATS.iter().copied().find(|f| f.ext == ext)
}

/// `name` with its extension replaced by `ext` (`Plan.odt` → `Plan.docx`).
pub fn with_extension(name: &str, ext: &str) -> String {
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    format!("{stem}.{ext}")
}

/// The first of `name`, `name (1)`, `name (2)` … that `taken` does not hold.
pub fn unique_name(name: &str, taken: impl Fn(&str) -> bool) -> String {
    if !taken(name) {
        return name.to_owned();
    }
    let (stem, ext) = name
        .rsplit_once('.')
        .map_or((name, String::new()), |(s, e)| (s, format!(".{e}")));
    (1..)
        .map(|n| format!("{stem} ({n}){ext}"))
        .find(|candidate| !taken(candidate))
        .unwrap_or_else(|| name.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_name() {
        let docx = format_of("Plan.DOCX").unwrap();
        assert_eq!(
            (docx.document_type, docx.action),
            (DocumentType::Word, Action::Edit)
        );
        assert_eq!(docx.convert_to(), None);
        for (name, target) in [
            ("a.odt", "docx"),
            ("a.doc", "docx"),
            ("a.ods", "xlsx"),
            ("a.xls", "xlsx"),
            ("a.odp", "pptx"),
            ("a.ppt", "pptx"),
        ] {
            assert_eq!(
                format_of(name).unwrap().convert_to(),
                Some(target),
                "{name}"
            );
        }
        assert_eq!(format_of("a.oform").unwrap().action, Action::Form);
        assert_eq!(format_of("notes.txt"), None);
        assert_eq!(format_of(".docx"), None);
        assert_eq!(format_of("docx"), None);
    }

    #[test]
    fn names() {
        assert_eq!(with_extension("Plan.v2.odt", "docx"), "Plan.v2.docx");
        assert_eq!(with_extension("Plan", "docx"), "Plan.docx");
        let taken = ["a.docx", "a (1).docx"];
        assert_eq!(unique_name("a.docx", |n| taken.contains(&n)), "a (2).docx");
        assert_eq!(unique_name("b.docx", |n| taken.contains(&n)), "b.docx");
    }
}
