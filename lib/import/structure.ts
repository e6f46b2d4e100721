import { SECTION_KEYS } from "@/lib/report/content";
import { getFormat } from "@/lib/report/formats";
import type { Finding } from "@/lib/report/rules";
import type { FormatId, SectionKey, SectionSpec } from "@/lib/report/spec-types";
import { finding, officialHeading, sectionName } from "./findings";
import { labelIndex } from "./label-index";
import {
  chineseYearValue,
  labelKey,
  lcsLength,
  noSpace,
  ordinalValue,
  squash,
  stripArtifacts,
} from "./text-utils";
import type { DocBlock } from "./types";

/**
 * The parts of the document around the tables: title, preface, the six section headings and their
 * narrative text, and the closing block (issuing organ and 成文日期).
 */
export interface DocumentStructure {
  /** Title lines as printed (e.g. `呼兰区2021年`, `政府信息公开工作年度报告`). */
  title: string[];
  preface: string;
  narratives: Record<SectionKey, string>;
  /** The heading found for each section, as printed. */
  headings: Partial<Record<SectionKey, string>>;
  closing: { organ: string | null; date: string | null };
  /** S3 for headings that differ from the official ones. */
  findings: Finding[];
}

interface HeadingMatch {
  section: SectionSpec;
  text: string;
  /** How many paragraphs the heading takes (a heading broken over two lines takes two). */
  span: number;
  score: number;
  /** Text after the heading on the same line (`一、总体情况。2022年，…`): the section's first paragraph. */
  rest?: string;
}

/** The section titles are the same in both formats; the 2021 spec supplies them. */
function sectionSpecs(formatId: FormatId): SectionSpec[] {
  return getFormat(formatId).sections;
}

/**
 * A heading's number: level-1 (`一、` `一.` `1、` `第一部分`) or bracketed (`（一）` `(一)`), which is
 * how 一's sub-headings are numbered, so a bracketed number counts for less.
 */
const NUMBERING =
  /^(?:第?([一二三四五六七八九十]{1,3})(?:部分)?\s*[、.．,，:：]?|(\d{1,2})\s*[、.．,，:：]|(\d{1,2})(?=\s)|[（(]\s*([一二三四五六七八九十]{1,3})\s*[)）])\s*/;
const MAX_HEADING = 48;
/** The longest heading that shares its line with the section's first sentence. */
const MAX_INLINE_HEADING = 30;

interface Numbered {
  number: number | null;
  bracketed: boolean;
  rest: string;
}

function numbering(t: string): Numbered {
  const m = NUMBERING.exec(t);
  if (!m) return { number: null, bracketed: false, rest: t };
  return {
    number: ordinalValue(m[1] ?? m[2] ?? m[3] ?? m[4]),
    bracketed: m[4] !== undefined,
    rest: t.slice(m[0].length),
  };
}

/**
 * A section heading: an optional number and words close to one of the six official titles, or
 * (with the section's own number) sharing its core: `五、存在的主要问题及整改措施`. A wrong number
 * is refused: `三、总体情况` is not 一.
 */
export function matchHeading(
  text: string,
  sections: SectionSpec[],
  after: number,
): HeadingMatch | null {
  let best: HeadingMatch | null = null;
  for (const m of headingMatches(text, sections, after))
    if (!best || m.score > best.score) best = m;
  return best;
}

/** Every section (after `after`) the text could be the heading of. */
function headingMatches(text: string, sections: SectionSpec[], after: number): HeadingMatch[] {
  const t = squash(stripArtifacts(text));
  if (t === "" || t.length > MAX_HEADING || /。./.test(t)) return [];
  const { number, bracketed, rest } = numbering(t);
  // 关于…的情况 and a closing full stop or colon are wording, not title.
  const restKey = labelKey(rest.replace(/^关于/, "").replace(/[。：:]$/, ""));
  if (restKey.length < 2) return [];
  const out: HeadingMatch[] = [];
  sections.forEach((section, i) => {
    if (i <= after) return;
    if (number !== null && number !== i + 1) return;
    const titleKey = labelKey(section.title);
    const common = lcsLength(restKey, titleKey);
    const cover = common / titleKey.length;
    const precision = common / restKey.length;
    let bonus: number;
    if (number !== null && !bracketed) {
      // Its own number: the title may be reworded as long as most of it is there (3 of 总体情况's 4).
      if (cover < 0.5 || precision < 0.45 || common < Math.min(4, titleKey.length - 1)) return;
      bonus = 1;
    } else {
      if (cover < 0.8 || precision < 0.55) return;
      bonus = number !== null ? 0.5 : 0;
    }
    out.push({ section, text: t, span: 1, score: bonus + cover + precision });
  });
  return out;
}

/**
 * A heading followed on the same line by the section's text (`一、总体情况。2022年，我街道…`): only
 * with a level-1 number and the title nearly word for word, so a numbered sentence is not taken.
 */
function matchInlineHeading(text: string, sections: SectionSpec[]): HeadingMatch | null {
  const t = squash(stripArtifacts(text));
  const cut = /[。：:]/.exec(t);
  if (!cut || cut.index > MAX_INLINE_HEADING) return null;
  const head = t.slice(0, cut.index);
  const rest = t.slice(cut.index + 1).trim();
  const { number, bracketed, rest: words } = numbering(head);
  if (number === null || bracketed || rest === "") return null;
  const m = matchHeading(head, sections, -1);
  if (!m) return null;
  const titleKey = labelKey(m.section.title);
  const restKey = labelKey(words);
  const common = lcsLength(restKey, titleKey);
  if (common / titleKey.length < 0.8 || common / restKey.length < 0.7) return null;
  return { ...m, rest };
}

/** Every paragraph that could be a section heading, with the sections it could head. */
function headingCandidates(
  texts: string[],
  sections: SectionSpec[],
): { index: number; match: HeadingMatch }[] {
  const out: { index: number; match: HeadingMatch }[] = [];
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i];
    if (text === "") continue;
    const bySection = new Map<SectionSpec, HeadingMatch>();
    for (const m of headingMatches(text, sections, -1)) bySection.set(m.section, m);
    if (bySection.size === 0) {
      const inline = matchInlineHeading(text, sections);
      if (inline) bySection.set(inline.section, inline);
    }
    // A heading broken over two lines (`…提起行政诉讼` / `情况`): prefer the joined reading when it fits better.
    const next = texts[i + 1];
    if (
      next &&
      next.length <= 8 &&
      !/[。，；：,;:]/.test(next) &&
      !matchHeading(next, sections, -1)
    ) {
      for (const joined of headingMatches(text + next, sections, -1)) {
        const single = bySection.get(joined.section);
        if (!single || joined.score > single.score)
          bySection.set(joined.section, { ...joined, span: 2 });
      }
    }
    for (const match of bySection.values()) out.push({ index: i, match });
  }
  return out;
}

/**
 * The headings, in order: the increasing run of (paragraph, section) pairs with the highest total
 * score. A sub-heading of 一 that resembles a later title loses to the real heading further on.
 */
function chooseHeadings(
  candidates: { index: number; match: HeadingMatch }[],
): { index: number; match: HeadingMatch }[] {
  // Sweep in paragraph order; bestBefore[s] is the best chain ending in section s on a paragraph already passed.
  // Linear in the candidates, so a document repeating a heading thousands of times costs little.
  const sectionOf = (c: { match: HeadingMatch }) => "一二三四五六".indexOf(c.match.section.ordinal);
  const total: number[] = new Array(candidates.length).fill(0);
  const from: number[] = new Array(candidates.length).fill(-1);
  const bestBefore: { score: number; id: number }[] = Array.from({ length: 6 }, () => ({
    score: 0,
    id: -1,
  }));
  const waiting: number[] = [];
  for (let j = 0; j < candidates.length; j++) {
    const c = candidates[j];
    // Chains whose last heading ends before this paragraph may now be extended.
    for (let w = waiting.length - 1; w >= 0; w--) {
      const id = waiting[w];
      const done = candidates[id];
      if (done.index + done.match.span - 1 >= c.index) continue;
      const s = sectionOf(done);
      if (total[id] > bestBefore[s].score) bestBefore[s] = { score: total[id], id };
      waiting.splice(w, 1);
    }
    let prior = { score: 0, id: -1 };
    for (let s = 0; s < sectionOf(c); s++)
      if (bestBefore[s].score > prior.score) prior = bestBefore[s];
    total[j] = prior.score + c.match.score;
    from[j] = prior.id;
    waiting.push(j);
  }
  let end = -1;
  for (let j = 0; j < candidates.length; j++) if (end < 0 || total[j] > total[end]) end = j;
  const chosen: { index: number; match: HeadingMatch }[] = [];
  for (let j = end; j >= 0; j = from[j]) chosen.unshift(candidates[j]);
  return chosen;
}

/** `tableRows`: paragraphs the table matcher read as table rows (a row printed as a line of text). */
export function readStructure(
  blocks: DocBlock[],
  formatId: FormatId,
  tableRows: ReadonlySet<number> = new Set(),
): DocumentStructure {
  const sections = sectionSpecs(formatId);
  const findings: Finding[] = [];
  const headings: Partial<Record<SectionKey, string>> = {};
  const bodies: Record<SectionKey, string[]> = { s1: [], s2: [], s3: [], s4: [], s5: [], s6: [] };
  const before: string[] = [];
  const texts = blocks.map((b, i) =>
    b.type === "paragraph" && !tableRows.has(i) ? cleanParagraph(b.text) : "",
  );
  const chosen = new Map(
    chooseHeadings(headingCandidates(texts, sections)).map((c) => [c.index, c.match]),
  );
  let lastParagraphs: string[] = before;

  for (let i = 0; i < blocks.length; i++) {
    const text = texts[i];
    if (text === "") continue;
    const heading = chosen.get(i);
    if (heading) {
      // An inline heading's text is the heading alone; its rest is the section's first paragraph.
      const printedHeading = heading.text;
      headings[heading.section.key] = printedHeading;
      const official = officialHeading(heading.section);
      if (labelKey(printedHeading) !== labelKey(official)) {
        findings.push(
          finding("S3", headingMessage(heading.section, printedHeading), [
            `narrative.${heading.section.key}`,
          ]),
        );
      }
      lastParagraphs = bodies[heading.section.key];
      if (heading.rest) lastParagraphs.push(heading.rest);
      i += heading.span - 1;
      continue;
    }
    lastParagraphs.push(text);
  }

  const { title, preface } = splitTitle(before);
  const closing = takeClosing(lastParagraphs);
  const skip = tableLabelKeys(formatId);
  const narratives = Object.fromEntries(
    SECTION_KEYS.map((key) => {
      const section = sections.find((s) => s.key === key)!;
      const paragraphs = bodies[key].filter((p) => !skip.has(labelKey(p)) && !isPageNumber(p));
      const { paragraphs: normalised, changes } = normaliseSubheadings(paragraphs);
      if (changes.length > 0) {
        findings.push(
          finding("S3", `${sectionName(section)}中的小标题序号已规范：${changes.join("；")}`, [
            `narrative.${key}`,
          ]),
        );
      }
      return [key, joinParagraphs(normalised)];
    }),
  ) as Record<SectionKey, string>;
  return { title, preface: joinParagraphs(preface), narratives, headings, closing, findings };
}

const SUBHEADING_NUMBER = /^[(（]\s*([一二三四五六七八九十]{1,3})\s*[)）][\s\u3000]*/;
const MAX_LISTED_CHANGES = 5;

/**
 * Sub-headings typed with half-width brackets or spaces (`(一) 主动公开方面。`, `（二)依法…`) take
 * the official form `（一）`; what changed is listed for the S3 warning.
 */
export function normaliseSubheadings(paragraphs: string[]): {
  paragraphs: string[];
  changes: string[];
} {
  const changes: string[] = [];
  let count = 0;
  const out = paragraphs.map((p) => {
    const m = SUBHEADING_NUMBER.exec(p);
    if (!m) return p;
    const canonical = `（${m[1]}）`;
    if (m[0] === canonical) return p;
    const fixed = canonical + p.slice(m[0].length);
    count++;
    if (changes.length < MAX_LISTED_CHANGES) {
      const what = [
        /[()]/.test(m[0]) ? "半角括号改为全角" : "",
        /[\s\u3000]/.test(m[0]) ? "删去空格" : "",
      ]
        .filter(Boolean)
        .join("、");
      changes.push(`“${excerpt(p)}”改为“${excerpt(fixed)}”（${what}）`);
    }
    return fixed;
  });
  if (count > changes.length) changes.push(`等共${count}处`);
  return { paragraphs: out, changes };
}

function excerpt(text: string): string {
  return text.length > 16 ? `${text.slice(0, 16)}…` : text;
}

function headingMessage(section: SectionSpec, printedText: string): string {
  const official = officialHeading(section);
  const m = NUMBERING.exec(printedText);
  const notes: string[] = [];
  if (!m) notes.push(`缺少序号“${section.ordinal}、”`);
  else if (!m[1]) notes.push(`序号应为“${section.ordinal}、”`);
  const rest = m ? printedText.slice(m[0].length) : printedText;
  if (labelKey(rest) !== labelKey(section.title)) notes.push("文字与规定不同");
  return `第${section.ordinal}部分的标题“${printedText}”与规定的“${official}”不一致${notes.length ? `（${notes.join("，")}）` : ""}`;
}

function cleanParagraph(text: string): string {
  return stripArtifacts(text).replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, "");
}

/** Captions and notes of the tables printed as paragraphs belong to the tables, not the narrative. */
function tableLabelKeys(formatId: FormatId): Set<string> {
  const kinds = new Set(["caption", "note", "columnsHeader", "rowHeader"]);
  return new Set(
    labelIndex(formatId)
      .entries.filter((e) => kinds.has(e.kind))
      .map((e) => e.key),
  );
}

const PAGE_NUMBER = /^[-—–－\s]*\d{1,3}[-—–－\s]*$/;

function isPageNumber(text: string): boolean {
  return PAGE_NUMBER.test(text);
}

/**
 * The title is the first short lines up to the one naming the report (`…政府信息公开工作年度报告`);
 * whatever precedes it on a web page (navigation) is dropped; what follows up to 一 is the preface.
 */
function splitTitle(paragraphs: string[]): { title: string[]; preface: string[] } {
  const limit = Math.min(paragraphs.length, 8);
  for (let i = 0; i < limit; i++) {
    const p = paragraphs[i];
    if (p.length <= 60 && /报告/.test(p) && !/。/.test(p)) {
      const start =
        i > 0 &&
        paragraphs[i - 1].length <= 30 &&
        !/[。，；：,;:]/.test(paragraphs[i - 1]) &&
        !/报告/.test(paragraphs[i - 1])
          ? i - 1
          : i;
      return { title: paragraphs.slice(start, i + 1), preface: paragraphs.slice(i + 1) };
    }
  }
  if (paragraphs.length > 0 && paragraphs[0].length <= 40 && !/[。，]/.test(paragraphs[0])) {
    return { title: [paragraphs[0]], preface: paragraphs.slice(1) };
  }
  return { title: [], preface: paragraphs };
}

const CN_NUM = "[〇零○Ｏ一二三四五六七八九十]";
const DATE_PATTERN = `(\\d{4}|${CN_NUM}{4})年(\\d{1,2}|${CN_NUM}{1,3})月(\\d{1,2}|${CN_NUM}{1,3})日`;
const DATE = new RegExp(`^${DATE_PATTERN}$`);
/** An organ and its date on one line: `哈尔滨市平房区新伟街道办事处 2021年1月19日`. */
const ORGAN_AND_DATE = new RegExp(`^(.+?)${DATE_PATTERN}$`);
const ORGAN_SUFFIX =
  /(?:人民政府|政府|办事处|办公室|委员会|管委会|局|委|厅|院|中心|所|站|队|处|署|街道|镇|乡|区|县|市)$/;
/** An organ standing alone at the very end, with no date under it: only unmistakable organ endings. */
const STRONG_ORGAN_SUFFIX = /(?:人民政府|办事处|办公室|委员会|管委会|局|中心)$/;
/** Lines printed around the closing block that are not the report's text. */
const CLOSING_NOISE = [
  /^[（(]?(?:盖章|印章|公章|签章|此件公开发布|此件主动公开|此页无正文|主动公开)[)）]?$/,
  /^第\d+页(?:[，,]?共\d+页)?$/,
  /^(?:【?打印(?:本页)?】?|【?关闭(?:窗口)?】?|扫一扫.*|分享到.*|责任编辑[:：].*|浏览次数[:：].*)+$/,
];
const ATTACHMENT = /^附件(?:\d|[一二三四五六七八九十]|[:：])/;
/** How far up from the end the closing block is looked for. */
const CLOSING_WINDOW = 8;

function isClosingNoise(compact: string): boolean {
  return isPageNumber(compact) || CLOSING_NOISE.some((re) => re.test(compact));
}

function isOrganName(compact: string, suffix: RegExp): boolean {
  return (
    compact.length >= 2 &&
    compact.length <= 40 &&
    !/[。，；：,;:！？!?、]/.test(compact) &&
    suffix.test(compact)
  );
}

/**
 * The closing block at the end of the last section: the issuing organ's name and the 成文日期
 * (Arabic or Chinese numerals), on separate lines or one, among page numbers, a seal note and
 * footer lines, which are dropped; 附件 lines stay in the text. Taken off the last section's text.
 */
function takeClosing(paragraphs: string[]): { organ: string | null; date: string | null } {
  const compact = (i: number) => noSpace(paragraphs[i]);
  const drop = new Set<number>();
  let date: string | null = null;
  let organ: string | null = null;
  const stop = Math.max(0, paragraphs.length - CLOSING_WINDOW);
  let i = paragraphs.length - 1;
  const skipNoise = () => {
    for (; i >= stop; i--) {
      const c = compact(i);
      if (isClosingNoise(c)) drop.add(i);
      else if (!ATTACHMENT.test(c)) break;
    }
  };
  skipNoise();
  if (i >= stop) {
    const c = compact(i);
    const alone = DATE.exec(c);
    const withOrgan = alone ? null : ORGAN_AND_DATE.exec(c);
    if (alone) {
      date = isoDate(alone[1], alone[2], alone[3]);
    } else if (withOrgan && isOrganName(withOrgan[1], ORGAN_SUFFIX)) {
      date = isoDate(withOrgan[2], withOrgan[3], withOrgan[4]);
      if (date) organ = withOrgan[1];
    }
    if (date) {
      drop.add(i);
      i--;
      if (!organ) {
        skipNoise();
        if (i >= stop && isOrganName(compact(i), ORGAN_SUFFIX)) {
          organ = compact(i);
          drop.add(i);
        }
      }
    } else if (isOrganName(c, STRONG_ORGAN_SUFFIX)) {
      organ = c;
      drop.add(i);
    }
  }
  // Page numbers, seal notes and footer lines at the end are never the report's text.
  const kept = paragraphs.filter((_, k) => !drop.has(k));
  paragraphs.splice(0, paragraphs.length, ...kept);
  return { organ, date };
}

function isoDate(y: string, m: string, d: string): string | null {
  const year = chineseYearValue(y);
  const month = ordinalValue(m);
  const day = ordinalValue(d);
  if (!year || !month || !day || month > 12 || day > 31) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

const SENTENCE_END = /[。！？!?；;：:…”’）)」』】]$/;
const ITEM_START = /^(?:[（(]?[一二三四五六七八九十\d]{1,3}[)）、.．]|[一二三四五六七八九十]是)/;

/**
 * Paragraphs joined with line breaks; a line that stops mid-sentence (a page break in a converted
 * document: `…为提` / `升主动公开工作实效`) is joined to the next one.
 */
export function joinParagraphs(paragraphs: string[]): string {
  const out: string[] = [];
  for (const p of paragraphs) {
    const prev = out[out.length - 1];
    if (
      prev !== undefined &&
      prev.length >= 20 &&
      !SENTENCE_END.test(prev) &&
      !ITEM_START.test(p)
    ) {
      out[out.length - 1] = prev + p;
    } else {
      out.push(p);
    }
  }
  return out.join("\n");
}
