//! The office actions behind the server functions: open an attachment in the editor, convert a
//! legacy file to OOXML, create a new document. Every decision about what a person may do is
//! made here, from Confluence's answers, never from the browser's.

use super::{
    EditorLaunch, NewDocumentKind,
    confluence::{Confluence, StoredAttachment, Upload},
    doc_key,
    ds_client::{Conversion, DocumentServer, MAX_FILE_BYTES},
    editor_config::{self, EditorInput, Mode},
    error::OfficeError,
    formats::{self, Action, Format},
    link_token::{LinkClaims, Purpose},
    site, templates,
};
use crate::{store::office_session, tenant_scope::TenantScope};

/// A person and site, verified.
pub struct Caller {
    pub scope: TenantScope,
    pub account_id: String,
}

impl Caller {
    pub fn new(scope: TenantScope, account_id: String) -> Self {
        Self { scope, account_id }
    }

    pub(super) fn confluence(&self) -> Confluence<'_> {
        Confluence::new(&self.scope.state.connect, &self.scope.tenant)
    }

    /// Attaches `data` to the page as a new file, as the caller, under `name` or the first free
    /// `name (n)`.
    async fn attach_new(
        &self,
        page_id: &str,
        name: &str,
        ext: &str,
        data: &[u8],
        comment: &str,
    ) -> Result<StoredAttachment, OfficeError> {
        let confluence = self.confluence();
        let names = confluence.names(page_id).await?;
        let name = formats::unique_name(name, |n| names.iter().any(|t| t == n));
        let media_type =
            formats::by_extension(ext).map_or("application/octet-stream", |f| f.media_type);
        let file = Upload {
            file_name: &name,
            media_type,
            data,
            comment,
        };
        Ok(confluence
            .upload_new(&self.account_id, page_id, &file)
            .await?)
    }

    pub(super) fn client_key(&self) -> &str {
        self.scope.client_key()
    }

    pub(super) fn now(&self) -> i64 {
        self.scope.state.connect.now()
    }

    pub(super) fn link(
        &self,
        purpose: Purpose,
        att: &StoredAttachment,
        version: i32,
        key: &str,
    ) -> Result<String, OfficeError> {
        let claims = LinkClaims::new(
            purpose,
            self.client_key(),
            &self.account_id,
            &att_page(att),
            att.id(),
            version,
            key,
            self.now(),
        );
        let token = claims.sign(&site::link_key(&self.scope.state))?;
        let path = match purpose {
            Purpose::File => super::paths::FILE,
            Purpose::Callback => super::paths::CALLBACK,
        };
        Ok(site::app_url(
            &self.scope.state,
            &format!("{path}?token={token}"),
        ))
    }

    /// The attachment, checked: the caller can see the page, the file is there, not too large.
    pub(super) async fn attachment(
        &self,
        page_id: &str,
        file_name: &str,
    ) -> Result<(StoredAttachment, Format, bool), OfficeError> {
        let confluence = self.confluence();
        let access = confluence.access(&self.account_id, page_id).await?;
        if !access.read {
            return Err(OfficeError::NoAccess);
        }
        let format = formats::format_of(file_name).ok_or_else(|| {
            OfficeError::Unsupported(formats::extension(file_name).unwrap_or_default())
        })?;
        let mut att = confluence
            .find(page_id, file_name)
            .await?
            .ok_or_else(|| OfficeError::Gone(file_name.to_owned()))?;
        if att.attachment.extensions.file_size > MAX_FILE_BYTES {
            return Err(OfficeError::TooLarge(MAX_FILE_BYTES / 1024 / 1024));
        }
        att.page_id = Some(page_id.to_owned());
        Ok((att, format, access.edit))
    }
}

/// The page an attachment is on (kept with the link so callbacks need no lookup).
fn att_page(att: &StoredAttachment) -> String {
    att.page_id.clone().unwrap_or_default()
}

/// The editor's "Create new": the document page in Confluence, told to create a blank file of the
/// same family on the same page (the editor opens it in a new tab).
pub fn create_url(site_base_url: &str, page_id: &str, family: formats::DocumentType) -> String {
    let query: String = form_urlencoded::Serializer::new(String::new())
        .append_pair("ac.pageId", page_id)
        .append_pair("ac.create", family.ooxml())
        .finish();
    format!(
        "{}/plugins/servlet/ac/{}/{}?{query}",
        site_base_url.trim_end_matches('/'),
        crate::descriptor::APP_KEY,
        crate::descriptor::keys::DOCUMENT_PAGE,
    )
}

/// How the person asked to open a document.
pub struct OpenOptions<'a> {
    /// View even when they may edit.
    pub view: bool,
    /// The browser's locale, when Confluence does not know the person's.
    pub locale: Option<&'a str>,
    /// A phone or tablet: the Document Server's mobile editor.
    pub mobile: bool,
}

/// Opens `file_name` on `page_id` for the caller: edit when they may and the format allows,
/// view otherwise (or when `view` asks for it).
pub async fn open(
    caller: &Caller,
    page_id: &str,
    file_name: &str,
    options: OpenOptions<'_>,
) -> Result<EditorLaunch, OfficeError> {
    let OpenOptions {
        view,
        locale,
        mobile,
    } = options;
    let state = &caller.scope.state;
    let ds = site::document_server(state, caller.client_key()).await?;
    let (att, format, may_edit) = caller.attachment(page_id, file_name).await?;
    let mut format = format;
    let (editable, why_not) = match format.action {
        Action::Edit => (true, None),
        Action::View => (
            false,
            Some(format!(
                "{} files open for viewing.",
                format.ext.to_ascii_uppercase()
            )),
        ),
        Action::PdfEditor => match ds_major(&ds, state).await {
            Some(major) if major >= 8 => (true, None),
            _ => {
                // Before 8.0 the Document Server shows PDFs in the document viewer.
                format.document_type = formats::DocumentType::Word;
                (
                    false,
                    Some("This Document Server opens PDF files for viewing only.".into()),
                )
            }
        },
        Action::Convert => (
            false,
            Some(format!(
                "{} files open for viewing. Convert it to {} to edit it.",
                format.ext.to_ascii_uppercase(),
                format.document_type.ooxml().to_ascii_uppercase()
            )),
        ),
        Action::Form => match form_support(&ds, state).await {
            true => (true, None),
            false => (
                false,
                Some("This Document Server opens DOCXF and OFORM files for viewing only.".into()),
            ),
        },
    };
    let mode = match (editable && may_edit, view) {
        (true, false) => Mode::Edit,
        (true, true) => Mode::ViewByChoice,
        (false, _) => Mode::View,
    };
    let reason = match mode {
        Mode::Edit => None,
        Mode::ViewByChoice => Some("Opened for viewing. Choose Edit to change it.".to_owned()),
        Mode::View if !may_edit => {
            Some("You may view this document; editing needs permission to change this page.".into())
        }
        Mode::View => why_not,
    };
    let version = att.version();
    // Co-editors share the live session's key; otherwise the version's own key.
    // The key a row for this version would have was derived from it, so its base is `version`.
    let (key, base_version) =
        match office_session::live(&state.db, caller.client_key(), att.id(), version).await? {
            Some(session) => (session.doc_key, session.base_version),
            None => (
                doc_key::editing(caller.client_key(), att.id(), version),
                version,
            ),
        };
    if mode == Mode::Edit {
        office_session::opening(
            &state.db,
            &key,
            caller.client_key(),
            page_id,
            att.id(),
            version,
        )
        .await?;
    }
    let person = caller.confluence().person(&caller.account_id).await?;
    let create_url =
        may_edit.then(|| create_url(&caller.scope.tenant.base_url, page_id, format.document_type));
    let file_url = caller.link(Purpose::File, &att, version, &key)?;
    let callback_url = caller.link(Purpose::Callback, &att, base_version, &key)?;
    let input = EditorInput {
        format,
        title: att.title(),
        doc_key: &key,
        file_url: &file_url,
        callback_url: Some(&callback_url),
        mode,
        user_id: &caller.account_id,
        user_name: &person.display_name,
        // Confluence's own record of the person first; the browser's report otherwise.
        locale: person.locale.as_deref().or(locale),
        attachment_id: att.id(),
        instance_id: &caller.scope.tenant.base_url,
        mobile,
        create_url: create_url.as_deref(),
    };
    let config = editor_config::signed(&input, ds.secret.as_deref(), caller.now())?;
    Ok(EditorLaunch {
        api_js: ds.api_js_url(&key),
        config: config.to_string(),
        editing: mode == Mode::Edit,
        reason,
        title: att.title().to_owned(),
        version,
        attachment_id: att.id().to_owned(),
    })
}

/// Whether the Document Server still edits DOCXF and fills OFORM (7.x; 8.0 moved to PDF forms).
async fn form_support(ds: &DocumentServer, state: &crate::state::AppState) -> bool {
    ds_major(ds, state).await.is_some_and(|major| major < 8)
}

/// The Document Server's major version, from the `version` command; `None` when it cannot say.
async fn ds_major(ds: &DocumentServer, state: &crate::state::AppState) -> Option<u32> {
    let version = ds.version(&state.http).await.ok()?;
    version.split('.').next()?.parse::<u32>().ok()
}

/// One step of converting `file_name` to OOXML: starts the conversion or polls it, and once it
/// is done stores the result as a new attachment next to the source (never replacing it).
pub async fn convert_step(
    caller: &Caller,
    page_id: &str,
    file_name: &str,
) -> Result<super::ConversionStep, OfficeError> {
    use crate::store::office_save::{self, Claim};
    let state = &caller.scope.state;
    let ds = site::document_server(state, caller.client_key()).await?;
    let (att, format, may_edit) = caller.attachment(page_id, file_name).await?;
    if !may_edit {
        return Err(OfficeError::ReadOnly);
    }
    let target = format
        .convert_to()
        .ok_or_else(|| OfficeError::Other(format!("{file_name} needs no conversion")))?;
    let version = att.version();
    let key = doc_key::conversion(caller.client_key(), att.id(), version, target);
    let save_id = format!("{key}/convert");
    if let Claim::Done(name) = office_save::claim(&state.db, &save_id, caller.client_key()).await? {
        return Ok(super::ConversionStep {
            percent: 100,
            file_name: Some(name),
        });
    }
    let result = async {
        let url = caller.link(Purpose::File, &att, version, &key)?;
        let target_name = formats::with_extension(att.title(), target);
        match ds
            .convert(&state.http, &key, format.ext, target, &url, &target_name)
            .await?
        {
            Conversion::Running { percent } => Ok(super::ConversionStep {
                percent,
                file_name: None,
            }),
            Conversion::Done { file_url, .. } => {
                let data = ds.download(&state.http, &file_url).await?;
                let comment = format!(
                    "Converted from {} (version {version}) with ONLYOFFICE",
                    att.title()
                );
                let stored = caller
                    .attach_new(page_id, &target_name, target, &data, &comment)
                    .await?;
                office_save::complete(&state.db, &save_id, stored.title()).await?;
                Ok(super::ConversionStep {
                    percent: 100,
                    file_name: Some(stored.title().to_owned()),
                })
            }
        }
    }
    .await;
    // Not stored (running or failed): the next step may claim it again.
    if !matches!(&result, Ok(step) if step.file_name.is_some()) {
        office_save::release(&state.db, &save_id).await?;
    }
    result
}

/// Creates a blank document on the page, as the caller; its file name.
pub async fn create(
    caller: &Caller,
    page_id: &str,
    kind: NewDocumentKind,
    title: &str,
) -> Result<String, OfficeError> {
    let confluence = caller.confluence();
    let access = confluence.access(&caller.account_id, page_id).await?;
    if !access.read {
        return Err(OfficeError::NoAccess);
    }
    if !access.edit {
        return Err(OfficeError::ReadOnly);
    }
    let ext = kind.extension();
    let stem = clean_title(title).unwrap_or_else(|| kind.default_title().to_owned());
    let stored = caller
        .attach_new(
            page_id,
            &format!("{stem}.{ext}"),
            ext,
            templates::blank(kind),
            "Created with Confluo",
        )
        .await?;
    Ok(stored.title().to_owned())
}

/// "Save copy as" in the editor: the Document Server's file at `url` (only its own addresses are
/// fetched) attached to the page as a new file named after `title`, as the caller.
pub async fn save_copy(
    caller: &Caller,
    page_id: &str,
    source: &str,
    title: &str,
    file_type: &str,
    url: &str,
) -> Result<String, OfficeError> {
    let state = &caller.scope.state;
    let ext = file_type
        .trim()
        .trim_start_matches('.')
        .to_ascii_lowercase();
    if formats::by_extension(&ext).is_none() {
        return Err(OfficeError::Unsupported(ext));
    }
    let access = caller
        .confluence()
        .access(&caller.account_id, page_id)
        .await?;
    if !access.read {
        return Err(OfficeError::NoAccess);
    }
    if !access.edit {
        return Err(OfficeError::ReadOnly);
    }
    let ds = site::document_server(state, caller.client_key()).await?;
    let data = ds.download(&state.http, url).await?;
    // The title may or may not end in an office extension; the file gets `file_type`'s.
    let stem = title
        .rsplit_once('.')
        .filter(|(_, e)| formats::by_extension(&e.to_ascii_lowercase()).is_some())
        .map_or(title, |(stem, _)| stem);
    let stem = clean_title(stem).unwrap_or_else(|| "Copy".to_owned());
    let person = caller.confluence().person(&caller.account_id).await?;
    let stored = caller
        .attach_new(
            page_id,
            &format!("{stem}.{ext}"),
            &ext,
            &data,
            &format!(
                "Copy of {source} saved from ONLYOFFICE by {}",
                person.display_name
            ),
        )
        .await?;
    Ok(stored.title().to_owned())
}

/// Sessions not heard of for this long no longer show people as editing: a Document Server
/// that went away without a last callback must not leave them there for good.
const PRESENCE_HORIZON_HOURS: i64 = 12;

/// Who is editing the page's attachments now, by display name.
pub async fn presence(caller: &Caller, page_id: &str) -> Result<Vec<super::Presence>, OfficeError> {
    let confluence = caller.confluence();
    if !confluence.access(&caller.account_id, page_id).await?.read {
        return Err(OfficeError::NoAccess);
    }
    let since = chrono::Utc::now() - chrono::Duration::hours(PRESENCE_HORIZON_HOURS);
    let sessions = office_session::editing_on_page(
        &caller.scope.state.db,
        caller.scope.client_key(),
        page_id,
        since,
    )
    .await?;
    let mut names = std::collections::HashMap::<String, String>::new();
    let mut out = Vec::<super::Presence>::new();
    for session in sessions {
        let mut people = Vec::new();
        for account in office_session::people(&session.users) {
            if !names.contains_key(account) {
                // A name Confluence cannot give still shows that someone is there.
                let name = confluence
                    .person(account)
                    .await
                    .map(|p| p.display_name)
                    .unwrap_or_else(|_| "someone".to_owned());
                names.insert(account.to_owned(), name);
            }
            if let Some(name) = names.get(account)
                && !people.contains(name)
            {
                people.push(name.clone());
            }
        }
        match out
            .iter_mut()
            .find(|p| p.attachment_id == session.attachment_id)
        {
            Some(known) => known.people.extend(people),
            None => out.push(super::Presence {
                attachment_id: session.attachment_id,
                people,
            }),
        }
    }
    Ok(out)
}

/// A file name stem from what a person typed: no path separators or control characters.
pub fn clean_title(title: &str) -> Option<String> {
    let cleaned: String = title
        .chars()
        .filter(|c| {
            !c.is_control() && !matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|')
        })
        .collect();
    let cleaned = cleaned.trim().trim_matches('.').trim();
    let cleaned: String = cleaned.chars().take(120).collect();
    (!cleaned.is_empty()).then_some(cleaned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn create_new_goes_to_the_document_page_in_confluence() {
        assert_eq!(
            create_url(
                "https://s.atlassian.net/wiki/",
                "42",
                formats::DocumentType::Cell
            ),
            "https://s.atlassian.net/wiki/plugins/servlet/ac/io.confluo.confluence/document-view?ac.pageId=42&ac.create=xlsx"
        );
    }

    #[test]
    fn titles() {
        assert_eq!(clean_title("  Q3 plan  ").as_deref(), Some("Q3 plan"));
        assert_eq!(clean_title("../etc/passwd").as_deref(), Some("etcpasswd"));
        assert_eq!(clean_title(" ... "), None);
        assert_eq!(clean_title("a\u{0}b").as_deref(), Some("ab"));
        assert_eq!(clean_title(&"x".repeat(300)).map(|t| t.len()), Some(120));
    }
}
