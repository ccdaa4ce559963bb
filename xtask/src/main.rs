//! `cargo xtask <task>`: the project's own tasks, with the tools they need installed on demand.
//!
//! - `bootstrap` installs what is missing (pinned versions, registries only) and nothing else.
//! - `dev` runs the app with live reload on its embedded defaults.
//! - `test` runs every check CI runs: format, lints, Rust tests, the WASM build, end-to-end tests.
//! - `bench` runs the criterion benchmarks.

mod bootstrap;
mod run;

use std::process::ExitCode;

use run::{Failed, cargo, cargo_leptos, workspace_root};

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
  test        fmt, clippy (ssr + hydrate), Rust tests on SQLite and PostgreSQL,
              release WASM build and end-to-end tests in headless Chromium
  bench       criterion benchmarks";

fn dev() -> Result<(), Failed> {
    bootstrap::ensure_all()?;
    println!("\nConfluo will be served at http://localhost:3000 (Ctrl+C stops it).\n");
    cargo_leptos(&["watch"], &[])
}

fn build() -> Result<(), Failed> {
    bootstrap::ensure_all()?;
    cargo_leptos(&["build", "--release"], &[])
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
        cargo(&["nextest", "run", "--no-fail-fast"], &[])
    })?;
    if skip_e2e {
        println!("\nskipping the WASM build and end-to-end tests (--no-e2e)");
        return Ok(());
    }
    step("WASM build and end-to-end tests in Chromium", end2end)
}

/// Builds the server and WASM bundle, starts the server on a test port with a fresh database,
/// and runs the Playwright suite against the release build.
fn end2end() -> Result<(), Failed> {
    let root = workspace_root();
    let data = root.join("target/e2e");
    let _ = std::fs::remove_dir_all(&data);
    std::fs::create_dir_all(&data)
        .map_err(|e| Failed(format!("cannot create {}: {e}", data.display())))?;
    let addr = "127.0.0.1:3199";
    let db = format!("sqlite://{}/confluo.db?mode=rwc", data.display());
    let base = format!("http://{addr}");
    cargo_leptos(
        &["end-to-end", "--release"],
        &[
            ("LEPTOS_SITE_ADDR", addr),
            ("LISTEN_ADDR", addr),
            ("APP_BASE_URL", &base),
            ("APP_ENV", "development"),
            ("DATABASE_URL", &db),
            ("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"),
        ],
    )
}

fn bench(args: &[String]) -> Result<(), Failed> {
    let mut cmd = vec!["bench", "--workspace", "--exclude", "frontend"];
    cmd.extend(args.iter().map(String::as_str));
    cargo(&cmd, &[])
}

fn step(name: &str, f: impl FnOnce() -> Result<(), Failed>) -> Result<(), Failed> {
    println!("\n==> {name}");
    f().map_err(|Failed(m)| Failed(format!("{name}: {m}")))
}
