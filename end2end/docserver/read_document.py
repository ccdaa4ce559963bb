"""What a test reads of a document: the XML parts of an OOXML or ODF package that hold its
text, or a PDF's page text (pypdf). Prints JSON: {"kind", "parts": {name: xml}, "text"}."""

import html
import json
import re
import sys
import zipfile

TEXT_PARTS = re.compile(
    r"^(word/document\.xml|xl/sharedStrings\.xml|xl/worksheets/sheet\d+\.xml|ppt/slides/slide\d+\.xml|content\.xml)$"
)


def main(path: str) -> None:
    with open(path, "rb") as f:
        head = f.read(8)
    if head.startswith(b"%PDF"):
        from pypdf import PdfReader

        reader = PdfReader(path)
        text = "\n".join(page.extract_text() or "" for page in reader.pages)
        print(json.dumps({"kind": "pdf", "pages": len(reader.pages), "parts": {}, "text": text}))
        return
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as z:
            bad = z.testzip()
            if bad is not None:
                print(json.dumps({"error": f"damaged member {bad}"}))
                return
            parts = {
                n: z.read(n).decode("utf-8", "replace") for n in z.namelist() if TEXT_PARTS.match(n)
            }
            text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", x)) for x in parts.values())
            print(json.dumps({"kind": "zip", "members": z.namelist(), "parts": parts, "text": text}))
        return
    with open(path, "rb") as f:
        data = f.read()
    print(json.dumps({"kind": "other", "parts": {}, "text": data.decode("utf-8", "replace")}))


if __name__ == "__main__":
    main(sys.argv[1])
