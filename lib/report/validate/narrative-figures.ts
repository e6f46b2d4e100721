/**
 * Figures a narrative states that the tables (or the narrative itself) can contradict (X5).
 * Deliberately narrow: only phrasings whose meaning is unambiguous are read, so that a finding is
 * worth a person's attention.
 */
export type StatedFigure =
  /** `收到政府信息公开申请13件`, `受理申请13件`: 一 alone, or 一 + 二. */
  | ({ kind: "received"; value: number; text: string } & FigurePlace)
  /** `依申请公开政府信息共有13条`: 一, 一 + 二, or the number handled (（七）总计). */
  | ({ kind: "requests"; value: number; text: string } & FigurePlace)
  /**
   * `共计127条。包含：…12条；…51条…` or `…12条、…15条，共计27条`: a total and its listed parts.
   * `complete` is false for a selection (`其中`) that does not end in a catch-all (`其他…`), whose
   * parts may add up to less than the total. `sentence` is the words from the sentence's start to the
   * end of the list, as a message quotes them.
   */
  | {
      kind: "breakdown";
      value: number;
      text: string;
      items: number[];
      complete: boolean;
      sentence: string;
    };

/** Where a figure's digits stand in the text, for a fix that rewrites them; `start` is the match's. */
export interface FigurePlace {
  at: number;
  numberText: string;
  start: number;
}

const GAP = "[^。；;，,！？!?\\d\\n]";
const RECEIVED = [
  new RegExp(
    `(?:收到|接到|接收|新收|受理)${GAP}{0,24}?申请(?:共|共计|合计|总计)?\\s*(\\d+)\\s*件`,
    "g",
  ),
  new RegExp(`(?:收到|接到|接收|新收|受理)${GAP}{0,8}?(\\d+)\\s*件${GAP}{0,12}?申请`, "g"),
];
/** Requests that are not for information (复议, 诉讼, 信访 …): a count of them is not 一's. */
const OTHER_REQUESTS = /复议|诉讼|信访|举报|投诉|依申请公开以外/;
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
/** A clause of a list that states a change, not a part: `较上年增加45条`, `同比下降12件`. */
const CHANGE = /较上年|比上年|较去年|比去年|同比|环比|增加|减少|增长|下降/;
/** A last part that takes in the rest (`其他信息200条`) makes a selection (其中) a complete list. */
const CATCH_ALL = /其他|其余|其它/;
const CLAUSE = /[，,、；;：:]/;
/** The longest sentence a message quotes whole. */
const QUOTED_MAX = 60;

/** The parts listed in `text`, and whether the last of them is a catch-all. */
function itemsOf(text: string, unit: string): { items: number[]; catchAll: boolean } {
  const items: number[] = [];
  let catchAll = false;
  for (const clause of text.split(CLAUSE)) {
    if (CHANGE.test(clause)) continue;
    for (const m of clause.matchAll(ITEM[unit])) {
      items.push(Number(m[1]));
      catchAll = CATCH_ALL.test(clause);
    }
  }
  return { items, catchAll };
}

function lastSentenceStart(text: string, end: number): number {
  for (let i = end - 1; i >= 0; i--) if (SENTENCE_END.test(text[i])) return i + 1;
  return 0;
}

function quoted(sentence: string): string {
  const chars = [...sentence.trim()];
  return chars.length <= QUOTED_MAX ? chars.join("") : `${chars.slice(0, QUOTED_MAX).join("")}…`;
}

function breakdownAt(text: string, m: RegExpExecArray): StatedFigure | null {
  const value = Number(m[1]);
  const unit = m[2];
  const totalEnd = m.index + m[0].length;
  const after = text.slice(totalEnd);
  const marker = LIST_MARKER.exec(after);
  if (marker) {
    const rest = after.slice(marker[0].length);
    const cut = rest.search(/[。\n]/);
    const list = cut < 0 ? rest : rest.slice(0, cut);
    const { items, catchAll } = itemsOf(list, unit);
    const listEnd = totalEnd + marker[0].length + list.length;
    if (items.length >= 2)
      return {
        kind: "breakdown",
        value,
        text: m[0],
        items,
        complete: marker[1] !== "其中" || catchAll,
        sentence: quoted(text.slice(lastSentenceStart(text, m.index), listEnd)),
      };
  }
  // `A条、B条，共计N条`: the parts come first, in the same sentence, right before the total.
  if (/[，,、]\s*$/.test(text.slice(Math.max(0, m.index - 2), m.index))) {
    const start = lastSentenceStart(text, m.index);
    const { items } = itemsOf(text.slice(start, m.index), unit);
    if (items.length >= 2)
      return {
        kind: "breakdown",
        value,
        text: m[0],
        items,
        complete: true,
        sentence: quoted(text.slice(start, totalEnd)),
      };
  }
  return null;
}

function placeOf(m: RegExpExecArray): FigurePlace {
  return { at: m.index + m[0].lastIndexOf(m[1]), numberText: m[1], start: m.index };
}

export function statedFigures(text: string): StatedFigure[] {
  const figures: StatedFigure[] = [];
  if (!text) return figures;
  const seen = new Set<number>();
  for (const re of RECEIVED) {
    for (const m of text.matchAll(re)) {
      if (seen.has(m.index) || OTHER_REQUESTS.test(m[0])) continue;
      seen.add(m.index);
      figures.push({ kind: "received", value: Number(m[1]), text: m[0], ...placeOf(m) });
    }
  }
  for (const m of text.matchAll(REQUESTS))
    figures.push({ kind: "requests", value: Number(m[1]), text: m[0], ...placeOf(m) });
  for (const m of text.matchAll(TOTAL)) {
    const figure = breakdownAt(text, m);
    if (figure) figures.push(figure);
  }
  return figures;
}
