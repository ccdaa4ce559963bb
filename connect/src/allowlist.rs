//! Which sites may install the app: host globs such as `*.atlassian.net`, where `*` stands for
//! one DNS label (as in ACE's whitelist), so `*.atlassian.net` never matches `a.b.atlassian.net`
//! or `evil-atlassian.net`.

/// A list of host patterns.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HostAllowlist {
    patterns: Vec<String>,
}

impl HostAllowlist {
    /// Comma-separated globs; each is a host name whose labels may be `*`.
    pub fn parse(raw: &str) -> Result<Self, String> {
        let mut patterns = Vec::new();
        for item in raw.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            let item = item.to_ascii_lowercase();
            let valid = item.split('.').all(|label| {
                label == "*"
                    || (!label.is_empty()
                        && label
                            .bytes()
                            .all(|b| b.is_ascii_alphanumeric() || b == b'-'))
            });
            if !valid {
                return Err(format!(
                    "{item:?} is not a host pattern (labels of letters, digits, - or a single *)"
                ));
            }
            patterns.push(item);
        }
        if patterns.is_empty() {
            return Err("at least one host pattern is needed".into());
        }
        Ok(Self { patterns })
    }

    /// Adds `localhost` and `127.0.0.1` (development: the local emulator).
    pub fn allow_loopback(&mut self) {
        for host in ["localhost", "127.0.0.1"] {
            if !self.patterns.iter().any(|p| p == host) {
                self.patterns.push(host.to_owned());
            }
        }
    }

    /// Whether `host` (no port) matches a pattern.
    pub fn allows(&self, host: &str) -> bool {
        let host = host.trim_end_matches('.').to_ascii_lowercase();
        self.patterns.iter().any(|p| glob_matches(p, &host))
    }

    /// Whether the host of `url` matches; URLs without a host never do.
    pub fn allows_url(&self, url: &str) -> bool {
        url::Url::parse(url)
            .ok()
            .and_then(|u| u.host_str().map(|h| self.allows(h)))
            .unwrap_or(false)
    }
}

fn glob_matches(pattern: &str, host: &str) -> bool {
    let p: Vec<&str> = pattern.split('.').collect();
    let h: Vec<&str> = host.split('.').collect();
    p.len() == h.len()
        && p.iter()
            .zip(&h)
            .all(|(p, h)| (*p == "*" && !h.is_empty()) || p == h)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_star_is_one_label() {
        let list = HostAllowlist::parse("*.atlassian.net, example.org").unwrap();
        assert!(list.allows("acme.atlassian.net"));
        assert!(list.allows("ACME.Atlassian.net."));
        assert!(list.allows("example.org"));
        assert!(!list.allows("atlassian.net"));
        assert!(!list.allows("a.b.atlassian.net"));
        assert!(!list.allows("evil-atlassian.net"));
        assert!(!list.allows("acme.atlassian.net.evil.com"));
        assert!(!list.allows("localhost"));
        assert!(list.allows_url("https://acme.atlassian.net/wiki"));
        assert!(!list.allows_url("https://acme.atlassian.net@evil.com/wiki"));
        assert!(!list.allows_url("not a url"));
    }

    #[test]
    fn bad_patterns_are_refused() {
        assert!(HostAllowlist::parse("").is_err());
        assert!(HostAllowlist::parse("*.atlassian.net,exa mple.org").is_err());
        assert!(HostAllowlist::parse("a*.atlassian.net").is_err());
    }
}
