//! Office editing with ONLYOFFICE Docs: open attachments in the Document Server's editor, save
//! each edit back as a new attachment version credited to the editor, convert legacy and ODF
//! files to OOXML, create new documents.
//!
//! The types and server functions here are shared with the browser; everything that talks to
//! the Document Server or Confluence is server-only.

use crate::app_error::AppError;
use leptos::prelude::*;

use crate::context_client::ContextClient;

// The domain, from its own crate, under the names the screens and server functions use.
#[cfg(feature = "ssr")]
pub use ::office::{
    callback_body, doc_key, ds_client, ds_token, editor_config, file_stream, link_token, observe,
    pdf_form, save_notice, templates, who_may_edit,
};
pub use ::office::{formats, new_document::NewDocumentKind, paths, views::*};

#[cfg(feature = "ssr")]
pub mod action_link;
#[cfg(feature = "ssr")]
pub mod callback;
#[cfg(feature = "ssr")]
pub mod confluence;
#[cfg(feature = "ssr")]
pub mod error;
#[cfg(feature = "ssr")]
use error::IntoServerError;
#[cfg(feature = "ssr")]
pub mod file_link;
#[cfg(feature = "ssr")]
pub mod forgotten;
#[cfg(feature = "ssr")]
pub mod history;
#[cfg(feature = "ssr")]
pub mod linked_files;
#[cfg(feature = "ssr")]
pub mod people;
#[cfg(feature = "ssr")]
pub mod rename;
#[cfg(feature = "ssr")]
pub mod revoke;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod site_setup;
#[cfg(feature = "ssr")]
pub mod test_connection;

/// The verified site and signed-in person a server function acts for.
#[cfg(feature = "ssr")]
async fn caller() -> Result<service::Caller, AppError> {
    let caller = viewer().await?;
    if caller.anonymous() {
        return Err(crate::app_error::AppError::refuse(
            axum::http::StatusCode::FORBIDDEN,
            crate::i18n::current_lang().text("Log in to Confluence to do this."),
        ));
    }
    Ok(caller)
}

/// [`caller`], or someone not logged in (for viewing what Confluence shows them).
#[cfg(feature = "ssr")]
pub(crate) async fn viewer() -> Result<service::Caller, AppError> {
    let scope = crate::tenant_scope::tenant_scope().await?;
    let account_id = scope.account_id.clone().unwrap_or_default();
    Ok(service::Caller::new(
        scope,
        account_id,
        crate::i18n::current_lang(),
    ))
}

/// Opens a page's attachment in the editor: for editing when the caller may edit the page and
/// the format allows it, for viewing otherwise or when `view` asks for it.
#[server(endpoint = "office/open", client = ContextClient)]
pub async fn open_document(
    page_id: String,
    file_name: String,
    view: bool,
    locale: Option<String>,
    #[server(default)] fill: bool,
    #[server(default)] action_link: Option<String>,
) -> Result<EditorLaunch, AppError> {
    let caller = viewer().await?;
    let action_link = match action_link
        .as_deref()
        .map(|raw| action_link::parse(raw, caller.lang))
    {
        Some(Err(err)) => return Err(err.into_server_error("Opening the document")),
        Some(Ok(link)) => Some(link),
        None => None,
    };
    // The editor for phones and tablets, by the browser's own description of itself.
    let mobile = use_context::<axum::http::request::Parts>()
        .and_then(|parts| {
            parts
                .headers
                .get(axum::http::header::USER_AGENT)?
                .to_str()
                .ok()
                .map(editor_config::is_mobile)
        })
        .unwrap_or(false);
    let options = service::OpenOptions {
        view,
        locale: locale.as_deref(),
        mobile,
        fill,
        action_link,
        embedded: false,
    };
    service::open(&caller, &page_id, &file_name, options)
        .await
        .map_err(|err| err.into_server_error("Opening the document"))
}

/// "Download as": the address to download the file converted to `target` from.
#[server(endpoint = "office/download-as", client = ContextClient)]
pub async fn download_as(
    page_id: String,
    file_name: String,
    target: String,
) -> Result<String, AppError> {
    let caller = caller().await?;
    service::download_as(&caller, &page_id, &file_name, &target)
        .await
        .map_err(|err| err.into_server_error("Preparing the download"))
}

/// The document in the light read-only viewer, for a preview inside a page (the macro).
#[server(endpoint = "office/preview", client = ContextClient)]
pub async fn preview_document(
    page_id: String,
    file_name: String,
    locale: Option<String>,
) -> Result<EditorLaunch, AppError> {
    let caller = viewer().await?;
    let options = service::OpenOptions {
        view: true,
        locale: locale.as_deref(),
        mobile: false,
        fill: false,
        action_link: None,
        embedded: true,
    };
    service::open(&caller, &page_id, &file_name, options)
        .await
        .map_err(|err| err.into_server_error("Showing the preview"))
}

/// Starts or continues converting an attachment to OOXML (or, with `to_form`, a DOCX to a
/// fillable PDF form); call again until `file_name` is set.
#[server(endpoint = "office/convert", client = ContextClient)]
pub async fn convert_document(
    page_id: String,
    file_name: String,
    // Make a fillable PDF form instead (from DOCX or DOCXF).
    #[server(default)] to_form: bool,
) -> Result<ConversionStep, AppError> {
    let caller = caller().await?;
    service::convert_step(&caller, &page_id, &file_name, to_form)
        .await
        .map_err(|err| err.into_server_error("Converting the document"))
}

/// Creates a blank document on the page; its file name.
#[server(endpoint = "office/create", client = ContextClient)]
pub async fn create_document(
    page_id: String,
    kind: NewDocumentKind,
    title: String,
) -> Result<String, AppError> {
    let caller = caller().await?;
    service::create(&caller, &page_id, kind, &title)
        .await
        .map_err(|err| err.into_server_error("Creating the document"))
}

/// Who is editing which of the page's attachments now (for people who may read the page).
#[server(endpoint = "office/presence", client = ContextClient)]
pub async fn editing_now(page_id: String) -> Result<Vec<Presence>, AppError> {
    let caller = caller().await?;
    service::presence(&caller, &page_id)
        .await
        .map_err(|err| err.into_server_error("Reading who is editing"))
}

/// The attachment's versions for the editor's history panel.
#[server(endpoint = "office/history", client = ContextClient)]
pub async fn document_history(page_id: String, file_name: String) -> Result<History, AppError> {
    let caller = caller().await?;
    history::list(&caller, &page_id, &file_name)
        .await
        .map_err(|err| err.into_server_error("Reading the version history"))
}

/// One version for the history panel, as JSON for `setHistoryData` (signed link and token).
#[server(endpoint = "office/history-data", client = ContextClient)]
pub async fn history_data(
    page_id: String,
    file_name: String,
    version: i32,
) -> Result<String, AppError> {
    let caller = caller().await?;
    history::data(&caller, &page_id, &file_name, version)
        .await
        .map(|data| data.to_string())
        .map_err(|err| err.into_server_error("Opening that version"))
}

/// Stores an earlier version as the newest one, as the caller; the new version number.
#[server(endpoint = "office/restore", client = ContextClient)]
pub async fn restore_version(
    page_id: String,
    file_name: String,
    version: i32,
) -> Result<i32, AppError> {
    let caller = caller().await?;
    history::restore(&caller, &page_id, &file_name, version)
        .await
        .map_err(|err| err.into_server_error("Restoring the version"))
}

/// "Save copy as" from the editor: the Document Server's file at `url` attached to the page as
/// a new file; its name.
#[server(endpoint = "office/save-copy", client = ContextClient)]
pub async fn save_copy(
    page_id: String,
    source: String,
    title: String,
    file_type: String,
    url: String,
) -> Result<String, AppError> {
    let caller = caller().await?;
    service::save_copy(&caller, &page_id, &source, &title, &file_type, &url)
        .await
        .map_err(|err| err.into_server_error("Saving a copy"))
}

/// A file from the page for the running editor (`purpose`: image, document, spreadsheet or
/// reference), as the JSON argument of the editor method that takes it.
#[server(endpoint = "office/editor-file", client = ContextClient)]
pub async fn editor_file(
    page_id: String,
    file_name: String,
    purpose: String,
    #[server(default)] c: String,
) -> Result<String, AppError> {
    let caller = caller().await?;
    let purpose = formats::FileUse::parse(&purpose).ok_or_else(|| {
        error::OfficeError::Other(caller.lang.fmt(
            "“{purpose}” is not something the editor asks for.",
            &[("purpose", &purpose)],
        ))
        .into_server_error("Handing the file to the editor")
    })?;
    linked_files::for_editor(&caller, &page_id, &file_name, purpose, &c)
        .await
        .map(|arg| arg.to_string())
        .map_err(|err| err.into_server_error("Handing the file to the editor"))
}

/// Linked data: the file a spreadsheet's link (`{referenceData, path}` as JSON) points at, as
/// `setReferenceData`'s argument; with `open`, the document page's address in Confluence.
#[server(endpoint = "office/linked-file", client = ContextClient)]
pub async fn linked_file(
    page_id: String,
    reference: String,
    #[server(default)] open: bool,
) -> Result<String, AppError> {
    let caller = caller().await?;
    let doing = "Finding the linked file";
    let reference: serde_json::Value = serde_json::from_str(&reference).map_err(|_| {
        error::OfficeError::Other(caller.lang.text("The link to the file is damaged.").into())
            .into_server_error(doing)
    })?;
    let found = if open {
        linked_files::open_url(&caller, &page_id, &reference).await
    } else {
        linked_files::reference_data(&caller, &page_id, &reference)
            .await
            .map(|arg| arg.to_string())
    };
    found.map_err(|err| err.into_server_error(doing))
}

/// The editor's "Get link": a Confluence address that opens this document at `place` (the
/// editor's description of a bookmark or comment, as JSON).
#[server(endpoint = "office/action-link", client = ContextClient)]
pub async fn action_link_url(
    page_id: String,
    file_name: String,
    place: String,
) -> Result<String, AppError> {
    let caller = caller().await?;
    let doing = "Making a link";
    let place =
        action_link::parse(&place, caller.lang).map_err(|err| err.into_server_error(doing))?;
    action_link::link(
        &caller.scope.tenant.base_url,
        &page_id,
        &file_name,
        &place,
        caller.lang,
    )
    .map_err(|err| err.into_server_error(doing))
}

/// People for the editor: for `info`, the names and avatars of `ids`; otherwise (mentions,
/// protected ranges) those whose names contain `search`.
#[server(endpoint = "office/people", client = ContextClient)]
pub async fn find_people(
    page_id: String,
    kind: String,
    #[server(default)] search: String,
    // An empty list is not in the request at all.
    #[server(default)] ids: Vec<String>,
) -> Result<Vec<PersonCard>, AppError> {
    let caller = caller().await?;
    let found = if kind == "info" {
        people::info(&caller, &page_id, &ids).await
    } else {
        people::search(&caller, &page_id, &search).await
    };
    found.map_err(|err| err.into_server_error("Finding people"))
}

/// Edits of this site the Document Server could not deliver. Administrators only.
#[server(endpoint = "document-server/forgotten", client = ContextClient)]
pub async fn forgotten_files() -> Result<Vec<ForgottenFile>, AppError> {
    let scope = crate::document_server_settings::admin_scope().await?;
    forgotten::list(&scope)
        .await
        .map_err(|err| err.into_server_error("Listing unsaved edits"))
}

/// Stores an undelivered edit as a new version, as the administrator. Administrators only.
#[server(endpoint = "document-server/recover", client = ContextClient)]
pub async fn recover_forgotten(key: String) -> Result<i32, AppError> {
    let scope = crate::document_server_settings::admin_scope().await?;
    let account_id = scope.account_id.clone().unwrap_or_default();
    forgotten::recover(&scope, &account_id, &key)
        .await
        .map_err(|err| err.into_server_error("Saving the edit"))
}

/// Tests the settings in the form (the stored secret when the form leaves it empty): health
/// check, then the `version` command, which proves the secret and header. Administrators only.
#[server(endpoint = "document-server/test", client = ContextClient)]
pub async fn test_document_server(
    form: crate::document_server_settings::DocumentServerForm,
) -> Result<ConnectionReport, AppError> {
    let scope = crate::document_server_settings::admin_scope().await?;
    test_connection::run(&scope, &form, crate::i18n::current_lang())
        .await
        .map_err(|err| err.into_server_error("Testing the connection"))
}

/// The routes the Document Server calls.
#[cfg(feature = "ssr")]
pub fn routes() -> axum::Router<crate::state::AppState> {
    use axum::routing::{get, post};
    axum::Router::new()
        .route(paths::FILE, get(file_link::handle))
        .route(paths::PROBE, get(test_connection::probe))
        .route(paths::CHANGES, get(history::changes_archive))
        .route(
            paths::CALLBACK,
            // The server limits the body before it gets here.
            post(callback::handle),
        )
}

/// What Confluence last reported (by webhook) about `attachment_id`, for someone who can see
/// `page_id`, the page it is attached to.
#[server(endpoint = "attachments/activity", client = ContextClient)]
pub async fn attachment_activity(
    page_id: String,
    attachment_id: String,
) -> Result<Option<::office::activity::ReportedChange>, AppError> {
    let caller = viewer().await?;
    service::require_attachment_on_page(&caller, &page_id, &attachment_id)
        .await
        .map_err(|err| err.into_server_error("Reading the attachment's history"))?;
    let scope = &caller.scope;
    crate::store::attachment_activity::latest(&scope.state.db, scope.client_key(), &attachment_id)
        .await
        .map_err(|err| {
            tracing::error!(error = %err, "reading attachment activity failed");
            AppError::internal("the attachment's history could not be read; try again")
        })
}
