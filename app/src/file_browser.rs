//! The space's office documents as the file browser lists them: which attachments count,
//! searched, filtered by kind, sorted and cut into pages. Everything here runs on the list
//! already fetched (as the viewer), so typing in the search box asks Confluence nothing.

use crate::attachments::{Attachment, document_kind};

/// Rows per page.
pub const PAGE_SIZE: usize = 20;
/// Confluence's largest page of search results, and how many of them the browser reads.
pub const FETCH_LIMIT: usize = 200;
pub const MAX_FILES: usize = 1000;

/// The search for a space's attachments, newest first (the space key is checked by
/// [`valid_space_key`] before it gets here).
pub fn search_url(space_key: &str, start: usize) -> String {
    let cql = format!("type=attachment and space=\"{space_key}\" order by lastmodified desc");
    let query: String = form_urlencoded::Serializer::new(String::new())
        .append_pair("cql", &cql)
        .append_pair("start", &start.to_string())
        .append_pair("limit", &FETCH_LIMIT.to_string())
        .append_pair("expand", "version,container")
        .finish();
    format!("/rest/api/content/search?{query}")
}

/// Space keys are letters and digits; anything else never reaches a CQL string.
pub fn valid_space_key(key: &str) -> bool {
    !key.is_empty() && key.len() <= 255 && key.chars().all(|c| c.is_ascii_alphanumeric())
}

/// What the browser sorts by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortBy {
    /// Last changed first.
    #[default]
    Modified,
    Name,
    /// Largest first.
    Size,
    Page,
}

impl SortBy {
    pub const ALL: [SortBy; 4] = [SortBy::Modified, SortBy::Name, SortBy::Size, SortBy::Page];

    pub fn as_str(self) -> &'static str {
        match self {
            SortBy::Modified => "modified",
            SortBy::Name => "name",
            SortBy::Size => "size",
            SortBy::Page => "page",
        }
    }

    pub fn label(self, lang: crate::i18n::Lang) -> &'static str {
        match self {
            SortBy::Modified => lang.text("Last changed"),
            SortBy::Name => lang.text("Name"),
            SortBy::Size => lang.text("Size"),
            SortBy::Page => lang.text("Page"),
        }
    }

    pub fn parse(value: &str) -> Self {
        Self::ALL
            .into_iter()
            .find(|s| s.as_str() == value)
            .unwrap_or_default()
    }
}

/// The kinds to filter by (as [`document_kind`] names them).
pub const KINDS: [&str; 4] = ["Document", "Spreadsheet", "Presentation", "PDF"];

/// What the person asked to see.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Listing {
    /// Part of the file name, any case.
    pub search: String,
    /// One of [`KINDS`], or every kind.
    pub kind: Option<String>,
    pub sort: SortBy,
    /// From 0.
    pub page: usize,
}

/// One page of the matching documents, and how many match in all.
pub struct Shown<'a> {
    pub rows: Vec<&'a Attachment>,
    pub matching: usize,
    /// The page shown (the last one when the listing asked for a page past the end).
    pub page: usize,
    pub pages: usize,
}

/// The office documents among a space's attachments.
pub fn office_documents(all: Vec<Attachment>) -> Vec<Attachment> {
    all.into_iter()
        .filter(|a| document_kind(&a.title).is_some())
        .collect()
}

pub fn select<'a>(all: &'a [Attachment], listing: &Listing) -> Shown<'a> {
    let needle = listing.search.trim().to_lowercase();
    let mut rows: Vec<&Attachment> = all
        .iter()
        .filter(|a| needle.is_empty() || a.title.to_lowercase().contains(&needle))
        .filter(|a| {
            listing
                .kind
                .as_deref()
                .is_none_or(|kind| document_kind(&a.title) == Some(kind))
        })
        .collect();
    let page_title = |a: &Attachment| {
        a.container
            .as_ref()
            .map(|c| c.title.to_lowercase())
            .unwrap_or_default()
    };
    match listing.sort {
        // ISO 8601 times sort as text.
        SortBy::Modified => rows.sort_by(|a, b| b.version.when.cmp(&a.version.when)),
        SortBy::Name => rows.sort_by_key(|a| a.title.to_lowercase()),
        SortBy::Size => rows.sort_by_key(|a| std::cmp::Reverse(a.extensions.file_size)),
        SortBy::Page => rows.sort_by(|a, b| {
            page_title(a)
                .cmp(&page_title(b))
                .then_with(|| a.title.to_lowercase().cmp(&b.title.to_lowercase()))
        }),
    }
    let matching = rows.len();
    let pages = matching.div_ceil(PAGE_SIZE).max(1);
    let page = listing.page.min(pages - 1);
    let rows = rows
        .into_iter()
        .skip(page * PAGE_SIZE)
        .take(PAGE_SIZE)
        .collect();
    Shown {
        rows,
        matching,
        page,
        pages,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attachments::{Container, Extensions, Version};

    fn att(title: &str, page: &str, size: u64, when: &str) -> Attachment {
        Attachment {
            id: format!("att-{title}"),
            title: title.into(),
            extensions: Extensions {
                media_type: String::new(),
                file_size: size,
            },
            version: Version {
                number: 1,
                by: None,
                when: when.into(),
            },
            container: Some(Container {
                id: format!("p-{page}"),
                title: page.into(),
            }),
        }
    }

    fn titles(shown: &Shown<'_>) -> Vec<String> {
        shown.rows.iter().map(|a| a.title.clone()).collect()
    }

    fn sample() -> Vec<Attachment> {
        office_documents(vec![
            att("Budget.xlsx", "Finance", 300, "2026-11-02T10:00:00Z"),
            att("report.docx", "Quarterly", 100, "2026-11-03T10:00:00Z"),
            att("logo.png", "Brand", 50, "2026-11-04T10:00:00Z"),
            att("deck.pptx", "Brand", 900, "2026-11-01T10:00:00Z"),
            att("Annual report.pdf", "Finance", 200, "2026-10-01T10:00:00Z"),
        ])
    }

    #[test]
    fn only_office_documents_are_listed() {
        let all = sample();
        assert_eq!(all.len(), 4);
        assert!(all.iter().all(|a| a.title != "logo.png"));
    }

    #[test]
    fn search_kind_and_sort() {
        let all = sample();
        let newest = select(&all, &Listing::default());
        assert_eq!(
            titles(&newest),
            [
                "report.docx",
                "Budget.xlsx",
                "deck.pptx",
                "Annual report.pdf"
            ]
        );
        let found = select(
            &all,
            &Listing {
                search: " REPORT ".into(),
                ..Listing::default()
            },
        );
        assert_eq!(titles(&found), ["report.docx", "Annual report.pdf"]);
        let pdfs = select(
            &all,
            &Listing {
                kind: Some("PDF".into()),
                ..Listing::default()
            },
        );
        assert_eq!(titles(&pdfs), ["Annual report.pdf"]);
        let by = |sort| {
            titles(&select(
                &all,
                &Listing {
                    sort,
                    ..Listing::default()
                },
            ))
        };
        assert_eq!(
            by(SortBy::Name),
            [
                "Annual report.pdf",
                "Budget.xlsx",
                "deck.pptx",
                "report.docx"
            ]
        );
        assert_eq!(
            by(SortBy::Size),
            [
                "deck.pptx",
                "Budget.xlsx",
                "Annual report.pdf",
                "report.docx"
            ]
        );
        assert_eq!(
            by(SortBy::Page),
            [
                "deck.pptx",
                "Annual report.pdf",
                "Budget.xlsx",
                "report.docx"
            ]
        );
    }

    #[test]
    fn pages_of_twenty_and_never_past_the_end() {
        let all: Vec<Attachment> = (0..45)
            .map(|i| {
                att(
                    &format!("f{i:02}.docx"),
                    "P",
                    i,
                    &format!("2026-11-01T10:00:{i:02}Z"),
                )
            })
            .collect();
        let listing = |page| Listing {
            sort: SortBy::Name,
            page,
            ..Listing::default()
        };
        let first = select(&all, &listing(0));
        assert_eq!((first.matching, first.pages, first.rows.len()), (45, 3, 20));
        let last = select(&all, &listing(2));
        assert_eq!(
            titles(&last),
            ["f40.docx", "f41.docx", "f42.docx", "f43.docx", "f44.docx"]
        );
        assert_eq!(select(&all, &listing(9)).page, 2);
        let none = select(&[], &Listing::default());
        assert_eq!((none.matching, none.pages, none.rows.len()), (0, 1, 0));
    }

    #[test]
    fn space_keys_never_break_the_query() {
        assert!(valid_space_key("DEMO"));
        assert!(valid_space_key("ds2"));
        for bad in ["", "A\" or space=\"B", "A B", "ÄB"] {
            assert!(!valid_space_key(bad), "{bad}");
        }
        assert_eq!(
            search_url("DEMO", 200),
            "/rest/api/content/search?cql=type%3Dattachment+and+space%3D%22DEMO%22+order+by+lastmodified+desc&start=200&limit=200&expand=version%2Ccontainer"
        );
    }
}
