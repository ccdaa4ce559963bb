//! What every iframe page shares: all.js from Atlassian's CDN, what a screen reads once it runs
//! in the browser (loading, failed, ready), and failures reported in the host as flags.

use leptos::prelude::*;
use leptos_meta::Script;

use crate::app_error::AppError;

/// Where Confluence pages load all.js from (kept as in production; tests serve it locally).
pub const ALL_JS_URL: &str = "https://connect-cdn.atl-paas.net/all.js";

/// What a screen reads once it runs in the browser, through the host or a server function. The
/// host bridge exists only there, so the server renders these pending: the first paint shows the
/// screen's own "Loading…" and hydration picks up from it.
pub type Loaded<T> = LocalResource<Result<T, AppError>>;

/// A failure of the host bridge as the screen's error, reported as a flag under `title` too.
pub fn host_failure(title: &str, message: impl ToString) -> AppError {
    AppError {
        status: 0,
        message: report(title, message.to_string()),
    }
}

/// A server function's error, reported as a flag under `title` too.
pub fn reported(title: &str, error: AppError) -> AppError {
    AppError {
        message: report(title, error.message),
        ..error
    }
}

/// `ready`'s view of `resource` once it has answered; `loading` until its first answer (a reload
/// keeps the last view until the next one), and its error, as an alert marked `error_id`, if it
/// fails.
pub fn when_loaded<T, V>(
    resource: Loaded<T>,
    loading: impl Fn() -> AnyView + Send + Sync + 'static,
    error_id: &'static str,
    ready: impl Fn(T) -> V + Clone + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let failed = move |errors: ArcRwSignal<Errors>| {
        let said = move || {
            errors
                .get()
                .into_iter()
                .map(|(_, error)| error.to_string())
                .collect::<Vec<_>>()
                .join(" ")
        };
        view! { <p class="error" role="alert" data-testid=error_id>{said}</p> }
    };
    let answered = move || {
        let ready = ready.clone();
        Suspend::new(async move { resource.await.map(ready) })
    };
    view! {
        <Transition fallback=loading>
            <ErrorBoundary fallback=failed>{answered}</ErrorBoundary>
        </Transition>
    }
}

/// The `pageId` the host put in the page's URL (verified with the URL's token).
pub fn page_id_param() -> String {
    leptos_router::hooks::use_query_map()
        .read_untracked()
        .get("pageId")
        .unwrap_or_default()
}

/// Loads all.js for the page; `sizeToParent` pages fill the host's frame (dialogs, pages).
#[component]
pub fn HostScript(#[prop(optional)] size_to_parent: bool) -> impl IntoView {
    let options = if size_to_parent {
        "sizeToParent:true"
    } else {
        "resize:true"
    };
    view! { <Script src=ALL_JS_URL attr:data-options=options/> }
}

/// Shows `message` as an error flag in Confluence (when the bridge is there) and returns it,
/// for the page to show too.
pub fn report(title: &str, message: String) -> String {
    #[cfg(feature = "hydrate")]
    {
        use connect::bridge::flag::{FlagKind, create};
        let _ = create(FlagKind::Error, title, &message);
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = title;
    message
}

/// Asks the host to fit the iframe to the content after a change.
pub fn resize_soon() {
    #[cfg(feature = "hydrate")]
    leptos::task::spawn_local(async {
        let _ = connect::bridge::resize().await;
    });
}
