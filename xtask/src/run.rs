//! Running child processes with clear failures.

use std::{
    path::PathBuf,
    process::{Command, Stdio},
};

/// A task failed; the message says which command and why.
#[derive(Debug)]
pub struct Failed(pub String);

/// The workspace root (the parent of `xtask/`).
pub fn workspace_root() -> PathBuf {
    let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    here.parent().map(PathBuf::from).unwrap_or(here)
}

/// Runs `program args` in the workspace root, inheriting stdio; fails on a non-zero exit.
pub fn run(program: &str, args: &[&str], envs: &[(&str, &str)]) -> Result<(), Failed> {
    run_in(workspace_root(), program, args, envs)
}

pub fn run_in(
    dir: PathBuf,
    program: &str,
    args: &[&str],
    envs: &[(&str, &str)],
) -> Result<(), Failed> {
    let shown = format!("{program} {}", args.join(" "));
    let status = Command::new(program)
        .args(args)
        .envs(envs.iter().copied())
        .current_dir(&dir)
        .status()
        .map_err(|e| Failed(format!("cannot start `{shown}`: {e}")))?;
    if status.success() {
        Ok(())
    } else {
        Err(Failed(format!("`{shown}` exited with {status}")))
    }
}

pub fn cargo(args: &[&str], envs: &[(&str, &str)]) -> Result<(), Failed> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    run(&cargo, args, envs)
}

/// `cargo leptos …` with the project's npm tools first on PATH: cargo-leptos takes `wasm-opt`
/// from PATH, and the one it needs (binaryen 132) comes from `end2end/package.json`.
pub fn cargo_leptos(args: &[&str], envs: &[(&str, &str)]) -> Result<(), Failed> {
    let tools = workspace_root().join("end2end/node_modules/.bin");
    let path = match std::env::var_os("PATH") {
        Some(path) => {
            let mut dirs = vec![tools];
            dirs.extend(std::env::split_paths(&path));
            std::env::join_paths(dirs).map_err(|e| Failed(format!("PATH: {e}")))?
        }
        None => tools.into_os_string(),
    };
    let path = path.to_string_lossy().into_owned();
    let mut all: Vec<&str> = vec!["leptos"];
    all.extend(args);
    let mut envs = envs.to_vec();
    envs.push(("PATH", &path));
    cargo(&all, &envs)
}

/// The trimmed stdout of a command, or `None` if it is missing or fails.
pub fn output(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

/// A child process that runs beside a task and is stopped (by its PID) when dropped.
pub struct Background(std::process::Child);

impl Background {
    pub fn spawn(program: &str, args: &[&str]) -> Result<Self, Failed> {
        Self::spawn_with(program, args, &[])
    }

    pub fn spawn_with(program: &str, args: &[&str], envs: &[(&str, &str)]) -> Result<Self, Failed> {
        Command::new(program)
            .args(args)
            .envs(envs.iter().copied())
            .current_dir(workspace_root())
            .stdin(Stdio::null())
            .spawn()
            .map(Self)
            .map_err(|e| Failed(format!("cannot start `{program} {}`: {e}", args.join(" "))))
    }
}

impl Background {
    /// Until the process ends.
    pub fn wait(&mut self) {
        let _ = self.0.wait();
    }
}

impl Drop for Background {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}
