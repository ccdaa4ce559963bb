//! Whether a PDF is an ONLYOFFICE form (fillable): the Document Server writes a binary marker
//! and then, as object 1, a dictionary with an `ONLYOFFICEFORM` entry ahead of the first
//! stream. This is the test ONLYOFFICE's own integrations run on the file's first bytes.

/// How much of the file the test reads.
pub const HEAD_BYTES: usize = 300;

/// The comment line the Document Server writes after the PDF header.
const MARKER: &[u8] = b"%\xCD\xCA\xD2\xA9\x0D";
/// Object 1 opens right after the marker.
const FIRST_OBJECT: &[u8] = b"1 0 obj\n<<\n";
const META: &[u8] = b"ONLYOFFICEFORM";
const STREAM: &[u8] = b"stream\r\n";

/// Whether `head` (the file's first bytes; only [`HEAD_BYTES`] are looked at) opens an
/// ONLYOFFICE PDF form.
pub fn is_form(head: &[u8]) -> bool {
    let head = &head[..head.len().min(HEAD_BYTES)];
    let Some(at) = find(head, MARKER) else {
        return false;
    };
    let Some(object) = head[at + MARKER.len()..].strip_prefix(FIRST_OBJECT) else {
        return false;
    };
    match (find(object, META), find(object, STREAM)) {
        (Some(meta), Some(stream)) => meta < stream,
        _ => false,
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(meta: &str) -> Vec<u8> {
        let mut pdf = b"%PDF-1.7\n%\xCD\xCA\xD2\xA9\x0D1 0 obj\n<<\n".to_vec();
        pdf.extend_from_slice(meta.as_bytes());
        pdf.extend_from_slice(b"/Length 12\n>>\nstream\r\n{\"fields\":1}\r\nendstream\nendobj\n");
        pdf
    }

    #[test]
    fn forms_the_document_server_writes_are_recognised() {
        assert!(is_form(&form(
            "/Type /EmbeddedFile /ONLYOFFICEFORM 2 0 R\n"
        )));
    }

    #[test]
    fn other_pdfs_are_not_forms() {
        // No entry, an entry only after the stream, no marker, object 1 in another layout.
        assert!(!is_form(&form("/Type /EmbeddedFile\n")));
        let mut late = form("");
        late.extend_from_slice(b"ONLYOFFICEFORM");
        assert!(!is_form(&late));
        assert!(!is_form(
            b"%PDF-1.7\n1 0 obj\n<<\n/ONLYOFFICEFORM 2 0 R\n>>\nstream\r\n"
        ));
        assert!(!is_form(
            b"%PDF-1.7\n%\xCD\xCA\xD2\xA9\x0D1 0 obj << /ONLYOFFICEFORM >>\nstream\r\n"
        ));
        assert!(!is_form(b"%PDF-1.7 contract"));
        assert!(!is_form(b""));
    }

    #[test]
    fn only_the_head_counts() {
        let padding = " ".repeat(HEAD_BYTES);
        assert!(!is_form(&form(&format!(
            "{padding}/ONLYOFFICEFORM 2 0 R\n"
        ))));
    }
}
