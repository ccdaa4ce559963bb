//! Which plural form a number takes in each language, as gettext numbers them.
//!
//! Each `.po` file states its rule in its `Plural-Forms` header, a C expression for translators'
//! tools. Confluo's eight languages use four such rules, written out here rather than read from
//! the header with an expression evaluator, which no small crate offers for both the server and
//! the browser; a test holds every file's header to the rule below.

use crate::Lang;

/// The `Plural-Forms` header the language's `.po` file carries.
pub fn rule(lang: Lang) -> &'static str {
    match lang {
        Lang::En | Lang::De | Lang::Es | Lang::It => "nplurals=2; plural=(n != 1);",
        Lang::Fr => "nplurals=2; plural=(n > 1);",
        Lang::Ru => {
            "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"
        }
        Lang::Zh | Lang::Ja => "nplurals=1; plural=0;",
    }
}

/// How many forms a plural text has in `lang`.
pub fn forms(lang: Lang) -> usize {
    match lang {
        Lang::Zh | Lang::Ja => 1,
        Lang::Ru => 3,
        _ => 2,
    }
}

/// The index of the form `n` takes in `lang` (`msgstr[i]`).
pub fn form(lang: Lang, n: u64) -> usize {
    match lang {
        Lang::En | Lang::De | Lang::Es | Lang::It => usize::from(n != 1),
        Lang::Fr => usize::from(n > 1),
        Lang::Ru => {
            let (tens, units) = (n % 100, n % 10);
            if units == 1 && tens != 11 {
                0
            } else if (2..=4).contains(&units) && !(10..20).contains(&tens) {
                1
            } else {
                2
            }
        }
        Lang::Zh | Lang::Ja => 0,
    }
}
