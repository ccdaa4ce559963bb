//! Installs the tools the build and tests need, only where missing, pinned, from registries.
//! A second run on a ready machine only looks and returns within seconds.

use std::{fs, path::Path, time::SystemTime};

use crate::run::{Failed, cargo, output, run, run_in, workspace_root};

/// cargo-leptos 0.3.11 needs a newer rustc than the machine's 1.95; 0.3.10 builds with `--locked`.
const CARGO_LEPTOS_VERSION: &str = "0.3.10";
const WASM_TARGET: &str = "wasm32-unknown-unknown";
const CHROMIUM: &str = "/usr/bin/chromium";
/// The test runner `cargo xtask test` uses.
const CARGO_NEXTEST_VERSION: &str = "0.9.143";
/// Playwright's floor.
const NODE_MAJOR: u32 = 20;

/// Everything: what development needs, and the test runner and the browser the tests drive.
pub fn ensure_all() -> Result<(), Failed> {
    let mut apt = Apt::default();
    ensure_dev_with(&mut apt)?;
    ensure_nextest()?;
    ensure_chromium(&mut apt)
}

/// What `cargo xtask dev` and `cargo leptos watch` need: the WASM target, cargo-leptos,
/// wasm-bindgen, the npm packages the emulator and the Document Server stand-in run on, and
/// ONLYOFFICE's engine the stand-in converts and edits with. No browser: only the tests use one.
pub fn ensure_dev() -> Result<(), Failed> {
    ensure_dev_with(&mut Apt::default())
}

fn ensure_dev_with(apt: &mut Apt) -> Result<(), Failed> {
    ensure_wasm_target()?;
    ensure_cargo_leptos()?;
    ensure_wasm_bindgen()?;
    ensure_npm_packages(apt)?;
    ensure_node_version()?;
    ensure_engine(apt)
}

/// ONLYOFFICE's engine for the Document Server stand-in: `document-builder` (x2t and
/// docbuilder) and pypdf, pinned in `end2end/docserver/engine-requirements.txt`, into a virtual
/// environment under target/. The stamp is the requirements file's text, so a change reinstalls.
fn ensure_engine(apt: &mut Apt) -> Result<(), Failed> {
    let root = workspace_root();
    let requirements = root.join("end2end/docserver/engine-requirements.txt");
    let wanted = fs::read_to_string(&requirements)
        .map_err(|e| Failed(format!("cannot read {}: {e}", requirements.display())))?;
    let venv = root.join("target/engine/venv");
    let stamp = venv.join("confluo-requirements.txt");
    if fs::read_to_string(&stamp).is_ok_and(|s| s == wanted) {
        return Ok(());
    }
    if output("python3", &["-c", "import venv, ensurepip"]).is_none() {
        apt.install(&["python3", "python3-venv"])?;
    }
    println!("installing ONLYOFFICE's engine (document-builder from PyPI) into target/engine/venv");
    let _ = fs::remove_dir_all(&venv);
    let venv_arg = venv.display().to_string();
    run("python3", &["-m", "venv", &venv_arg], &[])?;
    let pip = venv.join("bin/pip").display().to_string();
    let requirements_arg = requirements.display().to_string();
    run(
        &pip,
        &[
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "-r",
            &requirements_arg,
        ],
        &[],
    )?;
    warm_engine(&venv)?;
    fs::write(&stamp, wanted).map_err(|e| Failed(format!("cannot write {}: {e}", stamp.display())))
}

/// Document Builder's first run writes the font tables (`sdkjs/common/AllFonts.js`,
/// `font_selection.bin`) that x2t needs to lay out PDFs; without them every conversion to PDF
/// fails, and the first runs racing to write them fail too. So the install runs it once.
fn warm_engine(venv: &Path) -> Result<(), Failed> {
    let lib = fs::read_dir(venv.join("lib"))
        .into_iter()
        .flatten()
        .flatten()
        .map(|python| python.path().join("site-packages/docbuilder/lib"))
        .find(|dir| dir.join("docbuilder").exists())
        .ok_or_else(|| Failed("document-builder installed no docbuilder/lib/docbuilder".into()))?;
    let script = venv.join("warm.docbuilder");
    let out = venv.join("warm.docx");
    fs::write(
        &script,
        format!(
            "builder.CreateFile(\"docx\");\nbuilder.SaveFile(\"docx\", {:?});\nbuilder.CloseFile();\n",
            out.display().to_string()
        ),
    )
    .map_err(|e| Failed(format!("cannot write {}: {e}", script.display())))?;
    let lib_arg = lib.display().to_string();
    run_in(
        venv.to_path_buf(),
        &lib.join("docbuilder").display().to_string(),
        &[&script.display().to_string()],
        &[("LD_LIBRARY_PATH", &lib_arg)],
    )?;
    if !lib.join("sdkjs/common/AllFonts.js").exists() {
        return Err(Failed(
            "Document Builder ran but wrote no font tables (sdkjs/common/AllFonts.js)".into(),
        ));
    }
    Ok(())
}

/// podman from Debian, if it is missing and can be installed; whether it is there.
pub fn ensure_podman() -> bool {
    if output("podman", &["--version"]).is_some() {
        return true;
    }
    let mut apt = Apt::default();
    apt.available() && apt.install(&["podman"]).is_ok()
}

fn ensure_nextest() -> Result<(), Failed> {
    if output("cargo", &["nextest", "--version"]).is_some() {
        return Ok(());
    }
    println!("installing cargo-nextest {CARGO_NEXTEST_VERSION}");
    cargo(
        &[
            "install",
            "cargo-nextest",
            "--version",
            CARGO_NEXTEST_VERSION,
            "--locked",
        ],
        &[],
    )
}

/// Node's major version from `v20.20.2`.
fn node_major(version: &str) -> Option<u32> {
    version
        .trim()
        .strip_prefix('v')?
        .split('.')
        .next()?
        .parse()
        .ok()
}

fn ensure_node_version() -> Result<(), Failed> {
    let version = output("node", &["--version"]).unwrap_or_default();
    match node_major(&version) {
        Some(major) if major >= NODE_MAJOR => Ok(()),
        _ => Err(Failed(format!(
            "the end-to-end tests need Node {NODE_MAJOR} or newer (Playwright's floor); this machine has {}",
            if version.trim().is_empty() {
                "none"
            } else {
                version.trim()
            }
        ))),
    }
}

fn ensure_wasm_target() -> Result<(), Failed> {
    let installed = output("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if installed.lines().any(|l| l.trim() == WASM_TARGET) {
        return Ok(());
    }
    println!("installing the {WASM_TARGET} target");
    run("rustup", &["target", "add", WASM_TARGET], &[])
}

fn ensure_cargo_leptos() -> Result<(), Failed> {
    let version = output("cargo", &["leptos", "--version"]).unwrap_or_default();
    if version
        .split_whitespace()
        .any(|w| w == CARGO_LEPTOS_VERSION)
    {
        return Ok(());
    }
    println!("installing cargo-leptos {CARGO_LEPTOS_VERSION} (about 15 minutes on 2 cores, once)");
    cargo(
        &[
            "install",
            "cargo-leptos",
            "--version",
            CARGO_LEPTOS_VERSION,
            "--locked",
        ],
        &[],
    )
}

/// The wasm-bindgen CLI must match the `wasm-bindgen` crate in Cargo.lock exactly.
fn ensure_wasm_bindgen() -> Result<(), Failed> {
    let wanted = locked_version("wasm-bindgen")?;
    let have = output("wasm-bindgen", &["--version"]).unwrap_or_default();
    if have.split_whitespace().any(|w| w == wanted) {
        return Ok(());
    }
    println!("installing wasm-bindgen-cli {wanted} (matches Cargo.lock)");
    cargo(
        &[
            "install",
            "wasm-bindgen-cli",
            "--version",
            &wanted,
            "--locked",
        ],
        &[],
    )
}

fn ensure_chromium(apt: &mut Apt) -> Result<(), Failed> {
    if Path::new(CHROMIUM).exists() {
        return Ok(());
    }
    if !apt.available() {
        return Err(Failed(format!(
            "{CHROMIUM} is missing; install Chromium from your distribution"
        )));
    }
    apt.install(&["chromium"])
}

/// `npm ci` in end2end/ when node_modules is missing or older than package-lock.json.
/// Browser downloads are switched off: the tests drive the system Chromium.
fn ensure_npm_packages(apt: &mut Apt) -> Result<(), Failed> {
    let dir = workspace_root().join("end2end");
    let lock = dir.join("package-lock.json");
    let stamp = dir.join("node_modules/.package-lock.json");
    if modified(&stamp).is_some_and(|s| modified(&lock).is_some_and(|l| s >= l)) {
        return Ok(());
    }
    if output("npm", &["--version"]).is_none() {
        apt.install(&["nodejs", "npm"])?;
    }
    println!("installing end-to-end test packages (npm ci)");
    run_in(
        dir,
        "npm",
        &["ci", "--no-audit", "--no-fund"],
        &[("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")],
    )
}

fn modified(path: &Path) -> Option<SystemTime> {
    fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// The version Cargo.lock pins for `package`.
fn locked_version(package: &str) -> Result<String, Failed> {
    let lock = fs::read_to_string(workspace_root().join("Cargo.lock"))
        .map_err(|e| Failed(format!("cannot read Cargo.lock: {e}")))?;
    let needle = format!("name = \"{package}\"");
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == needle
            && let Some(version) = lines
                .next()
                .and_then(|l| l.trim().strip_prefix("version = "))
        {
            return Ok(version.trim_matches('"').to_owned());
        }
    }
    Err(Failed(format!("{package} is not in Cargo.lock")))
}

/// Debian packages, with one `apt-get update` per run at most.
#[derive(Default)]
struct Apt {
    updated: bool,
}

impl Apt {
    fn available(&self) -> bool {
        output("apt-get", &["--version"]).is_some()
    }

    fn install(&mut self, packages: &[&str]) -> Result<(), Failed> {
        if !self.available() {
            return Err(Failed(format!(
                "apt-get is not available to install {}",
                packages.join(" ")
            )));
        }
        let root = output("id", &["-u"]).is_some_and(|id| id == "0");
        let (program, mut prefix): (&str, Vec<&str>) = if root {
            ("apt-get", vec![])
        } else {
            ("sudo", vec!["apt-get"])
        };
        let env = [("DEBIAN_FRONTEND", "noninteractive")];
        if !self.updated {
            let mut args = prefix.clone();
            args.push("update");
            run(program, &args, &env)?;
            self.updated = true;
        }
        println!("installing {} (Debian)", packages.join(" "));
        prefix.extend(["install", "-y", "--no-install-recommends"]);
        prefix.extend(packages);
        run(program, &prefix, &env)
    }
}

#[cfg(test)]
mod tests {
    use super::node_major;

    #[test]
    fn node_versions_are_read_by_their_major() {
        assert_eq!(node_major("v20.20.2\n"), Some(20));
        assert_eq!(node_major("v18.19.0"), Some(18));
        assert_eq!(node_major("20.1.0"), None);
        assert_eq!(node_major(""), None);
    }
}
