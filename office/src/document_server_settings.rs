//! A site's Document Server settings: the form the configure page edits and its checks (the
//! same rules in the browser and on the server), and what the page shows of what is stored.

use serde::{Deserialize, Serialize};
use words::Lang;

use crate::field_error::{FieldError, FieldErrors};

/// What an administrator submits. An empty `secret` keeps the stored one.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentServerForm {
    pub public_url: String,
    pub internal_url: String,
    pub secret: String,
    pub clear_secret: bool,
    pub jwt_header: String,
    /// Trust any certificate the Document Server presents (self-signed, expired): insecure.
    #[serde(default)]
    pub skip_certificate_check: bool,
}

/// What the configure page shows: never the secret itself.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentServerView {
    pub public_url: String,
    pub internal_url: String,
    pub jwt_header: String,
    pub skip_certificate_check: bool,
    pub secret_set: bool,
    pub updated_at: String,
}

pub const DEFAULT_JWT_HEADER: &str = "Authorization";
const MIN_SECRET_LEN: usize = 16;

impl DocumentServerForm {
    /// Every problem with the form, empty when it can be saved, in `lang`.
    pub fn validate(&self, lang: Lang) -> Vec<FieldError> {
        let mut errors = FieldErrors::default();
        match check_url(&self.public_url, lang) {
            Err(message) => errors.fail("public_url", message),
            Ok((UrlKind::Plain, host)) if !is_local(host) => errors.fail(
                "public_url",
                lang.text(
                    "Browsers open this address from Confluence pages served over https; use https.",
                )
                .into(),
            ),
            Ok(_) => {}
        }
        if !self.internal_url.trim().is_empty()
            && let Err(message) = check_url(&self.internal_url, lang)
        {
            errors.fail("internal_url", message);
        }
        let secret = self.secret.trim();
        if !secret.is_empty() && secret.chars().count() < MIN_SECRET_LEN {
            errors.fail(
                "secret",
                lang.plural(
                    "The secret must be at least {count} character long.",
                    "The secret must be at least {count} characters long.",
                    MIN_SECRET_LEN as u64,
                    &[],
                ),
            );
        }
        let header = self.jwt_header.trim();
        if header.is_empty()
            || !header
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        {
            errors.fail(
                "jwt_header",
                lang.text("The header name may use letters, digits, - and _ only.")
                    .into(),
            );
        }
        errors.into_vec()
    }
}

enum UrlKind {
    Secure,
    Plain,
}

/// The scheme's kind and the host (with any port) of an absolute http(s) address.
fn check_url(raw: &str, lang: Lang) -> Result<(UrlKind, &str), String> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(lang
            .text("Enter the address of the Document Server.")
            .into());
    }
    let (kind, rest) = if let Some(rest) = raw.strip_prefix("https://") {
        (UrlKind::Secure, rest)
    } else if let Some(rest) = raw.strip_prefix("http://") {
        (UrlKind::Plain, rest)
    } else {
        return Err(lang
            .text("The address must start with https:// or http://.")
            .into());
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if host.is_empty() || raw.chars().any(char::is_whitespace) || host.contains('@') {
        return Err(lang.text("This is not a valid web address.").into());
    }
    if raw.contains(['?', '#']) {
        return Err(lang.text("The address cannot contain ? or #.").into());
    }
    Ok((kind, host))
}

/// Whether `host` (with any port) is this machine.
/// Whether `host` (with its port) is this machine: `localhost`, `[::1]` or any of 127.0.0.0/8.
fn is_local(host: &str) -> bool {
    if host.starts_with("[::1]") {
        return true;
    }
    let name = host.split(':').next().unwrap_or_default();
    name == "localhost"
        || name
            .parse::<std::net::Ipv4Addr>()
            .is_ok_and(|ip| ip.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(public_url: &str, secret: &str) -> DocumentServerForm {
        DocumentServerForm {
            public_url: public_url.into(),
            internal_url: String::new(),
            secret: secret.into(),
            clear_secret: false,
            jwt_header: DEFAULT_JWT_HEADER.into(),
            skip_certificate_check: false,
        }
    }

    fn fields(f: &DocumentServerForm) -> Vec<String> {
        f.validate(Lang::En).into_iter().map(|e| e.field).collect()
    }

    #[test]
    fn valid_forms_pass() {
        assert!(fields(&form("https://docs.example.com/", "0123456789abcdef")).is_empty());
        assert!(fields(&form("http://127.0.0.1:8080", "")).is_empty());
        // Plain http is for this machine only: any loopback address, by name or number.
        for local in [
            "http://localhost",
            "http://127.0.0.2:3498",
            "http://[::1]:8080",
        ] {
            assert!(fields(&form(local, "")).is_empty(), "{local}");
        }
        assert_eq!(fields(&form("http://128.0.0.1", "")), ["public_url"]);
        let mut f = form("https://docs.example.com", "");
        f.internal_url = "http://onlyoffice.internal:80/".into();
        assert!(fields(&f).is_empty());
    }

    #[test]
    fn each_bad_field_is_named() {
        assert_eq!(fields(&form("", "")), ["public_url"]);
        assert_eq!(fields(&form("ftp://x", "")), ["public_url"]);
        assert_eq!(fields(&form("http://docs.example.com", "")), ["public_url"]);
        assert_eq!(fields(&form("https://", "")), ["public_url"]);
        assert_eq!(fields(&form("https://a b", "")), ["public_url"]);
        assert_eq!(fields(&form("https://x/?q=1", "")), ["public_url"]);
        assert_eq!(fields(&form("https://x", "short")), ["secret"]);
        let mut f = form("https://x", "");
        f.internal_url = "onlyoffice:80".into();
        f.jwt_header = "X Bad".into();
        assert_eq!(fields(&f), ["internal_url", "jwt_header"]);
        // The browser and the server word them in the page's language.
        let german: Vec<String> = form("ftp://x", "short")
            .validate(Lang::De)
            .into_iter()
            .map(|e| e.message)
            .collect();
        assert_eq!(
            german,
            [
                "Die Adresse muss mit https:// oder http:// beginnen.",
                "Das Geheimnis muss mindestens 16 Zeichen lang sein."
            ]
        );
    }
}
