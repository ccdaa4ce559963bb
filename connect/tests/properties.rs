//! Property tests of the framework's parsers of outside input: the QSH's canonical request, JWT
//! peek and verify, log redaction, and descriptors. Each runs `PROPTEST_CASES` cases (a couple of thousand
//! by default; `cargo xtask chaos` asks for 100,000): no input panics, and the invariants that
//! matter hold for every generated input.

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use connect::{
    descriptor::{Descriptor, Webhook},
    jwt::{self, Alg, Claims, JwtError, Key, QshRule},
    qsh::{self, KeyOrder},
    redact::{SECRET_PARAMS, redact_url},
};
use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};
use proptest::prelude::*;

fn encode(s: &str) -> String {
    utf8_percent_encode(s, NON_ALPHANUMERIC).to_string()
}

/// Query parameters as a browser or Confluence sends them: any text, percent-encoded.
fn params() -> impl Strategy<Value = Vec<(String, String)>> {
    prop::collection::vec(("\\PC{0,6}", "\\PC{0,8}"), 0..8)
}

fn query(pairs: &[(String, String)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

proptest! {
    #![proptest_config(connect::store::testing::property_config())]

    #[test]
    fn the_canonical_request_is_stable_under_parameter_reordering(
        (pairs, shuffled) in params().prop_flat_map(|p| (Just(p.clone()), Just(p).prop_shuffle())),
        jwt_at in 0usize..8,
        method in "(GET|POST|get|Put|DELETE)",
        path in "(/[a-zA-Z0-9%._~-]{0,8}){0,4}",
    ) {
        let mut with_jwt = shuffled.clone();
        // The token's own parameter is never part of what it signs.
        with_jwt.insert(jwt_at.min(with_jwt.len()), ("jwt".into(), "a.b.c".into()));
        for order in [KeyOrder::Java, KeyOrder::Js] {
            let one = qsh::canonical_request(&method, &path, Some(&query(&pairs)), "", order);
            let other = qsh::canonical_request(&method, &path, Some(&query(&shuffled)), "", order);
            let signed = qsh::canonical_request(&method, &path, Some(&query(&with_jwt)), "", order);
            prop_assert_eq!(&one, &other);
            prop_assert_eq!(&one, &signed);
            prop_assert!(one.starts_with(&method.to_ascii_uppercase()));
        }
    }

    #[test]
    fn any_request_line_has_a_canonical_form_and_a_hash(
        method in "\\PC{0,8}",
        path in "\\PC{0,40}",
        raw_query in proptest::option::of("\\PC{0,60}"),
        base in "\\PC{0,10}",
    ) {
        for order in [KeyOrder::Java, KeyOrder::Js] {
            let canonical = qsh::canonical_request(&method, &path, raw_query.as_deref(), &base, order);
            let hash = qsh::hash(&canonical);
            prop_assert_eq!(hash.len(), 64);
            prop_assert!(hash.bytes().all(|b| b.is_ascii_hexdigit()));
        }
    }

    #[test]
    fn a_redacted_url_never_holds_the_token(
        path in "(/[a-z0-9]{0,8}){0,4}",
        before in prop::collection::vec(("[a-z]{1,6}", "[a-z0-9%]{0,8}"), 0..4),
        after in prop::collection::vec(("[a-z]{1,6}", "[a-z0-9%]{0,8}"), 0..4),
        which in 0usize..SECRET_PARAMS.len(),
        upper in any::<bool>(),
        token in "[A-Z]{12,40}",
        absolute in any::<bool>(),
        fragment in proptest::option::of("[a-z]{0,6}"),
    ) {
        let name = if upper { SECRET_PARAMS[which].to_ascii_uppercase() } else { SECRET_PARAMS[which].to_owned() };
        let mut pairs: Vec<String> = before.iter().map(|(k, v)| format!("{k}={v}")).collect();
        pairs.push(format!("{name}={token}"));
        pairs.extend(after.iter().map(|(k, v)| format!("{k}={v}")));
        let origin = if absolute { "https://tenant.example.net" } else { "" };
        let mut url = format!("{origin}{path}?{}", pairs.join("&"));
        if let Some(f) = &fragment {
            url.push('#');
            url.push_str(f);
        }
        let redacted = redact_url(&url);
        prop_assert!(!redacted.contains(&token), "{} kept the token", redacted);
        prop_assert!(redacted.contains("[redacted]"));
        // Everything that is not a credential is kept as it was sent.
        for (k, v) in before.iter().chain(&after) {
            let kept = format!("{k}={v}");
            if !SECRET_PARAMS.iter().any(|s| s.eq_ignore_ascii_case(k)) {
                prop_assert!(redacted.contains(&kept), "{} lost {}", redacted, kept);
            }
        }
    }

    #[test]
    fn a_url_without_credentials_is_left_alone(url in "[a-z:/.?=&#%0-9]{0,60}") {
        let has_secret = url.split(['?', '&', '#']).any(|p| {
            let key = p.split('=').next().unwrap_or_default();
            SECRET_PARAMS.iter().any(|s| s.eq_ignore_ascii_case(key))
        });
        prop_assume!(!has_secret);
        let redacted = redact_url(&url);
        prop_assert_eq!(redacted.as_ref(), url.as_str());
    }

    #[test]
    fn peeking_at_any_string_returns_or_refuses_without_panicking(token in "\\PC{0,300}") {
        let _ = jwt::peek(&token);
        let _ = jwt::lifecycle_key_id(&token);
    }

    #[test]
    fn peeking_at_any_three_parts_returns_or_refuses_without_panicking(
        header in prop::collection::vec(any::<u8>(), 0..80),
        payload in prop::collection::vec(any::<u8>(), 0..200),
        signature in prop::collection::vec(any::<u8>(), 0..40),
    ) {
        let token = [header, payload, signature].map(|p| URL_SAFE_NO_PAD.encode(p)).join(".");
        let _ = jwt::peek(&token);
        let verified = jwt::verify(&token, Alg::Hs256, Key::Secret(b"secret"), QshRule::Unchecked, 1_000);
        prop_assert!(verified.is_err(), "random bytes verified");
    }

    #[test]
    fn a_verified_tokens_claims_are_exactly_the_signed_ones(
        iss in "\\PC{1,30}",
        sub in proptest::option::of("\\PC{1,30}"),
        lifetime in 1i64..=180,
        age in 0i64..=60,
        extra in prop::collection::btree_map("[a-z]{1,8}", "\\PC{0,20}", 0..4),
        secret in prop::collection::vec(any::<u8>(), 16..64),
        qsh_value in "[0-9a-f]{64}",
    ) {
        let now = 1_800_000_000;
        let mut claims = Claims {
            iss: Some(iss),
            sub,
            iat: Some(now - age),
            exp: Some(now - age + lifetime + 60),
            qsh: Some(qsh_value),
            ..Claims::default()
        };
        for (k, v) in extra {
            if !["iss", "sub", "aud", "iat", "exp", "qsh", "context"].contains(&k.as_str()) {
                claims.extra.insert(k, v.into());
            }
        }
        let token = jwt::sign_hs256(&claims, &secret).unwrap();
        let verified = jwt::verify(&token, Alg::Hs256, Key::Secret(&secret), QshRule::Unchecked, now).unwrap();
        prop_assert_eq!(&verified, &claims);
        // Another secret, or one changed character anywhere, and it is refused.
        let mut other = secret.clone();
        other[0] ^= 1;
        prop_assert!(jwt::verify(&token, Alg::Hs256, Key::Secret(&other), QshRule::Unchecked, now).is_err());
    }

    #[test]
    fn a_token_changed_anywhere_is_refused(
        at in any::<prop::sample::Index>(),
        shift in 1usize..64,
        iss in "[a-z0-9-]{1,20}",
    ) {
        const BASE64URL: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        let now = 1_800_000_000;
        let claims = Claims { iss: Some(iss), iat: Some(now), exp: Some(now + 120), qsh: Some("context-qsh".into()), ..Claims::default() };
        let token = jwt::sign_hs256(&claims, b"the-shared-secret").unwrap();
        let positions: Vec<usize> = token.char_indices().filter(|(_, c)| *c != '.').map(|(i, _)| i).collect();
        let i = positions[at.index(positions.len())];
        // Another base64url character than the one there.
        let here = BASE64URL.iter().position(|&b| b == token.as_bytes()[i]).unwrap();
        let replacement = char::from(BASE64URL[(here + shift) % 64]).to_string();
        let mut changed = token.clone();
        changed.replace_range(i..i + 1, &replacement);
        let outcome = jwt::verify(&changed, Alg::Hs256, Key::Secret(b"the-shared-secret"), QshRule::Context, now);
        // base64url's last character can carry unused bits: the same bytes are the same token.
        if let Ok(verified) = &outcome {
            prop_assert_eq!(verified, &claims);
        } else {
            prop_assert!(matches!(
                outcome,
                Err(JwtError::BadSignature | JwtError::Malformed(_) | JwtError::AlgorithmNotAllowed { .. })
            ), "{:?}", outcome);
        }
    }

    #[test]
    fn a_descriptor_with_any_field_changed_parses_to_what_it_says_or_is_refused(
        changes in prop::collection::vec((
            prop::sample::select(vec![
                "key", "name", "description", "vendor", "baseUrl", "authentication",
                "lifecycle", "apiMigrations", "scopes", "enableLicensing", "modules", "other",
            ]),
            proptest::option::of(connect::store::testing::json_values()),
        ), 0..4),
        in_modules in proptest::option::of((
            prop::sample::select(vec!["webhooks", "generalPages", "configurePage", "dynamicContentMacros", "webItems", "dialogs"]),
            connect::store::testing::json_values(),
        )),
    ) {
        let mut descriptor = Descriptor::new("io.example.app", "Example", "https://app.example.com");
        descriptor.modules.webhooks.push(Webhook { event: "page_created".into(), url: "/webhooks/page".into(), exclude_body: None });
        let mut json = serde_json::to_value(&descriptor).unwrap();
        for (name, value) in changes {
            match value {
                Some(value) => json[name] = value,
                None => { json.as_object_mut().unwrap().remove(name); }
            }
        }
        if let (Some((module, value)), Some(modules)) = (in_modules, json.get_mut("modules").and_then(|m| m.as_object_mut())) {
            modules.insert(module.to_owned(), value);
        }
        if let Ok(parsed) = serde_json::from_value::<Descriptor>(json) {
            // What parses is exactly what it says: written out and read again, the same.
            let again: Descriptor = serde_json::from_value(serde_json::to_value(&parsed).unwrap()).unwrap();
            prop_assert_eq!(&again, &parsed);
            // And the checks answer (either way) without panicking.
            let _ = parsed.check(true, |_| true);
            let _ = parsed.relative_urls();
        }
    }
}
