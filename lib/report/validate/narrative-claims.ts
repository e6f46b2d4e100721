import { COUNT_PATTERN, parseCount } from "../chinese-number";

/**
 * What a narrative's figure claims to be, in the words of 三, 四 and 二's tables (X5). Only phrasings
 * whose meaning is unambiguous are read.
 */
export type ClaimKey =
  | "handled" // 办结/答复/办理 … N件: （七）总计 (or 一, 一 + 二); 继续办理 is 四 (carried to next year)
  | "disclosed" // 予以公开 N件: （一）
  | "partly" // 部分公开 N件: （二）
  | "disclosedOrPartly" // 予以公开及部分公开 N件: （一） + （二）
  | "withheld" // 不予公开 N件: （三）
  | "unavailable" // 无法提供 N件: （四）
  | "notProcessed" // 不予处理 N件: （五）
  | "review" // 行政复议 N件/起: 四 行政复议 总计
  | "litigation" // 行政诉讼 N件/起: 四 行政诉讼 总计 (or either kind alone)
  | "rulesIssued"
  | "rulesRepealed"
  | "rulesEffective"
  | "normativeIssued"
  | "normativeRepealed"
  | "normativeEffective";

export type TableClaim =
  | {
      kind: "count";
      key: ClaimKey;
      value: number;
      text: string;
      /** Where the figure's digits (or numerals) stand in the text, for a fix that rewrites them. */
      at: number;
      numberText: string;
      share?: StatedShare;
    }
  /** `均获维持`: every 行政复议/行政诉讼 case upheld. */
  | { kind: "allUpheld"; text: string };

/** `，占4.0%` right after a figure: its share, as printed (the digits after the point say how it was rounded). */
export interface StatedShare {
  text: string;
  percent: number;
  decimals: number;
  /** Where the percentage's digits stand in the text. */
  at: number;
  numberText: string;
}
const SHARE = /^\s*[，,（(]?\s*(?:约)?占[^。；;，,\d\n]{0,10}?(\d+(?:\.(\d+))?)\s*[%％]/;

const GAP = "[^。；;，,！？!?\\d\\n]";
const N = `(${COUNT_PATTERN})`;
const DOC = "(规章|(?:行政)?规范性文件)";
const DOC_VERBS: [string, "Issued" | "Repealed" | "Effective"][] = [
  ["(?:制发|印发|制定|出台|发布)", "Issued"],
  ["(?:废止|清理废止)", "Repealed"],
  ["现行有效(?:的)?", "Effective"],
];

interface Pattern {
  /** Words one of which the text must hold for the pattern to be tried: most narratives hold few of them. */
  anchors: string[];
  re: RegExp;
  key: ClaimKey | ((m: RegExpExecArray) => ClaimKey);
}

function docKey(doc: string, suffix: string): ClaimKey {
  return `${doc === "规章" ? "rules" : "normative"}${suffix}` as ClaimKey;
}

const PATTERNS: Pattern[] = [
  {
    anchors: ["办结", "答复", "办理"],
    re: new RegExp(`(?:办结|答复|(?<!继续|正在|仍在)办理)${GAP}{0,14}?${N}\\s*件$`),
    key: "handled",
  },
  {
    anchors: ["部分公开"],
    re: new RegExp(`(?:予以)?公开(?:及|和|与|、)部分公开${GAP}{0,6}?${N}\\s*件$`),
    key: "disclosedOrPartly",
  },
  {
    anchors: ["予以公开"],
    re: new RegExp(`予以公开(?![及和与、]部分)${GAP}{0,6}?${N}\\s*件$`),
    key: "disclosed",
  },
  {
    anchors: ["部分公开"],
    re: new RegExp(`(?<![及和与、])部分公开${GAP}{0,6}?${N}\\s*件$`),
    key: "partly",
  },
  { anchors: ["不予公开"], re: new RegExp(`不予公开${GAP}{0,6}?${N}\\s*件$`), key: "withheld" },
  {
    anchors: ["无法提供"],
    re: new RegExp(`无法提供${GAP}{0,6}?${N}\\s*件$`),
    key: "unavailable",
  },
  {
    anchors: ["不予处理"],
    re: new RegExp(`不予处理${GAP}{0,6}?${N}\\s*件$`),
    key: "notProcessed",
  },
  // 复议后起诉 counts lawsuits, not 行政复议.
  {
    anchors: ["复议"],
    re: new RegExp(`复议(?!后)${GAP}{0,10}?${N}\\s*[件起]$`),
    key: "review",
  },
  {
    anchors: ["诉讼"],
    re: new RegExp(`(?<!提起)诉讼${GAP}{0,10}?${N}\\s*[件起]$`),
    key: "litigation",
  },
  ...DOC_VERBS.flatMap(([verb, suffix]): Pattern[] => [
    {
      anchors: ["规章", "规范性文件"],
      re: new RegExp(`${verb}${GAP}{0,4}?${DOC}${GAP}{0,4}?${N}\\s*件$`),
      key: (m) => docKey(m[1], suffix),
    },
    {
      anchors: ["规章", "规范性文件"],
      re: new RegExp(`${DOC}${GAP}{0,4}?${verb}${GAP}{0,2}?${N}\\s*件$`),
      key: (m) => docKey(m[1], suffix),
    },
  ]),
];
const ALL_UPHELD = /(?:均|全部|都)(?:获|被|予以|得到)?(?:法院|复议机关)?维持/g;

/** A figure about another year (上年, 同比, 2021年 in a 2022 report) or another body is not this report's table. */
const OTHER_YEAR = /上年(?!度?结转)|上一年|去年|前年|同比|较上年|(?<!\d)(\d{4})年/g;
const OTHER_UNIT = /全区各|各街道|各乡镇|各部门|各单位|下属单位|全市/;
const SENTENCE_END = /[。！？!?；;\n]/;

/** The words of the sentence that ends at `end` (or is cut there). */
export function sentenceBefore(text: string, end: number): string {
  let i = end - 1;
  while (i >= 0 && !SENTENCE_END.test(text[i])) i--;
  return text.slice(i + 1, end);
}

/** True when the sentence up to the figure speaks of another year or another body. */
export function aboutSomethingElse(text: string, year: number | undefined): boolean {
  if (OTHER_UNIT.test(text)) return true;
  for (const m of text.matchAll(OTHER_YEAR)) {
    if (!m[1]) return true;
    if (year !== undefined && Number(m[1]) !== year) return true;
  }
  return false;
}

/**
 * Every `N件` / `N起` in the text, in one pass: the phrasings above are then tried only on the clause
 * that ends at each figure (a GAP never crosses a clause mark or a digit, so no match can start
 * earlier), instead of scanning a long narrative once per phrasing.
 */
const FIGURE = new RegExp(`(${COUNT_PATTERN})\\s*[件起]`, "g");
/** Clause marks (and digits), none of which a phrasing's gap may cross. */
const CLAUSE_MARK = /[。；;，,！？!?\d\n]/;
/** Longest phrasing before its figure: a verb, a gap of 14, a document kind and the numerals. */
const WINDOW = 48;

function clauseStart(text: string, figureStart: number): number {
  const limit = Math.max(0, figureStart - WINDOW);
  let i = figureStart - 1;
  while (i >= limit && !CLAUSE_MARK.test(text[i])) i--;
  return i + 1;
}

/** Figures the narrative states about 三's results, 四's cases and 二's 规章/规范性文件. */
export function tableClaims(text: string, year?: number): TableClaim[] {
  const claims: TableClaim[] = [];
  if (!text) return claims;
  const patterns = PATTERNS.filter(({ anchors }) => anchors.some((a) => text.includes(a)));
  if (patterns.length) {
    for (const figure of text.matchAll(FIGURE)) {
      const end = figure.index + figure[0].length;
      const clause = text.slice(clauseStart(text, figure.index), end);
      for (const { re, key } of patterns) {
        const m = re.exec(clause);
        if (!m) continue;
        const numberText = m[m.length - 1];
        const value = parseCount(numberText);
        if (value === null) break;
        if (aboutSomethingElse(sentenceBefore(text, end), year)) break;
        const at = end - (m[0].length - m[0].lastIndexOf(numberText));
        const share = SHARE.exec(text.slice(end, end + 24));
        claims.push({
          kind: "count",
          key: typeof key === "function" ? key(m) : key,
          value,
          text: m[0],
          at,
          numberText,
          ...(share && {
            share: {
              text: share[0].replace(/^\s*[，,（(]\s*/, ""),
              percent: Number(share[1]),
              decimals: share[2]?.length ?? 0,
              at: end + share[0].indexOf(share[1], share[0].indexOf("占")),
              numberText: share[1],
            },
          }),
        });
        break;
      }
    }
  }
  if (!text.includes("维持")) return claims;
  for (const m of text.matchAll(ALL_UPHELD)) {
    const sentence = sentenceBefore(text, m.index + m[0].length);
    if (!/复议|诉讼/.test(sentence) || aboutSomethingElse(sentence, year)) continue;
    claims.push({ kind: "allUpheld", text: m[0] });
  }
  return claims;
}
