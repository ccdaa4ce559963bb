//! Calls from Confluo to a site's Document Server: health check, commands, conversions, and
//! downloads of the files it produced. Server-to-server calls go to the internal address when
//! the administrator set one; file URLs the Document Server hands back carry its public address
//! and are rewritten to the internal one.

use std::time::Duration;

use connect::egress::{EgressClient, EgressError};
use reqwest::{Method, StatusCode, header};
use serde_json::{Value, json};
use url::Url;

use crate::{
    ds_token,
    file_stream::{FileStream, StreamError},
};
use words::Lang;

/// The Document Server's own default download cap, and the default of the operator's.
pub const MAX_FILE_BYTES: u64 = 100 * 1024 * 1024;
/// How long one API call may take before Confluo gives up on it.
const CALL_TIMEOUT: Duration = Duration::from_secs(30);
/// How long a file transfer may take (a stalled one ends at the client's read timeout).
pub const TRANSFER_TIMEOUT: Duration = Duration::from_secs(30 * 60);
/// Largest JSON answer read from a Document Server (commands and conversions answer a few
/// hundred bytes; a list of forgotten files a few KiB).
const MAX_ANSWER_BYTES: u64 = 256 * 1024;
/// Redirects followed on a `GET`, each only within the Document Server's own addresses.
const MAX_REDIRECTS: usize = 3;

/// One conversion, as the conversion API takes it.
pub struct ConvertRequest<'a> {
    /// Names the conversion: the Document Server caches results per key.
    pub key: &'a str,
    pub file_type: &'a str,
    pub output_type: &'a str,
    /// Where the Document Server downloads the source.
    pub url: &'a str,
    pub title: &'a str,
    /// PDF options (`{"form": true}` makes a fillable PDF form).
    pub pdf: Option<Value>,
}

/// A site's Document Server, secret opened.
#[derive(Clone, Debug)]
pub struct DocumentServer {
    pub public_url: String,
    pub internal_url: Option<String>,
    pub secret: Option<String>,
    pub jwt_header: String,
    /// Off only when the administrator chose to trust any certificate the server presents.
    pub verify_certificates: bool,
    /// The largest file Confluo fetches from it (at least the Document Server's own 100 MB).
    pub max_download_bytes: u64,
    /// For ONLYOFFICE's public demo server: the last day the site may use it.
    pub demo_until: Option<String>,
}

/// Why a call to the Document Server failed, in words an administrator can act on.
#[derive(Debug, PartialEq, Eq)]
pub enum DsError {
    Unreachable(String),
    Certificate(String),
    Timeout(u64),
    Status(u16),
    Unhealthy(String),
    BadAnswer(String),
    /// An error code of the command service.
    Command(i64),
    /// An error code of the conversion service.
    Conversion(i64),
    TooLarge(u64),
    Secret(String),
    /// The egress policy refused the address: a private network the operator has not allowed.
    Refused(String),
    /// A redirect away from the Document Server's own addresses.
    Redirect(String),
}

/// The pause before asking again about a conversion that has run for `elapsed`: a twentieth of
/// it, between 10 ms and 1 s, so waiting adds at most about a twentieth to the conversion's own
/// time.
pub fn poll_pause(elapsed: Duration) -> Duration {
    (elapsed / 20).clamp(Duration::from_millis(10), Duration::from_secs(1))
}

impl DsError {
    /// The problem in `lang`; what the server said (addresses, answers) as it is.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Self::Unreachable(url) => lang.fmt(
                "the Document Server at {address} cannot be reached",
                &[("address", url)],
            ),
            Self::Certificate(url) => lang.fmt(
                "the Document Server at {address} presented a certificate that is not trusted (self-signed, expired or for another name); fix the certificate or, on your own network only, turn off certificate verification",
                &[("address", url)],
            ),
            Self::Timeout(seconds) => lang.fmt(
                "the Document Server did not answer within {seconds} seconds",
                &[("seconds", &seconds.to_string())],
            ),
            Self::Status(status) => lang.fmt(
                "the Document Server answered HTTP {status}",
                &[("status", &status.to_string())],
            ),
            Self::Unhealthy(answer) => lang.fmt(
                "the Document Server reports it is not healthy (healthcheck answered “{answer}”)",
                &[("answer", answer)],
            ),
            Self::BadAnswer(detail) => lang.fmt(
                "the Document Server's answer is not understood: {detail}",
                &[("detail", detail)],
            ),
            Self::Command(code) => lang.fmt(
                "the Document Server refused the command: error {code}: {meaning}",
                &[
                    ("code", &code.to_string()),
                    ("meaning", command_error(*code, lang)),
                ],
            ),
            Self::Conversion(code) => lang.fmt(
                "the conversion failed: {meaning} (error {code})",
                &[
                    ("code", &code.to_string()),
                    ("meaning", conversion_error(*code, lang)),
                ],
            ),
            Self::TooLarge(mb) => lang.fmt(
                "the file is larger than {mb} MB",
                &[("mb", &mb.to_string())],
            ),
            Self::Secret(detail) => lang.fmt(
                "the Document Server secret cannot be used: {detail}",
                &[("detail", detail)],
            ),
            Self::Refused(address) => lang.fmt(
                "{address} is on a private network; the operator has not allowed Confluo to connect there",
                &[("address", address)],
            ),
            Self::Redirect(address) => lang.fmt(
                "the Document Server redirected to {address}, which is not the Document Server; not followed",
                &[("address", address)],
            ),
        }
    }
}

/// In English, for logs.
impl std::fmt::Display for DsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for DsError {}

/// A conversion's state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Conversion {
    Running { percent: u8 },
    Done { file_url: String, file_type: String },
}

/// Words for the Document Server's command error codes.
pub fn command_error(code: i64, lang: Lang) -> &'static str {
    match code {
        1 => lang.text("the document key is missing or no document has it"),
        2 => lang.text("the callback address is wrong"),
        3 => lang.text("internal error of the Document Server"),
        4 => lang.text("nothing changed since the last save"),
        5 => lang.text("unknown command"),
        6 => lang.text("invalid token: the secret does not match the Document Server's"),
        7 => lang.text("the token has expired: check the clocks of both servers"),
        _ => lang.text("unknown error"),
    }
}

/// Words for the conversion API's error codes.
pub fn conversion_error(code: i64, lang: Lang) -> &'static str {
    match code {
        -2 => lang.text("the conversion timed out"),
        -3 => lang.text("the file is damaged or its content cannot be converted"),
        -4 => lang.text("the Document Server could not download the file from Confluo"),
        -5 => lang.text("the file is password-protected"),
        -6 => lang.text("the Document Server's database failed"),
        -7 => lang.text("the request was not accepted (bad parameters)"),
        -8 => {
            lang.text("invalid or expired token: the secret does not match the Document Server's")
        }
        -9 => lang.text("the output format could not be determined"),
        -10 => lang.text("the file is too large for the Document Server"),
        _ => lang.text("unknown conversion error"),
    }
}

impl DocumentServer {
    fn trimmed(url: &str) -> &str {
        url.trim().trim_end_matches('/')
    }

    /// Where Confluo itself calls the Document Server.
    pub fn server_url(&self) -> &str {
        Self::trimmed(self.internal_url.as_deref().unwrap_or(&self.public_url))
    }

    /// The editor script the browser loads.
    pub fn api_js_url(&self, doc_key: &str) -> String {
        format!(
            "{}/web-apps/apps/api/documents/api.js?shardkey={doc_key}",
            Self::trimmed(&self.public_url)
        )
    }

    /// A Document Server file URL (public address) as Confluo should fetch it.
    pub fn internal_file_url(&self, url: &str) -> String {
        match &self.internal_url {
            Some(internal) => {
                let public = Self::trimmed(&self.public_url);
                match url.strip_prefix(public) {
                    Some(rest) if rest.is_empty() || rest.starts_with('/') => {
                        format!("{}{rest}", Self::trimmed(internal))
                    }
                    _ => url.to_owned(),
                }
            }
            None => url.to_owned(),
        }
    }

    fn transport(&self, err: reqwest::Error, timeout: Duration) -> DsError {
        if let Some(refused) = EgressClient::refusal(&err) {
            return refusal(refused);
        }
        // The TLS library's reason sits deep in the error's chain of causes.
        let mut cause: Option<&dyn std::error::Error> = Some(&err);
        while let Some(e) = cause {
            if e.to_string().to_ascii_lowercase().contains("certificate") {
                return DsError::Certificate(self.server_url().to_owned());
            }
            cause = e.source();
        }
        if err.is_timeout() {
            DsError::Timeout(timeout.as_secs())
        } else {
            DsError::Unreachable(self.server_url().to_owned())
        }
    }

    /// Sends a request through the egress policy. A `GET` follows up to [`MAX_REDIRECTS`]
    /// redirects, each only to the Document Server's own addresses and checked again.
    async fn send(
        &self,
        http: &EgressClient,
        method: Method,
        url: &str,
        timeout: Duration,
        build: impl Fn(reqwest::RequestBuilder) -> reqwest::RequestBuilder,
    ) -> Result<reqwest::Response, DsError> {
        let mut url = Url::parse(url.trim()).map_err(|_| DsError::Unreachable(url.to_owned()))?;
        for _ in 0..=MAX_REDIRECTS {
            let request = http
                .request(method.clone(), &url, self.verify_certificates)
                .map_err(refusal)?
                .timeout(timeout);
            let response = build(request)
                .send()
                .await
                .map_err(|e| self.transport(e, timeout))?;
            let status = response.status();
            if !status.is_redirection() || method != Method::GET {
                return Ok(response);
            }
            let next = response
                .headers()
                .get(header::LOCATION)
                .and_then(|v| v.to_str().ok())
                .and_then(|location| url.join(location).ok());
            match next {
                Some(next) if self.owns(next.as_str()) => url = next,
                Some(next) => return Err(DsError::Redirect(next.origin().ascii_serialization())),
                None => return Err(DsError::Status(status.as_u16())),
            }
        }
        Err(DsError::BadAnswer("too many redirects".into()))
    }

    /// `GET /healthcheck`: `Ok` when it answers `true`.
    pub async fn healthcheck(&self, http: &EgressClient) -> Result<(), DsError> {
        let response = self
            .send(
                http,
                Method::GET,
                &format!("{}/healthcheck", self.server_url()),
                CALL_TIMEOUT,
                |r| r,
            )
            .await?;
        let status = response.status();
        if !status.is_success() {
            return Err(DsError::Status(status.as_u16()));
        }
        let body = read_answer(response).await.unwrap_or_default();
        let body = String::from_utf8_lossy(&body);
        match body.trim() {
            "true" => Ok(()),
            other => Err(DsError::Unhealthy(other.chars().take(40).collect())),
        }
    }

    /// A JSON request to the Document Server, signed in the body and in the header.
    async fn post_signed(
        &self,
        http: &EgressClient,
        path: &str,
        mut fields: Value,
    ) -> Result<Value, DsError> {
        let mut auth = None;
        if let Some(secret) = &self.secret {
            let now = chrono::Utc::now().timestamp();
            let header_token = ds_token::sign_header(&fields, secret, now)
                .map_err(|e| DsError::Secret(e.to_string()))?;
            let body_token =
                ds_token::sign(&fields, secret, now).map_err(|e| DsError::Secret(e.to_string()))?;
            auth = Some(format!("Bearer {header_token}"));
            fields["token"] = Value::String(body_token);
        }
        let response = self
            .send(
                http,
                Method::POST,
                &format!("{}{path}", self.server_url()),
                CALL_TIMEOUT,
                |request| {
                    let request = request
                        .header(header::ACCEPT, "application/json")
                        .json(&fields);
                    match &auth {
                        Some(value) => request.header(self.jwt_header.as_str(), value),
                        None => request,
                    }
                },
            )
            .await?;
        let status = response.status();
        if !status.is_success() {
            return Err(DsError::Status(status.as_u16()));
        }
        let body = read_answer(response).await?;
        serde_json::from_slice::<Value>(&body).map_err(|e| DsError::BadAnswer(e.to_string()))
    }

    /// Runs a command (`POST /command`); an error code becomes [`DsError::Command`].
    pub async fn command(&self, http: &EgressClient, fields: Value) -> Result<Value, DsError> {
        let answer = self.post_signed(http, "/command", fields).await?;
        match answer.get("error").and_then(Value::as_i64) {
            Some(0) => Ok(answer),
            Some(code) => Err(DsError::Command(code)),
            None => Err(DsError::BadAnswer("no error code".into())),
        }
    }

    /// The Document Server's version (the `version` command), proving the secret is right.
    pub async fn version(&self, http: &EgressClient) -> Result<String, DsError> {
        let answer = self.command(http, json!({ "c": "version" })).await?;
        answer
            .get("version")
            .and_then(Value::as_str)
            .map(str::to_owned)
            .ok_or_else(|| DsError::BadAnswer("no version in the answer".into()))
    }

    /// Starts or polls an asynchronous conversion; repeat the same request until it is done.
    pub async fn convert(
        &self,
        http: &EgressClient,
        request: &ConvertRequest<'_>,
    ) -> Result<Conversion, DsError> {
        let started = std::time::Instant::now();
        let result = self.convert_once(http, request).await;
        let outcome = match &result {
            Ok(Conversion::Done { .. }) => "done",
            Ok(Conversion::Running { .. }) => "running",
            Err(_) => "failed",
        };
        crate::observe::conversion(started.elapsed(), outcome);
        result
    }

    async fn convert_once(
        &self,
        http: &EgressClient,
        request: &ConvertRequest<'_>,
    ) -> Result<Conversion, DsError> {
        let ConvertRequest {
            key,
            file_type,
            output_type,
            url,
            title,
            pdf,
        } = request;
        let mut fields = json!({
            "async": true,
            "filetype": file_type,
            "outputtype": output_type,
            "key": key,
            "url": url,
            "title": title,
        });
        if let Some(pdf) = pdf {
            fields["pdf"] = pdf.clone();
        }
        let answer = self
            .post_signed(http, &format!("/converter?shardkey={key}"), fields)
            .await?;
        if let Some(code) = answer.get("error").and_then(Value::as_i64) {
            return Err(DsError::Conversion(code));
        }
        let done = answer
            .get("endConvert")
            .and_then(Value::as_bool)
            .unwrap_or(false);
        if !done {
            let percent = answer.get("percent").and_then(Value::as_u64).unwrap_or(0);
            return Ok(Conversion::Running {
                percent: percent.min(99) as u8,
            });
        }
        match (
            answer.get("fileUrl").and_then(Value::as_str),
            answer.get("fileType").and_then(Value::as_str),
        ) {
            (Some(file_url), file_type) => Ok(Conversion::Done {
                file_url: file_url.to_owned(),
                file_type: file_type.unwrap_or(output_type).to_ascii_lowercase(),
            }),
            _ => Err(DsError::BadAnswer(
                "a finished conversion without fileUrl".into(),
            )),
        }
    }

    /// Repeats `request` until the conversion is done, for at most `wait`: the result's address,
    /// or `None` when it was still running at the end. The pause between polls grows with the
    /// time already spent ([`poll_pause`]), so a quick conversion is picked up within a few
    /// milliseconds and a long one costs the Document Server few requests.
    pub async fn convert_and_wait(
        &self,
        http: &EgressClient,
        request: &ConvertRequest<'_>,
        wait: Duration,
    ) -> Result<Option<String>, DsError> {
        let started = tokio::time::Instant::now();
        loop {
            match self.convert(http, request).await? {
                Conversion::Done { file_url, .. } => return Ok(Some(file_url)),
                Conversion::Running { .. } => {
                    let elapsed = started.elapsed();
                    if elapsed >= wait {
                        return Ok(None);
                    }
                    tokio::time::sleep(poll_pause(elapsed).min(wait - elapsed)).await;
                }
            }
        }
    }

    /// `url` on the Document Server's public address (the reverse of [`Self::internal_file_url`]),
    /// for browsers.
    pub fn public_file_url(&self, url: &str) -> String {
        match &self.internal_url {
            Some(internal) => {
                let internal = internal.trim_end_matches('/');
                match url.strip_prefix(internal) {
                    Some(rest) if rest.is_empty() || rest.starts_with('/') => {
                        format!("{}{rest}", self.public_url.trim_end_matches('/'))
                    }
                    _ => url.to_owned(),
                }
            }
            None => url.to_owned(),
        }
    }

    /// Whether `url` points at this Document Server (its public or internal address): Confluo
    /// fetches nothing else on its behalf.
    pub fn owns(&self, url: &str) -> bool {
        let origin = |u: &str| reqwest::Url::parse(u.trim()).ok().map(|u| u.origin());
        let Some(target) = origin(url) else {
            return false;
        };
        [Some(self.public_url.as_str()), self.internal_url.as_deref()]
            .into_iter()
            .flatten()
            .any(|base| origin(base) == Some(target.clone()))
    }

    /// A file the Document Server produced, as a stream of at most its download limit.
    pub async fn fetch_file(&self, http: &EgressClient, url: &str) -> Result<FileStream, DsError> {
        self.fetch_capped(http, url, self.max_download_bytes).await
    }

    /// A small file the Document Server produced, in memory, at most `max` bytes.
    pub async fn download_small(
        &self,
        http: &EgressClient,
        url: &str,
        max: u64,
    ) -> Result<bytes::Bytes, DsError> {
        self.fetch_capped(http, url, max.min(self.max_download_bytes))
            .await?
            .into_bytes()
            .await
            .map_err(|err| self.stream_error(err))
    }

    /// A file on the Document Server, as a stream of at most `max` bytes.
    async fn fetch_capped(
        &self,
        http: &EgressClient,
        url: &str,
        max: u64,
    ) -> Result<FileStream, DsError> {
        if !self.owns(url) {
            return Err(DsError::BadAnswer(
                "the file address is not on the Document Server".into(),
            ));
        }
        let url = self.internal_file_url(url);
        let response = self
            .send(http, Method::GET, &url, TRANSFER_TIMEOUT, |r| r)
            .await?;
        let status = response.status();
        if status != StatusCode::OK {
            return Err(DsError::Status(status.as_u16()));
        }
        FileStream::from_response(response, max).map_err(|err| self.stream_error(err))
    }

    /// A broken or oversized transfer, in the administrator's words.
    pub fn stream_error(&self, err: StreamError) -> DsError {
        match err {
            StreamError::TooLarge(max) => DsError::TooLarge(max / 1024 / 1024),
            StreamError::Transport(_) => DsError::Unreachable(self.server_url().to_owned()),
        }
    }
}

/// The policy's refusal, named by the host it refused.
fn refusal(err: EgressError) -> DsError {
    match err {
        EgressError::Private { host, .. } => DsError::Refused(host),
        other => DsError::BadAnswer(other.to_string()),
    }
}

/// A Document Server's answer, at most [`MAX_ANSWER_BYTES`].
async fn read_answer(response: reqwest::Response) -> Result<bytes::Bytes, DsError> {
    let answer = FileStream::from_response(response, MAX_ANSWER_BYTES)
        .map_err(|err| DsError::BadAnswer(err.to_string()))?;
    answer
        .into_bytes()
        .await
        .map_err(|err| DsError::BadAnswer(err.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn polls_come_quickly_at_first_and_never_add_more_than_a_twentieth() {
        let ms = Duration::from_millis;
        assert_eq!(poll_pause(ms(0)), ms(10));
        assert_eq!(poll_pause(ms(150)), ms(10));
        assert_eq!(poll_pause(ms(1_000)), ms(50));
        assert_eq!(poll_pause(ms(4_000)), ms(200));
        assert_eq!(poll_pause(Duration::from_secs(60)), Duration::from_secs(1));
        // A whole minute's wait asks at most a few hundred times.
        let (mut elapsed, mut polls) = (Duration::ZERO, 0);
        while elapsed < Duration::from_secs(60) {
            elapsed += poll_pause(elapsed);
            polls += 1;
        }
        assert!(polls < 250, "{polls} polls");
    }

    fn ds(internal: Option<&str>) -> DocumentServer {
        DocumentServer {
            public_url: "https://docs.example.com/".into(),
            internal_url: internal.map(str::to_owned),
            secret: None,
            jwt_header: "Authorization".into(),
            verify_certificates: true,
            max_download_bytes: MAX_FILE_BYTES,
            demo_until: None,
        }
    }

    #[test]
    fn addresses() {
        let public = ds(None);
        assert_eq!(public.server_url(), "https://docs.example.com");
        assert_eq!(
            public.api_js_url("k1"),
            "https://docs.example.com/web-apps/apps/api/documents/api.js?shardkey=k1"
        );
        let split = ds(Some("http://onlyoffice:8080/"));
        assert_eq!(split.server_url(), "http://onlyoffice:8080");
        assert_eq!(
            split.internal_file_url(
                "https://docs.example.com/cache/files/data/k_1/output.docx/a.docx?md5=x"
            ),
            "http://onlyoffice:8080/cache/files/data/k_1/output.docx/a.docx?md5=x"
        );
        // Other hosts, and look-alike prefixes, are left alone.
        assert_eq!(
            split.internal_file_url("https://other/x"),
            "https://other/x"
        );
        assert_eq!(
            split.internal_file_url("https://docs.example.com.evil/x"),
            "https://docs.example.com.evil/x"
        );
        assert_eq!(
            split.public_file_url("http://onlyoffice:8080/cache/files/data/k/output.pdf/a.pdf"),
            "https://docs.example.com/cache/files/data/k/output.pdf/a.pdf"
        );
        assert_eq!(
            split.public_file_url("http://onlyoffice:80800/x"),
            "http://onlyoffice:80800/x"
        );
    }

    #[test]
    fn only_its_own_files_are_fetched() {
        let split = ds(Some("http://onlyoffice:8080/"));
        assert!(split.owns("https://docs.example.com/cache/x"));
        assert!(split.owns("http://onlyoffice:8080/cache/x"));
        assert!(!split.owns("http://169.254.169.254/latest/meta-data"));
        assert!(!split.owns("https://docs.example.com:444/cache/x"));
        assert!(!split.owns("not a url"));
    }

    #[test]
    fn error_words() {
        assert!(command_error(6, Lang::En).contains("secret"));
        assert!(conversion_error(-4, Lang::En).contains("download"));
        assert!(conversion_error(-10, Lang::En).contains("too large"));
        // Logged in English; shown in the reader's language with the server's code.
        assert_eq!(
            DsError::Command(6).to_string(),
            "the Document Server refused the command: error 6: invalid token: the secret does not match the Document Server's"
        );
        assert_eq!(
            DsError::Conversion(-5).message(Lang::De),
            "die Konvertierung ist fehlgeschlagen: die Datei ist kennwortgeschützt (Fehler -5)"
        );
    }
}
