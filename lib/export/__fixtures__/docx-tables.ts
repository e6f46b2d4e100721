import JSZip from "jszip";
import { XMLParser } from "fast-xml-parser";

/**
 * Reads the tables of a generated DOCX straight from its WordprocessingML, independently of the
 * renderer and of lib/import, so that tests check what Word will actually see: w:tblGrid,
 * w:gridSpan, w:vMerge, w:tblHeader and the text of each cell.
 */
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

export async function docxParts(bytes: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const parts: Record<string, string> = {};
  for (const [name, file] of Object.entries(zip.files)) {
    if (!file.dir && /\.(xml|rels)$/.test(name)) parts[name] = await file.async("string");
  }
  return parts;
}

const tag = (n: XNode) => Object.keys(n).find((k) => k !== ":@") ?? "";
const kids = (n: XNode) => (Array.isArray(n[tag(n)]) ? (n[tag(n)] as XNode[]) : []);
const attr = (n: XNode, name: string) =>
  (n[":@"] as Record<string, string> | undefined)?.[`@_${name}`];
const child = (n: XNode, name: string) => kids(n).find((k) => tag(k) === name);

export function allText(nodes: XNode[]): string {
  let out = "";
  for (const n of nodes) {
    if (tag(n) === "w:t")
      out += kids(n)
        .map((t) => (typeof t["#text"] === "string" ? t["#text"] : ""))
        .join("");
    else if (tag(n) !== "#text") out += allText(kids(n));
  }
  return out;
}

export interface XmlCell {
  text: string;
  col: number;
  gridSpan: number;
  vMerge: "restart" | "continue" | null;
}

export interface XmlTable {
  gridCols: number[];
  rows: { header: boolean; cells: XmlCell[] }[];
}

/** A merged cell as a reader sees it: where it starts and how far it spans. */
export interface MergedCell {
  text: string;
  row: number;
  col: number;
  colSpan: number;
  rowSpan: number;
}

function findAll(nodes: XNode[], name: string, out: XNode[] = []): XNode[] {
  for (const n of nodes) {
    if (tag(n) === name) out.push(n);
    else if (name !== "w:tbl" || tag(n) !== "w:tbl") findAll(kids(n), name, out);
  }
  return out;
}

export function readXmlTables(documentXml: string): XmlTable[] {
  const root = parser.parse(documentXml) as XNode[];
  return findAll(root, "w:tbl").map((tbl) => {
    const grid = child(tbl, "w:tblGrid");
    const gridCols = grid
      ? kids(grid)
          .filter((k) => tag(k) === "w:gridCol")
          .map((k) => Number(attr(k, "w:w")))
      : [];
    const rows = kids(tbl)
      .filter((k) => tag(k) === "w:tr")
      .map((tr) => {
        const trPr = child(tr, "w:trPr");
        const header = Boolean(trPr && child(trPr, "w:tblHeader"));
        let col = 0;
        const cells = kids(tr)
          .filter((k) => tag(k) === "w:tc")
          .map((tc): XmlCell => {
            const tcPr = child(tc, "w:tcPr");
            const span = tcPr && child(tcPr, "w:gridSpan");
            const merge = tcPr && child(tcPr, "w:vMerge");
            const gridSpan = span ? Number(attr(span, "w:val")) : 1;
            const cell: XmlCell = {
              text: allText(kids(tc).filter((k) => tag(k) === "w:p")),
              col,
              gridSpan,
              vMerge: merge ? (attr(merge, "w:val") === "restart" ? "restart" : "continue") : null,
            };
            col += gridSpan;
            return cell;
          });
        return { header, cells };
      });
    return { gridCols, rows };
  });
}

/** The merged cells of a table: a vMerge continue adds a row to the cell started above in the same column. */
export function mergedCells(table: XmlTable): MergedCell[] {
  const cells: MergedCell[] = [];
  const open = new Map<number, MergedCell>();
  table.rows.forEach((row, r) => {
    for (const c of row.cells) {
      if (c.vMerge === "continue") {
        const above = open.get(c.col);
        if (!above || above.colSpan !== c.gridSpan)
          throw new Error(
            `row ${r}, column ${c.col}: vMerge continue without a matching cell above`,
          );
        above.rowSpan++;
        continue;
      }
      const cell: MergedCell = {
        text: c.text,
        row: r,
        col: c.col,
        colSpan: c.gridSpan,
        rowSpan: 1,
      };
      if (c.vMerge === "restart") open.set(c.col, cell);
      else open.delete(c.col);
      cells.push(cell);
    }
  });
  return cells;
}

/** The cell covering grid position (row, col). */
export function cellAt(cells: MergedCell[], row: number, col: number): MergedCell | undefined {
  return cells.find(
    (c) => row >= c.row && row < c.row + c.rowSpan && col >= c.col && col < c.col + c.colSpan,
  );
}

export interface XmlRun {
  text: string;
  eastAsia: string | undefined;
  ascii: string | undefined;
  /** Half-points. */
  size: number | undefined;
}

export interface XmlParagraph {
  text: string;
  align: string | undefined;
  indent: Record<string, string>;
  spacing: Record<string, string>;
  outlineLevel: string | undefined;
  runs: XmlRun[];
}

function attrsOf(n: XNode | undefined): Record<string, string> {
  const raw = (n?.[":@"] as Record<string, string> | undefined) ?? {};
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k.replace(/^@_w:/, ""), v]));
}

/** The paragraphs directly in the body (or a header/footer part), with their runs' fonts and sizes. */
export function readParagraphs(xml: string): XmlParagraph[] {
  const root = parser.parse(xml) as XNode[];
  const top = root.find((n) => ["w:document", "w:ftr", "w:hdr"].includes(tag(n)));
  if (!top) return [];
  const container = tag(top) === "w:document" ? child(top, "w:body") : top;
  return kids(container!)
    .filter((k) => tag(k) === "w:p")
    .map((p) => {
      const pPr = child(p, "w:pPr");
      const runs = findAll(kids(p), "w:r").map((r): XmlRun => {
        const rPr = child(r, "w:rPr");
        const fonts = rPr && child(rPr, "w:rFonts");
        const sz = rPr && child(rPr, "w:sz");
        return {
          text: allText([r]),
          eastAsia: fonts ? attr(fonts, "w:eastAsia") : undefined,
          ascii: fonts ? attr(fonts, "w:ascii") : undefined,
          size: sz ? Number(attr(sz, "w:val")) : undefined,
        };
      });
      return {
        text: allText([p]),
        align: pPr && child(pPr, "w:jc") ? attr(child(pPr, "w:jc")!, "w:val") : undefined,
        indent: attrsOf(pPr && child(pPr, "w:ind")),
        spacing: attrsOf(pPr && child(pPr, "w:spacing")),
        outlineLevel:
          pPr && child(pPr, "w:outlineLvl")
            ? attr(child(pPr, "w:outlineLvl")!, "w:val")
            : undefined,
        runs,
      };
    });
}

/** Tag names of the body's direct children, in order (w:p, w:tbl, w:sectPr). */
export function bodyChildren(documentXml: string): string[] {
  const root = parser.parse(documentXml) as XNode[];
  const document = root.find((n) => tag(n) === "w:document");
  const body = document && child(document, "w:body");
  return body
    ? kids(body)
        .map(tag)
        .filter((t) => t !== "#text")
    : [];
}

/** Attributes of the first element with this tag name anywhere in the part. */
export function firstElementAttrs(xml: string, name: string): Record<string, string> | null {
  const root = parser.parse(xml) as XNode[];
  const found = findAll(root, name)[0];
  return found ? attrsOf(found) : null;
}
