import type { Finding } from "@/lib/report/rules";

/**
 * Which of validate()'s findings to report after the importer's own: its S2 for a table is left out
 * where the importer already reported that table missing (one finding, the more precise one); S4
 * and X7 need the year and are left out when the document does not state one (the content then
 * carries year 0); A1–A6 over a row the importer reported with the wrong number of cells (S5) are
 * left out, since its figures may be shifted — the S5 says the row's equations were not checked.
 */
export function keepValidatedFinding(
  documentFindings: readonly Finding[],
  yearKnown: boolean,
): (finding: Finding) => boolean {
  // A table the importer reported missing, or whose printed rows or cells it could not read (S4/S5, or
  // V1/V2 for a unit that disagrees with its column): validate()'s "no numbers" would only repeat it, less precisely.
  const missingTables = new Set(
    documentFindings
      .filter((f) => ["S2", "S4", "S5", "V1", "V2"].includes(f.rule))
      .flatMap((f) => f.cells.map(tableIdOf)),
  );
  const explainedCells = new Set(
    documentFindings.filter((f) => f.rule === "V1" || f.rule === "V2").flatMap((f) => f.cells),
  );
  // Cells of a row printed with too few or too many cells may be shifted: an equation over them proves nothing.
  const unreliableCells = new Set(
    documentFindings.filter((f) => f.rule === "S5").flatMap((f) => f.cells),
  );
  return (f) => {
    if (!yearKnown && (f.rule === "S4" || f.rule === "X7")) return false;
    if (f.rule === "S2" && f.cells.length > 0 && missingTables.has(tableIdOf(f.cells[0])))
      return false;
    // A cell kept as printed because its unit disagrees with its column: the importer already said why.
    if (
      (f.rule === "V1" || f.rule === "V2") &&
      f.cells.length > 0 &&
      f.cells.every((c) => explainedCells.has(c))
    )
      return false;
    if (/^A\d$/.test(f.rule) && f.cells.some((c) => unreliableCells.has(c))) return false;
    return true;
  };
}

/** `requests.r1.natural` → `requests`; `20.1.rules.issued` → `20.1`. */
function tableIdOf(cell: string): string {
  const parts = cell.split(".");
  return /^\d+$/.test(parts[0]) ? `${parts[0]}.${parts[1]}` : parts[0];
}
