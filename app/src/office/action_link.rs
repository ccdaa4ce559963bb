//! The editor's "Get link": a link in Confluence to the document page that opens the document
//! scrolled to a bookmark or comment. The editor's own description of the place (`actionLink`)
//! travels in the link and goes back into the signed config.

use serde_json::Value;

use super::error::OfficeError;
use crate::i18n::Lang;
use office::formats::DocumentType;

/// The most a place description may hold; the editor's own are a few hundred bytes.
const MAX_LEN: usize = 4096;

/// A place description from a link, checked: a JSON object of reasonable size. Refusals are
/// in `lang`.
pub fn parse(raw: &str, lang: Lang) -> Result<Value, OfficeError> {
    if raw.len() > MAX_LEN {
        return Err(OfficeError::Other(
            lang.text("The link to a place in the document is too long.")
                .into(),
        ));
    }
    match serde_json::from_str::<Value>(raw) {
        Ok(value @ Value::Object(_)) => Ok(value),
        _ => Err(OfficeError::Other(
            lang.text(
                "The link to a place in the document is damaged; open the document without it.",
            )
            .into(),
        )),
    }
}

/// The document page in Confluence, with `pairs` as its custom data (`ac.` parameters).
pub fn document_page_url(site_base_url: &str, pairs: &[(&str, &str)]) -> String {
    let mut query = form_urlencoded::Serializer::new(String::new());
    for (name, value) in pairs {
        query.append_pair(&format!("ac.{name}"), value);
    }
    format!(
        "{}/plugins/servlet/ac/{}/{}?{}",
        site_base_url.trim_end_matches('/'),
        crate::descriptor::APP_KEY,
        crate::descriptor::keys::DOCUMENT_PAGE,
        query.finish()
    )
}

/// The link for a place the editor described.
pub fn link(
    site_base_url: &str,
    page_id: &str,
    file_name: &str,
    place: &Value,
    lang: Lang,
) -> Result<String, OfficeError> {
    let place = place.to_string();
    parse(&place, lang)?;
    Ok(document_page_url(
        site_base_url,
        &[
            ("pageId", page_id),
            ("attachment", file_name),
            ("action", &place),
        ],
    ))
}

/// The editor's "Create new": the document page, told to create a blank file of the same
/// family on the same page (the editor opens it in a new tab).
pub fn create_url(site_base_url: &str, page_id: &str, family: DocumentType) -> String {
    document_page_url(
        site_base_url,
        &[("pageId", page_id), ("create", family.ooxml())],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn places_round_trip_through_the_link() {
        let place = json!({ "action": { "type": "bookmark", "data": "Budget & plan" } });
        let url = link(
            "https://s.atlassian.net/wiki/",
            "42",
            "Q3 plan.docx",
            &place,
            Lang::En,
        )
        .unwrap();
        assert!(url.starts_with(
            "https://s.atlassian.net/wiki/plugins/servlet/ac/io.confluo.confluence/document-view?ac.pageId=42&ac.attachment=Q3+plan.docx&ac.action="
        ));
        let query = url.split_once('?').unwrap().1;
        let action = form_urlencoded::parse(query.as_bytes())
            .find(|(k, _)| k == "ac.action")
            .unwrap()
            .1;
        assert_eq!(parse(&action, Lang::En).unwrap(), place);
    }

    #[test]
    fn damaged_or_huge_places_are_refused() {
        assert!(parse("[1,2]", Lang::En).is_err());
        assert!(parse("not json", Lang::En).is_err());
        assert!(parse(&format!("{{\"a\":\"{}\"}}", "x".repeat(MAX_LEN)), Lang::En).is_err());
        assert!(link("https://s", "1", "a.docx", &json!("text"), Lang::En).is_err());
    }

    #[test]
    fn create_new_goes_to_the_document_page_in_confluence() {
        assert_eq!(
            create_url("https://s.atlassian.net/wiki/", "42", DocumentType::Cell),
            "https://s.atlassian.net/wiki/plugins/servlet/ac/io.confluo.confluence/document-view?ac.pageId=42&ac.create=xlsx"
        );
    }
}
