import type { ReportContent } from "@/lib/report/content";
import { getFormat } from "@/lib/report/formats";
import type { SectionKey } from "@/lib/report/spec-types";
import { sectionSixText } from "./fee-sentence";
import { tableGrid, type TableGrid } from "./grid";
import { paragraphsOf, sanitizeLine } from "./sanitize";

/**
 * The report as it is published, independent of the output format: title lines, preface, the six
 * sections in the format's order (headings from the spec), their paragraphs and tables, and the
 * closing block. Both renderers draw exactly this, so the DOCX and the HTML say the same thing.
 */

/** Second title line of every report (条例 art. 50 names the document so). */
export const REPORT_TITLE = "政府信息公开工作年度报告";

export interface BodyParagraph {
  /** A level-2 heading that opens the paragraph (`（一）主动公开。`), set in 楷体; empty if none. */
  lead: string;
  /** The rest of the paragraph, in the body font. */
  text: string;
}

export type SectionBlock =
  | { type: "paragraph"; paragraph: BodyParagraph }
  /** A line printed above a table (the 勾稽关系 note of 三). */
  | { type: "note"; text: string }
  | { type: "table"; grid: TableGrid };

export interface PublishedSection {
  key: SectionKey;
  /** `一、总体情况` */
  heading: string;
  blocks: SectionBlock[];
}

export interface Publication {
  /** `<organization><year>年`, `政府信息公开工作年度报告`. */
  titleLines: [string, string];
  preface: BodyParagraph[];
  sections: PublishedSection[];
  /** Issuing organ, centred above the date; the 成文日期 as `2024年1月17日`, or null while unknown. */
  closing: { organ: string; date: string | null };
}

const SUBHEADING = /^[（(][一二三四五六七八九十][）)]/;
const LEAD_END = /[。！？：:]/;
const MAX_LEAD = 40;

/**
 * Splits off a level-2 heading at the start of a paragraph: up to its first full stop or colon when
 * that comes soon (`（一）主动公开。`), the whole line when it is short (`（二）依申请公开情况`),
 * else only the ordinal.
 */
export function splitLead(line: string): BodyParagraph {
  const marker = SUBHEADING.exec(line);
  if (!marker) return { lead: "", text: line };
  const end = LEAD_END.exec(line.slice(marker[0].length));
  if (end && marker[0].length + end.index < MAX_LEAD) {
    const cut = marker[0].length + end.index + 1;
    return { lead: line.slice(0, cut), text: line.slice(cut) };
  }
  if (line.length <= MAX_LEAD && !/[，,；;]/.test(line)) return { lead: line, text: "" };
  return { lead: marker[0], text: line.slice(marker[0].length) };
}

function paragraphs(text: string): BodyParagraph[] {
  return paragraphsOf(text).map(splitLead);
}

/** `2024-01-17` → `2024年1月17日` (Arabic numerals, full year, no zero padding); null if not a date. */
export function formatIssuedDate(iso: string | null): string | null {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  if (!m) return null;
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${Number(m[1])}年${month}月${day}日`;
}

export function buildPublication(content: ReportContent): Publication {
  const format = getFormat(content.format);
  const meta = content.meta;
  const sections = format.sections.map((section): PublishedSection => {
    const text = section.key === "s6" ? sectionSixText(content) : (content.narratives[section.key] ?? "");
    const blocks: SectionBlock[] = paragraphs(text).map((paragraph) => ({ type: "paragraph", paragraph }));
    for (const table of section.tables) {
      if (table.note) blocks.push({ type: "note", text: sanitizeLine(table.note) });
      blocks.push({ type: "table", grid: tableGrid(table, content) });
    }
    return { key: section.key, heading: sanitizeLine(`${section.ordinal}、${section.title}`), blocks };
  });
  return {
    titleLines: [sanitizeLine(`${meta.organization}${meta.year}年`), REPORT_TITLE],
    preface: paragraphs(content.preface),
    sections,
    closing: { organ: sanitizeLine(meta.issuingOrgan || meta.organization), date: formatIssuedDate(meta.issuedDate) },
  };
}

/** Width of a line in characters (em): full-width characters count one, the rest half. */
export function textWidthEm(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/.test(ch) ? 1 : 0.5;
  return width;
}

/**
 * Right indents (in characters) of the closing block: the date four characters in from the right,
 * the issuing organ centred above it (GB/T 9704 7.3.5.1); an organ too wide for that is set flush
 * right and the date centred under it instead.
 */
export function closingIndents(closing: Publication["closing"]): { organ: number; date: number } {
  const organ = textWidthEm(closing.organ);
  const date = closing.date ? textWidthEm(closing.date) : 0;
  const centre = Math.max(4 + date / 2, organ / 2);
  return { organ: centre - organ / 2, date: centre - date / 2 };
}
