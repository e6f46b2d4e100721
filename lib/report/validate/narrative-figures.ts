/**
 * Figures a narrative states that the tables (or the narrative itself) can contradict (X5).
 * Deliberately narrow: only phrasings whose meaning is unambiguous are read, so that a finding is
 * worth a person's attention.
 */
export type StatedFigure =
  /** `收到政府信息公开申请13件`: 一 alone, or 一 + 二. */
  | { kind: "received"; value: number; text: string }
  /** `依申请公开政府信息共有13条`: 一, 一 + 二, or the number handled (（七）总计). */
  | { kind: "requests"; value: number; text: string }
  /**
   * `共计127条。包含：…12条；…51条…` or `…12条、…15条，共计27条`: a total and its listed parts.
   * `complete` is false for a selection (`其中`), whose parts may add up to less than the total.
   */
  | { kind: "breakdown"; value: number; text: string; items: number[]; complete: boolean };

const GAP = "[^。；;，,！？!?\\d\\n]";
const RECEIVED = [
  new RegExp(`(?:收到|接到|接收|新收)${GAP}{0,24}?申请(?:共|共计|合计|总计)?\\s*(\\d+)\\s*件`, "g"),
  new RegExp(`(?:收到|接到|接收|新收)${GAP}{0,8}?(\\d+)\\s*件${GAP}{0,12}?申请`, "g"),
];
const REQUESTS = new RegExp(`依申请公开${GAP}{0,15}?共(?:有|计)?\\s*(\\d+)\\s*[条件]`, "g");
/** `共计127条`, `共发布信息1250条` (a verb may stand between 共 and the figure; 公共 is not 共). */
const TOTAL = new RegExp(
  `(?<![公中])(?:共计|共有|合计|共)(?:(?:主动)?(?:发布|公开|推送|更新|报送|办理|受理|制发|印发|收到|答复)${GAP}{0,10}?)?\\s*(\\d+)\\s*(条|件|个|项|篇)`,
  "g",
);
const LIST_MARKER =
  /^[^。；;，,\d\n]{0,6}?[。；;，,：:]?\s*(其中|包含|包括|分别为|分别是|分别|具体为|具体包括|具体是)[：:，,]?/;
const SENTENCE_END = /[。！？!?；;\n]/;

const ITEM: Record<string, RegExp> = Object.fromEntries(
  ["条", "件", "个", "项", "篇"].map((u) => [u, new RegExp(`(\\d+)\\s*${u}`, "g")]),
);

function itemsOf(text: string, unit: string): number[] {
  const items: number[] = [];
  for (const m of text.matchAll(ITEM[unit])) items.push(Number(m[1]));
  return items;
}

function lastSentenceStart(text: string, end: number): number {
  for (let i = end - 1; i >= 0; i--) if (SENTENCE_END.test(text[i])) return i + 1;
  return 0;
}

function breakdownAt(text: string, m: RegExpExecArray): StatedFigure | null {
  const value = Number(m[1]);
  const unit = m[2];
  const after = text.slice(m.index + m[0].length);
  const marker = LIST_MARKER.exec(after);
  if (marker) {
    const rest = after.slice(marker[0].length);
    const end = rest.search(/[。\n]/);
    const items = itemsOf(end < 0 ? rest : rest.slice(0, end), unit);
    if (items.length >= 2)
      return { kind: "breakdown", value, text: m[0], items, complete: marker[1] !== "其中" };
  }
  // `A条、B条，共计N条`: the parts come first, in the same sentence, right before the total.
  if (/[，,、]\s*$/.test(text.slice(Math.max(0, m.index - 2), m.index))) {
    const items = itemsOf(text.slice(lastSentenceStart(text, m.index), m.index), unit);
    if (items.length >= 2) return { kind: "breakdown", value, text: m[0], items, complete: true };
  }
  return null;
}

export function statedFigures(text: string): StatedFigure[] {
  const figures: StatedFigure[] = [];
  if (!text) return figures;
  const seen = new Set<number>();
  for (const re of RECEIVED) {
    for (const m of text.matchAll(re)) {
      if (seen.has(m.index)) continue;
      seen.add(m.index);
      figures.push({ kind: "received", value: Number(m[1]), text: m[0] });
    }
  }
  for (const m of text.matchAll(REQUESTS))
    figures.push({ kind: "requests", value: Number(m[1]), text: m[0] });
  for (const m of text.matchAll(TOTAL)) {
    const figure = breakdownAt(text, m);
    if (figure) figures.push(figure);
  }
  return figures;
}
