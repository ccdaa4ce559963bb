//! The blank documents "Create new" makes, in every language Confluo speaks, read by ONLYOFFICE's
//! own engine: x2t (the Document Server's converter) opens each one and converts it to PDF and
//! to its ODF counterpart, as the Document Server does when the file is opened and downloaded.
//! The engine is what `cargo xtask bootstrap` installs into target/engine (`ONLYOFFICE_ENGINE`
//! names another folder holding x2t).

use std::{
    fs,
    path::{Path, PathBuf},
    process::Command,
};

use app::{i18n::Lang, office::NewDocumentKind, office::templates::blank_for};

fn engine() -> PathBuf {
    if let Some(dir) = std::env::var_os("ONLYOFFICE_ENGINE") {
        return PathBuf::from(dir);
    }
    let lib = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/engine/venv/lib");
    fs::read_dir(&lib)
        .into_iter()
        .flatten()
        .flatten()
        .map(|python| python.path().join("site-packages/docbuilder/lib"))
        .find(|dir| dir.join("x2t").exists())
        .unwrap_or_else(|| {
            panic!(
                "ONLYOFFICE's engine is not installed under {}: run `cargo xtask bootstrap`",
                lib.display()
            )
        })
}

/// A fresh folder of this test's own, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("confluo-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        Self(dir)
    }

    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// x2t converts `from` to `to` (by their extensions); its exit code.
fn x2t(engine: &Path, from: &Path, to: &Path) -> i32 {
    let params = to.with_extension("xml");
    fs::write(
        &params,
        format!(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><TaskQueueDataConvert><m_sFileFrom>{}</m_sFileFrom><m_sFileTo>{}</m_sFileTo></TaskQueueDataConvert>",
            from.display(),
            to.display()
        ),
    )
    .unwrap();
    Command::new(engine.join("x2t"))
        .arg(&params)
        .env("LD_LIBRARY_PATH", engine)
        .status()
        .unwrap()
        .code()
        .unwrap_or(-1)
}

#[test]
fn every_blank_document_in_every_language_opens_and_converts_in_the_engine() {
    let engine = engine();
    let dir = Scratch::new("blanks");
    let mut checked = 0;
    for lang in Lang::ALL {
        for (kind, ext, odf) in [
            (NewDocumentKind::Document, "docx", "odt"),
            (NewDocumentKind::Spreadsheet, "xlsx", "ods"),
            (NewDocumentKind::Presentation, "pptx", "odp"),
        ] {
            let bytes = blank_for(kind, Some(lang.tag())).unwrap();
            let name = format!("{}-{ext}", lang.tag());
            let file = dir.path().join(format!("{name}.{ext}"));
            fs::write(&file, &bytes).unwrap();
            for target in ["pdf", odf] {
                let out = dir.path().join(format!("{name}.{target}"));
                let code = x2t(&engine, &file, &out);
                assert_eq!(
                    code,
                    0,
                    "x2t could not convert the {ext} made for {} to {target}",
                    lang.tag()
                );
                let made = fs::read(&out).unwrap();
                assert!(made.len() > 100, "{name}.{target} is empty");
                if target == "pdf" {
                    assert!(made.starts_with(b"%PDF-"), "{name}.pdf is not a PDF");
                } else {
                    assert!(
                        made.starts_with(b"PK"),
                        "{name}.{target} is not an ODF package"
                    );
                }
            }
            checked += 1;
        }
    }
    assert_eq!(checked, 24);
}

#[test]
fn a_file_that_is_not_a_document_is_refused_by_the_engine() {
    // The same check on bytes that only look like a document, so the test above cannot pass
    // against an engine that accepts anything.
    let engine = engine();
    let dir = Scratch::new("broken");
    let file = dir.path().join("broken.docx");
    fs::write(&file, b"PK\x03\x04 not really a document").unwrap();
    assert_ne!(x2t(&engine, &file, &dir.path().join("broken.pdf")), 0);
}
