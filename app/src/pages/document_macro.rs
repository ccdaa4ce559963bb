//! The document macro: the attachment a page author chose, as a card with its type, size and
//! version (read through the host as the viewer), what Confluence last reported about it, and
//! a way to look at the page's other documents.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::{
    app_error::AppError,
    attachments::{Attachment, ReportedChange, document_kind, human_size},
    i18n::{Tr, use_tr},
    pages::frame::{HostScript, Loaded, host_failure, when_loaded},
};

#[component]
pub fn DocumentMacro() -> impl IntoView {
    let t = use_tr();
    let query = use_query_map();
    let page_id = crate::pages::frame::page_id_param();
    let file = query.read_untracked().get("attachment").unwrap_or_default();
    // The page author asked to show the document itself (the macro's `preview` parameter).
    let preview = query.read_untracked().get("preview").as_deref() == Some("true");
    let attachment: Loaded<Attachment> = {
        let (page_id, file) = (page_id.clone(), file.clone());
        LocalResource::new(move || {
            let (page_id, file) = (page_id.clone(), file.clone());
            async move { find_attachment(t, &page_id, &file).await }
        })
    };
    let activity: Loaded<Option<ReportedChange>> = {
        let page_id = page_id.clone();
        LocalResource::new(move || {
            let page_id = page_id.clone();
            async move { last_reported(t, page_id, attachment).await }
        })
    };
    let chosen = RwSignal::new(None::<String>);
    let caption = RwSignal::new(String::new());
    // Shown in the editor's preview or an export: no navigation away from there.
    let displayed = RwSignal::new(true);
    let added = RwSignal::new(None::<String>);
    #[cfg(feature = "hydrate")]
    let added_listener = StoredValue::new_local(None::<connect::bridge::events::Listener>);

    #[cfg(feature = "hydrate")]
    {
        // The frame fits the card once it is known.
        Effect::new(move |_| {
            if attachment.with(Option::is_some) || activity.with(Option::is_some) {
                crate::pages::frame::resize_soon();
            }
        });
        Effect::new(move |_| {
            leptos::task::spawn_local(async move {
                use connect::bridge::{confluence, context};
                if let Ok(body) = confluence::macro_body().await {
                    caption.set(body.trim().to_owned());
                }
                if let Ok(ctx) = context::context().await {
                    displayed.set(output_is_display(&ctx));
                }
                crate::pages::frame::resize_soon();
            });
            // A document created in the attachments dialog is announced to the page's macros.
            let listener = connect::bridge::events::on(ATTACHMENTS_CHANGED, move |data| {
                if let Some(name) = data.get("created").and_then(|v| v.as_str()) {
                    added.set(Some(name.to_owned()));
                    crate::pages::frame::resize_soon();
                }
            });
            if let Ok(listener) = listener {
                added_listener.set_value(Some(listener));
            }
        });
    }

    let open_dialog = {
        let page_id = page_id.clone();
        let current_file = file.clone();
        move |_| {
            #[cfg(feature = "hydrate")]
            {
                use connect::bridge::dialog::{DialogOptions, create};
                let options = DialogOptions {
                    key: crate::descriptor::keys::ATTACHMENTS_DIALOG.into(),
                    custom_data: Some(serde_json::json!({
                        "pageId": page_id,
                        "attachment": current_file,
                    })),
                    ..DialogOptions::default()
                };
                // This dialog's answer (a choice, or nothing when cancelled) arrives once.
                let listening = connect::bridge::events::once("dialog.close", move |data| {
                    if let Some(title) = data.get("attachment").and_then(|v| v.as_str()) {
                        chosen.set(Some(title.to_owned()));
                        crate::pages::frame::resize_soon();
                    }
                });
                if let Err(err) = listening.and_then(|()| create(&options)) {
                    crate::pages::frame::report(t.text("Cannot open the dialog"), err.to_string());
                }
            }
            #[cfg(not(feature = "hydrate"))]
            let _ = (&page_id, &current_file);
        }
    };

    // Open: the document's own page in Confluence (a general page of the app).
    let open_page = {
        let (page_id, file) = (page_id.clone(), file.clone());
        move |_| {
            #[cfg(feature = "hydrate")]
            {
                let context = serde_json::json!({
                    "addonKey": crate::descriptor::APP_KEY,
                    "moduleKey": crate::descriptor::keys::DOCUMENT_PAGE,
                    "customData": { "pageId": page_id, "attachment": file },
                });
                if let Err(err) = connect::bridge::navigator::go("addonModule", &context) {
                    crate::pages::frame::report(
                        t.text("Cannot open the document"),
                        err.to_string(),
                    );
                }
            }
            #[cfg(not(feature = "hydrate"))]
            let _ = (&page_id, &file);
        }
    };
    let reload = move |_| {
        #[cfg(feature = "hydrate")]
        if let Err(err) = connect::bridge::navigator::reload() {
            crate::pages::frame::report(t.text("Cannot reload the page"), err.to_string());
        }
    };
    // "Stop telling me": the listener is removed, later additions are not announced here.
    let dismiss = move |_| {
        added.set(None);
        #[cfg(feature = "hydrate")]
        if let Some(listener) = added_listener.try_update_value(Option::take).flatten() {
            let _ = listener.off();
        }
        crate::pages::frame::resize_soon();
    };
    let empty = file.is_empty();
    let preview_view = (preview && !empty)
        .then(|| view! { <MacroPreview page_id=page_id.clone() file=file.clone()/> });
    view! {
        <HostScript/>
        <section class="macro" aria-live="polite" data-testid="document-macro">
            <crate::licence::LicenceNotice/>
            {move || {
                if empty {
                    return view! {
                        <p class="muted" data-testid="doc-empty">
                            {t.text("No document chosen yet. Edit the macro to pick one of the page's attachments.")}
                        </p>
                    }
                        .into_any();
                }
                let name = file.clone();
                let loading = move || {
                    view! {
                        <p class="muted" data-testid="doc-loading">
                            {t.fmt("Loading {name}…", &[("name", &name)])}
                        </p>
                    }
                        .into_any()
                };
                when_loaded(attachment, loading, "doc-error", |att| view! { <DocumentCard att/> })
                    .into_any()
            }}
            {preview_view}
            <Show when=move || !caption.get().is_empty()>
                <p class="doc-caption" data-testid="doc-caption">{move || caption.get()}</p>
            </Show>
            <p class="muted small" data-testid="doc-activity">
                {move || match activity.get() {
                    None => String::new(),
                    Some(Err(error)) => error.message,
                    Some(Ok(None)) => t.text("No changes reported by Confluence since the app was installed.").into(),
                    Some(Ok(Some(a))) => activity_text(t, &a),
                }}
            </p>
            <Show when=move || !displayed.get()>
                <p class="muted small" data-testid="doc-preview-note">{t.text("Open the page to edit or view this document.")}</p>
            </Show>
            <div class="actions" hidden=move || !displayed.get()>
                <Show when=move || !empty>
                    <button class="button button-primary" data-testid="open-document" on:click=open_page.clone()>
                        {t.text("Open")}
                    </button>
                </Show>
                <button class="button" data-testid="choose-document" on:click=open_dialog>
                    {t.text("Other documents on this page…")}
                </button>
            </div>
            <Show when=move || added.get().is_some()>
                <div class="notice" role="status" data-testid="doc-added">
                    <span>{move || t.fmt("{name} was added to this page.", &[("name", &added.get().unwrap_or_default())])}</span>
                    <button class="button" data-testid="reload-page" on:click=reload>{t.text("Reload the page")}</button>
                    <button class="button button-subtle" data-testid="dismiss-added" on:click=dismiss>{t.text("Don't tell me again")}</button>
                </div>
            </Show>
            <Show when=move || chosen.get().is_some()>
                <p class="status" role="status" data-testid="dialog-choice">
                    {move || t.fmt("Chosen in the dialog: {name}", &[("name", &chosen.get().unwrap_or_default())])}
                </p>
            </Show>
        </section>
    }
}

/// The document itself in the Document Server's light read-only viewer. People who may edit get
/// its Edit button, which opens the document page.
#[component]
fn MacroPreview(page_id: String, file: String) -> impl IntoView {
    const PREVIEW_ID: &str = "macro-preview-editor";
    let state = RwSignal::new(String::from("loading"));
    let failure = RwSignal::new(None::<String>);
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        let (page_id, file) = (page_id.clone(), file.clone());
        leptos::task::spawn_local(async move {
            use crate::pages::office_editor::{Events, start};
            let locale = connect::bridge::user::locale().await.ok();
            let launch = match crate::office::preview_document(
                page_id.clone(),
                file.clone(),
                locale,
            )
            .await
            {
                Ok(launch) => launch,
                Err(err) => {
                    state.set("failed".into());
                    failure.set(Some(err.message));
                    crate::pages::frame::resize_soon();
                    return;
                }
            };
            let events = Events {
                on_ready: Box::new(move || {
                    state.set("ready".into());
                    crate::pages::frame::resize_soon();
                }),
                on_error: Box::new(move |message| failure.set(Some(message))),
                on_request_edit_rights: Box::new(move || {
                    let _ = crate::pages::document_page::open_in_confluence(&page_id, &file, false);
                }),
                on_request_history: None,
                on_request_history_data: None,
                on_request_history_close: None,
                on_request_restore: None,
                on_request_users: None,
                on_request_save_as: None,
                on_data: Vec::new(),
            };
            if let Err(message) = start(&launch.api_js, PREVIEW_ID, &launch.config, events).await {
                state.set("failed".into());
                failure.set(Some(message));
            }
            crate::pages::frame::resize_soon();
        });
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = (page_id, file);
    view! {
        <div class="macro-preview" data-testid="doc-preview" data-state=move || state.get()>
            <div id=PREVIEW_ID></div>
        </div>
        <Show when=move || failure.get().is_some()>
            <p class="error" role="alert" data-testid="doc-preview-error">{move || failure.get().unwrap_or_default()}</p>
        </Show>
    }
}

#[component]
pub(crate) fn DocumentCard(att: Attachment) -> impl IntoView {
    let t = use_tr();
    // The icon is chosen by the English kind.
    let kind = document_kind(&att.title).unwrap_or("File");
    view! {
        <div class="doc-card" data-testid="doc-card">
            <span class="doc-icon" data-kind=kind.to_ascii_lowercase() aria-hidden="true"></span>
            <div>
                <h2 class="doc-title" data-testid="doc-title">{att.title.clone()}</h2>
                <p class="muted">
                    <span data-testid="doc-kind">{crate::attachments::kind_label(t.lang(), kind)}</span>
                    " · "
                    <span data-testid="doc-size">{human_size(att.extensions.file_size)}</span>
                    " · " {t.text("version")} " "
                    <span data-testid="doc-version">{att.version.number}</span>
                </p>
            </div>
        </div>
    }
}

/// The event the attachments dialog sends to the page's macros after adding a document.
#[cfg(feature = "hydrate")]
pub(crate) const ATTACHMENTS_CHANGED: &str = "confluo.attachments-changed";

/// Whether the macro is shown on the page itself (`display`), not in the editor's preview or an
/// export, where navigating away would lose unsaved work.
#[cfg(any(feature = "hydrate", test))]
pub(crate) fn output_is_display(context: &serde_json::Value) -> bool {
    context
        .pointer("/confluence/macro/outputType")
        .and_then(|v| v.as_str())
        .is_none_or(|t| t == "display")
}

pub(crate) fn activity_text(t: Tr, a: &ReportedChange) -> String {
    let created = a.event == "attachment_created";
    match (a.version, created) {
        (Some(v), true) => t.fmt(
            "Confluence reported: attached, version {version}.",
            &[("version", &v.to_string())],
        ),
        (Some(v), false) => t.fmt(
            "Confluence reported: updated, version {version}.",
            &[("version", &v.to_string())],
        ),
        (None, true) => t.text("Confluence reported: attached.").to_owned(),
        (None, false) => t.text("Confluence reported: updated.").to_owned(),
    }
}

/// The macro's attachment, read through the host as the viewer.
async fn find_attachment(t: Tr, page_id: &str, file: &str) -> Result<Attachment, AppError> {
    use crate::attachments::Results;
    let gone = || AppError {
        status: 404,
        message: t.fmt(
            "{name} is no longer attached to this page.",
            &[("name", file)],
        ),
    };
    if file.is_empty() {
        return Err(gone());
    }
    let query: String = form_urlencoded::Serializer::new(String::new())
        .append_pair("filename", file)
        .finish();
    let url = format!("/rest/api/content/{page_id}/child/attachment?{query}");
    match connect::bridge::request_json::<Results<Attachment>>(&url).await {
        Ok(list) => list.results.into_iter().next().ok_or_else(gone),
        Err(err) => Err(host_failure(t.text("Cannot read the attachment"), err)),
    }
}

/// What Confluence last reported about the macro's attachment (nothing for one not found).
async fn last_reported(
    t: Tr,
    page_id: String,
    attachment: Loaded<Attachment>,
) -> Result<Option<ReportedChange>, AppError> {
    let Ok(att) = attachment.await else {
        return Ok(None);
    };
    crate::office::attachment_activity(page_id, att.id)
        .await
        .map_err(|err| crate::pages::frame::reported(t.text("Confluo server"), err))
}

#[cfg(test)]
mod tests {
    use super::output_is_display;
    use serde_json::json;

    #[test]
    fn only_the_page_view_offers_navigation() {
        let ctx = |t: &str| json!({ "confluence": { "macro": { "outputType": t } } });
        assert!(output_is_display(&ctx("display")));
        assert!(!output_is_display(&ctx("preview")));
        assert!(!output_is_display(&ctx("export")));
        // Hosts that do not say are treated as the page view.
        assert!(output_is_display(&json!({ "confluence": {} })));
    }
}
