//! One module per screen.

pub mod attachment_picker;
pub mod attachments_dialog;
pub mod configure;
pub mod document_macro;
pub mod document_page;
pub mod frame;
pub mod home;
pub mod macro_editor;
pub mod not_found;
pub mod office_editor;
pub mod space_documents;
