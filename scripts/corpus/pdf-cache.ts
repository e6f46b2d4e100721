import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";

/**
 * PDFs the corpus makes with LibreOffice and Chromium, kept between runs (a LibreOffice conversion
 * takes seconds; a run makes hundreds). The key is what goes into the converter and how it is
 * converted, so a changed export or variant makes a new PDF. NIANBAO_CORPUS_CACHE=off turns it off.
 */
const DIR = process.env.NIANBAO_CORPUS_CACHE ?? join(tmpdir(), "nianbao-corpus-cache");
const OFF = DIR === "off";

/** A DOCX's parts without docProps (its creation time differs on every export of the same report). */
async function docxKey(docx: Uint8Array): Promise<string> {
  const hash = createHash("sha256");
  const zip = await JSZip.loadAsync(docx);
  for (const name of Object.keys(zip.files).sort()) {
    if (name.startsWith("docProps/")) continue;
    const part = zip.file(name);
    if (!part) continue;
    hash.update(name).update(await part.async("uint8array"));
  }
  return hash.digest("hex");
}

export async function cachedPdf(
  how: string,
  input: Uint8Array | string,
  make: () => Promise<Uint8Array>,
): Promise<Uint8Array> {
  if (OFF) return make();
  const inputKey =
    typeof input === "string"
      ? createHash("sha256").update(input).digest("hex")
      : await docxKey(input);
  const key = createHash("sha256").update(how).update(inputKey).digest("hex").slice(0, 40);
  const path = join(DIR, `${key}.pdf`);
  if (existsSync(path)) return new Uint8Array(readFileSync(path));
  const pdf = await make();
  mkdirSync(DIR, { recursive: true });
  // Written aside and renamed, so a run stopped midway never leaves half a PDF to be read later.
  const partial = `${path}.${process.pid}.part`;
  writeFileSync(partial, pdf);
  renameSync(partial, path);
  return pdf;
}
