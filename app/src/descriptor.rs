//! Confluo's Connect descriptor: what Confluence learns about the app when it installs it.

use connect::descriptor::{
    Condition, Descriptor, Dialog, Macro, MacroEditor, MacroParameter, Page, Scope, Vendor,
    WebItem, WebItemTarget, Webhook,
};

/// The app key. It never changes: a different key is a different app to Confluence.
pub const APP_KEY: &str = "io.confluo.confluence";

/// Module keys, shared with the screens that open them.
pub mod keys {
    pub const DOCUMENT_MACRO: &str = "office-document";
    pub const ATTACHMENTS_DIALOG: &str = "attachments-dialog";
    pub const ATTACHMENTS_ACTION: &str = "attachments-action";
    pub const CONFIGURE: &str = "configure";
    pub const DOCUMENT_PAGE: &str = "document-view";
    pub const SPACE_DOCUMENTS: &str = "space-documents";
}

/// Page paths, shared by the descriptor and the router.
pub mod paths {
    pub const DOCUMENT_MACRO: &str = "/macro/document";
    pub const DOCUMENT_MACRO_EDITOR: &str = "/macro/document-editor";
    pub const ATTACHMENTS_DIALOG: &str = "/dialog/attachments";
    pub const CONFIGURE: &str = "/admin/settings";
    /// Opened with `AP.navigator.go('addonModule')`; its custom data arrives as `ac.*`.
    pub const DOCUMENT_PAGE: &str = "/documents/view";
    /// The space's file browser; `spaceKey` from the space it is opened in.
    pub const SPACE_DOCUMENTS: &str = "/documents/space";
    /// Followed by the event name: one route per webhook.
    pub const WEBHOOKS: &str = "/webhooks/";
}

/// Where the file browser's link appears: the space sidebar's main links. The location key is
/// recalled from Confluence's web-fragment list, not confirmed; change it here if Confluence
/// shows the link elsewhere.
pub const SPACE_SIDEBAR: &str = "system.space.sidebar/main-links";

/// The descriptor for an app served at `base_url`.
pub fn descriptor(base_url: &str) -> Descriptor {
    let mut d = Descriptor::new(APP_KEY, "Confluo", base_url);
    d.description =
        Some("View, edit and co-edit office documents attached to Confluence pages.".into());
    d.vendor = Some(Vendor {
        name: "Confluo".into(),
        url: "https://confluo.io".into(),
    });
    // Reading pages and attachments, uploading new attachment versions, moving files to the
    // trash from the space's file browser (AP.request is answered within these scopes too),
    // and saving each version as the user who edited it.
    d.scopes = vec![Scope::Read, Scope::Write, Scope::Delete, Scope::ActAsUser];
    let m = &mut d.modules;
    m.dynamic_content_macros.push(Macro {
        key: keys::DOCUMENT_MACRO.into(),
        name: "Office document".into(),
        url: format!(
            "{}?pageId={{page.id}}&attachment={{attachment}}&preview={{preview}}&macroId={{macro.id}}",
            paths::DOCUMENT_MACRO
        ),
        description: Some("Shows an attached office document and opens it for editing.".into()),
        categories: vec!["media".into()],
        output_type: Some("block".into()),
        // The body is an optional caption shown under the document.
        body_type: Some("plain-text".into()),
        parameters: vec![MacroParameter {
            identifier: "attachment".into(),
            name: "Attachment".into(),
            kind: "attachment".into(),
            required: true,
            multiple: false,
            default_value: None,
            description: Some("The document attached to this page.".into()),
            hidden: None,
        },
        MacroParameter {
            identifier: "preview".into(),
            name: "Show a preview".into(),
            kind: "boolean".into(),
            required: false,
            multiple: false,
            default_value: Some("false".into()),
            description: Some("Shows the document itself on the page, read-only.".into()),
            hidden: None,
        }],
        editor: Some(MacroEditor {
            url: format!("{}?pageId={{page.id}}", paths::DOCUMENT_MACRO_EDITOR),
            edit_title: Some("Choose a document".into()),
            insert_title: Some("Insert an office document".into()),
            width: Some("560px".into()),
            height: Some("420px".into()),
        }),
        width: Some("100%".into()),
        height: None,
    });
    m.dialogs.push(Dialog {
        key: keys::ATTACHMENTS_DIALOG.into(),
        url: format!("{}?pageId={{page.id}}", paths::ATTACHMENTS_DIALOG),
        options: serde_json::from_value(serde_json::json!({
            "size": "medium",
            "chrome": true,
            "header": "Office documents on this page",
            "submitText": "Choose",
        }))
        .ok(),
    });
    m.web_items.push(WebItem {
        key: keys::ATTACHMENTS_ACTION.into(),
        name: "Office documents".into(),
        url: format!("{}?pageId={{page.id}}", paths::ATTACHMENTS_DIALOG),
        location: "system.content.action/secondary".into(),
        context: Some("addon".into()),
        target: Some(WebItemTarget {
            kind: "dialog".into(),
            key: Some(keys::ATTACHMENTS_DIALOG.into()),
        }),
        weight: Some(100),
        conditions: Vec::new(),
    });
    m.general_pages.push(Page {
        key: keys::DOCUMENT_PAGE.into(),
        name: "Office document".into(),
        url: paths::DOCUMENT_PAGE.into(),
        location: Some("none".into()),
        conditions: Vec::new(),
    });
    m.general_pages.push(Page {
        key: keys::SPACE_DOCUMENTS.into(),
        name: "Office files".into(),
        url: format!("{}?spaceKey={{space.key}}", paths::SPACE_DOCUMENTS),
        location: Some(SPACE_SIDEBAR.into()),
        conditions: Vec::new(),
    });
    m.configure_page = Some(Page {
        key: keys::CONFIGURE.into(),
        name: "Confluo settings".into(),
        url: paths::CONFIGURE.into(),
        location: None,
        conditions: vec![Condition {
            condition: "user_is_admin".into(),
            invert: None,
            params: None,
        }],
    });
    for event in ["attachment_created", "attachment_updated", "label_added"] {
        m.webhooks.push(Webhook {
            event: event.into(),
            url: format!("{}{event}", paths::WEBHOOKS),
            exclude_body: None,
        });
    }
    d
}
