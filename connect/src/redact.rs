//! Keeps secrets out of logs: tokens ride in query strings (`?jwt=`), so every URL that is
//! logged goes through [`redact_url`] first.

use std::borrow::Cow;

/// Query parameters whose values are credentials.
pub const SECRET_PARAMS: &[&str] = &["jwt", "token", "acpt", "access_token", "assertion"];

/// Replaces the value of every credential parameter in `url` (absolute, or path and query)
/// with `[redacted]`; everything else is left as it was sent.
pub fn redact_url(url: &str) -> Cow<'_, str> {
    let Some((head, query)) = url.split_once('?') else {
        return Cow::Borrowed(url);
    };
    let (query, fragment) = match query.split_once('#') {
        Some((q, f)) => (q, Some(f)),
        None => (query, None),
    };
    let mut changed = false;
    let parts: Vec<Cow<'_, str>> = query
        .split('&')
        .map(|pair| {
            let key = pair.split_once('=').map_or(pair, |(k, _)| k);
            let decoded: String = form_urlencoded::parse(key.as_bytes())
                .next()
                .map(|(k, _)| k.into_owned())
                .unwrap_or_default();
            if SECRET_PARAMS
                .iter()
                .any(|s| s.eq_ignore_ascii_case(&decoded))
            {
                changed = true;
                Cow::Owned(format!("{key}=[redacted]"))
            } else {
                Cow::Borrowed(pair)
            }
        })
        .collect();
    if !changed {
        return Cow::Borrowed(url);
    }
    let mut out = format!("{head}?{}", parts.join("&"));
    if let Some(f) = fragment {
        out.push('#');
        out.push_str(f);
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_tokens_and_keeps_the_rest() {
        assert_eq!(
            redact_url("/macro?pageId=1&jwt=eyJ.a.b&lic=active"),
            "/macro?pageId=1&jwt=[redacted]&lic=active"
        );
        assert_eq!(
            redact_url("https://h/x?JWT=a&%6Awt=b"),
            "https://h/x?JWT=[redacted]&%6Awt=[redacted]"
        );
        assert_eq!(
            redact_url("/cb?token=s3cret#frag"),
            "/cb?token=[redacted]#frag"
        );
        assert_eq!(redact_url("/plain?x=1"), "/plain?x=1");
        assert_eq!(redact_url("/plain"), "/plain");
    }
}
