import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { ImportRefusedError, importBytes } from "./import-bytes";
import { PDF_FIXTURE_DIR } from "./__fixtures__/pdf/manifest";
import { imagePdf, onePage, writePdf, type PdfObject } from "./__fixtures__/pdf/write-pdf";
import { readPdf, type ReadPdfOptions } from "./read-pdf";

/**
 * What the PDF reader refuses, and that it never crashes or hangs: every case ends in blocks or
 * an ImportRefusedError whose Chinese message says why (and what to provide instead).
 */
const fixture = (name: string) => new Uint8Array(readFileSync(join(PDF_FIXTURE_DIR, name)));

async function refusal(bytes: Uint8Array, limits?: ReadPdfOptions["limits"]): Promise<string> {
  try {
    await readPdf(bytes, { fileName: "报告.pdf", limits });
  } catch (error) {
    expect(error).toBeInstanceOf(ImportRefusedError);
    const message = (error as Error).message;
    expect(message.startsWith("报告.pdf：")).toBe(true);
    return message;
  }
  throw new Error("expected a refusal");
}

/** Read or refused cleanly: anything else (a TypeError, a RangeError) fails the test. */
async function readOrRefused(bytes: Uint8Array): Promise<"read" | "refused"> {
  try {
    await readPdf(bytes, { fileName: "x.pdf" });
    return "read";
  } catch (error) {
    if (error instanceof ImportRefusedError) return "refused";
    throw error;
  }
}

/** Seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function text(t: string): Uint8Array {
  return new TextEncoder().encode(t);
}

describe("PDFs the reader refuses, in Chinese", { timeout: 15_000 }, () => {
  it("a scan without a text layer", async () => {
    expect(await refusal(fixture("refused-scanned.pdf"))).toContain(
      "这是扫描件（没有文字层），无法读取表格数字；请提供 DOCX 或可复制文字的 PDF",
    );
    expect(await refusal(imagePdf(new Uint8Array(64 * 64).fill(200), 64, 64))).toContain("扫描件");
  });

  it("a PDF that needs a password (LibreOffice's encryption, and a hand-made standard security handler)", async () => {
    expect(await refusal(fixture("refused-encrypted.pdf"))).toContain(
      "PDF 已加密（需要密码才能打开）",
    );
    const id = "<0123456789abcdef0123456789abcdef>";
    const handMade = writePdf(
      [
        { body: "<< /Type /Catalog /Pages 2 0 R >>" },
        { body: "<< /Type /Pages /Kids [3 0 R] /Count 1 >>" },
        { body: "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>" },
        {
          body: `<< /Filter /Standard /V 1 /R 2 /P -4 /O <${"ab".repeat(32)}> /U <${"cd".repeat(32)}> >>`,
        },
      ],
      { trailer: `/Encrypt 4 0 R /ID [${id} ${id}] ` },
    );
    expect(await refusal(handMade)).toContain("已加密");
  });

  it("text without a character mapping (private-use glyphs) and text decoded into the wrong letters", async () => {
    const differences = Array.from(
      { length: 200 },
      (_, i) => `/uniE${(0x100 + i).toString(16).toUpperCase()}`,
    ).join(" ");
    const glyphs = Array.from(
      { length: 200 },
      (_, i) => `\\${(i + 1).toString(8).padStart(3, "0")}`,
    ).join("");
    const pua = onePage(
      `BT /F1 10 Tf 40 800 Td (${glyphs.slice(0, 400)}) Tj 0 -20 Td (${glyphs.slice(400)}) Tj ET`,
      "<< /Font << /F1 5 0 R >> >>",
      [
        {
          body: `<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding /Differences [1 ${differences}] >> >>`,
        },
      ],
    );
    expect(await refusal(pua)).toContain("PDF 中的文字无法解码");
    const latin = onePage(
      Array.from(
        { length: 12 },
        (_, i) =>
          `BT /F1 10 Tf 40 ${800 - i * 14} Td (\\304\\326\\334\\311\\322\\325\\310\\312 \\344\\366\\374\\351\\362\\365\\350\\352 \\304\\326\\334\\311\\322\\325\\310\\312) Tj ET`,
      ).join("\n"),
      "<< /Font << /F1 5 0 R >> >>",
      [
        {
          body: "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        },
      ],
    );
    expect(await refusal(latin)).toContain("无法解码");
  });

  it("states the size, page and time caps", async () => {
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(text("%PDF-1.7\n"));
    expect(await refusal(big)).toContain("超过 10 MB 的上限");

    const kids = Array.from({ length: 61 }, (_, i) => `${i + 3} 0 R`).join(" ");
    const pages: PdfObject[] = Array.from({ length: 61 }, () => ({
      body: "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    }));
    const sixtyOne = writePdf([
      { body: "<< /Type /Catalog /Pages 2 0 R >>" },
      { body: `<< /Type /Pages /Kids [${kids}] /Count 61 >>` },
      ...pages,
    ]);
    expect(await refusal(sixtyOne)).toContain("PDF 有 61 页，超过 60 页的上限");

    // A deadline already past: the time cap's refusal, without waiting for it.
    expect(await refusal(fixture("full-2021.pdf"), { maxMillis: -1 })).toContain(
      "读取 PDF 超过 0 秒仍未完成，已停止",
    );
  });

  it("a page count declared in the millions is refused, not walked", async () => {
    const huge = writePdf([
      { body: "<< /Type /Catalog /Pages 2 0 R >>" },
      { body: "<< /Type /Pages /Kids [3 0 R] /Count 100000000 >>" },
      { body: "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>" },
    ]);
    // pdf.js either believes the count (the page cap) or counts the one page it finds (no text on it).
    expect(await refusal(huge)).toMatch(/超过 60 页的上限|这是扫描件/);
  });

  it("not a PDF at all: random bytes, a PDF header over random bytes, an empty file", async () => {
    const next = random(7);
    const noise = Uint8Array.from({ length: 4096 }, () => Math.floor(next() * 256));
    expect(await refusal(noise)).toContain("不是有效的 PDF 文件");
    const headed = new Uint8Array(noise);
    headed.set(text("%PDF-1.4\n"));
    expect(await refusal(headed)).toContain("报告.pdf：");
    expect(await refusal(new Uint8Array(0))).toContain("不是有效的 PDF 文件");
  });

  it("through importBytes the refusal is the same ImportRefusedError (the route answers 400, the CLI prints it)", async () => {
    await expect(importBytes("扫描件.pdf", fixture("refused-scanned.pdf"))).rejects.toThrow(
      /^扫描件\.pdf：这是扫描件/,
    );
  });
});

describe("hostile PDFs are read or refused, never a crash or a hang", { timeout: 20_000 }, () => {
  it("a real report cut short at ten points", async () => {
    const whole = fixture("full-2021.pdf");
    for (const share of [0.02, 0.1, 0.25, 0.4, 0.5, 0.6, 0.75, 0.9, 0.97, 0.999]) {
      expect(["read", "refused"]).toContain(
        await readOrRefused(whole.subarray(0, Math.floor(whole.length * share))),
      );
    }
  });

  it("a real report with random bytes overwritten", async () => {
    const next = random(11);
    const whole = fixture("sample-hulan.pdf");
    for (let round = 0; round < 6; round++) {
      const damaged = new Uint8Array(whole);
      for (let k = 0; k < 40; k++)
        damaged[Math.floor(next() * damaged.length)] = Math.floor(next() * 256);
      expect(["read", "refused"]).toContain(await readOrRefused(damaged));
    }
  });

  it("a page tree that contains itself", async () => {
    const loop = writePdf([
      { body: "<< /Type /Catalog /Pages 2 0 R >>" },
      { body: "<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>" },
      { body: "<< /Type /Pages /Kids [2 0 R] /Count 1 /Parent 2 0 R >>" },
    ]);
    expect(await readOrRefused(loop)).toBe("refused");
  });

  it("objects nested a hundred thousand deep, and a cross-reference chain that points at itself", async () => {
    const deep = "[".repeat(100_000) + "]".repeat(100_000);
    const nested = onePage("BT ET", `<< /Deep ${deep} >>`);
    expect(["read", "refused"]).toContain(await readOrRefused(nested));
    const dict = "<< /A ".repeat(20_000) + "1" + " >>".repeat(20_000);
    expect(["read", "refused"]).toContain(await readOrRefused(onePage("BT ET", dict)));
    const selfPrev = writePdf([
      { body: "<< /Type /Catalog /Pages 2 0 R >>" },
      { body: "<< /Type /Pages /Kids [] /Count 0 >>" },
    ]);
    const xrefAt = new TextDecoder("latin1").decode(selfPrev).lastIndexOf("xref");
    const looped = text(
      new TextDecoder("latin1")
        .decode(selfPrev)
        .replace("/Root 1 0 R", `/Root 1 0 R /Prev ${xrefAt}`),
    );
    expect(["read", "refused"]).toContain(await readOrRefused(looped));
  });

  it("a content stream of a million operators and a path of a hundred thousand segments", async () => {
    const ops = "q Q ".repeat(250_000);
    expect(["read", "refused"]).toContain(
      await readOrRefused(onePage(`${ops} BT /F1 12 Tf 40 800 Td (x) Tj ET`)),
    );
    const path = Array.from({ length: 100_000 }, (_, i) => `${i % 500} ${i % 700} l`).join(" ");
    expect(["read", "refused"]).toContain(await readOrRefused(onePage(`0 0 m ${path} S`)));
  });
});

describe(
  "the reader in a worker thread (as the import worker pool runs it)",
  { timeout: 60_000 },
  () => {
    it("reads a PDF inside a worker_threads Worker", async () => {
      const worker = new Worker(new URL("./__fixtures__/pdf/read-in-worker.mjs", import.meta.url), {
        workerData: {
          tsconfig: join(process.cwd(), "tsconfig.json"),
          module: join(process.cwd(), "lib/import/read-pdf.ts"),
          pdf: join(process.cwd(), PDF_FIXTURE_DIR, "full-2021.pdf"),
        },
      });
      try {
        const message = await new Promise<{
          ok: boolean;
          blocks?: { type: string }[];
          message?: string;
        }>((resolve, reject) => {
          worker.once("message", resolve);
          worker.once("error", reject);
        });
        expect(message.message).toBeUndefined();
        expect(message.ok).toBe(true);
        expect(message.blocks!.filter((b) => b.type === "table").length).toBeGreaterThanOrEqual(6);
      } finally {
        await worker.terminate();
      }
    });
  },
);
