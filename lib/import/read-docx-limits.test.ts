import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { inflatingDocx } from "./__fixtures__/inflating-docx";
import { DOCX_LIMITS, DocxReadError, readDocx } from "./read-docx";

// Building the 256 MB archive and inflating 20 MB of it take seconds on a busy machine.
describe("readDocx caps what a DOCX may unpack to", { timeout: 60_000 }, () => {
  it("a document.xml that inflates to 256 MB is refused at the 20 MB cap, naming it", async () => {
    const bomb = await inflatingDocx(256 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const refused = await readDocx(bomb).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DocxReadError);
    expect((refused as Error).message).toBe("DOCX文件的正文解压后超过 20 MB 上限，无法读取");
    expect((refused as DocxReadError).status).toBe(400);
  });

  it("a document.xml under the cap is read", async () => {
    const blocks = await readDocx(await inflatingDocx(64 * 1024));
    expect(blocks.length).toBeGreaterThan(100);
    expect(blocks[0]).toEqual({ type: "paragraph", text: "依申请公开政府信息情况" });
  });

  it(`a body under the size cap with more than ${DOCX_LIMITS.maxElements} elements is refused before it is parsed`, async () => {
    // About 19 MB of short paragraphs: legal by size, but some 300,000 paragraphs of three elements each.
    const refused = await readDocx(await inflatingDocx(19 * 1024 * 1024)).catch(
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(DocxReadError);
    expect((refused as Error).message).toBe(
      "DOCX文件的正文元素过多（超过 30 万个），不像是一份年度报告，无法读取",
    );
  });

  it("a body just under the element cap is read", async () => {
    // About 80,000 paragraphs of three elements each: 240,000 elements, the size of a very long report.
    const blocks = await readDocx(await inflatingDocx(5 * 1024 * 1024));
    expect(blocks.length).toBeGreaterThan(75_000);
  });

  it(`more than ${DOCX_LIMITS.maxEntries} entries is refused before the archive is read`, async () => {
    const zip = new JSZip();
    for (let i = 0; i <= DOCX_LIMITS.maxEntries; i++) zip.file(`word/media/${i}.txt`, "");
    zip.file("word/document.xml", "<w:document/>");
    const bytes = await zip.generateAsync({ type: "uint8array" });
    // JSZip adds the folders as entries too: 2,001 files, word/ and word/media/.
    await expect(readDocx(bytes)).rejects.toThrow(
      `DOCX文件中的条目过多（${DOCX_LIMITS.maxEntries + 4} 个，上限 ${DOCX_LIMITS.maxEntries} 个），不像是 Word 文档`,
    );
  });

  it("a damaged deflate stream is refused as damaged", async () => {
    const bytes = await inflatingDocx(64 * 1024);
    // Overwrite the middle of the compressed body with noise.
    const damaged = bytes.slice();
    for (let i = 400; i < 600; i++) damaged[i] = (i * 131) & 0xff;
    await expect(readDocx(damaged)).rejects.toBeInstanceOf(DocxReadError);
  });
});
