//! Inbound authentication as axum extractors. Each kind pins its algorithm and QSH rule:
//!
//! - [`HostRequest`]: calls the host makes (iframe loads with `?jwt=`, webhooks and static
//!   macros with `Authorization: JWT`): HS256 with the tenant secret, QSH bound to the request.
//! - [`ContextRequest`]: calls from our own frontend with a token from `AP.context.getToken()`:
//!   HS256, `qsh` exactly `context-qsh`. Only routes that take this extractor accept them.
//!
//! In both, the tenant comes from the verified `iss` and must be installed.

use axum::{
    extract::{FromRef, FromRequestParts, OriginalUri},
    http::{HeaderMap, header, request::Parts},
};

use crate::{
    Connect,
    jwt::{self, BoundRequest, Claims, JwtError, QshRule},
    rejection::Rejection,
    store::tenant::Tenant,
};

/// A verified call from the host, bound to this exact request.
#[derive(Debug, Clone)]
pub struct HostRequest {
    pub tenant: Tenant,
    pub claims: Claims,
    /// `lic` from the query, trustworthy because the verified qsh covers it.
    pub lic: Option<String>,
}

impl HostRequest {
    /// The viewing user's Atlassian account id, when there is one.
    pub fn account_id(&self) -> Option<&str> {
        self.claims.account_id()
    }
}

/// A verified call from our own iframe code with an `AP.context.getToken()` token.
#[derive(Debug, Clone)]
pub struct ContextRequest {
    pub tenant: Tenant,
    pub claims: Claims,
}

impl ContextRequest {
    pub fn account_id(&self) -> Option<&str> {
        self.claims.account_id()
    }
}

impl<S> FromRequestParts<S> for HostRequest
where
    Connect: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = Rejection;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let connect = Connect::from_ref(state);
        let token = token_from(&parts.headers, raw_query(parts))?;
        let (path, query) = raw_path_and_query(parts);
        let bound = BoundRequest {
            method: parts.method.as_str(),
            raw_path: &path,
            raw_query: query.as_deref(),
            base_path: connect.settings().base_path(),
        };
        let (tenant, claims) = connect
            .verify_tenant_token(&token, QshRule::Request(bound))
            .await?;
        let lic = query.as_deref().and_then(|q| {
            form_urlencoded::parse(q.as_bytes())
                .find(|(k, _)| k == "lic")
                .map(|(_, v)| v.into_owned())
        });
        Ok(HostRequest {
            tenant,
            claims,
            lic,
        })
    }
}

impl<S> FromRequestParts<S> for ContextRequest
where
    Connect: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = Rejection;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let connect = Connect::from_ref(state);
        let token = context_token_from(&parts.headers)?;
        let (tenant, claims) = connect
            .verify_tenant_token(&token, QshRule::Context)
            .await?;
        Ok(ContextRequest { tenant, claims })
    }
}

/// The context token from `Authorization: JWT …` (context tokens never ride in URLs).
pub fn context_token_from(headers: &HeaderMap) -> Result<String, JwtError> {
    header_token(headers)?.ok_or(JwtError::Missing)
}

/// Exactly one token, from `Authorization: JWT …` or `?jwt=`; both and different is an error.
pub fn token_from(headers: &HeaderMap, raw_query: Option<&str>) -> Result<String, JwtError> {
    let from_header = header_token(headers)?;
    let from_query = match raw_query {
        Some(q) => {
            let mut found = form_urlencoded::parse(q.as_bytes()).filter(|(k, _)| k == "jwt");
            let first = found.next().map(|(_, v)| v.into_owned());
            if found.next().is_some() {
                return Err(JwtError::Ambiguous);
            }
            first
        }
        None => None,
    };
    match (from_header, from_query) {
        (Some(h), Some(q)) if h != q => Err(JwtError::Ambiguous),
        (Some(t), _) | (None, Some(t)) => {
            if t.len() > jwt::MAX_TOKEN_LEN {
                Err(JwtError::TooLarge)
            } else if t.is_empty() {
                Err(JwtError::Missing)
            } else {
                Ok(t)
            }
        }
        (None, None) => Err(JwtError::Missing),
    }
}

fn header_token(headers: &HeaderMap) -> Result<Option<String>, JwtError> {
    let Some(value) = headers.get(header::AUTHORIZATION) else {
        return Ok(None);
    };
    let value = value
        .to_str()
        .map_err(|_| JwtError::Malformed("the Authorization header is not text"))?;
    match value.split_once(' ') {
        Some((scheme, token)) if scheme.eq_ignore_ascii_case("JWT") => {
            let token = token.trim();
            if token.len() > jwt::MAX_TOKEN_LEN {
                return Err(JwtError::TooLarge);
            }
            Ok(Some(token.to_owned()))
        }
        _ => Err(JwtError::Malformed(
            "the Authorization header must read `JWT <token>`",
        )),
    }
}

fn raw_query(parts: &Parts) -> Option<&str> {
    parts
        .extensions
        .get::<OriginalUri>()
        .map_or(parts.uri.query(), |o| o.0.query())
}

/// The path and query as sent on the wire, before any router nesting stripped a prefix.
pub fn raw_path_and_query(parts: &Parts) -> (String, Option<String>) {
    let uri = parts
        .extensions
        .get::<OriginalUri>()
        .map_or(&parts.uri, |o| &o.0);
    (uri.path().to_owned(), uri.query().map(str::to_owned))
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(auth: Option<&str>) -> HeaderMap {
        let mut h = HeaderMap::new();
        if let Some(a) = auth {
            h.insert(header::AUTHORIZATION, HeaderValue::from_str(a).unwrap());
        }
        h
    }

    #[test]
    fn one_token_from_header_or_query() {
        assert_eq!(token_from(&headers(Some("JWT abc")), None).unwrap(), "abc");
        assert_eq!(
            token_from(&headers(None), Some("a=1&jwt=abc")).unwrap(),
            "abc"
        );
        assert_eq!(
            token_from(&headers(Some("JWT abc")), Some("jwt=abc")).unwrap(),
            "abc"
        );
        assert_eq!(
            token_from(&headers(Some("JWT abc")), Some("jwt=xyz")),
            Err(JwtError::Ambiguous)
        );
        assert_eq!(
            token_from(&headers(None), Some("jwt=a&jwt=b")),
            Err(JwtError::Ambiguous)
        );
        assert_eq!(
            token_from(&headers(None), Some("a=1")),
            Err(JwtError::Missing)
        );
        assert!(matches!(
            token_from(&headers(Some("Bearer abc")), None),
            Err(JwtError::Malformed(_))
        ));
        let long = format!("jwt={}", "a".repeat(jwt::MAX_TOKEN_LEN + 1));
        assert_eq!(
            token_from(&headers(None), Some(&long)),
            Err(JwtError::TooLarge)
        );
    }
}
