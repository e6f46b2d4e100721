import { describe, expect, it } from "vitest";
import { onePage } from "../__fixtures__/pdf/write-pdf";
import { readPdf } from "../read-pdf";
import type { TableBlock } from "../types";

/**
 * A narrow ruled table whose figures are wider than their columns, as a browser prints it: two
 * neighbouring figures drawn as one text item (`156126`) across the border between their cells.
 */
const FONT = "<< /Font << /F1 5 0 R >> >>";
const HELVETICA = {
  body: "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
};
const DIGIT = 5.56;

function page(borderX: number): Uint8Array {
  const xs = [50, 150, borderX, 250];
  const ys = [700, 680, 660];
  const borders: string[] = [];
  for (const y of ys) borders.push(`${xs[0]} ${y} m ${xs[3]} ${y} l S`);
  for (const x of xs) borders.push(`${x} ${ys[2]} m ${x} ${ys[0]} l S`);
  const text = (x: number, y: number, s: string) => `BT /F1 10 Tf ${x} ${y} Td (${s}) Tj ET`;
  // `156` ends and `126` begins exactly three digits after x = 190.
  const content = [
    ...borders,
    text(60, 686, "Label"),
    text(160, 686, "A"),
    text(210, 686, "B"),
    text(60, 666, "Row"),
    text(190, 666, "156126"),
    text(50, 760, "Annual report on government information disclosure"),
  ].join("\n");
  return onePage(content, FONT, [HELVETICA]);
}

async function valueRow(borderX: number): Promise<string[]> {
  const blocks = await readPdf(page(borderX));
  const table = blocks.find((b): b is TableBlock => b.type === "table");
  return table!.rows[1].map((c) => c.text);
}

describe("figures run over a cell border", { timeout: 15_000 }, () => {
  it("are left out, never read as one number nor cut by a guess", async () => {
    expect(await valueRow(190 + 3 * DIGIT)).toEqual(["Row", "", ""]);
    expect(await valueRow(190 + 2.5 * DIGIT)).toEqual(["Row", "", ""]);
  });

  it("stay whole when they fit their cell", async () => {
    expect(await valueRow(240)).toEqual(["Row", "156126", ""]);
  });
});
