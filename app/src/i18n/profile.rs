//! The language of the person's Confluence profile, which wins over the browser's: the editor
//! speaks the profile's language, so the screens around it do too. Looked up as the app when a
//! host-signed page loads, kept a few minutes per person, and never waited on long: a slow or
//! failing Confluence leaves the browser's language.

use std::time::Duration;

use axum::{
    extract::{Request, State},
    middleware::Next,
    response::Response,
};
use connect::{Connect, auth::HostRequest, store::tenant::Tenant};

use super::Lang;

/// How long a person's profile language (or Confluence's failure to say) is kept.
const KEPT: Duration = Duration::from_secs(5 * 60);
/// People kept at most (the cache cannot grow with traffic).
const MAX_PEOPLE: u64 = 50_000;
/// The longest a page load waits for Confluence's answer.
const WAIT: Duration = Duration::from_secs(2);

/// The language of the profile of the person a request is for (a request extension).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ProfileLang(pub Lang);

/// Profile languages by site and person; `None` for a profile whose locale Confluo is not
/// written in, or that names none.
#[derive(Clone)]
pub struct ProfileLangs(moka::future::Cache<(String, String), Option<Lang>>);

impl Default for ProfileLangs {
    fn default() -> Self {
        Self(
            moka::future::Cache::builder()
                .max_capacity(MAX_PEOPLE)
                .time_to_live(KEPT)
                .build(),
        )
    }
}

#[derive(serde::Deserialize)]
struct UserLocale {
    #[serde(default)]
    locale: Option<String>,
}

impl ProfileLangs {
    /// The language of `account_id`'s profile on `tenant`, when Confluence says in time.
    pub async fn of(&self, connect: &Connect, tenant: &Tenant, account_id: &str) -> Option<Lang> {
        let key = (tenant.client_key.clone(), account_id.to_owned());
        if let Some(known) = self.0.get(&key).await {
            return known;
        }
        let query: String = form_urlencoded::Serializer::new(String::new())
            .append_pair("accountId", account_id)
            .finish();
        let client = connect.host_client(tenant);
        let path = format!("/rest/api/user?{query}");
        let asked = tokio::time::timeout(WAIT, client.get_json::<UserLocale>(&path)).await;
        match asked {
            Ok(Ok(user)) => {
                let lang = user.locale.as_deref().and_then(Lang::from_locale);
                self.0.insert(key, lang).await;
                lang
            }
            // Not asked again until the entry expires: a failing Confluence costs one try per
            // person every few minutes, not one per page.
            Ok(Err(err)) => {
                tracing::debug!(error = %err, "profile language: Confluence did not say");
                self.0.insert(key, None).await;
                None
            }
            Err(_) => {
                self.0.insert(key, None).await;
                None
            }
        }
    }
}

/// Marks a host-signed page request with its person's profile language (the middleware runs
/// after the host-page guard, which put the verified [`HostRequest`] there).
pub async fn attach(
    State(connect): State<Connect>,
    State(langs): State<ProfileLangs>,
    mut request: Request,
    next: Next,
) -> Response {
    let host = request
        .extensions()
        .get::<HostRequest>()
        .map(|h| (h.tenant.clone(), h.account_id().map(str::to_owned)));
    if let Some((tenant, Some(account_id))) = host
        && let Some(lang) = langs.of(&connect, &tenant, &account_id).await
    {
        request.extensions_mut().insert(ProfileLang(lang));
    }
    next.run(request).await
}
