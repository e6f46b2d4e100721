import { finding } from "../rules";
import type { SectionKey } from "../spec-types";
import { targetId } from "../targets";
import { plannedCell, rowTotal, type ValidationContext } from "./context";
import { tableClaims, type ClaimKey, type StatedShare } from "./narrative-claims";
import { sectionName, type PlannedCell } from "./plan";

/** One figure of the tables: what it is called in a message, the cells it comes from, its value. */
interface TableFigure {
  name: string;
  cells: PlannedCell[];
  value: number;
}

function section(ctx: ValidationContext, key: SectionKey) {
  return ctx.plan.format.sections.find((s) => s.key === key)!;
}

/** The 总计 of a row of 三, or the sum of the rows of a group (（三）不予公开 = 1. + … + 8.). */
function requestRows(
  ctx: ValidationContext,
  name: string,
  match: (rowKey: string) => boolean,
): TableFigure | null {
  const cells = ctx.plan.cells.filter(
    (c) => c.tableId === "requests" && c.columnKey === "total" && match(c.rowKey),
  );
  if (cells.length === 0) return null;
  let value = 0;
  for (const cell of cells) {
    const v = rowTotal(ctx, "requests", cell.rowKey);
    if (v === null) return null;
    value += v;
  }
  return { name: `${sectionName(section(ctx, "s3"))}的${name}`, cells, value };
}

function numberOf(ctx: ValidationContext, cell: PlannedCell | undefined): number | null {
  const v = cell && ctx.values[cell.index];
  return typeof v === "number" ? v : null;
}

/** 四's 总计 of 行政复议 (rc) or of a kind of 行政诉讼 (ld, la): the typed 总计, else the sum of its results. */
function appealTotal(
  ctx: ValidationContext,
  prefix: string,
): { cell: PlannedCell; value: number } | null {
  const cell = plannedCell(ctx, "appeals", "row", `${prefix}_total`);
  if (!cell) return null;
  const typed = numberOf(ctx, cell);
  if (typed !== null) return { cell, value: typed };
  let sum: number | null = null;
  for (const key of ["upheld", "corrected", "other", "pending"]) {
    const v = numberOf(ctx, plannedCell(ctx, "appeals", "row", `${prefix}_${key}`));
    if (v !== null) sum = (sum ?? 0) + v;
  }
  return sum === null ? null : { cell, value: sum };
}

const S4_NAME = (ctx: ValidationContext) => sectionName(section(ctx, "s4"));

function appealFigure(ctx: ValidationContext, key: "review" | "litigation"): TableFigure | null {
  if (key === "review") {
    const rc = appealTotal(ctx, "rc");
    return rc && { name: `${S4_NAME(ctx)}“行政复议”总计`, cells: [rc.cell], value: rc.value };
  }
  const parts = [appealTotal(ctx, "ld"), appealTotal(ctx, "la")].filter((p) => p !== null);
  if (parts.length === 0) return null;
  return {
    name: `${S4_NAME(ctx)}“行政诉讼”总计（未经复议直接起诉与复议后起诉之和）`,
    cells: parts.map((p) => p.cell),
    value: parts.reduce((a, p) => a + p.value, 0),
  };
}

/** 规章 / 规范性文件 in 二's table of 第二十条第（一）项; 2019's table has no 废止 or 现行有效 column. */
function documentFigure(ctx: ValidationContext, key: ClaimKey): TableFigure | null {
  const row = key.startsWith("rules") ? "rules" : "normative";
  const what = key.slice(row.length);
  const column =
    ctx.plan.format.id === "2019"
      ? ({ Issued: "made" } as Record<string, string>)[what]
      : (
          { Issued: "issued", Repealed: "repealed", Effective: "effective" } as Record<
            string,
            string
          >
        )[what];
  const cell = column ? plannedCell(ctx, "20.1", row, column) : undefined;
  const value = numberOf(ctx, cell);
  if (!cell || value === null) return null;
  return { name: `${cell.place}`, cells: [cell], value };
}

const RESULT_ROWS: Partial<Record<ClaimKey, [string, (rowKey: string) => boolean]>> = {
  handled: ["“（七）总计”", (k) => k === "r7_total"],
  disclosed: ["“（一）予以公开”", (k) => k === "r1"],
  partly: ["“（二）部分公开”", (k) => k === "r2"],
  disclosedOrPartly: ["“（一）予以公开”与“（二）部分公开”之和", (k) => k === "r1" || k === "r2"],
  withheld: ["“（三）不予公开”各项之和", (k) => k.startsWith("r3_")],
  unavailable: ["“（四）无法提供”各项之和", (k) => k.startsWith("r4_")],
  notProcessed: ["“（五）不予处理”各项之和", (k) => k.startsWith("r5_")],
};

function figureFor(ctx: ValidationContext, key: ClaimKey): TableFigure | null {
  const rows = RESULT_ROWS[key];
  if (rows) return requestRows(ctx, rows[0], rows[1]);
  if (key === "review" || key === "litigation") return appealFigure(ctx, key);
  return documentFigure(ctx, key);
}

/** Other readings a report's figure may have: 办结N件 may count the requests received (一, 一 + 二). */
function alsoAccepted(ctx: ValidationContext, key: ClaimKey): number[] {
  if (key !== "handled") return [];
  const received = rowTotal(ctx, "requests", "new");
  if (received === null) return [];
  return [received, received + (rowTotal(ctx, "requests", "carried") ?? 0)];
}

/**
 * Whether a printed share can be figure / base for one of the bases a report may mean (（七）总计, 一, 一 + 二),
 * rounded or cut to the printed decimals.
 */
function shareFits(ctx: ValidationContext, value: number, share: StatedShare): boolean {
  const received = rowTotal(ctx, "requests", "new");
  const bases = [
    rowTotal(ctx, "requests", "r7_total"),
    received,
    received === null ? null : received + (rowTotal(ctx, "requests", "carried") ?? 0),
  ];
  const step = 10 ** -share.decimals;
  return bases.some((base) => {
    if (base === null || base <= 0) return false;
    const exact = (value / base) * 100;
    return Math.abs(exact - share.percent) <= step + 1e-9;
  });
}

/** Cases of 四 not upheld: 纠正, 其他结果 and 尚未审结 of every kind. */
function notUpheld(ctx: ValidationContext): { cells: PlannedCell[]; value: number } {
  const cells: PlannedCell[] = [];
  let value = 0;
  for (const prefix of ["rc", "ld", "la"]) {
    for (const key of ["corrected", "other", "pending"]) {
      const cell = plannedCell(ctx, "appeals", "row", `${prefix}_${key}`);
      const v = numberOf(ctx, cell);
      if (cell && v !== null && v > 0) {
        cells.push(cell);
        value += v;
      }
    }
  }
  return { cells, value };
}

/**
 * A number in a narrative the table contradicts, and what 改为表中数字 writes there instead: the
 * finding's message (the same text as the finding, so the editor can pair them), the text it lives in,
 * where the digits stand and the table's figure.
 */
export interface NarrativeFix {
  message: string;
  /** `narrative.s1` … or `preface`. */
  target: string;
  at: number;
  /** The digits (or numerals) replaced, to check the text still holds them before writing. */
  numberText: string;
  replacement: string;
}

/**
 * X5 on what the narratives say about 三's results, 四's cases and 二's 规章/规范性文件. A warning,
 * never blocking: the message names the sentence, both figures and the cells.
 */
export function checkStatedResults(ctx: ValidationContext): void {
  statedResultMismatches(ctx);
}

/** The X5 findings of checkStatedResults (added to the context) and the fixes that settle them. */
export function statedResultMismatches(ctx: ValidationContext): NarrativeFix[] {
  const fixes: NarrativeFix[] = [];
  const narratives = ctx.content.narratives;
  const sources: { key: string; name: string; text: string }[] = [
    { key: targetId.preface, name: "报告开头", text: ctx.content.preface ?? "" },
    ...(["s1", "s2", "s3", "s4"] as const).map((k) => ({
      key: targetId.narrative(k),
      name: k === "s1" ? sectionName(section(ctx, k)) : `${sectionName(section(ctx, k))}的说明文字`,
      text: narratives?.[k] ?? "",
    })),
  ];
  const year = ctx.content.meta.year;
  const handled = rowTotal(ctx, "requests", "r7_total");
  for (const source of sources) {
    if (!source.text) continue;
    for (const claim of tableClaims(source.text, year)) {
      if (claim.kind === "allUpheld") {
        const open = notUpheld(ctx);
        if (open.value === 0) continue;
        ctx.findings.push(
          finding(
            "X5",
            `${source.name}称“${claim.text}”，但${S4_NAME(ctx)}的表格中有${open.value}件未获维持或尚未审结：${open.cells.map((c) => `“${c.columnLabel}”为${numberOf(ctx, c)}`).join("，")}`,
            [source.key, ...open.cells.map((c) => c.id)],
          ),
        );
        continue;
      }
      const figure = figureFor(ctx, claim.key);
      const figureAgrees =
        !figure ||
        figure.value === claim.value ||
        alsoAccepted(ctx, claim.key).includes(claim.value);
      if (
        claim.share &&
        RESULT_ROWS[claim.key] &&
        claim.key !== "handled" &&
        !shareFits(ctx, claim.value, claim.share)
      ) {
        const message = `${source.name}中“${claim.text}”所说的“${claim.share.text}”与数字不符：${claim.value}件占办结总数或收到申请数的比例都不是${claim.share.percent.toFixed(claim.share.decimals)}%`;
        ctx.findings.push(finding("X5", message, [source.key]));
        // The share of the table's figure (when the figure itself is wrong, fixing it first settles this).
        if (figureAgrees && handled !== null && handled > 0)
          fixes.push({
            message,
            target: source.key,
            at: claim.share.at,
            numberText: claim.share.numberText,
            replacement: ((claim.value / handled) * 100).toFixed(claim.share.decimals),
          });
      }
      if (figureAgrees) continue;
      const message = `${source.name}中“${claim.text}”与表格不一致：文字为${claim.value}，${figure.name}为${figure.value}`;
      ctx.findings.push(finding("X5", message, [source.key, ...figure.cells.map((c) => c.id)]));
      fixes.push({
        message,
        target: source.key,
        at: claim.at,
        numberText: claim.numberText,
        replacement: String(figure.value),
      });
    }
  }
  return fixes;
}
