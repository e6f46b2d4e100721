import { parse } from "parse5";
import { placeCells } from "./grid";
import { boundMarkup } from "./html/bound-markup";
import {
  attr,
  childrenOf,
  isElement,
  isHidden,
  isText,
  type HtmlElement,
  type HtmlNode,
} from "./html/dom";
import { isFurnitureName, isFurnitureText } from "./html/furniture";
import { HTML_LIMITS } from "./html/limits";
import { readTable } from "./html/read-table";
import { refuse } from "./html/refusals";
import { BLOCK_TAGS, SKIP_TAGS } from "./html/tags";
import type { DocBlock } from "./types";

export interface ReadHtmlOptions {
  /** Named in refusals. */
  fileName?: string;
}

/**
 * A report as published on a government portal: headings and paragraphs in reading order, and
 * data tables (`<table>` with rowspan/colspan) as tables. Parsed by parse5 (the HTML standard's
 * tree builder, linear in the input) from markup bounded first (html/bound-markup.ts). Scripts,
 * styles, hidden elements and page furniture (navigation, breadcrumbs, share and print bars,
 * footers) are left out; layout tables (a table holding a table, a one-column table, a cell with a
 * heading or a page of text) are read as running text, so a heading printed in one still counts.
 * Refuses (ImportRefusedError) a page past HTML_LIMITS.
 */
export function readHtml(html: string, options: ReadHtmlOptions = {}): DocBlock[] {
  if (html.length > HTML_LIMITS.maxChars) throw refuse.tooLarge(options.fileName, html.length);
  const document = parse(boundMarkup(html, HTML_LIMITS.maxDepth));
  const reader = new FlowReader(options.fileName);
  reader.walk(document);
  reader.flush();
  return reader.blocks;
}

/** A furniture-named container with more text than this is kept: a theme's class names once hid a whole article. */
const MAX_FURNITURE_CHARS = 2000;

class FlowReader {
  readonly blocks: DocBlock[] = [];
  private buffer = "";
  private heading = false;
  private tables = 0;
  private positions = 0;
  private facts: Map<HtmlElement, SubtreeFacts> = new Map();

  constructor(private readonly fileName: string | undefined) {}

  flush(): void {
    const text = this.buffer.replace(/[ \t\r\n\f]+/g, " ").trim();
    if (text && !isFurnitureText(text))
      this.blocks.push({ type: "paragraph", text, heading: this.heading || undefined });
    this.buffer = "";
    this.heading = false;
  }

  /** Depth-first over an explicit stack: the depth is bounded, but the walk never relies on it. */
  walk(root: HtmlNode): void {
    this.facts = subtreeFacts(root);
    const stack: (HtmlNode | BlockEnd)[] = [root];
    while (stack.length > 0) {
      const item = stack.pop()!;
      if (item instanceof BlockEnd) {
        if (/^h[1-6]$/.test(item.tag)) this.heading = true;
        this.flush();
        continue;
      }
      const node = item;
      if (isText(node)) {
        this.buffer += node.value;
        continue;
      }
      if (!isElement(node)) {
        const children = childrenOf(node);
        for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
        continue;
      }
      const tag = node.tagName;
      if (SKIP_TAGS.has(tag) || isHidden(node) || this.isFurniture(node)) continue;
      if (tag === "br") {
        this.flush();
        continue;
      }
      if (tag === "table" && !this.facts.get(node)?.holdsTable && this.dataTable(node)) continue;
      if (BLOCK_TAGS.has(tag)) {
        this.flush();
        stack.push(new BlockEnd(tag));
      }
      const children = childrenOf(node);
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    }
  }

  /** Reads a table as data and returns true; false for a layout table, which is read as running text. */
  private dataTable(table: HtmlElement): boolean {
    const { block, layout } = readTable(table);
    if (layout) return false;
    this.flush();
    this.tables++;
    const remaining = HTML_LIMITS.maxDocumentPositions - this.positions;
    const grid = placeCells(block, Math.min(HTML_LIMITS.maxTablePositions, remaining));
    if (grid === null) {
      throw placeCells(block) === null
        ? refuse.tableTooLarge(this.fileName, this.tables)
        : refuse.tooManyPositions(this.fileName);
    }
    this.positions += grid.reduce((n, row) => n + row.length, 0);
    if (block.rows.length > 0) this.blocks.push(block);
    return true;
  }

  private isFurniture(element: HtmlElement): boolean {
    const facts = this.facts.get(element);
    return facts !== undefined && facts.furniture && facts.chars <= MAX_FURNITURE_CHARS;
  }
}

/** Where a block element's content ends (flush the paragraph; an h1–h6 marks it as a heading). */
class BlockEnd {
  constructor(readonly tag: string) {}
}

interface SubtreeFacts {
  /** Named as page furniture by its class or id. */
  furniture: boolean;
  /** Characters of text inside. */
  chars: number;
  /** Whether a table is inside (the element is a table: another table, so it is a layout table). */
  holdsTable: boolean;
}

/**
 * Text length and nested tables of every table and furniture-named element, in one walk (post-order
 * over an explicit stack), so that no element is measured twice however they nest.
 */
function subtreeFacts(root: HtmlNode): Map<HtmlElement, SubtreeFacts> {
  const out = new Map<HtmlElement, SubtreeFacts>();
  interface Frame {
    node: HtmlNode;
    chars: number;
    holdsTable: boolean;
    next: number;
  }
  const frames: Frame[] = [{ node: root, chars: 0, holdsTable: false, next: 0 }];
  while (frames.length > 0) {
    const frame = frames[frames.length - 1];
    const children = childrenOf(frame.node);
    if (frame.next < children.length) {
      const child = children[frame.next++];
      if (isText(child)) frame.chars += child.value.length;
      else if (isElement(child)) frames.push({ node: child, chars: 0, holdsTable: false, next: 0 });
      continue;
    }
    frames.pop();
    const parent = frames[frames.length - 1];
    const node = frame.node;
    if (!isElement(node)) continue;
    const furniture = isFurnitureName(`${attr(node, "class") ?? ""} ${attr(node, "id") ?? ""}`);
    if (furniture || node.tagName === "table")
      out.set(node, { furniture, chars: frame.chars, holdsTable: frame.holdsTable });
    if (parent) {
      parent.chars += frame.chars;
      parent.holdsTable ||= frame.holdsTable || node.tagName === "table";
    }
  }
  return out;
}
