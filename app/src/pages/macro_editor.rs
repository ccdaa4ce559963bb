//! The document macro's editor: pick one of the page's attachments and save it into the macro.

use leptos::prelude::*;

use crate::{
    i18n::use_tr,
    pages::{
        attachment_picker::AttachmentPicker,
        attachment_picker::page_attachments,
        frame::{HostScript, page_id_param},
    },
};

#[component]
pub fn DocumentMacroEditor() -> impl IntoView {
    let t = use_tr();
    let page_id = page_id_param();
    let attachments = page_attachments(t, page_id);
    let selected = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let caption = RwSignal::new(String::new());
    let preview = RwSignal::new(false);

    // The macro's current parameters and body start the form.
    let stored = LocalResource::new(|| async {
        use connect::bridge::confluence::{macro_body, macro_data};
        (macro_data().await.ok(), macro_body().await.ok())
    });
    Effect::new(move |_| {
        let Some((params, body)) = stored.get() else {
            return;
        };
        let param = |name: &str| {
            params
                .as_ref()
                .and_then(|p| p.get(name))
                .and_then(|v| v.as_str())
                .map(str::to_owned)
        };
        if let Some(name) = param("attachment").filter(|name| !name.is_empty()) {
            selected.set(Some(name));
        }
        preview.set(param("preview").as_deref() == Some("true"));
        if let Some(body) = body {
            caption.set(body);
        }
    });

    let save = move |_| {
        let Some(name) = selected.get_untracked() else {
            error.set(Some(t.text("Choose an attachment first.").into()));
            return;
        };
        let mut params = serde_json::json!({ "attachment": name });
        if preview.get_untracked() {
            params["preview"] = "true".into();
        }
        #[cfg(feature = "hydrate")]
        if let Err(err) =
            connect::bridge::confluence::save_macro(&params, Some(caption.get_untracked().trim()))
        {
            error.set(Some(err.to_string()));
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = params;
    };
    let cancel = move |_| {
        #[cfg(feature = "hydrate")]
        if let Err(err) = connect::bridge::confluence::close_macro_editor() {
            error.set(Some(err.to_string()));
        }
    };

    view! {
        <HostScript size_to_parent=true/>
        <main class="editor" data-testid="macro-editor">
            <h1 class="visually-hidden">{t.text("Choose a document")}</h1>
            <AttachmentPicker attachments selected/>
            <label class="field">
                <span class="field-label">{t.text("Caption (optional)")}</span>
                <input data-testid="macro-caption" maxlength="200" prop:value=move || caption.get()
                    on:input=move |ev| caption.set(event_target_value(&ev))/>
            </label>
            <label class="checkbox">
                <input type="checkbox" data-testid="macro-preview" prop:checked=move || preview.get()
                    on:change=move |ev| preview.set(event_target_checked(&ev))/>
                " " {t.text("Show a preview of the document on the page")}
            </label>
            <Show when=move || error.get().is_some()>
                <p class="error" role="alert">{move || error.get().unwrap_or_default()}</p>
            </Show>
            <div class="actions">
                <button class="button button-primary" data-testid="macro-save" on:click=save>{t.text("Save")}</button>
                <button class="button" on:click=cancel>{t.text("Cancel")}</button>
            </div>
        </main>
    }
}
