//! One module per screen.

pub mod attachment_picker;
pub mod attachments_dialog;
pub mod configure;
pub mod document_macro;
pub mod document_page;
pub mod file_browser;
pub mod frame;
pub mod home;
pub mod macro_editor;
pub mod not_found;
pub mod office_editor;
