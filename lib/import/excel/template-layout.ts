import { sectionGrids, columnWidths, type CellRole } from "@/lib/export/grid";
import { sheetNames } from "@/lib/export/xlsx";
import { listCells } from "@/lib/report/cells";
import { computeTotals } from "@/lib/report/compute-totals";
import type { ReportContent } from "@/lib/report/content";
import { getFormat } from "@/lib/report/formats";
import type { CellKind, FormatId, SectionSpec } from "@/lib/report/spec-types";

/**
 * Where every cell of the Excel template sits. The template writer and the Excel reader both take
 * positions from here, so a figure is read back from exactly the cell it was offered in. The tables
 * are the printed grids of lib/export/grid.ts (二 as one table of items, 三 and 四 each alone), with
 * their labels from the format description: nothing is retyped.
 */

/** Zero-based row of a table's first grid row: a title row and a hint row come first. */
export const GRID_TOP = 2;

/** The sheet that states the unit, the year and the format. */
export const INFO_SHEET = "填写说明";

/** The rows of the info sheet, by their label in column A. */
export const INFO_LABELS = { organization: "单位", year: "年度", format: "格式" } as const;

export interface TemplateCell {
  /** Zero-based sheet row and column of the cell's top-left corner. */
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  role: CellRole;
  /** The official text of a label or header cell; a value cell's printed value. */
  text: string;
  /** A value cell's id (`requests.new.total`), its kind and whether the system computes it. */
  cellId?: string;
  kind?: CellKind;
  computed?: boolean;
}

export interface TemplateSheet {
  /** The tab name (`三、收到和处理政府信息公开申请情况`, made valid for Excel). */
  name: string;
  section: SectionSpec;
  columnCount: number;
  columnWidths: number[];
  cells: TemplateCell[];
}

/** The sheets of 二, 三 and 四 for a report's content (values from `content`, totals computed). */
export function templateSheets(content: ReportContent): TemplateSheet[] {
  return layoutFor(content.format, computeTotals(content));
}

function layoutFor(formatId: FormatId, totalled: ReportContent): TemplateSheet[] {
  const computed = new Map(listCells(formatId).map((c) => [c.id, c.computed]));
  const sections = getFormat(formatId).sections.filter((s) => s.tables.length);
  const names = sheetNames(sections.map((s) => `${s.ordinal}、${s.title}`));
  return sections.map((section, i) => {
    const cells: TemplateCell[] = [];
    let top = GRID_TOP;
    let columnCount = 1;
    let widths: number[] = [];
    for (const grid of sectionGrids(section, totalled)) {
      grid.rows.forEach((gridRow, r) => {
        for (const segment of gridRow.segments) {
          if (segment.continued) continue;
          const { cell } = segment;
          cells.push({
            row: top + r,
            col: segment.col,
            rowSpan: cell.rowSpan,
            colSpan: cell.colSpan,
            role: cell.role,
            text: cell.text,
            ...(cell.cellId
              ? {
                  cellId: cell.cellId,
                  kind: cell.column?.kind,
                  computed: computed.get(cell.cellId) ?? false,
                }
              : {}),
          });
        }
      });
      top += grid.rows.length + 1;
      if (grid.columnCount > columnCount) {
        columnCount = grid.columnCount;
        // Characters: wide row labels, figures about eight characters each.
        widths = columnWidths(grid, Math.max(80, grid.columnCount * 9));
      }
    }
    return { name: names[i], section, columnCount, columnWidths: widths, cells };
  });
}
