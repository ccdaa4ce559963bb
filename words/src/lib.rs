//! Confluo's words in the language of the person reading them: English, German, Spanish, French,
//! Italian, Russian, Simplified Chinese or Japanese (the languages ONLYOFFICE's Confluence apps
//! speak).
//!
//! The English text is the key of the [`catalogue`], so code reads as the English screen does,
//! and a text the catalogue lacks shows in English rather than not at all. Nothing here knows a
//! screen: the domain words its errors with [`Lang`] and the screens with the same catalogue.

pub mod catalogue;
mod date;
pub mod plural;

/// A language Confluo's screens are written in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    En,
    De,
    Es,
    Fr,
    It,
    Ru,
    Zh,
    Ja,
}

impl Lang {
    pub const ALL: [Lang; 8] = [
        Self::En,
        Self::De,
        Self::Es,
        Self::Fr,
        Self::It,
        Self::Ru,
        Self::Zh,
        Self::Ja,
    ];

    /// The language tag for `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::De => "de",
            Self::Es => "es",
            Self::Fr => "fr",
            Self::It => "it",
            Self::Ru => "ru",
            Self::Zh => "zh-CN",
            Self::Ja => "ja",
        }
    }

    /// The language of a locale as Confluence (`de_DE`) or a browser (`de-DE`, `de`) writes it;
    /// `None` for languages Confluo is not written in (Chinese only in its simplified script).
    pub fn from_locale(locale: &str) -> Option<Lang> {
        let lower = locale.trim().to_ascii_lowercase().replace('_', "-");
        let mut parts = lower.split('-');
        let lang = match parts.next()? {
            "en" => Self::En,
            "de" => Self::De,
            "es" => Self::Es,
            "fr" => Self::Fr,
            "it" => Self::It,
            "ru" => Self::Ru,
            "zh" => match parts.next() {
                None | Some("cn" | "sg" | "hans") => Self::Zh,
                Some(_) => return None,
            },
            "ja" => Self::Ja,
            _ => return None,
        };
        Some(lang)
    }

    /// The best language for an `Accept-Language` header: the most preferred one Confluo is
    /// written in, English when there is none.
    pub fn negotiate(accept_language: &str) -> Lang {
        let mut ranked: Vec<(u16, usize, Lang)> = accept_language
            .split(',')
            .enumerate()
            .filter_map(|(i, item)| {
                let mut fields = item.split(';');
                let lang = Lang::from_locale(fields.next()?)?;
                let quality = fields
                    .filter_map(|f| f.trim().strip_prefix("q="))
                    .find_map(|q| q.trim().parse::<f32>().ok())
                    .unwrap_or(1.0);
                // In thousandths, so ranking needs no float ordering.
                let quality = (quality.clamp(0.0, 1.0) * 1000.0).round() as u16;
                (quality > 0).then_some((quality, i, lang))
            })
            .collect();
        ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        ranked.first().map_or(Lang::En, |(_, _, lang)| *lang)
    }

    /// `text` (an English text of the catalogue) in this language.
    pub fn text(self, text: &'static str) -> &'static str {
        translate(self, text)
    }

    /// `text` in this language with each `{name}` replaced by its value in `args`.
    pub fn fmt(self, text: &'static str, args: &[(&str, &str)]) -> String {
        fill(translate(self, text), args)
    }

    /// The form of a text about `count` things this language uses for that number: `one` and
    /// `other` are the English singular and plural, `{count}` is filled in with `count` and
    /// each other `{name}` with its value in `args`.
    pub fn plural(
        self,
        one: &'static str,
        other: &'static str,
        count: u64,
        args: &[(&str, &str)],
    ) -> String {
        let text = catalogue::words(self)
            .and_then(|words| words.plural(one, plural::form(self, count)))
            .unwrap_or(match plural::form(Lang::En, count) {
                0 => one,
                _ => other,
            });
        let count = count.to_string();
        let mut all = vec![("count", count.as_str())];
        all.extend_from_slice(args);
        fill(text, &all)
    }
}

/// Looks `text` up; the text itself (English) when the catalogue lacks it.
fn translate(lang: Lang, text: &'static str) -> &'static str {
    catalogue::words(lang)
        .and_then(|words| words.text(text))
        .unwrap_or(text)
}

fn fill(text: &str, args: &[(&str, &str)]) -> String {
    let mut out = text.to_owned();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

#[cfg(all(test, feature = "server"))]
mod tests;
