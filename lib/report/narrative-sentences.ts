import type { ReportContent } from "./content";
import { createContext, plannedCell, rowTotal, type ValidationContext } from "./validate/context";

/**
 * Sentences that state the tables' figures in the words real reports use, for the narrative.
 * Practice for zero: written "0件" (never "无"), so that the sentence keeps the same shape whatever the
 * figures and X5 can read every figure back.
 */
export interface NarrativeSentence {
  id: "requests" | "appeals" | "documents";
  label: string;
  text: string;
}

export interface SentenceOptions {
  /** Add each result's share of the requests handled, to one decimal. */
  shares?: boolean;
  /** Last year's report: adds 较上年增加/减少 N件（N%） to the number received. */
  previous?: ReportContent | null;
}

const count = (n: number) => `${n}件`;

function sumRows(ctx: ValidationContext, prefix: string): number | null {
  let total: number | null = null;
  for (const cell of ctx.plan.cells) {
    if (
      cell.tableId !== "requests" ||
      cell.columnKey !== "total" ||
      !cell.rowKey.startsWith(prefix)
    )
      continue;
    const v = rowTotal(ctx, "requests", cell.rowKey);
    if (v === null) return null;
    total = (total ?? 0) + v;
  }
  return total;
}

function cellNumber(
  ctx: ValidationContext,
  tableId: string,
  rowKey: string,
  columnKey: string,
): number | null {
  const cell = plannedCell(ctx, tableId, rowKey, columnKey);
  const v = cell && ctx.values[cell.index];
  return typeof v === "number" ? v : null;
}

/** `较上年增加3件（增长12.5%）`, `与上年持平`; empty when last year's figure is unknown or zero-based. */
export function yearOverYear(current: number, previous: number | null): string {
  if (previous === null) return "";
  if (current === previous) return "，与上年持平";
  const diff = current - previous;
  const pct =
    previous > 0
      ? `（${diff > 0 ? "增长" : "下降"}${((Math.abs(diff) / previous) * 100).toFixed(1)}%）`
      : "";
  return `，较上年${diff > 0 ? "增加" : "减少"}${count(Math.abs(diff))}${pct}`;
}

function requestsSentence(
  ctx: ValidationContext,
  options: SentenceOptions,
): NarrativeSentence | null {
  const received = rowTotal(ctx, "requests", "new");
  const handled = rowTotal(ctx, "requests", "r7_total");
  if (received === null || handled === null) return null;
  const natural = cellNumber(ctx, "requests", "new", "natural") ?? 0;
  const legal = received - natural;
  const carried = rowTotal(ctx, "requests", "carried") ?? 0;
  const carryover = rowTotal(ctx, "requests", "carryover") ?? 0;
  const previousReceived = options.previous
    ? rowTotal(createContext(options.previous, {}), "requests", "new")
    : null;
  const other = sumRows(ctx, "r6") ?? 0;
  const results: [string, number][] = [
    ["予以公开", rowTotal(ctx, "requests", "r1") ?? 0],
    ["部分公开", rowTotal(ctx, "requests", "r2") ?? 0],
    ["不予公开", sumRows(ctx, "r3_") ?? 0],
    ["无法提供", sumRows(ctx, "r4_") ?? 0],
    ["不予处理", sumRows(ctx, "r5_") ?? 0],
    ["其他处理", other],
  ];
  const share = (n: number) =>
    options.shares && handled > 0 ? `（占${((n / handled) * 100).toFixed(1)}%）` : "";
  const text =
    `本年度共收到政府信息公开申请${count(received)}（自然人${count(natural)}，法人或其他组织${count(legal)}）${yearOverYear(received, previousReceived)}，` +
    `上年结转${count(carried)}。全年办结${count(handled)}，其中` +
    results.map(([label, n]) => `${label}${count(n)}${share(n)}`).join("，") +
    `；结转下年度继续办理${count(carryover)}。`;
  return { id: "requests", label: "依申请公开情况", text };
}

function appealsSentence(ctx: ValidationContext): NarrativeSentence | null {
  const part = (prefix: string) => {
    const n = (key: string) => cellNumber(ctx, "appeals", "row", `${prefix}_${key}`) ?? 0;
    const total =
      cellNumber(ctx, "appeals", "row", `${prefix}_total`) ??
      n("upheld") + n("corrected") + n("other") + n("pending");
    return {
      total,
      upheld: n("upheld"),
      corrected: n("corrected"),
      other: n("other"),
      pending: n("pending"),
    };
  };
  if (!plannedCell(ctx, "appeals", "row", "rc_total")) return null;
  const rc = part("rc");
  const ld = part("ld");
  const la = part("la");
  const results = (p: ReturnType<typeof part>) =>
    `结果维持${count(p.upheld)}，结果纠正${count(p.corrected)}，其他结果${count(p.other)}，尚未审结${count(p.pending)}`;
  const litigation = {
    total: ld.total + la.total,
    upheld: ld.upheld + la.upheld,
    corrected: ld.corrected + la.corrected,
    other: ld.other + la.other,
    pending: ld.pending + la.pending,
  };
  const text =
    `本年度发生政府信息公开行政复议案件${count(rc.total)}，其中${results(rc)}；` +
    `行政诉讼案件${count(litigation.total)}（未经复议直接起诉${count(ld.total)}，复议后起诉${count(la.total)}），其中${results(litigation)}。`;
  return { id: "appeals", label: "行政复议、行政诉讼情况", text };
}

function documentsSentence(ctx: ValidationContext): NarrativeSentence | null {
  const is2021 = ctx.plan.format.id === "2021";
  const docs: [string, string][] = [
    ["rules", "规章"],
    ["normative", is2021 ? "行政规范性文件" : "规范性文件"],
  ];
  const parts: string[] = [];
  for (const [row, name] of docs) {
    const get = (col: string) => cellNumber(ctx, "20.1", row, col);
    if (is2021) {
      const [issued, repealed, effective] = [get("issued"), get("repealed"), get("effective")];
      if (issued === null || repealed === null || effective === null) return null;
      parts.push(
        `制发${name}${count(issued)}，废止${count(repealed)}，现行有效${count(effective)}`,
      );
    } else {
      const [made, total] = [get("made"), get("total")];
      if (made === null || total === null) return null;
      parts.push(`制发${name}${count(made)}，对外公开总数量${count(total)}`);
    }
  }
  const decisions: [string, string, string][] = [
    ["行政许可", "20.5", "licensing"],
    ["行政处罚", "20.6", "penalty"],
    ["行政强制", "20.6", "coercion"],
  ];
  const known: string[] = [];
  for (const [name, table, row] of decisions) {
    const n = cellNumber(ctx, table, row, "decisions");
    if (n !== null) known.push(`${name}决定${count(n)}`);
  }
  const decisionText = known.length ? `；作出${known.join("，")}` : "";
  return {
    id: "documents",
    label: "主动公开规章、规范性文件和行政决定",
    text: `本年度${parts.join("；")}${decisionText}。`,
  };
}

/** Every sentence the report's tables can give; a sentence whose figures are not yet filled in is left out. */
export function narrativeSentences(
  content: ReportContent,
  options: SentenceOptions = {},
): NarrativeSentence[] {
  const ctx = createContext(content, {});
  return [requestsSentence(ctx, options), appealsSentence(ctx), documentsSentence(ctx)].filter(
    (s): s is NarrativeSentence => s !== null,
  );
}
