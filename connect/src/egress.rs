//! One egress policy for every server-side fetch of a URL that came from outside the operator's
//! control: addresses a site administrator typed (a Document Server), and addresses such a
//! server hands back (saved files, conversion results). Without it, anyone who administers one
//! site could make the app call the operator's own network: loopback, private ranges, the cloud
//! metadata service.
//!
//! The [`EgressClient`] resolves host names itself and connects only to the addresses it
//! checked, so a name cannot resolve to a public address for the check and a private one for
//! the connection. Literal addresses are checked before the request is sent. It follows no
//! redirects: a caller that wants one checks the next hop and asks again.
//!
//! The operator opts in to private destinations with an allow list of networks and host names
//! ([`EgressPolicy::parse`], e.g. `10.0.0.0/8,docs.internal`).

use std::{
    net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr},
    sync::Arc,
    time::Duration,
};

use ipnet::{IpNet, Ipv4Net};
use url::Url;

/// Why a destination is refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EgressError {
    #[error("{0} is not an http or https address")]
    Scheme(String),
    #[error("the address carries credentials")]
    Credentials,
    #[error("the address has no host")]
    NoHost,
    /// The host is, or resolves only to, an address of a kind the operator has not allowed.
    #[error("{host} is on a {kind} network ({ip}), which the operator has not allowed")]
    Private {
        host: String,
        ip: IpAddr,
        kind: &'static str,
    },
}

/// What the operator allows beyond the public internet.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EgressPolicy {
    nets: Vec<IpNet>,
    /// Lower-case host names allowed whatever they resolve to.
    hosts: Vec<String>,
}

impl EgressPolicy {
    /// The public internet only.
    pub fn public_only() -> Self {
        Self::default()
    }

    /// Development on one machine: loopback too (the local stand-ins run there).
    pub fn development() -> Self {
        Self {
            nets: vec![
                IpNet::V4(Ipv4Net::new_assert(Ipv4Addr::new(127, 0, 0, 0), 8)),
                IpNet::from(IpAddr::V6(Ipv6Addr::LOCALHOST)),
            ],
            hosts: vec!["localhost".into()],
        }
    }

    /// A comma-separated list of networks (`10.0.0.0/8`), single addresses (`10.1.2.3`) and host
    /// names (`docs.internal`); an empty list allows only the public internet.
    pub fn parse(spec: &str) -> Result<Self, String> {
        let mut policy = Self::default();
        for item in spec.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            if let Ok(net) = item.parse::<IpNet>() {
                policy.nets.push(net.trunc());
            } else if let Ok(ip) = item.trim_matches(['[', ']']).parse::<IpAddr>() {
                policy.nets.push(IpNet::from(ip));
            } else if is_host_name(item) {
                policy.hosts.push(item.to_ascii_lowercase());
            } else {
                return Err(format!(
                    "{item:?} is neither a network (10.0.0.0/8), an address nor a host name"
                ));
            }
        }
        Ok(policy)
    }

    /// Whether the operator allows `host` by name, whatever it resolves to.
    pub fn allows_name(&self, host: &str) -> bool {
        let host = host.trim_end_matches('.').to_ascii_lowercase();
        self.hosts.contains(&host)
    }

    /// Refuses `ip` unless it is public or in an allowed network.
    pub fn check_ip(&self, host: &str, ip: IpAddr) -> Result<(), EgressError> {
        let ip = canonical(ip);
        match non_public_kind(ip) {
            Some(kind) if !self.nets.iter().any(|net| net.contains(&ip)) => {
                Err(EgressError::Private {
                    host: host.to_owned(),
                    ip,
                    kind,
                })
            }
            _ => Ok(()),
        }
    }

    /// Checks `url` as the client would before connecting: an http(s) address without
    /// credentials whose literal address, if it has one, is allowed. Names are checked when
    /// they are resolved ([`EgressPolicy::check_resolved`]).
    pub fn check_url(&self, url: &Url) -> Result<(), EgressError> {
        if !matches!(url.scheme(), "http" | "https") {
            return Err(EgressError::Scheme(url.scheme().to_owned()));
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err(EgressError::Credentials);
        }
        match url.host() {
            None => Err(EgressError::NoHost),
            Some(url::Host::Ipv4(ip)) => self.check_ip(&ip.to_string(), IpAddr::V4(ip)),
            Some(url::Host::Ipv6(ip)) => self.check_ip(&ip.to_string(), IpAddr::V6(ip)),
            Some(url::Host::Domain(_)) => Ok(()),
        }
    }

    /// The addresses of `host` the client may connect to; refused when none is allowed.
    pub fn check_resolved(
        &self,
        host: &str,
        addrs: impl IntoIterator<Item = SocketAddr>,
    ) -> Result<Vec<SocketAddr>, EgressError> {
        let by_name = self.allows_name(host);
        let mut allowed = Vec::new();
        let mut first_refusal = None;
        for addr in addrs {
            match self.check_ip(host, addr.ip()) {
                Ok(()) => allowed.push(addr),
                Err(_) if by_name => allowed.push(addr),
                Err(err) => {
                    first_refusal.get_or_insert(err);
                }
            }
        }
        match (allowed.is_empty(), first_refusal) {
            (false, _) => Ok(allowed),
            (true, Some(err)) => Err(err),
            // Nothing resolved: the connection fails on its own, with the resolver's words.
            (true, None) => Ok(allowed),
        }
    }

    /// Checks `url` and, for a host name, what it resolves to now: for validating an address
    /// a person typed. A name that does not resolve is not refused here (the connection will
    /// say it cannot be reached).
    pub async fn check_url_now(&self, url: &Url) -> Result<(), EgressError> {
        self.check_url(url)?;
        if let Some(url::Host::Domain(host)) = url.host() {
            let port = url.port_or_known_default().unwrap_or(443);
            if let Ok(addrs) = tokio::net::lookup_host((host, port)).await {
                self.check_resolved(host, addrs)?;
            }
        }
        Ok(())
    }
}

fn is_host_name(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 253
        && s.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
                && !label.starts_with('-')
                && !label.ends_with('-')
        })
}

/// IPv4 carried inside IPv6 (mapped `::ffff:a.b.c.d`, compatible `::a.b.c.d`, NAT64
/// `64:ff9b::a.b.c.d`, 6to4 `2002:aabb:ccdd::`) is judged as the IPv4 address it reaches.
fn canonical(ip: IpAddr) -> IpAddr {
    let IpAddr::V6(v6) = ip else {
        return ip;
    };
    if let Some(v4) = v6.to_ipv4_mapped() {
        return IpAddr::V4(v4);
    }
    let s = v6.segments();
    let embedded = |hi: u16, lo: u16| {
        IpAddr::V4(Ipv4Addr::new(
            (hi >> 8) as u8,
            hi as u8,
            (lo >> 8) as u8,
            lo as u8,
        ))
    };
    if s[..6] == [0, 0, 0, 0, 0, 0] && !(s[6] == 0 && s[7] <= 1) {
        // IPv4-compatible (deprecated), but not :: or ::1 themselves.
        return embedded(s[6], s[7]);
    }
    if s[..6] == [0x64, 0xff9b, 0, 0, 0, 0] {
        return embedded(s[6], s[7]);
    }
    if s[0] == 0x2002 {
        return embedded(s[1], s[2]);
    }
    ip
}

/// The kind of a non-public address, `None` for one on the public internet.
fn non_public_kind(ip: IpAddr) -> Option<&'static str> {
    match ip {
        IpAddr::V4(v4) => {
            let [a, b, c, _] = v4.octets();
            if v4.is_loopback() {
                Some("loopback")
            } else if v4.is_private() {
                Some("private")
            } else if v4.is_link_local() {
                // 169.254.0.0/16 holds the cloud metadata service.
                Some("link-local")
            } else if a == 100 && (64..128).contains(&b) {
                Some("shared (carrier-grade NAT)")
            } else if v4.is_multicast() {
                Some("multicast")
            } else if a == 0 {
                Some("unspecified")
            } else if v4.is_broadcast()
                || a >= 240
                || (a == 192 && b == 0 && c == 0)
                || (a == 198 && (b == 18 || b == 19))
            {
                Some("reserved")
            } else if v4.is_documentation() {
                Some("documentation")
            } else {
                None
            }
        }
        IpAddr::V6(v6) => {
            let first = v6.segments()[0];
            if v6.is_loopback() {
                Some("loopback")
            } else if v6.is_unspecified() {
                Some("unspecified")
            } else if v6.is_multicast() {
                Some("multicast")
            } else if first & 0xfe00 == 0xfc00 {
                Some("unique-local")
            } else if first & 0xffc0 == 0xfe80 || first & 0xffc0 == 0xfec0 {
                Some("link-local")
            } else if first == 0x2001 && v6.segments()[1] == 0x0db8 {
                Some("documentation")
            } else if first == 0x2001 && v6.segments()[1] == 0 {
                // Teredo tunnels reach IPv4 addresses that cannot be checked here.
                Some("reserved")
            } else if first == 0x0100 && v6.segments()[1..4] == [0, 0, 0] {
                Some("reserved")
            } else {
                None
            }
        }
    }
}

/// The resolver the client connects through: the system's, filtered by the policy.
struct PolicyResolver {
    policy: Arc<EgressPolicy>,
}

impl reqwest::dns::Resolve for PolicyResolver {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let policy = self.policy.clone();
        let host = name.as_str().to_owned();
        Box::pin(async move {
            let addrs = tokio::net::lookup_host((host.as_str(), 0)).await?;
            match policy.check_resolved(&host, addrs) {
                Ok(allowed) => Ok(Box::new(allowed.into_iter()) as reqwest::dns::Addrs),
                Err(err) => {
                    tracing::warn!(refused = %err, "egress refused");
                    crate::observe::egress_refused(&err);
                    Err(Box::new(err) as Box<dyn std::error::Error + Send + Sync>)
                }
            }
        })
    }
}

/// HTTP clients bound by one [`EgressPolicy`]: one that verifies certificates and one that
/// does not, for a destination whose administrator switched verification off.
#[derive(Clone)]
pub struct EgressClient {
    verified: reqwest::Client,
    unverified: reqwest::Client,
    policy: Arc<EgressPolicy>,
}

impl std::fmt::Debug for EgressClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EgressClient")
            .field("policy", &self.policy)
            .finish_non_exhaustive()
    }
}

/// How long a connection may take to open, and how long a read may wait for bytes.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
const READ_TIMEOUT: Duration = Duration::from_secs(60);

impl EgressClient {
    pub fn new(policy: EgressPolicy, user_agent: &str) -> Result<Self, reqwest::Error> {
        let policy = Arc::new(policy);
        let builder = || {
            reqwest::Client::builder()
                .dns_resolver(Arc::new(PolicyResolver {
                    policy: policy.clone(),
                }))
                // A proxy would resolve names itself, out of the policy's reach.
                .no_proxy()
                .redirect(reqwest::redirect::Policy::none())
                .connect_timeout(CONNECT_TIMEOUT)
                .read_timeout(READ_TIMEOUT)
                .user_agent(user_agent)
        };
        Ok(Self {
            verified: builder().build()?,
            unverified: builder().danger_accept_invalid_certs(true).build()?,
            policy,
        })
    }

    pub fn policy(&self) -> &EgressPolicy {
        &self.policy
    }

    /// A request to `url`, refused before anything is sent when the policy forbids its literal
    /// address; a name's addresses are checked when the connection is made.
    pub fn request(
        &self,
        method: reqwest::Method,
        url: &Url,
        verify_certificates: bool,
    ) -> Result<reqwest::RequestBuilder, EgressError> {
        if let Err(err) = self.policy.check_url(url) {
            tracing::warn!(refused = %err, "egress refused");
            crate::observe::egress_refused(&err);
            return Err(err);
        }
        let client = match verify_certificates {
            true => &self.verified,
            false => &self.unverified,
        };
        let request = client.request(method, url.clone());
        Ok(match crate::request_context::current_id() {
            Some(id) => request.header(crate::request_context::HEADER, id),
            None => request,
        })
    }

    /// The policy's refusal behind a failed request, if that is why it failed.
    pub fn refusal(err: &reqwest::Error) -> Option<EgressError> {
        let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(err);
        while let Some(e) = cause {
            if let Some(refused) = e.downcast_ref::<EgressError>() {
                return Some(refused.clone());
            }
            cause = e.source();
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(policy: &EgressPolicy, url: &str) -> bool {
        policy.check_url(&Url::parse(url).unwrap()).is_err()
    }

    #[test]
    fn every_kind_of_internal_address_is_refused() {
        let public = EgressPolicy::public_only();
        for url in [
            "http://127.0.0.1/",
            "http://127.1.2.3:8080/",
            "http://2130706433/",
            "http://0x7f.1/",
            "http://10.0.0.5/",
            "http://172.16.0.1/",
            "http://172.31.255.255/",
            "http://192.168.1.1/",
            "http://169.254.169.254/latest/meta-data/",
            "http://100.64.0.1/",
            "http://100.127.255.255/",
            "http://224.0.0.1/",
            "http://0.0.0.0/",
            "http://0.1.2.3/",
            "http://255.255.255.255/",
            "http://240.0.0.1/",
            "http://192.0.0.8/",
            "http://198.18.0.1/",
            "http://192.0.2.1/",
            "http://[::1]/",
            "http://[::]/",
            "http://[fc00::1]/",
            "http://[fd12:3456::1]/",
            "http://[fe80::1]/",
            "http://[fec0::1]/",
            "http://[ff02::1]/",
            "http://[::ffff:127.0.0.1]/",
            "http://[::ffff:169.254.169.254]/",
            "http://[::ffff:10.0.0.1]/",
            "http://[::127.0.0.1]/",
            "http://[64:ff9b::a9fe:a9fe]/",
            "http://[2002:7f00:1::]/",
            "http://[2001:db8::1]/",
            "http://[2001::1]/",
        ] {
            assert!(refused(&public, url), "{url} was allowed");
        }
        for url in [
            "https://8.8.8.8/",
            "https://1.1.1.1/",
            "http://100.128.0.1/",
            "http://172.32.0.1/",
            "https://[2606:4700::1111]/",
            "https://[::ffff:8.8.8.8]/",
            "https://docs.example.com/",
        ] {
            assert!(!refused(&public, url), "{url} was refused");
        }
        assert!(refused(&public, "ftp://8.8.8.8/"));
        assert!(refused(&public, "https://user:pw@8.8.8.8/"));
    }

    #[test]
    fn the_refusal_names_host_kind_and_address() {
        let err = EgressPolicy::public_only()
            .check_url(&Url::parse("http://169.254.169.254/").unwrap())
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "169.254.169.254 is on a link-local network (169.254.169.254), which the operator has not allowed"
        );
    }

    #[test]
    fn the_operator_allows_networks_and_names() {
        let policy =
            EgressPolicy::parse(" 10.0.0.0/8, 192.168.1.7 ,docs.internal,[fd00::1]").unwrap();
        assert!(!refused(&policy, "http://10.20.30.40/"));
        assert!(!refused(&policy, "http://192.168.1.7/"));
        assert!(refused(&policy, "http://192.168.1.8/"));
        assert!(!refused(&policy, "http://[fd00::1]/"));
        assert!(refused(&policy, "http://127.0.0.1/"));
        assert!(policy.allows_name("DOCS.internal."));
        let addr: SocketAddr = "127.0.0.1:80".parse().unwrap();
        assert_eq!(
            policy.check_resolved("docs.internal", [addr]).unwrap(),
            [addr]
        );
        assert!(policy.check_resolved("evil.example", [addr]).is_err());
        // Of a name's addresses, only the allowed ones are connected to.
        let public: SocketAddr = "8.8.8.8:80".parse().unwrap();
        assert_eq!(
            policy
                .check_resolved("mixed.example", [addr, public])
                .unwrap(),
            [public]
        );
        assert!(EgressPolicy::parse("10.0.0.0/33").is_err());
        assert!(EgressPolicy::parse("not a host!").is_err());
        assert_eq!(
            EgressPolicy::parse("").unwrap(),
            EgressPolicy::public_only()
        );
    }

    #[test]
    fn development_allows_this_machine_only() {
        let dev = EgressPolicy::development();
        assert!(!refused(&dev, "http://127.0.0.1:3298/"));
        assert!(!refused(&dev, "http://127.0.0.2/"));
        assert!(!refused(&dev, "http://[::1]/"));
        assert!(dev.allows_name("localhost"));
        assert!(refused(&dev, "http://10.0.0.1/"));
        assert!(refused(&dev, "http://169.254.169.254/"));
    }

    #[tokio::test]
    async fn the_client_refuses_before_connecting() {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let url = Url::parse(&format!("http://{}/", listener.local_addr().unwrap())).unwrap();
        let client = EgressClient::new(EgressPolicy::public_only(), "test").unwrap();
        assert!(matches!(
            client.request(reqwest::Method::GET, &url, true),
            Err(EgressError::Private {
                kind: "loopback",
                ..
            })
        ));
        // A name that resolves to loopback is refused by the resolver, with the policy's reason.
        let by_name = Url::parse(&format!(
            "http://localhost:{}/",
            listener.local_addr().unwrap().port()
        ))
        .unwrap();
        let err = client
            .request(reqwest::Method::GET, &by_name, true)
            .unwrap()
            .send()
            .await
            .unwrap_err();
        assert!(
            matches!(
                EgressClient::refusal(&err),
                Some(EgressError::Private {
                    kind: "loopback",
                    ..
                })
            ),
            "{err:?}"
        );
        listener.set_nonblocking(true).unwrap();
        assert!(listener.accept().is_err(), "a connection was made");
    }
}
