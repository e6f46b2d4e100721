import type { ReportContent } from "./content";

/**
 * The years a report's text states as its own period (X9): `统计期限…2022年1月1日至2022年12月31日`,
 * `2022年，我街…`, `2022年度`. Only these phrases speak about the report's own year; other years in the
 * text are citations (document numbers 〔2021〕, 国办函〔2020〕109号, `2019年修订`, dates of regulations)
 * and are never read, flagged or replaced.
 */

export interface StatedYear {
  year: number;
  /** `统计期限…`: the period of the figures, which can only be the report's year. */
  period: boolean;
  /** Where the four digits stand in the text. */
  index: number;
  /** The phrase around the year, for messages. */
  phrase: string;
}

const YEAR = "((?:19|20)\\d{2})";
/** `统计期限` and what follows it up to the end of the sentence (bounded: a sentence, not a paragraph). */
const PERIOD = /统计(?:期限|时限|时间|区间)[^。；;\n]{0,60}/g;
const YEAR_IN_PERIOD = new RegExp(`${YEAR}年`, "g");
/**
 * `2022年，我街…` / `2022年，本…` / `2022年以来，全区…`: a sentence opening on the year it reports —
 * but not `2019年，我国修订…` or `2008年，全国…`, which tell history.
 */
const OPENING = new RegExp(
  `(?<![\\d〔【\\[［(（])${YEAR}年(?:以来|度)?[，,]\\s*(?=我(?!国)|本|全(?!国))`,
  "g",
);
/** `2022年度` not inside a document number's brackets. */
const YEAR_OF = new RegExp(`(?<![\\d〔【\\[［])${YEAR}年度`, "g");

function phraseAround(text: string, start: number, end: number): string {
  return text.slice(start, end).trim();
}

/** Every year the text states as its reporting period, in order of appearance, each place once. */
export function statedYears(text: string): StatedYear[] {
  const found = new Map<number, StatedYear>();
  for (const period of text.matchAll(PERIOD)) {
    const phrase = phraseAround(text, period.index, period.index + period[0].length);
    for (const y of period[0].matchAll(YEAR_IN_PERIOD)) {
      const index = period.index + y.index;
      if (!found.has(index)) found.set(index, { year: Number(y[1]), period: true, index, phrase });
    }
  }
  for (const pattern of [OPENING, YEAR_OF]) {
    for (const m of text.matchAll(pattern)) {
      if (!found.has(m.index))
        found.set(m.index, {
          year: Number(m[1]),
          period: false,
          index: m.index,
          phrase: phraseAround(text, m.index, m.index + m[0].length + 2),
        });
    }
  }
  return [...found.values()].sort((a, b) => a.index - b.index);
}

/**
 * The text with the years it states as its period moved from one report year to another: `from` becomes
 * `to`, and the years around it (last year's, next year's plans) move with it. Citations keep their years.
 */
export function moveStatedYears(text: string, from: number, to: number): string {
  const shift = new Map([-1, 0, 1].map((d) => [from + d, to + d]));
  let out = "";
  let last = 0;
  for (const stated of statedYears(text)) {
    const target = shift.get(stated.year);
    if (target === undefined) continue;
    out += text.slice(last, stated.index) + String(target);
    last = stated.index + 4;
  }
  return out + text.slice(last);
}

/** The report's preface and narratives with their stated years moved (see moveStatedYears). */
export function moveContentYears(content: ReportContent, from: number, to: number): ReportContent {
  if (from === to) return content;
  return {
    ...content,
    preface: moveStatedYears(content.preface ?? "", from, to),
    narratives: Object.fromEntries(
      Object.entries(content.narratives ?? {}).map(([key, text]) => [
        key,
        moveStatedYears(text ?? "", from, to),
      ]),
    ) as ReportContent["narratives"],
  };
}

/**
 * Years the text states that do not fit a report on `year`: a 统计期限 on any other year; elsewhere a year
 * other than the report's, the one before (comparisons, last year's problems) and the one after (section
 * 五's plans: `2023年，我区将…`).
 */
export function foreignStatedYears(text: string, year: number): StatedYear[] {
  return statedYears(text).filter((s) =>
    s.period ? s.year !== year : Math.abs(s.year - year) > 1,
  );
}
