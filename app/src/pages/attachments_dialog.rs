//! The attachments dialog, opened from the page's "…" menu or from the document macro: the
//! page's attachments, one of which the opener can be handed back on Submit.

use leptos::prelude::*;

use crate::{
    documents::Attachment,
    pages::{
        attachment_picker::AttachmentPicker,
        frame::{HostScript, Load, page_id_param},
    },
};

#[component]
pub fn AttachmentsDialog() -> impl IntoView {
    let page_id = page_id_param();
    let attachments = RwSignal::new(Load::<Vec<Attachment>>::Loading);
    let selected = RwSignal::new(None::<String>);
    let hint = RwSignal::new(None::<String>);

    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        use connect::bridge::{dialog, events};
        let page_id = page_id.clone();
        // Submit validates here, then closes with the choice for the opener.
        let _ = dialog::disable_close_on_submit();
        let _ = events::on("dialog.submit", move |_| match selected.get_untracked() {
            Some(name) => {
                let _ = dialog::close(&serde_json::json!({ "attachment": name }));
            }
            None => hint.set(Some("Choose a document, or cancel.".into())),
        });
        leptos::task::spawn_local(async move {
            crate::pages::attachment_picker::load_attachments(&page_id, attachments).await;
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
    #[cfg(not(feature = "hydrate"))]
    let _ = page_id;

    view! {
        <HostScript size_to_parent=true/>
        <main class="dialog" data-testid="attachments-dialog">
            <h1 class="visually-hidden">"Office documents on this page"</h1>
            <AttachmentPicker attachments selected/>
            <Show when=move || hint.get().is_some()>
                <p class="error" role="alert" data-testid="dialog-hint">{move || hint.get().unwrap_or_default()}</p>
            </Show>
        </main>
    }
}
