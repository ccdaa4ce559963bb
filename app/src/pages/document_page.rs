//! The document's own page in Confluence (a general page of the app), opened from the document
//! macro with `AP.navigator.go('addonModule')`. Its custom data (`ac.pageId`, `ac.attachment`)
//! arrives in the URL, covered by the verified token.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::{
    documents::{Attachment, ReportedChange},
    pages::{
        document_macro::{DocumentCard, activity_text},
        frame::{HostScript, Load},
    },
};

#[component]
pub fn DocumentPage() -> impl IntoView {
    let query = use_query_map();
    let page_id = query.read_untracked().get("ac.pageId").unwrap_or_default();
    let file = query
        .read_untracked()
        .get("ac.attachment")
        .unwrap_or_default();
    let attachment = RwSignal::new(Load::<Attachment>::Loading);
    let activity = RwSignal::new(Load::<Option<ReportedChange>>::Loading);

    #[cfg(feature = "hydrate")]
    {
        let (page_id, file) = (page_id.clone(), file.clone());
        Effect::new(move |_| {
            let (page_id, file) = (page_id.clone(), file.clone());
            leptos::task::spawn_local(async move {
                crate::pages::document_macro::load(&page_id, &file, attachment, activity).await;
            });
        });
    }

    let back = {
        let page_id = page_id.clone();
        move |_| {
            #[cfg(feature = "hydrate")]
            if let Err(err) = connect::bridge::navigator::go(
                "contentview",
                &serde_json::json!({ "contentId": page_id, "contentType": "page" }),
            ) {
                crate::pages::frame::report("Cannot go back", err.to_string());
            }
            #[cfg(not(feature = "hydrate"))]
            let _ = &page_id;
        }
    };

    view! {
        <HostScript/>
        <main class="document-page" data-testid="document-page">
            <h1 class="visually-hidden">{file.clone()}</h1>
            {move || match attachment.get() {
                Load::Loading => view! { <p class="muted">"Loading " {file.clone()} "…"</p> }.into_any(),
                Load::Failed(message) => view! { <p class="error" role="alert" data-testid="doc-error">{message}</p> }.into_any(),
                Load::Ready(att) => view! { <DocumentCard att/> }.into_any(),
            }}
            <p class="muted small" data-testid="doc-activity">
                {move || match activity.get() {
                    Load::Ready(Some(a)) => activity_text(&a),
                    _ => String::new(),
                }}
            </p>
            <div class="actions">
                <button class="button" data-testid="back-to-page" on:click=back>"Back to the page"</button>
            </div>
        </main>
    }
}
