//! Blank documents for "Create new": empty OOXML files, built into the server.

use super::NewDocumentKind;

pub fn blank(kind: NewDocumentKind) -> &'static [u8] {
    match kind {
        NewDocumentKind::Document => include_bytes!("../../templates/blank.docx"),
        NewDocumentKind::Spreadsheet => include_bytes!("../../templates/blank.xlsx"),
        NewDocumentKind::Presentation => include_bytes!("../../templates/blank.pptx"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blanks_are_zip_packages_of_their_kind() {
        for (kind, part) in [
            (NewDocumentKind::Document, "word/document.xml"),
            (NewDocumentKind::Spreadsheet, "xl/workbook.xml"),
            (NewDocumentKind::Presentation, "ppt/presentation.xml"),
        ] {
            let bytes = blank(kind);
            assert!(bytes.starts_with(b"PK\x03\x04"), "{kind:?}");
            assert!(
                bytes.windows(part.len()).any(|w| w == part.as_bytes()),
                "{kind:?} lacks {part}"
            );
        }
    }
}
