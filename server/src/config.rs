//! Process configuration from environment variables (and `.env`), validated once at boot.

use std::{env, net::SocketAddr, time::Duration};

use connect::{
    egress::EgressPolicy,
    settings::{Settings, SettingsError},
};
use url::Url;

use app::descriptor::APP_KEY;

/// Where the server runs and what rules apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Environment {
    /// Local work: plain-http loopback base URL allowed, generated keys allowed.
    Development,
    /// Anything reachable by a real Confluence site: every security rule enforced.
    Production,
}

/// How log lines are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogFormat {
    Text,
    Json,
}

/// Everything the server reads from its environment.
#[derive(Clone, Debug)]
pub struct Config {
    /// Public base URL of this app: the descriptor's `baseUrl`.
    pub base_url: Url,
    pub database_url: String,
    pub listen_addr: SocketAddr,
    pub environment: Environment,
    pub log_format: LogFormat,
    /// The Connect framework's settings (app key, key server, OAuth server, host allow-list).
    pub connect: Settings,
    /// `CONNECT_SECRET_KEY`: encrypts tenant secrets at rest. Required in production.
    pub secret_key: Option<String>,
    /// `OFFICE_DEMO_URL`: ONLYOFFICE's public demo server, for sites that turn the demo on.
    pub demo_server_url: Url,
    /// `OUTBOUND_ALLOW`: the private networks and hosts Confluo may call on a site's behalf
    /// (Document Servers); the public internet only unless the operator lists some.
    pub egress: EgressPolicy,
    /// `MAX_FILE_MB`: the largest file Confluo moves for any site; sites may set less.
    pub max_file_bytes: u64,
    /// `HEADER_TIMEOUT_SECS`: how long a client may take to send a request's headers, and how
    /// long an idle keep-alive connection stays open.
    pub header_timeout: Duration,
    /// `HOUSEKEEPING_SECS`: how often the sweep runs (pruning, personal data reports, purges).
    pub housekeeping_every: Duration,
    /// `UNINSTALLED_RETENTION_DAYS`: how long a site's data outlives an uninstall.
    pub retention_days: u64,
    /// `CONNECT_SECRET_KEY_PREVIOUS`: keys that still decrypt (and verify) but no longer
    /// encrypt, while a rotation of `CONNECT_SECRET_KEY` completes.
    pub previous_secret_keys: Vec<String>,
    /// `METRICS_ADDR`: where `/metrics` is served; off when unset.
    pub metrics_addr: Option<SocketAddr>,
    /// `TRUSTED_PROXIES`: the networks whose `x-request-id` is taken as it is.
    pub trusted_proxies: Vec<ipnet::IpNet>,
}

/// The largest `MAX_FILE_MB` (the site option's own ceiling).
pub const MAX_FILE_MB_CEILING: u64 = 1024;
pub const DEFAULT_MAX_FILE_MB: u64 = 100;
pub const DEFAULT_HEADER_TIMEOUT_SECS: u64 = 10;

/// A configuration value that cannot be used, named by its variable.
#[derive(Debug, thiserror::Error)]
#[error("invalid {variable}={value:?}: {reason}")]
pub struct ConfigError {
    pub variable: &'static str,
    pub value: String,
    pub reason: String,
}

pub const DEFAULT_BASE_URL: &str = "http://localhost:3000";
pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/confluo.db?mode=rwc";
pub const DEFAULT_LISTEN_ADDR: &str = "127.0.0.1:3000";

impl Config {
    /// Reads the process environment.
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|name| env::var(name).ok().filter(|v| !v.trim().is_empty()))
    }

    /// Reads configuration through `lookup`, so tests need not touch the process environment.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let base_url = parse_base_url(
            lookup("APP_BASE_URL")
                .as_deref()
                .unwrap_or(DEFAULT_BASE_URL),
        )?;
        let database_url = parse_database_url(
            lookup("DATABASE_URL")
                .as_deref()
                .unwrap_or(DEFAULT_DATABASE_URL),
        )?;
        // cargo-leptos tells the server where to listen through LEPTOS_SITE_ADDR.
        // A container platform says only `PORT`: then every interface listens on it.
        let listen_raw = lookup("LISTEN_ADDR")
            .map(|v| ("LISTEN_ADDR", v))
            .or_else(|| lookup("LEPTOS_SITE_ADDR").map(|v| ("LEPTOS_SITE_ADDR", v)))
            .or_else(|| lookup("PORT").map(|v| ("PORT", format!("0.0.0.0:{}", v.trim()))))
            .unwrap_or(("LISTEN_ADDR", DEFAULT_LISTEN_ADDR.to_owned()));
        let listen_addr = listen_raw.1.trim().parse().map_err(|_| ConfigError {
            variable: listen_raw.0,
            value: listen_raw.1.clone(),
            reason: match listen_raw.0 {
                "PORT" => "expected a port number such as 8080".into(),
                _ => "expected an address and port such as 127.0.0.1:3000 or 0.0.0.0:8080".into(),
            },
        })?;
        let metrics_addr = match lookup("METRICS_ADDR") {
            None => None,
            Some(raw) => Some(raw.trim().parse().map_err(|_| ConfigError {
                variable: "METRICS_ADDR",
                value: raw.clone(),
                reason: "expected an address and port such as 127.0.0.1:9090".into(),
            })?),
        };
        let trusted_proxies = match lookup("TRUSTED_PROXIES") {
            None => Vec::new(),
            Some(raw) => parse_networks(&raw).map_err(|reason| ConfigError {
                variable: "TRUSTED_PROXIES",
                value: raw.clone(),
                reason,
            })?,
        };
        let environment = match lookup("APP_ENV").as_deref().map(str::trim) {
            Some("development") => Environment::Development,
            Some("production") => Environment::Production,
            Some(other) => {
                return Err(ConfigError {
                    variable: "APP_ENV",
                    value: other.to_owned(),
                    reason: "expected `development` or `production`".into(),
                });
            }
            // A public base URL means a real site may talk to us: apply production rules.
            None if is_loopback(&base_url) => Environment::Development,
            None => Environment::Production,
        };
        if environment == Environment::Production && base_url.scheme() != "https" {
            return Err(ConfigError {
                variable: "APP_BASE_URL",
                value: base_url.to_string(),
                reason:
                    "production needs an https base URL (set APP_ENV=development for local work)"
                        .into(),
            });
        }
        let log_format = match lookup("LOG_FORMAT").as_deref().map(str::trim) {
            None | Some("text") => LogFormat::Text,
            Some("json") => LogFormat::Json,
            Some(other) => {
                return Err(ConfigError {
                    variable: "LOG_FORMAT",
                    value: other.to_owned(),
                    reason: "expected `text` or `json`".into(),
                });
            }
        };
        let production = environment == Environment::Production;
        let connect = Settings::new(APP_KEY, base_url.clone(), production)
            .and_then(|s| s.with_env(&lookup))
            .map_err(|e: SettingsError| ConfigError {
                variable: e.variable,
                value: e.value,
                reason: e.reason,
            })?;
        let secret_key = lookup("CONNECT_SECRET_KEY");
        if production && secret_key.is_none() {
            return Err(ConfigError {
                variable: "CONNECT_SECRET_KEY",
                value: String::new(),
                reason: "production needs a key to encrypt tenant secrets (generate one with `openssl rand -base64 32`)".into(),
            });
        }
        let previous_secret_keys = lookup("CONNECT_SECRET_KEY_PREVIOUS")
            .map(|raw| {
                raw.split(',')
                    .map(str::trim)
                    .filter(|k| !k.is_empty())
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default();
        let demo_raw = lookup("OFFICE_DEMO_URL");
        let demo_server_url = parse_http_url(
            "OFFICE_DEMO_URL",
            demo_raw.as_deref().unwrap_or(app::demo_server::DEFAULT_URL),
        )?;
        let egress = match lookup("OUTBOUND_ALLOW") {
            Some(raw) => EgressPolicy::parse(&raw).map_err(|reason| ConfigError {
                variable: "OUTBOUND_ALLOW",
                value: raw.clone(),
                reason,
            })?,
            // Development runs its stand-ins on this machine.
            None if !production => EgressPolicy::development(),
            None => EgressPolicy::public_only(),
        };
        let max_file_mb = parse_number(
            &lookup,
            "MAX_FILE_MB",
            DEFAULT_MAX_FILE_MB,
            1..=MAX_FILE_MB_CEILING,
        )?;
        let header_timeout = parse_number(
            &lookup,
            "HEADER_TIMEOUT_SECS",
            DEFAULT_HEADER_TIMEOUT_SECS,
            1..=300,
        )?;
        let housekeeping_secs = parse_number(&lookup, "HOUSEKEEPING_SECS", 600, 1..=86_400)?;
        let retention_days = parse_number(
            &lookup,
            "UNINSTALLED_RETENTION_DAYS",
            app::site_data::DEFAULT_RETENTION_DAYS as u64,
            0..=3650,
        )?;
        Ok(Self {
            housekeeping_every: Duration::from_secs(housekeeping_secs),
            retention_days,
            base_url,
            demo_server_url,
            egress,
            max_file_bytes: max_file_mb * 1024 * 1024,
            header_timeout: Duration::from_secs(header_timeout),
            database_url,
            listen_addr,
            environment,
            log_format,
            connect,
            secret_key,
            previous_secret_keys,
            metrics_addr,
            trusted_proxies,
        })
    }
}

/// Comma-separated networks (`10.0.0.0/8`) or single addresses.
fn parse_networks(raw: &str) -> Result<Vec<ipnet::IpNet>, String> {
    raw.split(',')
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(|item| {
            item.parse::<ipnet::IpNet>()
                .or_else(|_| item.parse::<std::net::IpAddr>().map(ipnet::IpNet::from))
                .map_err(|_| format!("{item:?} is not a network (10.0.0.0/8) or an address"))
        })
        .collect()
}

/// A whole number in `range`, `default` when unset.
fn parse_number(
    lookup: &impl Fn(&str) -> Option<String>,
    variable: &'static str,
    default: u64,
    range: std::ops::RangeInclusive<u64>,
) -> Result<u64, ConfigError> {
    let Some(raw) = lookup(variable) else {
        return Ok(default);
    };
    match raw.trim().parse::<u64>() {
        Ok(n) if range.contains(&n) => Ok(n),
        _ => Err(ConfigError {
            variable,
            value: raw,
            reason: format!(
                "expected a whole number from {} to {}",
                range.start(),
                range.end()
            ),
        }),
    }
}

fn parse_base_url(raw: &str) -> Result<Url, ConfigError> {
    parse_http_url("APP_BASE_URL", raw)
}

/// An absolute http(s) address without query, fragment or credentials.
fn parse_http_url(variable: &'static str, raw: &str) -> Result<Url, ConfigError> {
    let err = |reason: &str| ConfigError {
        variable,
        value: raw.to_owned(),
        reason: reason.to_owned(),
    };
    let url = Url::parse(raw.trim()).map_err(|e| err(&format!("not an absolute URL ({e})")))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(err("the scheme must be http or https"));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(err("the address has no query or fragment"));
    }
    if !url.username().is_empty() || url.password().is_some() {
        // Never echo the credentials.
        return Err(ConfigError {
            variable,
            value: format!(
                "{}://…@{}",
                url.scheme(),
                url.host_str().unwrap_or_default()
            ),
            reason: "the address carries no credentials".into(),
        });
    }
    Ok(url)
}

fn parse_database_url(raw: &str) -> Result<String, ConfigError> {
    let raw = raw.trim();
    if raw.starts_with("sqlite:")
        || raw.starts_with("postgres://")
        || raw.starts_with("postgresql://")
    {
        Ok(raw.to_owned())
    } else {
        Err(ConfigError {
            variable: "DATABASE_URL",
            // Never echo a URL that may hold a password.
            value: raw
                .split_once("://")
                .map_or("…", |(scheme, _)| scheme)
                .to_owned()
                + "://…",
            reason: "expected sqlite://path?mode=rwc or postgres://user@host/db".into(),
        })
    }
}

fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(d)) => d == "localhost" || d.ends_with(".localhost"),
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn config(vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let map: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_lookup(|k| map.get(k).cloned())
    }

    #[test]
    fn defaults_run_locally_on_sqlite() {
        let c = config(&[]).unwrap();
        assert_eq!(c.base_url.as_str(), "http://localhost:3000/");
        assert_eq!(c.database_url, DEFAULT_DATABASE_URL);
        assert_eq!(c.listen_addr.to_string(), "127.0.0.1:3000");
        assert_eq!(c.environment, Environment::Development);
        assert_eq!(c.log_format, LogFormat::Text);
        assert_eq!(c.demo_server_url.as_str(), app::demo_server::DEFAULT_URL);
        let c = config(&[("OFFICE_DEMO_URL", "http://127.0.0.1:3110")]).unwrap();
        assert_eq!(c.demo_server_url.as_str(), "http://127.0.0.1:3110/");
    }

    #[test]
    fn public_base_url_means_production_and_needs_https() {
        let err = config(&[("APP_BASE_URL", "http://confluo.example.com")]).unwrap_err();
        assert_eq!(err.variable, "APP_BASE_URL");
        let err = config(&[("APP_BASE_URL", "https://confluo.example.com/app")]).unwrap_err();
        assert_eq!(err.variable, "CONNECT_SECRET_KEY");
        let c = config(&[
            ("APP_BASE_URL", "https://confluo.example.com/app"),
            ("CONNECT_SECRET_KEY", "c2VjcmV0"),
        ])
        .unwrap();
        assert_eq!(c.environment, Environment::Production);
        assert!(!c.connect.host_allowlist.allows("localhost"));
    }

    #[test]
    fn each_bad_value_names_its_variable() {
        for (var, value) in [
            ("APP_BASE_URL", "not a url"),
            ("APP_BASE_URL", "ftp://x"),
            ("APP_BASE_URL", "https://x/?a=1"),
            ("DATABASE_URL", "mysql://root:pw@h/db"),
            ("LISTEN_ADDR", "3000"),
            ("APP_ENV", "staging"),
            ("LOG_FORMAT", "xml"),
            ("TENANT_HOST_ALLOWLIST", "*.atlassian.net,exa mple"),
            ("CONNECT_KEYS_CDN_URL", "ftp://keys"),
            ("OFFICE_DEMO_URL", "onlinedocs.example.com"),
            ("OFFICE_DEMO_URL", "https://user:pw@docs.example.com/"),
            ("OUTBOUND_ALLOW", "10.0.0.0/8,not a host"),
            ("MAX_FILE_MB", "0"),
            ("MAX_FILE_MB", "2000"),
            ("HEADER_TIMEOUT_SECS", "soon"),
            ("CONNECT_LICENSING", "maybe"),
            ("HOUSEKEEPING_SECS", "0"),
            ("UNINSTALLED_RETENTION_DAYS", "-1"),
            ("CONFLUENCE_MEDIA_HOSTS", "api.media.atlassian.com,bad host"),
            ("PORT", "eighty"),
            ("METRICS_ADDR", "9090"),
            ("TRUSTED_PROXIES", "10.0.0.0/8,proxy.example.com"),
        ] {
            let err = config(&[(var, value)]).unwrap_err();
            assert_eq!(err.variable, var, "{value}");
            assert!(!err.to_string().contains("pw"), "password echoed: {err}");
        }
    }

    #[test]
    fn outbound_calls_reach_this_machine_in_development_only() {
        let loopback = url::Url::parse("http://127.0.0.1:3298/").unwrap();
        let dev = config(&[]).unwrap();
        assert!(dev.egress.check_url(&loopback).is_ok());
        let production = config(&[
            ("APP_BASE_URL", "https://confluo.example.com"),
            ("CONNECT_SECRET_KEY", "c2VjcmV0"),
        ])
        .unwrap();
        assert!(production.egress.check_url(&loopback).is_err());
        // The operator's list replaces the default, in either environment.
        let listed = config(&[("OUTBOUND_ALLOW", "10.0.0.0/8")]).unwrap();
        assert!(listed.egress.check_url(&loopback).is_err());
        let private = url::Url::parse("http://10.1.2.3/").unwrap();
        assert!(listed.egress.check_url(&private).is_ok());
        assert_eq!(dev.max_file_bytes, 100 * 1024 * 1024);
        let small = config(&[("MAX_FILE_MB", "5"), ("HEADER_TIMEOUT_SECS", "2")]).unwrap();
        assert_eq!(small.max_file_bytes, 5 * 1024 * 1024);
        assert_eq!(small.header_timeout, Duration::from_secs(2));
    }

    #[test]
    fn licensing_is_off_for_a_private_install_and_on_for_a_listing() {
        assert!(!config(&[]).unwrap().connect.licensing);
        assert!(
            config(&[("CONNECT_LICENSING", "true")])
                .unwrap()
                .connect
                .licensing
        );
        assert!(
            !config(&[("CONNECT_LICENSING", "off")])
                .unwrap()
                .connect
                .licensing
        );
    }

    #[test]
    fn downloads_go_to_atlassians_media_hosts_over_https_in_production() {
        let url = |s: &str| url::Url::parse(s).unwrap();
        let production = config(&[
            ("APP_BASE_URL", "https://confluo.example.com"),
            ("CONNECT_SECRET_KEY", "c2VjcmV0"),
        ])
        .unwrap();
        let media = &production.connect.media;
        assert!(media.allows(&url(
            "https://api.media.atlassian.com/file/x/binary?token=t"
        )));
        assert!(!media.allows(&url("http://api.media.atlassian.com/file/x/binary")));
        assert!(!media.allows(&url("http://127.0.0.1:4000/file/x/binary")));
        // Development also follows the emulator's media service on loopback.
        let dev = config(&[]).unwrap();
        assert!(
            dev.connect
                .media
                .allows(&url("http://127.0.0.1:4000/file/x/binary"))
        );
        let listed = config(&[("CONFLUENCE_MEDIA_HOSTS", "media.example.com")]).unwrap();
        assert!(
            listed
                .connect
                .media
                .allows(&url("https://media.example.com/f"))
        );
        assert!(
            !listed
                .connect
                .media
                .allows(&url("https://api.media.atlassian.com/f"))
        );
    }

    #[test]
    fn operations_settings_are_read() {
        let c = config(&[]).unwrap();
        assert_eq!(c.metrics_addr, None, "metrics are off unless asked for");
        assert!(c.trusted_proxies.is_empty());
        assert!(c.previous_secret_keys.is_empty());
        let c = config(&[
            ("PORT", "8080"),
            ("METRICS_ADDR", "127.0.0.1:9090"),
            ("TRUSTED_PROXIES", "10.0.0.0/8, 192.168.1.7"),
            ("CONNECT_SECRET_KEY_PREVIOUS", "a2V5MQ==, a2V5Mg=="),
        ])
        .unwrap();
        assert_eq!(c.listen_addr.to_string(), "0.0.0.0:8080");
        assert_eq!(c.metrics_addr.unwrap().to_string(), "127.0.0.1:9090");
        assert_eq!(c.trusted_proxies.len(), 2);
        assert_eq!(c.previous_secret_keys, ["a2V5MQ==", "a2V5Mg=="]);
        let c = config(&[("PORT", "8080"), ("LISTEN_ADDR", "127.0.0.1:5")]).unwrap();
        assert_eq!(c.listen_addr.port(), 5, "LISTEN_ADDR wins over PORT");
    }

    /// Every variable the server reads is in `.env.example` and in the README's table, and
    /// `.env.example` lists nothing the server does not read.
    #[test]
    fn every_variable_is_documented() {
        let read = std::cell::RefCell::new(std::collections::BTreeSet::new());
        Config::from_lookup(|name| {
            read.borrow_mut().insert(name.to_owned());
            None
        })
        .unwrap();
        let mut read = read.into_inner();
        // Set by cargo-leptos for the server it starts, not by people.
        read.remove("LEPTOS_SITE_ADDR");
        // Read by the log filter and the OTLP exporter rather than through the configuration.
        read.insert("RUST_LOG".to_owned());
        read.insert(crate::telemetry::OTLP_ENDPOINT.to_owned());
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let example = std::fs::read_to_string(root.join(".env.example")).unwrap();
        let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
        let listed: std::collections::BTreeSet<String> = example
            .lines()
            .filter_map(|l| l.strip_prefix("# ").unwrap_or(l).split_once('='))
            .map(|(name, _)| name.to_owned())
            .filter(|name| name.chars().all(|c| c.is_ascii_uppercase() || c == '_'))
            .collect();
        assert_eq!(listed, read, ".env.example and the variables read differ");
        for name in &read {
            assert!(
                readme.contains(&format!("| `{name}` |")),
                "{name} is not in the README's configuration table"
            );
        }
    }

    #[test]
    fn listen_addr_falls_back_to_cargo_leptos_site_addr() {
        let c = config(&[("LEPTOS_SITE_ADDR", "127.0.0.1:4010")]).unwrap();
        assert_eq!(c.listen_addr.to_string(), "127.0.0.1:4010");
        let c = config(&[
            ("LEPTOS_SITE_ADDR", "127.0.0.1:4010"),
            ("LISTEN_ADDR", "127.0.0.1:5"),
        ])
        .unwrap();
        assert_eq!(c.listen_addr.port(), 5);
    }
}
