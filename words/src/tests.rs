use std::collections::{BTreeSet, HashSet};

use super::{Lang, catalogue, fill, plural};

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
fn every_file_translates_every_text_of_the_template_with_the_same_values_and_its_plural_rule() {
    let template = catalogue::template().unwrap();
    assert!(template.len() > 300, "{} texts", template.len());
    let mut files = 0;
    for (lang, source) in catalogue::files() {
        files += 1;
        let catalog = polib::po_file::parse_from_reader(source.as_bytes()).unwrap();
        let code = lang.tag().replace('-', "_");
        assert_eq!(catalog.metadata.language, code, "{lang:?}");
        let rules = &catalog.metadata.plural_rules;
        assert_eq!(
            format!(
                "nplurals={}; plural={};",
                rules.nplurals,
                rules.expr.trim_end_matches(';')
            ),
            plural::rule(lang),
            "{lang:?}: the Plural-Forms header is not the rule Confluo applies"
        );
        let mut seen = HashSet::new();
        for message in catalog.messages() {
            let en = message.msgid();
            assert!(seen.insert(en.to_owned()), "{lang:?}: {en:?} twice");
            let Some(plural_en) = template.get(en) else {
                panic!("{lang:?}: {en:?} is not in confluo.pot");
            };
            assert!(
                message.is_translated() && !message.is_fuzzy(),
                "{lang:?}: {en:?} is not translated"
            );
            let wanted = placeholders(en);
            match plural_en {
                Some(plural_en) => {
                    assert_eq!(
                        message.msgid_plural().ok(),
                        Some(plural_en.as_str()),
                        "{lang:?}: {en:?}"
                    );
                    assert_eq!(
                        placeholders(plural_en),
                        wanted,
                        "{en:?}: the English forms differ"
                    );
                    let forms = message.msgstr_plural().unwrap();
                    assert_eq!(
                        forms.len(),
                        plural::forms(lang),
                        "{lang:?}: forms of {en:?}"
                    );
                    for form in forms {
                        assert_eq!(
                            placeholders(form),
                            wanted,
                            "{lang:?}: {form:?} fills in other values"
                        );
                    }
                }
                None => {
                    let text = message.msgstr().unwrap();
                    assert!(!text.trim().is_empty(), "{lang:?}: {en:?} is empty");
                    assert_eq!(
                        placeholders(text),
                        wanted,
                        "{lang:?}: {text:?} fills in other values"
                    );
                }
            }
        }
        assert_eq!(
            seen.len(),
            template.len(),
            "{lang:?} lacks texts of the template"
        );
        assert!(catalogue::words(lang).is_some(), "{lang:?} did not load");
    }
    assert_eq!(files, Lang::ALL.len() - 1);
}

#[test]
fn numbers_take_each_languages_plural_form() {
    let forms = |lang: Lang| -> Vec<usize> {
        [0, 1, 2, 4, 5, 11, 12, 21, 22, 25, 101, 111, 1000]
            .iter()
            .map(|n| plural::form(lang, *n))
            .collect()
    };
    assert_eq!(forms(Lang::En), [1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    assert_eq!(forms(Lang::Fr), [0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    assert_eq!(forms(Lang::Ru), [2, 0, 1, 1, 2, 2, 2, 0, 1, 2, 0, 2, 2]);
    assert_eq!(forms(Lang::Ja), [0; 13]);
    let documents = |lang: Lang, n| lang.plural("{count} document.", "{count} documents.", n, &[]);
    assert_eq!(documents(Lang::En, 1), "1 document.");
    assert_eq!(documents(Lang::En, 0), "0 documents.");
    assert_eq!(documents(Lang::Fr, 0), "0 document.");
    assert_eq!(documents(Lang::Ru, 21), "21 документ.");
    assert_eq!(documents(Lang::Ru, 22), "22 документа.");
    assert_eq!(documents(Lang::Ru, 25), "25 документов.");
    assert_eq!(documents(Lang::Zh, 3), "3 个文档。");
    assert_eq!(
        Lang::De.plural(
            "{matching} of {count} document.",
            "{matching} of {count} documents.",
            7,
            &[("matching", "2")]
        ),
        "2 von 7 Dokumenten."
    );
    // A text no file has: English, by the English rule.
    assert_eq!(
        Lang::Ru.plural("{count} thing", "{count} things", 3, &[]),
        "3 things"
    );
}

#[test]
fn the_browser_gets_one_language_under_a_name_that_follows_its_content() {
    assert!(
        catalogue::browser_file(Lang::En).is_none(),
        "English needs no words file"
    );
    let german = catalogue::browser_file(Lang::De).unwrap();
    let body = std::str::from_utf8(&german.body).unwrap();
    assert!(body.starts_with("self.confluoWords={"), "{body:.40}");
    assert!(body.contains("Öffnen") && !body.contains("Ouvrir") && !body.contains("開く"));
    assert!(
        german.name.starts_with("de-") && german.name.ends_with(".js"),
        "{}",
        german.name
    );
    let french = catalogue::browser_file(Lang::Fr).unwrap();
    assert_ne!(
        german.name.split_once('-').unwrap().1,
        french.name.split_once('-').unwrap().1
    );
    let mut unzipped = String::new();
    std::io::Read::read_to_string(
        &mut flate2::read::GzDecoder::new(&german.gzip[..]),
        &mut unzipped,
    )
    .unwrap();
    assert_eq!(unzipped, body);
    // What the browser reads back is what the server translates with.
    let json = body
        .strip_prefix("self.confluoWords=")
        .unwrap()
        .trim_end()
        .trim_end_matches(';');
    let words: catalogue::Words = serde_json::from_str(json).unwrap();
    assert_eq!(words.text("Open"), Some("Öffnen"));
    assert_eq!(
        words.plural("{count} document.", 1),
        Some("{count} Dokumente.")
    );
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
