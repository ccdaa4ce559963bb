//! The office tables: a site's Document Server settings and editing options, editing sessions
//! and who is in them, saves and their claims, the changes archives behind the history, the
//! demo's start, and what Confluence last reported about attachments. Every function takes the
//! site's clientKey: data is always scoped to one tenant.

pub mod attachment_activity;
pub mod document_server;
pub mod editor_options;
pub mod migration;
pub mod office_changes;
pub mod office_demo;
pub mod office_save;
pub mod office_session;
pub mod office_session_member;
