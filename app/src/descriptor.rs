//! Confluo's Connect descriptor: what Confluence learns about the app when it installs it.

use connect::descriptor::{Descriptor, Scope, Vendor};

/// The app key. It never changes: a different key is a different app to Confluence.
pub const APP_KEY: &str = "io.confluo.confluence";

/// The descriptor for an app served at `base_url`.
pub fn descriptor(base_url: &str) -> Descriptor {
    let mut d = Descriptor::new(APP_KEY, "Confluo", base_url);
    d.description =
        Some("View, edit and co-edit office documents attached to Confluence pages.".into());
    d.vendor = Some(Vendor {
        name: "Confluo".into(),
        url: "https://confluo.io".into(),
    });
    // Reading pages and attachments, uploading new attachment versions, and saving each
    // version as the user who edited it.
    d.scopes = vec![Scope::Read, Scope::Write, Scope::ActAsUser];
    d
}
