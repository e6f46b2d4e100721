import JSZip from "jszip";
import { XMLParser } from "fast-xml-parser";
import { ValidationError } from "@/lib/errors";
import type { DocBlock, TableBlock, TableCell } from "./types";
import { inflateCapped } from "./inflate-capped";

/**
 * A Word document's body as blocks: w:p paragraphs and w:tbl tables read as tables (w:tr/w:tc,
 * w:gridSpan as colSpan, w:vMerge restart/continue as rowSpan), never as flattened text.
 */
export class DocxReadError extends ValidationError {}

/**
 * What a DOCX may unpack to. A ZIP entry can inflate a thousandfold (a 781 KB file whose word/document.xml
 * inflates to 256 MB is enough to exhaust a server), so each entry is measured while it inflates and
 * reading stops at its cap; the entry count is bounded before the archive's directory is even built.
 */
export const DOCX_LIMITS = {
  /** Entries in the archive (a long report with images has a few dozen). */
  maxEntries: 2000,
  /** word/document.xml inflated (a 100-page report with tables is 2–5 MB). */
  maxDocumentBytes: 20 * 1024 * 1024,
  /** Everything read from the archive, inflated. */
  maxTotalBytes: 100 * 1024 * 1024,
  /**
   * XML elements in word/document.xml. A 100-page report with its tables has under 200,000; each element
   * costs the parser a few hundred bytes of heap, so this keeps a legal 20 MB body within what one import
   * worker may use instead of letting it run out of memory halfway.
   */
  maxElements: 300_000,
} as const;

const MB = 1024 * 1024;

export async function readDocx(bytes: Uint8Array | ArrayBuffer): Promise<DocBlock[]> {
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const declared = declaredEntryCount(data);
  if (declared !== null && declared > DOCX_LIMITS.maxEntries) throw tooManyEntries(declared);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data);
  } catch {
    throw new DocxReadError("不是有效的DOCX文件（无法按ZIP格式读取）");
  }
  const entries = Object.keys(zip.files).length;
  if (entries > DOCX_LIMITS.maxEntries) throw tooManyEntries(entries);
  const entry = zip.file("word/document.xml");
  if (!entry) throw new DocxReadError("DOCX文件中没有正文（缺少word/document.xml）");
  const budget = { left: DOCX_LIMITS.maxTotalBytes };
  const xml = new TextDecoder("utf-8").decode(
    await inflateCapped(entry, DOCX_LIMITS.maxDocumentBytes, budget, {
      overEntry: () =>
        new DocxReadError(
          `DOCX文件的正文解压后超过 ${DOCX_LIMITS.maxDocumentBytes / MB} MB 上限，无法读取`,
        ),
      overTotal: () =>
        new DocxReadError(
          `DOCX文件解压后的内容超过 ${DOCX_LIMITS.maxTotalBytes / MB} MB 上限，无法读取`,
        ),
      broken: () => new DocxReadError("DOCX文件已损坏（正文无法解压）"),
    }),
  );
  return readDocumentXml(xml);
}

function tooManyEntries(count: number): DocxReadError {
  return new DocxReadError(
    `DOCX文件中的条目过多（${count} 个，上限 ${DOCX_LIMITS.maxEntries} 个），不像是 Word 文档`,
  );
}

/**
 * The total-entries field of the ZIP's end-of-central-directory record, read before JSZip builds an
 * object per entry; null when there is none to read (JSZip then refuses the file) or it defers to ZIP64.
 */
function declaredEntryCount(data: Uint8Array): number | null {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  // The record is 22 bytes plus a comment of at most 65,535.
  for (let at = data.length - 22; at >= Math.max(0, data.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === 0x06054b50) {
      const total = view.getUint16(at + 10, true);
      return total === 0xffff ? null : total;
    }
  }
  return null;
}

type XNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: false,
});

/** The blocks of word/document.xml (exported for tests that hand-write WordprocessingML). */
export function readDocumentXml(xml: string): DocBlock[] {
  if (openingTagsOver(xml, DOCX_LIMITS.maxElements))
    throw new DocxReadError(
      `DOCX文件的正文元素过多（超过 ${DOCX_LIMITS.maxElements / 10_000} 万个），不像是一份年度报告，无法读取`,
    );
  let root: XNode[];
  try {
    // The parser refuses malformed XML and elements nested deeper than 100 (its maxNestedTags), which
    // also bounds the recursion below.
    root = parser.parse(xml) as XNode[];
  } catch {
    throw new DocxReadError("DOCX文件已损坏（正文不是有效的XML）");
  }
  const document = find(root, "w:document");
  const body = document ? find(children(document), "w:body") : undefined;
  const blocks: DocBlock[] = [];
  if (body) readBody(children(body), blocks);
  return blocks;
}

/** Whether the XML has more than `cap` opening tags ("<" then a letter), counted without parsing. */
function openingTagsOver(xml: string, cap: number): boolean {
  let count = 0;
  for (let at = xml.indexOf("<"); at !== -1; at = xml.indexOf("<", at + 1)) {
    const next = xml.charCodeAt(at + 1);
    const letter = (next >= 65 && next <= 90) || (next >= 97 && next <= 122);
    if (letter && ++count > cap) return true;
  }
  return false;
}

function tagOf(node: XNode): string | null {
  for (const key of Object.keys(node)) if (key !== ":@") return key;
  return null;
}

function children(node: XNode): XNode[] {
  const tag = tagOf(node);
  const value = tag ? node[tag] : undefined;
  return Array.isArray(value) ? (value as XNode[]) : [];
}

function attr(node: XNode, name: string): string | undefined {
  const attrs = node[":@"] as Record<string, string> | undefined;
  return attrs?.[`@_${name}`];
}

function find(nodes: XNode[], tag: string): XNode | undefined {
  return nodes.find((n) => tagOf(n) === tag);
}

/** Containers whose content belongs to the surrounding flow. */
const TRANSPARENT = new Set([
  "w:sdt",
  "w:sdtContent",
  "w:customXml",
  "w:smartTag",
  "w:ins",
  "w:moveTo",
  "w:hyperlink",
  "w:fldSimple",
  "w:dir",
  "w:bdo",
]);

function readBody(nodes: XNode[], blocks: DocBlock[]): void {
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag === "w:p")
      blocks.push({
        type: "paragraph",
        text: paragraphText(node),
        heading: isHeading(node) || undefined,
      });
    else if (tag === "w:tbl") blocks.push(readTable(node));
    else if (tag && TRANSPARENT.has(tag)) readBody(children(node), blocks);
  }
}

function isHeading(p: XNode): boolean {
  const pPr = find(children(p), "w:pPr");
  if (!pPr) return false;
  const style = find(children(pPr), "w:pStyle");
  const name = style ? (attr(style, "w:val") ?? "") : "";
  return /heading|title|标题/i.test(name) || Boolean(find(children(pPr), "w:outlineLvl"));
}

/** Text that is not part of the visible document: deleted runs, field codes, alternative renderings. */
const SKIP = new Set([
  "w:pPr",
  "w:rPr",
  "w:del",
  "w:delText",
  "w:instrText",
  "w:moveFrom",
  "mc:Fallback",
  "w:footnoteReference",
  "w:commentReference",
]);

function paragraphText(p: XNode): string {
  const out: string[] = [];
  collectText(children(p), out);
  return out.join("");
}

function collectText(nodes: XNode[], out: string[]): void {
  for (const node of nodes) {
    const tag = tagOf(node);
    if (!tag || SKIP.has(tag)) continue;
    if (tag === "w:t") {
      for (const t of children(node)) if (typeof t["#text"] === "string") out.push(t["#text"]);
    } else if (tag === "w:tab" || tag === "w:ptab") {
      out.push(" ");
    } else if (tag === "w:br" || tag === "w:cr") {
      out.push("\n");
    } else if (tag === "w:noBreakHyphen") {
      out.push("-");
    } else if (tag === "w:p") {
      if (out.length > 0) out.push("\n");
      collectText(children(node), out);
    } else if (tag !== "#text") {
      collectText(children(node), out);
    }
  }
}

interface PlacedCell {
  cell: TableCell;
  col: number;
  vMerge: "restart" | "continue" | null;
}

function readTable(tbl: XNode): TableBlock {
  const rows: TableCell[][] = [];
  // The cell a vertical merge started in, by grid column.
  const mergeOrigin = new Map<number, TableCell>();
  for (const tr of flatten(children(tbl), "w:tr")) {
    const placed: PlacedCell[] = [];
    let col = 0;
    const trPr = find(children(tr), "w:trPr");
    const before = trPr ? find(children(trPr), "w:gridBefore") : undefined;
    const skip = before ? Number(attr(before, "w:val") ?? 0) : 0;
    if (skip > 0) {
      placed.push({ cell: { text: "", colSpan: skip, rowSpan: 1 }, col, vMerge: null });
      col += skip;
    }
    for (const tc of flatten(children(tr), "w:tc")) {
      const tcPr = find(children(tc), "w:tcPr");
      const spanNode = tcPr ? find(children(tcPr), "w:gridSpan") : undefined;
      const colSpan = Math.max(1, Number(spanNode ? attr(spanNode, "w:val") : 1) || 1);
      const vNode = tcPr ? find(children(tcPr), "w:vMerge") : undefined;
      const vMerge = vNode ? (attr(vNode, "w:val") === "restart" ? "restart" : "continue") : null;
      placed.push({ cell: { text: cellText(tc), colSpan, rowSpan: 1 }, col, vMerge });
      col += colSpan;
    }
    const row: TableCell[] = [];
    for (const p of placed) {
      if (p.vMerge === "continue") {
        const origin = mergeOrigin.get(p.col);
        if (origin) {
          origin.rowSpan++;
          continue;
        }
      }
      if (p.vMerge === "restart") mergeOrigin.set(p.col, p.cell);
      else if (p.vMerge === null) mergeOrigin.delete(p.col);
      row.push(p.cell);
    }
    rows.push(row);
  }
  return { type: "table", rows, positional: true };
}

/** Rows or cells, also where content controls or custom XML wrap them. */
function flatten(nodes: XNode[], tag: string): XNode[] {
  const out: XNode[] = [];
  for (const node of nodes) {
    const t = tagOf(node);
    if (t === tag) out.push(node);
    else if (t && TRANSPARENT.has(t)) out.push(...flatten(children(node), tag));
  }
  return out;
}

function cellText(tc: XNode): string {
  const lines: string[] = [];
  for (const node of children(tc)) {
    const tag = tagOf(node);
    if (tag === "w:p") lines.push(paragraphText(node));
    else if (tag === "w:tbl") {
      for (const row of readTable(node).rows) lines.push(row.map((c) => c.text).join(" "));
    } else if (tag && TRANSPARENT.has(tag)) {
      const inner: string[] = [];
      collectText(children(node), inner);
      lines.push(inner.join(""));
    }
  }
  return lines.join("\n");
}
