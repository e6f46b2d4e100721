import { parse, type HTMLElement } from "node-html-parser";
import type { MergedCell } from "./docx-tables";

/** The tables of an HTML page as merged cells placed by the HTML table model (for comparison with the DOCX). */
export interface HtmlTable {
  caption: string | null;
  labelledBy: string | null;
  cells: (MergedCell & { tag: "th" | "td"; scope: string | null })[];
}

export function readHtmlTables(html: string): HtmlTable[] {
  const root = parse(html);
  return root.querySelectorAll("table").map((table) => {
    const rows: HTMLElement[] = table.querySelectorAll("tr");
    const covered: boolean[][] = rows.map(() => []);
    const cells: HtmlTable["cells"] = [];
    rows.forEach((tr, r) => {
      let c = 0;
      for (const td of tr.childNodes) {
        const el = td as HTMLElement;
        const name = el.rawTagName?.toLowerCase();
        if (name !== "td" && name !== "th") continue;
        while (covered[r][c]) c++;
        const colSpan = Number(el.getAttribute("colspan") ?? 1);
        const rowSpan = Number(el.getAttribute("rowspan") ?? 1);
        for (let i = 0; i < rowSpan; i++) for (let j = 0; j < colSpan; j++) (covered[r + i] ??= [])[c + j] = true;
        cells.push({ text: el.text, row: r, col: c, colSpan, rowSpan, tag: name, scope: el.getAttribute("scope") ?? null });
        c += colSpan;
      }
    });
    const caption = table.querySelector("caption");
    return { caption: caption ? caption.text : null, labelledBy: table.getAttribute("aria-labelledby") ?? null, cells };
  });
}
