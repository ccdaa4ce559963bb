//! The app's own tables (the Connect framework keeps its tables in `connect::store`). Every
//! function here takes the site's clientKey: data is always scoped to one tenant.

pub mod attachment_activity;
pub mod document_server;
pub mod editor_options;
pub mod migration;
pub mod office_changes;
pub mod office_demo;
pub mod office_save;
pub mod office_session;
pub mod office_session_member;
pub mod personal_data_report;
pub mod self_check;
