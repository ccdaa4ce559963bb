//! Every vector in `tests/vectors/qsh.json` (generated with Atlassian's atlassian-jwt).

use connect::qsh::{KeyOrder, canonical_request_for_url, hash, split_url};
use serde_json::Value;

fn vectors() -> Vec<Value> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/vectors/qsh.json");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    let doc: Value = serde_json::from_str(&text).expect("qsh.json is JSON");
    let vectors = doc["vectors"].as_array().expect("vectors array").clone();
    assert_eq!(
        vectors.len() as u64,
        doc["count"].as_u64().unwrap(),
        "count field"
    );
    assert!(vectors.len() >= 60, "suspiciously few vectors");
    vectors
}

fn s<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key]
        .as_str()
        .unwrap_or_else(|| panic!("{} lacks {key}", v["name"]))
}

#[test]
fn java_canonical_form_matches_every_vector() {
    for v in vectors() {
        let name = s(&v, "name");
        let canonical = canonical_request_for_url(
            s(&v, "method"),
            s(&v, "url"),
            s(&v, "baseUrl"),
            KeyOrder::Java,
        )
        .unwrap();
        let (want_canonical, want_qsh) = if v["divergent"] == true {
            (s(&v, "java_canonical"), s(&v, "java_qsh"))
        } else {
            (s(&v, "canonical"), s(&v, "qsh"))
        };
        assert_eq!(canonical, want_canonical, "vector {name}");
        assert_eq!(hash(&canonical), want_qsh, "vector {name}");
    }
}

#[test]
fn js_canonical_form_matches_every_vector() {
    for v in vectors() {
        let name = s(&v, "name");
        let canonical = canonical_request_for_url(
            s(&v, "method"),
            s(&v, "url"),
            s(&v, "baseUrl"),
            KeyOrder::Js,
        )
        .unwrap();
        assert_eq!(canonical, s(&v, "canonical"), "vector {name}");
        assert_eq!(hash(&canonical), s(&v, "qsh"), "vector {name}");
    }
}

#[test]
fn inbound_verification_accepts_both_forms_of_divergent_vectors() {
    let mut divergent = 0;
    for v in vectors() {
        let (path, query) = split_url(s(&v, "url")).unwrap();
        let (base, _) = split_url(s(&v, "baseUrl")).unwrap();
        assert!(
            connect::qsh::matches(s(&v, "qsh"), s(&v, "method"), path, query, base),
            "{}",
            v["name"]
        );
        if v["divergent"] == true {
            divergent += 1;
            assert!(connect::qsh::matches(
                s(&v, "java_qsh"),
                s(&v, "method"),
                path,
                query,
                base
            ));
        }
    }
    assert_eq!(divergent, 3);
}
