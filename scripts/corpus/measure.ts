import type { ImportResult } from "@/lib/import";
import { toTablesJson, type TablesJson } from "@/lib/import/tables-json";
import type { ReportContent } from "@/lib/report/content";
import { validate } from "@/lib/report/validate";

/** How one import of one layout compares with the report it was made from. */
export interface Measured {
  /** Table cells read exactly as the report holds them (a blank read as blank counts). */
  exact: number;
  total: number;
  /** Error findings the import gives that the report itself does not have (by rule). */
  falseErrors: number;
  /** The importer refused the file: why. */
  refused: string | null;
  /** The layout could not be made (a converter failed): why. Such a file counts in no total. */
  notMade?: string;
}

function flatten(t: TablesJson): unknown[] {
  return [...Object.values(t.active).flat(2), ...t.requests.flat(), ...t.appeals];
}

/** Every cell of the format, compared with `===` after both sides are in the stored form (amounts as decimal strings). */
export function measureImport(result: ImportResult, content: ReportContent): Measured {
  const expected = flatten(toTablesJson(content));
  const read = result.format === content.format ? flatten(toTablesJson(result.content)) : [];
  const exact = expected.filter((v, i) => i < read.length && same(read[i], v)).length;
  return {
    exact,
    total: expected.length,
    falseErrors: falseErrors(result, content),
    refused: null,
  };
}

export function notMade(reason: string): Measured {
  return { exact: 0, total: 0, falseErrors: 0, refused: null, notMade: reason };
}

export function refusedImport(content: ReportContent, reason: string): Measured {
  return {
    exact: 0,
    total: flatten(toTablesJson(content)).length,
    falseErrors: 0,
    refused: reason,
  };
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  // An amount printed as 0 may be stored as the number or the decimal string: the same figure.
  return a !== null && b !== null && typeof a !== typeof b && String(a) === String(b);
}

/** The import's error findings per rule beyond those validate() gives for the report itself. */
function falseErrors(result: ImportResult, content: ReportContent): number {
  const own = new Map<string, number>();
  for (const f of validate(content))
    if (f.severity === "error") own.set(f.rule, (own.get(f.rule) ?? 0) + 1);
  let extra = 0;
  for (const f of result.findings) {
    if (f.severity !== "error") continue;
    const left = own.get(f.rule) ?? 0;
    if (left > 0) own.set(f.rule, left - 1);
    else extra++;
  }
  return extra;
}
