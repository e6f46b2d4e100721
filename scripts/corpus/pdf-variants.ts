import { REPORT_CLASS } from "@/lib/export/html";

/**
 * How real reports are printed differently from our exports, as edits of the exported DOCX (before
 * LibreOffice) or HTML (before Chromium): tables set as 三线表 (rules above and below the table and
 * under its header only) or without any rule, landscape pages, a table continued on the next page
 * without its header, other page numbers between rows, other CJK fonts, and text drawn one glyph at
 * a time. Each keeps every figure of the export: only the way it is drawn changes.
 */

const C = `.${REPORT_CLASS}`;

/** Stylesheets added to the exported page (the inline borders need `!important` to be overridden). */
export const HTML_VARIANT_CSS = {
  /** 三线表: a heavy rule above and below each table, a thin one under the header rows. */
  threeLine: `${C} td, ${C} th { border: none !important; }
${C} table { border: none !important; border-top: 1.5pt solid #000 !important; border-bottom: 1.5pt solid #000 !important; }
${C} thead tr:last-child > * { border-bottom: 0.75pt solid #000 !important; }`,
  /** A table laid out by position alone. */
  unruled: `${C} table, ${C} td, ${C} th { border: none !important; }`,
  /** The header is printed once: a table broken over a page goes on without it. */
  headerOnce: `${C} thead { display: table-row-group !important; }
${C} tr { break-inside: auto !important; page-break-inside: auto !important; }`,
  /** One font for everything, as a portal's template or a reader without the official fonts prints it. */
  sans: `${C}, ${C} * { font-family: "Noto Sans CJK SC", sans-serif !important; }`,
  serif: `${C}, ${C} * { font-family: "Noto Serif CJK SC", serif !important; }`,
  /**
   * Letter-spaced text (a template's `letter-spacing`, 分散对齐): the printer positions every glyph
   * on its own, so a PDF reader gets one character per text item.
   */
  spaced: `${C}, ${C} * { letter-spacing: 0.3em !important; }`,
} as const;

export type HtmlVariant = keyof typeof HTML_VARIANT_CSS;

export function htmlWithCss(html: string, css: string): string {
  return css === "" ? html : html.replace("</head>", `<style>${css}</style>\n</head>`);
}

/** Running footers a browser prints (Chromium's footerTemplate), with the class names it fills in. */
export const FOOTERS = {
  pageOfPages: `第<span class="pageNumber"></span>页 共<span class="totalPages"></span>页`,
  dashed: `-<span class="pageNumber"></span>-`,
} as const;

const NIL_BORDERS = `<w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/>`;

/** DOCX 三线表: the table's own borders reduced to top and bottom; the last header row's cells ruled below. */
export function threeLineDocumentXml(xml: string): string {
  const bordered = xml.replace(
    /<w:tblBorders>[\s\S]*?<\/w:tblBorders>/g,
    `<w:tblBorders><w:top w:val="single" w:sz="12" w:color="000000"/><w:left w:val="nil"/><w:bottom w:val="single" w:sz="12" w:color="000000"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>`,
  );
  return bordered.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, (table) => {
    const rows = [...table.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)];
    const headers = rows.filter((r) => r[0].includes("<w:tblHeader/>"));
    const last = headers[headers.length - 1];
    if (!last || last.index === undefined) return table;
    const ruled = last[0].replace(
      /<w:tcPr>([\s\S]*?)<\/w:tcPr>/g,
      (_m, inner: string) =>
        `<w:tcPr>${inner.replace(/<w:vAlign\b/, `<w:tcBorders><w:bottom w:val="single" w:sz="6" w:color="000000"/></w:tcBorders><w:vAlign`)}</w:tcPr>`,
    );
    return table.slice(0, last.index) + ruled + table.slice(last.index + last[0].length);
  });
}

/** DOCX without any table border. */
export function unruledDocumentXml(xml: string): string {
  return xml.replace(
    /<w:(tblBorders|tcBorders)>[\s\S]*?<\/w:\1>/g,
    (_m, tag: string) => `<w:${tag}>${NIL_BORDERS}</w:${tag}>`,
  );
}

/** DOCX on landscape pages (the page's width and height swapped). */
export function landscapeDocumentXml(xml: string): string {
  return xml.replace(
    /<w:pgSz w:w="(\d+)" w:h="(\d+)"(?: w:orient="\w+")?\/>/g,
    (_m, w: string, h: string) => `<w:pgSz w:w="${h}" w:h="${w}" w:orient="landscape"/>`,
  );
}

/** DOCX whose table header rows are not repeated on the next page, and whose rows may break. */
export function headerOnceDocumentXml(xml: string): string {
  return xml.replace(/<w:tblHeader\/>/g, "").replace(/<w:cantSplit\/>/g, "");
}

/** The footer's `— 3 —` printed as `-3-`. */
export function dashedFooterXml(xml: string): string {
  return xml.replace(/>— </g, ">-<").replace(/> —</g, ">-<");
}

/** Every font of the DOCX (body, headings, tables, page numbers) replaced by one. */
export function oneFontXml(xml: string, font: string): string {
  return xml.replace(
    /<w:rFonts\b[^>]*\/>/g,
    `<w:rFonts w:ascii="${font}" w:cs="${font}" w:eastAsia="${font}" w:hAnsi="${font}"/>`,
  );
}

/** Character spacing on every run and style (in twentieths of a point): LibreOffice then places each glyph. */
export function spacedXml(xml: string, twips: number): string {
  const spaced = xml.replace(/<w:spacing w:val="-?\d+"\/>/g, `<w:spacing w:val="${twips}"/>`);
  // Runs and styles that set no spacing of their own get it after their fonts.
  return spaced.replace(
    /(<w:rPr>(?:(?!<\/w:rPr>)[\s\S])*?)(<\/w:rPr>)/g,
    (m, inner: string, end: string) =>
      inner.includes("<w:spacing w:val=") ? m : `${inner}<w:spacing w:val="${twips}"/>${end}`,
  );
}
