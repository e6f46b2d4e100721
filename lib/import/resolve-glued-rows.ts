import type { ReportContent, TableValues } from "@/lib/report/content";
import { cellId } from "@/lib/report/cells";
import { parseCellInput } from "@/lib/report/parse-value";
import { finding as ruleFinding, type Finding } from "@/lib/report/rules";
import type { FormatId, RowSpec, TableSpec } from "@/lib/report/spec-types";
import { validationPlan } from "@/lib/report/validate/plan";
import { finding, rowCells } from "./findings";
import {
  anyCutFits,
  DEFAULT_LIMITS,
  solveRunTogether,
  type SplitProblem,
  type Equation,
  type GluedToken,
  type RowOutcome,
} from "./split-run-together";
import { printed } from "./text-utils";
import { readCell } from "./values";

/**
 * The rows of one table whose printed figures are fewer than its cells because some ran together
 * (`1001000001`): cut them with the table's equations (A1–A6, and X2 when last year's report is
 * known), jointly, and fill only the rows that come out one way. The others stay blank with a
 * finding that quotes what was printed.
 */
export interface GluedTableRow {
  row: RowSpec;
  /** The printed value cells, in order. */
  printedValues: string[];
  /** How messages name the row: `第三部分“（一）予以公开”行`. */
  name: string;
  /** The figures were printed apart, where a blank cell leaves no trace: blanks may stand among them. */
  blanks?: boolean;
}

export interface GluedTable {
  table: TableSpec;
  rows: GluedTableRow[];
  /** Rows whose cells were read but may be shifted (a printed cell too few or too many): not trusted as equation terms. */
  unreliableRows: ReadonlySet<string>;
}

export interface ResolvedGlue {
  cellsRead: number;
  findings: Finding[];
}

/**
 * A printed cell as the solver sees it: digits that may hold several cells, or one cell's value
 * (a dash is a blank; a signed number one cell, since a sign separates it from its neighbours).
 */
export function tokenOf(text: string): GluedToken {
  const compact = text.normalize("NFKC").replace(/[\s\u3000\u00a0]+/g, "");
  if (/^\d+$/.test(compact)) return { digits: compact };
  const decimal = /^(\d{2,})\.(\d+)$/.exec(compact);
  if (decimal) return { digits: decimal[1], decimals: decimal[2] };
  const negative = /^-(\d{2,})$/.exec(compact);
  if (negative) return { digits: negative[1], negative: true };
  const value = readCell(text, "signedCount");
  return { value: typeof value === "number" ? value : null };
}

/**
 * Whether a printed cell could hold several run-together figures: two digits or more, nothing else,
 * or before a decimal point (a count glued to an amount: `10121.4722`).
 */
export function mayHoldSeveral(text: string): boolean {
  return /^(\d{2,}(\.\d+)?|-\d{2,})$/.test(
    text.normalize("NFKC").replace(/[\s\u3000\u00a0]+/g, ""),
  );
}

export function resolveGluedRows(
  formatId: FormatId,
  glued: GluedTable,
  values: TableValues,
  previous: ReportContent | undefined,
): ResolvedGlue {
  const { table } = glued;
  const gluedKeys = new Set(glued.rows.map((r) => r.row.key));
  const known = new Map<string, number | null>();
  for (const row of table.rows) {
    if (gluedKeys.has(row.key) || glued.unreliableRows.has(row.key)) continue;
    for (const column of table.columns) {
      const v = values[row.key]?.[column.key] ?? null;
      known.set(cellId(table.id, row.key, column.key), typeof v === "number" ? v : null);
    }
  }
  const rows = glued.rows.map((r) => ({
    cells: rowCells(table, r.row),
    tokens: r.printedValues.map(tokenOf),
    blanks: r.blanks,
    decimalCells: table.columns.map((c) => c.kind === "amount"),
    signedCells: table.columns.map((c) => c.kind === "signedCount"),
  }));
  const outcomes = pickOutcomes(
    equationTiers(formatId, table, previous).map((equations) =>
      solveRunTogether({ rows, known, equations }, DEFAULT_LIMITS),
    ),
  );
  // The cells of rows left blank, with how messages name their row.
  const unread = new Map(
    glued.rows.flatMap((r, i) =>
      outcomes[i].status === "unique"
        ? []
        : rowCells(table, r.row).map((c) => [c, r.name] as const),
    ),
  );

  let cellsRead = 0;
  const findings: Finding[] = [];
  glued.rows.forEach((r, i) => {
    const outcome = outcomes[i];
    const digits = r.printedValues.map(printed).join(" ");
    const cells = rowCells(table, r.row);
    if (outcome.status === "unique") {
      table.columns.forEach((column, c) => {
        const v = outcome.values[c];
        // Stored as the column's kind stores it (an amount as a decimal string).
        values[r.row.key][column.key] = v === null ? null : readCell(String(v), column.kind);
        if (v !== null) cellsRead++;
      });
      const read = outcome.values.map((v) => (v === null ? "空" : String(v))).join("、");
      findings.push(
        finding(
          "S3",
          r.blanks
            ? `${r.name}只印有${r.printedValues.length}个数（“${digits}”），应为${table.columns.length}个；按勾稽关系只有一种读法，已读为${read}，请按原报告核对`
            : `${r.name}单元格数字连在一起，已按勾稽关系拆分为${read}（原文“${digits}”）`,
          cells,
        ),
      );
      return;
    }
    findings.push(
      finding(
        "S5",
        r.blanks
          ? `${r.name}只印有${r.printedValues.length}个数（“${digits}”），应为${table.columns.length}个（空白单元格在文字中不留痕迹，数字也可能连写），${whyNot(outcome, "读法")}，该行留空，请按原报告核对填写`
          : `${r.name}单元格数字连在一起（原文“${digits}”，应为${table.columns.length}个数），${whyNot(outcome, "拆分")}，该行留空，请按原报告核对填写`,
        cells,
      ),
    );
  });
  findings.push(...balanceNeverHolds(formatId, table, { rows, known, equations: [] }, unread));
  return { cellsRead, findings };
}

/**
 * A1 in the columns that fail whichever way the rows left blank are cut: no cut that keeps the sums
 * (A2–A6) makes 一 + 二 = （七）总计 + 四 there. validate() skips such a column (a cell of it is
 * blank), so the defect would go unreported; the message says what it rests on.
 */
function balanceNeverHolds(
  formatId: FormatId,
  table: TableSpec,
  problem: SplitProblem,
  unread: ReadonlyMap<string, string>,
): Finding[] {
  const balance = validationPlan(formatId).balance.filter(
    (eq) =>
      eq.newCell.tableId === table.id &&
      [eq.newCell, eq.carriedCell, eq.resultsTotal, eq.carryoverCell].some((c) => unread.has(c.id)),
  );
  if (balance.length === 0) return [];
  const sums = equationsOf(formatId, table, undefined, { balance: false });
  if (anyCutFits({ ...problem, equations: sums }) !== true) return [];
  return balance.flatMap((eq) => {
    const equation: Equation = {
      terms: [
        { cell: eq.newCell.id, coefficient: 1 },
        { cell: eq.carriedCell.id, coefficient: 1 },
        { cell: eq.resultsTotal.id, coefficient: -1 },
        { cell: eq.carryoverCell.id, coefficient: -1 },
      ],
      constant: 0,
    };
    if (anyCutFits({ ...problem, equations: [...sums, equation] }) !== false) return [];
    const cells = [eq.newCell, eq.carriedCell, eq.resultsTotal, eq.carryoverCell].map((c) => c.id);
    const rows = [...new Set(cells.flatMap((c) => unread.get(c) ?? []))].join("、");
    // A1 is validate()'s rule, reported here because validate() skips a column whose row stays blank.
    return [
      ruleFinding(
        eq.rule,
        `${eq.where}：${rows}的数字连在一起，无法确定如何拆分；但在各行合计都相符的每一种拆分下，第一项+第二项都不等于第三项${eq.resultsTotalLabel}+第四项`,
        cells,
      ),
    ];
  });
}

/** Why a row stays blank; `what` names the readings tried (拆分 of run-together digits, 读法 with blanks too). */
function whyNot(outcome: Exclude<RowOutcome, { status: "unique" }>, what: string): string {
  switch (outcome.status) {
    case "none":
      return `没有一种${what}能满足勾稽关系`;
    case "ambiguous":
      return `有${outcome.count >= DEFAULT_LIMITS.maxSolutions ? "至少" : ""}${outcome.count}种${what}都满足勾稽关系，无法确定是哪一种`;
    case "capped":
      return `可能的${what}太多，无法逐一核对`;
    case "unchecked":
      return "没有可用来核对的勾稽关系，且数字也可能少印了空白单元格，无法确定如何拆分";
  }
}

/**
 * Per row, from the solutions under ever more equations: the first that reads it one way. The sums a
 * report prints (A2–A6) come first; A1 and X2 are added only to settle what the sums leave open, so
 * that a report whose own balance (A1) or continuation of last year (X2) is wrong still has the
 * figures its sums fix read — and that defect reported — rather than left blank. A row no tier
 * decides keeps the most informative failure: the last tier that found any reading at all.
 */
function pickOutcomes(tiers: RowOutcome[][]): RowOutcome[] {
  return tiers[0].map((first, r) => {
    const unique = tiers.find((t) => t[r].status === "unique");
    if (unique) return unique[r];
    const found = [...tiers].reverse().find((t) => t[r].status !== "none");
    return found ? found[r] : first;
  });
}

/** The equations in the order they are trusted to cut figures: the sums, then A1, then X2. */
export function equationTiers(
  formatId: FormatId,
  table: TableSpec,
  previous: ReportContent | undefined,
): Equation[][] {
  const sums = equationsOf(formatId, table, undefined, { balance: false });
  const balanced = equationsOf(formatId, table, undefined);
  const all = equationsOf(formatId, table, previous);
  const tiers = [sums];
  if (balanced.length > sums.length) tiers.push(balanced);
  if (all.length > balanced.length) tiers.push(all);
  return tiers;
}

/** A continuation (X2) as the format declares it on a table: column = Σ sign × term. */
interface Continuation {
  column: string;
  terms: { column: string; year: "previous" | "current"; sign: 1 | -1 }[];
}

/** The equations among this table's cells: its sums (A2–A6), its balance (A1) and, with last year's report, X2. */
export function equationsOf(
  formatId: FormatId,
  table: TableSpec,
  previous: ReportContent | undefined,
  { balance = true }: { balance?: boolean } = {},
): Equation[] {
  const plan = validationPlan(formatId);
  const equations: Equation[] = [];
  for (const eq of plan.sums) {
    if (eq.total.tableId !== table.id || eq.total.kind === "amount") continue;
    equations.push({
      terms: [
        { cell: eq.total.id, coefficient: 1 },
        ...eq.operands.map((c) => ({ cell: c.id, coefficient: -1 })),
      ],
      constant: 0,
    });
  }
  for (const eq of balance ? plan.balance : []) {
    if (eq.newCell.tableId !== table.id) continue;
    equations.push({
      terms: [
        { cell: eq.newCell.id, coefficient: 1 },
        { cell: eq.carriedCell.id, coefficient: 1 },
        { cell: eq.resultsTotal.id, coefficient: -1 },
        { cell: eq.carryoverCell.id, coefficient: -1 },
      ],
      constant: 0,
    });
  }
  if (previous && previous.format === formatId) equations.push(...continuationsOf(table, previous));
  return equations;
}

function continuationsOf(table: TableSpec, previous: ReportContent): Equation[] {
  const declared = (table as { continuations?: Continuation[] }).continuations ?? [];
  const out: Equation[] = [];
  for (const c of declared) {
    for (const row of table.rows) {
      let constant = 0;
      let complete = true;
      const terms = [{ cell: cellId(table.id, row.key, c.column), coefficient: 1 }];
      for (const term of c.terms) {
        if (term.year === "current") {
          terms.push({ cell: cellId(table.id, row.key, term.column), coefficient: -term.sign });
          continue;
        }
        const column = table.columns.find((col) => col.key === term.column);
        const parsed = column
          ? parseCellInput(previous.tables[table.id]?.[row.key]?.[term.column] ?? null, column.kind)
          : null;
        if (!parsed?.ok || typeof parsed.value !== "number") {
          complete = false;
          break;
        }
        constant += term.sign * parsed.value;
      }
      if (complete) out.push({ terms, constant });
    }
  }
  return out;
}
