import { describe, expect, it } from "vitest";
import { onePage } from "./__fixtures__/pdf/write-pdf";
import { readPdf } from "./read-pdf";
import type { TableBlock } from "./types";

/**
 * The grid from drawn borders, on a page written by hand the way Word draws a table: every border a
 * thin filled rectangle, one border doubled, a merged cell (a border left out), a number drawn as
 * one item per digit, and a page number under the table.
 */
const FONT = "<< /Font << /F1 5 0 R >> >>";
const HELVETICA = {
  body: "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
};

function text(x: number, y: number, s: string): string {
  return `BT /F1 10 Tf ${x} ${y} Td (${s}) Tj ET`;
}

describe("a table drawn with filled rectangles", { timeout: 15_000 }, () => {
  it("gives rows, columns and spans; a doubled border is one border; digits drawn apart are one number", async () => {
    const xs = [50, 200, 300, 400];
    const ys = [700, 680, 660, 640];
    const borders: string[] = [];
    // Horizontal borders across the table.
    for (const y of ys) borders.push(`${xs[0]} ${y - 0.25} ${xs[3] - xs[0]} 0.5 re f`);
    // Vertical borders; between the first two columns only below the first row (a merged heading).
    borders.push(`${xs[0] - 0.25} ${ys[3]} 0.5 ${ys[0] - ys[3]} re f`);
    borders.push(`${xs[1] - 0.25} ${ys[3]} 0.5 ${ys[1] - ys[3]} re f`);
    borders.push(`${xs[1] + 1.75} ${ys[3]} 0.5 ${ys[1] - ys[3]} re f`); // the second line of a double border
    borders.push(`${xs[2] - 0.25} ${ys[3]} 0.5 ${ys[0] - ys[3]} re f`);
    borders.push(`${xs[3] - 0.25} ${ys[3]} 0.5 ${ys[0] - ys[3]} re f`);
    const content = [
      "0 0 0 rg",
      ...borders,
      text(60, 686, "Heading spanning two"),
      text(310, 686, "Total"),
      text(60, 666, "Some label"),
      text(240, 666, "1"),
      text(245.56, 666, "2"),
      text(340, 666, "7"),
      text(60, 646, "Other label"),
      text(340, 646, "30"),
      text(290, 60, "- 3 -"),
      // Enough words for a text layer (the reader refuses pages with almost no text).
      text(50, 760, "Annual report on government information disclosure"),
    ].join("\n");
    const blocks = await readPdf(onePage(content, FONT, [HELVETICA]));
    const tables = blocks.filter((b): b is TableBlock => b.type === "table");
    expect(tables).toHaveLength(1);
    const rows = tables[0].rows.map((r) => r.map((c) => [c.text, c.colSpan, c.rowSpan]));
    expect(rows).toEqual([
      [
        ["Heading spanning two", 2, 1],
        ["Total", 1, 1],
      ],
      [
        ["Some label", 1, 1],
        ["12", 1, 1],
        ["7", 1, 1],
      ],
      [
        ["Other label", 1, 1],
        ["", 1, 1],
        ["30", 1, 1],
      ],
    ]);
    expect(tables[0].positional).toBe(true);
    // The page number is dropped; the title stays a paragraph.
    const paragraphs = blocks
      .filter((b) => b.type === "paragraph")
      .map((b) => (b.type === "paragraph" ? b.text : ""));
    expect(paragraphs).toEqual(["Annual report on government information disclosure"]);
  });
});
