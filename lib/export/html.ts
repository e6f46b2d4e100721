import type { ReportContent } from "@/lib/report/content";
import { columnWidths, type GridCell, type GridRow, type TableGrid } from "./grid";
import {
  buildPublication, closingIndents, type BodyParagraph, type Publication, type PublishedSection,
} from "./publication";

/**
 * The report as one self-contained HTML5 page (inline CSS, no scripts, no external resources) to
 * paste into a portal's 年报专栏, and as an article fragment for the in-app preview. The tables
 * have the same merged cells as the DOCX: both come from `tableGrid` (lib/export/grid.ts).
 * Every user string goes through `escapeHtml`, in text and in attributes alike.
 */

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]);
}

/** The class every rule of the stylesheet is scoped to. */
export const REPORT_CLASS = "nianbao-report";

const C = `.${REPORT_CLASS}`;
const BODY_FONT = `"仿宋_GB2312", "仿宋", FangSong, STFangsong, "Noto Serif CJK SC", "Source Han Serif SC", serif`;
const TITLE_FONT = `"方正小标宋简体", "方正小标宋_GBK", "华文中宋", STZhongsong, "Noto Serif CJK SC", "Source Han Serif SC", serif`;
const HEADING_FONT = `"黑体", SimHei, STHeiti, "Noto Sans CJK SC", "Source Han Sans SC", sans-serif`;
const KAI_FONT = `"楷体_GB2312", "楷体", KaiTi, STKaiti, "Noto Serif CJK SC", serif`;

/** The stylesheet of the report, scoped to `.nianbao-report` (the preview includes it as it is). */
export const REPORT_CSS = `
${C} { font-family: ${BODY_FONT}; font-size: 16pt; line-height: 28.95pt; color: #000; max-width: 156mm; margin: 0 auto; }
${C} h1 { font-family: ${TITLE_FONT}; font-size: 22pt; line-height: 35pt; font-weight: normal; text-align: center; margin: 0 0 28.95pt; }
${C} h1 span { display: block; }
${C} h2 { font-family: ${HEADING_FONT}; font-size: 16pt; line-height: 28.95pt; font-weight: normal; text-indent: 2em; margin: 0; break-after: avoid; }
${C} h3 { font-family: ${KAI_FONT}; font-size: 16pt; line-height: 28.95pt; font-weight: normal; text-indent: 2em; margin: 0; break-after: avoid; }
${C} p { text-indent: 2em; text-align: justify; margin: 0; word-break: break-all; }
${C} .lead { font-family: ${KAI_FONT}; }
${C} table { border-collapse: collapse; width: 100%; table-layout: fixed; margin: 0 0 12pt; font-size: 12pt; line-height: 1.35; }
${C} caption { font-family: ${BODY_FONT}; font-size: 12pt; padding: 2pt 0; }
${C} caption.band { font-family: ${HEADING_FONT}; border: 1px solid #000; border-bottom: 0; padding: 3pt; }
${C} th, ${C} td { border: 1px solid #000; padding: 3pt 2pt; text-align: center; vertical-align: middle; font-weight: normal; overflow-wrap: anywhere; }
${C} thead th { font-family: ${HEADING_FONT}; }
${C} tbody th.label { text-align: left; }
${C} thead { display: table-header-group; }
${C} .closing { margin-top: 57.9pt; }
${C} .closing p { text-indent: 0; text-align: right; }
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
@page :right { @bottom-right { content: "— " counter(page) " —"; font-family: "宋体", SimSun, serif; font-size: 14pt; } }
@page :left { @bottom-left { content: "— " counter(page) " —"; font-family: "宋体", SimSun, serif; font-size: 14pt; } }
@media print { ${C} { max-width: none; margin: 0; } }
@media screen { ${C} { padding: 24px 16px; } }
`.trim();

function attrs(list: Record<string, string | number | undefined>): string {
  return Object.entries(list)
    .filter(([, v]) => v !== undefined && v !== "")
    .map(([k, v]) => ` ${k}="${escapeHtml(String(v))}"`)
    .join("");
}

function paragraphHtml(p: BodyParagraph): string {
  // A line that is only a sub-heading is a heading; one that opens a paragraph stays in it.
  if (p.lead && !p.text) return `<h3>${escapeHtml(p.lead)}</h3>`;
  const lead = p.lead ? `<span class="lead">${escapeHtml(p.lead)}</span>` : "";
  return `<p>${lead}${escapeHtml(p.text)}</p>`;
}

function cellHtml(cell: GridCell, inHead: boolean): string {
  const span = { colspan: cell.colSpan > 1 ? cell.colSpan : undefined, rowspan: cell.rowSpan > 1 ? cell.rowSpan : undefined };
  const text = escapeHtml(cell.text);
  if (cell.role === "value") return `<td${attrs(span)}>${text}</td>`;
  // An empty corner heads nothing: a th without text is noise to a screen reader.
  if (cell.text === "") return `<td${attrs(span)}></td>`;
  const scope = cell.scope ?? (inHead ? "col" : "row");
  const cls = cell.role === "label" ? "label" : cell.role === "group" ? "group" : undefined;
  return `<th${attrs({ ...span, scope, class: cls })}>${text}</th>`;
}

function rowHtml(row: GridRow, inHead: boolean): string {
  // Cells merged down from a row above are not written again: rowspan covers them.
  const cells = row.segments.filter((s) => !s.continued).map((s) => cellHtml(s.cell, inHead));
  return `<tr>${cells.join("")}</tr>`;
}

function tableHtml(grid: TableGrid, note: string | null, labelledBy: string): string {
  const rows = grid.hasCaptionRow ? grid.rows.slice(1) : grid.rows;
  // The caption row (第二十条第（一）项) spans the whole table: as <caption> it names the table too.
  const caption = grid.hasCaptionRow
    ? `<caption class="band">${escapeHtml(grid.rows[0].segments[0].cell.text)}</caption>`
    : note !== null ? `<caption>${escapeHtml(note)}</caption>` : "";
  // The same column proportions as the DOCX grid, in per mille.
  const cols = columnWidths(grid, 1000).map((w) => `<col style="width:${w / 10}%">`).join("");
  const head = rows.filter((r) => r.header);
  const body = rows.filter((r) => !r.header);
  return (
    `<table${attrs({ "aria-labelledby": caption ? undefined : labelledBy })}>${caption}<colgroup>${cols}</colgroup>` +
    `<thead>${head.map((r) => rowHtml(r, true)).join("")}</thead>` +
    `<tbody>${body.map((r) => rowHtml(r, false)).join("")}</tbody></table>`
  );
}

function sectionHtml(section: PublishedSection): string {
  const id = `nb-${section.key}`;
  const parts: string[] = [`<h2 id="${id}">${escapeHtml(section.heading)}</h2>`];
  let note: string | null = null;
  for (const block of section.blocks) {
    if (block.type === "paragraph") parts.push(paragraphHtml(block.paragraph));
    else if (block.type === "note") note = block.text;
    else {
      parts.push(tableHtml(block.grid, note, id));
      note = null;
    }
  }
  return `<section aria-labelledby="${id}">${parts.join("\n")}</section>`;
}

function closingHtml(closing: Publication["closing"]): string {
  if (!closing.organ && !closing.date) return "";
  const indents = closingIndents(closing);
  const line = (text: string, em: number, cls: string) =>
    `<p class="${cls}" style="padding-right:${Number(em.toFixed(2))}em">${escapeHtml(text)}</p>`;
  const lines = [
    closing.organ ? line(closing.organ, indents.organ, "organ") : "",
    closing.date ? line(closing.date, indents.date, "date") : "",
  ];
  return `<div class="closing">${lines.join("")}</div>`;
}

function articleHtml(publication: Publication): string {
  const [first, second] = publication.titleLines;
  return [
    `<article class="${REPORT_CLASS}">`,
    `<h1><span>${escapeHtml(first)}</span><span>${escapeHtml(second)}</span></h1>`,
    ...publication.preface.map(paragraphHtml),
    ...publication.sections.map(sectionHtml),
    closingHtml(publication.closing),
    `</article>`,
  ].filter(Boolean).join("\n");
}

/** The report as an `<article class="nianbao-report">`, without page or stylesheet (see REPORT_CSS). */
export function renderHtmlFragment(content: ReportContent): string {
  return articleHtml(buildPublication(content));
}

/** The report as a complete HTML5 page: A4 print stylesheet inline, no scripts. */
export function renderHtml(content: ReportContent): string {
  const publication = buildPublication(content);
  return [
    "<!DOCTYPE html>",
    `<html lang="zh-CN">`,
    "<head>",
    `<meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${escapeHtml(publication.titleLines.join(""))}</title>`,
    `<style>\n${REPORT_CSS}\n</style>`,
    "</head>",
    "<body>",
    articleHtml(publication),
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
