import type { UnitProgress, UnitStatus } from "./district-overview";

/** A unit whose report is in one of these states is waiting on itself. */
const WAITING_ON_UNIT: UnitStatus[] = ["MISSING", "DRAFT", "RETURNED"];

/**
 * Late for a 催办: a unit below the district whose deadline (lib/district/deadline.ts) has passed and
 * whose report has not reached the reviewers — none yet, a draft, or a returned one. A submitted or
 * approved report waits on the district itself.
 */
export function isLateUnit(unit: UnitProgress): boolean {
  return (
    !unit.isDistrict &&
    unit.deadlineState.tone === "overdue" &&
    WAITING_ON_UNIT.includes(unit.status)
  );
}
