//! The office formats Confluo works with and what it can do with each (the Document Server's
//! format catalogue, reduced to what Confluo offers): edit, view, or convert to OOXML first.

/// The Document Server's editor family for a format (`documentType` in the editor config).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocumentType {
    Word,
    Cell,
    Slide,
    /// PDF and other fixed layouts (Document Server 8 and later; `word` before).
    Pdf,
}

impl DocumentType {
    pub fn as_str(self) -> &'static str {
        match self {
            DocumentType::Word => "word",
            DocumentType::Cell => "cell",
            DocumentType::Slide => "slide",
            DocumentType::Pdf => "pdf",
        }
    }

    /// The OOXML format documents of this family are converted to.
    pub fn ooxml(self) -> &'static str {
        match self {
            DocumentType::Word | DocumentType::Pdf => "docx",
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
            DocumentType::Pdf => "PDF",
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
    /// PDF: edited (and its forms filled) on Document Server 8 and later, viewed before.
    PdfEditor,
    /// Viewed only (XPS, DjVu).
    View,
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

/// Every format Confluo offers an action for (the Document Server's format catalogue, section
/// "Supported formats": editable OOXML, formats shown and converted to OOXML, PDF and fixed
/// layouts).
pub const FORMATS: &[Format] = &[
    f(
        "docx",
        Word,
        Edit,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    f(
        "docm",
        Word,
        Edit,
        "application/vnd.ms-word.document.macroEnabled.12",
    ),
    f(
        "dotx",
        Word,
        Edit,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.template",
    ),
    f(
        "dotm",
        Word,
        Edit,
        "application/vnd.ms-word.template.macroEnabled.12",
    ),
    f(
        "xlsx",
        Cell,
        Edit,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
    f(
        "xlsm",
        Cell,
        Edit,
        "application/vnd.ms-excel.sheet.macroEnabled.12",
    ),
    f(
        "xltx",
        Cell,
        Edit,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.template",
    ),
    f(
        "xltm",
        Cell,
        Edit,
        "application/vnd.ms-excel.template.macroEnabled.12",
    ),
    f(
        "pptx",
        Slide,
        Edit,
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ),
    f(
        "pptm",
        Slide,
        Edit,
        "application/vnd.ms-powerpoint.presentation.macroEnabled.12",
    ),
    f(
        "ppsx",
        Slide,
        Edit,
        "application/vnd.openxmlformats-officedocument.presentationml.slideshow",
    ),
    f(
        "ppsm",
        Slide,
        Edit,
        "application/vnd.ms-powerpoint.slideshow.macroEnabled.12",
    ),
    f(
        "potx",
        Slide,
        Edit,
        "application/vnd.openxmlformats-officedocument.presentationml.template",
    ),
    f(
        "potm",
        Slide,
        Edit,
        "application/vnd.ms-powerpoint.template.macroEnabled.12",
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
    f(
        "ott",
        Word,
        Convert,
        "application/vnd.oasis.opendocument.text-template",
    ),
    f("doc", Word, Convert, "application/msword"),
    f("dot", Word, Convert, "application/msword"),
    f("rtf", Word, Convert, "application/rtf"),
    f("txt", Word, Convert, "text/plain"),
    f("md", Word, Convert, "text/markdown"),
    f("html", Word, Convert, "text/html"),
    f("htm", Word, Convert, "text/html"),
    f("mht", Word, Convert, "message/rfc822"),
    f("mhtml", Word, Convert, "message/rfc822"),
    f("epub", Word, Convert, "application/epub+zip"),
    f("fb2", Word, Convert, "application/x-fictionbook+xml"),
    f(
        "fodt",
        Word,
        Convert,
        "application/vnd.oasis.opendocument.text-flat-xml",
    ),
    f(
        "ods",
        Cell,
        Convert,
        "application/vnd.oasis.opendocument.spreadsheet",
    ),
    f(
        "ots",
        Cell,
        Convert,
        "application/vnd.oasis.opendocument.spreadsheet-template",
    ),
    f("xls", Cell, Convert, "application/vnd.ms-excel"),
    f("xlt", Cell, Convert, "application/vnd.ms-excel"),
    f("csv", Cell, Convert, "text/csv"),
    f("tsv", Cell, Convert, "text/tab-separated-values"),
    f(
        "fods",
        Cell,
        Convert,
        "application/vnd.oasis.opendocument.spreadsheet-flat-xml",
    ),
    f(
        "odp",
        Slide,
        Convert,
        "application/vnd.oasis.opendocument.presentation",
    ),
    f(
        "otp",
        Slide,
        Convert,
        "application/vnd.oasis.opendocument.presentation-template",
    ),
    f("ppt", Slide, Convert, "application/vnd.ms-powerpoint"),
    f("pps", Slide, Convert, "application/vnd.ms-powerpoint"),
    f("pot", Slide, Convert, "application/vnd.ms-powerpoint"),
    f(
        "fodp",
        Slide,
        Convert,
        "application/vnd.oasis.opendocument.presentation-flat-xml",
    ),
    f("pdf", Pdf, PdfEditor, "application/pdf"),
    f("xps", Pdf, View, "application/vnd.ms-xpsdocument"),
    f("oxps", Pdf, View, "application/oxps"),
    f("djvu", Pdf, View, "image/vnd.djvu"),
];

/// What a running editor asks a file from the page for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileUse {
    /// `insertImage`.
    Image,
    /// `setRequestedDocument`: compare, combine, insert text.
    Document,
    /// `setRequestedSpreadsheet`: mail-merge recipients.
    Spreadsheet,
    /// `setReferenceData` / `setReferenceSource`: linked cells.
    Reference,
}

/// Pictures the editors insert (ONLYOFFICE's own list).
pub const IMAGE_EXTENSIONS: &[&str] = &["bmp", "gif", "jpeg", "jpg", "png", "tif", "tiff"];

impl FileUse {
    pub fn parse(raw: &str) -> Option<Self> {
        [
            Self::Image,
            Self::Document,
            Self::Spreadsheet,
            Self::Reference,
        ]
        .into_iter()
        .find(|u| u.as_str() == raw)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Image => "image",
            Self::Document => "document",
            Self::Spreadsheet => "spreadsheet",
            Self::Reference => "reference",
        }
    }

    /// Whether a file called `file_name` can serve this use.
    pub fn accepts(self, file_name: &str) -> bool {
        let ext = extension(file_name).unwrap_or_default();
        let family = by_extension(&ext).map(|f| f.document_type);
        match self {
            Self::Image => IMAGE_EXTENSIONS.contains(&ext.as_str()),
            Self::Document => family == Some(DocumentType::Word),
            Self::Spreadsheet | Self::Reference => family == Some(DocumentType::Cell),
        }
    }

    /// The heading of the list the person chooses a file for `purpose` from (any file
    /// without one), in `lang`.
    pub fn choose_title(purpose: Option<Self>, lang: words::Lang) -> &'static str {
        match purpose {
            None => lang.text("Choose a file from this page"),
            Some(Self::Image) => lang.text("Choose a picture from this page"),
            Some(Self::Document) => lang.text("Choose a text document from this page"),
            Some(Self::Spreadsheet | Self::Reference) => {
                lang.text("Choose a spreadsheet from this page")
            }
        }
    }

    /// Why `file_name` cannot serve this use, in `lang`.
    pub fn not_this(self, file_name: &str, lang: words::Lang) -> String {
        let name = [("name", file_name)];
        match self {
            Self::Image => lang.fmt("{name} is not a picture.", &name),
            Self::Document => lang.fmt("{name} is not a text document.", &name),
            Self::Spreadsheet | Self::Reference => lang.fmt("{name} is not a spreadsheet.", &name),
        }
    }
}

/// What "Download as" offers for a family (the Document Server's conversion targets).
pub fn download_targets(family: DocumentType) -> &'static [&'static str] {
    match family {
        DocumentType::Word => &["docx", "pdf", "odt", "rtf", "txt", "html", "epub", "md"],
        DocumentType::Cell => &["xlsx", "pdf", "ods", "csv", "tsv"],
        DocumentType::Slide => &["pptx", "pdf", "odp"],
        DocumentType::Pdf => &["pdf", "docx", "odt", "rtf", "txt"],
    }
}

/// Formats a fillable PDF form can be made from (Document Server 8 and later).
pub const FORM_SOURCES: &[&str] = &["docx", "docxf"];

/// Formats the Document Server can edit in place although saving back to them may lose
/// formatting (the catalogue's `lossy-edit`); administrators choose which of them Confluo
/// edits instead of converting.
pub const LOSSY_EDITABLE: &[&str] = &[
    "odt", "ott", "rtf", "txt", "epub", "fb2", "html", "ods", "ots", "csv", "tsv", "odp", "otp",
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
        assert_eq!(format_of("archive.zip"), None);
        assert_eq!(format_of(".docx"), None);
        assert_eq!(format_of("docx"), None);
    }

    #[test]
    fn the_catalogue_is_consistent() {
        for f in FORMATS {
            assert_eq!(f.ext, f.ext.to_ascii_lowercase());
            assert_eq!(
                FORMATS.iter().filter(|g| g.ext == f.ext).count(),
                1,
                "{}",
                f.ext
            );
            assert!(f.media_type.contains('/'), "{}", f.ext);
            // What a format converts to is itself editable.
            if let Some(target) = f.convert_to() {
                assert_eq!(by_extension(target).map(|t| t.action), Some(Action::Edit));
            }
        }
        assert_eq!(format_of("deck.PPSX").map(|f| f.action), Some(Action::Edit));
        assert_eq!(
            format_of("data.csv").and_then(|f| f.convert_to()),
            Some("xlsx")
        );
        assert_eq!(
            format_of("notes.md").and_then(|f| f.convert_to()),
            Some("docx")
        );
        let pdf = format_of("scan.pdf").unwrap();
        assert_eq!(
            (pdf.document_type.as_str(), pdf.action),
            ("pdf", Action::PdfEditor)
        );
        assert_eq!(format_of("print.xps").map(|f| f.action), Some(Action::View));
        assert_eq!(format_of("archive.zip"), None);
        // Files handed to a running editor.
        assert!(FileUse::Image.accepts("logo.PNG") && FileUse::Image.accepts("a.jpeg"));
        assert!(!FileUse::Image.accepts("a.svg") && !FileUse::Image.accepts("a.docx"));
        assert!(FileUse::Document.accepts("a.docx") && FileUse::Document.accepts("a.odt"));
        assert!(!FileUse::Document.accepts("a.xlsx"));
        assert!(FileUse::Spreadsheet.accepts("a.xlsx") && FileUse::Spreadsheet.accepts("a.csv"));
        assert!(FileUse::Reference.accepts("a.xlsx") && !FileUse::Reference.accepts("a.pptx"));
        assert_eq!(FileUse::parse("image"), Some(FileUse::Image));
        assert_eq!(FileUse::parse("script"), None);
        // Lossy-editable formats are ones Confluo otherwise converts.
        for ext in LOSSY_EDITABLE {
            assert_eq!(
                by_extension(ext).map(|f| f.action),
                Some(Action::Convert),
                "{ext}"
            );
        }
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
