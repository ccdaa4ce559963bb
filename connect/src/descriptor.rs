//! The app descriptor (`atlassian-connect.json`): a typed model built in code, checked before
//! it is served, and serialized once.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

/// `{ "value": "…" }` labels (Connect's i18n property).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct I18n {
    pub value: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub i18n: Option<String>,
}

impl From<&str> for I18n {
    fn from(value: &str) -> Self {
        Self {
            value: value.to_owned(),
            i18n: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Vendor {
    pub name: String,
    pub url: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Authentication {
    #[serde(rename = "type")]
    pub kind: String,
}

/// Relative URLs of the four lifecycle callbacks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lifecycle {
    pub installed: String,
    pub uninstalled: String,
    pub enabled: String,
    pub disabled: String,
}

impl Default for Lifecycle {
    fn default() -> Self {
        Self {
            installed: "/installed".into(),
            uninstalled: "/uninstalled".into(),
            enabled: "/enabled".into(),
            disabled: "/disabled".into(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiMigrations {
    #[serde(rename = "signed-install")]
    pub signed_install: bool,
    #[serde(rename = "context-qsh")]
    pub context_qsh: bool,
}

/// Confluence Connect scopes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Scope {
    Read,
    Write,
    Delete,
    SpaceAdmin,
    Admin,
    ActAsUser,
    AccessEmailAddresses,
}

/// A condition such as `{"condition": "has_page_permission", "params": {"permission": "EDIT"}}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Condition {
    pub condition: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub invert: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub params: Option<serde_json::Map<String, serde_json::Value>>,
}

/// generalPages, adminPages and the configurePage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Page {
    pub key: String,
    pub name: I18n,
    pub url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub conditions: Vec<Condition>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MacroParameter {
    pub identifier: String,
    pub name: I18n,
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub required: bool,
    #[serde(default)]
    pub multiple: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default_value: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<I18n>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hidden: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MacroEditor {
    pub url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub edit_title: Option<I18n>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub insert_title: Option<I18n>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub width: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub height: Option<String>,
}

/// dynamicContentMacros (iframe per view) and staticContentMacros (server-rendered XHTML).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Macro {
    pub key: String,
    pub name: I18n,
    pub url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<I18n>,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub categories: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub output_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body_type: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub parameters: Vec<MacroParameter>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub editor: Option<MacroEditor>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub width: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub height: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WebItemTarget {
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WebItem {
    pub key: String,
    pub name: I18n,
    pub url: String,
    pub location: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub context: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<WebItemTarget>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weight: Option<i32>,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub conditions: Vec<Condition>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Dialog {
    pub key: String,
    pub url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub options: Option<serde_json::Map<String, serde_json::Value>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WebPanel {
    pub key: String,
    pub name: I18n,
    pub url: String,
    pub location: String,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub conditions: Vec<Condition>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Webhook {
    pub event: String,
    pub url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exclude_body: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Modules {
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub general_pages: Vec<Page>,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub admin_pages: Vec<Page>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub configure_page: Option<Page>,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub dynamic_content_macros: Vec<Macro>,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub static_content_macros: Vec<Macro>,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub web_items: Vec<WebItem>,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub dialogs: Vec<Dialog>,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub web_panels: Vec<WebPanel>,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub webhooks: Vec<Webhook>,
}

/// The whole descriptor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Descriptor {
    pub key: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vendor: Option<Vendor>,
    pub base_url: String,
    pub authentication: Authentication,
    pub lifecycle: Lifecycle,
    pub api_migrations: ApiMigrations,
    pub scopes: Vec<Scope>,
    #[serde(default)]
    pub enable_licensing: bool,
    pub modules: Modules,
}

impl Descriptor {
    /// A descriptor with JWT authentication, the four lifecycle callbacks at their usual
    /// paths, both API migrations on and no modules yet. `base_url` loses a trailing `/`.
    pub fn new(key: &str, name: &str, base_url: &str) -> Self {
        Self {
            key: key.to_owned(),
            name: name.to_owned(),
            description: None,
            vendor: None,
            base_url: base_url.trim_end_matches('/').to_owned(),
            authentication: Authentication { kind: "jwt".into() },
            lifecycle: Lifecycle::default(),
            api_migrations: ApiMigrations {
                signed_install: true,
                context_qsh: true,
            },
            scopes: vec![Scope::Read],
            enable_licensing: false,
            modules: Modules::default(),
        }
    }

    /// Every (module key, relative URL) the host will call or load.
    pub fn relative_urls(&self) -> Vec<(String, String)> {
        let m = &self.modules;
        let mut out = vec![
            (
                "lifecycle.installed".to_owned(),
                self.lifecycle.installed.clone(),
            ),
            (
                "lifecycle.uninstalled".to_owned(),
                self.lifecycle.uninstalled.clone(),
            ),
            (
                "lifecycle.enabled".to_owned(),
                self.lifecycle.enabled.clone(),
            ),
            (
                "lifecycle.disabled".to_owned(),
                self.lifecycle.disabled.clone(),
            ),
        ];
        out.extend(self.host_page_urls());
        out.extend(
            m.webhooks
                .iter()
                .map(|w| (format!("webhook {}", w.event), w.url.clone())),
        );
        out
    }

    /// Every (module key, relative URL) the host loads in an iframe or fetches as a page
    /// (static macros): each request to these carries a host token bound to the URL.
    pub fn host_page_urls(&self) -> Vec<(String, String)> {
        let m = &self.modules;
        let mut out = Vec::new();
        let pages = m
            .general_pages
            .iter()
            .chain(&m.admin_pages)
            .chain(m.configure_page.iter());
        out.extend(pages.map(|p| (p.key.clone(), p.url.clone())));
        for mac in m
            .dynamic_content_macros
            .iter()
            .chain(&m.static_content_macros)
        {
            out.push((mac.key.clone(), mac.url.clone()));
            if let Some(editor) = &mac.editor {
                out.push((format!("{}.editor", mac.key), editor.url.clone()));
            }
        }
        out.extend(
            m.web_items
                .iter()
                .filter(|w| w.context.as_deref().is_none_or(|c| c == "addon"))
                .map(|w| (w.key.clone(), w.url.clone())),
        );
        out.extend(m.dialogs.iter().map(|d| (d.key.clone(), d.url.clone())));
        out.extend(m.web_panels.iter().map(|p| (p.key.clone(), p.url.clone())));
        out
    }

    fn module_keys(&self) -> Vec<&str> {
        let m = &self.modules;
        let pages = m
            .general_pages
            .iter()
            .chain(&m.admin_pages)
            .chain(m.configure_page.iter());
        pages
            .map(|p| p.key.as_str())
            .chain(
                m.dynamic_content_macros
                    .iter()
                    .chain(&m.static_content_macros)
                    .map(|x| x.key.as_str()),
            )
            .chain(m.web_items.iter().map(|x| x.key.as_str()))
            .chain(m.dialogs.iter().map(|x| x.key.as_str()))
            .chain(m.web_panels.iter().map(|x| x.key.as_str()))
            .collect()
    }

    /// Checks what the host's schema does not: keys, migrations, lifecycle, base URL, and
    /// that every relative URL's path is one `is_mounted` knows (query and `{variables}` aside).
    pub fn check(
        &self,
        production: bool,
        is_mounted: impl Fn(&str) -> bool,
    ) -> Result<(), DescriptorError> {
        if self.key.is_empty()
            || self.key.len() > 64
            || !self
                .key
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-._".contains(&b))
        {
            return Err(DescriptorError::AppKey(self.key.clone()));
        }
        if production && !self.base_url.starts_with("https://") {
            return Err(DescriptorError::InsecureBaseUrl(self.base_url.clone()));
        }
        if self.authentication.kind != "jwt" {
            return Err(DescriptorError::Authentication(
                self.authentication.kind.clone(),
            ));
        }
        if !self.api_migrations.signed_install || !self.api_migrations.context_qsh {
            return Err(DescriptorError::Migrations);
        }
        let mut seen = HashSet::new();
        for key in self.module_keys() {
            let valid = !key.is_empty()
                && key.len() <= 100
                && key
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
            if !valid {
                return Err(DescriptorError::ModuleKey(key.to_owned()));
            }
            if !seen.insert(key) {
                return Err(DescriptorError::DuplicateKey(key.to_owned()));
            }
        }
        for (module, url) in self.relative_urls() {
            if url.is_empty() {
                return Err(DescriptorError::Url {
                    module,
                    url,
                    reason: "empty",
                });
            }
            if !url.starts_with('/') {
                return Err(DescriptorError::Url {
                    module,
                    url,
                    reason: "must be relative to the base URL and start with /",
                });
            }
            let path = url.split(['?', '#']).next().unwrap_or_default();
            if path.contains('{') {
                return Err(DescriptorError::Url {
                    module,
                    url,
                    reason: "context variables belong in the query",
                });
            }
            if !is_mounted(path) {
                return Err(DescriptorError::Url {
                    module,
                    url,
                    reason: "no route is mounted at this path",
                });
            }
        }
        let events: Vec<&str> = self
            .modules
            .webhooks
            .iter()
            .map(|w| w.event.as_str())
            .collect();
        if let Some(e) = events.iter().find(|e| e.is_empty()) {
            return Err(DescriptorError::Url {
                module: "webhook".into(),
                url: (*e).to_owned(),
                reason: "empty event name",
            });
        }
        Ok(())
    }
}

/// A descriptor that must not be served.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DescriptorError {
    #[error("the app key {0:?} is invalid (letters, digits, -._; at most 64)")]
    AppKey(String),
    #[error("the base URL {0} must be https outside development")]
    InsecureBaseUrl(String),
    #[error("authentication type {0:?}: Confluo apps use jwt")]
    Authentication(String),
    #[error("apiMigrations signed-install and context-qsh must both be true")]
    Migrations,
    #[error("module key {0:?} is invalid (lower-case letters, digits and -)")]
    ModuleKey(String),
    #[error("module key {0:?} is used twice")]
    DuplicateKey(String),
    #[error("module {module}: URL {url:?} {reason}")]
    Url {
        module: String,
        url: String,
        reason: &'static str,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Descriptor {
        let mut d = Descriptor::new("io.confluo.app", "Confluo", "https://confluo.example.com/");
        d.modules.dynamic_content_macros.push(Macro {
            key: "document".into(),
            name: "Document".into(),
            url: "/macro/document?pageId={page.id}&attachmentId={attachmentId}".into(),
            description: None,
            categories: vec![],
            output_type: Some("block".into()),
            body_type: Some("none".into()),
            parameters: vec![],
            editor: Some(MacroEditor {
                url: "/macro/document/editor".into(),
                edit_title: None,
                insert_title: None,
                width: None,
                height: None,
            }),
            width: None,
            height: None,
        });
        d.modules.webhooks.push(Webhook {
            event: "attachment_created".into(),
            url: "/webhooks/attachment".into(),
            exclude_body: None,
        });
        d
    }

    const MOUNTED: &[&str] = &[
        "/installed",
        "/uninstalled",
        "/enabled",
        "/disabled",
        "/macro/document",
        "/macro/document/editor",
        "/webhooks/attachment",
    ];

    #[test]
    fn serializes_in_connect_shape() {
        let json = serde_json::to_value(sample()).unwrap();
        assert_eq!(json["baseUrl"], "https://confluo.example.com");
        assert_eq!(json["authentication"]["type"], "jwt");
        assert_eq!(json["apiMigrations"]["signed-install"], true);
        assert_eq!(json["apiMigrations"]["context-qsh"], true);
        assert_eq!(json["lifecycle"]["disabled"], "/disabled");
        assert_eq!(json["scopes"][0], "READ");
        assert_eq!(
            json["modules"]["dynamicContentMacros"][0]["editor"]["url"],
            "/macro/document/editor"
        );
        assert!(
            json["modules"].get("generalPages").is_none(),
            "empty lists are left out"
        );
    }

    #[test]
    fn a_sound_descriptor_passes() {
        sample().check(true, |p| MOUNTED.contains(&p)).unwrap();
    }

    #[test]
    fn each_defect_is_named() {
        let mut d = sample();
        d.modules.dynamic_content_macros[0].key = "Document".into();
        assert_eq!(
            d.check(true, |p| MOUNTED.contains(&p)),
            Err(DescriptorError::ModuleKey("Document".into()))
        );

        let mut d = sample();
        d.modules.dialogs.push(Dialog {
            key: "document".into(),
            url: "/macro/document".into(),
            options: None,
        });
        assert_eq!(
            d.check(true, |p| MOUNTED.contains(&p)),
            Err(DescriptorError::DuplicateKey("document".into()))
        );

        let mut d = sample();
        d.modules.webhooks[0].url = "/webhooks/missing".into();
        assert!(
            matches!(d.check(true, |p| MOUNTED.contains(&p)), Err(DescriptorError::Url { module, .. }) if module == "webhook attachment_created")
        );

        let mut d = sample();
        d.api_migrations.context_qsh = false;
        assert_eq!(
            d.check(true, |p| MOUNTED.contains(&p)),
            Err(DescriptorError::Migrations)
        );

        let mut d = sample();
        d.base_url = "http://confluo.example.com".into();
        assert!(matches!(
            d.check(true, |p| MOUNTED.contains(&p)),
            Err(DescriptorError::InsecureBaseUrl(_))
        ));
        d.check(false, |p| MOUNTED.contains(&p)).unwrap();
    }
}
