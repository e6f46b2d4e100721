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

  /** Depth-first over an explicit stack: markup nested thousands deep must not overflow the call stack. */
  walk(root: Node): void {
    const stack: (Node | BlockEnd)[] = [root];
    while (stack.length > 0) {
      const item = stack.pop()!;
      if (item instanceof BlockEnd) {
        if (/^h[1-6]$/.test(item.tag)) this.heading = true;
        this.flush();
        continue;
      }
      const node = item;
      if (node.nodeType === NodeType.TEXT_NODE) {
        this.buffer += node.text;
        continue;
      }
      if (!(node instanceof HTMLElement)) continue;
      const tag = (node.rawTagName ?? "").toLowerCase();
      if (SKIP_TAGS.has(tag)) continue;
      if (tag && FURNITURE.test(`${node.getAttribute("class") ?? ""} ${node.getAttribute("id") ?? ""}`)) continue;
      if (tag === "br") {
        this.flush();
        continue;
      }
      if (tag === "table" && !containsTable(node)) {
        this.flush();
        const table = readTable(node);
        if (table.rows.length > 0) this.blocks.push(table);
        continue;
      }
      const block = BLOCK_TAGS.has(tag) || tag === "table";
      if (block) {
        this.flush();
        stack.push(new BlockEnd(tag));
      }
      for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i]);
    }
  }
}

/** Where a block element's content ends (flush the paragraph; an h1–h6 marks it as a heading). */
class BlockEnd {
  constructor(readonly tag: string) {}
}

/** Whether a table holds another table (a layout table), searched without recursion. */
function containsTable(table: HTMLElement): boolean {
  const stack: Node[] = [...table.childNodes];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!(node instanceof HTMLElement)) continue;
    if ((node.rawTagName ?? "").toLowerCase() === "table") return true;
    for (const child of node.childNodes) stack.push(child);
  }
  return false;
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

/** The table's own rows (directly, or in thead/tbody/tfoot, however deeply wrapped), in document order. */
function rowsOf(table: HTMLElement): HTMLElement[] {
  const out: HTMLElement[] = [];
  const stack: Node[] = [...table.childNodes].reverse();
  while (stack.length > 0) {
    const child = stack.pop()!;
    if (!(child instanceof HTMLElement)) continue;
    const tag = child.rawTagName.toLowerCase();
    if (tag === "tr") out.push(child);
    else if (tag === "thead" || tag === "tbody" || tag === "tfoot") for (let i = child.childNodes.length - 1; i >= 0; i--) stack.push(child.childNodes[i]);
  }
  return out;
}

function span(value: string | undefined): number {
  const n = Number.parseInt(value ?? "", 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 1000) : 1;
}

/** A cell's text with its line structure (br, p, div) as line breaks (an explicit stack, as in FlowReader.walk). */
function cellText(td: HTMLElement): string {
  const parts: string[] = [];
  // A string on the stack is text to emit when reached (the line break after a block).
  const stack: (Node | string)[] = [...td.childNodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (typeof node === "string") {
      parts.push(node);
      continue;
    }
    if (node.nodeType === NodeType.TEXT_NODE) {
      parts.push(node.text.replace(/[ \t\r\n\f]+/g, " "));
      continue;
    }
    if (!(node instanceof HTMLElement)) continue;
    const tag = (node.rawTagName ?? "").toLowerCase();
    if (SKIP_TAGS.has(tag)) continue;
    if (tag === "br") {
      parts.push("\n");
      continue;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) {
      parts.push("\n");
      stack.push("\n");
    }
    for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i]);
  }
  return parts.join("").split("\n").map((l) => l.trim()).filter(Boolean).join("\n");
}
