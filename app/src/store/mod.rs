//! The app's own tables (the Connect framework keeps its tables in `connect::store`, the office
//! domain its tables in `office::store`, re-exported here). Every function here takes the site's
//! clientKey: data is always scoped to one tenant.

pub mod migration;
pub mod personal_data_report;
pub mod self_check;

pub use office::store::{
    attachment_activity, document_server, editor_options, office_changes, office_demo, office_save,
    office_session, office_session_member,
};
