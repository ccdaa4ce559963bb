use std::{
    collections::{BTreeSet, HashSet},
    path::Path,
};

use super::{Lang, catalogue::ENTRIES, fill};

#[test]
fn browsers_languages_are_negotiated_by_preference() {
    assert_eq!(Lang::negotiate("de-DE,de;q=0.9,en;q=0.8"), Lang::De);
    assert_eq!(Lang::negotiate("pt,fr-CA;q=0.7,en;q=0.3"), Lang::Fr);
    assert_eq!(Lang::negotiate("ja-JP,ja;q=0.9,en;q=0.8"), Lang::Ja);
    // Quality, not order, decides.
    assert_eq!(Lang::negotiate("en;q=0.5, ru;q=0.9"), Lang::Ru);
    assert_eq!(Lang::negotiate("zh-CN,zh;q=0.9"), Lang::Zh);
    // Traditional Chinese is not offered; q=0 means "not this one".
    assert_eq!(Lang::negotiate("zh-TW, es;q=0"), Lang::En);
    assert_eq!(Lang::negotiate(""), Lang::En);
    assert_eq!(Lang::negotiate("*"), Lang::En);
    assert_eq!(Lang::negotiate("it;q=abc"), Lang::It);
}

#[test]
fn locales_name_their_language() {
    assert_eq!(Lang::from_locale("de_DE"), Some(Lang::De));
    assert_eq!(Lang::from_locale("es-419"), Some(Lang::Es));
    assert_eq!(Lang::from_locale("zh_CN"), Some(Lang::Zh));
    assert_eq!(Lang::from_locale("zh-Hans"), Some(Lang::Zh));
    assert_eq!(Lang::from_locale("zh-TW"), None);
    assert_eq!(Lang::from_locale("pt-BR"), None);
    for lang in Lang::ALL {
        assert_eq!(Lang::from_locale(lang.tag()), Some(lang), "{lang:?}");
    }
}

#[test]
fn texts_are_translated_with_their_values_filled_in() {
    assert_eq!(Lang::De.text("Open"), "Öffnen");
    assert_eq!(Lang::En.text("Open"), "Open");
    assert_eq!(
        Lang::Fr.fmt("Page {page} of {pages}", &[("page", "2"), ("pages", "5")]),
        "Page 2 sur 5"
    );
    // Unknown texts show as they are.
    assert_eq!(
        Lang::Ru.text("Not in the catalogue"),
        "Not in the catalogue"
    );
    assert_eq!(fill("{a} and {a}", &[("a", "x")]), "x and x");
}

/// The `{name}` placeholders of a text.
fn placeholders(text: &str) -> BTreeSet<&str> {
    text.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .collect()
}

#[test]
fn every_entry_is_translated_into_every_language_with_the_same_values() {
    let mut seen = HashSet::new();
    for entry in ENTRIES {
        assert!(
            seen.insert(entry.en),
            "{:?} is in the catalogue twice",
            entry.en
        );
        let wanted = placeholders(entry.en);
        for lang in Lang::ALL {
            let text = entry.get(lang);
            assert!(
                !text.trim().is_empty(),
                "{:?} has no {lang:?} text",
                entry.en
            );
            assert_eq!(
                placeholders(text),
                wanted,
                "{lang:?} text of {:?} fills in other values",
                entry.en
            );
        }
    }
}

/// The English texts the code looks up: the string literal passed to `text` or `fmt` of a `t`
/// ([`super::Tr`]), a `lang` or `current_lang()` ([`Lang`]) in every source file, and what the
/// server was doing when it failed (`into_server_error("…")`, `let doing = "…"`).
fn looked_up(dir: &Path, found: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            looked_up(&path, found);
            continue;
        }
        if path.extension().is_none_or(|e| e != "rs") || path.ends_with("i18n/tests.rs") {
            continue;
        }
        let source = std::fs::read_to_string(&path).unwrap();
        for call in [".text(", ".fmt("] {
            for (at, _) in source.match_indices(call) {
                // Only lookups: `t.text(`, `lang.fmt(` (rustfmt may break the line before the dot).
                let receiver = source[..at].trim_end();
                let named = ["t", "lang", "current_lang()"].iter().any(|name| {
                    receiver.strip_suffix(name).is_some_and(|before| {
                        !before.ends_with(|c: char| c.is_alphanumeric() || c == '_')
                    })
                });
                if !named {
                    continue;
                }
                let rest = source[at + call.len()..].trim_start();
                let Some(literal) = rest.strip_prefix('"') else {
                    continue;
                };
                found.push((string_literal(literal), path.display().to_string()));
            }
        }
        for call in ["into_server_error(\"", "let doing = \""] {
            for (at, _) in source.match_indices(call) {
                let literal = &source[at + call.len()..];
                found.push((string_literal(literal), path.display().to_string()));
            }
        }
    }
}

/// The text of a Rust string literal whose opening quote is already consumed.
fn string_literal(rest: &str) -> String {
    let mut out = String::new();
    let mut chars = rest.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => return out,
            '\\' => match chars.next() {
                Some('n') => out.push('\n'),
                Some('\n') => {
                    // A continued line: the next line's leading white space is dropped.
                    let tail: String = chars.clone().collect();
                    let trimmed = tail.trim_start();
                    chars = rest[rest.len() - trimmed.len()..].chars();
                }
                Some(other) => out.push(other),
                None => break,
            },
            c => out.push(c),
        }
    }
    panic!("unterminated string literal: {rest:.60}")
}

#[test]
fn every_text_the_screens_look_up_is_in_the_catalogue_and_every_entry_is_used() {
    let mut found = Vec::new();
    looked_up(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut found,
    );
    assert!(found.len() > 100, "only {} lookups found", found.len());
    let known: HashSet<&str> = ENTRIES.iter().map(|e| e.en).collect();
    let missing: Vec<_> = found
        .iter()
        .filter(|(text, _)| !known.contains(text.as_str()))
        .collect();
    assert!(missing.is_empty(), "not in the catalogue: {missing:#?}");
    let used: HashSet<&str> = found.iter().map(|(text, _)| text.as_str()).collect();
    let unused: Vec<_> = ENTRIES
        .iter()
        .map(|e| e.en)
        .filter(|en| !used.contains(en))
        .collect();
    assert!(unused.is_empty(), "never looked up: {unused:#?}");
}

#[test]
fn days_are_written_as_each_language_writes_them() {
    let written: Vec<String> = Lang::ALL.iter().map(|l| l.date("2026-12-23")).collect();
    assert_eq!(
        written,
        [
            "23 December 2026",
            "23. Dezember 2026",
            "23 de diciembre de 2026",
            "23 décembre 2026",
            "23 dicembre 2026",
            "23 декабря 2026 г.",
            "2026年12月23日",
            "2026年12月23日",
        ]
    );
    assert_eq!(Lang::Fr.date("2027-01-01"), "1er janvier 2027");
    assert_eq!(Lang::De.date("2027-03-09"), "9. März 2027");
    // Not a day: shown as it came.
    assert_eq!(Lang::De.date("soon"), "soon");
    assert_eq!(Lang::De.date("2027-13-01"), "2027-13-01");
}
