import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importText, readText, toTablesJson } from "@/lib/import";
import { SAMPLES_DIR } from "@/prisma/seed-data/samples-dir";
import { PDF_FIXTURE_DIR, PDF_FIXTURES } from "./__fixtures__/pdf/manifest";
import { layoutContents } from "./__fixtures__/layouts/contents";
import { ocrMarkdown } from "./__fixtures__/layouts/markdown";
import { runOnArticle } from "./__fixtures__/layouts/run-on";
import { webPageCopy } from "./__fixtures__/layouts/web-page-copy";
import { ImportRefusedError } from "./import-bytes";
import { looksAligned, readAlignedText } from "./read-aligned-text";
import { looksMarkdown } from "./read-markdown";
import { MAX_TEXT_LENGTH } from "./read-text";

const SAMPLE_FILES = [
  "2021-hulan-district.txt",
  "2022-xingan-district.txt",
  "2022-dengtalu-street-office.txt",
  "2022-youxie-street-office.txt",
  "2020-xinwei-street-office.txt",
];

describe("which reader reads a text", () => {
  it("column-aligned text (pdftotext -layout) goes to the aligned-text reader, and its tables are read", () => {
    for (const name of ["full-2021", "sample-hulan"]) {
      const fixture = PDF_FIXTURES.find((f) => f.name === name)!;
      const text = readFileSync(join(PDF_FIXTURE_DIR, `${name}.txt`), "utf8");
      expect(looksAligned(text)).toBe(true);
      expect(readText(text)).toEqual(readAlignedText(text));
      expect(toTablesJson(importText(text).content), name).toEqual(toTablesJson(fixture.content()));
    }
  });

  it("Markdown goes to the Markdown reader; tab layouts, web copies and run-on articles to the line reader", () => {
    const content = layoutContents()[0].content;
    expect(looksMarkdown(ocrMarkdown(content))).toBe(true);
    for (const text of [
      webPageCopy(content),
      runOnArticle(content),
      ...SAMPLE_FILES.map((f) => readFileSync(join(SAMPLES_DIR, f), "utf8")),
    ]) {
      expect(looksMarkdown(text)).toBe(false);
      expect(looksAligned(text)).toBe(false);
    }
  });

  it("text beyond 2 MB is refused with a message saying why", () => {
    const huge = "一、总体情况\n".repeat(Math.ceil(MAX_TEXT_LENGTH / 7) + 1);
    expect(huge.length).toBeGreaterThan(MAX_TEXT_LENGTH);
    expect(() => importText(huge)).toThrow(ImportRefusedError);
    expect(() => importText(huge)).toThrow(/文本过长.*2 MB/);
    expect(() => readText("\n".repeat(MAX_TEXT_LENGTH))).not.toThrow();
  });
});
