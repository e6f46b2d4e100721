import type { MergedCell } from "./docx-tables";
import { attrOf, byTag, children, parseHtml, textOf } from "./html-dom";

/** The tables of an HTML page as merged cells placed by the HTML table model (for comparison with the DOCX). */
export interface HtmlTable {
  caption: string | null;
  labelledBy: string | null;
  cells: (MergedCell & { tag: "th" | "td"; scope: string | null })[];
}

export function readHtmlTables(html: string): HtmlTable[] {
  return byTag(parseHtml(html), "table").map((table) => {
    const rows = byTag(table, "tr");
    const covered: boolean[][] = rows.map(() => []);
    const cells: HtmlTable["cells"] = [];
    rows.forEach((tr, r) => {
      let c = 0;
      for (const el of children(tr)) {
        const name = el.tagName;
        if (name !== "td" && name !== "th") continue;
        while (covered[r][c]) c++;
        const colSpan = Number(attrOf(el, "colspan") ?? 1);
        const rowSpan = Number(attrOf(el, "rowspan") ?? 1);
        for (let i = 0; i < rowSpan; i++)
          for (let j = 0; j < colSpan; j++) (covered[r + i] ??= [])[c + j] = true;
        cells.push({
          text: textOf(el),
          row: r,
          col: c,
          colSpan,
          rowSpan,
          tag: name,
          scope: attrOf(el, "scope") ?? null,
        });
        c += colSpan;
      }
    });
    const caption = byTag(table, "caption")[0];
    return {
      caption: caption ? textOf(caption) : null,
      labelledBy: attrOf(table, "aria-labelledby") ?? null,
      cells,
    };
  });
}
