use std::{collections::HashSet, path::Path};

use super::catalogue;

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
        for (at, _) in source.match_indices(".plural(") {
            let rest = source[at + ".plural(".len()..].trim_start();
            let Some(one) = rest.strip_prefix('"') else {
                continue;
            };
            let singular = string_literal(one);
            // The plural is the next literal, after the singular's closing quote and a comma.
            let after = &one[one.find("\",").map_or(0, |i| i + 2)..];
            let Some(other) = after.trim_start().strip_prefix('"') else {
                continue;
            };
            found.push((
                format!("{singular}\u{0}{}", string_literal(other)),
                path.display().to_string(),
            ));
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
fn every_text_the_screens_look_up_is_in_the_template_and_every_text_is_used() {
    let mut found = Vec::new();
    // The screens and the office domain, whose errors are worded there.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for dir in [root.join("src"), root.join("../office/src")] {
        looked_up(&dir, &mut found);
    }
    assert!(found.len() > 100, "only {} lookups found", found.len());
    // A plural lookup is `singular NUL plural`.
    let known: HashSet<String> = catalogue::template()
        .unwrap()
        .into_iter()
        .map(|(one, other)| match other {
            Some(other) => format!("{one}\u{0}{other}"),
            None => one,
        })
        .collect();
    let missing: Vec<_> = found
        .iter()
        .filter(|(text, _)| !known.contains(text.as_str()))
        .collect();
    assert!(missing.is_empty(), "not in confluo.pot: {missing:#?}");
    let used: HashSet<&str> = found.iter().map(|(text, _)| text.as_str()).collect();
    let unused: Vec<_> = known
        .iter()
        .filter(|en| !used.contains(en.as_str()))
        .collect();
    assert!(unused.is_empty(), "never looked up: {unused:#?}");
}
