import { getFormat, isFormatId } from "../../lib/report/formats";
import type { ColumnSpec, FormatSpec, RowSpec, TableSpec } from "../../lib/report/spec-types";
import { CliError, parseVerbArgs } from "./verb";

export const summary = "列出报告格式的六个部分、各表格的标题、行和列";
export const usage = "nianbao schema [--format 2021|2019] [--json]";

const INDENT = "  ";
const KIND = { count: "", signedCount: " · 整数，可为负数", amount: " · 金额" } as const;

/**
 * Labels under their group headings: a heading is printed once, where the items under it begin,
 * and everything under it is indented one step further.
 */
function outline(
  items: { groups?: string[]; label: string; note?: string }[],
  depth: number,
): string[] {
  const lines: string[] = [];
  let open: string[] = [];
  for (const item of items) {
    const groups = item.groups ?? [];
    let shared = 0;
    while (shared < groups.length && shared < open.length && groups[shared] === open[shared])
      shared++;
    for (let g = shared; g < groups.length; g++)
      lines.push(`${INDENT.repeat(depth + g)}${groups[g]}`);
    open = groups;
    lines.push(`${INDENT.repeat(depth + groups.length)}${item.label}${item.note ?? ""}`);
  }
  return lines;
}

function columnNote(column: ColumnSpec): string {
  return `${KIND[column.kind]}${column.computed ? " · 自动计算" : ""}`;
}

function rowNote(row: RowSpec): string {
  return row.computed ? " · 自动计算" : "";
}

function describeTable(table: TableSpec, depth: number): string[] {
  const pad = INDENT.repeat(depth);
  const lines: string[] = [];
  if (table.caption) lines.push(`${pad}${table.caption}`);
  const inner = table.caption ? depth + 1 : depth;
  const innerPad = INDENT.repeat(inner);
  if (table.note) lines.push(`${innerPad}${table.note}`);
  lines.push(`${innerPad}列${table.columnsHeader ? `（${table.columnsHeader}）` : ""}：`);
  lines.push(
    ...outline(
      table.columns.map((c) => ({ groups: c.groups, label: c.label, note: columnNote(c) })),
      inner + 1,
    ),
  );
  const labelled = table.rows.filter((r) => r.label);
  if (labelled.length) {
    lines.push(`${innerPad}行${table.rowHeader ? `（${table.rowHeader}）` : ""}：`);
    lines.push(
      ...outline(
        table.rows.map((r) => ({ groups: r.groups, label: r.label, note: rowNote(r) })),
        inner + 1,
      ),
    );
  } else {
    lines.push(
      `${innerPad}行：${table.rows.length === 1 ? "一行数字，无行标题" : `${table.rows.length}行，无行标题`}`,
    );
  }
  lines.push(
    `${innerPad}共 ${table.rows.length} 行 × ${table.columns.length} 列 = ${table.rows.length * table.columns.length} 格`,
  );
  return lines;
}

export function describeFormat(format: FormatSpec): string {
  const years =
    format.years.to === null
      ? `${format.years.from}年及以后`
      : `${format.years.from}—${format.years.to}年`;
  const lines = [
    `${format.id}年格式（${format.source}），用于${years}的年度报告`,
    "（“自动计算”的合计栏由系统计算，不需填写）",
    "",
  ];
  for (const section of format.sections) {
    lines.push(
      `${section.ordinal}、${section.title} · ${section.kind === "narrative" ? "文字" : "表格"}`,
    );
    const notes = new Set(section.tables.map((t) => t.note));
    for (const g of section.guidance) if (!notes.has(g)) lines.push(`${INDENT}说明：${g}`);
    for (const table of section.tables) lines.push(...describeTable(table, 1));
    lines.push("");
  }
  return lines.join("\n");
}

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseVerbArgs(
    args,
    { format: { type: "string", default: "2021" }, json: { type: "boolean" } },
    usage,
  );
  if (positionals.length)
    throw new CliError(`多余的参数：${positionals.join(" ")}\n用法：${usage}`);
  if (!isFormatId(values.format))
    throw new CliError(`没有“${values.format}”格式，可选 2021 或 2019。\n用法：${usage}`);
  const format = getFormat(values.format);
  process.stdout.write(
    values.json ? `${JSON.stringify(format, null, 2)}\n` : `${describeFormat(format)}\n`,
  );
  return 0;
}
