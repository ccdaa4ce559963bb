//! Blank documents for "Create new": empty OOXML files, built into the server, made for their
//! creator's locale. A text document gets the language it is written in (spell checking,
//! hyphenation) and the paper the locale uses (Letter in the Americas where that is the norm, A4
//! elsewhere); a spreadsheet names its first sheet as a spreadsheet in that language does
//! (`Tabelle1`, `Feuil1`); a presentation's text gets the language.

use std::io::{Cursor, Read, Write};

use zip::{ZipArchive, ZipWriter, write::SimpleFileOptions};

use crate::new_document::NewDocumentKind;

pub fn blank(kind: NewDocumentKind) -> &'static [u8] {
    match kind {
        NewDocumentKind::Document => include_bytes!("../templates/blank.docx"),
        NewDocumentKind::Spreadsheet => include_bytes!("../templates/blank.xlsx"),
        NewDocumentKind::Presentation => include_bytes!("../templates/blank.pptx"),
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
        (NewDocumentKind::Spreadsheet, tag) => {
            let name = first_sheet_name(tag.as_deref().unwrap_or(TEMPLATE_LANG));
            rewrite(template, |part, xml| match part {
                "xl/workbook.xml" => Some(xml.replace(
                    &format!(r#"name="{TEMPLATE_SHEET}""#),
                    &format!(r#"name="{name}""#),
                )),
                _ => None,
            })
        }
        (NewDocumentKind::Presentation, Some(tag)) if tag != TEMPLATE_LANG => {
            let lang_attr = format!(r#"lang="{tag}""#);
            rewrite(template, |part, xml| {
                (part.starts_with("ppt/") && part.ends_with(".xml"))
                    .then(|| xml.replace(&format!(r#"lang="{TEMPLATE_LANG}""#), &lang_attr))
            })
        }
        _ => Ok(template.to_vec()),
    }
}

/// The spreadsheet template's sheet name.
const TEMPLATE_SHEET: &str = "Sheet";

/// What a new spreadsheet's first sheet is called in the language of `tag`, as the office
/// suites of that language name it.
fn first_sheet_name(tag: &str) -> &'static str {
    const NAMES: &[(&str, &str)] = &[
        ("de", "Tabelle1"),
        ("fr", "Feuil1"),
        ("es", "Hoja1"),
        ("it", "Foglio1"),
        ("pt", "Planilha1"),
        ("nl", "Blad1"),
        ("sv", "Blad1"),
        ("da", "Ark1"),
        ("nb", "Ark1"),
        ("fi", "Taul1"),
        ("pl", "Arkusz1"),
        ("cs", "List1"),
        ("hu", "Munka1"),
        ("tr", "Sayfa1"),
        ("ru", "Лист1"),
        ("uk", "Аркуш1"),
    ];
    let lang = tag.split('-').next().unwrap_or_default();
    NAMES
        .iter()
        .find(|(l, _)| *l == lang)
        .map_or("Sheet1", |(_, name)| name)
}

/// A copy of the package `template` with the XML parts `patch` changes (it gets each part's name
/// and text; `None` keeps the part as it is).
fn rewrite(
    template: &[u8],
    mut patch: impl FnMut(&str, &str) -> Option<String>,
) -> Result<Vec<u8>, TemplateError> {
    let mut source = ZipArchive::new(Cursor::new(template))?;
    let mut out = ZipWriter::new(Cursor::new(Vec::with_capacity(template.len() + 512)));
    for i in 0..source.len() {
        let mut entry = source.by_index(i)?;
        let name = entry.name()?.into_owned();
        let mut bytes = Vec::with_capacity(usize::try_from(entry.size()).unwrap_or(0));
        entry.read_to_end(&mut bytes)?;
        let patched = match name.ends_with(".xml") {
            true => patch(&name, &String::from_utf8_lossy(&bytes)),
            false => None,
        };
        let options = SimpleFileOptions::default().compression_method(entry.compression());
        out.start_file(name, options)?;
        out.write_all(patched.as_ref().map_or(&bytes[..], |xml| xml.as_bytes()))?;
    }
    Ok(out.finish()?.into_inner())
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
    rewrite(template, |part, xml| match part {
        "word/styles.xml" | "word/stylesWithEffects.xml" | "word/settings.xml" => {
            let mut xml = xml.replace(&format!(r#"w:val="{TEMPLATE_LANG}""#), &lang_attr);
            if east_asian {
                xml = xml.replace(
                    &format!(r#"w:eastAsia="{TEMPLATE_LANG}""#),
                    &format!(r#"w:eastAsia="{tag}""#),
                );
            }
            Some(xml)
        }
        "word/document.xml" => Some(xml.replace(LETTER, paper)),
        _ => None,
    })
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
            blank_for(NewDocumentKind::Presentation, Some("en_US")).unwrap(),
            blank(NewDocumentKind::Presentation)
        );
    }

    #[test]
    fn a_spreadsheets_first_sheet_is_named_in_its_creators_language() {
        for (locale, name) in [
            (Some("de_DE"), "Tabelle1"),
            (Some("fr-CA"), "Feuil1"),
            (Some("ru"), "Лист1"),
            (Some("en_GB"), "Sheet1"),
            (Some("ja_JP"), "Sheet1"),
            (None, "Sheet1"),
        ] {
            let package = blank_for(NewDocumentKind::Spreadsheet, locale).unwrap();
            let workbook = part(&package, "xl/workbook.xml");
            assert!(
                workbook.contains(&format!(r#"<sheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" name="{name}""#)),
                "{locale:?}: {workbook}"
            );
            assert_eq!(
                part(&package, "xl/worksheets/sheet1.xml"),
                part(
                    blank(NewDocumentKind::Spreadsheet),
                    "xl/worksheets/sheet1.xml"
                )
            );
        }
    }

    #[test]
    fn a_presentations_text_speaks_its_creators_language() {
        let package = blank_for(NewDocumentKind::Presentation, Some("it_IT")).unwrap();
        for name in ["ppt/presentation.xml", "ppt/slideMasters/slideMaster1.xml"] {
            let xml = part(&package, name);
            assert!(xml.contains(r#"lang="it-IT""#), "{name}");
            assert!(!xml.contains(r#"lang="en-US""#), "{name}");
        }
        // Binary parts are carried over byte for byte.
        let mut original =
            ZipArchive::new(Cursor::new(blank(NewDocumentKind::Presentation))).unwrap();
        let mut copy = ZipArchive::new(Cursor::new(&package[..])).unwrap();
        let read = |a: &mut ZipArchive<Cursor<&[u8]>>| {
            let mut bytes = Vec::new();
            a.by_name("docProps/thumbnail.jpeg")
                .unwrap()
                .read_to_end(&mut bytes)
                .unwrap();
            bytes
        };
        assert_eq!(read(&mut copy), read(&mut original));
    }
}
