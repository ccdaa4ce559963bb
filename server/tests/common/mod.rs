//! What the tests that run the server binary share: child processes that die with the test,
//! free ports, and starting the Confluence emulator and the server as they run in production.

#![allow(dead_code)]

pub mod chaos;
pub mod office;

use std::{
    path::PathBuf,
    process::{Child, Command, Stdio},
    time::{Duration, Instant},
};

/// A child process killed (SIGKILL) when dropped.
pub struct Process(pub Child);

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

pub fn end2end() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../end2end")
}

/// Waits up to a minute for `url` to answer 2xx.
pub async fn wait_for(http: &reqwest::Client, url: &str) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        if let Ok(r) = http.get(url).send().await
            && r.status().is_success()
        {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{url} did not answer within a minute");
}

/// The Confluence emulator on `port`, for the app on `app_port`, answering once it listens.
pub async fn emulator(
    http: &reqwest::Client,
    port: u16,
    app_port: u16,
    max_body_mb: u64,
) -> Process {
    let node = Command::new("node")
        .args(["emulator/main.mjs", "--port", &port.to_string()])
        .args(["--app", &format!("http://127.0.0.1:{app_port}"), "--quiet"])
        .args(["--max-body-mb", &max_body_mb.to_string()])
        .current_dir(end2end())
        .stdout(Stdio::null())
        .spawn()
        .expect("node runs the Confluence emulator (end2end/, after npm ci)");
    let node = Process(node);
    wait_for(http, &format!("http://127.0.0.1:{port}/_emu/health")).await;
    node
}

/// The server binary on `app_port`, trusting the emulator on `emulator_port`, with `extra`
/// settings; answers once `/healthz` does.
pub async fn server(
    http: &reqwest::Client,
    app_port: u16,
    emulator_port: u16,
    database_url: &str,
    secret_key: &str,
    extra: &[(&str, String)],
) -> Process {
    server_logging(
        http,
        app_port,
        emulator_port,
        database_url,
        secret_key,
        extra,
        Stdio::null(),
    )
    .await
}

/// [`server`], writing its log to `log`.
pub async fn server_logging(
    http: &reqwest::Client,
    app_port: u16,
    emulator_port: u16,
    database_url: &str,
    secret_key: &str,
    extra: &[(&str, String)],
    log: impl Into<Stdio>,
) -> Process {
    let process = spawn_server(
        app_port,
        emulator_port,
        database_url,
        secret_key,
        extra,
        log,
    );
    wait_for(http, &format!("http://127.0.0.1:{app_port}/healthz")).await;
    process
}

/// The server binary as [`server_logging`] starts it, without waiting for it to answer.
pub fn spawn_server(
    app_port: u16,
    emulator_port: u16,
    database_url: &str,
    secret_key: &str,
    extra: &[(&str, String)],
    log: impl Into<Stdio>,
) -> Process {
    let emulator = format!("http://127.0.0.1:{emulator_port}");
    let mut command = Command::new(env!("CARGO_BIN_EXE_confluo"));
    command
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("APP_ENV", "development")
        .env("APP_BASE_URL", format!("http://127.0.0.1:{app_port}"))
        .env("LISTEN_ADDR", format!("127.0.0.1:{app_port}"))
        .env("DATABASE_URL", database_url)
        .env("CONNECT_SECRET_KEY", secret_key)
        .env(
            "CONNECT_KEYS_CDN_URL",
            format!("{emulator}/_emu/install-keys"),
        )
        .env("CONNECT_OAUTH_URL", format!("{emulator}/_emu/oauth"))
        .env("OUTBOUND_ALLOW", "127.0.0.1")
        .env("RUST_LOG", "warn")
        .env("LEPTOS_OUTPUT_NAME", "confluo");
    for (name, value) in extra {
        command.env(name, value);
    }
    let child = command
        .current_dir(std::env::temp_dir())
        .stdout(log)
        .spawn()
        .expect("the server binary starts");
    Process(child)
}

/// Calls the emulator's driver API (`POST /_emu/api/{path}`) and requires success.
pub async fn emu(
    http: &reqwest::Client,
    port: u16,
    path: &str,
    body: serde_json::Value,
) -> serde_json::Value {
    let r = http
        .post(format!("http://127.0.0.1:{port}/_emu/api/{path}"))
        .json(&body)
        .send()
        .await
        .expect("the emulator answers");
    assert!(r.status().is_success(), "emulator {path}: {}", r.status());
    r.json().await.expect("emulator JSON")
}

/// The emulator's state.
pub async fn emu_state(http: &reqwest::Client, port: u16) -> serde_json::Value {
    http.get(format!("http://127.0.0.1:{port}/_emu/api/state"))
        .send()
        .await
        .expect("the emulator answers")
        .json()
        .await
        .expect("emulator JSON")
}

/// Installs the app on the emulator's site; the site as the emulator signs for it (its
/// clientKey, shared secret and base URL), for tests that sign host calls themselves.
pub async fn installed_host(
    http: &reqwest::Client,
    emulator: u16,
    app: u16,
) -> connect::test_host::TestHost {
    let out = emu(http, emulator, "install", serde_json::json!({})).await;
    let client_key = out["clientKey"].as_str().expect("installed").to_owned();
    let state = emu_state(http, emulator).await;
    let installation = &state["installations"][app::descriptor::APP_KEY];
    let mut host = connect::test_host::TestHost::new(
        app::descriptor::APP_KEY,
        &format!("http://127.0.0.1:{app}"),
        &client_key,
    );
    host.shared_secret = installation["sharedSecret"]
        .as_str()
        .expect("secret")
        .to_owned();
    host.base_url = installation["baseUrl"]
        .as_str()
        .expect("base URL")
        .to_owned();
    host
}

/// `POST /webhooks/label_added` on the server at `port`, signed by `host` with its secret,
/// under the delivery id `delivery`; the status it answers (204: handled, 200: a delivery
/// already acted on, 401: the signature or site refused).
pub async fn signed_webhook(
    http: &reqwest::Client,
    port: u16,
    host: &connect::test_host::TestHost,
    delivery: &str,
) -> u16 {
    let path = "/webhooks/label_added";
    http.post(format!("http://127.0.0.1:{port}{path}"))
        .header(
            "authorization",
            format!("JWT {}", host.host_token("POST", path)),
        )
        .header("x-atlassian-webhook-identifier", delivery)
        .json(&serde_json::json!({}))
        .send()
        .await
        .expect("the server answers")
        .status()
        .as_u16()
}

/// The lifecycle call `event` (`installed`, `uninstalled`) to the server at `port`, with the
/// body and signed-install token `host` sends.
pub async fn signed_lifecycle(
    http: &reqwest::Client,
    port: u16,
    host: &connect::test_host::TestHost,
    event: &str,
) -> reqwest::Result<reqwest::Response> {
    let path = format!("/{event}");
    http.post(format!("http://127.0.0.1:{port}{path}"))
        .header(
            "authorization",
            format!("JWT {}", host.install_token(&path)),
        )
        .json(&host.lifecycle_body(event))
        .timeout(Duration::from_secs(20))
        .send()
        .await
}
