//! The kinds of file "Create new" makes, and what they are called in each language.

use serde::{Deserialize, Serialize};

/// What "Create new" makes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum NewDocumentKind {
    Document,
    Spreadsheet,
    Presentation,
}

impl NewDocumentKind {
    pub const ALL: [NewDocumentKind; 3] = [
        NewDocumentKind::Document,
        NewDocumentKind::Spreadsheet,
        NewDocumentKind::Presentation,
    ];

    pub fn extension(self) -> &'static str {
        match self {
            NewDocumentKind::Document => "docx",
            NewDocumentKind::Spreadsheet => "xlsx",
            NewDocumentKind::Presentation => "pptx",
        }
    }

    /// The name a new file of this kind gets unless its creator names it, in `lang`.
    pub fn title_in(self, lang: words::Lang) -> &'static str {
        match self {
            NewDocumentKind::Document => lang.text("New document"),
            NewDocumentKind::Spreadsheet => lang.text("New spreadsheet"),
            NewDocumentKind::Presentation => lang.text("New presentation"),
        }
    }

    /// What the document page says while it makes a file of this kind, in `lang`.
    pub fn creating_in(self, lang: words::Lang) -> &'static str {
        match self {
            NewDocumentKind::Document => lang.text("Creating a new document…"),
            NewDocumentKind::Spreadsheet => lang.text("Creating a new spreadsheet…"),
            NewDocumentKind::Presentation => lang.text("Creating a new presentation…"),
        }
    }
}
