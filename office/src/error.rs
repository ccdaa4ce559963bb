//! What can go wrong in the office features, in words for the person who meets it.

use connect::host::client::HostError;

use words::Lang;

use crate::{ds_client::DsError, ds_token::DsTokenError, link_token::LinkError};

#[derive(Debug, thiserror::Error)]
pub enum OfficeError {
    #[error(
        "No Document Server is set up for this site yet. An administrator can add one on the Confluo settings page."
    )]
    NotConfigured,
    #[error(
        "The 30-day demo of ONLYOFFICE's public server ended on {0}. An administrator can set up the site's own Document Server on the Confluo settings page."
    )]
    DemoEnded(String),
    #[error("Confluo cannot open .{0} files")]
    Unsupported(String),
    #[error("{0} is no longer attached to this page")]
    Gone(String),
    #[error("You cannot see this page")]
    NoAccess,
    #[error("You may not change this page's attachments")]
    ReadOnly,
    #[error("The file is larger than the {0} MB this site opens")]
    TooLarge(u64),
    #[error("Confluo is turned off in the {0} space by an administrator")]
    SpaceDisabled(String),
    #[error("Documents in the {0} space open for viewing only, as set by an administrator")]
    SpaceViewOnly(String),
    #[error("Members of the {0} group open documents for viewing only, as set by an administrator")]
    GroupViewOnly(String),
    #[error("Files labelled {0} open for viewing only, as set by an administrator")]
    LabelViewOnly(String),
    #[error("This site has no active licence for Confluo")]
    Unlicensed,
    #[error("Confluence: {0}")]
    Host(#[from] HostError),
    #[error("Document Server: {0}")]
    Ds(#[from] DsError),
    #[error("the Document Server token: {0}")]
    Token(#[from] DsTokenError),
    #[error("the link: {0}")]
    Link(#[from] LinkError),
    #[error("{0}")]
    Template(#[from] crate::templates::TemplateError),
    #[error(
        "the stored Document Server secret cannot be read; an administrator must enter it again"
    )]
    SecretUnreadable,
    #[error("the database failed")]
    Db(#[from] sea_orm::DbErr),
    #[error("{0}")]
    Other(String),
}

impl OfficeError {
    /// What the person reads, in `lang`: the refusals in their words, the failures with their
    /// technical detail as it is.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Self::NotConfigured => lang
                .text("No Document Server is set up for this site yet. An administrator can add one on the Confluo settings page.")
                .into(),
            Self::DemoEnded(day) => lang.fmt(
                "The 30-day demo of ONLYOFFICE's public server ended on {day}. An administrator can set up the site's own Document Server on the Confluo settings page.",
                &[("day", &lang.date(day))],
            ),
            Self::Unsupported(ext) => {
                lang.fmt("Confluo cannot open .{ext} files.", &[("ext", ext)])
            }
            Self::Gone(name) => lang.fmt(
                "{name} is no longer attached to this page.",
                &[("name", name)],
            ),
            Self::NoAccess => lang.text("You cannot see this page.").into(),
            Self::ReadOnly => lang
                .text("You may not change this page's attachments.")
                .into(),
            Self::TooLarge(mb) => lang.fmt(
                "The file is larger than the {mb} MB this site opens.",
                &[("mb", &mb.to_string())],
            ),
            Self::SpaceDisabled(space) => lang.fmt(
                "Confluo is turned off in the {space} space by an administrator.",
                &[("space", space)],
            ),
            Self::SpaceViewOnly(space) => lang.fmt(
                "Documents in the {space} space open for viewing only, as set by an administrator.",
                &[("space", space)],
            ),
            Self::GroupViewOnly(group) => lang.fmt(
                "Members of the {group} group open documents for viewing only, as set by an administrator.",
                &[("group", group)],
            ),
            Self::LabelViewOnly(label) => lang.fmt(
                "Files labelled {label} open for viewing only, as set by an administrator.",
                &[("label", label)],
            ),
            Self::Unlicensed => lang.text("This site has no active licence for Confluo: documents open for viewing, but editing and converting them need one. A site administrator can buy or renew Confluo under Manage apps.").into(),
            Self::Ds(err) => capitalized(&err.message(lang)),
            other => other.to_string(),
        }
    }
}

/// `text` starting with a capital letter, as a sentence on its own.
fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}
