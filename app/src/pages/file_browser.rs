//! The space's file browser (a general page linked from the space sidebar): every office
//! document attached anywhere in the space, read through the host as the viewer, with search,
//! a kind filter, sorting, pages of twenty, opening, and moving a file to the trash.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::{
    app_error::AppError,
    attachments::kind_label,
    attachments::{Attachment, document_kind, human_size},
    file_browser::{self, KINDS, Listing, SortBy},
    i18n::{Tr, use_tr},
    pages::frame::{HostScript, Loaded, host_failure, when_loaded},
};

#[component]
pub fn SpaceDocuments() -> impl IntoView {
    let t = use_tr();
    let space_key = use_query_map()
        .read_untracked()
        .get("spaceKey")
        .unwrap_or_default();
    let files: Loaded<Listed> = {
        let space_key = space_key.clone();
        LocalResource::new(move || {
            let space_key = space_key.clone();
            async move { load(t, &space_key).await }
        })
    };
    // Moved to the trash from here: gone from the list without reading the space again.
    let removed = RwSignal::new(Vec::<String>::new());
    let listing = RwSignal::new(Listing::default());
    let status = RwSignal::new(None::<String>);
    let failure = RwSignal::new(None::<String>);
    // The row whose deletion waits for a second click.
    let confirming = RwSignal::new(None::<String>);

    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        leptos::task::spawn_local(async move {
            let _ = connect::bridge::size_to_parent().await;
        });
    });

    let delete = move |att: Attachment| {
        confirming.set(None);
        status.set(None);
        failure.set(None);
        #[cfg(feature = "hydrate")]
        leptos::task::spawn_local(async move {
            use connect::bridge::request::{RequestOptions, request};
            let options = RequestOptions {
                url: format!("/rest/api/content/{}", att.id),
                method: "DELETE".into(),
                ..RequestOptions::default()
            };
            match request(&options).await {
                Ok(_) => {
                    removed.update(|ids| ids.push(att.id.clone()));
                    status.set(Some(
                        t.fmt("{name} was moved to the trash.", &[("name", &att.title)]),
                    ));
                }
                Err(err) => failure.set(Some(crate::pages::frame::report(
                    t.text("Cannot delete the file"),
                    delete_refused(t, &att.title, &err.to_string()),
                ))),
            }
        });
        #[cfg(not(feature = "hydrate"))]
        let _ = att;
    };

    let set_search = move |value: String| {
        listing.update(|l| {
            l.search = value;
            l.page = 0;
        })
    };
    let set_kind = move |value: String| {
        listing.update(|l| {
            l.kind = KINDS.contains(&value.as_str()).then_some(value);
            l.page = 0;
        })
    };
    let set_sort = move |value: String| {
        listing.update(|l| {
            l.sort = SortBy::parse(&value);
            l.page = 0;
        })
    };
    let turn = move |by: isize| listing.update(|l| l.page = l.page.saturating_add_signed(by));

    let title = if file_browser::valid_space_key(&space_key) {
        t.fmt("Office documents in {space}", &[("space", &space_key)])
    } else {
        t.text("Office documents").to_owned()
    };
    let loading = move || {
        view! { <p class="muted" data-testid="browser-loading">{t.text("Loading the space's documents…")}</p> }
            .into_any()
    };
    view! {
        <HostScript size_to_parent=true/>
        <main class="file-browser" data-testid="space-documents">
            <h1>{title}</h1>
            <div class="browser-controls">
                <label class="field-label">{t.text("Search")} " "
                    <input type="search" data-testid="browser-search" placeholder=t.text("File name")
                        on:input=move |ev| set_search(event_target_value(&ev))/>
                </label>
                <label class="field-label">{t.text("Kind")} " "
                    <select data-testid="browser-kind" on:change=move |ev| set_kind(event_target_value(&ev))>
                        <option value="">{t.text("All kinds")}</option>
                        {KINDS.into_iter().map(|k| view! { <option value=k>{kind_label(t.lang(), k)}</option> }).collect_view()}
                    </select>
                </label>
                <label class="field-label">{t.text("Sort by")} " "
                    <select data-testid="browser-sort" on:change=move |ev| set_sort(event_target_value(&ev))>
                        {SortBy::ALL.into_iter().map(|s| view! { <option value=s.as_str()>{s.label(t.lang())}</option> }).collect_view()}
                    </select>
                </label>
            </div>
            {move || status.get().map(|text| view! { <p class="status" role="status" data-testid="browser-status">{text}</p> })}
            {move || failure.get().map(|text| view! { <p class="error" role="alert" data-testid="browser-error">{text}</p> })}
            {when_loaded(files, loading, "browser-error", move |listed: Listed| move || {
                    let all: Vec<Attachment> = removed.with(|gone| {
                        listed.files.iter().filter(|a| !gone.contains(&a.id)).cloned().collect()
                    });
                    let capped = listed.capped;
                    let chosen = listing.get();
                    let shown = file_browser::select(&all, &chosen);
                    let (page, pages, matching) = (shown.page, shown.pages, shown.matching);
                    let rows = shown.rows.into_iter().cloned().collect::<Vec<_>>();
                    view! {
                        <p class="muted small" data-testid="browser-count">
                            {count_text(t, matching, all.len())}
                            {capped.then(|| format!(" {}", t.text("Only the 1000 most recently changed files of this space are listed.")))}
                        </p>
                        <table class="browser-table">
                            <thead><tr>
                                <th scope="col">{t.text("Name")}</th><th scope="col">{t.text("Kind")}</th><th scope="col">{t.text("Page")}</th>
                                <th scope="col">{t.text("Size")}</th><th scope="col">{t.text("Last changed")}</th><th scope="col"><span class="visually-hidden">{t.text("Actions")}</span></th>
                            </tr></thead>
                            <tbody>
                                {rows.into_iter().map(|att| row(t, att, confirming, delete)).collect_view()}
                            </tbody>
                        </table>
                        <nav class="pager" aria-label=t.text("Pages")>
                            <button class="button" data-testid="browser-prev" disabled={page == 0} on:click=move |_| turn(-1)>{t.text("Previous")}</button>
                            <span data-testid="browser-page">{t.fmt("Page {page} of {pages}", &[("page", &(page + 1).to_string()), ("pages", &pages.to_string())])}</span>
                            <button class="button" data-testid="browser-next" disabled={page + 1 >= pages} on:click=move |_| turn(1)>{t.text("Next")}</button>
                        </nav>
                    }.into_any()
            })}
        </main>
    }
}

fn row(
    t: Tr,
    att: Attachment,
    confirming: RwSignal<Option<String>>,
    delete: impl Fn(Attachment) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let page = att.container.clone().unwrap_or_default();
    // Confluence's times are UTC; the minute is enough here.
    let when = att
        .version
        .when
        .get(..16)
        .map(|t| format!("{} UTC", t.replace('T', " ")))
        .unwrap_or_default();
    let by = att
        .version
        .by
        .as_ref()
        .map(|p| format!(" {}", t.fmt("by {name}", &[("name", &p.display_name)])))
        .unwrap_or_default();
    let open = {
        let (page_id, name) = (page.id.clone(), att.title.clone());
        move |_| {
            if let Err(err) =
                crate::pages::document_page::open_in_confluence(&page_id, &name, false)
            {
                crate::pages::frame::report(t.text("Cannot open the document"), err);
            }
        }
    };
    let id = att.id.clone();
    let asking = move || confirming.get().as_deref() == Some(id.as_str());
    let ask_id = att.id.clone();
    let title = att.title.clone();
    let doomed = att.clone();
    view! {
        <tr data-testid="browser-row" data-name=att.title.clone()>
            <td><button class="link" data-testid="browser-open" on:click=open>{att.title.clone()}</button></td>
            <td>{document_kind(&att.title).map(|k| kind_label(t.lang(), k)).unwrap_or_default()}</td>
            <td>{page.title}</td>
            <td>{human_size(att.extensions.file_size)}</td>
            <td class="small">{format!("{when}{by}")}</td>
            <td>
                {move || if asking() {
                    let doomed = doomed.clone();
                    view! {
                        <span class="confirm">
                            {t.fmt("Move {name} to the trash?", &[("name", &title)])} " "
                            <button class="button button-danger" data-testid="browser-confirm"
                                on:click=move |_| delete(doomed.clone())>{t.text("Delete")}</button>
                            <button class="button" data-testid="browser-cancel"
                                on:click=move |_| confirming.set(None)>{t.text("Cancel")}</button>
                        </span>
                    }.into_any()
                } else {
                    let ask_id = ask_id.clone();
                    view! {
                        <button class="button" data-testid="browser-delete"
                            on:click=move |_| confirming.set(Some(ask_id.clone()))>{t.text("Delete…")}</button>
                    }.into_any()
                }}
            </td>
        </tr>
    }
}

fn count_text(t: Tr, matching: usize, all: usize) -> String {
    match (matching, all) {
        (_, 0) => t.text("This space has no office documents yet.").to_owned(),
        (0, _) => t.text("No document matches.").to_owned(),
        (m, a) if m == a => t.plural("{count} document.", "{count} documents.", a as u64, &[]),
        (m, a) => t.plural(
            "{matching} of {count} document.",
            "{matching} of {count} documents.",
            a as u64,
            &[("matching", &m.to_string())],
        ),
    }
}

/// Why a deletion failed, in words: Confluence refuses people who may not delete.
#[cfg(any(feature = "hydrate", test))]
fn delete_refused(t: Tr, title: &str, error: &str) -> String {
    if error.contains("403") || error.contains("401") {
        t.fmt("You may not delete {name}.", &[("name", title)])
    } else {
        t.fmt(
            "{name} could not be deleted: {error}",
            &[("name", title), ("error", error)],
        )
    }
}

/// Reads the space's attachments through the host as the viewer, newest first, up to
/// [`file_browser::MAX_FILES`].
async fn load(t: Tr, space_key: &str) -> Result<Listed, AppError> {
    use crate::attachments::Results;
    if !file_browser::valid_space_key(space_key) {
        return Err(AppError {
            status: 400,
            message: t.text("Open this page from a space.").into(),
        });
    }
    let mut all = Vec::new();
    let mut start = 0;
    let mut capped = false;
    loop {
        let url = file_browser::search_url(space_key, start);
        let batch = connect::bridge::request_json::<Results<Attachment>>(&url)
            .await
            .map_err(|err| host_failure(t.text("Cannot list the space's documents"), err))?;
        let got = batch.results.len();
        all.extend(batch.results);
        start += got;
        if got < file_browser::FETCH_LIMIT {
            break;
        }
        if start >= file_browser::MAX_FILES {
            capped = true;
            break;
        }
    }
    Ok(Listed {
        files: file_browser::office_documents(all),
        capped,
    })
}

/// The space's office documents as read, and whether there were more than the browser reads.
#[derive(Clone, Debug)]
struct Listed {
    files: Vec<Attachment>,
    capped: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_refusals_read_well() {
        let t = Tr::default();
        assert_eq!(
            count_text(t, 0, 0),
            "This space has no office documents yet."
        );
        assert_eq!(count_text(t, 0, 3), "No document matches.");
        assert_eq!(count_text(t, 1, 1), "1 document.");
        assert_eq!(count_text(t, 3, 3), "3 documents.");
        assert_eq!(count_text(t, 2, 3), "2 of 3 documents.");
        assert_eq!(
            delete_refused(t, "a.docx", "HTTP 403: no"),
            "You may not delete a.docx."
        );
        assert_eq!(
            delete_refused(t, "a.docx", "connection lost"),
            "a.docx could not be deleted: connection lost"
        );
    }

    #[test]
    fn counts_read_well_in_other_languages() {
        let t = Tr::new(crate::i18n::Lang::De);
        assert_eq!(count_text(t, 2, 3), "2 von 3 Dokumenten.");
        assert_eq!(
            delete_refused(t, "a.docx", "HTTP 403: no"),
            "Sie dürfen a.docx nicht löschen."
        );
    }
}
