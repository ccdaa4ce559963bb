//! Calendar days as people write them in each language ("23. Dezember 2026").

use crate::Lang;

/// Month names in English, German, Spanish, French, Italian and Russian (Chinese and Japanese
/// number their months).
const MONTHS: [[&str; 12]; 6] = [
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ],
    [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
    [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    [
        "gennaio",
        "febbraio",
        "marzo",
        "aprile",
        "maggio",
        "giugno",
        "luglio",
        "agosto",
        "settembre",
        "ottobre",
        "novembre",
        "dicembre",
    ],
    // Russian names the month of a day in the genitive.
    [
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ],
];

impl Lang {
    /// A day given as `YYYY-MM-DD`, written out in this language; anything else as it is.
    pub fn date(self, iso: &str) -> String {
        let mut parts = iso.trim().splitn(3, '-');
        let mut number = || parts.next().and_then(|p| p.parse::<u32>().ok());
        let (Some(year), Some(month @ 1..=12), Some(day @ 1..=31)) = (number(), number(), number())
        else {
            return iso.to_owned();
        };
        let name = |index: usize| MONTHS[index][month as usize - 1];
        match self {
            Lang::En => format!("{day} {} {year}", name(0)),
            Lang::De => format!("{day}. {} {year}", name(1)),
            Lang::Es => format!("{day} de {} de {year}", name(2)),
            Lang::Fr if day == 1 => format!("1er {} {year}", name(3)),
            Lang::Fr => format!("{day} {} {year}", name(3)),
            Lang::It => format!("{day} {} {year}", name(4)),
            Lang::Ru => format!("{day} {} {year} г.", name(5)),
            Lang::Zh | Lang::Ja => format!("{year}年{month}月{day}日"),
        }
    }
}
