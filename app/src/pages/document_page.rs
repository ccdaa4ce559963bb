//! The document's own page in Confluence (a general page of the app), opened from the document
//! macro or the attachments dialog with `AP.navigator.go('addonModule')`. Its custom data
//! (`ac.pageId`, `ac.attachment`, `ac.mode`) arrives in the URL, covered by the verified token.
//!
//! It hosts the Document Server's editor: the server decides edit or view from Confluence's
//! permissions and signs the config. Formats that must be converted first offer Convert, with
//! the conversion's progress.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::{
    i18n::use_tr,
    office::{EditorLaunch, NewDocumentKind, formats},
    pages::frame::{HostScript, Loaded, host_failure, reported, when_loaded},
};

const EDITOR_ID: &str = "office-editor";

#[component]
pub fn DocumentPage() -> impl IntoView {
    let t = use_tr();
    let query = use_query_map();
    let param = |name: &str| query.read_untracked().get(name).unwrap_or_default();
    let page_id = param("ac.pageId");
    let file = param("ac.attachment");
    let view_only = param("ac.mode") == "view";
    let fill = param("ac.mode") == "fill";
    // A place in the document to scroll to (the editor's "Get link").
    let action = Some(param("ac.action")).filter(|a| !a.is_empty());
    // The editor's "Create new": a blank file of this kind on the page, then opened.
    let create = NewDocumentKind::ALL
        .into_iter()
        .find(|k| k.extension() == param("ac.create"));
    let editor_state = RwSignal::new(String::from("loading"));
    let editor_error = RwSignal::new(None::<String>);
    let notice = RwSignal::new(None::<String>);
    // "Save copy as" in the editor: the copy's name once it is on the page.
    let copied = RwSignal::new(None::<String>);
    // A file from the page the editor asked for (a picture, a document to compare …).
    let picking = RwSignal::new(None::<Picking>);
    let convertible = formats::format_of(&file).and_then(|f| f.convert_to());

    // The editor's configuration for this person and file, or the new file made first.
    let launch: Loaded<EditorLaunch> = {
        let (page_id, file, action) = (page_id.clone(), file.clone(), action.clone());
        LocalResource::new(move || {
            let (page_id, file, action) = (page_id.clone(), file.clone(), action.clone());
            async move {
                let _ = connect::bridge::size_to_parent().await;
                if let Some(kind) = create {
                    let name = crate::office::create_document(page_id.clone(), kind, String::new())
                        .await
                        .map_err(|err| reported(t.text("Cannot create the document"), err))?;
                    open_in_confluence(&page_id, &name, false)
                        .map_err(|err| host_failure(t.text("Cannot create the document"), err))?;
                    // The host is on its way to the new document's page.
                    futures::future::pending::<()>().await;
                }
                let locale = connect::bridge::user::locale().await.ok();
                crate::office::open_document(page_id, file, view_only, locale, fill, action)
                    .await
                    .map_err(|err| reported(t.text("Cannot open the document"), err))
            }
        })
    };
    // Configured: the editor starts in the frame below.
    #[cfg(feature = "hydrate")]
    {
        let (page_id, file) = (page_id.clone(), file.clone());
        Effect::new(move |started: Option<bool>| {
            if started == Some(true) {
                return true;
            }
            let Some(Ok(ready)) = launch.get() else {
                return false;
            };
            notice.set(ready.notice.clone());
            let shown = Shown {
                t,
                editor_state,
                editor_error,
                copied,
                picking,
            };
            let (page_id, file) = (page_id.clone(), file.clone());
            leptos::task::spawn_local(async move {
                start_editor(&page_id, &file, &ready, shown).await;
            });
            true
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
                crate::pages::frame::report(t.text("Cannot go back"), err.to_string());
            }
            #[cfg(not(feature = "hydrate"))]
            let _ = &page_id;
        }
    };

    // A link others can follow to this document: where the host page is, from the host.
    let share = RwSignal::new(None::<String>);
    let show_link = move |_| {
        #[cfg(feature = "hydrate")]
        leptos::task::spawn_local(async move {
            match connect::bridge::navigator::location().await {
                Ok(location) => match location.get("href").and_then(|v| v.as_str()) {
                    Some(href) => share.set(Some(href.to_owned())),
                    None => {
                        crate::pages::frame::report(
                            t.text("Cannot make a link"),
                            t.text("Confluence did not say where this page is.").into(),
                        );
                    }
                },
                Err(err) => {
                    crate::pages::frame::report(t.text("Cannot make a link"), err.to_string());
                }
            }
        });
    };

    view! {
        <HostScript size_to_parent=true/>
        <main class="document-page" data-testid="document-page">
            <crate::licence::LicenceNotice/>
            <header class="document-bar">
                <button class="button button-subtle" data-testid="back-to-page" on:click=back>{t.text("← Back to the page")}</button>
                <h1 class="document-title" data-testid="doc-title">{file.clone()}</h1>
                {
                    let target = StoredValue::new((page_id.clone(), file.clone()));
                    let reopen = move |mode: OpenMode| {
                        target.with_value(|(page_id, file)| {
                            let _ = open_in_confluence_as(page_id, file, mode);
                        })
                    };
                    move || match launch.get() {
                    Some(Ok(l)) => {
                        let (label, mode) = if l.filling {
                            (t.text("Filling in"), "fill")
                        } else if l.editing {
                            (t.text("Editing"), "edit")
                        } else {
                            (t.text("Viewing"), "view")
                        };
                        let switch = match (l.fillable, l.filling) {
                            (true, false) => Some(view! {
                                <button class="button" data-testid="fill-form" on:click=move |_| reopen(OpenMode::Fill)>{t.text("Fill in the form")}</button>
                            }.into_any()),
                            (_, true) => Some(view! {
                                <button class="button" data-testid="edit-form" on:click=move |_| reopen(OpenMode::Best)>{t.text("Edit the form")}</button>
                            }.into_any()),
                            _ => None,
                        };
                        view! {
                            <span class="lozenge" data-mode=mode data-testid="editor-mode">{label}</span>
                            <span class="muted small">" " {t.text("version")} " " {l.version}</span>
                            {switch}
                        }
                            .into_any()
                    }
                    _ => ().into_any(),
                }}
                <button class="button button-subtle" data-testid="share-link" on:click=show_link>{t.text("Link to this document")}</button>
                <Show when=move || share.get().is_some()>
                    <input class="link-field" readonly aria-label=t.text("Link to this document") data-testid="share-url"
                        prop:value=move || share.get().unwrap_or_default()
                        on:focus=move |ev| {
                            #[cfg(feature = "hydrate")]
                            {
                                use wasm_bindgen::JsCast;
                                if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                                    input.select();
                                }
                            }
                            #[cfg(not(feature = "hydrate"))]
                            let _ = ev;
                        }/>
                </Show>
                <DownloadAs page_id=page_id.clone() file=file.clone()/>
            </header>
            {
                let file = file.clone();
                let loading = move || match create {
                    Some(kind) => view! { <p class="muted" data-testid="doc-loading">{kind.creating_in(t.lang())}</p> }.into_any(),
                    None => view! { <p class="muted" data-testid="doc-loading">{t.fmt("Opening {name}…", &[("name", &file)])}</p> }.into_any(),
                };
                when_loaded(launch, loading, "doc-error", move |l: EditorLaunch| view! {
                    {l.demo_until.map(|until| view! {
                        <p class="banner banner-warning" role="status" data-testid="demo-banner">
                            {t.fmt("This site uses ONLYOFFICE's public demo server until {until}. Anyone may use that server: don't open private or sensitive documents with it.", &[("until", &t.lang().date(&until))])}
                        </p>
                    })}
                    {l.reason.map(|reason| view! { <p class="banner" role="status" data-testid="view-reason">{reason}</p> })}
                })
            }
            <Show when=move || copied.get().is_some()>
                <p class="banner" role="status" data-testid="copy-notice">
                    {move || t.fmt("Saved a copy as {name} on this page.", &[("name", &copied.get().unwrap_or_default())])}
                </p>
            </Show>
            <Show when=move || notice.get().is_some()>
                <p class="banner banner-warning" role="alert" data-testid="save-notice">{move || notice.get().unwrap_or_default()}</p>
            </Show>
            {convertible.map(|target| view! { <ConvertPanel page_id=page_id.clone() file=file.clone() target/> })}
            {
                // Editors of a DOCX or DOCXF can make a fillable PDF form of it.
                let form_source = formats::extension(&file)
                    .is_some_and(|ext| formats::FORM_SOURCES.contains(&ext.as_str()));
                let (page_id, file) = (page_id.clone(), file.clone());
                move || match launch.get() {
                    Some(Ok(l)) if form_source && l.editing => view! {
                        <ConvertPanel page_id=page_id.clone() file=file.clone() target="pdf" to_form=true/>
                    }.into_any(),
                    _ => ().into_any(),
                }
            }
            <FilePicker page_id=page_id.clone() picking/>
            <Show when=move || editor_error.get().is_some()>
                <p class="error" role="alert" data-testid="editor-error">{move || editor_error.get().unwrap_or_default()}</p>
            </Show>
            <div class="editor-frame" data-testid="editor-frame" data-state=move || editor_state.get()>
                <div id=EDITOR_ID></div>
            </div>
        </main>
    }
    .into_any()
}

/// What the page shows about the running editor.
#[cfg(feature = "hydrate")]
#[derive(Clone, Copy)]
struct Shown {
    t: crate::i18n::Tr,
    editor_state: RwSignal<String>,
    editor_error: RwSignal<Option<String>>,
    copied: RwSignal<Option<String>>,
    picking: RwSignal<Option<Picking>>,
}

#[cfg(feature = "hydrate")]
async fn start_editor(page_id: &str, file: &str, launch: &EditorLaunch, shown: Shown) {
    let Shown {
        t,
        editor_state,
        editor_error,
        copied,
        picking,
    } = shown;
    let (api_js, config, editing) = (&launch.api_js, &launch.config, launch.editing);
    // Guests get the document and nothing that acts for a person (history, mentions, copies,
    // files from the page): the editor shows no buttons for what it would refuse.
    let person = !launch.guest;
    use crate::pages::office_editor::{Events, SaveAs, UsersRequest, start};
    let (page_id, file) = (page_id.to_owned(), file.to_owned());
    let history = EditorRequests {
        t,
        page_id: page_id.clone(),
        file: file.clone(),
    };
    let (h1, h2, h3) = (history.clone(), history.clone(), history.clone());
    let (h4, h5, h6) = (history.clone(), history.clone(), history.clone());
    let (h7, h8) = (history.clone(), history.clone());
    let pick = move |purpose: formats::FileUse| {
        move |data: serde_json::Value| {
            let c = data["c"].as_str().unwrap_or_default().to_owned();
            picking.set(Some(Picking { purpose, c }));
        }
    };
    let events = Events {
        on_ready: Box::new(move || editor_state.set("ready".into())),
        on_error: Box::new(move |message| {
            editor_error.set(Some(crate::pages::frame::report(
                t.text("The editor reported an error"),
                message,
            )));
        }),
        // "Edit" in a document opened for viewing: open it again for editing.
        on_request_edit_rights: Box::new(move || {
            let _ = open_in_confluence(&page_id, &file, false);
        }),
        on_request_history: person.then(|| Box::new(move || h1.refresh()) as Box<dyn Fn()>),
        on_request_history_data: person
            .then(|| Box::new(move |version| h2.show(version)) as Box<dyn Fn(i32)>),
        // Back from the history to the document as it is now.
        on_request_history_close: person.then(|| {
            Box::new(|| {
                if let Some(window) = web_sys::window() {
                    let _ = window.location().reload();
                }
            }) as Box<dyn Fn()>
        }),
        on_request_restore: editing
            .then(|| Box::new(move |version| h3.restore(version)) as Box<dyn Fn(i32)>),
        on_request_users: person
            .then(|| Box::new(move |request| h4.people(request)) as Box<dyn Fn(UsersRequest)>),
        on_request_save_as: person
            .then(|| Box::new(move |copy| h5.save_copy(copy, copied)) as Box<dyn Fn(SaveAs)>),
        on_data: if !person {
            Vec::new()
        } else {
            vec![
                (
                    "onMakeActionLink",
                    Box::new(move |place| h6.action_link(place)),
                ),
                (
                    "onRequestInsertImage",
                    Box::new(pick(formats::FileUse::Image)),
                ),
                (
                    "onRequestSelectDocument",
                    Box::new(pick(formats::FileUse::Document)),
                ),
                (
                    "onRequestSelectSpreadsheet",
                    Box::new(pick(formats::FileUse::Spreadsheet)),
                ),
                (
                    "onRequestReferenceSource",
                    Box::new(pick(formats::FileUse::Reference)),
                ),
                (
                    "onRequestReferenceData",
                    Box::new(move |reference| h7.reference_data(reference)),
                ),
                (
                    "onRequestOpen",
                    Box::new(move |reference| h8.open_linked(reference)),
                ),
            ]
        },
    };
    if let Err(message) = start(api_js, EDITOR_ID, config, events).await {
        editor_state.set("failed".into());
        editor_error.set(Some(crate::pages::frame::report(
            t.text("Cannot start the editor"),
            message,
        )));
    }
}

/// What the editor asks of Confluo: its version history (list, one version, restore), people,
/// and saving a copy on the page.
#[cfg(feature = "hydrate")]
#[derive(Clone)]
struct EditorRequests {
    t: crate::i18n::Tr,
    page_id: String,
    file: String,
}

#[cfg(feature = "hydrate")]
impl EditorRequests {
    fn refresh(&self) {
        let (page_id, file) = (self.page_id.clone(), self.file.clone());
        leptos::task::spawn_local(async move {
            let arg = match crate::office::document_history(page_id, file).await {
                Ok(history) => serde_json::to_string(&history).unwrap_or_default(),
                Err(err) => serde_json::json!({ "error": err.to_string() }).to_string(),
            };
            let _ = crate::pages::office_editor::call("refreshHistory", &arg);
        });
    }

    fn show(&self, version: i32) {
        let (page_id, file) = (self.page_id.clone(), self.file.clone());
        leptos::task::spawn_local(async move {
            let arg = match crate::office::history_data(page_id, file, version).await {
                Ok(data) => data,
                Err(err) => serde_json::json!({
                    "error": err.to_string(),
                    "version": version,
                })
                .to_string(),
            };
            let _ = crate::pages::office_editor::call("setHistoryData", &arg);
        });
    }

    /// Names and avatars (`info`) or the people to mention (`mention`), answered with setUsers.
    fn people(&self, request: crate::pages::office_editor::UsersRequest) {
        let page_id = self.page_id.clone();
        leptos::task::spawn_local(async move {
            let kind = if request.c.is_empty() {
                "mention".to_owned()
            } else {
                request.c
            };
            let users =
                crate::office::find_people(page_id, kind.clone(), request.search, request.id)
                    .await
                    .unwrap_or_default();
            let arg = serde_json::json!({ "c": kind, "users": users }).to_string();
            let _ = crate::pages::office_editor::call("setUsers", &arg);
        });
    }

    fn save_copy(
        &self,
        copy: crate::pages::office_editor::SaveAs,
        copied: RwSignal<Option<String>>,
    ) {
        let t = self.t;
        let (page_id, file) = (self.page_id.clone(), self.file.clone());
        leptos::task::spawn_local(async move {
            match crate::office::save_copy(page_id, file, copy.title, copy.file_type, copy.url)
                .await
            {
                Ok(name) => copied.set(Some(name)),
                Err(err) => {
                    crate::pages::frame::report(t.text("Cannot save the copy"), err.to_string());
                }
            }
        });
    }

    /// "Get link": a Confluence address for the place the editor describes.
    fn action_link(&self, place: serde_json::Value) {
        let t = self.t;
        let (page_id, file) = (self.page_id.clone(), self.file.clone());
        leptos::task::spawn_local(async move {
            match crate::office::action_link_url(page_id, file, place.to_string()).await {
                Ok(url) => {
                    let arg = serde_json::Value::String(url).to_string();
                    let _ = crate::pages::office_editor::call("setActionLink", &arg);
                }
                Err(err) => {
                    crate::pages::frame::report(t.text("Cannot make a link"), err.to_string());
                }
            }
        });
    }

    /// Linked cells: the current data of the file they come from.
    fn reference_data(&self, reference: serde_json::Value) {
        let page_id = self.page_id.clone();
        leptos::task::spawn_local(async move {
            let arg = match crate::office::linked_file(page_id, reference.to_string(), false).await
            {
                Ok(arg) => arg,
                Err(err) => serde_json::json!({ "error": err.to_string() }).to_string(),
            };
            let _ = crate::pages::office_editor::call("setReferenceData", &arg);
        });
    }

    /// "Open source": the linked file's document page, in the window the editor names. The
    /// window opens now, while the click still counts, and is sent on once the address is known.
    fn open_linked(&self, reference: serde_json::Value) {
        let t = self.t;
        let page_id = self.page_id.clone();
        let name = reference["windowName"]
            .as_str()
            .filter(|n| {
                n.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
            })
            .unwrap_or("_blank")
            .to_owned();
        let window =
            web_sys::window().and_then(|w| w.open_with_url_and_target("", &name).ok().flatten());
        leptos::task::spawn_local(async move {
            match crate::office::linked_file(page_id, reference.to_string(), true).await {
                Ok(url) => {
                    if let Some(window) = window {
                        let _ = window.location().set_href(&url);
                    }
                }
                Err(err) => {
                    if let Some(window) = window {
                        let _ = window.close();
                    }
                    crate::pages::frame::report(
                        t.text("Cannot open the linked file"),
                        err.to_string(),
                    );
                }
            }
        });
    }

    fn restore(&self, version: i32) {
        let this = self.clone();
        leptos::task::spawn_local(async move {
            match crate::office::restore_version(this.page_id.clone(), this.file.clone(), version)
                .await
            {
                Ok(_) => this.refresh(),
                Err(err) => {
                    let message = err.to_string();
                    crate::pages::frame::report(
                        this.t.text("Cannot restore the version"),
                        message.clone(),
                    );
                    let arg = serde_json::json!({ "error": message }).to_string();
                    let _ = crate::pages::office_editor::call("refreshHistory", &arg);
                }
            }
        });
    }
}

/// How to open a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OpenMode {
    /// Edit when allowed, view otherwise.
    Best,
    View,
    /// Fill in a PDF form.
    Fill,
}

/// Opens the document page for `file` through the host.
pub fn open_in_confluence(page_id: &str, file: &str, view: bool) -> Result<(), String> {
    let mode = if view { OpenMode::View } else { OpenMode::Best };
    open_in_confluence_as(page_id, file, mode)
}

/// Opens the document page for `file` through the host, in `mode`.
pub fn open_in_confluence_as(page_id: &str, file: &str, mode: OpenMode) -> Result<(), String> {
    #[cfg(feature = "hydrate")]
    {
        let mut custom = serde_json::json!({ "pageId": page_id, "attachment": file });
        match mode {
            OpenMode::Best => {}
            OpenMode::View => custom["mode"] = "view".into(),
            OpenMode::Fill => custom["mode"] = "fill".into(),
        }
        let context = serde_json::json!({
            "addonKey": crate::descriptor::APP_KEY,
            "moduleKey": crate::descriptor::keys::DOCUMENT_PAGE,
            "customData": custom,
        });
        connect::bridge::navigator::go("addonModule", &context).map_err(|e| e.to_string())
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = (page_id, file, mode);
        Ok(())
    }
}

/// "Download as": the document converted to another format by the Document Server, offered as
/// a link once ready.
#[component]
fn DownloadAs(page_id: String, file: String) -> impl IntoView {
    let t = use_tr();
    let family = formats::format_of(&file).map(|f| f.document_type);
    let targets = family.map_or(&[][..], formats::download_targets);
    let target = RwSignal::new(targets.first().copied().unwrap_or_default().to_owned());
    let ready = RwSignal::new(None::<(String, String)>);
    let busy = RwSignal::new(false);
    let start = {
        let (page_id, file) = (page_id.clone(), file.clone());
        move |_| {
            let to = target.get_untracked();
            ready.set(None);
            #[cfg(feature = "hydrate")]
            {
                let (page_id, file) = (page_id.clone(), file.clone());
                busy.set(true);
                leptos::task::spawn_local(async move {
                    let name = formats::with_extension(&file, &to);
                    match crate::office::download_as(page_id, file, to).await {
                        Ok(url) => ready.set(Some((url, name))),
                        Err(err) => {
                            crate::pages::frame::report(
                                t.text("Cannot prepare the download"),
                                err.to_string(),
                            );
                        }
                    }
                    busy.set(false);
                });
            }
            #[cfg(not(feature = "hydrate"))]
            let _ = (&page_id, &file, to);
        }
    };
    (!targets.is_empty()).then(|| view! {
        <span class="download-as">
            <select aria-label=t.text("Download as") data-testid="download-as"
                on:change=move |ev| target.set(event_target_value(&ev))>
                {targets.iter().map(|t| view! { <option value=*t>{t.to_ascii_uppercase()}</option> }).collect_view()}
            </select>
            <button class="button button-subtle" data-testid="download-start" disabled=move || busy.get() on:click=start>
                {move || if busy.get() { t.text("Preparing…") } else { t.text("Download as") }}
            </button>
            {move || ready.get().map(|(url, name)| view! {
                <a class="button" data-testid="download-link" href=url download=name.clone() target="_blank" rel="noopener">{t.fmt("Download {name}", &[("name", &name)])}</a>
            })}
        </span>
    })
}

/// A file from the page the editor asked for, and the editor's own word for the request.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Picking {
    purpose: formats::FileUse,
    c: String,
}

/// The editor method that takes a file for `purpose`.
#[cfg(feature = "hydrate")]
fn method_for(purpose: formats::FileUse) -> &'static str {
    match purpose {
        formats::FileUse::Image => "insertImage",
        formats::FileUse::Document => "setRequestedDocument",
        formats::FileUse::Spreadsheet => "setRequestedSpreadsheet",
        formats::FileUse::Reference => "setReferenceSource",
    }
}

/// Chooses one of the page's attachments for the editor: pictures to insert, a document to
/// compare or combine with, a spreadsheet of mail-merge recipients or linked data.
#[component]
fn FilePicker(page_id: String, picking: RwSignal<Option<Picking>>) -> impl IntoView {
    let t = use_tr();
    use crate::pages::attachment_picker::AttachmentPicker;
    let selected = RwSignal::new(None::<String>);
    let failure = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let only = Signal::derive(move || picking.with(|p| p.as_ref().map(|p| p.purpose)));
    let listed_page = page_id.clone();
    Effect::new(move |_| {
        picking.track();
        selected.set(None);
        failure.set(None);
    });
    let choose = move |_| {
        let (Some(request), Some(name)) = (picking.get_untracked(), selected.get_untracked())
        else {
            failure.set(Some(t.text("Choose a file first.").into()));
            return;
        };
        #[cfg(feature = "hydrate")]
        {
            let page_id = page_id.clone();
            busy.set(true);
            leptos::task::spawn_local(async move {
                let answer = crate::office::editor_file(
                    page_id,
                    name,
                    request.purpose.as_str().to_owned(),
                    request.c.clone(),
                )
                .await;
                busy.set(false);
                match answer {
                    Ok(arg) => {
                        let _ =
                            crate::pages::office_editor::call(method_for(request.purpose), &arg);
                        picking.set(None);
                    }
                    Err(err) => failure.set(Some(err.to_string())),
                }
            });
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (&page_id, request, name, busy);
    };
    view! {
        <Show when=move || picking.get().is_some()>
            <section class="file-picker" role="dialog" aria-labelledby="file-picker-title" data-testid="file-picker">
                <h2 id="file-picker-title">
                    {move || formats::FileUse::choose_title(picking.get().map(|p| p.purpose), t.lang())}
                </h2>
                {
                    // Listed afresh each time the editor asks (a file may have come since),
                    // then filtered for what it asks for.
                    let page_id = listed_page.clone();
                    move || {
                        let attachments =
                            crate::pages::attachment_picker::page_attachments(t, page_id.clone());
                        view! { <AttachmentPicker attachments selected only/> }
                    }
                }
                <Show when=move || failure.get().is_some()>
                    <p class="error" role="alert" data-testid="file-picker-error">{move || failure.get().unwrap_or_default()}</p>
                </Show>
                <div class="actions">
                    <button class="button button-primary" data-testid="file-picker-choose"
                        disabled=move || busy.get() on:click=choose.clone()>{t.text("Choose")}</button>
                    <button class="button" data-testid="file-picker-cancel"
                        on:click=move |_| picking.set(None)>{t.text("Cancel")}</button>
                </div>
            </section>
        </Show>
    }
}

/// Convert to OOXML, with the conversion's progress, then open the result.
#[component]
fn ConvertPanel(
    page_id: String,
    file: String,
    target: &'static str,
    /// Make a fillable PDF form rather than convert to OOXML.
    #[prop(optional)]
    to_form: bool,
) -> impl IntoView {
    let t = use_tr();
    let progress = RwSignal::new(None::<u8>);
    let result = RwSignal::new(None::<String>);
    let failure = RwSignal::new(None::<String>);
    let convert = {
        let (page_id, file) = (page_id.clone(), file.clone());
        move |_| {
            #[cfg(feature = "hydrate")]
            {
                let (page_id, file) = (page_id.clone(), file.clone());
                failure.set(None);
                progress.set(Some(0));
                leptos::task::spawn_local(async move {
                    loop {
                        match crate::office::convert_document(
                            page_id.clone(),
                            file.clone(),
                            to_form,
                        )
                        .await
                        {
                            Ok(step) => {
                                progress.set(Some(step.percent));
                                if let Some(name) = step.file_name {
                                    result.set(Some(name));
                                    return;
                                }
                            }
                            Err(err) => {
                                progress.set(None);
                                failure.set(Some(crate::pages::frame::report(
                                    t.text("Conversion failed"),
                                    err.to_string(),
                                )));
                                return;
                            }
                        }
                        gloo_timers::future::TimeoutFuture::new(1_000).await;
                    }
                });
            }
            #[cfg(not(feature = "hydrate"))]
            let _ = (&page_id, &file);
        }
    };
    let open_result = move |_: leptos::ev::MouseEvent| {
        if let Some(name) = result.get_untracked() {
            let _ = open_in_confluence(&page_id, &name, false);
        }
    };
    let open_result = StoredValue::new(open_result);
    let label = if to_form {
        t.text("Create PDF form").to_owned()
    } else {
        t.fmt(
            "Convert to {format}",
            &[("format", &target.to_ascii_uppercase())],
        )
    };
    let testid = if to_form {
        "form-panel"
    } else {
        "convert-panel"
    };
    view! {
        <section class="convert" data-testid=testid>
            <button
                class="button button-primary"
                data-testid="convert"
                disabled=move || progress.get().is_some() && result.get().is_none()
                on:click=convert
            >
                {label}
            </button>
            <Show when=move || progress.get().is_some()>
                <progress max="100" data-testid="convert-progress" value=move || progress.get().unwrap_or(0)></progress>
                <span class="muted small" data-testid="convert-percent">{move || format!("{}%", progress.get().unwrap_or(0))}</span>
            </Show>
            <Show when=move || result.get().is_some()>
                <p class="status" role="status" data-testid="convert-done">
                    {move || t.fmt("Saved as {name} next to the original.", &[("name", &result.get().unwrap_or_default())])} " "
                    <button class="button" data-testid="open-converted" on:click=move |ev| open_result.with_value(|f| f(ev))>{t.text("Open it")}</button>
                </p>
            </Show>
            <Show when=move || failure.get().is_some()>
                <p class="error" role="alert" data-testid="convert-error">{move || failure.get().unwrap_or_default()}</p>
            </Show>
        </section>
    }
}
