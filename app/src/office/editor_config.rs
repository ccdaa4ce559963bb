//! The DocEditor config Confluo hands the browser: built and signed on the server, so the
//! browser cannot widen its own permissions or point the Document Server elsewhere.

use serde_json::{Value, json};

use super::{ds_token, formats::Format};

/// Whether the person edits or views, and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Edit,
    /// May edit, but asked to view: the editor offers "Edit" (onRequestEditRights).
    ViewByChoice,
    /// May not edit (permission or format).
    View,
}

/// Everything that goes into one config.
pub struct EditorInput<'a> {
    pub format: Format,
    pub title: &'a str,
    pub doc_key: &'a str,
    pub file_url: &'a str,
    pub callback_url: Option<&'a str>,
    pub mode: Mode,
    pub user_id: &'a str,
    pub user_name: &'a str,
    pub locale: Option<&'a str>,
    /// Stable id of the file in Confluence, for links between spreadsheets.
    pub attachment_id: &'a str,
    pub instance_id: &'a str,
    /// The Document Server's editor for small touch screens.
    pub mobile: bool,
    /// Where the editor's "Create new" goes (people who may add files to the page only).
    pub create_url: Option<&'a str>,
}

/// Whether a `User-Agent` is a phone's or tablet's (the patterns ONLYOFFICE's integrations use).
pub fn is_mobile(user_agent: &str) -> bool {
    const MARKS: &[&str] = &[
        "android",
        "iphone",
        "ipad",
        "ipod",
        "mobile",
        "blackberry",
        "iemobile",
        "opera mini",
        "windows phone",
        "kindle",
        "silk/",
        "webos",
    ];
    let ua = user_agent.to_ascii_lowercase();
    MARKS.iter().any(|m| ua.contains(m))
}

/// `lang` and `region` for a Confluence locale (`de_DE`, `pt-PT`, `zh-TW`).
pub fn language(locale: Option<&str>) -> (String, String) {
    let Some(locale) = locale
        .map(|l| l.trim().replace('_', "-"))
        .filter(|l| !l.is_empty() && l.len() <= 16)
        .filter(|l| l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
    else {
        return ("en".into(), "en-US".into());
    };
    let mut parts = locale.split('-');
    let language = parts.next().unwrap_or("en").to_ascii_lowercase();
    let country = parts.next().map(|c| c.to_ascii_uppercase());
    let region = match &country {
        Some(c) => format!("{language}-{c}"),
        None => language.clone(),
    };
    // The editor has separate translations for these; others use the language alone.
    let lang = match region.as_str() {
        "pt-PT" | "pt-BR" | "zh-TW" | "sr-Latn" => region.clone(),
        _ => language,
    };
    (lang, region)
}

/// The unsigned config.
pub fn config(input: &EditorInput<'_>) -> Value {
    let editing = input.mode == Mode::Edit;
    let may_edit = input.mode != Mode::View;
    let (lang, region) = language(input.locale);
    let mut config = json!({
        "type": if input.mobile { "mobile" } else { "desktop" },
        "width": "100%",
        "height": "100%",
        "documentType": input.format.document_type.as_str(),
        "document": {
            "fileType": input.format.ext,
            "key": input.doc_key,
            "title": input.title.chars().take(128).collect::<String>(),
            "url": input.file_url,
            "referenceData": { "fileKey": input.attachment_id, "instanceId": input.instance_id },
            "permissions": {
                "edit": may_edit,
                "download": true,
                "print": true,
                "comment": editing,
                "review": editing,
                "fillForms": editing,
            },
        },
        "editorConfig": {
            "mode": if editing { "edit" } else { "view" },
            "lang": lang,
            "region": region,
            "user": {
                "id": input.user_id.chars().take(128).collect::<String>(),
                "name": input.user_name.chars().take(128).collect::<String>(),
            },
            "coEditing": { "mode": "fast", "change": true },
            // The Save button stores a Confluence version now (status 6, same session).
            "customization": { "forcesave": editing, "autosave": true },
        },
    });
    if let (true, Some(url)) = (editing, input.callback_url) {
        config["editorConfig"]["callbackUrl"] = json!(url);
    }
    if let Some(url) = input.create_url {
        config["editorConfig"]["createUrl"] = json!(url);
    }
    config
}

/// The config with its `token` (when the site has a secret).
pub fn signed(
    input: &EditorInput<'_>,
    secret: Option<&str>,
    now: i64,
) -> Result<Value, ds_token::DsTokenError> {
    let mut config = config(input);
    if let Some(secret) = secret {
        config["token"] = json!(ds_token::sign(&config, secret, now)?);
    }
    Ok(config)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::office::formats::format_of;

    fn input(mode: Mode) -> EditorInput<'static> {
        EditorInput {
            format: format_of("a.docx").unwrap(),
            title: "Plan.docx",
            doc_key: "abc-att1-v2",
            file_url: "https://app/office/file?token=f",
            callback_url: Some("https://app/office/callback?token=c"),
            mode,
            user_id: "acc-1",
            user_name: "Ada",
            locale: Some("de_DE"),
            attachment_id: "att1",
            instance_id: "https://site.atlassian.net/wiki",
            mobile: false,
            create_url: None,
        }
    }

    #[test]
    fn phones_and_tablets_get_the_mobile_editor() {
        assert!(is_mobile(
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148"
        ));
        assert!(is_mobile(
            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/120 Mobile Safari/537.36"
        ));
        assert!(!is_mobile(
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36"
        ));
        let mut phone = input(Mode::Edit);
        phone.mobile = true;
        assert_eq!(config(&phone)["type"], "mobile");
        assert_eq!(config(&input(Mode::Edit))["type"], "desktop");
    }

    #[test]
    fn edit_view_and_view_by_choice() {
        let edit = config(&input(Mode::Edit));
        assert_eq!(edit["editorConfig"]["mode"], "edit");
        assert_eq!(edit["document"]["permissions"]["edit"], true);
        assert_eq!(
            edit["editorConfig"]["callbackUrl"],
            "https://app/office/callback?token=c"
        );
        assert_eq!(edit["documentType"], "word");
        assert_eq!(edit["document"]["fileType"], "docx");
        assert_eq!(edit["editorConfig"]["lang"], "de");
        assert_eq!(edit["editorConfig"]["region"], "de-DE");
        // The Save button stores a version only for editors.
        assert_eq!(edit["editorConfig"]["customization"]["forcesave"], true);

        let view = config(&input(Mode::View));
        assert_eq!(view["editorConfig"]["mode"], "view");
        assert_eq!(view["document"]["permissions"]["edit"], false);
        assert_eq!(view["document"]["permissions"]["comment"], false);
        assert!(view["editorConfig"].get("callbackUrl").is_none());
        assert_eq!(view["editorConfig"]["customization"]["forcesave"], false);

        let chosen = config(&input(Mode::ViewByChoice));
        assert_eq!(chosen["editorConfig"]["mode"], "view");
        assert_eq!(chosen["document"]["permissions"]["edit"], true);
        assert!(chosen["editorConfig"].get("callbackUrl").is_none());
    }

    #[test]
    fn signed_config_holds_every_required_field() {
        let secret = "0123456789abcdef0123";
        let config = signed(
            &input(Mode::Edit),
            Some(secret),
            chrono::Utc::now().timestamp(),
        )
        .unwrap();
        let claims = ds_token::verify(config["token"].as_str().unwrap(), secret).unwrap();
        // The Document Server requires these in the token, deep-equal to the plain config.
        assert_eq!(claims["document"]["key"], config["document"]["key"]);
        assert_eq!(claims["document"]["url"], config["document"]["url"]);
        assert_eq!(
            claims["document"]["permissions"],
            config["document"]["permissions"]
        );
        assert_eq!(
            claims["editorConfig"]["callbackUrl"],
            config["editorConfig"]["callbackUrl"]
        );
        assert_eq!(claims["editorConfig"]["mode"], "edit");
        assert!(claims.get("token").is_none());
        let unsigned = signed(&input(Mode::Edit), None, 0).unwrap();
        assert!(unsigned.get("token").is_none());
    }

    #[test]
    fn languages() {
        assert_eq!(language(Some("en-GB")), ("en".into(), "en-GB".into()));
        assert_eq!(language(Some("pt_PT")), ("pt-PT".into(), "pt-PT".into()));
        assert_eq!(language(Some("zh-tw")), ("zh-TW".into(), "zh-TW".into()));
        assert_eq!(language(Some("fr")), ("fr".into(), "fr".into()));
        assert_eq!(language(None), ("en".into(), "en-US".into()));
        assert_eq!(language(Some("<script>")), ("en".into(), "en-US".into()));
    }
}
