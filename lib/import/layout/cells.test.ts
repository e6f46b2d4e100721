import { describe, expect, it } from "vitest";
import { cellsOf } from "./cells";
import type { LayoutScale, Line, Word } from "./types";

/**
 * A row of a table set without rules in a PDF, its figure columns narrower than the body text's
 * cell gap (four-digit figures in seven columns): the figures are words apart, and stay cells apart.
 */
const PDF: LayoutScale = { em: 16, cellGap: 14.4, blockGap: 19.2, exactPositions: true };

function line(words: [string, number, number][]): Line {
  return {
    words: words.map(([text, x0, x1]): Word => ({ text, x0, x1 })),
    top: 90,
    bottom: 104,
    page: 0,
  };
}

describe("cells of a line with exact positions", () => {
  it("keeps two figures apart however narrow the gap between their columns", () => {
    const row = line([
      ["一、本年新收政府信息公开申请数量", 80, 300],
      ["2429", 320, 347],
      ["2472", 356, 383],
      ["2766", 392, 419],
    ]);
    expect(cellsOf(row, PDF).map((c) => c.text)).toEqual([
      "一、本年新收政府信息公开申请数量",
      "2429",
      "2472",
      "2766",
    ]);
  });

  it("leaves a number drawn in touching pieces, and prose with a year in it, as they are", () => {
    const pieces = line([
      ["12", 320, 331],
      ["450", 331.5, 348],
    ]);
    expect(cellsOf(pieces, PDF).map((c) => c.text)).toEqual(["12450"]);
    const prose = line([
      ["2022", 80, 107],
      ["年，我区收到申请", 110, 238],
    ]);
    expect(cellsOf(prose, PDF).map((c) => c.text)).toEqual(["2022年，我区收到申请"]);
  });

  it("leaves text laid out on a character grid to its own rules", () => {
    const text: LayoutScale = { em: 2, cellGap: 2, blockGap: 1, exactPositions: false };
    const row = line([
      ["行政许可", 0, 8],
      ["12", 10, 12],
    ]);
    expect(cellsOf(row, text).map((c) => c.text)).toEqual(["行政许可", "12"]);
  });
});
