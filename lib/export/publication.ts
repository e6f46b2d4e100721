import { chineseDate } from "@/lib/report/chinese-date";
import { computeTotals } from "@/lib/report/compute-totals";
import type { ReportContent } from "@/lib/report/content";
import { getFormat } from "@/lib/report/formats";
import { normalizeSubheading } from "@/lib/report/heading-text";
import { issuingOrganOf } from "@/lib/report/issuing-organ";
import { finding, type Finding } from "@/lib/report/rules";
import type { SectionKey } from "@/lib/report/spec-types";
import { validationPlan } from "@/lib/report/validate/plan";
import { sectionSixText } from "./fee-sentence";
import { sectionGrids, type TableGrid } from "./grid";
import { paragraphsOf, sanitizeLine } from "./sanitize";

/**
 * The report as it is published, independent of the output format: title lines, preface, the six
 * sections in the format's order (headings from the spec), their paragraphs and tables, and the
 * closing block. The DOCX, the HTML (download, portal fragment, preview, public page) and the
 * read-only views in the app (report view, review panel) all draw exactly this, so what a reviewer
 * approves is what is published: section 六 with its fee statement, dates as `2024年1月17日`,
 * totals as computed, figures formatted once.
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
  { type: "paragraph"; paragraph: BodyParagraph } | { type: "table"; grid: TableGrid };

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
  /** Table cells printed blank because the report has no figure for them (V1 warnings naming each cell). */
  blankCells: Finding[];
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

/** Paragraphs of a text, each level-2 heading written the official way (`(一) 主动…` → `（一）主动…`). */
function paragraphs(text: string): BodyParagraph[] {
  return paragraphsOf(text).map((line) => splitLead(normalizeSubheading(line)));
}

/** `2024-01-17` → `2024年1月17日` (Arabic numerals, full year, no zero padding); null if not a date. */
export const formatIssuedDate = chineseDate;

/** The value cells of the printed tables that are blank although they are typed, not computed. */
function blankCellFindings(content: ReportContent, grids: TableGrid[]): Finding[] {
  const plan = validationPlan(content.format);
  const out: Finding[] = [];
  for (const grid of grids) {
    for (const row of grid.rows) {
      for (const { cell, continued } of row.segments) {
        if (continued || !cell.blank || !cell.cellId) continue;
        const place = plan.byId.get(cell.cellId)?.place ?? cell.cellId;
        out.push(finding("V1", `${place}未填写，发布稿中该格留空`, [cell.cellId], "warning"));
      }
    }
  }
  return out;
}

export function buildPublication(content: ReportContent): Publication {
  const format = getFormat(content.format);
  const meta = content.meta;
  const totalled = computeTotals(content);
  const grids: TableGrid[] = [];
  const sections = format.sections.map((section): PublishedSection => {
    const text =
      section.key === "s6" ? sectionSixText(content) : (content.narratives[section.key] ?? "");
    const blocks: SectionBlock[] = paragraphs(text).map((paragraph) => ({
      type: "paragraph",
      paragraph,
    }));
    for (const grid of sectionGrids(section, totalled)) {
      grids.push(grid);
      blocks.push({ type: "table", grid });
    }
    return {
      key: section.key,
      heading: sanitizeLine(`${section.ordinal}、${section.title}`),
      blocks,
    };
  });
  return {
    titleLines: [sanitizeLine(`${meta.organization}${meta.year}年`), REPORT_TITLE],
    preface: paragraphs(content.preface),
    sections,
    closing: { organ: sanitizeLine(issuingOrganOf(meta)), date: chineseDate(meta.issuedDate) },
    blankCells: blankCellFindings(content, grids),
  };
}

/** Width of a line in characters (em): full-width characters count one, the rest half. */
export function textWidthEm(text: string): number {
  let width = 0;
  for (const ch of text)
    width += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/.test(ch) ? 1 : 0.5;
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
