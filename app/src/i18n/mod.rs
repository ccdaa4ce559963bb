//! Confluo's words in the language of the person reading them: English, German, Spanish, French,
//! Italian, Russian, Simplified Chinese or Japanese (the languages ONLYOFFICE's Confluence apps
//! speak).
//!
//! The language is the one of the person's Confluence profile ([`profile`]), else the
//! browser's (`Accept-Language`): the server renders a screen in it and marks the page with it
//! (`<html lang>`), the browser keeps it when it hydrates, and server functions answer in it
//! because the page sends it as their `Accept-Language`. The texts themselves, the language type
//! and its plural rules are the `words` crate's; this module gives them to screens.

#[cfg(feature = "ssr")]
pub mod profile;
#[cfg(feature = "ssr")]
pub mod words_file;

use leptos::prelude::*;
pub use words::{Lang, catalogue, plural};

/// The words of a screen, in the page's language.
#[derive(Clone, Copy, Debug, Default)]
pub struct Tr(Lang);

impl Tr {
    pub fn new(lang: Lang) -> Self {
        Self(lang)
    }

    pub fn lang(self) -> Lang {
        self.0
    }

    /// `text` in the page's language.
    pub fn text(self, text: &'static str) -> &'static str {
        self.0.text(text)
    }

    /// `text` in the page's language with each `{name}` replaced by its value in `args`.
    pub fn fmt(self, text: &'static str, args: &[(&str, &str)]) -> String {
        self.0.fmt(text, args)
    }

    /// A text about `count` things in the page's language (see [`Lang::plural`]).
    pub fn plural(
        self,
        one: &'static str,
        other: &'static str,
        count: u64,
        args: &[(&str, &str)],
    ) -> String {
        self.0.plural(one, other, count, args)
    }
}

/// The words of the screen being rendered (English outside one).
pub fn use_tr() -> Tr {
    use_context::<Tr>().unwrap_or_default()
}

/// Sets the page's language for every screen below it: on the server from the request, in the
/// browser from what the server marked the page with.
pub fn provide_page_lang() -> Lang {
    let lang = page_lang();
    provide_context(Tr(lang));
    lang
}

#[cfg(feature = "ssr")]
fn page_lang() -> Lang {
    // The answer depends on the header: caches must keep one copy per language.
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.insert_header(
            axum::http::header::VARY,
            axum::http::HeaderValue::from_static("accept-language"),
        );
    }
    use_context::<axum::http::request::Parts>()
        .map(|parts| {
            parts
                .extensions
                .get::<profile::ProfileLang>()
                .map_or_else(|| request_lang(&parts.headers), |p| p.0)
        })
        .unwrap_or_default()
}

#[cfg(not(feature = "ssr"))]
fn page_lang() -> Lang {
    document()
        .document_element()
        .and_then(|root| root.get_attribute("lang"))
        .and_then(|tag| Lang::from_locale(&tag))
        .unwrap_or_default()
}

/// The language a request asks for in its `Accept-Language` header.
#[cfg(feature = "ssr")]
pub fn request_lang(headers: &axum::http::HeaderMap) -> Lang {
    headers
        .get(axum::http::header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .map(Lang::negotiate)
        .unwrap_or_default()
}

/// Where a page in `lang` loads its words from (`None`: English, whose texts are the keys).
pub fn words_script_url(lang: Lang) -> Option<String> {
    #[cfg(feature = "ssr")]
    {
        catalogue::browser_file(lang).map(|file| format!("{WORDS_PATH}/{}", file.name))
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = lang;
        None
    }
}

/// Where the browser's words scripts are served.
pub const WORDS_PATH: &str = "/words";

/// The language of the page or server function being answered.
#[cfg(feature = "ssr")]
pub fn current_lang() -> Lang {
    page_lang()
}

#[cfg(all(test, feature = "ssr"))]
mod tests;
