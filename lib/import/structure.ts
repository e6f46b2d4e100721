import { SECTION_KEYS } from "@/lib/report/content";
import { getFormat } from "@/lib/report/formats";
import type { Finding } from "@/lib/report/rules";
import type { FormatId, SectionKey, SectionSpec } from "@/lib/report/spec-types";
import { finding, officialHeading } from "./findings";
import { labelIndex } from "./label-index";
import { chineseYearValue, labelKey, lcsLength, ordinalValue, squash, stripArtifacts } from "./text-utils";
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
}

/** The section titles are the same in both formats; the 2021 spec supplies them. */
function sectionSpecs(formatId: FormatId): SectionSpec[] {
  return getFormat(formatId).sections;
}

const NUMBERING = /^(?:第?([一二三四五六七八九十]{1,3})(?:部分)?\s*[、.．,，:：]?|(\d{1,2})\s*[、.．,，:：]|(\d{1,2})(?=\s))\s*/;
const MAX_HEADING = 48;

/** A section heading: an optional level-1 number and words close to one of the six official titles. */
export function matchHeading(text: string, sections: SectionSpec[], after: number): HeadingMatch | null {
  const t = squash(stripArtifacts(text));
  if (t === "" || t.length > MAX_HEADING || /。./.test(t)) return null;
  const m = NUMBERING.exec(t);
  const number = m ? ordinalValue(m[1] ?? m[2] ?? m[3]) : null;
  const rest = m ? t.slice(m[0].length) : t;
  const restKey = labelKey(rest);
  if (restKey.length < 2) return null;
  let best: HeadingMatch | null = null;
  sections.forEach((section, i) => {
    if (i <= after) return;
    if (number !== null && number !== i + 1) return;
    const titleKey = labelKey(section.title);
    const common = lcsLength(restKey, titleKey);
    const cover = common / titleKey.length;
    const precision = common / restKey.length;
    if (cover < 0.8 || precision < 0.55) return;
    const score = cover + precision;
    if (!best || score > best.score) best = { section, text: t, span: 1, score };
  });
  return best;
}

export function readStructure(blocks: DocBlock[], formatId: FormatId): DocumentStructure {
  const sections = sectionSpecs(formatId);
  const findings: Finding[] = [];
  const headings: Partial<Record<SectionKey, string>> = {};
  const bodies: Record<SectionKey, string[]> = { s1: [], s2: [], s3: [], s4: [], s5: [], s6: [] };
  const before: string[] = [];
  let currentIndex = -1;
  let lastParagraphs: string[] = before;

  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    if (block.type !== "paragraph") continue;
    const text = cleanParagraph(block.text);
    if (text === "") continue;
    let heading = matchHeading(text, sections, currentIndex);
    // A heading broken over two lines (`…提起行政诉讼` / `情况`): prefer the joined reading when it fits better.
    const next = blocks[i + 1];
    if (next?.type === "paragraph") {
      const nextText = cleanParagraph(next.text);
      if (nextText.length > 0 && nextText.length <= 8 && !/[。，；：,;:]/.test(nextText)) {
        const joined = matchHeading(text + nextText, sections, currentIndex);
        if (joined && (!heading || joined.score > heading.score) && !matchHeading(nextText, sections, currentIndex)) {
          heading = { ...joined, span: 2 };
        }
      }
    }
    if (heading) {
      currentIndex = sections.indexOf(heading.section);
      headings[heading.section.key] = heading.text;
      const official = officialHeading(heading.section);
      if (labelKey(heading.text) !== labelKey(official)) {
        findings.push(finding("S3", headingMessage(heading.section, heading.text), [`narrative.${heading.section.key}`]));
      }
      lastParagraphs = bodies[heading.section.key];
      i += heading.span - 1;
      continue;
    }
    lastParagraphs.push(text);
  }

  const { title, preface } = splitTitle(before);
  const closing = takeClosing(lastParagraphs);
  const skip = tableLabelKeys(formatId);
  const narratives = Object.fromEntries(
    SECTION_KEYS.map((key) => [key, joinParagraphs(bodies[key].filter((p) => !skip.has(labelKey(p)) && !isPageNumber(p)))]),
  ) as Record<SectionKey, string>;
  return { title, preface: joinParagraphs(preface), narratives, headings, closing, findings };
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
  return new Set(labelIndex(formatId).entries.filter((e) => kinds.has(e.kind)).map((e) => e.key));
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
      const start = i > 0 && paragraphs[i - 1].length <= 30 && !/[。，；：,;:]/.test(paragraphs[i - 1]) && !/报告/.test(paragraphs[i - 1]) ? i - 1 : i;
      return { title: paragraphs.slice(start, i + 1), preface: paragraphs.slice(i + 1) };
    }
  }
  if (paragraphs.length > 0 && paragraphs[0].length <= 40 && !/[。，]/.test(paragraphs[0])) {
    return { title: [paragraphs[0]], preface: paragraphs.slice(1) };
  }
  return { title: [], preface: paragraphs };
}

const CN_NUM = "[〇零○一二三四五六七八九十]";
const DATE = new RegExp(`^(\\d{4}|${CN_NUM}{4})\\s*年\\s*(\\d{1,2}|${CN_NUM}{1,3})\\s*月\\s*(\\d{1,2}|${CN_NUM}{1,3})\\s*日$`);
const ORGAN_SUFFIX = /(?:人民政府|政府|办事处|办公室|委员会|管委会|局|委|厅|院|中心|所|站|队|处|署|街道|镇|乡|区|县|市)$/;

/** The closing block at the very end: the issuing organ's name and the date, taken off the last section's text. */
function takeClosing(paragraphs: string[]): { organ: string | null; date: string | null } {
  let date: string | null = null;
  let organ: string | null = null;
  let end = paragraphs.length;
  while (end > 0 && isPageNumber(paragraphs[end - 1])) end--;
  const last = end > 0 ? squash(paragraphs[end - 1]) : "";
  const d = DATE.exec(last.replace(/\s+/g, ""));
  if (d) {
    date = isoDate(d[1], d[2], d[3]);
    if (date) end--;
  }
  if (date && end > 0) {
    const candidate = squash(paragraphs[end - 1]);
    if (candidate.length <= 40 && !/[。，；：,;:！？]/.test(candidate) && ORGAN_SUFFIX.test(candidate.replace(/\s/g, ""))) {
      organ = candidate.replace(/\s/g, "");
      end--;
    }
  }
  paragraphs.splice(end);
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
    if (prev !== undefined && prev.length >= 20 && !SENTENCE_END.test(prev) && !ITEM_START.test(p)) {
      out[out.length - 1] = prev + p;
    } else {
      out.push(p);
    }
  }
  return out.join("\n");
}
