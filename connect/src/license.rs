//! Licensing. `lic` is trusted only from a verified iframe URL ([`crate::auth::HostRequest`]);
//! elsewhere the license REST resource is asked and its answer cached for five minutes (the
//! host caches its own check about as long).

use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
};

use serde::Deserialize;

use crate::{Connect, auth::HostRequest, host::client::HostError, store::tenant::Tenant};

const CACHE_SECS: i64 = 300;
/// Everything but RFC 3986 unreserved characters is escaped in a path segment.
const PATH_SEGMENT: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// The `license` object of `GET /rest/atlassian-connect/1/addons/{appKey}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct License {
    #[serde(default)]
    pub active: bool,
    #[serde(default, rename = "type")]
    pub kind: Option<String>,
    #[serde(default)]
    pub evaluation: bool,
    #[serde(default)]
    pub entitlement_id: Option<String>,
    #[serde(default)]
    pub entitlement_number: Option<String>,
}

#[derive(Deserialize)]
struct AddonResource {
    #[serde(default)]
    license: Option<License>,
}

/// When the answer was fetched (Unix seconds) and what it was.
type CachedLicense = (i64, Option<License>);

/// Cached license answers per tenant.
#[derive(Clone, Default)]
pub struct Licenses {
    cache: Arc<Mutex<HashMap<String, CachedLicense>>>,
}

impl Licenses {
    pub(crate) fn forget_tenant(&self, client_key: &str) {
        self.cache
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .remove(client_key);
    }
}

impl Connect {
    /// Whether a verified iframe load may use the app: no licensing, or `lic=active`.
    pub fn is_licensed_request(&self, request: &HostRequest) -> bool {
        !self.settings().licensing || request.lic.as_deref() == Some("active")
    }

    /// Whether the tenant may use the app, from the license API (cached five minutes).
    pub async fn is_licensed(&self, tenant: &Tenant) -> Result<bool, HostError> {
        if !self.settings().licensing {
            return Ok(true);
        }
        Ok(self.license(tenant).await?.is_some_and(|l| l.active))
    }

    /// The tenant's license as the host reports it (`None` for free apps).
    pub async fn license(&self, tenant: &Tenant) -> Result<Option<License>, HostError> {
        let now = self.now();
        let cache = &self.licenses().cache;
        if let Some((at, license)) = cache
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(&tenant.client_key)
            .cloned()
            && now - at < CACHE_SECS
        {
            return Ok(license);
        }
        let path = format!(
            "/rest/atlassian-connect/1/addons/{}",
            percent_encoding::utf8_percent_encode(&self.settings().app_key, PATH_SEGMENT)
        );
        let resource: AddonResource = self.host_client(tenant).get_json(&path).await?;
        cache
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(tenant.client_key.clone(), (now, resource.license.clone()));
        Ok(resource.license)
    }
}
