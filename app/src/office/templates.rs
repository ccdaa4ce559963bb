//! Blank documents for "Create new": empty OOXML files, built into the server. A text document is
//! made for its creator's locale: the language it is written in (spell checking, hyphenation)
//! and the paper the locale uses (Letter in the Americas where that is the norm, A4 elsewhere).
//! Spreadsheets and presentations carry nothing locale-specific.

use std::io::{Cursor, Read, Write};

use zip::{ZipArchive, ZipWriter, write::SimpleFileOptions};

use super::NewDocumentKind;

pub fn blank(kind: NewDocumentKind) -> &'static [u8] {
    match kind {
        NewDocumentKind::Document => include_bytes!("../../templates/blank.docx"),
        NewDocumentKind::Spreadsheet => include_bytes!("../../templates/blank.xlsx"),
        NewDocumentKind::Presentation => include_bytes!("../../templates/blank.pptx"),
    }
}

/// The template's own language and paper.
const TEMPLATE_LANG: &str = "en-US";
const LETTER: &str = r#"<w:pgSz w:w="12240" w:h="15840"/>"#;
const A4: &str = r#"<w:pgSz w:w="11906" w:h="16838"/>"#;
/// Regions whose paper is US Letter.
const LETTER_REGIONS: &[&str] = &[
    "US", "CA", "MX", "PR", "PH", "CL", "CO", "VE", "CR", "GT", "PA", "SV", "NI", "DO", "BZ",
];
/// The region a bare language most likely means, so the paper can be chosen.
const USUAL_REGION: &[(&str, &str)] = &[
    ("en", "US"),
    ("de", "DE"),
    ("fr", "FR"),
    ("es", "ES"),
    ("it", "IT"),
    ("pt", "BR"),
    ("nl", "NL"),
    ("pl", "PL"),
    ("ru", "RU"),
    ("uk", "UA"),
    ("cs", "CZ"),
    ("sv", "SE"),
    ("da", "DK"),
    ("fi", "FI"),
    ("nb", "NO"),
    ("hu", "HU"),
    ("tr", "TR"),
    ("ja", "JP"),
    ("ko", "KR"),
    ("zh", "CN"),
];

/// A locale as Confluence (`de_DE`) or a browser (`de-DE`, `de`) writes it, as a language tag
/// (`de-DE`); `None` for anything else, so nothing unchecked reaches the document's XML.
pub fn language_tag(locale: &str) -> Option<String> {
    let mut parts = locale.trim().split(['_', '-']);
    let lang = parts.next()?.to_ascii_lowercase();
    if !(2..=3).contains(&lang.len()) || !lang.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    let region = match parts.next() {
        Some(r) if r.len() == 2 && r.bytes().all(|b| b.is_ascii_alphabetic()) => {
            r.to_ascii_uppercase()
        }
        Some(_) => return None,
        None => USUAL_REGION
            .iter()
            .find(|(l, _)| *l == lang)
            .map(|(_, r)| (*r).to_owned())?,
    };
    Some(format!("{lang}-{region}"))
}

#[derive(Debug, thiserror::Error)]
#[error("the blank document cannot be prepared: {0}")]
pub struct TemplateError(String);

impl From<zip::result::ZipError> for TemplateError {
    fn from(err: zip::result::ZipError) -> Self {
        Self(err.to_string())
    }
}

impl From<std::io::Error> for TemplateError {
    fn from(err: std::io::Error) -> Self {
        Self(err.to_string())
    }
}

/// A blank document of `kind` for someone whose locale is `locale`; the template itself when the
/// locale is unknown or unreadable, or for kinds without locale-specific parts.
pub fn blank_for(kind: NewDocumentKind, locale: Option<&str>) -> Result<Vec<u8>, TemplateError> {
    let template = blank(kind);
    let tag = locale.and_then(language_tag);
    match (kind, tag) {
        (NewDocumentKind::Document, Some(tag)) if tag != TEMPLATE_LANG => {
            localized_docx(template, &tag)
        }
        _ => Ok(template.to_vec()),
    }
}

/// The text template with `tag`'s language in its styles and settings and its region's paper.
fn localized_docx(template: &[u8], tag: &str) -> Result<Vec<u8>, TemplateError> {
    let region = tag.rsplit('-').next().unwrap_or_default();
    let paper = if LETTER_REGIONS.contains(&region) {
        LETTER
    } else {
        A4
    };
    let east_asian = ["zh-", "ja-", "ko-"].iter().any(|p| tag.starts_with(p));
    let lang_attr = format!(r#"w:val="{tag}""#);
    let mut source = ZipArchive::new(Cursor::new(template))?;
    let mut out = ZipWriter::new(Cursor::new(Vec::with_capacity(template.len() + 512)));
    for i in 0..source.len() {
        let mut entry = source.by_index(i)?;
        let name = entry.name()?.into_owned();
        let mut bytes = Vec::with_capacity(usize::try_from(entry.size()).unwrap_or(0));
        entry.read_to_end(&mut bytes)?;
        let patched = match name.as_str() {
            "word/styles.xml" | "word/stylesWithEffects.xml" | "word/settings.xml" => {
                let mut xml = String::from_utf8_lossy(&bytes)
                    .replace(&format!(r#"w:val="{TEMPLATE_LANG}""#), &lang_attr);
                if east_asian {
                    xml = xml.replace(
                        &format!(r#"w:eastAsia="{TEMPLATE_LANG}""#),
                        &format!(r#"w:eastAsia="{tag}""#),
                    );
                }
                Some(xml.into_bytes())
            }
            "word/document.xml" => Some(
                String::from_utf8_lossy(&bytes)
                    .replace(LETTER, paper)
                    .into_bytes(),
            ),
            _ => None,
        };
        let options = SimpleFileOptions::default().compression_method(entry.compression());
        out.start_file(name, options)?;
        out.write_all(patched.as_deref().unwrap_or(&bytes))?;
    }
    Ok(out.finish()?.into_inner())
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

    fn part(package: &[u8], name: &str) -> String {
        let mut archive = ZipArchive::new(Cursor::new(package)).unwrap();
        let mut text = String::new();
        archive
            .by_name(name)
            .unwrap()
            .read_to_string(&mut text)
            .unwrap();
        text
    }

    #[test]
    fn locales_become_language_tags() {
        assert_eq!(language_tag("de_DE").as_deref(), Some("de-DE"));
        assert_eq!(language_tag("fr-ca").as_deref(), Some("fr-CA"));
        assert_eq!(language_tag("fr").as_deref(), Some("fr-FR"));
        assert_eq!(language_tag("ja").as_deref(), Some("ja-JP"));
        // Nothing that could break out of an XML attribute, nothing unknown.
        assert_eq!(language_tag(r#"de"/><x"#), None);
        assert_eq!(language_tag("de_DE_x\""), Some("de-DE".into()));
        assert_eq!(language_tag("de_D\"E"), None);
        assert_eq!(language_tag("xx"), None);
        assert_eq!(language_tag(""), None);
    }

    #[test]
    fn a_text_document_speaks_its_creators_language_on_their_paper() {
        let german = blank_for(NewDocumentKind::Document, Some("de_DE")).unwrap();
        let styles = part(&german, "word/styles.xml");
        assert!(
            styles.contains(r#"<w:lang w:val="de-DE" w:eastAsia="en-US""#),
            "{styles}"
        );
        assert!(part(&german, "word/settings.xml").contains(r#"w:themeFontLang w:val="de-DE""#));
        assert!(part(&german, "word/document.xml").contains(A4));
        // Everything else is carried over unchanged.
        assert_eq!(
            part(&german, "[Content_Types].xml"),
            part(blank(NewDocumentKind::Document), "[Content_Types].xml")
        );

        let canadian = blank_for(NewDocumentKind::Document, Some("fr_CA")).unwrap();
        assert!(part(&canadian, "word/document.xml").contains(LETTER));
        assert!(part(&canadian, "word/styles.xml").contains(r#"w:val="fr-CA""#));

        let japanese = blank_for(NewDocumentKind::Document, Some("ja_JP")).unwrap();
        assert!(part(&japanese, "word/styles.xml").contains(r#"w:eastAsia="ja-JP""#));
    }

    #[test]
    fn the_template_itself_when_there_is_nothing_to_change() {
        let template = blank(NewDocumentKind::Document);
        for locale in [None, Some("en_US"), Some("not a locale")] {
            assert_eq!(
                blank_for(NewDocumentKind::Document, locale).unwrap(),
                template
            );
        }
        assert_eq!(
            blank_for(NewDocumentKind::Spreadsheet, Some("de_DE")).unwrap(),
            blank(NewDocumentKind::Spreadsheet)
        );
    }
}
