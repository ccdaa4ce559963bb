//! `cargo xtask image`: the container image (`Containerfile`), built with podman from the
//! release build and smoke-tested.
//!
//! No base image can be pulled, so the image is `FROM scratch` holding the release binary, the
//! shared libraries `ldd` names for it, the site's files and a non-root user. Where podman
//! cannot build, or cannot start containers (some sandboxes forbid it), the task says so in
//! one line and succeeds: the suite does not depend on a container runtime. When podman builds
//! but cannot run, the image's root filesystem is still started with `chroot` (as root) to
//! check that the binary, its libraries and the site inside are complete.

use std::{
    fs,
    path::{Path, PathBuf},
    process::Command,
    thread::sleep,
    time::{Duration, Instant},
};

use crate::run::{Background, Failed, output, workspace_root};

pub const TAG: &str = "localhost/confluo:latest";
/// The user the image runs as (no name service inside: a number, with /etc/passwd for tools).
const UID: &str = "10001";

pub fn image(ensure_podman: impl FnOnce() -> bool) -> Result<(), Failed> {
    let root = workspace_root();
    let binary = root.join("target/release/confluo");
    let site = root.join("target/site");
    if !binary.exists() || !site.join("pkg").exists() {
        return Err(Failed(
            "no release build: run `cargo xtask build` first".into(),
        ));
    }
    let context = root.join("target/image");
    stage(&context, &binary, &site)?;
    if !ensure_podman() {
        println!(
            "image: podman is not available here; root filesystem staged in target/image, image not built"
        );
        return smoke_chroot(&context);
    }
    let built = Command::new("podman")
        .args(["build", "--format", "docker", "-q", "-t", TAG, "-f"])
        .arg(context.join("Containerfile"))
        .arg(&context)
        .status();
    if !built.is_ok_and(|s| s.success()) {
        println!(
            "image: podman cannot build images on this machine; root filesystem staged in target/image"
        );
        return smoke_chroot(&context);
    }
    let size = output(
        "podman",
        &["image", "inspect", "--format", "{{.Size}}", TAG],
    )
    .and_then(|s| s.parse::<u64>().ok())
    .map_or_else(String::new, |b| format!(" ({} MB)", b / 1_000_000));
    println!("image: built {TAG}{size}");
    smoke_container().or_else(|reason| {
        println!("image: podman cannot start containers here ({reason}); checking the image's root filesystem with chroot instead");
        smoke_chroot(&context)
    })
}

/// `target/image/`: the Containerfile and `rootfs/` with everything the image holds.
fn stage(context: &Path, binary: &Path, site: &Path) -> Result<(), Failed> {
    let io = |what: &str, e: std::io::Error| Failed(format!("image: {what}: {e}"));
    let _ = fs::remove_dir_all(context);
    let rootfs = context.join("rootfs");
    for dir in ["app", "data", "etc", "tmp"] {
        fs::create_dir_all(rootfs.join(dir)).map_err(|e| io(dir, e))?;
    }
    fs::copy(
        workspace_root().join("Containerfile"),
        context.join("Containerfile"),
    )
    .map_err(|e| io("Containerfile", e))?;
    fs::copy(binary, rootfs.join("app/confluo")).map_err(|e| io("binary", e))?;
    copy_tree(site, &rootfs.join("app/site")).map_err(|e| io("site", e))?;
    for library in libraries(binary)? {
        let inside = rootfs.join(library.strip_prefix("/").unwrap_or(&library));
        if let Some(dir) = inside.parent() {
            fs::create_dir_all(dir).map_err(|e| io("library folder", e))?;
        }
        fs::copy(&library, &inside).map_err(|e| io(&library.display().to_string(), e))?;
    }
    let etc = rootfs.join("etc");
    let files = [
        (
            "passwd",
            format!("confluo:x:{UID}:{UID}:Confluo:/data:/nonexistent\n"),
        ),
        ("group", format!("confluo:x:{UID}:\n")),
        ("nsswitch.conf", "hosts: files dns\n".to_owned()),
        ("hosts", "127.0.0.1 localhost\n::1 localhost\n".to_owned()),
    ];
    for (name, contents) in files {
        fs::write(etc.join(name), contents).map_err(|e| io(name, e))?;
    }
    // The image's user writes its SQLite database and development files here.
    for dir in ["data", "tmp"] {
        chown(&rootfs.join(dir));
    }
    Ok(())
}

/// The shared libraries the binary loads, as `ldd` resolves them on this machine.
fn libraries(binary: &Path) -> Result<Vec<PathBuf>, Failed> {
    let listing = output("ldd", &[&binary.display().to_string()])
        .ok_or_else(|| Failed("image: ldd cannot list the binary's libraries".into()))?;
    Ok(listing
        .lines()
        .filter_map(|line| {
            // `libc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x…)` or `/lib64/ld-linux… (0x…)`
            let path = line.split("=>").last()?.split_whitespace().next()?;
            path.starts_with('/').then(|| PathBuf::from(path))
        })
        .collect())
}

fn copy_tree(from: &Path, to: &Path) -> std::io::Result<()> {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_tree(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}

#[cfg(unix)]
fn chown(dir: &Path) {
    let _ = std::os::unix::fs::chown(dir, Some(10001), Some(10001));
}

#[cfg(not(unix))]
fn chown(_dir: &Path) {}

/// A free port on 127.0.0.1.
fn free_port() -> Result<u16, Failed> {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .map_err(|e| Failed(format!("image: no free port: {e}")))
}

/// The environment a smoke run needs: development on loopback (no secret key needed).
fn smoke_env(port: u16) -> Vec<(String, String)> {
    vec![
        ("APP_BASE_URL".into(), format!("http://127.0.0.1:{port}")),
        ("APP_ENV".into(), "development".into()),
    ]
}

/// Runs the image, waits for its health check and its stylesheet, stops it.
fn smoke_container() -> Result<(), String> {
    let port = free_port().map_err(|f| f.0)?;
    let name = format!("confluo-smoke-{}", std::process::id());
    let mut args = vec![
        "run".to_owned(),
        "-d".into(),
        "--name".into(),
        name.clone(),
        "-p".into(),
        format!("127.0.0.1:{port}:8080"),
    ];
    for (k, v) in smoke_env(port) {
        args.push("-e".into());
        args.push(format!("{k}={v}"));
    }
    args.push(TAG.into());
    let started = Command::new("podman")
        .args(&args)
        .output()
        .map_err(|e| e.to_string())?;
    if !started.status.success() {
        let _ = Command::new("podman").args(["rm", "-f", &name]).output();
        let err = String::from_utf8_lossy(&started.stderr);
        return Err(err.lines().last().unwrap_or("podman run failed").to_owned());
    }
    let check = |path: &str| {
        Command::new("podman")
            .args(["exec", &name, "/app/confluo", "healthcheck", path])
            .output()
            .is_ok_and(|o| o.status.success())
    };
    let healthy = wait(|| check("/healthz")) && check("/pkg/confluo.css");
    let _ = Command::new("podman").args(["rm", "-f", &name]).output();
    match healthy {
        true => {
            println!("image: the container answered /healthz and served its site");
            Ok(())
        }
        false => Err("the container did not become healthy".into()),
    }
}

/// Starts the staged root filesystem's binary with `chroot` as the image's user and checks it
/// the same way; skipped (one line) when not root.
fn smoke_chroot(context: &Path) -> Result<(), Failed> {
    if output("id", &["-u"]).as_deref() != Some("0") {
        println!(
            "image: not root, so the staged root filesystem is not started; smoke test skipped"
        );
        return Ok(());
    }
    let rootfs = context.join("rootfs");
    let rootfs = rootfs.display().to_string();
    let port = free_port()?;
    let mut envs: Vec<(String, String)> = smoke_env(port);
    envs.extend([
        ("LISTEN_ADDR".into(), format!("127.0.0.1:{port}")),
        (
            "DATABASE_URL".into(),
            "sqlite:///data/confluo.db?mode=rwc".into(),
        ),
        ("LEPTOS_OUTPUT_NAME".into(), "confluo".into()),
        ("LEPTOS_SITE_ROOT".into(), "/app/site".into()),
        ("LEPTOS_SITE_PKG_DIR".into(), "pkg".into()),
    ]);
    let env_refs: Vec<(&str, &str)> = envs.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let user = format!("{UID}:{UID}");
    let _server = Background::spawn_with(
        "chroot",
        &["--userspec", &user, &rootfs, "/app/confluo"],
        &env_refs,
    )?;
    let check = |path: &str| {
        Command::new("chroot")
            .args([
                "--userspec",
                &user,
                &rootfs,
                "/app/confluo",
                "healthcheck",
                path,
            ])
            .envs(env_refs.iter().copied())
            .output()
            .is_ok_and(|o| o.status.success())
    };
    if wait(|| check("/healthz")) && check("/pkg/confluo.css") {
        println!(
            "image: its root filesystem runs as user {UID}, answers /healthz and serves its site"
        );
        Ok(())
    } else {
        Err(Failed(
            "image: the staged root filesystem did not answer /healthz: the image would not run"
                .into(),
        ))
    }
}

/// Polls `check` for up to 30 s.
fn wait(check: impl Fn() -> bool) -> bool {
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        if check() {
            return true;
        }
        sleep(Duration::from_millis(250));
    }
    false
}
