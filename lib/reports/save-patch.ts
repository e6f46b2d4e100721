import { visibleOrganizationIds } from "@/lib/auth/access";
import type { AuthContext } from "@/lib/auth/context";
import { ForbiddenError, NotFoundError } from "@/lib/auth/errors";
import type { Prisma } from "@/lib/db/generated/client";
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
  readReportParts,
  writeChanges,
  writeChangesIfUnchanged,
  type CellChangeSince,
  type LockedReportParts,
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
 * back as a conflict with both values and the colleague's name.
 *
 * Only the parts the changes touch are read and written, never the whole report. The usual autosave
 * — nobody saved since the editor's version — reads them (with the access check and the header, one
 * statement) and writes them with history, save record and notice in one statement that applies only
 * if the version is still the one read: no transaction held open across round trips. Otherwise, or
 * if someone saved in between, one short transaction: lock the row and read it again, read the
 * changes since the base, write.
 */
export async function savePatch(
  ctx: AuthContext,
  reportId: string,
  input: SavePatchInput,
): Promise<SavePatchResult> {
  if (!isRecordId(reportId)) throw new NotFoundError();
  if (input.changes.length > MAX_CHANGES)
    throw new ValidationError(`一次保存最多 ${MAX_CHANGES} 处修改。`);
  const visible = visibleOrganizationIds(ctx.access);
  const parts = partsForAnyFormat(input.changes);
  const oldestBase = Math.min(
    input.baseVersion,
    ...input.changes.map((c) => c.baseVersion ?? input.baseVersion),
  );

  const read = await readReportParts(db(), reportId, visible, parts, { lock: false });
  const fast = read && read.version === oldestBase ? checkedPatch(ctx, read, input) : null;
  let result: SavePatchResult | null = null;
  if (fast) {
    const toWrite = input.changes
      .filter((c) => !sameValue(fast.read(c.target), c.value))
      .map((c) => ({ target: c.target, value: c.value }));
    if (!toWrite.length)
      return { version: read!.version, updatedAt: null, applied: [], changes: [], conflicts: [] };
    const written = await writeChangesIfUnchanged(db(), {
      reportId: read!.id,
      actorId: ctx.user.userId,
      locked: read!,
      changes: toWrite,
    });
    if (written)
      result = {
        ...written,
        applied: toWrite.map((c) => c.target),
        changes: [],
        conflicts: [],
      };
  }
  result ??= await db().$transaction((tx) =>
    saveUnderLock(tx, ctx, reportId, visible, parts, input, oldestBase),
  );
  // Keep the history bounded: an occasional save folds the report's old changes, after its own commit.
  if (result.applied.length && result.version % CELL_HISTORY_POLICY.foldEveryVersions === 0)
    await foldCellHistory(reportId);
  return result;
}

/**
 * The checks a save makes of the report it read, in order: not visible is not found, then not
 * editable (its status, or the caller's role), its format, and the changes against that format.
 * Returns how to read a target's stored value.
 */
function checkedPatch(ctx: AuthContext, report: LockedReportParts | null, input: SavePatchInput) {
  if (!report) throw new NotFoundError();
  const status = report.status as ReportStatus;
  if (!canEditReport(ctx, { organizationId: report.organizationId, status })) {
    if (!startsFrom("save", status)) throw new InvalidStateError(LIFECYCLE.save.refused);
    throw new ForbiddenError("只有本单位的填报员或管理员可以修改报告。");
  }
  if (!isFormatId(report.formatVersion)) throw new InvalidStateError("报告格式未知。");
  const checked = checkChanges(report.formatVersion, input.changes);
  if (!checked.ok) throw new ValidationError(checked.problems[0].message, checked);
  if (input.baseVersion > report.version)
    throw new ValidationError("保存所依据的版本比服务器上的还新，请刷新页面。");
  const targets = editableTargets(report.formatVersion);
  return { read: (target: string) => targets.get(target)!.read(report.content) };
}

/** A save when someone saved since the editor's version: under the row lock, with the changes since. */
async function saveUnderLock(
  tx: Prisma.TransactionClient,
  ctx: AuthContext,
  reportId: string,
  visible: string[],
  parts: string[],
  input: SavePatchInput,
  oldestBase: number,
): Promise<SavePatchResult> {
  const me = ctx.user.userId;
  const locked = await readReportParts(tx, reportId, visible, parts, { lock: true });
  const current = checkedPatch(ctx, locked, input);
  const report = locked!;
  const since = report.version > oldestBase ? await changesSince(tx, report.id, oldestBase) : [];
  const others = since.filter((c) => c.actorId !== me);
  const byOthers = new Map(others.map((c) => [c.target, c]));
  const conflicts: CellConflict[] = [];
  const toWrite: PatchChange[] = [];
  for (const change of input.changes) {
    const stored = current.read(change.target);
    if (sameValue(stored, change.value)) continue;
    const theirs = byOthers.get(change.target);
    if (theirs && theirs.reportVersion > (change.baseVersion ?? input.baseVersion)) {
      conflicts.push({
        target: change.target,
        mine: change.value,
        theirs: stored,
        actorName: theirs.actorName,
        at: theirs.at,
      });
      continue;
    }
    toWrite.push({ target: change.target, value: change.value });
  }
  const changes = others.filter((c) => c.reportVersion > input.baseVersion);
  if (!toWrite.length)
    return { version: report.version, updatedAt: null, applied: [], changes, conflicts };
  const written = await writeChanges(tx, {
    reportId: report.id,
    actorId: me,
    locked: report,
    changes: toWrite,
  });
  return {
    version: written.version,
    updatedAt: written.updatedAt,
    applied: toWrite.map((c) => c.target),
    changes,
    conflicts,
  };
}
