import { visibleOrganizationIds } from "@/lib/auth/access";
import type { AuthContext } from "@/lib/auth/context";
import { ForbiddenError, NotFoundError } from "@/lib/auth/errors";
import type { ReportStatus } from "@/lib/db/generated/enums";
import { db } from "@/lib/db/client";
import { ValidationError } from "@/lib/errors";
import { isFormatId } from "@/lib/report/formats";
import {
  checkChanges,
  editableTargets,
  sameValue,
  type PatchChange,
  type PatchValue,
} from "@/lib/report/patch";
import { partsForAnyFormat } from "@/lib/report/patch-parts";
import { isRecordId } from "@/lib/record-id";
import { canEditReport } from "./editable";
import { InvalidStateError } from "./errors";
import { LIFECYCLE, startsFrom } from "./lifecycle";
import { CELL_HISTORY_POLICY, foldCellHistory } from "./patches/fold-cell-history";
import {
  changesSince,
  lockReportParts,
  writeChanges,
  type CellChangeSince,
} from "./patches/write-changes";

export interface SavePatchInput {
  /** The version the editor's values are based on. */
  baseVersion: number;
  /**
   * A change may name an older base of its own: the editor kept the person's value in a cell while a
   * colleague's change to it arrived, so that value was typed without seeing the colleague's.
   */
  changes: (PatchChange & { baseVersion?: number })[];
}

/** A target a colleague changed since the editor's version, to which the editor sent another value. */
export interface CellConflict {
  target: string;
  mine: PatchValue;
  theirs: PatchValue;
  actorName: string;
  at: string;
}

export interface SavePatchResult {
  /** The report's version now (unchanged when nothing was written). */
  version: number;
  updatedAt: string | null;
  /** The targets this save wrote. */
  applied: string[];
  /** Colleagues' changes written since `baseVersion`: the editor shows them at once. */
  changes: CellChangeSince[];
  /** Only the targets a colleague changed since `baseVersion` to another value: left as they are. */
  conflicts: CellConflict[];
}

/** A save of one burst of typing should never be near this; the format has about 500 targets. */
const MAX_CHANGES = 2000;

/**
 * Save what the editor changed since `baseVersion`. Targets nobody else changed since then merge
 * silently; a target a colleague changed since then to a different value is not written and comes
 * back as a conflict with both values and the colleague's name. One short transaction: lock the row
 * (checking access and reading only the parts the changes touch), read the changes since the base
 * when someone saved since it, then write the touched parts, history, save record and notice in one
 * statement.
 */
export async function savePatch(
  ctx: AuthContext,
  reportId: string,
  input: SavePatchInput,
): Promise<SavePatchResult> {
  if (!isRecordId(reportId)) throw new NotFoundError();
  if (input.changes.length > MAX_CHANGES)
    throw new ValidationError(`一次保存最多 ${MAX_CHANGES} 处修改。`);
  const me = ctx.user.userId;

  const result = await db().$transaction(async (tx): Promise<SavePatchResult> => {
    // The access check, the header and the touched parts in the one statement that takes the lock.
    const locked = await lockReportParts(
      tx,
      reportId,
      visibleOrganizationIds(ctx.access),
      partsForAnyFormat(input.changes),
    );
    if (!locked) throw new NotFoundError();
    const status = locked.status as ReportStatus;
    if (!canEditReport(ctx, { organizationId: locked.organizationId, status })) {
      if (!startsFrom("save", status)) throw new InvalidStateError(LIFECYCLE.save.refused);
      throw new ForbiddenError("只有本单位的填报员或管理员可以修改报告。");
    }
    if (!isFormatId(locked.formatVersion)) throw new InvalidStateError("报告格式未知。");
    const checked = checkChanges(locked.formatVersion, input.changes);
    if (!checked.ok) throw new ValidationError(checked.problems[0].message, checked);
    const targets = editableTargets(locked.formatVersion);
    if (input.baseVersion > locked.version)
      throw new ValidationError("保存所依据的版本比服务器上的还新，请刷新页面。");
    const oldestBase = Math.min(
      input.baseVersion,
      ...input.changes.map((c) => c.baseVersion ?? input.baseVersion),
    );
    const since = locked.version > oldestBase ? await changesSince(tx, locked.id, oldestBase) : [];
    const others = since.filter((c) => c.actorId !== me);
    const byOthers = new Map(others.map((c) => [c.target, c]));
    const conflicts: CellConflict[] = [];
    const toWrite: PatchChange[] = [];
    for (const change of input.changes) {
      const current = targets.get(change.target)!.read(locked.content);
      if (sameValue(current, change.value)) continue;
      const theirs = byOthers.get(change.target);
      if (theirs && theirs.reportVersion > (change.baseVersion ?? input.baseVersion)) {
        conflicts.push({
          target: change.target,
          mine: change.value,
          theirs: current,
          actorName: theirs.actorName,
          at: theirs.at,
        });
        continue;
      }
      toWrite.push({ target: change.target, value: change.value });
    }
    const changes = others.filter((c) => c.reportVersion > input.baseVersion);
    if (!toWrite.length)
      return { version: locked.version, updatedAt: null, applied: [], changes, conflicts };
    const written = await writeChanges(tx, {
      reportId: locked.id,
      actorId: me,
      locked,
      changes: toWrite,
    });
    return {
      version: written.version,
      updatedAt: written.updatedAt,
      applied: toWrite.map((c) => c.target),
      changes,
      conflicts,
    };
  });
  // Keep the history bounded: an occasional save folds the report's old changes, after its own commit.
  if (result.applied.length && result.version % CELL_HISTORY_POLICY.foldEveryVersions === 0)
    await foldCellHistory(reportId);
  return result;
}
