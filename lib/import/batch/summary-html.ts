import { escapeHtml } from "@/lib/export/html";
import { SUMMARY_HEADER, summaryFields, type BatchSummaryRow } from "./summary";

const NUMERIC = new Set<string>(["年度", "读入单元格", "错误", "提醒"]);

/** The batch summary as one self-contained HTML page (inline style, no script, no outside resource). */
export function summaryHtml(
  rows: readonly BatchSummaryRow[],
  { title = "年度报告批量检查结果", generatedAt = new Date() } = {},
): string {
  const read = rows.filter((r) => r.problem === null);
  const withErrors = read.filter((r) => (r.errors ?? 0) > 0).length;
  const counts = `共 ${rows.length} 份文件：读取 ${read.length} 份，有错误的 ${withErrors} 份，无法读取 ${rows.length - read.length} 份。`;
  const head = SUMMARY_HEADER.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join("");
  const body = rows
    .map((row) => {
      const cls = row.problem !== null ? "unreadable" : (row.errors ?? 0) > 0 ? "errors" : "";
      const cells = summaryFields(row).map((v, i) => {
        const num = NUMERIC.has(SUMMARY_HEADER[i]) ? ' class="num"' : "";
        return `<td${num}>${v === null ? "" : escapeHtml(String(v))}</td>`;
      });
      return `<tr${cls ? ` class="${cls}"` : ""}>${cells.join("")}</tr>`;
    })
    .join("\n");
  const when = generatedAt.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false });
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>
body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:24px;color:#1e293b}
h1{font-size:20px;margin:0 0 4px}p{margin:0 0 12px;color:#475569;font-size:14px}
table{border-collapse:collapse;font-size:13px}th,td{border:1px solid #cbd5e1;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f1f5f9}td.num{text-align:right;font-variant-numeric:tabular-nums}
tr.errors td{background:#fef2f2}tr.unreadable td{background:#fffbeb}
</style></head>
<body>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(counts)}（生成于 ${escapeHtml(when)}）</p>
<table>
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table>
</body></html>
`;
}
