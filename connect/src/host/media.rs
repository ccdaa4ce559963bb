//! Where Confluence sends the bytes of an attachment. Its REST download endpoint answers with
//! a redirect to Atlassian's media service on another origin, carrying a short-lived token of
//! its own in the query; the app follows that one redirect, to these hosts only, and sends no
//! credentials there.

use url::Url;

use crate::allowlist::HostAllowlist;

/// Atlassian's media service, where attachment downloads are redirected.
pub const DEFAULT_MEDIA_HOSTS: &str = "api.media.atlassian.com";

/// The hosts an attachment download may be redirected to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MediaOrigins {
    hosts: HostAllowlist,
    /// Production follows only https redirects; development also plain http (the emulator).
    https_only: bool,
}

impl MediaOrigins {
    pub fn new(hosts: HostAllowlist, https_only: bool) -> Self {
        Self { hosts, https_only }
    }

    /// Whether a download may be fetched from `url` (no user info, allowed scheme and host).
    pub fn allows(&self, url: &Url) -> bool {
        let scheme_ok = url.scheme() == "https" || (!self.https_only && url.scheme() == "http");
        scheme_ok
            && url.username().is_empty()
            && url.password().is_none()
            && url.host_str().is_some_and(|h| self.hosts.allows(h))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn origins(https_only: bool) -> MediaOrigins {
        MediaOrigins::new(
            HostAllowlist::parse(DEFAULT_MEDIA_HOSTS).expect("list"),
            https_only,
        )
    }

    #[test]
    fn only_listed_hosts_and_schemes() {
        let m = origins(true);
        let ok = |s: &str| m.allows(&Url::parse(s).expect("url"));
        assert!(ok("https://api.media.atlassian.com/file/1/binary?token=t"));
        assert!(!ok("http://api.media.atlassian.com/file/1/binary"));
        assert!(!ok("https://evil.example/file/1/binary"));
        assert!(!ok("https://api.media.atlassian.com.evil.example/"));
        assert!(!ok("https://user:pw@api.media.atlassian.com/"));
        assert!(
            origins(false).allows(&Url::parse("http://api.media.atlassian.com/").expect("url"))
        );
    }
}
