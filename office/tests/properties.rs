//! Property tests of the office app's parsers of outside input: its own link tokens (what the
//! Document Server presents back), Document Server tokens, and the PDF-form test on a file's
//! first bytes. `PROPTEST_CASES` cases each (a couple of thousand by default; `cargo xtask
//! chaos` asks for 100,000).

use office::{
    ds_token,
    link_token::{LinkClaims, LinkError, Purpose},
    pdf_form::{self, HEAD_BYTES},
};
use proptest::prelude::*;
use serde_json::{Map, Value, json};

fn purpose() -> impl Strategy<Value = Purpose> {
    prop_oneof![
        Just(Purpose::File),
        Just(Purpose::Callback),
        Just(Purpose::Probe),
        Just(Purpose::Changes)
    ]
}

fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

proptest! {
    #![proptest_config(connect::store::testing::property_config())]

    #[test]
    fn a_link_token_verifies_to_exactly_what_was_signed_and_only_for_its_purpose(
        signed_for in purpose(),
        asked_for in purpose(),
        tenant in "\\PC{1,40}",
        account in "[0-9a-f:-]{1,40}",
        page in "[0-9]{1,12}",
        attachment in "att[0-9]{1,10}",
        version in 1i32..10_000,
        key in "[0-9A-Za-z._=-]{1,128}",
        secret in any::<[u8; 32]>(),
    ) {
        let claims = LinkClaims::new(signed_for, &tenant, &account, &page, &attachment, version, &key, now());
        let token = claims.sign(&secret).unwrap();
        match LinkClaims::verify(&token, &secret, asked_for) {
            Ok(verified) => {
                prop_assert_eq!(signed_for, asked_for);
                prop_assert_eq!(verified, claims);
            }
            Err(err) => {
                prop_assert_ne!(signed_for, asked_for);
                prop_assert_eq!(err, LinkError::WrongPurpose);
            }
        }
        let mut other = secret;
        other[31] ^= 0x80;
        prop_assert_eq!(LinkClaims::verify(&token, &other, signed_for), Err(LinkError::Invalid));
    }

    #[test]
    fn any_string_as_a_link_token_is_refused_without_panicking(token in "\\PC{0,400}", secret in any::<[u8; 32]>()) {
        prop_assert!(LinkClaims::verify(&token, &secret, Purpose::File).is_err());
    }

    #[test]
    fn document_server_tokens_carry_exactly_their_fields(
        fields in prop::collection::btree_map("[a-z]{1,8}", connect::store::testing::json_values(), 0..6),
        secret in "[ -~]{8,40}",
    ) {
        let fields: Map<String, Value> = fields
            .into_iter()
            // Registered claim names the JWT library reads itself (a malformed `nbf` is refused
            // outright); the Document Server's fields never use them.
            .filter(|(k, _)| !["iat", "exp", "nbf", "aud", "iss", "sub", "token"].contains(&k.as_str()))
            .collect();
        let body = Value::Object(fields.clone());
        let token = ds_token::sign(&body, &secret, now()).unwrap();
        let mut claims = ds_token::verify(&token, &secret).unwrap();
        prop_assert!(claims.remove("iat").is_some());
        prop_assert!(claims.remove("exp").is_some());
        prop_assert_eq!(&claims, &fields);
        // In the header form, with or without `Bearer`, the same fields come back.
        let header = ds_token::sign_header(&body, &secret, now()).unwrap();
        let from_header = ds_token::verified_fields(&json!({}), Some(&format!("Bearer {header}")), &secret).unwrap();
        prop_assert_eq!(&from_header, &body);
        let wrong = format!("{secret}x");
        prop_assert!(ds_token::verify(&token, &wrong).is_err());
    }

    #[test]
    fn any_callback_body_and_header_are_verified_or_refused_without_panicking(
        body in connect::store::testing::json_values(),
        header in proptest::option::of("\\PC{0,200}"),
    ) {
        prop_assert!(ds_token::verified_fields(&body, header.as_deref(), "the-document-server-secret").is_err());
    }

    #[test]
    fn the_pdf_form_test_reads_only_the_head_and_never_panics(
        head in prop::collection::vec(any::<u8>(), 0..400),
        tail in prop::collection::vec(any::<u8>(), 0..64),
    ) {
        let verdict = pdf_form::is_form(&head);
        // Whatever follows the first bytes does not change the answer.
        let mut longer = head[..head.len().min(HEAD_BYTES)].to_vec();
        if head.len() >= HEAD_BYTES {
            longer.extend(&tail);
            prop_assert_eq!(pdf_form::is_form(&longer), verdict);
        }
    }

    #[test]
    fn a_form_head_is_a_form_wherever_its_entry_sits_before_the_stream(
        before in "[A-Za-z /0-9\\[\\]\n]{0,60}",
        after in "[A-Za-z /0-9\\[\\]\n]{0,60}",
    ) {
        prop_assume!(!before.contains("stream") && !after.contains("stream"));
        let head = format!("%PDF-2.0\r%\u{cd}\u{ca}\u{d2}\u{a9}\r1 0 obj\n<<\n{before}/ONLYOFFICEFORM [0 1]\n{after}>>\nstream\r\nPK");
        // The marker is bytes, not UTF-8: write them as Latin-1.
        let bytes: Vec<u8> = head.chars().map(|c| c as u32 as u8).collect();
        prop_assert!(bytes.len() <= HEAD_BYTES);
        prop_assert!(pdf_form::is_form(&bytes));
        // The same entry after the stream begins is not a form's.
        let late = format!("%PDF-2.0\r%\u{cd}\u{ca}\u{d2}\u{a9}\r1 0 obj\n<<\n{before}>>\nstream\r\n{after}/ONLYOFFICEFORM");
        let late: Vec<u8> = late.chars().map(|c| c as u32 as u8).collect();
        prop_assert!(!pdf_form::is_form(&late));
    }
}
