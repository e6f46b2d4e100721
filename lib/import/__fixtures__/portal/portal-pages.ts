import type { ReportContent } from "@/lib/report/content";
import { articleBlocks, type ArticleBlock, type PrintedCell } from "./article-model";
import { headersAsData, splitAtCaptions } from "./table-mutations";

/**
 * Our HTML export of a report, re-published the way county portals' CMSs publish it. Each style
 * keeps every word and number and changes only markup and page furniture:
 *  - trs: TRS WCM — the article in `div.TRS_Editor` with its own `<style>`, `<font>` in every
 *    paragraph and cell, `&nbsp;` in blank cells, headings as bold paragraphs, share and print bars;
 *  - hanweb: Hanweb — a page-layout table: breadcrumb, the title and the font-size switch in cells
 *    of it, the article in `td#zoom`, each 第二十条 table in a layout table of its own with its
 *    caption in the cell above;
 *  - ueditor: UEditor — tables with explicit colspan/rowspan="1", widths and `word-break`, labels
 *    split over two `<p>`, `<span style>` around numbers, `<p><br/></p>` between blocks;
 *  - word: "save as web page" from Word, declared GB2312 — `mso-` styles, `<o:p>`, conditional
 *    comments (hidden and downlevel-revealed), `MsoNormalTable`.
 */
export type PortalStyle = "trs" | "hanweb" | "ueditor" | "word";
export const PORTAL_STYLES: readonly PortalStyle[] = ["trs", "hanweb", "ueditor", "word"];

export interface PortalOptions {
  /** Applied to every table of the article before it is printed. */
  mutateTable?: (rows: PrintedCell[][]) => PrintedCell[][];
}

export function portalPage(
  content: ReportContent,
  style: PortalStyle,
  options: PortalOptions = {},
): string {
  const blocks = articleBlocks(content).map((b) =>
    b.kind === "table" && options.mutateTable ? { ...b, rows: options.mutateTable(b.rows) } : b,
  );
  const title = blocks.find((b) => b.kind === "title")?.lines.join("") ?? "";
  return PAGES[style](blocks, title);
}

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const attrs = (cell: PrintedCell, explicit = false) =>
  `${cell.colSpan > 1 || explicit ? ` colspan="${cell.colSpan}"` : ""}${cell.rowSpan > 1 || explicit ? ` rowspan="${cell.rowSpan}"` : ""}`;

const NAV = `<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/hdjl/">互动交流</a></li><li><a href="/bsfw/">办事服务</a></li></ul></div>`;
const FOOTER = `<div class="footer"><p>主办：某区人民政府办公室　承办：某区政务服务中心</p><p>网站标识码：2301110001　黑ICP备00000000号-1　黑公网安备 23010002000001号</p></div>`;

function trs(blocks: ArticleBlock[], title: string): string {
  const font = (s: string, size = 3) => `<font face="仿宋_GB2312" size="${size}">${s}</font>`;
  const body = blocks
    .map((b) => {
      switch (b.kind) {
        // The template prints the title above the article (below); the editor's body starts with the preface.
        case "title":
          return "";
        case "heading":
          return `<p style="text-indent:2em"><strong><font face="黑体">${escape(b.text)}</font></strong></p>`;
        case "subheading":
          return `<p style="text-indent:2em"><font face="楷体_GB2312" size="3">${escape(b.text)}</font></p>`;
        case "paragraph":
          return `<p style="text-indent:2em">${font(`${b.lead ? `<font face="楷体_GB2312">${escape(b.lead)}</font>` : ""}${escape(b.text)}`)}</p>`;
        case "closing":
          return b.lines.map((l) => `<p align="right">${font(escape(l))}</p>`).join("\n");
        case "table":
          return `<table border="1" cellspacing="0" cellpadding="0" width="100%" align="center"><tbody>${headersAsData(
            b.rows,
          )
            .map(
              (row) =>
                `<tr>${row.map((c) => `<td${attrs(c)} align="center" valign="middle"><p align="center">${font(c.text ? escape(c.text) : "&nbsp;", 2)}</p></td>`).join("")}</tr>`,
            )
            .join("\n")}</tbody></table>`;
      }
    })
    .join("\n");
  return `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>${escape(title)}_政府信息公开年报_某区人民政府</title>
<script type="text/javascript" src="/js/jquery.js"></script><script>var _hmt = _hmt || []; document.write("<p>统计代码</p>");</script></head>
<body>${NAV}
<div class="location">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 政府信息公开年报</div>
<div class="article"><h1 class="article-title">${escape(title)}</h1>
<div class="info">发布时间：2023-01-20　来源：某区人民政府办公室　浏览次数：<span id="count">128</span></div>
<div class="TRS_Editor"><style type="text/css">.TRS_Editor P{margin-top:0px;margin-bottom:12px;line-height:1.8;font-family:宋体;font-size:12pt;}</style>
${body}
</div>
<div class="bdsharebuttonbox">分享到：<a href="#" class="bds_weixin" data-cmd="weixin"></a><a href="#" class="bds_tsina" data-cmd="tsina"></a></div>
<div class="article-tools">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div></div>
${FOOTER}</body></html>`;
}

function hanweb(blocks: ArticleBlock[], title: string): string {
  const cell = (c: PrintedCell) =>
    `<td${attrs(c)} style="border:1px solid #000"><span style="font-size:14px">${escape(c.text)}</span></td>`;
  const table = (rows: PrintedCell[][]) =>
    `<table border="1" cellspacing="0" style="border-collapse:collapse" width="100%"><tbody>${rows.map((row) => `<tr>${row.map(cell).join("")}</tr>`).join("\n")}</tbody></table>`;
  const body = blocks
    .map((b) => {
      switch (b.kind) {
        // The page template prints the title in a cell of its layout table (below).
        case "title":
          return "";
        case "heading":
          return `<p><b>${escape(b.text)}</b></p>`;
        case "subheading":
          return `<p style="text-indent:2em">${escape(b.text)}</p>`;
        case "paragraph":
          return `<p style="text-indent:2em">${escape(b.lead + b.text)}</p>`;
        case "closing":
          return b.lines.map((l) => `<p style="text-align:right">${escape(l)}</p>`).join("\n");
        case "table":
          return splitAtCaptions(b.rows)
            .map((part) =>
              part.caption === null
                ? table(part.rows)
                : `<table width="100%" border="0"><tr><td align="center" style="font-weight:bold">${escape(part.caption)}</td></tr><tr><td>${table(part.rows)}</td></tr></table>`,
            )
            .join("\n");
      }
    })
    .join("\n");
  return `<html><head><meta charset="utf-8"><title>${escape(title)}</title><link rel="stylesheet" href="/css/main.css"></head>
<body><table width="1000" align="center" border="0" cellspacing="0" cellpadding="0">
<tr><td class="top-banner" height="120">&nbsp;</td></tr>
<tr><td class="dqwz">您现在的位置：<a href="/">首页</a> &gt; <a href="/col/col123/">政府信息公开年报</a></td></tr>
<tr><td><table width="100%" border="0">
<tr><td class="title" align="center" style="font-size:22px;font-weight:bold">${escape(title)}</td></tr>
<tr><td align="center" class="info">发布日期：2023-01-20　　字号：[ <a href="#">大</a> <a href="#">中</a> <a href="#">小</a> ]</td></tr>
<tr><td id="zoom" style="font-size:16px;line-height:2">
${body}
</td></tr>
<tr><td align="right">[ <a href="javascript:window.print()">打印本页</a> ] [ <a href="javascript:window.close()">关闭窗口</a> ]</td></tr>
</table></td></tr>
<tr><td class="foot" align="center">主办单位：某区人民政府　技术支持：大汉网络　网站标识码：2301110001<br>黑ICP备00000000号</td></tr>
</table></body></html>`;
}

function ueditor(blocks: ArticleBlock[], title: string): string {
  const split = (s: string) =>
    s.length >= 6
      ? `<p>${escape(s.slice(0, 3))}</p><p>${escape(s.slice(3))}</p>`
      : `<p>${escape(s)}</p>`;
  const cell = (c: PrintedCell) => {
    const inner =
      c.text === ""
        ? "<br/>"
        : /^[\d.,-]+$/.test(c.text)
          ? `<span style="font-family: 仿宋_GB2312; font-size: 16px;">${escape(c.text)}</span>`
          : split(c.text);
    return `<td width="93" valign="top" style="word-break: break-all;"${attrs(c, true)}>${inner}</td>`;
  };
  const body = blocks
    .map((b) => {
      switch (b.kind) {
        case "title":
          return `<p style="text-align: center;"><span style="font-size: 24px;"><strong>${b.lines.map(escape).join("<br/>")}</strong></span></p>`;
        case "heading":
          return `<p><strong><span style="font-family: 黑体;">${escape(b.text)}</span></strong></p>`;
        case "subheading":
          return `<p style="text-indent: 2em;"><span style="font-family: 楷体_GB2312;">${escape(b.text)}</span></p>`;
        case "paragraph":
          return `<p style="text-indent: 2em;"><span style="font-family: 仿宋_GB2312; font-size: 16px;">${escape(b.lead + b.text)}</span></p>`;
        case "closing":
          return b.lines.map((l) => `<p style="text-align: right;">${escape(l)}</p>`).join("");
        case "table":
          return `<table data-sort="sortDisabled" width="100%"><tbody>${headersAsData(b.rows)
            .map((row) => `<tr class="firstRow">${row.map(cell).join("")}</tr>`)
            .join("")}</tbody></table><p><br/></p>`;
      }
    })
    .join("<p><br/></p>");
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="UTF-8"><title>${escape(title)}</title></head>
<body><header class="site-header"><nav class="main-nav"><a href="/">网站首页</a><a href="/zwgk/">政务公开</a></nav></header>
<div class="breadcrumb"><a href="/">首页</a> » 政务公开 » 年度报告</div>
<main><div class="content" style="padding: 20px; font-size: 16px;">${body}</div>
<div class="share-bar"><span>扫一扫在手机上打开</span><span>分享到：</span></div></main>
<footer class="site-footer">版权所有：某区人民政府　网站标识码：2301110001</footer></body></html>`;
}

function word(blocks: ArticleBlock[], title: string): string {
  const run = (s: string) =>
    `<span style='font-size:16.0pt;font-family:仿宋_GB2312;mso-hansi-font-family:"Times New Roman"'>${s}</span>`;
  const cell = (c: PrintedCell) =>
    `<td width=80${attrs(c)} style='width:60.0pt;border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt'>` +
    `<p class=MsoNormal align=center style='text-align:center'><span lang=EN-US style='font-size:10.5pt;font-family:仿宋_GB2312'>${c.text ? escape(c.text) : ""}<o:p>${c.text ? "" : "&nbsp;"}</o:p></span></p></td>`;
  const body = blocks
    .map((b) => {
      switch (b.kind) {
        case "title":
          return `<p class=MsoNormal align=center style='text-align:center'><b><span style='font-size:22.0pt;font-family:方正小标宋简体'>${b.lines.map(escape).join("<br>")}<o:p></o:p></span></b></p>`;
        case "heading":
          return `<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0'><span style='font-size:16.0pt;font-family:黑体'>${escape(b.text)}<span lang=EN-US><o:p></o:p></span></span></p>`;
        case "subheading":
          return `<p class=MsoListParagraph style='text-indent:32.0pt'><![if !supportLists]><span lang=EN-US style='mso-list:Ignore'></span><![endif]>${run(escape(b.text))}</p>`;
        case "paragraph":
          return `<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0;line-height:28.95pt;mso-line-height-rule:exactly'>${run(escape(b.lead + b.text))}<span lang=EN-US><o:p></o:p></span></p>`;
        case "closing":
          return b.lines
            .map(
              (l) =>
                `<p class=MsoNormal align=right style='text-align:right'>${run(escape(l))}</p>`,
            )
            .join("\n");
        case "table":
          return `<div align=center><table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;mso-yfti-tbllook:1184'>${headersAsData(
            b.rows,
          )
            .map((row, i) => `<tr style='mso-yfti-irow:${i}'>${row.map(cell).join("\n")}</tr>`)
            .join(
              "\n",
            )}</table></div><p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>`;
      }
    })
    .join("\n");
  return `<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">
<head><meta http-equiv=Content-Type content="text/html; charset=gb2312"><meta name=ProgId content=Word.Document><meta name=Generator content="Microsoft Word 15">
<title>${escape(title)}</title>
<!--[if gte mso 9]><xml><o:DocumentProperties><o:Author>办公室</o:Author><o:Pages>5</o:Pages></o:DocumentProperties></xml><![endif]-->
<!--[if gte mso 9]><xml><w:WordDocument><w:View>Print</w:View><w:Zoom>100</w:Zoom></w:WordDocument></xml><![endif]-->
<style><!-- p.MsoNormal {mso-style-parent:""; margin:0cm; text-align:justify; font-size:10.5pt; font-family:"Times New Roman";} @page WordSection1 {size:595.3pt 841.9pt;} div.WordSection1 {page:WordSection1;} --></style>
<!--[if gte mso 10]><style>table.MsoNormalTable {mso-style-name:普通表格;}</style><![endif]-->
</head>
<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'>
<div class=WordSection1 style='layout-grid:15.6pt'>
${body}
<span style='display:none;mso-hide:all'>隐藏文字，不属于报告</span>
</div></body></html>`;
}

const PAGES: Record<PortalStyle, (blocks: ArticleBlock[], title: string) => string> = {
  trs,
  hanweb,
  ueditor,
  word,
};
