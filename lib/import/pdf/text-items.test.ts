import { describe, expect, it } from "vitest";
import { IDENTITY } from "./rules";
import { linesOfWords, wordsOfItems, type TextItemLike } from "./text-items";

/**
 * Text items as pdf.js gives them for a letter-spaced line (a template's letter-spacing, 分散对齐):
 * every Chinese character an item of its own, a gap of 0.3 em after each, and the digits of a year
 * in one item that pdf.js wrote with a space between every two (`2 0 2 2`).
 */
const SIZE = 16;

function item(str: string, x: number, width: number, y = 100, size = SIZE): TextItemLike {
  return { str, transform: [size, 0, 0, size, x, y], width, height: size };
}

/** Characters one by one from x, each `advance` wide plus `gap`; returns the items and where they end. */
function spacedRun(
  chars: string,
  x: number,
  advance: number,
  gap: number,
): [TextItemLike[], number] {
  const items: TextItemLike[] = [];
  let at = x;
  for (const ch of chars) {
    items.push(item(ch, at, advance));
    at += advance + gap;
  }
  return [items, at];
}

const lineTexts = (items: TextItemLike[]) =>
  linesOfWords(wordsOfItems(items, IDENTITY), 0).map((l) => l.words.map((w) => w.text));

describe("letter-spaced text", () => {
  it("reads a letter-spaced line as one run, with the year's digits as one number", () => {
    const gap = SIZE * 0.3;
    const [head, afterHead] = spacedRun("鹤岗市兴安区", 100, SIZE, gap);
    // `2 0 2 2`: four digits of 0.55 em, each followed by the same gap.
    const digits = item("2 0 2 2", afterHead, 4 * SIZE * 0.55 + 3 * gap);
    const [tail] = spacedRun("年度报告", afterHead + digits.width + gap, SIZE, gap);
    expect(lineTexts([...head, digits, ...tail])).toEqual([["鹤岗市兴安区2022年度报告"]]);
  });

  it("keeps apart single figures a table row sets in columns, when its label is not letter-spaced", () => {
    // `1.属于国家秘密` drawn as one item, then one-digit figures in columns 2 em apart.
    const items = [item("1.属于国家秘密", 100, 7 * SIZE)];
    for (let k = 0; k < 4; k++) items.push(item(String(k), 260 + k * 2 * SIZE, SIZE * 0.55));
    expect(lineTexts(items)).toEqual([["1.属于国家秘密", "0", "1", "2", "3"]]);
  });

  it("does not join single figures a space apart when nothing on the line is letter-spaced", () => {
    // One item `0 0 0` (figures typed a space apart) beside an ordinary label.
    const items = [
      item("其他", 100, 2 * SIZE),
      item("0 0 0", 200, 3 * SIZE * 0.55 + 2 * SIZE * 0.3),
    ];
    expect(lineTexts(items)[0]).toEqual(["其他", "0", "0", "0"]);
  });

  it("needs an even pitch: one wide gap between Chinese characters is not a spacing", () => {
    const items = [
      item("第", 100, SIZE),
      item("二", 100 + SIZE + 6, SIZE),
      item("十", 100 + 2 * SIZE + 6, SIZE),
      item("条", 100 + 3 * SIZE + 6, SIZE),
      item("12", 100 + 4 * SIZE + 6 + 7, SIZE * 1.1),
    ];
    // Only the first gap is wider than touching: no spacing, so `12` stays a word of its own.
    expect(lineTexts(items)[0]).toEqual(["第", "二十条", "12"]);
  });
});

describe("wordsOfItems: radicals named for whole characters", () => {
  it("reads 人⺠政府 drawn with the radical's code point as 人民政府, where it stands", () => {
    const words = wordsOfItems([item("哈尔滨市人⺠政府", 72, 8 * SIZE)], IDENTITY);
    expect(words).toEqual([expect.objectContaining({ text: "哈尔滨市人民政府", x0: 72 })]);
  });
});
