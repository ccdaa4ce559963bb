//! The attachments dialog, opened from the page's "…" menu or from the document macro: the
//! page's attachments, one of which the opener can be handed back on Submit.

use leptos::prelude::*;

use crate::office::NewDocumentKind;

use crate::{
    attachments::Attachment,
    i18n::use_tr,
    pages::{
        attachment_picker::AttachmentPicker,
        attachment_picker::page_attachments,
        frame::{HostScript, Loaded, page_id_param},
    },
};

#[component]
pub fn AttachmentsDialog() -> impl IntoView {
    let t = use_tr();
    let page_id = page_id_param();
    let attachments = page_attachments(t, page_id.clone());
    let selected = RwSignal::new(None::<String>);
    let hint = RwSignal::new(None::<String>);

    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        use connect::bridge::{dialog, events};
        // Submit validates here, then closes with the choice for the opener.
        let _ = dialog::disable_close_on_submit();
        let _ = events::on("dialog.submit", move |_| match selected.get_untracked() {
            Some(name) => {
                let _ = dialog::close(&serde_json::json!({ "attachment": name }));
            }
            None => hint.set(Some(t.text("Choose a document, or cancel.").into())),
        });
        // Opened from a macro, the dialog starts on the macro's document (a separate task: a
        // host that never answers must not hold up the list).
        leptos::task::spawn_local(async move {
            if let Ok(data) = dialog::custom_data().await
                && let Some(name) = data.get("attachment").and_then(|v| v.as_str())
                && !name.is_empty()
                && selected.get_untracked().is_none()
            {
                selected.set(Some(name.to_owned()));
            }
        });
    });
    // Submit is live only once there is something to hand back.
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        let chosen = selected.get().is_some();
        let _ = connect::bridge::dialog::set_button_enabled("submit", chosen);
    });
    // Hints only: the list works without them.
    let presence = {
        let page_id = page_id.clone();
        LocalResource::new(move || crate::office::editing_now(page_id.clone()))
    };
    let editing = Signal::derive(move || presence.get().and_then(Result::ok).unwrap_or_default());
    let editing_known = move || presence.with(Option::is_some);
    let recent_property =
        LocalResource::new(|| connect::bridge::confluence::content_property(RECENT_PROPERTY));
    let recent = Signal::derive(move || {
        recent_property
            .get()
            .and_then(Result::ok)
            .flatten()
            .map(|property| recent_names(&property.value))
            .unwrap_or_default()
    });
    let open = {
        let page_id = page_id.clone();
        move |view: bool| {
            let Some(name) = selected.get_untracked() else {
                hint.set(Some(t.text("Choose a document first.").into()));
                return;
            };
            let page_id = page_id.clone();
            let go = move || match crate::pages::document_page::open_in_confluence(
                &page_id, &name, view,
            ) {
                Ok(()) => {
                    #[cfg(feature = "hydrate")]
                    let _ = connect::bridge::dialog::close(&serde_json::json!({ "opened": name }));
                }
                Err(err) => hint.set(Some(crate::pages::frame::report(
                    t.text("Cannot open the document"),
                    err,
                ))),
            };
            #[cfg(feature = "hydrate")]
            {
                let name = selected.get_untracked().unwrap_or_default();
                leptos::task::spawn_local(async move {
                    // Best effort: a reader may not change the page, and a host that does not
                    // answer must not hold up opening for more than a moment.
                    let remember = std::pin::pin!(remember_opened(&name));
                    let patience = gloo_timers::future::TimeoutFuture::new(2_000);
                    let _ = futures::future::select(remember, patience).await;
                    go();
                });
            }
            #[cfg(not(feature = "hydrate"))]
            go();
        }
    };
    let open_edit = open.clone();
    let chosen_office = move || {
        selected
            .get()
            .is_some_and(|name| crate::office::formats::format_of(&name).is_some())
    };

    view! {
        <HostScript size_to_parent=true/>
        <main class="dialog" data-testid="attachments-dialog"
            data-presence=move || if editing_known() { "known" } else { "asking" }>
            <h1 class="visually-hidden">{t.text("Office documents on this page")}</h1>
            <AttachmentPicker attachments selected editing/>
            <Show when=move || !recent.get().is_empty()>
                <p class="muted small recent" data-testid="dialog-recent">
                    {move || t.fmt("Recently opened here: {names}", &[("names", &recent.get().join(", "))])}
                </p>
            </Show>
            <div class="actions">
                <button class="button button-primary" data-testid="dialog-open" disabled=move || !chosen_office()
                    on:click=move |_| open_edit(false)>{t.text("Open")}</button>
                <button class="button" data-testid="dialog-view" disabled=move || !chosen_office()
                    on:click=move |_| open(true)>{t.text("View only")}</button>
            </div>
            <CreateDocument page_id=page_id.clone() attachments selected/>
            <Show when=move || hint.get().is_some()>
                <p class="error" role="alert" data-testid="dialog-hint">{move || hint.get().unwrap_or_default()}</p>
            </Show>
        </main>
    }
}

/// "New document": a blank DOCX, XLSX or PPTX attached to the page as the person creating it.
#[component]
fn CreateDocument(
    page_id: String,
    attachments: Loaded<Vec<Attachment>>,
    selected: RwSignal<Option<String>>,
) -> impl IntoView {
    let t = use_tr();
    let kind = RwSignal::new(NewDocumentKind::Document);
    let title = RwSignal::new(String::new());
    let create = ServerAction::<crate::office::CreateDocument>::new();
    let submit = {
        let page_id = page_id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            create.dispatch(crate::office::CreateDocument {
                page_id: page_id.clone(),
                kind: kind.get_untracked(),
                title: title.get_untracked(),
            });
        }
    };
    // Created: list it and choose it, ready to open, and tell the page's macros.
    Effect::new(move |_| {
        if let Some(Ok(name)) = create.value().get() {
            selected.set(Some(name.clone()));
            #[cfg(feature = "hydrate")]
            {
                let _ = connect::bridge::events::emit(
                    crate::pages::document_macro::ATTACHMENTS_CHANGED,
                    &serde_json::json!({ "created": name }),
                );
            }
            attachments.refetch();
        }
    });
    view! {
        <form class="create-form" on:submit=submit data-testid="create-form">
            <h2 class="small-heading">{t.text("New document")}</h2>
            <div class="inline-fields">
                <select aria-label=t.text("Type") data-testid="create-kind"
                    on:change=move |ev| {
                        let value = event_target_value(&ev);
                        if let Some(k) = NewDocumentKind::ALL.into_iter().find(|k| k.extension() == value) {
                            kind.set(k);
                        }
                    }>
                    {NewDocumentKind::ALL.into_iter().map(|k| view! {
                        <option value=k.extension() selected=move || kind.get() == k>{k.title_in(t.lang())}" (."{k.extension()}")"</option>
                    }).collect_view()}
                </select>
                <input aria-label=t.text("Name") data-testid="create-title" placeholder=move || kind.get().title_in(t.lang())
                    prop:value=move || title.get() on:input=move |ev| title.set(event_target_value(&ev))/>
                <button class="button" type="submit" data-testid="create-submit" disabled=move || create.pending().get()>
                    {move || if create.pending().get() { t.text("Creating…") } else { t.text("Create") }}
                </button>
            </div>
            <p class="status" role="status" data-testid="create-result">
                {move || match create.value().get() {
                    Some(Ok(name)) => t.fmt("Created {name}.", &[("name", &name)]),
                    Some(Err(err)) => err.to_string(),
                    None => String::new(),
                }}
            </p>
        </form>
    }
}

/// The page's content property listing the documents last opened from this dialog, newest first.
pub(crate) const RECENT_PROPERTY: &str = "confluo-recent-documents";
const RECENT_LIMIT: usize = 5;

pub(crate) fn recent_names(value: &serde_json::Value) -> Vec<String> {
    value
        .get("documents")
        .and_then(|v| v.as_array())
        .map(|list| {
            list.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .take(RECENT_LIMIT)
                .collect()
        })
        .unwrap_or_default()
}

/// `name` first, then the others, without repeats, at most [`RECENT_LIMIT`].
#[cfg(any(feature = "hydrate", test))]
pub(crate) fn with_recent(previous: &[String], name: &str) -> serde_json::Value {
    let documents: Vec<&str> = std::iter::once(name)
        .chain(previous.iter().map(String::as_str).filter(|n| *n != name))
        .take(RECENT_LIMIT)
        .collect();
    serde_json::json!({ "documents": documents })
}

/// Records `name` in the page's recent documents; retried once when another writer got there
/// first (Confluence refuses a stale version number).
#[cfg(feature = "hydrate")]
async fn remember_opened(name: &str) -> Result<(), connect::bridge::BridgeError> {
    use connect::bridge::confluence::{ContentProperty, content_property, set_content_property};
    let mut last = Err(connect::bridge::BridgeError::NoHost);
    for _ in 0..2 {
        let previous = content_property(RECENT_PROPERTY).await?;
        let names = previous
            .as_ref()
            .map(|p| recent_names(&p.value))
            .unwrap_or_default();
        let next = ContentProperty::next(
            RECENT_PROPERTY,
            with_recent(&names, name),
            previous.as_ref(),
        );
        last = set_content_property(&next).await.map(drop);
        if last.is_ok() {
            break;
        }
    }
    last
}

#[cfg(test)]
mod tests {
    use super::{recent_names, with_recent};

    #[test]
    fn recent_documents_newest_first_without_repeats_and_bounded() {
        let names: Vec<String> = ["a.docx", "b.xlsx", "c.pptx", "d.docx", "e.docx"]
            .map(String::from)
            .to_vec();
        let value = with_recent(&names, "c.pptx");
        assert_eq!(
            recent_names(&value),
            ["c.pptx", "a.docx", "b.xlsx", "d.docx", "e.docx"]
        );
        let value = with_recent(&names, "new.docx");
        assert_eq!(
            recent_names(&value),
            ["new.docx", "a.docx", "b.xlsx", "c.pptx", "d.docx"]
        );
        assert!(recent_names(&serde_json::json!({ "documents": "oops" })).is_empty());
    }
}
