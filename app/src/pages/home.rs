//! The landing page at `/`: what this server is and a self-check for operators.

use leptos::prelude::*;

use crate::self_check::{RunSelfCheck, SelfCheckReport};

#[component]
pub fn HomePage() -> impl IntoView {
    let check = ServerAction::<RunSelfCheck>::new();
    let pending = check.pending();
    let outcome = check.value();

    view! {
        <main class="page">
            <header class="page-header">
                <h1>"Confluo"</h1>
                <p class="lede">
                    "Open, edit and co-edit office attachments in Confluence Cloud. "
                    "Install this app in Confluence from its descriptor: "
                    <a href="/atlassian-connect.json">"/atlassian-connect.json"</a>
                </p>
            </header>
            <section class="card" aria-labelledby="self-check-title">
                <h2 id="self-check-title">"Server self-check"</h2>
                <p>"Writes one record to the database and reads it back."</p>
                <button
                    class="button button-primary"
                    data-testid="self-check"
                    disabled=move || pending.get()
                    on:click=move |_| {
                        check.dispatch(RunSelfCheck {});
                    }
                >
                    {move || if pending.get() { "Checking…" } else { "Run self-check" }}
                </button>
                <p class="status" role="status" data-testid="self-check-result">
                    {move || outcome.get().map(|result| match result {
                        Ok(report) => report_text(&report),
                        Err(err) => format!("Self-check failed: {err}"),
                    })}
                </p>
            </section>
        </main>
    }
}

fn report_text(report: &SelfCheckReport) -> String {
    format!(
        "Database OK ({}): {} check{} recorded, last at {}",
        report.database,
        report.checks,
        if report.checks == 1 { "" } else { "s" },
        report.checked_at
    )
}
