//! What every iframe page shares: all.js from Atlassian's CDN, a loading/failed/ready state,
//! and failures reported in the host as flags.

use leptos::prelude::*;
use leptos_meta::Script;

/// Where Confluence pages load all.js from (kept as in production; tests serve it locally).
pub const ALL_JS_URL: &str = "https://connect-cdn.atl-paas.net/all.js";

/// A value being fetched for the screen.
#[derive(Clone, Debug, PartialEq)]
pub enum Load<T> {
    Loading,
    Failed(String),
    Ready(T),
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
