// ONLYOFFICE's own engine for the Document Server stand-in: `x2t` (the converter the Document
// Server's converter service runs) and `docbuilder` (the Document Builder, which applies edits
// to real files), both from the `document-builder` wheel on PyPI that `cargo xtask bootstrap`
// installs into target/engine/venv. Nothing falls back to templates: without the engine the
// stand-in does not start.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const VENV = join(here, '..', '..', 'target', 'engine', 'venv');
const TIMEOUT_MS = 120_000;

/** Where the engine is: `ONLYOFFICE_ENGINE` (the folder holding x2t), else the bootstrap's venv. */
function locate() {
  const fromEnv = process.env.ONLYOFFICE_ENGINE;
  const python = join(VENV, 'bin', 'python');
  if (fromEnv) return { lib: fromEnv, python: process.env.ONLYOFFICE_PYTHON ?? python };
  const libDir = join(VENV, 'lib');
  const versions = existsSync(libDir) ? readdirSync(libDir).filter((d) => d.startsWith('python')) : [];
  for (const v of versions) {
    const lib = join(libDir, v, 'site-packages', 'docbuilder', 'lib');
    if (existsSync(join(lib, 'x2t'))) return { lib, python };
  }
  return null;
}

const found = locate();

/** Throws the one message a developer needs when the engine is not installed. */
export function installed() {
  // The font tables Document Builder writes on its first run (the bootstrap runs it once):
  // without them x2t cannot lay out a PDF.
  const fonts = found && join(found.lib, 'sdkjs', 'common', 'AllFonts.js');
  if (!found || !existsSync(join(found.lib, 'x2t')) || !existsSync(join(found.lib, 'docbuilder')) || !existsSync(fonts)) {
    throw new Error(
      "ONLYOFFICE's engine (x2t and docbuilder from PyPI's document-builder) is not installed: run `cargo xtask bootstrap`, " +
        'which installs it into target/engine/venv, or set ONLYOFFICE_ENGINE to the folder holding x2t.',
    );
  }
  return found;
}

function run(program, args, { cwd } = {}) {
  const { lib } = installed();
  return new Promise((resolve) => {
    execFile(join(lib, program), args, { cwd, env: { ...process.env, LD_LIBRARY_PATH: lib }, timeout: TIMEOUT_MS, maxBuffer: 4 << 20 }, (err, stdout, stderr) => {
      resolve({ code: err ? (err.killed ? 'timeout' : err.code ?? 1) : 0, stdout, stderr });
    });
  });
}

const xmlText = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

async function withDir(work) {
  const dir = mkdtempSync(join(tmpdir(), 'confluo-ds-'));
  try {
    return await work(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** x2t's exit codes as the Document Server's conversion errors (ONLYOFFICE's own mapping). */
function conversionError(code) {
  if (code === 'timeout') return -2;
  // 90 AVS_FILEUTILS_ERROR_CONVERT_PASSWORD, 91 …_CONVERT_DRM
  if (code === 90 || code === 91) return -5;
  return -3;
}

/**
 * Converts `data` (a `from` file) to `to` with x2t, by extension as the Document Server does.
 * `{data}` or `{error}` with the Document Server's code (-3 unreadable, -5 password).
 */
export async function convert(data, from, to, { password, form = false } = {}) {
  return withDir(async (dir) => {
    const input = join(dir, `in.${from}`);
    writeFileSync(input, data);
    // A PDF form is made from a form template (DOCXF), as the Document Server does for pdf.form.
    let source = input;
    if (form && to === 'pdf' && from !== 'docxf' && from !== 'oform') {
      const step = await x2t(dir, input, join(dir, 'form.docxf'), password);
      if (step !== 0) return { error: conversionError(step) };
      source = join(dir, 'form.docxf');
    }
    const output = join(dir, `out.${to}`);
    const code = await x2t(dir, source, output, source === input ? password : undefined);
    if (code !== 0 || !existsSync(output)) return { error: conversionError(code) };
    return { data: readFileSync(output) };
  });
}

async function x2t(dir, from, to, password, formatTo) {
  const params = join(dir, `params-${Math.random().toString(36).slice(2)}.xml`);
  const secret = password ? `<m_sPassword>${xmlText(password)}</m_sPassword>` : '';
  const format = formatTo ? `<m_nFormatTo>${formatTo}</m_nFormatTo>` : '';
  writeFileSync(params, `<?xml version="1.0" encoding="utf-8"?><TaskQueueDataConvert><m_sFileFrom>${xmlText(from)}</m_sFileFrom><m_sFileTo>${xmlText(to)}</m_sFileTo>${format}${secret}</TaskQueueDataConvert>`);
  return (await run('x2t', [params], { cwd: dir })).code;
}

// The editors' own formats (AVS_OFFICESTUDIO_FILE_CANVAS_WORD, _SPREADSHEET, _PRESENTATION):
// what the Document Server converts a file into when it is opened.
const CANVAS = { word: 8193, cell: 8194, slide: 8195 };

/** Whether the Document Server could open `data` as a `fileType` file (its own first step: x2t). */
export async function opens(data, fileType) {
  const canvas = CANVAS[FAMILY[fileType]];
  if (!canvas) return true;
  return withDir(async (dir) => {
    const input = join(dir, `in.${fileType}`);
    writeFileSync(input, data);
    return (await x2t(dir, input, join(dir, 'Editor.bin'), undefined, canvas)) === 0;
  });
}

const FAMILY = {
  docx: 'word', docxf: 'word', oform: 'word', odt: 'word', ott: 'word', doc: 'word', dot: 'word', rtf: 'word', txt: 'word', md: 'word', html: 'word', htm: 'word', epub: 'word', fb2: 'word', fodt: 'word', mht: 'word', mhtml: 'word',
  xlsx: 'cell', ods: 'cell', ots: 'cell', xls: 'cell', xlt: 'cell', csv: 'cell', tsv: 'cell', fods: 'cell',
  pptx: 'slide', odp: 'slide', otp: 'slide', ppt: 'slide', pps: 'slide', pot: 'slide', fodp: 'slide',
  pdf: 'pdf', xps: 'pdf', oxps: 'pdf', djvu: 'pdf',
};
export const familyOf = (fileType) => FAMILY[fileType];

/** Each family's OOXML format: what a file is saved or made as when its own format cannot be. */
const OOXML = { word: 'docx', cell: 'xlsx', slide: 'pptx' };
const ooxmlOf = (fileType) => OOXML[FAMILY[fileType]] ?? 'docx';

// What docbuilder can write back in the file's own format (assemblyFormatAsOrigin, the Document
// Server's default since 7.0); anything else is saved as its family's OOXML format.
const SAVES_AS = new Set(['docx', 'docxf', 'odt', 'rtf', 'txt', 'xlsx', 'ods', 'csv', 'pptx', 'odp']);

/**
 * The typed edits in Document Builder: a paragraph, a row of cells (a tab between cells), a text
 * box on the first slide.
 */
function editScript(family, edits) {
  const texts = JSON.stringify(edits.map((e) => e.text));
  switch (family) {
    case 'word':
      return `var d = Api.GetDocument();
for (var t of ${texts}) { var p = Api.CreateParagraph(); p.AddText(t); d.Push(p); }`;
    case 'cell':
      return `var s = Api.GetActiveSheet();
var r = 1; while (s.GetRange("A" + r).GetValue() !== "" && r < 100000) r++;
for (var t of ${texts}) { var cols = t.split("\t"); for (var j = 0; j < cols.length; j++) s.GetRangeByNumber(r - 1, j).SetValue(cols[j]); r++; }`;
    case 'slide':
      return `var pr = Api.GetPresentation(); var sl = pr.GetSlideByIndex(0);
if (!sl) { sl = Api.CreateSlide(); pr.AddSlide(sl); }
var y = 20;
for (var t of ${texts}) {
  var sh = Api.CreateShape("rect", 200 * 36000, 20 * 36000, Api.CreateNoFill(), Api.CreateStroke(0, Api.CreateNoFill()));
  sh.SetPosition(20 * 36000, y * 36000); y += 22;
  var c = sh.GetDocContent(); c.RemoveAllElements(); var p = Api.CreateParagraph(); p.AddText(t); c.Push(p);
  sl.AddObject(sh);
}`;
    default:
      return null;
  }
}

/**
 * `data` with `edits` ({text}) applied by docbuilder, as the file the Document Server assembles:
 * `{data, fileType}` (the type it was saved as). A PDF keeps its bytes: Document Builder does
 * not edit PDFs, so its edits are recorded as a PDF comment.
 */
export async function applyEdits(data, fileType, edits) {
  const family = FAMILY[fileType];
  const script = editScript(family, edits);
  if (!script) {
    const note = edits.map((e) => `% edited in the ONLYOFFICE stand-in: ${e.text.replace(/[\r\n]/g, ' ')}\n`).join('');
    return { data: Buffer.concat([data, Buffer.from(note, 'latin1')]), fileType };
  }
  const target = SAVES_AS.has(fileType) ? fileType : ooxmlOf(fileType);
  return withDir(async (dir) => {
    const input = join(dir, `in.${fileType}`);
    const output = join(dir, `out.${target}`);
    writeFileSync(input, data);
    writeFileSync(join(dir, 'edit.docbuilder'), `builder.OpenFile(${JSON.stringify(input)}, "");
${script}
builder.SaveFile(${JSON.stringify(target)}, ${JSON.stringify(output)});
builder.CloseFile();
`);
    const { code, stderr } = await run('docbuilder', [join(dir, 'edit.docbuilder')], { cwd: dir });
    if (code !== 0 || !existsSync(output)) throw new Error(`docbuilder could not edit the ${fileType} file (${code}): ${stderr.slice(0, 200)}`);
    return { data: readFileSync(output), fileType: target };
  });
}

/**
 * A new `fileType` document holding `text`, made by Document Builder (test fixtures); with
 * `count` above 1, that many paragraphs, cells or text boxes, each `text` with its number; a
 * list of texts gives one each.
 */
export async function make(fileType, text, count = 1) {
  const base = ooxmlOf(fileType);
  const blank = readFileSync(join(here, '..', '..', 'office', 'templates', `blank.${base}`));
  const texts = Array.isArray(text) ? text.map(String) : count === 1 ? [text] : Array.from({ length: count }, (_, i) => `${i + 1}. ${text}`);
  const edits = texts.map((t) => ({ text: t }));
  const { data } = await applyEdits(blank, base, edits);
  if (fileType === base) return data;
  const converted = await convert(data, base, fileType);
  if (converted.error) throw new Error(`x2t cannot write ${fileType} (${converted.error})`);
  return converted.data;
}

/**
 * What a test reads of a file: for OOXML and ODF the XML parts that hold text, for a PDF its
 * page text (pypdf), and `valid` when the engine reads it as its type.
 */
export async function inspect(data, fileType) {
  const { python } = installed();
  return withDir(async (dir) => {
    const input = join(dir, `in.${fileType}`);
    writeFileSync(input, data);
    const out = await new Promise((resolve) => {
      execFile(python, [join(here, 'read_document.py'), input], { timeout: TIMEOUT_MS, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
        resolve(err ? { error: `${err.message} ${stderr}` } : JSON.parse(stdout));
      });
    });
    return { ...out, valid: !out.error && (await opens(data, fileType)) };
  });
}

/**
 * The changes archive of a save: a zip holding `changes.json`, one entry per typed edit (who,
 * when, what), as the Document Server's archive lists each author's changes.
 */
export async function changesArchive(edits) {
  const { python } = installed();
  return withDir(async (dir) => {
    const list = join(dir, 'changes.json');
    const zip = join(dir, 'changes.zip');
    writeFileSync(list, JSON.stringify(edits.map((e) => ({ created: e.created, user: { id: e.user, name: e.name }, change: e.text }))));
    const script = 'import sys, zipfile\nwith zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z: z.write(sys.argv[2], "changes.json")';
    await new Promise((resolve, reject) => {
      execFile(python, ['-c', script, zip, list], { timeout: TIMEOUT_MS }, (err) => (err ? reject(err) : resolve()));
    });
    return readFileSync(zip);
  });
}
