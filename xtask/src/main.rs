//! `cargo xtask <task>`: the project's own tasks, with the tools they need installed on demand.
//!
//! - `bootstrap` installs what is missing (pinned versions, registries only) and nothing else.
//! - `dev` runs the app with live reload on its embedded defaults.
//! - `test` runs every check CI runs: format, lints, Rust tests, the WASM build, end-to-end tests.
//! - `bench` runs the criterion benchmarks.

mod bootstrap;
mod image;
mod run;

use std::process::ExitCode;

use run::{Background, Failed, cargo, cargo_leptos, workspace_root};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let task = args.first().map(String::as_str).unwrap_or("help");
    let rest = &args[args.len().min(1)..];
    let outcome = match task {
        "bootstrap" => bootstrap::ensure_all(),
        "dev" => dev(),
        "build" => build(),
        "test" => test(rest),
        "bench" => bench(rest),
        "image" => build().and_then(|()| image::image(bootstrap::ensure_podman)),
        "chaos" => chaos(),
        "stand-ins" => stand_ins(),
        "help" | "-h" | "--help" => {
            println!("{}", HELP);
            Ok(())
        }
        other => {
            eprintln!("unknown task `{other}`\n\n{HELP}");
            return ExitCode::from(2);
        }
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failed(message)) => {
            eprintln!("\nxtask {task}: FAILED: {message}");
            ExitCode::FAILURE
        }
    }
}

const HELP: &str = "usage: cargo xtask <task>

  bootstrap   install missing tools (pinned): wasm target, cargo-leptos, wasm-bindgen-cli,
              Chromium, npm packages (Playwright, wasm-opt)
  dev         run Confluo with live reload at http://localhost:3000
  build       release build: target/release/confluo and the optimised site in target/site
  image       the container image (Containerfile) from the release build, with podman, and a
              smoke test; says so in one line and succeeds where podman cannot run
  stand-ins   only the Confluence emulator and the Document Server stand-in, for a server
              started on its own (`cargo leptos watch`)
  chaos       the long forms of the fault and scale tests: property tests of every parser of
              outside input at 100,000 cases each, kill -9 storms, replicas on one
              PostgreSQL, a 60 s soak
  test        fmt, clippy (ssr + hydrate), Rust tests on SQLite and PostgreSQL,
              release WASM build and end-to-end tests in headless Chromium
  bench       criterion benchmarks, then the macro's load time in Chromium and the WASM
              size (release build, local emulator; --no-ui skips that part)";

/// Where `cargo xtask dev` runs the local Confluence emulator.
const DEV_EMULATOR: &str = "127.0.0.1:3100";
/// The Document Server stand-in `dev` runs as ONLYOFFICE's demo server (its https twin on +100).
const DEV_DEMO_PORT: &str = "3110";

fn dev() -> Result<(), Failed> {
    bootstrap::ensure_dev()?;
    let stand_ins = StandIns::start()?;
    println!(
        "\nConfluo: http://localhost:3000 (Ctrl+C stops it)\n\
         Confluence emulator: http://{DEV_EMULATOR}/wiki/spaces/DEMO/pages/1001 \
         (once it says the app is installed)\n"
    );
    let env = dev_env();
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let outcome = cargo_leptos(&["watch"], &env);
    drop(stand_ins);
    outcome
}

/// The settings a server needs to trust the development stand-ins.
fn dev_env() -> [(&'static str, String); 3] {
    let (keys, oauth) = emulator_services(DEV_EMULATOR);
    [
        ("CONNECT_KEYS_CDN_URL", keys),
        ("CONNECT_OAUTH_URL", oauth),
        (
            "OFFICE_DEMO_URL",
            format!("http://127.0.0.1:{DEV_DEMO_PORT}/"),
        ),
    ]
}

/// `cargo xtask stand-ins`: the emulator and the Document Server stand-in alone, until Ctrl+C.
fn stand_ins() -> Result<(), Failed> {
    bootstrap::ensure_dev()?;
    let stand_ins = StandIns::start()?;
    let env = dev_env()
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join(" ");
    println!(
        "\nConfluence emulator on http://{DEV_EMULATOR}, Document Server stand-in on \
         http://127.0.0.1:{DEV_DEMO_PORT} (Ctrl+C stops them). Start the server beside them:\n\n  \
         {env} cargo leptos watch\n"
    );
    stand_ins.wait()
}

/// The Confluence emulator (which installs the app as soon as it answers and prints the page
/// to open) and the Document Server stand-in as ONLYOFFICE's demo server, stopped when dropped.
struct StandIns {
    emulator: Background,
    _demo: Background,
}

impl StandIns {
    fn start() -> Result<Self, Failed> {
        let emulator = Background::spawn(
            "node",
            &[
                "end2end/emulator/main.mjs",
                "--port",
                "3100",
                "--app",
                "http://localhost:3000",
                "--install",
            ],
        )?;
        // Turn the demo on in Configure and documents open without a Document Server.
        let demo = Background::spawn(
            "node",
            &[
                "end2end/docserver/main.mjs",
                "--port",
                DEV_DEMO_PORT,
                "--demo",
                "--quiet",
            ],
        )?;
        Ok(Self {
            emulator,
            _demo: demo,
        })
    }

    /// Until the emulator ends (Ctrl+C ends both).
    fn wait(mut self) -> Result<(), Failed> {
        self.emulator.wait();
        Ok(())
    }
}

fn build() -> Result<(), Failed> {
    bootstrap::ensure_all()?;
    cargo_leptos(&["build", "--release", "--precompress"], &[])
}

fn test(args: &[String]) -> Result<(), Failed> {
    let skip_e2e = args.iter().any(|a| a == "--no-e2e");
    bootstrap::ensure_all()?;
    step("format", || cargo(&["fmt", "--all", "--check"], &[]))?;
    step("clippy (server, ssr)", || {
        cargo(&["clippy", "--all-targets", "--", "-D", "warnings"], &[])
    })?;
    step("clippy (browser, hydrate)", || {
        cargo(
            &[
                "clippy",
                "-p",
                "frontend",
                "--target",
                "wasm32-unknown-unknown",
                "--",
                "-D",
                "warnings",
            ],
            &[],
        )
    })?;
    step("Rust tests (SQLite and PostgreSQL)", || {
        cargo(
            &[
                "nextest",
                "run",
                "--no-fail-fast",
                "-E",
                &format!("not ({FAULT_TESTS})"),
            ],
            &[],
        )
    })?;
    step(
        "faults and scale, short forms (kill -9 storms, replicas, soak), one at a time",
        || cargo(&fault_tests(), &[]),
    )?;
    step(
        "OpenTelemetry export (server built with --features otel)",
        || {
            cargo(
                &[
                    "nextest",
                    "run",
                    "-p",
                    "server",
                    "--features",
                    "otel",
                    "--test",
                    "otel",
                ],
                &[],
            )
        },
    )?;
    if skip_e2e {
        println!("\nskipping the WASM build and end-to-end tests (--no-e2e)");
        return Ok(());
    }
    step("WASM build and end-to-end tests in Chromium", end2end)?;
    // The release build is there now; the image is built from it (or skipped in one line).
    step("container image", || image::image(bootstrap::ensure_podman))
}

/// Builds the server and WASM bundle, starts the server on a test port with a fresh database,
/// and runs the Playwright suite against the release build.
fn end2end() -> Result<(), Failed> {
    let db = fresh_sqlite("target/e2e")?;
    let addr = "127.0.0.1:3199";
    // The Confluence emulator the suite starts: the app trusts its install keys and OAuth.
    let (keys, oauth) = emulator_services("127.0.0.1:3299");
    let base = format!("http://{addr}");
    cargo_leptos(
        &["end-to-end", "--release", "--precompress"],
        &[
            ("LEPTOS_SITE_ADDR", addr),
            ("LISTEN_ADDR", addr),
            ("APP_BASE_URL", &base),
            ("APP_ENV", "development"),
            ("DATABASE_URL", &db),
            ("CONNECT_KEYS_CDN_URL", &keys),
            ("CONNECT_OAUTH_URL", &oauth),
            ("EMULATOR_PORT", "3299"),
            // The suite's Document Server stand-in also plays ONLYOFFICE's demo server.
            ("OFFICE_DEMO_URL", "http://127.0.0.1:3298/"),
            // Only the stand-ins' address: the suite checks that others (127.0.0.2 among
            // them) are refused.
            ("OUTBOUND_ALLOW", "127.0.0.1"),
            // As a Marketplace listing: the suite covers licensed and unlicensed sites.
            ("CONNECT_LICENSING", "true"),
            ("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"),
        ],
    )
}

/// A SQLite URL for a new database in `dir` (relative to the workspace), emptied first.
fn fresh_sqlite(dir: &str) -> Result<String, Failed> {
    let data = workspace_root().join(dir);
    let _ = std::fs::remove_dir_all(&data);
    std::fs::create_dir_all(&data)
        .map_err(|e| Failed(format!("cannot create {}: {e}", data.display())))?;
    Ok(format!("sqlite://{}/confluo.db?mode=rwc", data.display()))
}

/// The install-keys and OAuth URLs of the Confluence emulator at `addr`, for the app to trust
/// (`CONNECT_KEYS_CDN_URL`, `CONNECT_OAUTH_URL`).
fn emulator_services(addr: &str) -> (String, String) {
    (
        format!("http://{addr}/_emu/install-keys"),
        format!("http://{addr}/_emu/oauth"),
    )
}

/// Criterion benchmarks, then (unless `--no-ui`) the browser measurement of the macro.
fn bench(args: &[String]) -> Result<(), Failed> {
    let no_ui = args.iter().any(|a| a == "--no-ui");
    let mut cmd = vec!["bench", "--workspace", "--exclude", "frontend"];
    cmd.extend(args.iter().map(String::as_str).filter(|a| *a != "--no-ui"));
    cargo(&cmd, &[])?;
    if no_ui {
        return Ok(());
    }
    step(
        "macro in the browser (release build, local emulator)",
        bench_ui,
    )
}

/// Release server, emulator and Document Server stand-in on their own ports, a fresh database,
/// then the measurements in `end2end/bench/` (the macro in Chromium, conversions through
/// ONLYOFFICE's engine); every server is stopped by PID afterwards.
fn bench_ui() -> Result<(), Failed> {
    bootstrap::ensure_all()?;
    cargo_leptos(&["build", "--release", "--precompress"], &[])?;
    let root = workspace_root();
    let db = fresh_sqlite("target/bench-ui")?;
    let (app, emulator) = ("127.0.0.1:3399", "127.0.0.1:3499");
    let (keys, oauth) = emulator_services(emulator);
    let app_url = format!("http://{app}");
    let emu_url = format!("http://{emulator}");
    let binary = root.join("target/release/confluo");
    let _server = Background::spawn_with(
        &binary.to_string_lossy(),
        &[],
        &[
            ("LISTEN_ADDR", app),
            ("APP_BASE_URL", &app_url),
            ("APP_ENV", "development"),
            ("DATABASE_URL", &db),
            ("CONNECT_KEYS_CDN_URL", &keys),
            ("CONNECT_OAUTH_URL", &oauth),
            // The Document Server stand-in is on loopback too.
            ("OUTBOUND_ALLOW", "127.0.0.1"),
            ("RUST_LOG", "warn"),
        ],
    )?;
    let _docserver = Background::spawn(
        "node",
        &["end2end/docserver/main.mjs", "--port", "3498", "--quiet"],
    )?;
    let _emulator = Background::spawn(
        "node",
        &[
            "end2end/emulator/main.mjs",
            "--port",
            "3499",
            "--app",
            &app_url,
            "--quiet",
        ],
    )?;
    run::run_in(
        root.join("end2end"),
        "node",
        &["bench/macro-ready.mjs"],
        &[("APP", &app_url), ("EMU", &emu_url)],
    )?;
    run::run_in(
        root.join("end2end"),
        "node",
        &["bench/convert.mjs"],
        &[
            ("APP", &app_url),
            ("EMU", &emu_url),
            ("DS", "http://127.0.0.1:3498"),
        ],
    )
}

/// The server tests that start processes, kill them and time them: run one at a time, so
/// their figures are not those of a machine busy with every other test.
const FAULT_TESTS: &str = "binary(crashes) | binary(replicas) | binary(soak)";

fn fault_tests() -> Vec<&'static str> {
    vec![
        "nextest",
        "run",
        "--no-fail-fast",
        "--test-threads",
        "1",
        "-E",
        FAULT_TESTS,
    ]
}

/// How many cases each property test runs in `cargo xtask chaos` (a couple of thousand in
/// `cargo xtask test`).
const CHAOS_CASES: &str = "100000";

/// `cargo xtask chaos`: each part ends by itself, all traffic on 127.0.0.1.
fn chaos() -> Result<(), Failed> {
    bootstrap::ensure_all()?;
    let cases = [("PROPTEST_CASES", CHAOS_CASES)];
    step(
        "property tests of the framework's parsers and lifecycle handler, 100,000 cases each",
        || {
            cargo(
                &[
                    "nextest",
                    "run",
                    "-p",
                    "connect",
                    "--test",
                    "properties",
                    "--test",
                    "lifecycle_properties",
                ],
                &cases,
            )
        },
    )?;
    step(
        "property tests of the office app's parsers, 100,000 cases each",
        || {
            cargo(
                &[
                    "nextest",
                    "run",
                    "-p",
                    "office",
                    "--features",
                    "server",
                    "--test",
                    "properties",
                ],
                &cases,
            )
        },
    )?;
    step(
        "kill -9 storms (10 kills each), replicas on one PostgreSQL, a 60 s soak",
        || {
            cargo(
                &fault_tests(),
                &[("CHAOS_KILLS", "10"), ("SOAK_SECS", "60")],
            )
        },
    )
}

fn step(name: &str, f: impl FnOnce() -> Result<(), Failed>) -> Result<(), Failed> {
    println!("\n==> {name}");
    f().map_err(|Failed(m)| Failed(format!("{name}: {m}")))
}
