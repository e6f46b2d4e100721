import { writeFile } from "node:fs/promises";
import { extname, resolve } from "node:path";
import { renderDocx } from "../../lib/export/docx";
import { renderHtml, renderPortalFragment } from "../../lib/export/html";
import { buildPublication } from "../../lib/export/publication";
import "./load-import";
import { loadReport, supportedExtensions } from "./load-report";
import { reportFindings } from "./report-findings";
import { formatFindings } from "./validate";
import { CliError, parseVerbArgs } from "./verb";

export const summary =
  "导出可发布的 DOCX（GB/T 9704 版式）或 HTML（可贴入年报专栏）；输入为 JSON，或已发布的 TXT、DOCX、HTML";
export const usage =
  "nianbao export <报告文件> --format docx|html -o <输出文件> [--fragment] [--previous <上年报告>]（HTML 可不给 -o，输出到标准输出；--fragment 只输出可贴入门户网站编辑器的正文片段，不含 <html> 和页面设置）";

type ExportFormat = "docx" | "html";

function formatOf(format: string | undefined, out: string | undefined): ExportFormat {
  const requested =
    format ?? (out ? extname(out).slice(1).toLowerCase().replace(/^htm$/, "html") : undefined);
  if (requested === "docx" || requested === "html") return requested;
  if (format)
    throw new CliError(`不支持的导出格式“${format}”（可选 docx、html）。\n用法：${usage}`);
  throw new CliError(`请用 --format 指定导出格式（docx 或 html）。\n用法：${usage}`);
}

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseVerbArgs(
    args,
    {
      format: { type: "string", short: "f" },
      output: { type: "string", short: "o" },
      fragment: { type: "boolean" },
      previous: { type: "string" },
    },
    usage,
  );
  if (positionals.length !== 1) {
    throw new CliError(
      `请给出一份报告文件（可读取 ${supportedExtensions().join("、")}）。\n用法：${usage}`,
    );
  }
  const [input] = positionals;
  const format = formatOf(values.format, values.output);
  const out = values.output;
  if (values.fragment && format !== "html")
    throw new CliError(`--fragment 只用于 HTML。\n用法：${usage}`);
  if (!out && format === "docx")
    throw new CliError(`导出 DOCX 时请用 -o 指定输出文件。\n用法：${usage}`);
  if (out && resolve(out) === resolve(input))
    throw new CliError(`输出文件不能与输入文件相同：${out}`);

  // Last year's report of the unit helps read figures that ran together, and adds the cross-year checks.
  const previous = values.previous ? (await loadReport(values.previous)).content : undefined;
  const firstReading = await loadReport(input);
  const loaded =
    previous && firstReading.withPrevious
      ? await firstReading.withPrevious(previous)
      : firstReading;
  const { content } = loaded;
  const publication = buildPublication(content);
  const data =
    format === "docx"
      ? await renderDocx(content)
      : values.fragment
        ? renderPortalFragment(content, publication)
        : renderHtml(content, publication);
  if (out) {
    try {
      await writeFile(out, data);
    } catch (error) {
      throw new CliError(`无法写入 ${out}：${(error as Error).message}`);
    }
  } else {
    process.stdout.write(data);
  }

  // The same findings `nianbao validate` prints for this file, the importer's own included.
  const findings = reportFindings(loaded, { previous: previous ?? null });
  const unit = content.meta.organization || "（单位不详）";
  const what = values.fragment ? "HTML 正文片段" : format.toUpperCase();
  const lines = [
    `已导出 ${unit} ${content.meta.year}年度报告（${what}）${out ? `到 ${out}` : ""}。`,
    formatFindings(findings),
  ];
  if (publication.blankCells.length) {
    lines.push(
      "",
      `发布稿中留空的单元格（报告没有这些数字）${publication.blankCells.length} 个：`,
      ...publication.blankCells.map((f) => `  ${f.message}`),
    );
  }
  process.stderr.write(`${lines.join("\n")}\n`);
  // Exporting is done even for a report with errors (a draft may be printed for review); validate gates.
  return 0;
}
