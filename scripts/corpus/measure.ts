import type { ImportResult } from "@/lib/import";
import { allTables, type CellValue, type ReportContent } from "@/lib/report/content";
import { getFormat } from "@/lib/report/formats";
import type { Finding, RuleId } from "@/lib/report/rules";
import { validate } from "@/lib/report/validate";

/** How one import of one layout compares with the report it was made from. */
export interface Measured {
  /** Table cells read exactly as the report holds them (a blank read as blank counts). */
  exact: number;
  total: number;
  /** Cells read as a value the report does not hold there (the worst outcome: a silent misreading). */
  wrong: number;
  /** Cells the import left blank while the report holds a figure, with a finding that names the cell. */
  blankWithFinding: number;
  /** Cells left blank while the report holds a figure, with no finding naming them. */
  blankSilently: number;
  /** Defects planted in the report, and how many of them a finding with the right rule id reports. */
  planted: number;
  plantedFound: number;
  /**
   * Error findings beyond the report's own (validate() on the report, last year's given) and beyond
   * the S5 refusals that name only cells left blank: errors a user would be told wrongly.
   */
  falseErrors: number;
  /** The importer refused the file: why. */
  refused: string | null;
  /** The layout could not be made (a converter failed): why. Such a file counts in no total. */
  notMade?: string;
}

export interface Expectation {
  content: ReportContent;
  previous?: ReportContent;
  planted?: readonly RuleId[];
}

interface CellAt {
  id: string;
  value: CellValue;
}

function cellsOf(content: ReportContent): CellAt[] {
  return allTables(getFormat(content.format)).flatMap((table) =>
    table.rows.flatMap((row) =>
      table.columns.map((column) => ({
        id: `${table.id}.${row.key}.${column.key}`,
        value: content.tables[table.id]?.[row.key]?.[column.key] ?? null,
      })),
    ),
  );
}

const asExpectation = (e: ReportContent | Expectation): Expectation =>
  "tables" in e ? { content: e } : e;

/** Every cell of the format compared with `===` after both sides are in the stored form (amounts as decimal strings). */
export function measureImport(
  result: ImportResult,
  expectation: ReportContent | Expectation,
): Measured {
  const { content, previous, planted = [] } = asExpectation(expectation);
  const expected = cellsOf(content);
  const read = new Map(
    result.format === content.format ? cellsOf(result.content).map((c) => [c.id, c.value]) : [],
  );
  const named = new Set(result.findings.flatMap((f) => f.cells));
  let exact = 0;
  let wrong = 0;
  let blankWithFinding = 0;
  let blankSilently = 0;
  for (const cell of expected) {
    const got = read.get(cell.id) ?? null;
    if (same(got, cell.value)) exact++;
    else if (got !== null) wrong++;
    else if (named.has(cell.id)) blankWithFinding++;
    else blankSilently++;
  }
  return {
    exact,
    total: expected.length,
    wrong,
    blankWithFinding,
    blankSilently,
    planted: planted.length,
    plantedFound: plantedFound(result.findings, planted),
    falseErrors: falseErrors(result, content, previous, read),
    refused: null,
  };
}

export function notMade(reason: string): Measured {
  return { ...empty(0, 0), notMade: reason };
}

export function refusedImport(expectation: ReportContent | Expectation, reason: string): Measured {
  const { content, planted = [] } = asExpectation(expectation);
  return { ...empty(cellsOf(content).length, planted.length), refused: reason };
}

function empty(total: number, planted: number): Measured {
  return {
    exact: 0,
    total,
    wrong: 0,
    blankWithFinding: 0,
    blankSilently: 0,
    planted,
    plantedFound: 0,
    falseErrors: 0,
    refused: null,
  };
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  // An amount printed as 0 may be stored as the number or the decimal string: the same figure.
  return a !== null && b !== null && typeof a !== typeof b && String(a) === String(b);
}

/** Each planted rule id counts once per finding of that rule (three planted S3 need three S3 findings). */
function plantedFound(findings: Finding[], planted: readonly RuleId[]): number {
  const left = new Map<string, number>();
  for (const f of findings) left.set(f.rule, (left.get(f.rule) ?? 0) + 1);
  let found = 0;
  for (const rule of planted) {
    const n = left.get(rule) ?? 0;
    if (n > 0) {
      found++;
      left.set(rule, n - 1);
    }
  }
  return found;
}

/** The import's error findings per rule beyond those validate() gives for the report itself. */
function falseErrors(
  result: ImportResult,
  content: ReportContent,
  previous: ReportContent | undefined,
  read: Map<string, CellValue>,
): number {
  const own = new Map<string, number>();
  for (const f of validate(content, { previous }))
    if (f.severity === "error") own.set(f.rule, (own.get(f.rule) ?? 0) + 1);
  let extra = 0;
  for (const f of result.findings) {
    if (f.severity !== "error") continue;
    // Saying a row could not be read, and leaving it blank, is the honest answer, not a false error.
    if (
      f.rule === "S5" &&
      f.cells.length > 0 &&
      f.cells.every((c) => (read.get(c) ?? null) === null)
    )
      continue;
    const left = own.get(f.rule) ?? 0;
    if (left > 0) own.set(f.rule, left - 1);
    else extra++;
  }
  return extra;
}
