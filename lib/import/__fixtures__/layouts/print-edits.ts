import JSZip from "jszip";
import type { PrintEdit } from "./generated-reports";

/**
 * The printed text with each edit made at every occurrence. An edit whose text is not printed is a
 * mistake in the corpus (the case would test nothing), so it throws, naming the file.
 */
export function applyEdits(text: string, edits: readonly PrintEdit[], where: string): string {
  let out = text;
  for (const edit of edits) {
    if (!out.includes(edit.from)) throw new Error(`${where}: “${edit.from}” is not printed`);
    out = out.split(edit.from).join(edit.to);
  }
  return out;
}

/** The DOCX with the edits made in its body text (our exporter writes each cell and heading as one run). */
export async function editDocx(docx: Uint8Array, edits: readonly PrintEdit[]): Promise<Uint8Array> {
  if (edits.length === 0) return docx;
  const zip = await JSZip.loadAsync(docx);
  const part = zip.file("word/document.xml");
  if (!part) throw new Error("word/document.xml missing");
  zip.file("word/document.xml", applyEdits(await part.async("string"), edits, "document.xml"));
  return zip.generateAsync({ type: "uint8array" });
}
