//! `GET /words/{name}`: a language's words for the browser (see [`super::catalogue`]). The
//! name changes with the content, so a browser keeps the file for a year without asking again.

use axum::{
    extract::Path,
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};

use super::{Lang, catalogue};

const IMMUTABLE: &str = "public, max-age=31536000, immutable";

pub async fn serve(Path(name): Path<String>, request: HeaderMap) -> Response {
    let Some(file) = Lang::ALL
        .into_iter()
        .filter_map(catalogue::browser_file)
        .find(|file| file.name == name)
    else {
        // An old name after an upgrade, or a made-up one: nothing to send, nothing kept.
        return (
            StatusCode::NOT_FOUND,
            [(header::CACHE_CONTROL, "no-store")],
            "No such words file.\n",
        )
            .into_response();
    };
    let etag = format!("\"{}\"", file.name);
    let mut headers = HeaderMap::new();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(IMMUTABLE));
    headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    if let Ok(value) = HeaderValue::from_str(&etag) {
        headers.insert(header::ETAG, value);
    }
    let revalidating = request
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|tags| {
            tags.split(',')
                .any(|tag| tag.trim() == etag || tag.trim() == "*")
        });
    if revalidating {
        return (StatusCode::NOT_MODIFIED, headers).into_response();
    }
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/javascript; charset=utf-8"),
    );
    let gzip = request
        .get(header::ACCEPT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .is_some_and(accepts_gzip);
    if gzip {
        headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
        (headers, file.gzip.clone()).into_response()
    } else {
        (headers, file.body.clone()).into_response()
    }
}

/// Whether an `Accept-Encoding` takes gzip (named, or `*`, without `q=0`).
fn accepts_gzip(accept: &str) -> bool {
    accept.split(',').any(|item| {
        let mut fields = item.split(';');
        let coding = fields.next().unwrap_or_default().trim();
        let refused = fields.any(|f| {
            f.trim()
                .strip_prefix("q=")
                .and_then(|q| q.trim().parse::<f32>().ok())
                .is_some_and(|q| q <= 0.0)
        });
        (coding.eq_ignore_ascii_case("gzip") || coding == "*") && !refused
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn get(name: &str, headers: &[(header::HeaderName, &str)]) -> Response {
        let mut request = HeaderMap::new();
        for (name, value) in headers {
            request.insert(name.clone(), HeaderValue::from_str(value).unwrap());
        }
        serve(Path(name.to_owned()), request).await
    }

    #[tokio::test]
    async fn a_words_file_is_kept_for_a_year_sent_compressed_when_asked_and_revalidated() {
        let file = catalogue::browser_file(Lang::Ru).unwrap();
        let plain = get(&file.name, &[]).await;
        assert_eq!(plain.status(), StatusCode::OK);
        assert_eq!(plain.headers()[header::CACHE_CONTROL], IMMUTABLE);
        assert!(plain.headers().get(header::CONTENT_ENCODING).is_none());
        let etag = plain.headers()[header::ETAG].to_str().unwrap().to_owned();
        let zipped = get(&file.name, &[(header::ACCEPT_ENCODING, "br, gzip;q=0.8")]).await;
        assert_eq!(zipped.headers()[header::CONTENT_ENCODING], "gzip");
        let refused = get(&file.name, &[(header::ACCEPT_ENCODING, "gzip;q=0, br")]).await;
        assert!(refused.headers().get(header::CONTENT_ENCODING).is_none());
        let again = get(&file.name, &[(header::IF_NONE_MATCH, &etag)]).await;
        assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
        let other = get(&file.name, &[(header::IF_NONE_MATCH, "\"de-0\"")]).await;
        assert_eq!(other.status(), StatusCode::OK);
        for made_up in ["ru-0000000000000000.js", "en.js", "../Cargo.toml", ""] {
            assert_eq!(
                get(made_up, &[]).await.status(),
                StatusCode::NOT_FOUND,
                "{made_up}"
            );
        }
    }
}
