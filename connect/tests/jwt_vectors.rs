//! Every token in `tests/vectors/jwt.json` (signed with Atlassian's atlassian-jwt):
//! valid ones are accepted and reproduced byte for byte, invalid ones refused for their reason.

use connect::{
    jwt::{self, Alg, BoundRequest, JwtError, Key, QshRule},
    qsh::split_url,
};
use serde_json::Value;

fn doc() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/vectors/jwt.json");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    serde_json::from_str(&text).expect("jwt.json is JSON")
}

fn s<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key]
        .as_str()
        .unwrap_or_else(|| panic!("{} lacks {key}", v["name"]))
}

/// (path, query, base path) of a vector's bound request.
fn bound(v: &Value) -> Option<(String, Option<String>, String)> {
    let b = v.get("bound_request")?;
    let (path, query) = split_url(s(b, "url")).unwrap();
    let (base, _) = split_url(s(b, "baseUrl")).unwrap();
    Some((path.to_owned(), query.map(str::to_owned), base.to_owned()))
}

fn rule<'a>(v: &'a Value, b: &'a Option<(String, Option<String>, String)>) -> QshRule<'a> {
    match (v["qsh_mode"].as_str(), b) {
        (Some("context-qsh"), _) => QshRule::Context,
        (Some("none"), _) | (None, None) => QshRule::Unchecked,
        (_, Some((path, query, base))) => QshRule::Request(BoundRequest {
            method: s(&v["bound_request"], "method"),
            raw_path: path,
            raw_query: query.as_deref(),
            base_path: base,
        }),
        (Some(other), None) => panic!("unknown qsh_mode {other}"),
    }
}

/// Verifies a vector the way the receiving route would.
fn verify_as_route(v: &Value) -> Result<jwt::Claims, JwtError> {
    let token = s(v, "token");
    let now = v["verify_at"].as_i64().unwrap();
    let b = bound(v);
    match s(v, "required_alg") {
        "RS256" => {
            let pem = v["public_key_pem"].as_str().unwrap_or_default();
            let (path, query, base) = b.as_ref().unwrap();
            let request = BoundRequest {
                method: s(&v["bound_request"], "method"),
                raw_path: path,
                raw_query: query.as_deref(),
                base_path: base,
            };
            if pem.is_empty() {
                // No key for an HS256 token: the route refuses it before fetching one.
                return jwt::lifecycle_key_id(token).map(|_| jwt::Claims::default());
            }
            jwt::verify_lifecycle_token(
                token,
                pem.as_bytes(),
                &[s(v, "expected_aud")],
                request,
                now,
            )
        }
        "HS256" => {
            let secret = s(v, "secret").as_bytes().to_vec();
            let r = rule(v, &b);
            jwt::verify_host_token(token, r, now, |_| Some(secret))
        }
        other => panic!("unknown alg {other}"),
    }
}

#[test]
fn every_valid_token_is_accepted_and_reproduced() {
    let doc = doc();
    let mut count = 0;
    for v in doc["vectors"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| v["valid"] == true)
    {
        let name = s(v, "name");
        let claims = verify_as_route(v).unwrap_or_else(|e| panic!("{name}: {e}"));
        let payload: Value = serde_json::from_str(s(v, "payload_json")).unwrap();
        assert_eq!(claims.iss.as_deref(), payload["iss"].as_str(), "{name}");
        if let Some(secret) = v["secret"].as_str() {
            let token =
                jwt::sign_raw_hs256(s(v, "header_json"), s(v, "payload_json"), secret.as_bytes())
                    .unwrap();
            assert_eq!(token, s(v, "token"), "{name}: re-signed token differs");
        }
        count += 1;
    }
    assert_eq!(count, 7);
}

#[test]
fn every_invalid_token_is_refused_for_its_reason() {
    let doc = doc();
    let mut count = 0;
    for v in doc["vectors"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| v["valid"] == false)
    {
        let name = s(v, "name");
        let expected = match name {
            "bad-signature-wrong-secret" | "tampered-payload" => JwtError::BadSignature,
            "alg-none" => JwtError::AlgorithmNotAllowed {
                found: "none".into(),
                expected: "HS256",
            },
            "alg-hs512-where-hs256-expected" => JwtError::AlgorithmNotAllowed {
                found: "HS512".into(),
                expected: "HS256",
            },
            // Normal route: the PEM text is not the tenant secret.
            "alg-confusion-hs256-with-public-key" => JwtError::BadSignature,
            "expired" => JwtError::Expired,
            "qsh-mismatch" => JwtError::QshMismatch,
            "context-token-on-qsh-route" => JwtError::ContextTokenNotAllowed,
            "missing-qsh" => JwtError::MissingClaim("qsh"),
            "missing-iss" => JwtError::MissingClaim("iss"),
            "signed-install-wrong-aud" => JwtError::WrongAudience,
            "signed-install-hs256" => JwtError::AlgorithmNotAllowed {
                found: "HS256".into(),
                expected: "RS256",
            },
            other => panic!("new invalid vector {other}: add its expected reason"),
        };
        assert_eq!(
            verify_as_route(v).map(|_| ()),
            Err(expected),
            "{name}: {}",
            s(v, "reject_reason")
        );
        count += 1;
    }
    assert_eq!(count, 12);
}

#[test]
fn alg_confusion_token_is_refused_on_the_lifecycle_route_too() {
    let doc = doc();
    let vectors = doc["vectors"].as_array().unwrap();
    let confused = vectors
        .iter()
        .find(|v| v["name"] == "alg-confusion-hs256-with-public-key")
        .unwrap();
    let install = vectors
        .iter()
        .find(|v| v["name"] == "signed-install-rs256")
        .unwrap();
    let pem = s(install, "public_key_pem");
    let err = jwt::verify(
        s(confused, "token"),
        Alg::Rs256,
        Key::RsaPem(pem.as_bytes()),
        QshRule::Unchecked,
        1_700_000_060,
    )
    .unwrap_err();
    assert!(matches!(err, JwtError::AlgorithmNotAllowed { .. }), "{err}");
}

#[test]
fn context_tokens_are_refused_where_request_binding_is_required_and_vice_versa() {
    let doc = doc();
    let vectors = doc["vectors"].as_array().unwrap();
    let context = vectors
        .iter()
        .find(|v| v["name"] == "context-token")
        .unwrap();
    let iframe = vectors
        .iter()
        .find(|v| v["name"] == "host-to-app-iframe")
        .unwrap();
    let secret = s(context, "secret").as_bytes().to_vec();
    let request = BoundRequest {
        method: "GET",
        raw_path: "/macro/render",
        raw_query: Some("pageId=98305"),
        base_path: "",
    };
    assert_eq!(
        jwt::verify_host_token(
            s(context, "token"),
            QshRule::Request(request),
            1_700_000_060,
            |_| Some(secret.clone())
        ),
        Err(JwtError::ContextTokenNotAllowed)
    );
    assert_eq!(
        jwt::verify_host_token(s(iframe, "token"), QshRule::Context, 1_700_000_060, |_| {
            Some(secret.clone())
        })
        .map(|_| ()),
        Err(JwtError::ContextTokenRequired)
    );
}
