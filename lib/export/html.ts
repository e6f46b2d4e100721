import type { ReportContent } from "@/lib/report/content";
import { columnWidths, type GridCell, type GridRow, type TableGrid } from "./grid";
import {
  buildPublication,
  closingIndents,
  type BodyParagraph,
  type Publication,
  type PublishedSection,
} from "./publication";

/**
 * The report as HTML: a self-contained HTML5 page (download), and an article fragment (the in-app
 * preview, the public page, and what 复制到门户网站 puts on the clipboard). The tables have the same
 * merged cells as the DOCX: both come from `printedTables` through `printedGrid`.
 *
 * Portal-safe: a portal's editor (UEditor, TRS, Hanweb …) drops `<style>` and classes on paste, so
 * everything the report needs to be read correctly is ALSO inline — table borders as attributes
 * (`border="1" cellspacing="0"`) and inline border/padding on every cell, the title centred, the
 * closing right-aligned, paragraphs indented. The stylesheet only adds the fonts, the print layout
 * (28 characters a line, rows kept whole) and the narrow-screen layout.
 * Every user string goes through `escapeHtml`, in text and in attributes alike.
 */

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

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

/**
 * 28 characters of 16 pt in the 156 mm line (GB/T 9704): 442 pt holds only 27.6 characters at their
 * natural width, so characters are set 0.25 pt closer, as the DOCX does (15.75 pt × 28 = 441 pt).
 */
const LETTER_SPACING = "-0.25pt";

/**
 * The stylesheet of the report, scoped to `.nianbao-report`, without page rules (so it can sit in a
 * portal's page or ours without touching anything else). `word-break: normal`: Chinese wraps between
 * any two characters anyway; numbers, years and Latin words stay whole, and only a URL may break
 * anywhere (its own inline style).
 */
export const REPORT_CSS = `
${C} { font-family: ${BODY_FONT}; font-size: 16pt; line-height: 28.95pt; color: #000; max-width: 156mm; margin: 0 auto; letter-spacing: ${LETTER_SPACING}; word-break: normal; }
${C} h1 { font-family: ${TITLE_FONT}; font-size: 22pt; line-height: 35pt; font-weight: normal; letter-spacing: normal; margin: 0 0 28.95pt; }
${C} h1 span { display: block; }
${C} h1 br { display: none; }
${C} h2 { font-family: ${HEADING_FONT}; font-size: 16pt; line-height: 28.95pt; font-weight: normal; margin: 0; break-after: avoid; page-break-after: avoid; }
${C} h3 { font-family: ${KAI_FONT}; font-size: 16pt; line-height: 28.95pt; font-weight: normal; margin: 0; break-after: avoid; page-break-after: avoid; }
${C} p { text-align: justify; margin: 0; orphans: 2; widows: 2; }
${C} .lead { font-family: ${KAI_FONT}; }
${C} .table-scroll { margin: 0 0 12pt; }
${C} table { font-size: 12pt; line-height: 1.35; letter-spacing: normal; }
${C} th, ${C} td { font-weight: normal; vertical-align: middle; }
${C} th.head, ${C} th.item { font-family: ${HEADING_FONT}; }
${C} thead { display: table-header-group; }
${C} tr { break-inside: avoid; page-break-inside: avoid; }
${C} tr.keep { break-after: avoid; page-break-after: avoid; }
${C} .closing { break-inside: avoid; page-break-inside: avoid; }
@media print { ${C} { max-width: none; margin: 0; } ${C} .table-scroll { overflow: visible !important; } ${C} table { min-width: 0 !important; } }
@media screen { ${C} { padding: 24px 16px; } }
@media screen and (max-width: 640px) {
  ${C} { font-size: 14pt; line-height: 1.8; letter-spacing: normal; padding: 12px 8px; }
  ${C} h1 { font-size: 18pt; line-height: 1.5; }
  ${C} table.wide { min-width: 44em; }
}
`.trim();

/** Page rules for a whole page of our own (the download and the preview): never in a fragment, where they would re-lay the portal's page. */
export const PAGE_CSS = `
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
@media print { body { margin: 0; } }
@page :right { @bottom-right { content: "— " counter(page) " —"; font-family: "宋体", SimSun, serif; font-size: 14pt; } }
@page :left { @bottom-left { content: "— " counter(page) " —"; font-family: "宋体", SimSun, serif; font-size: 14pt; } }
`.trim();

/** Inline styles: what must survive a paste into a portal editor that drops `<style>` and classes. */
const INLINE = {
  title: "text-align:center;font-weight:normal",
  heading: "text-indent:2em;font-weight:normal",
  paragraph: "text-indent:2em;text-align:justify",
  table: "border-collapse:collapse;width:100%;table-layout:fixed",
  cell: "border:1px solid #000;padding:3pt 2pt;text-align:center",
  labelCell: "border:1px solid #000;padding:3pt 4pt;text-align:left",
  scroll: "overflow-x:auto",
  url: "overflow-wrap:anywhere;word-break:break-all",
  closing: "margin-top:28.95pt",
  closingLine: "text-indent:0;text-align:right",
} as const;

/** Tables with more columns than this get a minimum width on narrow screens and scroll in their box. */
const WIDE_TABLE_COLUMNS = 8;

function attrs(list: Record<string, string | number | undefined>): string {
  return Object.entries(list)
    .filter(([, v]) => v !== undefined && v !== "")
    .map(([k, v]) => ` ${k}="${escapeHtml(String(v))}"`)
    .join("");
}

/** URLs (http://…, www.…) may break anywhere; nothing else in the text may. */
const URL = /(?:https?:\/\/|www\.)[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+/g;

function textHtml(text: string): string {
  let out = "";
  let last = 0;
  for (const m of text.matchAll(URL)) {
    out += escapeHtml(text.slice(last, m.index));
    out += `<span class="url" style="${INLINE.url}">${escapeHtml(m[0])}</span>`;
    last = m.index + m[0].length;
  }
  return out + escapeHtml(text.slice(last));
}

function paragraphHtml(p: BodyParagraph): string {
  // A line that is only a sub-heading is a heading; one that opens a paragraph stays in it.
  if (p.lead && !p.text) return `<h3 style="${INLINE.heading}">${escapeHtml(p.lead)}</h3>`;
  const lead = p.lead ? `<span class="lead">${escapeHtml(p.lead)}</span>` : "";
  return `<p style="${INLINE.paragraph}">${lead}${textHtml(p.text)}</p>`;
}

function cellHtml(cell: GridCell, inHead: boolean): string {
  const span = {
    colspan: cell.colSpan > 1 ? cell.colSpan : undefined,
    rowspan: cell.rowSpan > 1 ? cell.rowSpan : undefined,
  };
  const text = escapeHtml(cell.text);
  if (cell.role === "value") return `<td${attrs({ ...span, style: INLINE.cell })}>${text}</td>`;
  // A note (三's corner) or an empty corner heads nothing: not a th for a screen reader.
  if (cell.role === "note" || cell.text === "")
    return `<td${attrs({ ...span, class: cell.role === "note" ? "note" : undefined, style: INLINE.cell })}>${text}</td>`;
  const scope = cell.scope ?? (inHead ? "col" : "row");
  const label = cell.role === "label" || cell.role === "group";
  const cls = cell.role === "caption" ? "item" : label ? cell.role : "head";
  return `<th${attrs({ ...span, scope, class: cls, style: label ? INLINE.labelCell : INLINE.cell })}>${text}</th>`;
}

function rowHtml(row: GridRow, inHead: boolean): string {
  // Cells merged down from a row above are not written again: rowspan covers them.
  const cells = row.segments.filter((s) => !s.continued).map((s) => cellHtml(s.cell, inHead));
  return `<tr${row.keepWithNext && !inHead ? ` class="keep"` : ""}>${cells.join("")}</tr>`;
}

function tableHtml(grid: TableGrid, labelledBy: string): string {
  // The same column proportions as the DOCX grid, in per mille.
  const cols = columnWidths(grid, 1000)
    .map((w) => `<col style="width:${w / 10}%">`)
    .join("");
  const head = grid.rows.filter((r) => r.header);
  const body = grid.rows.filter((r) => !r.header);
  const wide = grid.columnCount > WIDE_TABLE_COLUMNS ? "wide" : undefined;
  return (
    `<div class="table-scroll" style="${INLINE.scroll}">` +
    `<table${attrs({ class: wide, border: 1, cellspacing: 0, cellpadding: 4, "aria-labelledby": labelledBy, style: INLINE.table })}>` +
    `<colgroup>${cols}</colgroup>` +
    (head.length ? `<thead>${head.map((r) => rowHtml(r, true)).join("")}</thead>` : "") +
    `<tbody>${body.map((r) => rowHtml(r, false)).join("")}</tbody></table></div>`
  );
}

function sectionHtml(section: PublishedSection): string {
  const id = `nb-${section.key}`;
  const parts: string[] = [
    `<h2 id="${id}" style="${INLINE.heading}">${escapeHtml(section.heading)}</h2>`,
  ];
  for (const block of section.blocks) {
    parts.push(
      block.type === "paragraph" ? paragraphHtml(block.paragraph) : tableHtml(block.grid, id),
    );
  }
  return `<section aria-labelledby="${id}">${parts.join("\n")}</section>`;
}

function closingHtml(closing: Publication["closing"]): string {
  if (!closing.organ && !closing.date) return "";
  const indents = closingIndents(closing);
  const line = (text: string, em: number, cls: string) =>
    `<p class="${cls}" style="${INLINE.closingLine};padding-right:${Number(em.toFixed(2))}em">${escapeHtml(text)}</p>`;
  const lines = [
    closing.organ ? line(closing.organ, indents.organ, "organ") : "",
    closing.date ? line(closing.date, indents.date, "date") : "",
  ];
  return `<div class="closing" style="${INLINE.closing}">${lines.join("")}</div>`;
}

function articleHtml(publication: Publication): string {
  const [first, second] = publication.titleLines;
  return [
    `<article class="${REPORT_CLASS}">`,
    `<h1 style="${INLINE.title}"><span>${escapeHtml(first)}</span><br><span>${escapeHtml(second)}</span></h1>`,
    ...publication.preface.map(paragraphHtml),
    ...publication.sections.map(sectionHtml),
    closingHtml(publication.closing),
    `</article>`,
  ]
    .filter(Boolean)
    .join("\n");
}

/** The report as an `<article class="nianbao-report">`, without page or stylesheet (see REPORT_CSS). */
export function renderHtmlFragment(
  content: ReportContent,
  publication: Publication = buildPublication(content),
): string {
  return articleHtml(publication);
}

/**
 * What goes into a portal's 年报专栏 editor: the article with its scoped stylesheet in front (kept
 * where the editor allows it, harmless where it is dropped — the article reads the same inline),
 * no `<html>`, no page rules.
 */
export function renderPortalFragment(
  content: ReportContent,
  publication: Publication = buildPublication(content),
): string {
  return `<style>\n${REPORT_CSS}\n</style>\n${articleHtml(publication)}\n`;
}

/** The report as a complete HTML5 page: A4 print stylesheet inline, no scripts. */
export function renderHtml(
  content: ReportContent,
  publication: Publication = buildPublication(content),
): string {
  return [
    "<!DOCTYPE html>",
    `<html lang="zh-CN">`,
    "<head>",
    `<meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${escapeHtml(publication.titleLines.join(""))}</title>`,
    `<style>\n${PAGE_CSS}\n${REPORT_CSS}\n</style>`,
    "</head>",
    "<body>",
    articleHtml(publication),
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
