//! Files from Confluence handed to a running editor: a picture to insert, a document to compare
//! or combine with, mail-merge recipients, and the spreadsheet a cell's linked data comes from
//! (`referenceData`). Each reaches the Document Server as a short-lived signed file link, in an
//! argument signed with the site's secret, and only after Confluence said the person may see
//! the page the file is on.

use serde_json::{Value, json};

use super::{action_link, error::OfficeError, service::Caller};
use office::{
    ds_token,
    formats::{self, FileUse as Use},
    link_token::Purpose,
};

/// The argument of the editor method that hands over `file_name` on `page_id` for `purpose`;
/// `c` is the editor's own request type, passed back.
pub async fn for_editor(
    caller: &Caller,
    page_id: &str,
    file_name: &str,
    purpose: Use,
    c: &str,
) -> Result<Value, OfficeError> {
    let ds = caller.document_server().await?;
    let options = caller.options().await?;
    caller.visible(page_id, &options).await?;
    let ext = formats::extension(file_name).unwrap_or_default();
    if !purpose.accepts(file_name) {
        return Err(OfficeError::Other(purpose.not_this(file_name, caller.lang)));
    }
    let att = caller.file_on(page_id, file_name, &options).await?;
    let version = att.version();
    let key = caller
        .doc_keys()
        .editing(caller.client_key(), att.id(), version);
    let url = caller.link(&ds, Purpose::File, &att, version, &key)?;
    // The editor may send anything as `c`; only a short word goes back.
    let c: String = c
        .chars()
        .filter(|ch| ch.is_ascii_alphanumeric() || *ch == '-')
        .take(32)
        .collect();
    let mut arg = match purpose {
        Use::Image => json!({ "c": c, "images": [{ "fileType": ext, "url": url }] }),
        Use::Document | Use::Spreadsheet => json!({ "c": c, "fileType": ext, "url": url }),
        Use::Reference => json!({
            "fileType": ext,
            "key": key,
            "path": att.title(),
            "referenceData": {
                "fileKey": att.id(),
                "instanceId": caller.scope.tenant.base_url,
            },
            "url": url,
        }),
    };
    if let Some(secret) = &ds.secret {
        arg["token"] = json!(ds_token::sign(&arg, secret, caller.now())?);
    }
    Ok(arg)
}

/// The page and file name a linked-data reference (`{referenceData: {fileKey, instanceId},
/// path}`) points at: by the attachment's stable id on this site, else by name on `page_id`.
pub async fn resolve(
    caller: &Caller,
    page_id: &str,
    reference: &Value,
) -> Result<(String, String), OfficeError> {
    let data = &reference["referenceData"];
    if let Some(file_key) = data["fileKey"].as_str().filter(|k| !k.is_empty()) {
        let here = caller.scope.tenant.base_url.trim_end_matches('/');
        let there = data["instanceId"].as_str().unwrap_or_default();
        if there.trim_end_matches('/') != here {
            return Err(OfficeError::Other(
                caller
                    .lang
                    .text("The linked file is on another Confluence site.")
                    .into(),
            ));
        }
        if !file_key.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return Err(OfficeError::Other(
                caller.lang.text("The link to the file is damaged.").into(),
            ));
        }
        let att = caller
            .confluence()
            .by_id(file_key)
            .await?
            .ok_or_else(|| OfficeError::Gone(caller.lang.text("The linked file").into()))?;
        let page = att
            .container
            .as_ref()
            .map(|c| c.id.clone())
            .ok_or_else(|| OfficeError::Gone(caller.lang.text("The linked file's page").into()))?;
        return Ok((page, att.title().to_owned()));
    }
    match reference["path"].as_str().map(str::trim) {
        Some(path) if !path.is_empty() && !path.contains('/') => {
            Ok((page_id.to_owned(), path.to_owned()))
        }
        _ => Err(OfficeError::Other(
            caller
                .lang
                .text("The editor did not say which file the data comes from.")
                .into(),
        )),
    }
}

/// `setReferenceData`'s argument for the file `reference` points at.
pub async fn reference_data(
    caller: &Caller,
    page_id: &str,
    reference: &Value,
) -> Result<Value, OfficeError> {
    let (page, file) = resolve(caller, page_id, reference).await?;
    for_editor(caller, &page, &file, Use::Reference, "").await
}

/// The document page in Confluence for the file `reference` points at (onRequestOpen).
pub async fn open_url(
    caller: &Caller,
    page_id: &str,
    reference: &Value,
) -> Result<String, OfficeError> {
    let (page, file) = resolve(caller, page_id, reference).await?;
    caller.visible(&page, &caller.options().await?).await?;
    Ok(action_link::document_page_url(
        &caller.scope.tenant.base_url,
        &[("pageId", &page), ("attachment", &file)],
    ))
}
