//! "Who may edit this?": whether a document opens at all and how — edit, fill in, view by
//! choice, or view — and the sentence that says why, decided from plain facts gathered
//! beforehand: the Document Server the site uses (its own, the demo, none), the file's size
//! against the limits, Confluence's permission with the site's
//! view-only policies and the licence already applied ([`crate::access::PageAccess`]), the
//! format, what the Document Server can do, and what the person asked for. Nothing here waits
//! on anything, so every rule has a row in the table test below.

use crate::{access::ViewOnlyPolicy, editor_config::Mode, error::OfficeError, formats::Action};
use words::Lang;

/// A file's size against the largest Confluo moves: the site's limit within the operator's.
#[derive(Clone, Copy, Debug)]
pub struct Size {
    pub bytes: u64,
    /// The site administrator's limit (`MAX_FILE_MB` unless they set less).
    pub site_limit: u64,
    /// The operator's `MAX_FILE_MB`.
    pub operator_limit: u64,
}

impl Size {
    /// Refuses a file over the smaller limit, saying it in whole megabytes.
    pub fn check(self) -> Result<(), OfficeError> {
        let limit = self.site_limit.min(self.operator_limit);
        match self.bytes > limit {
            true => Err(OfficeError::TooLarge(limit / 1024 / 1024)),
            false => Ok(()),
        }
    }
}

/// The Document Server a site opens documents with now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Server<'a> {
    /// The site's own.
    Own,
    /// ONLYOFFICE's public demo server, through `last_day` (a date, `2026-12-31`).
    Demo { last_day: &'a str },
    /// None set up, and no demo running.
    Missing,
    /// The 30-day demo ended after `last_day`, and the site has no server of its own.
    DemoEnded { last_day: &'a str },
}

impl Server<'_> {
    /// Refuses when there is nothing to open documents with, saying what an administrator can do.
    pub fn check(self) -> Result<(), OfficeError> {
        match self {
            Server::Own | Server::Demo { .. } => Ok(()),
            Server::Missing => Err(OfficeError::NotConfigured),
            Server::DemoEnded { last_day } => Err(OfficeError::DemoEnded(last_day.to_owned())),
        }
    }
}

/// What the decision is made from.
#[derive(Clone, Copy, Debug)]
pub struct Facts<'a> {
    pub server: Server<'a>,
    pub size: Size,
    /// What Confluo does with the file's format.
    pub action: Action,
    /// The file's extension, and the OOXML one its kind converts to (`odt`, `docx`).
    pub ext: &'a str,
    pub ooxml: &'a str,
    /// The site edits ODF and legacy files in place (saving back in their own format).
    pub edits_lossy: bool,
    /// The Document Server's major version, when the format needs to know it (PDF, forms).
    pub ds_major: Option<u32>,
    /// Whether a PDF is a form (`None`: not looked at, or unreadable).
    pub pdf_form: Option<bool>,
    /// Confluence lets the person change the page's attachments, and no policy or lapsed
    /// licence took that away.
    pub may_edit: bool,
    /// The policy that took editing away, if one did.
    pub view_only: Option<&'a ViewOnlyPolicy>,
    /// Not logged in.
    pub guest: bool,
    /// Asked to view (or shown in the page's embedded preview).
    pub view: bool,
    pub embedded: bool,
    /// Asked to fill in the form rather than edit it.
    pub fill: bool,
}

/// How the document opens, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decision {
    pub mode: Mode,
    /// Shown beside the editor (`None`: nothing to explain).
    pub reason: Option<String>,
    /// The format can be edited here (whether or not this person may).
    pub editable: bool,
    /// The file is a form that can be filled in.
    pub fillable: bool,
    /// A PDF shown in the text viewer (Document Servers before 8 have no PDF editor).
    pub pdf_in_text_viewer: bool,
    /// On the public demo server through this day: the page warns everyone who opens it.
    pub demo_until: Option<String>,
}

/// The decision for `facts`, its sentences in `lang`. Without a Document Server, or for a file too
/// large to move, nothing opens for anybody.
pub fn decide(lang: Lang, facts: &Facts<'_>) -> Result<Decision, OfficeError> {
    facts.server.check()?;
    facts.size.check()?;
    let ext = facts.ext.to_ascii_uppercase();
    let ooxml = facts.ooxml.to_ascii_uppercase();
    let mut pdf_in_text_viewer = false;
    let (editable, why_not) = match facts.action {
        Action::Edit => (true, None),
        Action::Convert if facts.edits_lossy => (true, None),
        Action::View => (
            false,
            Some(lang.fmt("{ext} files open for viewing.", &[("ext", &ext)])),
        ),
        Action::PdfEditor => match facts.ds_major {
            Some(major) if major >= 8 => (true, None),
            _ => {
                pdf_in_text_viewer = true;
                (
                    false,
                    Some(
                        lang.text("This Document Server opens PDF files for viewing only.")
                            .into(),
                    ),
                )
            }
        },
        Action::Convert => (
            false,
            Some(lang.fmt(
                "{ext} files open for viewing. Convert it to {ooxml} to edit it.",
                &[("ext", &ext), ("ooxml", &ooxml)],
            )),
        ),
        // DOCXF and OFORM are edited and filled on Document Server 7; 8 moved to PDF forms.
        Action::Form => match facts.ds_major.is_some_and(|major| major < 8) {
            true => (true, None),
            false => (
                false,
                Some(
                    lang.text("This Document Server opens DOCXF and OFORM files for viewing only.")
                        .into(),
                ),
            ),
        },
    };
    let fillable = facts.pdf_form == Some(true) || facts.ext == "oform";
    let view = facts.view || facts.embedded;
    let mode = match (editable && facts.may_edit, view) {
        (true, false) if facts.fill && fillable => Mode::Fill,
        (true, false) => Mode::Edit,
        (true, true) => Mode::ViewByChoice,
        (false, _) => Mode::View,
    };
    let reason = match mode {
        // Editing in place by the administrator's choice: say what saving back costs.
        Mode::Edit if facts.action == Action::Convert => Some(lang.fmt(
            "Edits are saved as {ext}, which may not keep everything the editor can do. Convert it to {ooxml} to keep all formatting.",
            &[("ext", &ext), ("ooxml", &ooxml)],
        )),
        Mode::Edit => None,
        Mode::Fill => Some(
            lang.text("Filling in the form: your answers are saved as a new version of the file.")
                .into(),
        ),
        Mode::ViewByChoice => {
            Some(lang.text("Opened for viewing. Choose Edit to change it.").into())
        }
        Mode::View if facts.guest => Some(
            lang.text("You are viewing this document as a guest. Log in to Confluence to edit it.")
                .into(),
        ),
        Mode::View if !facts.may_edit => Some(match facts.view_only {
            Some(policy) => policy.refusal().message(lang),
            None => lang
                .text("You may view this document; editing needs permission to change this page.")
                .into(),
        }),
        Mode::View => why_not,
    };
    Ok(Decision {
        mode,
        reason,
        editable,
        fillable,
        pdf_in_text_viewer,
        demo_until: match facts.server {
            Server::Demo { last_day } => Some(last_day.to_owned()),
            _ => None,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const MB: u64 = 1024 * 1024;

    fn facts(action: Action, ext: &'static str) -> Facts<'static> {
        Facts {
            server: Server::Own,
            size: Size {
                bytes: MB,
                site_limit: 100 * MB,
                operator_limit: 100 * MB,
            },
            action,
            ext,
            ooxml: "docx",
            edits_lossy: false,
            ds_major: Some(9),
            pdf_form: None,
            may_edit: true,
            view_only: None,
            guest: false,
            view: false,
            embedded: false,
            fill: false,
        }
    }

    /// One row per rule: what changes from an editor opening a DOCX on Document Server 9, the
    /// mode, and a piece of the reason (`""`: none).
    #[test]
    fn every_rule() {
        let space = ViewOnlyPolicy::Space("HR".into());
        let group = ViewOnlyPolicy::Group("contractors".into());
        let label = ViewOnlyPolicy::Label("final".into());
        let licence = ViewOnlyPolicy::Unlicensed;
        let docx = facts(Action::Edit, "docx");
        let rows: Vec<(&str, Facts<'_>, Mode, &str)> = vec![
            ("an editor edits", docx, Mode::Edit, ""),
            (
                "a reader views",
                Facts {
                    may_edit: false,
                    ..docx
                },
                Mode::View,
                "editing needs permission",
            ),
            (
                "a guest views",
                Facts {
                    may_edit: false,
                    guest: true,
                    ..docx
                },
                Mode::View,
                "as a guest",
            ),
            (
                "asked to view",
                Facts { view: true, ..docx },
                Mode::ViewByChoice,
                "Choose Edit",
            ),
            (
                "the preview views",
                Facts {
                    embedded: true,
                    ..docx
                },
                Mode::ViewByChoice,
                "Choose Edit",
            ),
            (
                "a view-only space",
                Facts {
                    may_edit: false,
                    view_only: Some(&space),
                    ..docx
                },
                Mode::View,
                "HR space",
            ),
            (
                "a view-only group",
                Facts {
                    may_edit: false,
                    view_only: Some(&group),
                    ..docx
                },
                Mode::View,
                "contractors group",
            ),
            (
                "a view-only label",
                Facts {
                    may_edit: false,
                    view_only: Some(&label),
                    ..docx
                },
                Mode::View,
                "labelled final",
            ),
            (
                "no active licence",
                Facts {
                    may_edit: false,
                    view_only: Some(&licence),
                    ..docx
                },
                Mode::View,
                "no active licence",
            ),
            (
                "ODT is viewed",
                facts(Action::Convert, "odt"),
                Mode::View,
                "Convert it to DOCX",
            ),
            (
                "ODT edited in place",
                Facts {
                    edits_lossy: true,
                    ..facts(Action::Convert, "odt")
                },
                Mode::Edit,
                "Edits are saved as ODT",
            ),
            (
                "XPS is viewed",
                facts(Action::View, "xps"),
                Mode::View,
                "XPS files open for viewing",
            ),
            (
                "PDF edited on 8+",
                facts(Action::PdfEditor, "pdf"),
                Mode::Edit,
                "",
            ),
            (
                "PDF viewed on 7",
                Facts {
                    ds_major: Some(7),
                    ..facts(Action::PdfEditor, "pdf")
                },
                Mode::View,
                "PDF files for viewing only",
            ),
            (
                "PDF viewed when the version is unknown",
                Facts {
                    ds_major: None,
                    ..facts(Action::PdfEditor, "pdf")
                },
                Mode::View,
                "PDF files for viewing only",
            ),
            (
                "a PDF form filled",
                Facts {
                    fill: true,
                    pdf_form: Some(true),
                    ..facts(Action::PdfEditor, "pdf")
                },
                Mode::Fill,
                "Filling in the form",
            ),
            (
                "fill asked of a plain PDF edits",
                Facts {
                    fill: true,
                    pdf_form: Some(false),
                    ..facts(Action::PdfEditor, "pdf")
                },
                Mode::Edit,
                "",
            ),
            (
                "a reader views a PDF form",
                Facts {
                    fill: true,
                    pdf_form: Some(true),
                    may_edit: false,
                    ..facts(Action::PdfEditor, "pdf")
                },
                Mode::View,
                "editing needs permission",
            ),
            (
                "DOCXF edited on 7",
                Facts {
                    ds_major: Some(7),
                    ..facts(Action::Form, "docxf")
                },
                Mode::Edit,
                "",
            ),
            (
                "OFORM filled on 7",
                Facts {
                    ds_major: Some(7),
                    fill: true,
                    ..facts(Action::Form, "oform")
                },
                Mode::Fill,
                "Filling in the form",
            ),
            (
                "DOCXF viewed on 8+",
                facts(Action::Form, "docxf"),
                Mode::View,
                "DOCXF and OFORM files for viewing only",
            ),
        ];
        for (rule, f, mode, reason) in rows {
            let d = decide(Lang::En, &f).unwrap();
            assert_eq!(d.mode, mode, "{rule}");
            match reason {
                "" => assert_eq!(d.reason, None, "{rule}"),
                part => assert!(
                    d.reason.as_deref().is_some_and(|r| r.contains(part)),
                    "{rule}: {:?}",
                    d.reason
                ),
            }
        }
    }

    /// Too large for the site's limit or the operator's: nobody opens it, whatever else holds;
    /// exactly at the limit opens.
    #[test]
    fn document_server() {
        let docx = facts(Action::Edit, "docx");
        let reader = Facts {
            may_edit: false,
            ..docx
        };
        let demo = Server::Demo {
            last_day: "2026-12-31",
        };
        // The demo opens documents as the site's own server would, with the warning.
        for f in [docx, reader] {
            let own = decide(Lang::En, &f).unwrap();
            let on_demo = decide(Lang::En, &Facts { server: demo, ..f }).unwrap();
            assert_eq!(own.demo_until, None);
            assert_eq!(on_demo.demo_until.as_deref(), Some("2026-12-31"));
            assert_eq!((on_demo.mode, on_demo.reason), (own.mode, own.reason));
        }
        // Without one nothing opens, for editors and readers alike, before any other rule.
        let too_large = Size {
            bytes: 200 * MB,
            ..docx.size
        };
        for f in [
            docx,
            reader,
            Facts {
                size: too_large,
                ..docx
            },
        ] {
            assert!(matches!(
                decide(
                    Lang::En,
                    &Facts {
                        server: Server::Missing,
                        ..f
                    }
                ),
                Err(OfficeError::NotConfigured)
            ));
            let ended = Server::DemoEnded {
                last_day: "2026-11-30",
            };
            match decide(Lang::En, &Facts { server: ended, ..f }) {
                Err(err @ OfficeError::DemoEnded(_)) => {
                    assert!(err.message(Lang::En).contains("30 November 2026"), "{err}")
                }
                other => panic!("{other:?}"),
            }
        }
    }

    #[test]
    fn size() {
        let docx = facts(Action::Edit, "docx");
        let rows: Vec<(&str, Size, Option<u64>)> = vec![
            ("well within", docx.size, None),
            (
                "exactly the limit",
                Size {
                    bytes: 100 * MB,
                    ..docx.size
                },
                None,
            ),
            (
                "a byte over",
                Size {
                    bytes: 100 * MB + 1,
                    ..docx.size
                },
                Some(100),
            ),
            (
                "over the site's own limit",
                Size {
                    bytes: 30 * MB,
                    site_limit: 25 * MB,
                    ..docx.size
                },
                Some(25),
            ),
            (
                "the site cannot allow more than the operator",
                Size {
                    bytes: 30 * MB,
                    site_limit: 1024 * MB,
                    operator_limit: 20 * MB,
                },
                Some(20),
            ),
        ];
        for (rule, size, refused_mb) in rows {
            for f in [
                Facts { size, ..docx },
                Facts {
                    size,
                    may_edit: false,
                    guest: true,
                    ..docx
                },
                Facts {
                    size,
                    view: true,
                    ..facts(Action::View, "xps")
                },
            ] {
                match (decide(Lang::En, &f), refused_mb) {
                    (Ok(_), None) => {}
                    (Err(OfficeError::TooLarge(mb)), Some(want)) => assert_eq!(mb, want, "{rule}"),
                    (other, _) => panic!("{rule}: {other:?}"),
                }
            }
        }
        assert!(
            decide(
                Lang::De,
                &Facts {
                    size: Size {
                        bytes: 200 * MB,
                        ..docx.size
                    },
                    ..docx
                }
            )
            .unwrap_err()
            .message(Lang::De)
            .contains("100")
        );
    }

    #[test]
    fn what_else_follows() {
        let pdf7 = Facts {
            ds_major: Some(7),
            ..facts(Action::PdfEditor, "pdf")
        };
        assert!(decide(Lang::En, &pdf7).unwrap().pdf_in_text_viewer);
        assert!(
            !decide(Lang::En, &facts(Action::PdfEditor, "pdf"))
                .unwrap()
                .pdf_in_text_viewer
        );
        let form = Facts {
            pdf_form: Some(true),
            ..facts(Action::PdfEditor, "pdf")
        };
        let d = decide(Lang::En, &form).unwrap();
        assert!(d.fillable && d.editable);
        assert!(
            !decide(Lang::En, &facts(Action::View, "xps"))
                .unwrap()
                .editable
        );
        // Reasons are in the person's language.
        let reader = Facts {
            may_edit: false,
            ..facts(Action::Edit, "docx")
        };
        assert!(
            decide(Lang::De, &reader)
                .unwrap()
                .reason
                .is_some_and(|r| r.contains("Berechtigung"))
        );
    }
}
