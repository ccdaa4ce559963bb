//! The office actions behind the server functions: open an attachment in the editor, convert a
//! legacy file to OOXML, create a new document. Every decision about what a person may do is
//! made here, from Confluence's answers, never from the browser's.

use super::{
    confluence::{Confluence, PageAccess, StoredAttachment, Upload, UploadData, ViewOnlyPolicy},
    error::OfficeError,
    site_setup,
};
use office::editor_options::EditorOptions;
use office::{
    doc_key::DocKeys,
    ds_client::{Conversion, ConvertRequest, DocumentServer},
    editor_config::{self, EditorInput, Mode},
    formats::{self, Action, Format},
    link_token::{LinkClaims, Purpose},
    new_document::NewDocumentKind,
    pdf_form, templates,
    views::EditorLaunch,
    who_may_edit,
};

use crate::{
    i18n::Lang,
    store::{office_session, office_session_member},
    tenant_scope::TenantScope,
};

/// A person and site, verified.
pub struct Caller {
    pub scope: TenantScope,
    /// Empty for someone who is not logged in.
    pub account_id: String,
    /// The language the caller reads (their browser's).
    pub lang: Lang,
    /// The site's editing options, read once per request.
    options: tokio::sync::OnceCell<EditorOptions>,
}

impl Caller {
    pub fn new(scope: TenantScope, account_id: String, lang: Lang) -> Self {
        Self {
            scope,
            account_id,
            lang,
            options: tokio::sync::OnceCell::new(),
        }
    }

    /// Not logged in: sees what Confluence shows anonymous visitors, for viewing only.
    pub fn anonymous(&self) -> bool {
        self.account_id.is_empty()
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
        data: UploadData<'_>,
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
            .upload_new(&self.account_id, page_id, file)
            .await?)
    }

    pub(super) fn client_key(&self) -> &str {
        self.scope.client_key()
    }

    /// The keyed hash of this server's document keys.
    pub(super) fn doc_keys(&self) -> DocKeys {
        site_setup::doc_keys(&self.scope.state)
    }

    pub(super) fn now(&self) -> i64 {
        self.scope.state.connect.now()
    }

    /// A link for the Document Server `ds` to fetch or call.
    pub(super) fn link(
        &self,
        ds: &DocumentServer,
        purpose: Purpose,
        att: &StoredAttachment,
        version: i32,
        key: &str,
    ) -> Result<String, OfficeError> {
        let claims = LinkClaims {
            demo: ds.demo_until.is_some(),
            ..LinkClaims::new(
                purpose,
                self.client_key(),
                &self.account_id,
                &att_page(att),
                att.id(),
                version,
                key,
                self.now(),
            )
        };
        let token = claims.sign(&site_setup::link_key(&self.scope.state))?;
        let path = match purpose {
            Purpose::File => office::paths::FILE,
            Purpose::Callback => office::paths::CALLBACK,
            Purpose::Probe => office::paths::PROBE,
            Purpose::Changes => office::paths::CHANGES,
        };
        Ok(site_setup::app_url(
            &self.scope.state,
            &format!("{path}?token={token}"),
        ))
    }

    /// The caller's access to the page, refused when they cannot see it or an administrator
    /// turned Confluo off in its space; without editing in a space set to view only, for
    /// members of a group set to view only, or on a site without an active licence.
    pub(super) async fn page(
        &self,
        page_id: &str,
        options: &EditorOptions,
    ) -> Result<PageAccess, OfficeError> {
        let mut access = self.visible(page_id, options).await?;
        apply_view_only(&self.confluence(), &self.account_id, &mut access, options).await?;
        if access.edit && !crate::licence::site_is_licensed(&self.scope).await {
            access.restrict(ViewOnlyPolicy::Unlicensed);
        }
        Ok(access)
    }

    /// What Confluence lets the caller do on the page, refused when they cannot see it or an
    /// administrator turned Confluo off in its space; for reading, so the site's view-only
    /// policies are not applied.
    pub(super) async fn visible(
        &self,
        page_id: &str,
        options: &EditorOptions,
    ) -> Result<PageAccess, OfficeError> {
        let access = self.readable(page_id).await?;
        if let Some(space) = access.space_key.as_deref()
            && options.space_disabled(space)
        {
            return Err(OfficeError::SpaceDisabled(space.to_owned()));
        }
        Ok(access)
    }

    /// What Confluence lets the caller do on the page; refused when they cannot see it.
    async fn readable(&self, page_id: &str) -> Result<PageAccess, OfficeError> {
        let access = match self.anonymous() {
            true => self.confluence().anonymous_access(page_id).await?,
            false => self.confluence().access(&self.account_id, page_id).await?,
        };
        match access.read {
            true => Ok(access),
            false => Err(OfficeError::NoAccess),
        }
    }

    /// The site's editing options.
    pub(super) async fn options(&self) -> Result<EditorOptions, OfficeError> {
        self.options
            .get_or_try_init(|| site_setup::options(&self.scope.state, self.client_key()))
            .await
            .cloned()
    }

    /// The Document Server the site opens documents with now.
    pub(super) async fn document_server(&self) -> Result<DocumentServer, OfficeError> {
        site_setup::document_server(&self.scope.state, self.client_key()).await
    }

    /// The Document Server the site uses now, or why it has none.
    pub(super) async fn chosen_server(&self) -> Result<site_setup::Chosen, OfficeError> {
        site_setup::chosen_server(&self.scope.state, self.client_key()).await
    }

    /// The attachment, checked: the caller can see the page, the file is there, not larger than
    /// the site allows. With what the caller may do on the page.
    pub(super) async fn attachment(
        &self,
        page_id: &str,
        file_name: &str,
    ) -> Result<(StoredAttachment, Format, PageAccess), OfficeError> {
        let options = self.options().await?;
        let access = self.page(page_id, &options).await?;
        let format = formats::format_of(file_name).ok_or_else(|| {
            OfficeError::Unsupported(formats::extension(file_name).unwrap_or_default())
        })?;
        let att = self.file_on(page_id, file_name, &options).await?;
        Ok((att, format, access))
    }

    /// The same without the size check: for opening, where [`who_may_edit::decide`] makes it.
    async fn attachment_any_size(
        &self,
        page_id: &str,
        file_name: &str,
    ) -> Result<(StoredAttachment, Format, PageAccess), OfficeError> {
        let options = self.options().await?;
        let access = self.page(page_id, &options).await?;
        let format = formats::format_of(file_name).ok_or_else(|| {
            OfficeError::Unsupported(formats::extension(file_name).unwrap_or_default())
        })?;
        let att = self.find_on(page_id, file_name).await?;
        Ok((att, format, access))
    }

    /// Any file on the page (its access already checked), within the site's size limit.
    pub(super) async fn file_on(
        &self,
        page_id: &str,
        file_name: &str,
        options: &EditorOptions,
    ) -> Result<StoredAttachment, OfficeError> {
        let att = self.find_on(page_id, file_name).await?;
        self.size_of(&att, options).check()?;
        Ok(att)
    }

    /// Any file on the page (its access already checked), whatever its size.
    async fn find_on(
        &self,
        page_id: &str,
        file_name: &str,
    ) -> Result<StoredAttachment, OfficeError> {
        let mut att = self
            .confluence()
            .find(page_id, file_name)
            .await?
            .ok_or_else(|| OfficeError::Gone(file_name.to_owned()))?;
        att.page_id = Some(page_id.to_owned());
        Ok(att)
    }

    /// The file's size against the site's limit and the operator's.
    fn size_of(&self, att: &StoredAttachment, options: &EditorOptions) -> who_may_edit::Size {
        who_may_edit::Size {
            bytes: att.attachment.extensions.file_size,
            site_limit: options.max_file_bytes(),
            operator_limit: self.scope.state.max_file_bytes,
        }
    }
}

/// Turns editing off where the site's options say only to view: in the page's space, or for a
/// group `account_id` is in (asked of Confluence only when it could change the answer).
pub(super) async fn apply_view_only(
    confluence: &Confluence<'_>,
    account_id: &str,
    access: &mut PageAccess,
    options: &EditorOptions,
) -> Result<(), connect::host::client::HostError> {
    if let Some(space) = access.space_key.as_deref()
        && options.space_view_only(space)
    {
        access.restrict(ViewOnlyPolicy::Space(space.to_owned()));
    } else if access.edit && !options.view_only_groups.is_empty() {
        let groups = confluence.groups(account_id).await?;
        if let Some(group) = options.view_only_group(&groups) {
            access.restrict(ViewOnlyPolicy::Group(group.to_owned()));
        }
    }
    Ok(())
}

/// Turns editing of `att` off when it carries a label the site's options set to view only.
/// Only the file is protected: the page's other files, and new files made from it, are not.
pub(super) fn apply_view_only_label(
    access: &mut PageAccess,
    att: &StoredAttachment,
    options: &EditorOptions,
) {
    if access.edit
        && !options.view_only_labels.is_empty()
        && let Some(label) = options.view_only_label(&att.labels())
    {
        access.restrict(ViewOnlyPolicy::Label(label.to_owned()));
    }
}

/// Refuses unless the caller can see `page_id` and `attachment_id` is attached to it.
pub async fn require_attachment_on_page(
    caller: &Caller,
    page_id: &str,
    attachment_id: &str,
) -> Result<(), OfficeError> {
    caller.readable(page_id).await?;
    let att = caller.confluence().by_id(attachment_id).await?;
    match att
        .and_then(|a| a.container)
        .is_some_and(|c| c.id == page_id)
    {
        true => Ok(()),
        false => Err(OfficeError::NoAccess),
    }
}

/// The page an attachment is on (kept with the link so callbacks need no lookup).
fn att_page(att: &StoredAttachment) -> String {
    att.page_id.clone().unwrap_or_default()
}

/// How the person asked to open a document.
pub struct OpenOptions<'a> {
    /// View even when they may edit.
    pub view: bool,
    /// The browser's locale, when Confluence does not know the person's.
    pub locale: Option<&'a str>,
    /// A phone or tablet: the Document Server's mobile editor.
    pub mobile: bool,
    /// Fill in a PDF form rather than edit the document.
    pub fill: bool,
    /// A bookmark or comment to scroll to (the editor's "Get link").
    pub action_link: Option<serde_json::Value>,
    /// The light read-only viewer shown inside a page (the macro's preview).
    pub embedded: bool,
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
        fill,
        action_link,
        embedded,
    } = options;
    let state = &caller.scope.state;
    let chosen = caller.chosen_server().await?;
    let (att, format, mut access) = caller.attachment_any_size(page_id, file_name).await?;
    let options = caller.options().await?;
    apply_view_only_label(&mut access, &att, &options);
    let may_edit = access.edit;
    let size = caller.size_of(&att, &options);
    let mut format = format;
    // The Document Server's version matters to PDFs and forms only; nobody else waits for it.
    let ds_major = match (format.action, chosen.get()) {
        (Action::PdfEditor | Action::Form, Some(ds)) => ds_major(ds, state).await,
        _ => None,
    };
    // ONLYOFFICE PDF forms (and OFORM on Document Server 7) can be filled in rather than
    // edited. Telling the Document Server spares it the same test; if the file cannot be read
    // now, it is left to the Document Server and no filling is offered.
    let is_form = match format.ext == "pdf" && !embedded {
        true => caller
            .confluence()
            .head(&att, att.version(), pdf_form::HEAD_BYTES)
            .await
            .ok()
            .map(|head| pdf_form::is_form(&head)),
        false => None,
    };
    let decision = who_may_edit::decide(
        caller.lang,
        &who_may_edit::Facts {
            server: chosen.server(),
            size,
            action: format.action,
            ext: format.ext,
            ooxml: format.document_type.ooxml(),
            edits_lossy: options.edits_lossy(format.ext),
            ds_major,
            pdf_form: is_form,
            may_edit,
            view_only: access.view_only.as_ref(),
            guest: caller.anonymous(),
            view,
            embedded,
            fill,
        },
    )?;
    if decision.pdf_in_text_viewer {
        // Before 8.0 the Document Server shows PDFs in the document viewer.
        format.document_type = formats::DocumentType::Word;
    }
    let who_may_edit::Decision {
        mode,
        reason,
        editable,
        fillable,
        demo_until,
        ..
    } = decision;
    let ds = chosen.usable()?;
    let version = att.version();
    // Co-editors share the live session's key; otherwise the version's own key.
    // The key a row for this version would have was derived from it, so its base is `version`.
    let live = match embedded {
        // Previews never join an editing session.
        true => None,
        false => office_session::live(&state.db, caller.client_key(), att.id(), version).await?,
    };
    let (key, base_version) = match live {
        Some(session) => (session.doc_key, session.base_version),
        None if embedded => (
            format!(
                "{}_embedded",
                caller
                    .doc_keys()
                    .editing(caller.client_key(), att.id(), version)
            ),
            version,
        ),
        None => (
            caller
                .doc_keys()
                .editing(caller.client_key(), att.id(), version),
            version,
        ),
    };
    if matches!(mode, Mode::Edit | Mode::Fill) {
        office_session::opening(
            &state.db,
            &key,
            caller.client_key(),
            page_id,
            att.id(),
            version,
        )
        .await?;
        // Saves of this session may be credited to this person, and to nobody it did not admit.
        office_session_member::record(&state.db, &key, &caller.account_id).await?;
    }
    let person = match caller.anonymous() {
        // The Document Server shows anonymous viewers as guests.
        true => super::confluence::Person {
            account_id: String::new(),
            display_name: String::new(),
            locale: None,
        },
        false => caller.confluence().person(&caller.account_id).await?,
    };
    let create_url = (may_edit && !embedded).then(|| {
        super::action_link::create_url(&caller.scope.tenant.base_url, page_id, format.document_type)
    });
    let file_url = caller.link(&ds, Purpose::File, &att, version, &key)?;
    // Only sessions that report back get a callback link (never viewers, never guests).
    let callback_url = matches!(mode, Mode::Edit | Mode::Fill)
        .then(|| caller.link(&ds, Purpose::Callback, &att, base_version, &key))
        .transpose()?;
    let input = EditorInput {
        format,
        title: att.title(),
        doc_key: &key,
        file_url: &file_url,
        callback_url: callback_url.as_deref(),
        mode,
        user_id: &caller.account_id,
        user_name: &person.display_name,
        // Confluence's own record of the person first; the browser's report otherwise.
        locale: person.locale.as_deref().or(locale),
        attachment_id: att.id(),
        instance_id: &caller.scope.tenant.base_url,
        mobile,
        embedded,
        create_url: create_url.as_deref(),
        options: &options,
        action_link: action_link.as_ref(),
        is_form,
    };
    let config = editor_config::signed(&input, ds.secret.as_deref(), caller.now())?;
    Ok(EditorLaunch {
        api_js: ds.api_js_url(&key),
        config: config.to_string(),
        editing: matches!(mode, Mode::Edit | Mode::Fill),
        filling: mode == Mode::Fill,
        fillable: fillable && editable && may_edit,
        reason,
        title: att.title().to_owned(),
        version,
        attachment_id: att.id().to_owned(),
        demo_until,
        notice: match embedded {
            true => None,
            false => office_session::latest_notice(&state.db, caller.client_key(), att.id())
                .await?
                .and_then(|row| row.notice)
                .map(|stored| office::save_notice::SaveNotice::show(&stored, caller.lang)),
        },
        guest: caller.anonymous(),
    })
}

/// The Document Server's major version, from the `version` command; `None` when it cannot say.
async fn ds_major(ds: &DocumentServer, state: &crate::state::AppState) -> Option<u32> {
    let version = ds.version(&state.egress).await.ok()?;
    version.split('.').next()?.parse::<u32>().ok()
}

/// One step of converting `file_name` to OOXML: starts the conversion or polls it, and once it
/// is done stores the result as a new attachment next to the source (never replacing it).
pub async fn convert_step(
    caller: &Caller,
    page_id: &str,
    file_name: &str,
    to_form: bool,
) -> Result<office::views::ConversionStep, OfficeError> {
    use crate::store::office_save::{self, Claim};
    let state = &caller.scope.state;
    let ds = caller.document_server().await?;
    let (att, format, access) = caller.attachment(page_id, file_name).await?;
    access.require_edit()?;
    let (target, pdf, made) = if to_form {
        // PDF forms are made from text documents on Document Server 8 and later.
        if !formats::FORM_SOURCES.contains(&format.ext) {
            return Err(OfficeError::Other(format!(
                "PDF forms are made from DOCX or DOCXF files, not {}",
                format.ext.to_ascii_uppercase()
            )));
        }
        if ds_major(&ds, state).await.is_none_or(|major| major < 8) {
            return Err(OfficeError::Other(
                "This Document Server cannot make PDF forms (it needs version 8 or later)".into(),
            ));
        }
        (
            "pdf",
            Some(serde_json::json!({ "form": true })),
            "PDF form made",
        )
    } else {
        let target = format
            .convert_to()
            .ok_or_else(|| OfficeError::Other(format!("{file_name} needs no conversion")))?;
        (target, None, "Converted")
    };
    let version = att.version();
    let key_target = if to_form { "pdf-form" } else { target };
    let key = caller
        .doc_keys()
        .conversion(caller.client_key(), att.id(), version, key_target);
    let save_id = format!("{key}/convert");
    let lease = match office_save::claim(&state.db, &save_id, caller.client_key()).await? {
        Claim::Done(name) => {
            return Ok(office::views::ConversionStep {
                percent: 100,
                file_name: Some(name),
            });
        }
        // Another step (another tab) is storing the result right now.
        Claim::InProgress => {
            return Ok(office::views::ConversionStep {
                percent: 99,
                file_name: None,
            });
        }
        Claim::Mine { lease, .. } => lease,
    };
    let _renewing = lease.keep_alive(state.db.clone());
    let result = async {
        let url = caller.link(&ds, Purpose::File, &att, version, &key)?;
        let target_name = formats::with_extension(att.title(), target);
        let request = ConvertRequest {
            key: &key,
            file_type: format.ext,
            output_type: target,
            url: &url,
            title: &target_name,
            pdf,
        };
        match ds.convert(&state.egress, &request).await? {
            Conversion::Running { percent } => Ok(office::views::ConversionStep {
                percent,
                file_name: None,
            }),
            Conversion::Done { file_url, .. } => {
                let data = ds.fetch_file(&state.egress, &file_url).await?;
                let comment = format!(
                    "{made} from {} (version {version}) with ONLYOFFICE",
                    att.title()
                );
                let stored = caller
                    .attach_new(
                        page_id,
                        &target_name,
                        target,
                        UploadData::Stream(data),
                        &comment,
                    )
                    .await?;
                lease.complete(&state.db, stored.title()).await?;
                Ok(office::views::ConversionStep {
                    percent: 100,
                    file_name: Some(stored.title().to_owned()),
                })
            }
        }
    }
    .await;
    // Not stored (running or failed): the next step may claim it again.
    if !matches!(&result, Ok(step) if step.file_name.is_some()) {
        lease.release(&state.db).await?;
    }
    result
}

/// How long "Download as" waits for the Document Server's conversion.
const DOWNLOAD_AS_WAIT: std::time::Duration = std::time::Duration::from_secs(60);

/// "Download as": the file converted to `target` by the Document Server, as the address the
/// browser downloads it from (the Document Server's own, valid for minutes). Readers may.
pub async fn download_as(
    caller: &Caller,
    page_id: &str,
    file_name: &str,
    target: &str,
) -> Result<String, OfficeError> {
    let state = &caller.scope.state;
    let ds = caller.document_server().await?;
    let (att, format, _) = caller.attachment(page_id, file_name).await?;
    if !formats::download_targets(format.document_type).contains(&target) {
        return Err(OfficeError::Unsupported(target.to_owned()));
    }
    let version = att.version();
    let key = caller
        .doc_keys()
        .conversion(caller.client_key(), att.id(), version, target);
    let url = caller.link(&ds, Purpose::File, &att, version, &key)?;
    let name = formats::with_extension(att.title(), target);
    let request = ConvertRequest {
        key: &key,
        file_type: format.ext,
        output_type: target,
        url: &url,
        title: &name,
        pdf: None,
    };
    match ds
        .convert_and_wait(&state.egress, &request, DOWNLOAD_AS_WAIT)
        .await?
    {
        // The Document Server answers with the address Confluo called; browsers need the
        // public one.
        Some(file_url) => Ok(ds.public_file_url(&file_url)),
        None => Err(OfficeError::Other(
            "The conversion takes too long; try again in a minute".into(),
        )),
    }
}

/// Creates a blank document on the page, as the caller; its file name.
pub async fn create(
    caller: &Caller,
    page_id: &str,
    kind: NewDocumentKind,
    title: &str,
) -> Result<String, OfficeError> {
    caller
        .page(page_id, &caller.options().await?)
        .await?
        .require_edit()?;
    let ext = kind.extension();
    let stem = clean_title(title).unwrap_or_else(|| kind.title_in(caller.lang).to_owned());
    // Made for its creator: their language and paper (Confluence's record of their locale).
    let person = caller.confluence().person(&caller.account_id).await?;
    let blank = templates::blank_for(kind, person.locale.as_deref())?;
    let stored = caller
        .attach_new(
            page_id,
            &format!("{stem}.{ext}"),
            ext,
            UploadData::Bytes(&blank),
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
    caller
        .page(page_id, &caller.options().await?)
        .await?
        .require_edit()?;
    let ds = caller.document_server().await?;
    let data = ds.fetch_file(&state.egress, url).await?;
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
            UploadData::Stream(data),
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
pub async fn presence(
    caller: &Caller,
    page_id: &str,
) -> Result<Vec<office::views::Presence>, OfficeError> {
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
    let mut out = Vec::<office::views::Presence>::new();
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
            None => out.push(office::views::Presence {
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
    fn titles() {
        assert_eq!(clean_title("  Q3 plan  ").as_deref(), Some("Q3 plan"));
        assert_eq!(clean_title("../etc/passwd").as_deref(), Some("etcpasswd"));
        assert_eq!(clean_title(" ... "), None);
        assert_eq!(clean_title("a\u{0}b").as_deref(), Some("ab"));
        assert_eq!(clean_title(&"x".repeat(300)).map(|t| t.len()), Some(120));
    }
}
