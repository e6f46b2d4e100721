import { parse, HTMLElement, NodeType, type Node } from "node-html-parser";
import type { DocBlock, TableBlock, TableCell } from "./types";

/**
 * A report as published on a government portal: headings and paragraphs in reading order, and
 * data tables (`<table>` with rowspan/colspan) as tables. Scripts, styles, navigation and footers
 * are left out; layout tables (a table that holds another table) are read as ordinary flow.
 */
export function readHtml(html: string): DocBlock[] {
  const root = parse(html, { comment: false, blockTextElements: { script: true, style: true, noscript: true, pre: true } });
  const reader = new FlowReader();
  reader.walk(root);
  reader.flush();
  return reader.blocks;
}

const SKIP_TAGS = new Set(["script", "style", "noscript", "template", "head", "iframe", "svg", "button", "select", "input", "textarea", "nav", "footer", "object", "embed", "canvas", "map"]);
const BLOCK_TAGS = new Set([
  "p", "div", "section", "article", "main", "aside", "header", "body", "html", "blockquote", "center", "ul", "ol", "li",
  "dl", "dt", "dd", "form", "figure", "figcaption", "pre", "address", "hr", "h1", "h2", "h3", "h4", "h5", "h6",
  "tr", "td", "th", "tbody", "thead", "tfoot", "caption", "fieldset", "legend", "details", "summary",
]);
/** Page furniture by class or id: navigation, breadcrumbs, share bars, copyright footers. */
const FURNITURE = /(?:^|[-_\s])(?:footer|foot|nav|navbar|menu|breadcrumbs?|crumbs?|share|copyright|sidebar|topbar)(?:[-_\s]|$)/i;

class FlowReader {
  readonly blocks: DocBlock[] = [];
  private buffer = "";
  private heading = false;

  flush(): void {
    const text = this.buffer.replace(/[ \t\r\n\f]+/g, " ").trim();
    if (text) this.blocks.push({ type: "paragraph", text, heading: this.heading || undefined });
    this.buffer = "";
    this.heading = false;
  }

  walk(node: Node): void {
    if (node.nodeType === NodeType.TEXT_NODE) {
      this.buffer += node.text;
      return;
    }
    if (!(node instanceof HTMLElement)) return;
    const tag = (node.rawTagName ?? "").toLowerCase();
    if (SKIP_TAGS.has(tag)) return;
    if (tag && FURNITURE.test(`${node.getAttribute("class") ?? ""} ${node.getAttribute("id") ?? ""}`)) return;
    if (tag === "br") {
      this.flush();
      return;
    }
    if (tag === "table" && !node.querySelector("table")) {
      this.flush();
      const table = readTable(node);
      if (table.rows.length > 0) this.blocks.push(table);
      return;
    }
    const block = BLOCK_TAGS.has(tag) || tag === "table";
    if (block) this.flush();
    for (const child of node.childNodes) this.walk(child);
    if (block) {
      if (/^h[1-6]$/.test(tag)) this.heading = true;
      this.flush();
    }
  }
}

function readTable(table: HTMLElement): TableBlock {
  const rows: TableCell[][] = [];
  for (const tr of rowsOf(table)) {
    const cells: TableCell[] = [];
    for (const td of tr.childNodes) {
      if (!(td instanceof HTMLElement)) continue;
      const tag = td.rawTagName.toLowerCase();
      if (tag !== "td" && tag !== "th") continue;
      cells.push({ text: cellText(td), colSpan: span(td.getAttribute("colspan")), rowSpan: span(td.getAttribute("rowspan")) });
    }
    rows.push(cells);
  }
  return { type: "table", rows, positional: true };
}

/** The table's own rows (directly, or in thead/tbody/tfoot), in document order. */
function rowsOf(table: HTMLElement): HTMLElement[] {
  const out: HTMLElement[] = [];
  for (const child of table.childNodes) {
    if (!(child instanceof HTMLElement)) continue;
    const tag = child.rawTagName.toLowerCase();
    if (tag === "tr") out.push(child);
    else if (tag === "thead" || tag === "tbody" || tag === "tfoot") out.push(...rowsOf(child));
  }
  return out;
}

function span(value: string | undefined): number {
  const n = Number.parseInt(value ?? "", 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 1000) : 1;
}

/** A cell's text with its line structure (br, p, div) as line breaks. */
function cellText(td: HTMLElement): string {
  const parts: string[] = [];
  const visit = (node: Node) => {
    if (node.nodeType === NodeType.TEXT_NODE) {
      parts.push(node.text.replace(/[ \t\r\n\f]+/g, " "));
      return;
    }
    if (!(node instanceof HTMLElement)) return;
    const tag = (node.rawTagName ?? "").toLowerCase();
    if (SKIP_TAGS.has(tag)) return;
    if (tag === "br") {
      parts.push("\n");
      return;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) parts.push("\n");
    for (const child of node.childNodes) visit(child);
    if (block) parts.push("\n");
  };
  for (const child of td.childNodes) visit(child);
  return parts.join("").split("\n").map((l) => l.trim()).filter(Boolean).join("\n");
}
