//! What the office features ask of Confluence: attachments, what a person may do on a page
//! (asked as that person), downloads, and uploads of new versions credited to the editor.

use connect::{
    Connect,
    host::client::{HostBody, HostClient, HostError, StreamBody},
    store::tenant::Tenant,
};
use reqwest::{Method, StatusCode, header};
use serde::Deserialize;

pub use office::access::{PageAccess, ViewOnlyPolicy};

use crate::{
    attachments::{Attachment, Results},
    permissions::WithOperations,
};

/// An attachment as the office features need it.
#[derive(Clone, Debug, Deserialize)]
pub struct StoredAttachment {
    #[serde(flatten)]
    pub attachment: Attachment,
    /// The page it is attached to, when the caller knows it.
    #[serde(skip)]
    pub page_id: Option<String>,
    /// The content it is attached to, as Confluence reports it.
    #[serde(default)]
    pub container: Option<ContainerRef>,
    /// Its labels, when asked for (`expand=metadata.labels`).
    #[serde(default)]
    metadata: Metadata,
}

#[derive(Clone, Debug, Default, Deserialize)]
struct Metadata {
    #[serde(default)]
    labels: Option<Results<Label>>,
}

#[derive(Clone, Debug, Deserialize)]
struct Label {
    name: String,
}

#[derive(Clone, Debug, Default, Deserialize)]
pub struct ContainerRef {
    pub id: String,
}

impl StoredAttachment {
    /// The names of its labels (read with the attachment).
    pub fn labels(&self) -> Vec<String> {
        self.metadata
            .labels
            .as_ref()
            .map(|l| l.results.iter().map(|l| l.name.clone()).collect())
            .unwrap_or_default()
    }

    pub fn id(&self) -> &str {
        &self.attachment.id
    }
    /// The page it is on: as the caller knows it, else as Confluence reported it.
    pub fn page(&self) -> Option<&str> {
        self.page_id
            .as_deref()
            .or(self.container.as_ref().map(|c| c.id.as_str()))
            .filter(|p| !p.is_empty())
    }
    pub fn title(&self) -> &str {
        &self.attachment.title
    }
    pub fn version(&self) -> i32 {
        i32::try_from(self.attachment.version.number).unwrap_or(i32::MAX)
    }
    /// The media type a new version is uploaded with: the format's, else what Confluence has.
    pub fn media_type(&self) -> &str {
        office::formats::format_of(self.title())
            .map_or(self.attachment.extensions.media_type.as_str(), |f| {
                f.media_type
            })
    }
}

/// One version as Confluence lists it.
#[derive(Debug, Deserialize)]
pub struct VersionJson {
    pub number: i32,
    #[serde(default)]
    pub when: String,
    #[serde(default)]
    pub message: String,
    #[serde(default)]
    pub by: Option<UserJson>,
}

/// One hit of `/rest/api/search/user`.
#[derive(Debug, Deserialize)]
pub struct SearchHit {
    pub user: UserJson,
}

/// A person as Confluence's REST API describes them (`/rest/api/user`, search hits, version
/// authors).
#[derive(Debug, Default, Deserialize)]
pub struct UserJson {
    #[serde(rename = "accountId", default)]
    pub account_id: String,
    #[serde(rename = "displayName", default)]
    pub display_name: String,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub locale: Option<String>,
    #[serde(rename = "profilePicture", default)]
    pub profile_picture: Option<Picture>,
    #[serde(rename = "accountType", default)]
    pub account_type: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct Picture {
    #[serde(default)]
    pub path: String,
}

/// A group as `/rest/api/user/memberof` lists it.
#[derive(Debug, Deserialize)]
struct GroupJson {
    name: String,
}

/// A person as the editor shows them.
#[derive(Clone, Debug)]
pub struct Person {
    pub account_id: String,
    pub display_name: String,
    pub locale: Option<String>,
}

/// The host calls of the office features for one site.
pub struct Confluence<'a> {
    connect: &'a Connect,
    tenant: &'a Tenant,
}

impl<'a> Confluence<'a> {
    pub fn new(connect: &'a Connect, tenant: &'a Tenant) -> Self {
        Self { connect, tenant }
    }

    fn app(&self) -> HostClient {
        self.connect.host_client(self.tenant)
    }

    fn anonymous(&self) -> HostClient {
        self.connect.host_client_anonymous(self.tenant)
    }

    fn user(&self, account_id: &str) -> HostClient {
        self.connect
            .host_client_as_user(self.tenant, account_id)
            .with_header(
                header::HeaderName::from_static("x-atlassian-token"),
                header::HeaderValue::from_static("no-check"),
            )
    }

    /// What `account_id` may do on `page_id`, asked as that person: a page they cannot see
    /// answers 403/404, which is "no access", not an error.
    pub async fn access(&self, account_id: &str, page_id: &str) -> Result<PageAccess, HostError> {
        Self::access_with(&self.user(account_id), page_id, false).await
    }

    /// What someone who is not logged in may do on the page: read it when its space is open
    /// to anonymous access (asked of Confluence with no credentials at all), never edit.
    pub async fn anonymous_access(&self, page_id: &str) -> Result<PageAccess, HostError> {
        let mut access = Self::access_with(&self.anonymous(), page_id, true).await?;
        access.edit = false;
        Ok(access)
    }

    async fn access_with(
        client: &HostClient,
        page_id: &str,
        anonymous: bool,
    ) -> Result<PageAccess, HostError> {
        let target = format!(
            "/rest/api/content/{}?expand=operations,space",
            encode(page_id)
        );
        match client.get_json::<WithOperations>(&target).await {
            Ok(page) => Ok(PageAccess {
                edit: page.allows("update", "page") || page.allows("create", "attachment"),
                ..PageAccess::without_edit(true, page.space.map(|s| s.key))
            }),
            // Confluence answers 401 to anonymous requests for content it keeps from them; for
            // a person, 401 is a failed sign-in, an error.
            Err(err)
                if matches!(err.status().map(|s| s.as_u16()), Some(403 | 404))
                    || (anonymous && err.status() == Some(StatusCode::UNAUTHORIZED)) =>
            {
                Ok(PageAccess::without_edit(false, None))
            }
            Err(err) => Err(err),
        }
    }

    /// The names of the groups `account_id` is in, read as the app (a site has at most a few
    /// thousand; more are not read).
    pub async fn groups(&self, account_id: &str) -> Result<Vec<String>, HostError> {
        const PAGE: usize = 200;
        const MAX_PAGES: usize = 10;
        let mut names = Vec::new();
        for page in 0..MAX_PAGES {
            let query: String = form_urlencoded::Serializer::new(String::new())
                .append_pair("accountId", account_id)
                .append_pair("start", &(page * PAGE).to_string())
                .append_pair("limit", &PAGE.to_string())
                .finish();
            let list: Results<GroupJson> = self
                .app()
                .get_json(&format!("/rest/api/user/memberof?{query}"))
                .await?;
            let full = list.results.len() >= PAGE;
            names.extend(list.results.into_iter().map(|g| g.name));
            if !full {
                break;
            }
        }
        Ok(names)
    }

    /// The page's attachment called `file_name`, read as the app.
    pub async fn find(
        &self,
        page_id: &str,
        file_name: &str,
    ) -> Result<Option<StoredAttachment>, HostError> {
        let query: String = form_urlencoded::Serializer::new(String::new())
            .append_pair("filename", file_name)
            .append_pair("expand", "version,metadata.labels")
            .finish();
        let list: Results<StoredAttachment> = self
            .app()
            .get_json(&format!(
                "/rest/api/content/{}/child/attachment?{query}",
                encode(page_id)
            ))
            .await?;
        Ok(list
            .results
            .into_iter()
            .find(|a| a.attachment.title == file_name)
            .map(|mut a| {
                a.page_id = Some(page_id.to_owned());
                a
            }))
    }

    /// The names of the page's attachments.
    pub async fn names(&self, page_id: &str) -> Result<Vec<String>, HostError> {
        let list: Results<StoredAttachment> = self
            .app()
            .get_json(&format!(
                "/rest/api/content/{}/child/attachment?limit=200",
                encode(page_id)
            ))
            .await?;
        Ok(list
            .results
            .into_iter()
            .map(|a| a.attachment.title)
            .collect())
    }

    /// The attachment by id, read as the app (`None` when it is gone).
    pub async fn by_id(&self, attachment_id: &str) -> Result<Option<StoredAttachment>, HostError> {
        match self
            .app()
            .get_json::<StoredAttachment>(&format!(
                "/rest/api/content/{}?expand=version,container,metadata.labels",
                encode(attachment_id)
            ))
            .await
        {
            Ok(att) => Ok(Some(att)),
            Err(err) if err.status().map(|s| s.as_u16()) == Some(404) => Ok(None),
            Err(err) => Err(err),
        }
    }

    /// The bytes of one version of an attachment, as a streaming response, read as the app.
    ///
    /// Through the REST download endpoint, which Confluence Cloud answers with a redirect to
    /// its media service; the servlet path in `_links.download` refuses API tokens.
    pub async fn download(
        &self,
        att: &StoredAttachment,
        version: i32,
    ) -> Result<reqwest::Response, HostError> {
        let page = att
            .page()
            .ok_or_else(|| HostError::Decode("the attachment's page is not known".into()))?;
        self.app()
            .download(&download_path(page, att.id(), version))
            .await
    }

    /// The first `limit` bytes of a version (fewer when the file is shorter); the rest is not
    /// fetched.
    pub async fn head(
        &self,
        att: &StoredAttachment,
        version: i32,
        limit: usize,
    ) -> Result<Vec<u8>, HostError> {
        let mut response = self.download(att, version).await?;
        let mut head = Vec::with_capacity(limit);
        while head.len() < limit {
            match response.chunk().await {
                Ok(Some(chunk)) => head.extend_from_slice(&chunk),
                Ok(None) => break,
                Err(_) => return Err(HostError::Transport("the download broke off".into())),
            }
        }
        head.truncate(limit);
        Ok(head)
    }

    /// The attachment's versions, as `account_id` may see them.
    pub async fn versions(
        &self,
        account_id: &str,
        attachment_id: &str,
    ) -> Result<Vec<VersionJson>, HostError> {
        let list: Results<VersionJson> = self
            .user(account_id)
            .get_json(&format!(
                "/rest/api/content/{}/version?limit=200",
                encode(attachment_id)
            ))
            .await?;
        Ok(list.results)
    }

    /// People found by `cql` (user search), as `account_id` may see them.
    pub async fn search_users(
        &self,
        account_id: &str,
        cql: &str,
        limit: usize,
    ) -> Result<Vec<SearchHit>, HostError> {
        let query: String = form_urlencoded::Serializer::new(String::new())
            .append_pair("cql", cql)
            .append_pair("limit", &limit.to_string())
            .finish();
        let list: Results<SearchHit> = self
            .user(account_id)
            .get_json(&format!("/rest/api/search/user?{query}"))
            .await?;
        Ok(list.results)
    }

    /// A person's record, as the app reads it.
    pub async fn user_json(&self, account_id: &str) -> Result<UserJson, HostError> {
        let query: String = form_urlencoded::Serializer::new(String::new())
            .append_pair("accountId", account_id)
            .finish();
        self.app()
            .get_json(&format!("/rest/api/user?{query}"))
            .await
    }

    /// A person, as the app reads them.
    pub async fn person(&self, account_id: &str) -> Result<Person, HostError> {
        let user = self.user_json(account_id).await?;
        Ok(Person {
            account_id: account_id.to_owned(),
            display_name: user.display_name,
            locale: user.locale,
        })
    }

    /// Uploads a new version of the attachment, as `account_id`; the new version number.
    pub async fn upload_version(
        &self,
        account_id: &str,
        page_id: &str,
        attachment_id: &str,
        file: Upload<'_>,
    ) -> Result<i32, HostError> {
        let target = format!(
            "/rest/api/content/{}/child/attachment/{}/data",
            encode(page_id),
            encode(attachment_id)
        );
        let att: StoredAttachment = file
            .send(&self.user(account_id), &target)
            .await?
            .json()
            .await
            .map_err(|e| HostError::Decode(e.to_string()))?;
        Ok(att.version())
    }

    /// Adds a new attachment to the page, as `account_id`.
    pub async fn upload_new(
        &self,
        account_id: &str,
        page_id: &str,
        file: Upload<'_>,
    ) -> Result<StoredAttachment, HostError> {
        let target = format!("/rest/api/content/{}/child/attachment", encode(page_id));
        let list: Results<StoredAttachment> = file
            .send(&self.user(account_id), &target)
            .await?
            .json()
            .await
            .map_err(|e| HostError::Decode(e.to_string()))?;
        list.results
            .into_iter()
            .next()
            .ok_or_else(|| HostError::Decode("the upload answered no attachment".into()))
    }
}

/// A file to upload, with the version comment Confluence shows.
pub struct Upload<'a> {
    pub file_name: &'a str,
    pub media_type: &'a str,
    pub data: UploadData<'a>,
    pub comment: &'a str,
}

/// What is uploaded: a small file in memory, or a file streamed through from elsewhere.
pub enum UploadData<'a> {
    Bytes(&'a [u8]),
    Stream(office::file_stream::FileStream),
}

impl Upload<'_> {
    /// Minor edits: saves from the editor do not notify page watchers.
    async fn send(self, client: &HostClient, target: &str) -> Result<reqwest::Response, HostError> {
        let fields = [("comment", self.comment), ("minorEdit", "true")];
        match self.data {
            UploadData::Bytes(data) => {
                let body = HostBody::multipart_file(self.file_name, self.media_type, data, &fields);
                client.send_ok(Method::POST, target, Some(body)).await
            }
            UploadData::Stream(file) => {
                let watch = file.watch();
                let body = StreamBody::multipart_file(
                    self.file_name,
                    self.media_type,
                    file.stream,
                    file.length,
                    &fields,
                );
                match client.send_stream(Method::POST, target, body).await {
                    // The upload broke off because the file passed its cap: say so.
                    Err(_) if watch.exceeded().is_some() => Err(HostError::Transport(format!(
                        "the file is larger than {} MB",
                        watch.exceeded().unwrap_or_default() / 1024 / 1024
                    ))),
                    other => other,
                }
            }
        }
    }
}

/// An id as one path segment.
/// The REST download endpoint for one version of an attachment.
fn download_path(page_id: &str, attachment_id: &str, version: i32) -> String {
    format!(
        "/rest/api/content/{}/child/attachment/{}/download?version={version}",
        encode(page_id),
        encode(attachment_id)
    )
}

fn encode(segment: &str) -> String {
    form_urlencoded::byte_serialize(segment.as_bytes()).collect()
}
