//! Every text of Confluo's screens in German, Spanish, French, Italian, Russian, Simplified
//! Chinese and Japanese: gettext `.po` files under `words/locales/` (one per language, made from
//! `confluo.pot`), whose message ids are the English texts the code looks up.
//!
//! The server holds every language, read from the files built into it. The browser holds only
//! the page's: the server sends it as a small script of its own (`/words/de-….js`, cached for a
//! year under a name that changes with its content), loaded before the page hydrates, so the
//! WebAssembly bundle carries no translations at all.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::Lang;

/// One language's translations.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Words {
    lang: String,
    /// English text → the language's.
    texts: HashMap<String, String>,
    /// English singular → the language's forms, in the order of its plural rule.
    plurals: HashMap<String, Vec<String>>,
}

impl Words {
    /// The translation of the English `text`.
    pub fn text(&self, text: &str) -> Option<&str> {
        self.texts.get(text).map(String::as_str)
    }

    /// Form `form` of the plural text whose English singular is `one`.
    pub fn plural(&self, one: &str, form: usize) -> Option<&str> {
        self.plurals.get(one)?.get(form).map(String::as_str)
    }
}

/// The words of `lang` this build can reach: any language on the server; in the browser, the
/// page's language once its words script has run.
pub fn words(lang: Lang) -> Option<&'static Words> {
    imp::words(lang)
}

#[cfg(feature = "server")]
pub use imp::{BrowserFile, browser_file, files, parse, template};

#[cfg(feature = "server")]
mod imp {
    use std::{collections::HashMap, sync::LazyLock};

    use sha2::{Digest, Sha256};

    use super::{Lang, Words};

    /// Each translated language's `.po` file, as built into the server.
    pub fn files() -> [(Lang, &'static str); 7] {
        [
            (Lang::De, include_str!("../locales/de.po")),
            (Lang::Es, include_str!("../locales/es.po")),
            (Lang::Fr, include_str!("../locales/fr.po")),
            (Lang::It, include_str!("../locales/it.po")),
            (Lang::Ru, include_str!("../locales/ru.po")),
            (Lang::Zh, include_str!("../locales/zh_CN.po")),
            (Lang::Ja, include_str!("../locales/ja.po")),
        ]
    }

    /// Every text Confluo has (`confluo.pot`): English singular → English plural, if the text
    /// has one. What translators translate, and what code may look up.
    pub fn template() -> Result<HashMap<String, Option<String>>, polib::po_file::POParseError> {
        let pot =
            polib::po_file::parse_from_reader(include_str!("../locales/confluo.pot").as_bytes())?;
        Ok(pot
            .messages()
            .map(|m| {
                (
                    m.msgid().to_owned(),
                    m.msgid_plural().ok().map(str::to_owned),
                )
            })
            .collect())
    }

    /// A `.po` file's translated, non-fuzzy messages.
    pub fn parse(lang: Lang, source: &str) -> Result<Words, polib::po_file::POParseError> {
        let catalog = polib::po_file::parse_from_reader(source.as_bytes())?;
        let mut words = Words {
            lang: lang.tag().to_owned(),
            ..Words::default()
        };
        for message in catalog.messages() {
            if !message.is_translated() || message.is_fuzzy() {
                continue;
            }
            if let Ok(forms) = message.msgstr_plural() {
                words
                    .plurals
                    .insert(message.msgid().to_owned(), forms.clone());
            } else if let Ok(text) = message.msgstr() {
                words
                    .texts
                    .insert(message.msgid().to_owned(), text.to_owned());
            }
        }
        Ok(words)
    }

    static ALL: LazyLock<HashMap<Lang, Words>> = LazyLock::new(|| {
        files()
            .into_iter()
            .filter_map(|(lang, source)| match parse(lang, source) {
                Ok(words) => Some((lang, words)),
                Err(err) => {
                    // The files are part of the build and tested; English stands in.
                    tracing::error!(lang = lang.tag(), error = %err, "translations unreadable");
                    None
                }
            })
            .collect()
    });

    pub fn words(lang: Lang) -> Option<&'static Words> {
        ALL.get(&lang)
    }

    /// The browser's copy of one language's words.
    pub struct BrowserFile {
        /// `de-0123456789abcdef.js`: changes whenever the words do.
        pub name: String,
        pub body: Vec<u8>,
        /// The same, gzip-compressed.
        pub gzip: Vec<u8>,
    }

    static BROWSER_FILES: LazyLock<HashMap<Lang, BrowserFile>> = LazyLock::new(|| {
        ALL.iter()
            .filter_map(|(lang, words)| {
                let json = serde_json::to_string(words).ok()?;
                let body = format!("self.confluoWords={json};\n").into_bytes();
                let hash = hex::encode(&Sha256::digest(&body)[..8]);
                let gzip = gzip(&body)?;
                Some((
                    *lang,
                    BrowserFile {
                        name: format!("{}-{hash}.js", lang.tag()),
                        body,
                        gzip,
                    },
                ))
            })
            .collect()
    });

    fn gzip(body: &[u8]) -> Option<Vec<u8>> {
        use std::io::Write;
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        encoder.write_all(body).ok()?;
        encoder.finish().ok()
    }

    /// The words script for a page in `lang` (`None` for English, whose texts are the keys).
    pub fn browser_file(lang: Lang) -> Option<&'static BrowserFile> {
        BROWSER_FILES.get(&lang)
    }
}

#[cfg(all(not(feature = "server"), feature = "browser"))]
mod imp {
    use std::sync::OnceLock;

    use super::{Lang, Words};

    /// What the page's words script left in `self.confluoWords`, read once.
    static PAGE: OnceLock<Option<Words>> = OnceLock::new();

    pub fn words(lang: Lang) -> Option<&'static Words> {
        PAGE.get_or_init(|| {
            let window = web_sys::window()?;
            let value = js_sys::Reflect::get(&window, &"confluoWords".into()).ok()?;
            let json = js_sys::JSON::stringify(&value).ok()?.as_string()?;
            serde_json::from_str(&json).ok()
        })
        .as_ref()
        .filter(|words| words.lang == lang.tag())
    }
}

#[cfg(all(not(feature = "server"), not(feature = "browser")))]
mod imp {
    use super::{Lang, Words};

    pub fn words(_lang: Lang) -> Option<&'static Words> {
        None
    }
}
