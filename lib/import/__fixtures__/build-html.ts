import type { FormatId } from "@/lib/report/spec-types";
import type { TablesJson } from "../tables-json";
import type { FixtureDocument } from "./build-docx";
import { layoutTables, withRowSpans } from "./grid-layout";

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * A portal page publishing the report: navigation, breadcrumb, a layout table around the article,
 * the report's tables with rowspan/colspan, and a footer — the furniture an importer must skip.
 */
export function buildHtml(
  formatId: FormatId,
  doc: FixtureDocument,
  data: TablesJson,
  /** Print the captions of 二 (第二十条第（一）项 …) as paragraphs above their tables instead of as a first row. */
  { captionsAsParagraphs = false } = {},
): string {
  const layouts = new Map(layoutTables(formatId, data).map((t) => [t.id, t]));
  const table = (id: string) => {
    const layout = layouts.get(id)!;
    const captionRow = captionsAsParagraphs && id.startsWith("20.") ? layout.rows[0][0].text : null;
    if (captionRow) layout.rows = layout.rows.slice(1);
    const rows = withRowSpans(layout)
      .map(
        (row) =>
          `<tr>${row
            .map((c) => {
              const tag = c.header ? "th" : "td";
              const attrs = `${c.colSpan > 1 ? ` colspan="${c.colSpan}"` : ""}${c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : ""}`;
              return `<${tag}${attrs}><p style="text-align:center">${escape(c.text).replace(/\n/g, "<br>")}</p></${tag}>`;
            })
            .join("")}</tr>`,
      )
      .join("\n");
    const caption = captionRow ? `<p style="text-align:center">${escape(captionRow)}</p>\n` : "";
    return `${caption}<table border="1" cellspacing="0" style="width:100%"><tbody>\n${rows}\n</tbody></table>`;
  };
  const article = [
    `<h1>${doc.title.map(escape).join("<br/>")}</h1>`,
    ...doc.preface.map((p) => `<p>&nbsp;&nbsp;${escape(p)}</p>`),
    ...doc.sections.flatMap((s) => [
      `<p><strong>${escape(s.heading)}</strong></p>`,
      ...s.paragraphs.map((p) => `<p style="text-indent:2em">${escape(p)}</p>`),
      ...s.tables.map(table),
    ]),
    ...(doc.closing ?? []).map((l) => `<p style="text-align:right">${escape(l)}</p>`),
  ].join("\n");
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>${escape(doc.title.join(""))}_政府信息公开年报</title>
<style>td{border:1px solid #000}</style><script>var _hmt = _hmt || []; document.write("<p>统计代码</p>");</script></head>
<body>
<div class="top-nav"><a href="/">首页</a> <a href="/zwgk/">政务公开</a> <a href="/hdjl/">互动交流</a></div>
<div class="breadcrumb">当前位置：首页 &gt; 政务公开 &gt; 政府信息公开年报</div>
<table class="layout" width="1000"><tr><td width="200"><ul><li>政府信息公开指南</li><li>政府信息公开制度</li></ul></td>
<td><div class="article-content">
${article}
</div></td></tr></table>
<div class="footer">主办：哈尔滨市呼兰区人民政府办公室 版权所有 网站标识码：2301110001 黑ICP备00000000号</div>
</body></html>`;
}
