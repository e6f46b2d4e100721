import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { zipEntryProgress } from "./zip-entry-progress";

const NAMES = [
  "哈尔滨市平房区友协街道办事处2024年政府信息公开工作年度报告.docx",
  "哈尔滨市平房区新伟街道办事处2024年政府信息公开工作年度报告.docx",
  "哈尔滨市平房区发展和改革局2024年政府信息公开工作年度报告.docx",
];

/** A ZIP laid out as the server streams it: stored entries, each holding a DOCX-like ZIP of its own. */
async function streamedZip(): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [i, name] of NAMES.entries()) {
    const inner = new JSZip();
    inner.file("word/document.xml", `<w:document>${"报告".repeat(2000 + i)}</w:document>`);
    zip.file(name, await inner.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
  }
  return zip.generateAsync({ type: "uint8array", streamFiles: true, compression: "STORE" });
}

/** Where each entry's header ends in the ZIP: the byte after its name. */
function nameEnds(bytes: Uint8Array): number[] {
  const text = Buffer.from(bytes);
  return NAMES.map((n) => text.indexOf(Buffer.from(n)) + Buffer.byteLength(n));
}

describe("zipEntryProgress", () => {
  it("counts an entry as begun once its name has arrived, whatever the chunk size", async () => {
    const bytes = await streamedZip();
    const ends = nameEnds(bytes);
    for (const size of [1, 7, 100, 4096, bytes.length]) {
      const progress = zipEntryProgress(NAMES);
      for (let at = 0; at < bytes.length; at += size) {
        const upTo = Math.min(at + size, bytes.length);
        const begun = progress.push(bytes.subarray(at, upTo));
        expect(begun).toBe(ends.filter((end) => end <= upTo).length);
      }
    }
  });

  it("counts nothing in bytes that hold none of the names, and stops at the last name", () => {
    const progress = zipEntryProgress(NAMES);
    expect(progress.push(new TextEncoder().encode("PK\u0003\u0004 word/document.xml"))).toBe(0);
    const all = new TextEncoder().encode(NAMES.join("|") + NAMES.join("|"));
    expect(progress.push(all)).toBe(3);
  });

  it("takes the names in the order given: a later name seen first does not count", () => {
    const progress = zipEntryProgress(NAMES);
    expect(progress.push(new TextEncoder().encode(NAMES[1]))).toBe(0);
    expect(progress.push(new TextEncoder().encode(NAMES[0] + NAMES[1]))).toBe(2);
  });
});
