//! The DocEditor config Confluo hands the browser: built and signed on the server, so the
//! browser cannot widen its own permissions or point the Document Server elsewhere.

use serde_json::{Value, json};

use crate::editor_options::{EditorOptions, MacrosMode};
use crate::{ds_token, formats::Format};

/// Whether the person edits or views, and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Edit,
    /// May edit, but asked to view: the editor offers "Edit" (onRequestEditRights).
    ViewByChoice,
    /// May not edit (permission or format).
    View,
    /// Fills in a PDF form: the fields change, the document does not.
    Fill,
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
    /// The light read-only viewer for showing a document inside a page.
    pub embedded: bool,
    /// Where the editor's "Create new" goes (people who may add files to the page only).
    pub create_url: Option<&'a str>,
    /// The site's editor interface choices.
    pub options: &'a EditorOptions,
    /// A bookmark or comment to scroll to, as the editor's "Get link" made it.
    pub action_link: Option<&'a Value>,
    /// For PDFs: whether it is an ONLYOFFICE form, when Confluo looked.
    pub is_form: Option<bool>,
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
    // Editors and form fillers report back through the callback.
    let reporting = matches!(input.mode, Mode::Edit | Mode::Fill);
    let may_edit = matches!(input.mode, Mode::Edit | Mode::ViewByChoice);
    let (lang, region) = language(input.locale);
    let options = input.options;
    let mut config = json!({
        "type": match (input.embedded, input.mobile) {
            (true, _) => "embedded",
            (false, true) => "mobile",
            (false, false) => "desktop",
        },
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
                "fillForms": reporting,
                "chat": options.chat && editing,
            },
        },
        "editorConfig": {
            "mode": if reporting { "edit" } else { "view" },
            "lang": lang,
            "region": region,
            "user": user(input),
            "coEditing": { "mode": "fast", "change": true },
            "customization": {
                // The Save button stores a Confluence version now (status 6, same session).
                "forcesave": reporting,
                "autosave": true,
                "compactHeader": options.compact_header,
                "feedback": options.feedback,
                "help": options.help,
                "macros": options.macros != MacrosMode::Disable,
                "macrosMode": options.macros.as_str(),
                "review": { "reviewDisplay": options.review_display.as_str() },
            },
        },
    });
    if let (true, Some(url)) = (reporting, input.callback_url) {
        config["editorConfig"]["callbackUrl"] = json!(url);
    }
    if let Some(link) = input.action_link {
        config["editorConfig"]["actionLink"] = link.clone();
    }
    if let Some(url) = input.create_url {
        config["editorConfig"]["createUrl"] = json!(url);
    }
    if let Some(is_form) = input.is_form {
        config["document"]["isForm"] = json!(is_form);
    }
    config
}

/// The person, as far as known: someone not logged in has neither id nor name, and the
/// Document Server shows them as a guest.
fn user(input: &EditorInput<'_>) -> Value {
    let mut user = serde_json::Map::new();
    for (field, value) in [("id", input.user_id), ("name", input.user_name)] {
        if !value.is_empty() {
            user.insert(
                field.into(),
                json!(value.chars().take(128).collect::<String>()),
            );
        }
    }
    Value::Object(user)
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
    use crate::formats::format_of;

    static DEFAULTS: std::sync::LazyLock<EditorOptions> =
        std::sync::LazyLock::new(EditorOptions::default);

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
            embedded: false,
            create_url: None,
            options: &DEFAULTS,
            action_link: None,
            is_form: None,
        }
    }

    #[test]
    fn guests_have_neither_id_nor_name() {
        assert_eq!(
            config(&input(Mode::View))["editorConfig"]["user"],
            json!({ "id": "acc-1", "name": "Ada" })
        );
        let mut guest = input(Mode::View);
        guest.user_id = "";
        guest.user_name = "";
        guest.callback_url = None;
        let config = config(&guest);
        assert_eq!(config["editorConfig"]["user"], json!({}));
        assert!(config["editorConfig"].get("callbackUrl").is_none());
    }

    #[test]
    fn pdfs_say_whether_they_are_forms_only_when_known() {
        assert!(
            config(&input(Mode::Edit))["document"]
                .get("isForm")
                .is_none()
        );
        let mut pdf = input(Mode::Fill);
        pdf.format = format_of("a.pdf").unwrap();
        pdf.is_form = Some(true);
        assert_eq!(config(&pdf)["document"]["isForm"], true);
        pdf.is_form = Some(false);
        assert_eq!(config(&pdf)["document"]["isForm"], false);
    }

    #[test]
    fn form_fillers_change_fields_only_and_report_back() {
        let fill = config(&input(Mode::Fill));
        let permissions = &fill["document"]["permissions"];
        assert_eq!(fill["editorConfig"]["mode"], "edit");
        assert_eq!(permissions["edit"], false);
        assert_eq!(permissions["fillForms"], true);
        assert_eq!(permissions["review"], false);
        assert_eq!(permissions["comment"], false);
        assert_eq!(
            fill["editorConfig"]["callbackUrl"],
            "https://app/office/callback?token=c"
        );
    }

    #[test]
    fn the_sites_interface_choices_reach_the_editor() {
        let options = EditorOptions {
            chat: false,
            compact_header: true,
            feedback: true,
            help: false,
            review_display: crate::editor_options::ReviewDisplay::Final,
            macros: MacrosMode::Disable,
            ..Default::default()
        };
        let link = json!({ "action": { "type": "bookmark", "data": "Intro" } });
        let mut edit = input(Mode::Edit);
        edit.options = &options;
        edit.action_link = Some(&link);
        let config = config(&edit);
        let custom = &config["editorConfig"]["customization"];
        assert_eq!(config["document"]["permissions"]["chat"], false);
        assert_eq!(custom["compactHeader"], true);
        assert_eq!(custom["feedback"], true);
        assert_eq!(custom["help"], false);
        assert_eq!(custom["review"]["reviewDisplay"], "final");
        assert_eq!(custom["macros"], false);
        assert_eq!(custom["macrosMode"], "disable");
        assert_eq!(config["editorConfig"]["actionLink"], link);
        // Defaults: chat for editors, macros asked about.
        let default = super::config(&input(Mode::Edit));
        assert_eq!(default["document"]["permissions"]["chat"], true);
        assert_eq!(
            default["editorConfig"]["customization"]["macrosMode"],
            "warn"
        );
        assert!(default["editorConfig"].get("actionLink").is_none());
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
        let mut preview = input(Mode::View);
        preview.embedded = true;
        preview.mobile = true;
        assert_eq!(config(&preview)["type"], "embedded");
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
