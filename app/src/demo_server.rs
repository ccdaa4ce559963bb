//! ONLYOFFICE's public demo server, for trying Confluo before a site runs its own Document
//! Server: on for 30 days from the first time an administrator turns it on, then off for good.
//!
//! Its address, token header and secret are the ones ONLYOFFICE publishes for every
//! integration, so nothing opened there is private: the configure page and the editor say so.

use crate::app_error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::{context_client::ContextClient, i18n::Lang};

/// How long a site may use the demo server, from the first time it was turned on.
pub const TRIAL_DAYS: i64 = 30;
/// ONLYOFFICE's demo server, unless the process sets `OFFICE_DEMO_URL`.
pub const DEFAULT_URL: &str = "https://onlinedocs.docs.onlyoffice.com/";
/// The header the demo server reads its token from.
pub const JWT_HEADER: &str = "AuthorizationJWT";
/// The demo server's published secret.
pub const SECRET: &str = "sn2puSUF7muF5Jas";

/// Where a site's demo stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DemoState {
    /// Never turned on: the 30 days have not started.
    Available,
    /// Turned on, within its 30 days.
    Active,
    /// Turned off by an administrator, within its 30 days: it can be turned on again.
    Paused,
    /// The 30 days are over: it cannot be turned on again.
    Ended,
}

/// What the configure page shows about the demo.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DemoView {
    pub state: DemoState,
    /// The last day of the trial (`2026-12-22`), once it started.
    pub until: Option<String>,
}

impl DemoView {
    /// One sentence on where the demo stands, in `lang`.
    pub fn summary(&self, lang: Lang) -> String {
        let until = lang.date(self.until.as_deref().unwrap_or_default());
        let days = TRIAL_DAYS.to_string();
        match self.state {
            DemoState::Available => lang.fmt(
                "Not in use. Once turned on, it works for {days} days and cannot be started again.",
                &[("days", &days)],
            ),
            DemoState::Active => lang.fmt("In use until {until}.", &[("until", &until)]),
            DemoState::Paused => lang.fmt(
                "Turned off. It can be turned on again until {until}.",
                &[("until", &until)],
            ),
            DemoState::Ended => lang.fmt(
                "The {days}-day demo ended on {until}. Set up your own Document Server above.",
                &[("days", &days), ("until", &until)],
            ),
        }
    }
}

#[cfg(feature = "ssr")]
/// The framework's clock (fixed in tests) as a date.
pub fn clock(connect: &connect::Connect) -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp(connect.now(), 0).unwrap_or_else(chrono::Utc::now)
}

/// The demo's trial window and state, apart from storage and clocks.
#[cfg(feature = "ssr")]
pub mod trial {
    use chrono::{DateTime, Duration, Utc};

    use super::{DemoState, DemoView, TRIAL_DAYS};
    use crate::store::office_demo;

    /// When a demo started at `started_at` stops working.
    pub fn ends_at(started_at: DateTime<Utc>) -> DateTime<Utc> {
        started_at + Duration::days(TRIAL_DAYS)
    }

    pub fn state(row: Option<&office_demo::Model>, now: DateTime<Utc>) -> DemoState {
        match row {
            None => DemoState::Available,
            Some(row) if now >= ends_at(row.started_at) => DemoState::Ended,
            Some(row) if row.enabled => DemoState::Active,
            Some(_) => DemoState::Paused,
        }
    }

    /// Until when the site uses the demo server, when it does.
    pub fn in_use(row: Option<&office_demo::Model>, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        let row = row?;
        (state(Some(row), now) == DemoState::Active).then(|| ends_at(row.started_at))
    }

    /// The last day a demo ending at `ends_at` works (the day before, when it ends at
    /// midnight), as `YYYY-MM-DD` for [`crate::i18n::Lang::date`] to write out.
    pub fn last_day(ends_at: DateTime<Utc>) -> String {
        (ends_at - Duration::seconds(1))
            .format("%Y-%m-%d")
            .to_string()
    }

    pub fn view(row: Option<&office_demo::Model>, now: DateTime<Utc>) -> DemoView {
        DemoView {
            state: state(row, now),
            until: row.map(|r| last_day(ends_at(r.started_at))),
        }
    }
}

/// Where the site's demo stands.
#[server(endpoint = "demo-server/load", client = ContextClient)]
pub async fn load_demo_server() -> Result<DemoView, AppError> {
    let scope = crate::document_server_settings::admin_scope().await?;
    let row = crate::store::office_demo::find(&scope.state.db, scope.client_key())
        .await
        .map_err(|err| {
            tracing::error!(error = %err, "loading the demo state failed");
            AppError::internal(
                crate::i18n::current_lang()
                    .text("The demo server's state could not be read; try again."),
            )
        })?;
    Ok(trial::view(row.as_ref(), clock(&scope.state.connect)))
}

/// Turns the demo server on or off. Only site administrators may; an ended demo stays off.
#[server(endpoint = "demo-server/set", client = ContextClient)]
pub async fn set_demo_server(enabled: bool) -> Result<DemoView, AppError> {
    use axum::http::StatusCode;
    let scope = crate::document_server_settings::admin_scope().await?;
    let db = &scope.state.db;
    let now = clock(&scope.state.connect);
    let failed = |err: sea_orm::DbErr| {
        tracing::error!(error = %err, "saving the demo state failed");
        AppError::internal(
            crate::i18n::current_lang()
                .text("The demo server could not be switched; nothing was changed."),
        )
    };
    let row = crate::store::office_demo::find(db, scope.client_key())
        .await
        .map_err(failed)?;
    if enabled && trial::state(row.as_ref(), now) == DemoState::Ended {
        let view = trial::view(row.as_ref(), now);
        return Err(crate::app_error::AppError::refuse(
            StatusCode::CONFLICT,
            view.summary(crate::i18n::current_lang()),
        ));
    }
    let row = crate::store::office_demo::set(
        db,
        scope.client_key(),
        enabled,
        scope.account_id.as_deref(),
        now,
    )
    .await
    .map_err(failed)?;
    tracing::info!(
        client_key = scope.client_key(),
        enabled,
        "demo server switched"
    );
    Ok(trial::view(row.as_ref(), now))
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use chrono::{Duration, TimeZone, Utc};

    use super::{trial::*, *};
    use crate::store::office_demo::Model;

    fn row(enabled: bool, started_days_ago: i64) -> (Model, chrono::DateTime<Utc>) {
        let started = Utc.with_ymd_and_hms(2026, 11, 23, 9, 30, 0).unwrap();
        let model = Model {
            client_key: "site".into(),
            enabled,
            started_at: started,
            updated_at: started,
            updated_by: None,
        };
        (model, started + Duration::days(started_days_ago))
    }

    #[test]
    fn thirty_days_from_the_first_switch_on() {
        let now = Utc::now();
        assert_eq!(state(None, now), DemoState::Available);
        assert_eq!(in_use(None, now), None);

        let (on, day_29) = row(true, 29);
        assert_eq!(state(Some(&on), day_29), DemoState::Active);
        assert_eq!(
            in_use(Some(&on), day_29),
            Some(on.started_at + Duration::days(30))
        );
        let shown = view(Some(&on), day_29);
        assert_eq!(shown.until.as_deref(), Some("2026-12-23"));
        assert_eq!(shown.summary(Lang::En), "In use until 23 December 2026.");
        assert_eq!(
            shown.summary(Lang::De),
            "In Verwendung bis zum 23. Dezember 2026."
        );

        // The second it ends, it is over, on or off.
        let ended = on.started_at + Duration::days(30);
        assert_eq!(state(Some(&on), ended), DemoState::Ended);
        assert_eq!(in_use(Some(&on), ended), None);
        assert_eq!(
            state(Some(&on), ended - Duration::seconds(1)),
            DemoState::Active
        );
        let (off, _) = row(false, 0);
        assert_eq!(state(Some(&off), ended), DemoState::Ended);
        assert!(
            view(Some(&off), ended)
                .summary(Lang::En)
                .contains("ended on 23 December 2026")
        );
    }

    #[test]
    fn switched_off_within_the_trial_it_is_paused_and_unused() {
        let (off, day_3) = row(false, 3);
        assert_eq!(state(Some(&off), day_3), DemoState::Paused);
        assert_eq!(in_use(Some(&off), day_3), None);
        assert!(
            view(Some(&off), day_3)
                .summary(Lang::En)
                .contains("until 23 December 2026")
        );
    }
}
