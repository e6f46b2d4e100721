import { computeTotals } from "./compute-totals";
import type { ReportContent } from "./content";
import { parseTarget } from "./targets";
import { toNumberOrNull } from "./parse-value";

/**
 * The figures a district compares across years, read from either format (2019: 本年新制作数量 for
 * 制发; 2021: 本年制发件数). Totals are computed from the typed cells first, as everywhere else.
 * A figure is null when every cell it is made of is blank.
 */
export interface KeyFigure {
  key: string;
  label: string;
  /** The cells summed (`table.row.column`), per format. */
  cells: { "2021": string[]; "2019": string[] };
}

export interface FigureGroup {
  id: "active" | "requests" | "appeals";
  title: string;
  unit: string;
  figures: KeyFigure[];
}

const both = (ids: string[]) => ({ "2021": ids, "2019": ids });
const rows = (prefix: string, keys: string[]) => keys.map((k) => `requests.${prefix}${k}.total`);

export const FIGURE_GROUPS: FigureGroup[] = [
  {
    id: "active",
    title: "主动公开",
    unit: "件",
    figures: [
      {
        key: "regulations",
        label: "制发规章和规范性文件",
        cells: {
          "2021": ["20.1.rules.issued", "20.1.normative.issued"],
          "2019": ["20.1.rules.made", "20.1.normative.made"],
        },
      },
      { key: "licensing", label: "行政许可决定", cells: both(["20.5.licensing.decisions"]) },
      { key: "penalty", label: "行政处罚决定", cells: both(["20.6.penalty.decisions"]) },
      { key: "coercion", label: "行政强制决定", cells: both(["20.6.coercion.decisions"]) },
    ],
  },
  {
    id: "requests",
    title: "政府信息公开申请及办理结果",
    unit: "件",
    figures: [
      { key: "received", label: "本年新收申请", cells: both(["requests.new.total"]) },
      { key: "disclosed", label: "予以公开", cells: both(["requests.r1.total"]) },
      { key: "partial", label: "部分公开", cells: both(["requests.r2.total"]) },
      {
        key: "withheld",
        label: "不予公开",
        cells: both(rows("r3_", ["1", "2", "3", "4", "5", "6", "7", "8"])),
      },
      { key: "unavailable", label: "无法提供", cells: both(rows("r4_", ["1", "2", "3"])) },
      {
        key: "notProcessed",
        label: "不予处理",
        cells: both(rows("r5_", ["1", "2", "3", "4", "5"])),
      },
      {
        key: "otherProcessing",
        label: "其他处理",
        cells: { "2021": rows("r6_", ["1", "2", "3"]), "2019": ["requests.r6.total"] },
      },
    ],
  },
  {
    id: "appeals",
    title: "行政复议和行政诉讼",
    unit: "件",
    figures: [
      { key: "reconsideration", label: "行政复议", cells: both(["appeals.row.rc_total"]) },
      {
        key: "litigationDirect",
        label: "行政诉讼（未经复议直接起诉）",
        cells: both(["appeals.row.ld_total"]),
      },
      {
        key: "litigationAfter",
        label: "行政诉讼（复议后起诉）",
        cells: both(["appeals.row.la_total"]),
      },
    ],
  },
];

/** Every key figure of the report, by figure key. */
export function keyFigures(content: ReportContent): Record<string, number | null> {
  const totals = computeTotals(content);
  const out: Record<string, number | null> = {};
  for (const group of FIGURE_GROUPS) {
    for (const figure of group.figures) {
      let sum: number | null = null;
      for (const id of figure.cells[content.format]) {
        const value = cellValue(totals, id);
        if (value !== null) sum = (sum ?? 0) + value;
      }
      out[figure.key] = sum;
    }
  }
  return out;
}

/** A count cell by id. */
function cellValue(content: ReportContent, id: string): number | null {
  const target = parseTarget(id);
  if (target?.kind !== "cell") return null;
  return toNumberOrNull(
    content.tables[target.tableId]?.[target.rowKey]?.[target.columnKey] ?? null,
    "count",
  );
}
