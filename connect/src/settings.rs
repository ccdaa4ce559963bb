//! What the framework needs to know about the app and its environment, checked once at boot.

use url::Url;

use crate::{
    allowlist::HostAllowlist,
    host::media::{DEFAULT_MEDIA_HOSTS, MediaOrigins},
};

/// Atlassian's install-keys CDN: the public keys that sign `installed` and `uninstalled`.
pub const DEFAULT_KEYS_CDN_URL: &str = "https://connect-install-keys.atlassian.com";
/// Atlassian's OAuth 2.0 authorization server (JWT-bearer grant for acting as a user).
pub const DEFAULT_OAUTH_URL: &str = "https://oauth-2-authorization-server.services.atlassian.com";
/// Which tenant hosts may install the app when nothing is configured.
pub const DEFAULT_HOST_ALLOWLIST: &str = "*.atlassian.net";

/// The framework's settings. Build with [`Settings::new`], then adjust fields.
#[derive(Clone, Debug)]
pub struct Settings {
    /// The descriptor key: `iss` of our tokens, `key` of lifecycle bodies.
    pub app_key: String,
    /// The descriptor's `baseUrl`, without a trailing `/`.
    pub base_url: Url,
    /// Other base URLs the app answers on (accepted as the `aud` of install tokens).
    pub alternate_base_urls: Vec<Url>,
    /// Production applies every rule; development also allows loopback hosts and plain http.
    pub production: bool,
    /// `CONNECT_KEYS_CDN_URL`: where install keys are fetched from, by `kid`.
    pub keys_cdn_url: Url,
    /// `CONNECT_OAUTH_URL`: the authorization server for acting as a user.
    pub oauth_url: Url,
    /// `TENANT_HOST_ALLOWLIST`: hosts whose sites may install the app.
    pub host_allowlist: HostAllowlist,
    /// `CONNECT_LICENSING`: whether the descriptor asks for licensing (`enableLicensing`).
    pub licensing: bool,
    /// `CONFLUENCE_MEDIA_HOSTS`: where attachment downloads may be redirected.
    pub media: MediaOrigins,
}

/// A setting that cannot be used, named by its variable.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid {variable}={value:?}: {reason}")]
pub struct SettingsError {
    pub variable: &'static str,
    pub value: String,
    pub reason: String,
}

impl Settings {
    /// Atlassian's production endpoints and the default host allow-list.
    pub fn new(app_key: &str, base_url: Url, production: bool) -> Result<Self, SettingsError> {
        let mut allowlist =
            HostAllowlist::parse(DEFAULT_HOST_ALLOWLIST).map_err(|reason| SettingsError {
                variable: "TENANT_HOST_ALLOWLIST",
                value: DEFAULT_HOST_ALLOWLIST.into(),
                reason,
            })?;
        if !production {
            // The local Confluence emulator runs on loopback.
            allowlist.allow_loopback();
        }
        let media = media_origins(DEFAULT_MEDIA_HOSTS, production)?;
        Ok(Self {
            media,
            app_key: app_key.to_owned(),
            base_url: trim_url(base_url),
            alternate_base_urls: Vec::new(),
            production,
            keys_cdn_url: parse_service_url("CONNECT_KEYS_CDN_URL", DEFAULT_KEYS_CDN_URL, true)?,
            oauth_url: parse_service_url("CONNECT_OAUTH_URL", DEFAULT_OAUTH_URL, true)?,
            host_allowlist: allowlist,
            licensing: false,
        })
    }

    /// Applies the `CONNECT_*` and `TENANT_HOST_ALLOWLIST` variables read through `lookup`.
    pub fn with_env(
        mut self,
        lookup: impl Fn(&str) -> Option<String>,
    ) -> Result<Self, SettingsError> {
        if let Some(v) = lookup("CONNECT_KEYS_CDN_URL") {
            self.keys_cdn_url = parse_service_url("CONNECT_KEYS_CDN_URL", &v, self.production)?;
        }
        if let Some(v) = lookup("CONNECT_OAUTH_URL") {
            self.oauth_url = parse_service_url("CONNECT_OAUTH_URL", &v, self.production)?;
        }
        if let Some(v) = lookup("TENANT_HOST_ALLOWLIST") {
            let mut list = HostAllowlist::parse(&v).map_err(|reason| SettingsError {
                variable: "TENANT_HOST_ALLOWLIST",
                value: v.clone(),
                reason,
            })?;
            if !self.production {
                list.allow_loopback();
            }
            self.host_allowlist = list;
        }
        if let Some(v) = lookup("CONNECT_LICENSING") {
            self.licensing = match v.trim() {
                "true" | "on" => true,
                "false" | "off" => false,
                _ => {
                    return Err(SettingsError {
                        variable: "CONNECT_LICENSING",
                        value: v,
                        reason: "expected `true` (a paid Marketplace listing) or `false`".into(),
                    });
                }
            };
        }
        if let Some(v) = lookup("CONFLUENCE_MEDIA_HOSTS") {
            self.media = media_origins(&v, self.production)?;
        }
        Ok(self)
    }

    /// The path of the base URL (`""` for a bare origin): stripped before QSH on inbound calls.
    pub fn base_path(&self) -> &str {
        self.base_url.path().trim_end_matches('/')
    }

    /// The base URL as text, without a trailing `/`.
    pub fn base_url_str(&self) -> String {
        self.base_url.as_str().trim_end_matches('/').to_owned()
    }
}

/// The media hosts from `raw`; development adds loopback (the emulator's media server).
fn media_origins(raw: &str, production: bool) -> Result<MediaOrigins, SettingsError> {
    let mut hosts = HostAllowlist::parse(raw).map_err(|reason| SettingsError {
        variable: "CONFLUENCE_MEDIA_HOSTS",
        value: raw.to_owned(),
        reason,
    })?;
    if !production {
        hosts.allow_loopback();
    }
    Ok(MediaOrigins::new(hosts, production))
}

fn trim_url(url: Url) -> Url {
    let text = url.as_str().trim_end_matches('/').to_owned();
    Url::parse(&text).unwrap_or(url)
}

fn parse_service_url(
    variable: &'static str,
    raw: &str,
    production: bool,
) -> Result<Url, SettingsError> {
    let err = |reason: &str| SettingsError {
        variable,
        value: raw.to_owned(),
        reason: reason.to_owned(),
    };
    let url = Url::parse(raw.trim()).map_err(|e| err(&e.to_string()))?;
    match url.scheme() {
        "https" => {}
        "http" if !production => {}
        "http" => return Err(err("must be https in production")),
        _ => return Err(err("must be an http(s) URL")),
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(err("must not have a query or fragment"));
    }
    Ok(trim_url(url))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> Url {
        Url::parse("https://confluo.example.com/app/").unwrap()
    }

    #[test]
    fn defaults_are_atlassians_and_base_url_loses_its_slash() {
        let s = Settings::new("io.confluo", base(), true).unwrap();
        assert_eq!(s.base_url_str(), "https://confluo.example.com/app");
        assert_eq!(s.base_path(), "/app");
        assert_eq!(
            s.keys_cdn_url.as_str(),
            "https://connect-install-keys.atlassian.com/"
        );
        assert!(s.host_allowlist.allows("acme.atlassian.net"));
        assert!(!s.host_allowlist.allows("localhost"));
    }

    #[test]
    fn environment_overrides_are_checked() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        let s = Settings::new("k", base(), false)
            .unwrap()
            .with_env(env(&[("CONNECT_KEYS_CDN_URL", "http://127.0.0.1:9/keys/")]))
            .unwrap();
        assert_eq!(s.keys_cdn_url.as_str(), "http://127.0.0.1:9/keys");
        let err = Settings::new("k", base(), true)
            .unwrap()
            .with_env(env(&[("CONNECT_OAUTH_URL", "http://auth.example.com")]))
            .unwrap_err();
        assert_eq!(err.variable, "CONNECT_OAUTH_URL");
        let err = Settings::new("k", base(), true)
            .unwrap()
            .with_env(env(&[(
                "TENANT_HOST_ALLOWLIST",
                "*.atlassian.net, bad host",
            )]))
            .unwrap_err();
        assert_eq!(err.variable, "TENANT_HOST_ALLOWLIST");
    }
}
