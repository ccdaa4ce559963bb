//! A soak: the server binary (SQLite, the Confluence emulator as the site) under a mixed load
//! of host-signed iframe pages, context-token server functions, webhooks and Document Server
//! callbacks, first as fast as it goes (to measure its maximum), then at 80 % of that for
//! `SOAK_SECS` (a few seconds in `cargo xtask test`, 60 in `cargo xtask chaos`): no request
//! fails, the 99th percentile stays where it was (cut into sixths, the first one the warm-up:
//! the median p99 of the last three sixths at most five times that of the two before), and the
//! resident memory at the end is within 10 % of what it was after the warm-up.

mod common;

use std::{
    sync::{
        Arc,
        atomic::{AtomicU64, AtomicUsize, Ordering},
    },
    time::{Duration, Instant},
};

use common::{
    chaos::{env_count, rss},
    free_port,
    office::{self, Session},
};
use connect::{
    store::{
        secrets::SecretBox,
        testing::{Backend, TestDb},
    },
    test_host::TestHost,
};
use serde_json::json;
use server::migrator::Migrator;

/// Requests in flight at most while calibrating (and the most the steady load may pile up).
const CONCURRENCY: usize = 16;
const MAX_IN_FLIGHT: usize = 256;

/// The four kinds of request, in turn.
#[derive(Clone)]
struct Mix {
    http: reqwest::Client,
    app: String,
    host: TestHost,
    session: Session,
    next: Arc<AtomicU64>,
    tokens: Arc<std::sync::Mutex<Tokens>>,
}

/// The host's tokens, signed afresh every [`Tokens::EVERY`] as a host would within their three
/// minutes, so that the load's own CPU goes into requests, not signatures.
struct Tokens {
    at: Instant,
    iframe: String,
    context: String,
    webhook: String,
}

impl Tokens {
    const EVERY: Duration = Duration::from_secs(30);
    const IFRAME: &str = "/admin/settings?lic=active";
    const WEBHOOK: &str = "/webhooks/label_added";

    fn new(host: &TestHost) -> Self {
        Self {
            at: Instant::now(),
            iframe: host.host_token("GET", Self::IFRAME),
            context: host.context_token(),
            webhook: host.host_token("POST", Self::WEBHOOK),
        }
    }
}

/// The kinds of request in the mix, in the order they take turns.
const KINDS: [&str; 4] = ["iframe page", "server function", "webhook", "callback"];

impl Mix {
    /// Sends the next request of the mix: its kind (an index of [`KINDS`]), and `Ok(())` for
    /// the answer that kind expects.
    async fn one(&self) -> (usize, Result<(), String>) {
        let n = self.next.fetch_add(1, Ordering::Relaxed);
        let kind = (n % 4) as usize;
        let token = |pick: fn(&Tokens) -> &String| {
            let mut tokens = self.tokens.lock().unwrap_or_else(|e| e.into_inner());
            if tokens.at.elapsed() >= Tokens::EVERY {
                *tokens = Tokens::new(&self.host);
            }
            pick(&tokens).clone()
        };
        let request = match kind {
            0 => self.http.get(format!(
                "{}{}&jwt={}",
                self.app,
                Tokens::IFRAME,
                token(|t| &t.iframe)
            )),
            1 => self
                .http
                .post(format!("{}/api/site/licence", self.app))
                .header("authorization", format!("JWT {}", token(|t| &t.context)))
                .header("content-type", "application/x-www-form-urlencoded")
                .body(""),
            2 => self
                .http
                .post(format!("{}{}", self.app, Tokens::WEBHOOK))
                .header("authorization", format!("JWT {}", token(|t| &t.webhook)))
                .header("x-atlassian-webhook-identifier", format!("soak-{n}"))
                .json(&json!({})),
            _ => self
                .http
                .post(format!("{}{}", self.app, self.session.callback))
                .json(&json!({ "key": self.session.doc_key, "status": 4 })),
        };
        let outcome = match request.send().await {
            Ok(r) if r.status().is_success() => {
                let _ = r.bytes().await;
                Ok(())
            }
            Ok(r) => Err(format!("{}: {}", KINDS[kind], r.status())),
            Err(err) => Err(format!("{}: {err}", KINDS[kind])),
        };
        (kind, outcome)
    }
}

/// How many stretches the steady load is cut into; the first is its warm-up.
const WINDOWS: usize = 6;

/// Latencies of one stretch of the run, in microseconds, by kind.
#[derive(Default)]
struct Window(std::sync::Mutex<Vec<(usize, u64)>>);

impl Window {
    fn record(&self, kind: usize, micros: u64) {
        if let Ok(mut all) = self.0.lock() {
            all.push((kind, micros));
        }
    }

    /// The 99th percentile, of every kind (`None`) or one.
    fn p99(&self, kind: Option<usize>) -> u64 {
        let mut all: Vec<u64> = self
            .0
            .lock()
            .map(|a| {
                a.iter()
                    .filter(|(k, _)| kind.is_none_or(|kind| *k == kind))
                    .map(|(_, m)| *m)
                    .collect()
            })
            .unwrap_or_default();
        all.sort_unstable();
        all.get((all.len() * 99 / 100).min(all.len().saturating_sub(1)))
            .copied()
            .unwrap_or(0)
    }

    fn len(&self) -> usize {
        self.0.lock().map(|a| a.len()).unwrap_or(0)
    }
}

fn median(mut values: Vec<u64>) -> u64 {
    values.sort_unstable();
    values.get(values.len() / 2).copied().unwrap_or(0)
}

fn ms(micros: u64) -> String {
    format!("{:.1}", micros as f64 / 1000.0)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_mixed_load_at_80_percent_of_the_maximum_runs_without_errors_or_growth() {
    let soak = Duration::from_secs(env_count("SOAK_SECS", 8));
    let db = TestDb::new::<Migrator>(Backend::Sqlite).await;
    let http = reqwest::Client::builder()
        .pool_max_idle_per_host(MAX_IN_FLIGHT)
        .build()
        .expect("client");
    let (port, emulator) = (free_port(), free_port());
    let key = SecretBox::generate_key();
    let _confluence = common::emulator(&http, emulator, port, 20).await;
    let server = common::server(&http, port, emulator, &db.database_url, &key, &[]).await;
    let pid = server.0.id();
    let app = format!("http://127.0.0.1:{port}");

    // The site, signed for as Confluence signs.
    let host = common::installed_host(&http, emulator, port).await;
    let client_key = host.client_key.clone();
    let files = office::serve_file(4096).await;
    office::use_document_server(&db.conn, &key, &client_key, files).await;
    let attachment = office::attachment_id(&http, emulator, "report.docx").await;
    let session = office::open_session(&db.conn, &key, &client_key, &attachment).await;
    let mix = Mix {
        http: http.clone(),
        app,
        session,
        next: Arc::new(AtomicU64::new(0)),
        tokens: Arc::new(std::sync::Mutex::new(Tokens::new(&host))),
        host,
    };
    for _ in 0..8 {
        mix.one()
            .await
            .1
            .unwrap_or_else(|e| panic!("before the load: {e}"));
    }

    // The maximum: CONCURRENCY senders back to back for a few seconds.
    let calibrate = Duration::from_secs(3);
    let done = Arc::new(AtomicU64::new(0));
    let started = Instant::now();
    let senders: Vec<_> = (0..CONCURRENCY)
        .map(|_| {
            let (mix, done) = (mix.clone(), done.clone());
            tokio::spawn(async move {
                while started.elapsed() < calibrate {
                    mix.one()
                        .await
                        .1
                        .unwrap_or_else(|e| panic!("at full speed: {e}"));
                    done.fetch_add(1, Ordering::Relaxed);
                }
            })
        })
        .collect();
    for s in senders {
        s.await.expect("sender");
    }
    let maximum = done.load(Ordering::Relaxed) as f64 / started.elapsed().as_secs_f64();
    let rate = maximum * 0.8;

    // The steady load: requests started at `rate`, each on its own, latency by window.
    let windows: Arc<[Window; WINDOWS]> = Arc::new(Default::default());
    let errors = Arc::new(std::sync::Mutex::new(Vec::<String>::new()));
    let in_flight = Arc::new(AtomicUsize::new(0));
    let mut tasks = tokio::task::JoinSet::new();
    let started = Instant::now();
    let mut sent: u64 = 0;
    let mut warm_rss = 0;
    let mut ticks = tokio::time::interval(Duration::from_millis(5));
    while started.elapsed() < soak {
        ticks.tick().await;
        let due = (started.elapsed().as_secs_f64() * rate) as u64;
        let window =
            ((started.elapsed().as_secs_f64() / soak.as_secs_f64()) * WINDOWS as f64) as usize;
        if warm_rss == 0 && window >= 1 {
            warm_rss = rss(pid);
        }
        while sent < due {
            sent += 1;
            if in_flight.load(Ordering::Relaxed) >= MAX_IN_FLIGHT {
                errors
                    .lock()
                    .map(|mut e| e.push("requests piled up".into()))
                    .ok();
                continue;
            }
            let (mix, windows, errors, in_flight) = (
                mix.clone(),
                windows.clone(),
                errors.clone(),
                in_flight.clone(),
            );
            in_flight.fetch_add(1, Ordering::Relaxed);
            tasks.spawn(async move {
                let at = Instant::now();
                let (kind, outcome) = mix.one().await;
                windows[window.min(WINDOWS - 1)].record(kind, at.elapsed().as_micros() as u64);
                in_flight.fetch_sub(1, Ordering::Relaxed);
                if let Err(e) = outcome {
                    errors.lock().map(|mut all| all.push(e)).ok();
                }
            });
        }
        while tasks.try_join_next().is_some() {}
    }
    while tasks.join_next().await.is_some() {}
    let end_rss = rss(pid);
    let errors = errors.lock().map(|e| e.clone()).unwrap_or_default();
    let p99s: Vec<u64> = windows.iter().map(|w| w.p99(None)).collect();
    // After the warm-up window, the first half's windows against the second half's: a trend
    // moves the median, one stall (a checkpoint, a neighbour on the machine) does not.
    let half = WINDOWS / 2;
    let (before, after) = (
        median(p99s[1..half].to_vec()),
        median(p99s[half..].to_vec()),
    );
    let worst = (1..WINDOWS).max_by_key(|&w| p99s[w]).unwrap_or(1);
    eprintln!(
        "soak: maximum {maximum:.0} req/s, {rate:.0} req/s for {} s = {sent} requests \
         ({} answered), {} errors, p99 by sixth {} ms (worst sixth by kind: {}), RSS {:.1} MiB \
         after warm-up, {:.1} MiB at the end",
        soak.as_secs(),
        windows.iter().map(Window::len).sum::<usize>(),
        errors.len(),
        p99s.iter().map(|&p| ms(p)).collect::<Vec<_>>().join(" / "),
        (0..KINDS.len())
            .map(|k| format!("{} {} ms", KINDS[k], ms(windows[worst].p99(Some(k)))))
            .collect::<Vec<_>>()
            .join(", "),
        warm_rss as f64 / 1048576.0,
        end_rss as f64 / 1048576.0,
    );
    assert!(
        errors.is_empty(),
        "{} errors, the first: {:?}",
        errors.len(),
        errors.first()
    );
    assert!(
        after <= before.max(1) * 5,
        "the p99 grew from {before} µs to {after} µs"
    );
    assert!(warm_rss > 0 && end_rss > 0, "no VmRSS for the server");
    assert!(
        end_rss as f64 <= warm_rss as f64 * 1.10,
        "memory grew from {warm_rss} to {end_rss} bytes"
    );
    drop(server);
    db.cleanup().await;
}
