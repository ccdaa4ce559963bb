//! The blank documents "Create new" makes, in every language Confluo speaks, read by ONLYOFFICE's
//! own engine: x2t (the Document Server's converter) opens each one and converts it to PDF and
//! to its ODF counterpart, as the Document Server does when the file is opened and downloaded,
//! and Document Builder edits and saves each one, as the Document Server does on a save.
//! The engine is what `cargo xtask bootstrap` installs into target/engine (`ONLYOFFICE_ENGINE`
//! names another folder holding x2t).

use std::{
    fs,
    path::{Path, PathBuf},
    process::Command,
};

use office::{new_document::NewDocumentKind, templates::blank_for};
use words::Lang;

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
        // With the font tables the bootstrap's first Document Builder run writes.
        .find(|dir| dir.join("x2t").exists() && dir.join("sdkjs/common/AllFonts.js").exists())
        .unwrap_or_else(|| {
            panic!(
                "ONLYOFFICE's engine is not installed (with its font tables) under {}: run `cargo xtask bootstrap`",
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

/// Document Builder opens `file`, adds `text` as the Document Server would save an edit, and
/// saves it as `out`; its exit code.
fn docbuilder(engine: &Path, file: &Path, ext: &str, text: &str, out: &Path) -> i32 {
    let edit = match ext {
        "docx" => format!(
            "var d = Api.GetDocument(); var p = Api.CreateParagraph(); p.AddText({text:?}); d.Push(p);"
        ),
        "xlsx" => format!("Api.GetActiveSheet().GetRange(\"A1\").SetValue({text:?});"),
        _ => format!(
            "var pr = Api.GetPresentation(); var s = pr.GetSlideByIndex(0); if (!s) {{ s = Api.CreateSlide(); pr.AddSlide(s); }} var sh = Api.CreateShape(\"rect\", 7200000, 720000, Api.CreateNoFill(), Api.CreateStroke(0, Api.CreateNoFill())); var c = sh.GetDocContent(); c.RemoveAllElements(); var p = Api.CreateParagraph(); p.AddText({text:?}); c.Push(p); s.AddObject(sh);"
        ),
    };
    let script = out.with_extension("docbuilder");
    fs::write(
        &script,
        format!(
            "builder.OpenFile({:?}, \"\");\n{edit}\nbuilder.SaveFile({ext:?}, {:?});\nbuilder.CloseFile();\n",
            file.display().to_string(),
            out.display().to_string()
        ),
    )
    .unwrap();
    Command::new(engine.join("docbuilder"))
        .arg(&script)
        .env("LD_LIBRARY_PATH", engine)
        .output()
        .unwrap()
        .status
        .code()
        .unwrap_or(-1)
}

#[test]
fn every_blank_document_in_every_language_opens_converts_and_saves_in_the_engine() {
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
            // Edited and saved as the Document Server saves it, the file still opens.
            let saved = dir.path().join(format!("{name}-saved.{ext}"));
            let text = format!("Saved in {}", lang.tag());
            assert_eq!(
                docbuilder(&engine, &file, ext, &text, &saved),
                0,
                "docbuilder could not save the {ext} made for {}",
                lang.tag()
            );
            assert_eq!(
                x2t(
                    &engine,
                    &saved,
                    &dir.path().join(format!("{name}-saved.pdf"))
                ),
                0,
                "the saved {ext} for {} does not convert",
                lang.tag()
            );
            let part = match ext {
                "docx" => "word/document.xml",
                "xlsx" => "xl/sharedStrings.xml",
                _ => "ppt/slides/slide1.xml",
            };
            let mut package =
                zip::ZipArchive::new(std::io::Cursor::new(fs::read(&saved).unwrap())).unwrap();
            let mut xml = String::new();
            std::io::Read::read_to_string(&mut package.by_name(part).unwrap(), &mut xml).unwrap();
            assert!(
                xml.contains(&text),
                "{part} of the saved {ext} for {} lacks the edit",
                lang.tag()
            );
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
