import { parseFragment, type DefaultTreeAdapterTypes } from "parse5";
import { renderHtmlFragment } from "@/lib/export/html";
import type { ReportContent } from "@/lib/report/content";

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

/** A cell of an exported table, as printed: covered positions are absent. */
export interface PrintedCell {
  header: boolean;
  text: string;
  colSpan: number;
  rowSpan: number;
}

/** Our HTML export of a report, as the blocks a portal editor re-types it from. */
export type ArticleBlock =
  | { kind: "title"; lines: string[] }
  | { kind: "heading"; text: string }
  | { kind: "subheading"; text: string }
  | { kind: "paragraph"; lead: string; text: string }
  | { kind: "table"; rows: PrintedCell[][] }
  | { kind: "closing"; lines: string[] };

/** The blocks of `renderHtmlFragment(content)`, read back with parse5 (fixtures only: the export's shape is known). */
export function articleBlocks(content: ReportContent): ArticleBlock[] {
  const fragment = parseFragment(renderHtmlFragment(content));
  const article = elements(fragment).find((e) => e.tagName === "article")!;
  const blocks: ArticleBlock[] = [];
  const visit = (parent: Node) => {
    for (const el of elements(parent)) {
      const cls = attr(el, "class") ?? "";
      if (el.tagName === "h1")
        blocks.push({
          kind: "title",
          lines: elements(el)
            .filter((s) => s.tagName === "span")
            .map(text),
        });
      else if (el.tagName === "h2") blocks.push({ kind: "heading", text: text(el) });
      else if (el.tagName === "h3") blocks.push({ kind: "subheading", text: text(el) });
      else if (el.tagName === "p") {
        const lead = elements(el).find((s) => attr(s, "class") === "lead");
        const all = text(el);
        blocks.push({
          kind: "paragraph",
          lead: lead ? text(lead) : "",
          text: lead ? all.slice(text(lead).length) : all,
        });
      } else if (el.tagName === "table") blocks.push({ kind: "table", rows: rowsOf(el) });
      else if (cls.includes("closing"))
        blocks.push({ kind: "closing", lines: elements(el).map(text) });
      else visit(el);
    }
  };
  visit(article);
  return blocks;
}

function rowsOf(table: Element): PrintedCell[][] {
  const rows: PrintedCell[][] = [];
  for (const part of elements(table)) {
    if (part.tagName !== "thead" && part.tagName !== "tbody") continue;
    for (const tr of elements(part)) {
      rows.push(
        elements(tr).map((cell) => ({
          header: cell.tagName === "th",
          text: text(cell),
          colSpan: Number(attr(cell, "colspan") ?? 1),
          rowSpan: Number(attr(cell, "rowspan") ?? 1),
        })),
      );
    }
  }
  return rows;
}

function elements(node: Node): Element[] {
  return ("childNodes" in node ? node.childNodes : []).filter((n): n is Element => "tagName" in n);
}

function attr(el: Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

function text(node: Node): string {
  if (node.nodeName === "#text") return (node as DefaultTreeAdapterTypes.TextNode).value;
  return ("childNodes" in node ? node.childNodes : []).map(text).join("");
}
