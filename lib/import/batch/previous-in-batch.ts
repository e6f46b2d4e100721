/**
 * Several reports checked together: each one's last-year report, when the batch holds it, so that the
 * cross-year rules (X1 carried over, X2 documents in force, X8 repetition) run between them as they do
 * in the editor. A unit is known by the name its report prints; whitespace and a trailing 人民政府 are
 * ignored, because a government prints its name with and without it from one year to the next.
 */
export interface BatchReportKey {
  organization: string | null;
  year: number | null;
}

export function unitKey(organization: string | null): string | null {
  const key = (organization ?? "").replace(/\s+/g, "").replace(/人民政府$/, "");
  return key || null;
}

/**
 * For each report, the index of the same unit's report of the year before, or null. Two reports of
 * the same unit and year are ambiguous as "last year's": the first in the batch's order is used.
 */
export function previousInBatch(reports: readonly BatchReportKey[]): (number | null)[] {
  const byUnitYear = new Map<string, number>();
  reports.forEach((r, i) => {
    const unit = unitKey(r.organization);
    if (unit === null || r.year === null) return;
    const key = `${unit}\u0000${r.year}`;
    if (!byUnitYear.has(key)) byUnitYear.set(key, i);
  });
  return reports.map((r) => {
    const unit = unitKey(r.organization);
    if (unit === null || r.year === null) return null;
    return byUnitYear.get(`${unit}\u0000${r.year - 1}`) ?? null;
  });
}
