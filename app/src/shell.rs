//! The HTML document and router every screen renders inside.

use leptos::prelude::*;
use leptos_meta::{MetaTags, Stylesheet, Title, provide_meta_context};
use leptos_router::{
    StaticSegment,
    components::{Route, Router, Routes},
};

use crate::{
    descriptor::paths,
    pages::{
        attachments_dialog::AttachmentsDialog, configure::ConfigurePage,
        document_macro::DocumentMacro, document_page::DocumentPage, file_browser::SpaceDocuments,
        home::HomePage, macro_editor::DocumentMacroEditor, not_found::NotFound,
    },
};

/// The full HTML document, rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    // The browser keeps the language the server chose by reading it back from here.
    let lang = crate::i18n::provide_page_lang();
    crate::csp::provide_page_nonce();
    view! {
        <!DOCTYPE html>
        <html lang=lang.tag()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <AutoReload options=options.clone()/>
                // Before the module that hydrates (a classic script runs first): the page's
                // language's words, which the bundle does not carry.
                {crate::i18n::words_script_url(lang).map(|src| view! { <script src=src></script> })}
                <HydrationScripts options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// The root component, shared by server rendering and hydration.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    crate::i18n::provide_page_lang();
    // Effects run only in the browser, after hydration: mark the document so tests and
    // styles can tell a live page from server-rendered HTML.
    Effect::new(|_| {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-hydrated", "true");
        }
        // Inside Confluence, follow its light or dark theme (the CSS keys on data-color-mode).
        #[cfg(feature = "hydrate")]
        if connect::bridge::available() {
            let _ = connect::bridge::initialize_theming();
        }
    });
    view! {
        <Stylesheet id="leptos" href="/pkg/confluo.css"/>
        <Title text="Confluo"/>
        <Router>
            <Routes fallback=NotFound>
                <Route path=StaticSegment("") view=HomePage/>
                <Route path=segments(paths::DOCUMENT_MACRO) view=DocumentMacro/>
                <Route path=segments(paths::DOCUMENT_MACRO_EDITOR) view=DocumentMacroEditor/>
                <Route path=segments(paths::ATTACHMENTS_DIALOG) view=AttachmentsDialog/>
                <Route path=segments(paths::CONFIGURE) view=ConfigurePage/>
                <Route path=segments(paths::DOCUMENT_PAGE) view=DocumentPage/>
                <Route path=segments(paths::SPACE_DOCUMENTS) view=SpaceDocuments/>
            </Routes>
        </Router>
    }
}

/// `/a/b` as two static route segments.
fn segments(path: &'static str) -> (StaticSegment<&'static str>, StaticSegment<&'static str>) {
    let mut parts = path.trim_start_matches('/').splitn(2, '/');
    (
        StaticSegment(parts.next().unwrap_or_default()),
        StaticSegment(parts.next().unwrap_or_default()),
    )
}
