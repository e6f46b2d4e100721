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
}

const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3040-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;
const SPACE = /[\s\u3000\u00a0]/;

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
  for (const item of items) {
    if (!item.str || !Array.isArray(item.transform) || item.transform.length !== 6) continue;
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
    const merged: Word[] = [];
    let prev: PlacedWord | null = null;
    for (const w of ordered) {
      const last = merged[merged.length - 1];
      const touch = prev !== null && w.x0 - prev.x1 <= Math.max(prev.size, w.size) * 0.15;
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
