import { foldRadicals } from "../fold-radicals";
import type { Line, Word } from "../layout/types";
import type { Matrix } from "./rules";

/** What the reader needs of a pdf.js text item. */
export interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

/** A word placed on the page (top-down coordinates), with the size of its font. */
export interface PlacedWord extends Word {
  /** Baseline. */
  y: number;
  size: number;
  /**
   * Set on the characters of one text item that pdf.js wrote with a space between every two
   * (`2 0 2 2`: a gap it saw after each glyph): letter-spaced text, or single figures set a space
   * apart. Which of the two, only the rest of the line can tell (linesOfWords).
   */
  spacedItem?: number;
}

const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3040-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;
const SPACE = /[\s\u3000\u00a0]/;
/** Single characters, each a space apart: `2 0 2 2`, `坚 持 以`. */
const SPACED_CHARS = /^[^\s\u3000\u00a0](?: [^\s\u3000\u00a0])+$/u;

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/**
 * Text items as words in page coordinates. An item holding spaces (`2022 年`, a row typed with
 * spaces) is cut at them, each piece placed in proportion to its characters (a CJK character is
 * as wide as two Latin ones), so a piece lands in the cell it is drawn in. Rotated text is left out.
 */
export function wordsOfItems(items: TextItemLike[], toPage: Matrix): PlacedWord[] {
  const words: PlacedWord[] = [];
  let spacedItems = 0;
  for (const raw of items) {
    if (!raw.str || !Array.isArray(raw.transform) || raw.transform.length !== 6) continue;
    // Before any label is compared: "人⺠政府" is 人民政府 drawn with a radical's code point.
    const str = foldRadicals(raw.str);
    const item = str === raw.str ? raw : { ...raw, str };
    const [a, b, , , e, f] = item.transform;
    const [x, y] = apply(toPage, e, f);
    const [dx, dy] = apply(toPage, e + a, f + b).map((v, i) => v - (i === 0 ? x : y));
    const size = Math.hypot(dx, dy);
    if (!(size > 0) || Math.abs(dy) > size * 0.05 || dx < 0 || !Number.isFinite(x + y)) continue;
    const scale = Math.hypot(toPage[0], toPage[1]) || 1;
    const width = Math.max(0, item.width) * scale;
    if (!SPACE.test(item.str)) {
      // Most items (a CJK run, a number) have no space: one word, no per-character work.
      words.push({ text: item.str, x0: x, x1: x + width, y, size });
      continue;
    }
    if (item.str.trim() === "") continue;
    if (SPACED_CHARS.test(item.str)) {
      // One character every pitch: each piece placed at its own pitch, not by its share of the width.
      const pieces = item.str.split(" ");
      const pitch = width / pieces.length;
      const id = ++spacedItems;
      pieces.forEach((text, k) => {
        // The last piece ends where the item does: the gap after it is the real one.
        const x1 = k === pieces.length - 1 ? x + width : x + (k + 0.5) * pitch;
        words.push({ text, x0: x + k * pitch, x1, y, size, spacedItem: id });
      });
      continue;
    }
    const chars = [...item.str];
    const weights = chars.map((ch) => (WIDE.test(ch) ? 1 : 0.5));
    const total = weights.reduce((s, w) => s + w, 0) || 1;
    let before = 0;
    let piece = "";
    let pieceStart = 0;
    const flush = (end: number) => {
      if (piece !== "") {
        words.push({
          text: piece,
          x0: x + (width * pieceStart) / total,
          x1: x + (width * end) / total,
          y,
          size,
        });
      }
      piece = "";
    };
    chars.forEach((ch, i) => {
      if (SPACE.test(ch)) {
        flush(before);
      } else {
        if (piece === "") pieceStart = before;
        piece += ch;
      }
      before += weights[i];
    });
    flush(before);
  }
  return words;
}

/**
 * Words into lines: words whose baselines are within a third of their size share a line; on a line,
 * words that touch (CJK drawn one character per item, a number split into pieces) become one word.
 */
export function linesOfWords(words: PlacedWord[], page: number): Line[] {
  const sorted = [...words].sort((p, q) => p.y - q.y || p.x0 - q.x0);
  const groups: PlacedWord[][] = [];
  for (const w of sorted) {
    const last = groups[groups.length - 1];
    if (last && Math.abs(last[0].y - w.y) <= Math.max(last[0].size, w.size) * 0.35) last.push(w);
    else groups.push([w]);
  }
  return groups.map((group) => {
    const ordered = group.sort((p, q) => p.x0 - q.x0);
    const tracking = trackingOf(ordered);
    const merged: Word[] = [];
    let prev: PlacedWord | null = null;
    for (const w of ordered) {
      const last = merged[merged.length - 1];
      const gap = prev === null ? Infinity : w.x0 - prev.x1;
      const touch =
        prev !== null &&
        (gap <= Math.max(prev.size, w.size) * 0.15 ||
          (tracking !== null &&
            (gap <= tracking * 1.25 + 0.5 ||
              (w.spacedItem !== undefined && w.spacedItem === prev.spacedItem))));
      if (last && touch) {
        last.text += w.text;
        last.x1 = Math.max(last.x1, w.x1);
      } else {
        merged.push({ x0: w.x0, x1: w.x1, text: w.text });
      }
      prev = w;
    }
    const size = group.reduce((m, w) => Math.max(m, w.size), 0);
    const y = group[0].y;
    return { words: merged, top: y - size * 0.85, bottom: y + size * 0.2, page };
  });
}

const HAN_CHAR = /^\p{Script=Han}$/u;

/**
 * The gap a letter-spaced line (a template's letter-spacing, 分散对齐) leaves between every two
 * characters, or null when the line is not letter-spaced. Such a line is drawn one glyph at a time
 * with the same gap after each, wider than the touch allowance: its digits (`2 0 2 2`) would read as
 * four figures. The gap is taken only from Chinese characters standing one by one at an even pitch,
 * never from figures, so the gaps between the columns of a table row are never mistaken for it.
 */
function trackingOf(words: PlacedWord[]): number | null {
  const gaps: number[] = [];
  for (let i = 1; i < words.length; i++) {
    const a = words[i - 1];
    const b = words[i];
    if (!HAN_CHAR.test(a.text) || !HAN_CHAR.test(b.text)) continue;
    const gap = b.x0 - a.x1;
    if (gap > Math.max(a.size, b.size) * 0.15 && gap <= Math.max(a.size, b.size) * 0.6)
      gaps.push(gap);
  }
  // Three gaps at least, nearly all alike: one wide gap between two characters is not a spacing.
  if (gaps.length < 3) return null;
  const sorted = [...gaps].sort((x, y) => x - y);
  const median = sorted[sorted.length >> 1];
  const alike = gaps.filter((g) => Math.abs(g - median) <= Math.max(0.5, median * 0.15)).length;
  return alike >= gaps.length * 0.8 ? median : null;
}
