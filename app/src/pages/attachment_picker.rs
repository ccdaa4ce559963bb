//! A keyboard-friendly list of the page's attachments with one selectable, shared by the macro
//! editor and the attachments dialog.

use leptos::prelude::*;

use crate::{
    attachments::{Attachment, document_kind, human_size},
    office::formats::FileUse,
    pages::frame::{Loaded, host_failure, when_loaded},
};

/// The page's attachments, read through the host as the viewer; a failure is flagged.
pub fn page_attachments(t: crate::i18n::Tr, page_id: String) -> Loaded<Vec<Attachment>> {
    LocalResource::new(move || {
        let page_id = page_id.clone();
        async move {
            crate::attachments::page_attachments(&page_id)
                .await
                .map_err(|err| host_failure(t.text("Cannot list attachments"), err))
        }
    })
}

/// Radio buttons over `attachments` (those `only` accepts, when given); `selected` holds the
/// chosen file name. With `editing`, each row says who is editing that attachment now.
#[component]
pub fn AttachmentPicker(
    attachments: Loaded<Vec<Attachment>>,
    selected: RwSignal<Option<String>>,
    #[prop(optional, into)] editing: Option<Signal<Vec<crate::office::Presence>>>,
    #[prop(optional, into)] only: Option<Signal<Option<FileUse>>>,
) -> impl IntoView {
    let t = crate::i18n::use_tr();
    let loading = move || {
        view! { <p class="muted" data-testid="attachments-loading">{t.text("Loading attachments…")}</p> }
            .into_any()
    };
    when_loaded(
        attachments,
        loading,
        "attachments-error",
        move |list: Vec<Attachment>| {
            move || {
                let use_ = only.and_then(|only| only.get());
                let list: Vec<Attachment> = list
                    .iter()
                    .filter(|a| use_.is_none_or(|u| u.accepts(&a.title)))
                    .cloned()
                    .collect();
                if list.is_empty() {
                    return view! { <p class="muted" data-testid="attachments-empty">{t.text("This page has no attachments yet.")}</p> }.into_any();
                }
                view! {
                <fieldset class="picker">
                    <legend class="visually-hidden">{t.text("Attachments")}</legend>
                    {list
                        .into_iter()
                        .map(|att| {
                            let title = att.title.clone();
                            let checked_title = title.clone();
                            let set_title = title.clone();
                            let office = document_kind(&title).is_some();
                            let id = att.id.clone();
                            let who = move || {
                                editing.and_then(|e| {
                                    e.with(|list| {
                                        list.iter()
                                            .find(|p| p.attachment_id == id && !p.people.is_empty())
                                            .map(|p| t.fmt("Being edited by {names}", &[("names", &p.people.join(", "))]))
                                    })
                                })
                            };
                            view! {
                                <label class="picker-row" class:muted=!office data-testid="attachment-option">
                                    <input
                                        type="radio"
                                        name="attachment"
                                        value=title.clone()
                                        prop:checked=move || selected.get().as_deref() == Some(checked_title.as_str())
                                        on:change=move |_| selected.set(Some(set_title.clone()))
                                    />
                                    <span class="picker-title">{title}</span>
                                    <span class="muted small">
                                        {crate::attachments::kind_label(t.lang(), document_kind(&att.title).unwrap_or("Other file"))} " · "
                                        {human_size(att.extensions.file_size)} " · v"
                                        {att.version.number}
                                    </span>
                                    {move || who().map(|text| view! {
                                        <span class="presence small" data-testid="attachment-presence">{text}</span>
                                    })}
                                </label>
                            }
                        })
                        .collect_view()}
                </fieldset>
            }
                .into_any()
            }
        },
    )
}
