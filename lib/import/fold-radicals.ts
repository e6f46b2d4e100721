import type { DocBlock } from "./types";

/**
 * Radicals that stand for whole characters in a simplified-Chinese text. A CJK font draws 民 and the
 * radical ⺠ with one glyph, and PDFs made by browsers and some Office versions name that glyph by the
 * radical's code point, so text extracted from them reads "人⺠政府" and "⻔户⽹站". Unicode lists each
 * radical's equivalent ideograph (EquivalentUnifiedIdeograph.txt); NFKC folds only the Kangxi radicals,
 * and some to traditional forms (⼾ to 戶), so the simplified ones are listed here.
 */
const SUPPLEMENT: Record<string, string> = {
  "⺁": "厂",
  "⺊": "卜",
  "⺌": "小",
  "⺎": "兀",
  "⺒": "巳",
  "⺓": "幺",
  "⺟": "母",
  "⺠": "民",
  "⺩": "王",
  "⺬": "示",
  "⺯": "糸",
  "⺰": "纟",
  "⺼": "月",
  "⻁": "虎",
  "⻄": "西",
  "⻅": "见",
  "⻆": "角",
  "⻈": "讠",
  "⻉": "贝",
  "⻋": "车",
  "⻐": "钅",
  "⻑": "長",
  "⻓": "长",
  "⻔": "门",
  "⻗": "雨",
  "⻘": "青",
  "⻙": "韦",
  "⻚": "页",
  "⻛": "风",
  "⻜": "飞",
  "⻝": "食",
  "⻠": "饣",
  "⻢": "马",
  "⻣": "骨",
  "⻤": "鬼",
  "⻥": "鱼",
  "⻦": "鸟",
  "⻧": "卤",
  "⻨": "麦",
  "⻩": "黄",
  "⻪": "黾",
  "⻬": "齐",
  "⻮": "齿",
  "⻰": "龙",
  "⻳": "龟",
};

/** Kangxi radicals whose NFKC form is not the character a simplified-Chinese text means. */
const KANGXI_SIMPLIFIED: Record<string, string> = { "⼾": "户", "⾭": "青" };

const RADICAL = /[\u2E80-\u2EFF\u2F00-\u2FDF]/g;

/** The text with every radical that stands for a character replaced by it (one for one: positions keep). */
export function foldRadicals(text: string): string {
  RADICAL.lastIndex = 0;
  if (!RADICAL.test(text)) return text;
  return text.replace(
    RADICAL,
    (ch) => SUPPLEMENT[ch] ?? KANGXI_SIMPLIFIED[ch] ?? (ch >= "\u2F00" ? ch.normalize("NFKC") : ch),
  );
}

/** The blocks with their paragraphs' and cells' text folded (the same objects when nothing changes). */
export function foldRadicalsInBlocks(blocks: DocBlock[]): DocBlock[] {
  return blocks.map((block) => {
    if (block.type === "paragraph") {
      const text = foldRadicals(block.text);
      return text === block.text ? block : { ...block, text };
    }
    let changed = false;
    const rows = block.rows.map((row) =>
      row.map((cell) => {
        const text = foldRadicals(cell.text);
        if (text === cell.text) return cell;
        changed = true;
        return { ...cell, text };
      }),
    );
    return changed ? { ...block, rows } : block;
  });
}
