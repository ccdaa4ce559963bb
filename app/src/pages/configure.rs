//! The configure page (Manage apps → Configure): the site's Document Server address, its
//! internal address for server-to-server calls, and the JWT secret. The secret is write-only:
//! the page shows whether one is set, never its value.

use leptos::prelude::*;

use crate::{
    document_server_settings::{
        DEFAULT_JWT_HEADER, DocumentServerForm, DocumentServerView, FieldError, SaveDocumentServer,
    },
    i18n::use_tr,
    pages::frame::{HostScript, Loaded, reported, when_loaded},
};

#[component]
pub fn ConfigurePage() -> impl IntoView {
    let t = use_tr();
    let loaded: Loaded<Option<DocumentServerView>> = LocalResource::new(move || async move {
        crate::document_server_settings::load_document_server()
            .await
            .map_err(|err| reported(t.text("Cannot load the settings"), err))
    });
    // What the last save here stored; until then what was loaded is current.
    let saved = RwSignal::new(None::<DocumentServerView>);
    let public_url = RwSignal::new(String::new());
    let internal_url = RwSignal::new(String::new());
    let secret = RwSignal::new(String::new());
    let clear_secret = RwSignal::new(false);
    let jwt_header = RwSignal::new(DEFAULT_JWT_HEADER.to_owned());
    let skip_certificate_check = RwSignal::new(false);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let save = ServerAction::<SaveDocumentServer>::new();
    let test = ServerAction::<crate::office::TestDocumentServer>::new();

    let fill = move |view: &DocumentServerView| {
        public_url.set(view.public_url.clone());
        internal_url.set(view.internal_url.clone());
        jwt_header.set(view.jwt_header.clone());
        skip_certificate_check.set(view.skip_certificate_check);
        secret.set(String::new());
        clear_secret.set(false);
    };

    // The form starts from the stored settings once they arrive.
    Effect::new(move |_| {
        if let Some(answer) = loaded.get() {
            if let Ok(Some(view)) = &answer {
                fill(view);
            }
            crate::pages::frame::resize_soon();
        }
    });

    // A finished save: show field errors, or the saved state.
    Effect::new(move |_| {
        if let Some(result) = save.value().get() {
            match result {
                Ok(Ok(view)) => {
                    errors.set(Vec::new());
                    fill(&view);
                    saved.set(Some(view));
                }
                Ok(Err(field_errors)) => errors.set(field_errors),
                Err(_) => {}
            }
        }
    });

    let form = move || DocumentServerForm {
        public_url: public_url.get_untracked(),
        internal_url: internal_url.get_untracked(),
        secret: secret.get_untracked(),
        clear_secret: clear_secret.get_untracked(),
        jwt_header: jwt_header.get_untracked(),
        skip_certificate_check: skip_certificate_check.get_untracked(),
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let form = form();
        // The same checks run on the server; here they save a round trip.
        let found = form.validate(t.lang());
        if found.is_empty() {
            errors.set(Vec::new());
            save.dispatch(SaveDocumentServer { form });
        } else {
            errors.set(found);
        }
    };
    let on_test = move |_| {
        let form = form();
        let found = form.validate(t.lang());
        if found.is_empty() {
            errors.set(Vec::new());
            test.dispatch(crate::office::TestDocumentServer { form });
        } else {
            errors.set(found);
        }
    };
    let error_for = move |field: &'static str| field_error(errors, field);
    let settings_loading = move || {
        view! { <p class="muted" data-testid="settings-loading">{t.text("Loading the current settings…")}</p> }
            .into_any()
    };

    view! {
        <HostScript/>
        <main class="configure" data-testid="configure-page">
            <crate::licence::LicenceNotice/>
            <h1>{t.text("Document Server")}</h1>
            <p class="muted">
                {t.text("Confluo opens attachments in ONLYOFFICE Docs. Enter the address of your Document Server and the JWT secret it is configured with.")}
            </p>
            {when_loaded(loaded, settings_loading, "settings-error", move |first: Option<DocumentServerView>| {
                move || match saved.get().or_else(|| first.clone()) {
                    None => view! { <p class="muted" data-testid="settings-state">{t.text("Not configured yet.")}</p> }.into_any(),
                    Some(v) => view! {
                        <p class="muted" data-testid="settings-state">
                            {if v.secret_set { t.text("Saved. Secret: set.") } else { t.text("Saved. Secret: not set.") }}
                        </p>
                    }.into_any(),
                }
            })}
            <form class="form" on:submit=on_submit novalidate>
                <Field label={t.text("Document Server address")} hint={t.text("The address browsers use, for example https://docs.example.com/")} error=Signal::derive(error_for("public_url"))>
                    <input id="public_url" name="public_url" type="url" required data-testid="public-url"
                        prop:value=move || public_url.get()
                        on:input=move |ev| public_url.set(event_target_value(&ev))/>
                </Field>
                <Field label={t.text("Internal address (optional)")} hint={t.text("Used by Confluo's server to reach the Document Server, if different")} error=Signal::derive(error_for("internal_url"))>
                    <input id="internal_url" name="internal_url" type="url" data-testid="internal-url"
                        prop:value=move || internal_url.get()
                        on:input=move |ev| internal_url.set(event_target_value(&ev))/>
                </Field>
                <Field label={t.text("JWT secret")} hint={t.text("Leave empty to keep the stored secret")} error=Signal::derive(error_for("secret"))>
                    <input id="secret" name="secret" type="password" autocomplete="new-password" data-testid="secret"
                        prop:value=move || secret.get()
                        on:input=move |ev| secret.set(event_target_value(&ev))/>
                </Field>
                <label class="checkbox">
                    <input type="checkbox" prop:checked=move || clear_secret.get()
                        on:change=move |ev| clear_secret.set(event_target_checked(&ev))/>
                    " " {t.text("Remove the stored secret")}
                </label>
                <Field label={t.text("JWT header")} hint={t.text("The header the Document Server reads its token from")} error=Signal::derive(error_for("jwt_header"))>
                    <input id="jwt_header" name="jwt_header" data-testid="jwt-header"
                        prop:value=move || jwt_header.get()
                        on:input=move |ev| jwt_header.set(event_target_value(&ev))/>
                </Field>
                <label class="checkbox">
                    <input type="checkbox" data-testid="skip-certificate-check"
                        prop:checked=move || skip_certificate_check.get()
                        on:change=move |ev| skip_certificate_check.set(event_target_checked(&ev))/>
                    " " {t.text("Don't verify the Document Server's certificate (insecure: only for a server with a self-signed certificate on your own network)")}
                </label>
                <div class="actions">
                    <button class="button button-primary" type="submit" data-testid="settings-save"
                        disabled=move || save.pending().get()>
                        {move || if save.pending().get() { t.text("Saving…") } else { t.text("Save") }}
                    </button>
                    <button class="button" type="button" data-testid="settings-test"
                        disabled=move || test.pending().get() on:click=on_test>
                        {move || if test.pending().get() { t.text("Testing…") } else { t.text("Test connection") }}
                    </button>
                </div>
                <div class="checks" role="status" data-testid="test-result">
                    {move || match test.value().get() {
                        None => ().into_any(),
                        Some(Err(err)) => view! {
                            <p class="error" data-testid="test-summary" data-ok="false">
                                {err.to_string()}
                            </p>
                        }.into_any(),
                        Some(Ok(report)) => {
                            let ok = report.ok();
                            let summary = match (&report.version, ok) {
                                (Some(v), true) => t.fmt("Connected to ONLYOFFICE Docs {version}.", &[("version", v)]),
                                _ => t.text("The connection does not work yet.").to_owned(),
                            };
                            view! {
                                <p class=if ok { "status" } else { "error" } data-testid="test-summary" data-ok=ok.to_string()>{summary}</p>
                                <ul class="check-list">
                                    {report.checks.into_iter().map(|c| view! {
                                        <li data-testid="test-check" data-ok=c.ok.to_string()>
                                            <strong>{if c.ok { "✓ " } else { "✗ " }}{c.name}</strong>": "{c.message}
                                        </li>
                                    }).collect_view()}
                                </ul>
                            }.into_any()
                        }
                    }}
                </div>
                <p class="status" role="status" data-testid="settings-result">
                    {move || match save.value().get() {
                        // Checked here before sending: the same words as the server's answer.
                        _ if !errors.with(Vec::is_empty) => t.text("Please correct the fields marked above.").to_owned(),
                        Some(Ok(Ok(_))) => t.text("Settings saved.").to_owned(),
                        Some(Ok(Err(_))) => t.text("Please correct the fields marked above.").to_owned(),
                        Some(Err(err)) => t.fmt("Not saved: {reason}", &[("reason", &err.to_string())]),
                        None => String::new(),
                    }}
                </p>
            </form>
            <DemoServer/>
            <EditingOptions/>
            <UnsavedEdits/>
        </main>
    }
    .into_any()
}

/// ONLYOFFICE's public demo server: one switch, and where the 30-day trial stands.
#[component]
fn DemoServer() -> impl IntoView {
    use crate::demo_server::{DemoState, DemoView, SetDemoServer};
    let t = use_tr();
    let loaded: Loaded<DemoView> = LocalResource::new(move || async move {
        crate::demo_server::load_demo_server()
            .await
            .map_err(|err| reported(t.text("Cannot load the demo server's state"), err))
    });
    let switch = ServerAction::<SetDemoServer>::new();
    // The switch's last answer, else what was loaded.
    let current = move |loaded_view: Option<DemoView>| match switch.value().get() {
        Some(Ok(view)) => Some(view),
        _ => loaded_view,
    };
    let state = move || current(loaded.get().and_then(Result::ok)).map(|v| v.state);
    let loading = move || view! { <p class="muted">{t.text("Loading…")}</p> }.into_any();
    view! {
        <Section class="demo-server" testid="demo" title={t.text("Demo server")}
            intro={t.text("No Document Server yet? Try Confluo with ONLYOFFICE's public demo server for 30 days. Anyone may use that server: open only documents you would show anyone. While the demo is in use, documents open there and the settings above are kept for later.")}>
            <label class="checkbox">
                <input type="checkbox" data-testid="demo-enabled"
                    prop:checked=move || state() == Some(DemoState::Active)
                    disabled=move || switch.pending().get() || matches!(state(), None | Some(DemoState::Ended))
                    on:change=move |ev| {
                        switch.dispatch(SetDemoServer { enabled: event_target_checked(&ev) });
                    }/>
                " " {t.text("Use ONLYOFFICE's demo server")}
            </label>
            {when_loaded(loaded, loading, "demo-load-error", move |first: DemoView| {
                move || current(Some(first.clone())).map(|v| view! {
                    <p class="status" role="status" data-testid="demo-state" data-state=format!("{:?}", v.state)>
                        {v.summary(t.lang())}
                    </p>
                })
            })}
            {move || switch.value().get().and_then(Result::err).map(|err| view! {
                <p class="error" role="alert" data-testid="demo-error">
                    {err.to_string()}
                </p>
            })}
        </Section>
    }
    .into_any()
}

/// The site's editing options: formats edited in place, the largest file, the editor's
/// interface, and spaces where Confluo is off.
#[component]
fn EditingOptions() -> impl IntoView {
    use crate::editor_options::{
        EditorOptions, MAX_FILE_MB_LIMIT, MacrosMode, ReviewDisplay, SaveEditorOptions,
        parse_group_names, parse_labels, parse_space_keys,
    };
    let t = use_tr();
    let loaded: Loaded<EditorOptions> = LocalResource::new(move || async move {
        crate::editor_options::load_editor_options()
            .await
            .map_err(|err| reported(t.text("Cannot load the editing options"), err))
    });
    let ready = move || matches!(loaded.get(), Some(Ok(_)));
    let options = RwSignal::new(EditorOptions::default());
    // Typed as text; turned into numbers and keys on save.
    let max_mb = RwSignal::new(options.get_untracked().max_file_mb.to_string());
    let spaces = RwSignal::new(String::new());
    let view_only = RwSignal::new(String::new());
    let view_only_groups = RwSignal::new(String::new());
    let view_only_labels = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let save = ServerAction::<SaveEditorOptions>::new();
    let show = move |o: &EditorOptions| {
        max_mb.set(o.max_file_mb.to_string());
        spaces.set(o.disabled_spaces.join(", "));
        view_only.set(o.view_only_spaces.join(", "));
        view_only_groups.set(o.view_only_groups.join(", "));
        view_only_labels.set(o.view_only_labels.join(", "));
        options.set(o.clone());
    };

    // The form starts from the stored options once they arrive.
    Effect::new(move |_| {
        if let Some(Ok(stored)) = loaded.get() {
            show(&stored);
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(result)) = save.value().get() {
            match result {
                Ok(saved) => {
                    errors.set(Vec::new());
                    show(&saved);
                }
                Err(found) => errors.set(found),
            }
        }
    });

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut o = options.get_untracked();
        // A size that is not a number fails validation as 0.
        o.max_file_mb = max_mb.get_untracked().trim().parse().unwrap_or(0);
        o.disabled_spaces = parse_space_keys(&spaces.get_untracked());
        o.view_only_spaces = parse_space_keys(&view_only.get_untracked());
        o.view_only_groups = parse_group_names(&view_only_groups.get_untracked());
        o.view_only_labels = parse_labels(&view_only_labels.get_untracked());
        let found = o.validate(t.lang());
        if found.is_empty() {
            errors.set(Vec::new());
            save.dispatch(SaveEditorOptions { options: o });
        } else {
            errors.set(found);
        }
    };
    let error_for = move |field: &'static str| field_error(errors, field);
    // One checkbox bound to one flag of the options.
    let flag = move |label: &'static str,
                     testid: &'static str,
                     get: fn(&EditorOptions) -> bool,
                     set: fn(&mut EditorOptions, bool)| {
        view! {
            <label class="checkbox">
                <input type="checkbox" data-testid=testid
                    prop:checked=move || options.with(get)
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        options.update(|o| set(o, on));
                    }/>
                " " {label}
            </label>
        }
        .into_any()
    };
    // One list of choices bound to one option, by its string value.
    let choice = move |label: &'static str,
                       testid: &'static str,
                       items: Vec<(&'static str, &'static str)>,
                       get: fn(&EditorOptions) -> &'static str,
                       set: fn(&mut EditorOptions, &str)| {
        view! {
            <div class="field">
                <label>
                    <span class="field-label">{label}</span>
                    <select data-testid=testid
                        on:change=move |ev| {
                            let value = event_target_value(&ev);
                            options.update(|o| set(o, &value));
                        }>
                        {items.into_iter().map(|(value, text)| view! {
                            <option value=value selected=move || options.with(get) == value>{text}</option>
                        }).collect_view()}
                    </select>
                </label>
            </div>
        }
        .into_any()
    };
    let options_loading = move || {
        view! { <p class="muted" data-testid="options-loading">{t.text("Loading…")}</p> }.into_any()
    };
    view! {
        <Section class="editing-options" testid="editing-options" title={t.text("Editing options")}>
            {when_loaded(loaded, options_loading, "options-error", |_| ())}
            <form class="form" on:submit=on_submit novalidate>
                <fieldset class="field" class:field-invalid=move || error_for("lossy_edit")().is_some()>
                    <legend class="field-label">{t.text("Edit in place")}</legend>
                    <span class="muted small">
                        {t.text("Files in these formats open for editing and are saved back in their own format, which may lose formatting it cannot hold. Others are converted to DOCX, XLSX or PPTX first.")}
                    </span>
                    <div class="checkbox-row">
                        {crate::office::formats::LOSSY_EDITABLE.iter().map(|&ext| view! {
                            <label class="checkbox">
                                <input type="checkbox" data-testid=format!("lossy-{ext}")
                                    prop:checked=move || options.with(|o| o.edits_lossy(ext))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        options.update(|o| {
                                            o.lossy_edit.retain(|e| e != ext);
                                            if on {
                                                o.lossy_edit.push(ext.to_owned());
                                            }
                                        });
                                    }/>
                                " " {ext.to_ascii_uppercase()}
                            </label>
                        }).collect_view()}
                    </div>
                </fieldset>
                <Field label={t.text("Largest file (MB)")} hint={t.text("Bigger attachments are not opened or converted. The Document Server has its own limit (100 MB unless changed).")} error=Signal::derive(error_for("max_file_mb"))>
                    <input id="max_file_mb" type="number" min="1" max=MAX_FILE_MB_LIMIT.to_string() data-testid="max-file-mb"
                        prop:value=move || max_mb.get()
                        on:input=move |ev| max_mb.set(event_target_value(&ev))/>
                </Field>
                <fieldset class="field">
                    <legend class="field-label">{t.text("Editor")}</legend>
                    {flag(t.text("Chat"), "opt-chat", |o| o.chat, |o, v| o.chat = v)}
                    {flag(t.text("Compact header"), "opt-compact-header", |o| o.compact_header, |o, v| o.compact_header = v)}
                    {flag(t.text("Feedback & Support button"), "opt-feedback", |o| o.feedback, |o, v| o.feedback = v)}
                    {flag(t.text("Help menu"), "opt-help", |o| o.help, |o, v| o.help = v)}
                </fieldset>
                {choice(
                    t.text("Tracked changes for people who view"),
                    "opt-review-display",
                    ReviewDisplay::ALL.map(|d| (d.as_str(), d.label(t.lang()))).to_vec(),
                    |o| o.review_display.as_str(),
                    |o, v| o.review_display = ReviewDisplay::parse(v),
                )}
                {choice(
                    t.text("Macros in documents"),
                    "opt-macros",
                    MacrosMode::ALL.map(|m| (m.as_str(), m.label(t.lang()))).to_vec(),
                    |o| o.macros.as_str(),
                    |o, v| o.macros = MacrosMode::parse(v),
                )}
                <ListField label={t.text("Spaces without Confluo")} field="disabled_spaces" placeholder="HR, LEGAL" value=spaces errors
                    hint={t.text("Space keys, separated by commas. People in these spaces cannot open, convert or create documents with Confluo.")}/>
                <ListField label={t.text("Spaces that only view")} field="view_only_spaces" placeholder="ARCHIVE" value=view_only errors
                    hint={t.text("Space keys, separated by commas. Documents there open for viewing only, even for people who may edit the page; nothing is converted or created.")}/>
                <ListField label={t.text("Groups that only view")} field="view_only_groups" placeholder="contractors, external auditors" value=view_only_groups errors
                    hint={t.text("Confluence group names, separated by commas. Their members open documents for viewing only in every space, even where they may edit the page; they convert and create nothing.")}/>
                <ListField label={t.text("Labels that only view")} field="view_only_labels" placeholder="final, signed" value=view_only_labels errors
                    hint={t.text("Confluence labels, separated by commas. Files that carry one open for viewing only, for everyone; their earlier versions cannot be restored. Copies and conversions of them can be edited.")}/>
                <div class="actions">
                    <button class="button button-primary" type="submit" data-testid="options-save"
                        disabled=move || save.pending().get() || !ready()>
                        {move || if save.pending().get() { t.text("Saving…") } else { t.text("Save editing options") }}
                    </button>
                </div>
                <p class="status" role="status" data-testid="options-result">
                    {move || match save.value().get() {
                        // Checked here before sending: the same words as the server's answer.
                        _ if !errors.with(Vec::is_empty) => t.text("Please correct the fields marked above.").to_owned(),
                        Some(Ok(Ok(_))) => t.text("Editing options saved.").to_owned(),
                        Some(Ok(Err(_))) => t.text("Please correct the fields marked above.").to_owned(),
                        Some(Err(err)) => t.fmt("Not saved: {reason}", &[("reason", &err.to_string())]),
                        None => String::new(),
                    }}
                </p>
            </form>
        </Section>
    }
    .into_any()
}

/// Edits the Document Server kept because they could not be stored at the time, each with a
/// button that stores it as a new version.
#[component]
fn UnsavedEdits() -> impl IntoView {
    let t = use_tr();
    let list = ServerAction::<crate::office::ForgottenFiles>::new();
    let recover = ServerAction::<crate::office::RecoverForgotten>::new();
    // Listed on demand: asking the Document Server needs its settings saved first.
    let check = move |_| {
        list.dispatch(crate::office::ForgottenFiles {});
    };
    Effect::new(move |_| {
        if let Some(Ok(_)) = recover.value().get() {
            list.dispatch(crate::office::ForgottenFiles {});
        }
    });
    view! {
        <Section class="unsaved" testid="forgotten" title={t.text("Unsaved edits")}
            intro={t.text("When Confluence could not take an edit (every retry failed), the Document Server keeps it. Store each here as a new version of its attachment.")}>
            <button class="button" type="button" data-testid="forgotten-check" on:click=check
                disabled=move || list.pending().get()>
                {move || if list.pending().get() { t.text("Checking…") } else { t.text("Check for unsaved edits") }}
            </button>
            {move || match list.value().get() {
                None => ().into_any(),
                Some(Err(err)) => view! {
                    <p class="error" role="alert" data-testid="forgotten-error">
                        {err.to_string()}
                    </p>
                }.into_any(),
                Some(Ok(files)) if files.is_empty() => view! {
                    <p class="status" data-testid="forgotten-none">{t.text("No unsaved edits.")}</p>
                }.into_any(),
                Some(Ok(files)) => view! {
                    <ul class="check-list">
                        {files.into_iter().map(|f| {
                            let key = f.key.clone();
                            let title = if f.title.is_empty() { t.text("A deleted attachment").to_owned() } else { f.title.clone() };
                            view! {
                                <li data-testid="forgotten-item">
                                    <strong>{title}</strong>
                                    " " {t.fmt("(page {page}, edit of version {version})", &[("page", &f.page_id), ("version", &f.base_version.to_string())])} " "
                                    <button class="button" type="button" data-testid="forgotten-recover"
                                        disabled=move || recover.pending().get()
                                        on:click=move |_| {
                                            recover.dispatch(crate::office::RecoverForgotten { key: key.clone() });
                                        }>
                                        {t.text("Save as a new version")}
                                    </button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any(),
            }}
            <p class="status" role="status" data-testid="forgotten-result">
                {move || match recover.value().get() {
                    Some(Ok(version)) => t.fmt("Saved as version {version}.", &[("version", &version.to_string())]),
                    Some(Err(err)) => err.to_string(),
                    None => String::new(),
                }}
            </p>
        </Section>
    }
}

/// One part of the configure page under its heading (named by it for assistive technology),
/// with an optional introduction.
#[component]
fn Section(
    class: &'static str,
    testid: &'static str,
    title: &'static str,
    #[prop(optional)] intro: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    let heading = format!("{testid}-title");
    let labelled_by = heading.clone();
    view! {
        <section class=class aria-labelledby=labelled_by data-testid=testid>
            <h2 id=heading>{title}</h2>
            {intro.map(|text| view! { <p class="muted">{text}</p> })}
            {children()}
        </section>
    }
}

/// The message for `field` among `errors`, as it changes.
fn field_error(
    errors: RwSignal<Vec<FieldError>>,
    field: &'static str,
) -> impl Fn() -> Option<String> + Copy {
    move || {
        errors.with(|all| {
            all.iter()
                .find(|e| e.field == field)
                .map(|e| e.message.clone())
        })
    }
}

/// A text field holding a list an administrator types, separated by commas; `field` names it
/// in validation errors and (with dashes) for tests.
#[component]
fn ListField(
    label: &'static str,
    hint: &'static str,
    field: &'static str,
    placeholder: &'static str,
    value: RwSignal<String>,
    errors: RwSignal<Vec<FieldError>>,
) -> impl IntoView {
    view! {
        <Field label hint error=Signal::derive(field_error(errors, field))>
            <input id=field data-testid=field.replace('_', "-") placeholder=placeholder
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))/>
        </Field>
    }
}

/// A labelled form field with its hint and error.
#[component]
fn Field(
    label: &'static str,
    hint: &'static str,
    error: Signal<Option<String>>,
    children: Children,
) -> impl IntoView {
    view! {
        <div class="field" class:field-invalid=move || error.get().is_some()>
            <label>
                <span class="field-label">{label}</span>
                {children()}
            </label>
            <span class="muted small">{hint}</span>
            <Show when=move || error.get().is_some()>
                <span class="field-error" role="alert">{move || error.get().unwrap_or_default()}</span>
            </Show>
        </div>
    }
}
