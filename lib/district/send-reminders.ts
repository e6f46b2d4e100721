import { recordAudit } from "@/lib/audit/record";
import type { AuthContext } from "@/lib/auth/context";
import { db } from "@/lib/db/client";
import { writersOf } from "@/lib/notifications/recipients";
import { chineseDate } from "@/lib/report/chinese-date";
import { districtOverview } from "./district-overview";

/** A reminder per unit and year at most this often: a second click the same day sends nothing. */
export const REMINDER_INTERVAL_MS = 20 * 60 * 60 * 1000;

export interface ReminderResult {
  /** Units reminded now, and how many people were told. */
  reminded: string[];
  notified: number;
  /** Late units already reminded within the interval. */
  alreadyReminded: string[];
  /** Late units with nobody to tell (no editor or admin of their own). */
  nobodyToTell: string[];
}

/**
 * 催办: one click from the district overview reminds every late unit (lib/district/late-units.ts). Each unit's editors and admins
 * get a notification (REMINDER), once per interval; the district's audit log records who reminded whom.
 * Only the district's reviewers and admins see the overview, so only they can send it (404 to others).
 */
export async function sendReminders(
  ctx: AuthContext,
  input: { districtId?: string | null; year?: number | null; now?: Date },
  options: { ip?: string | null } = {},
): Promise<ReminderResult> {
  const now = input.now ?? new Date();
  const overview = await districtOverview(ctx, {
    districtId: input.districtId,
    year: input.year,
    now,
  });
  const late = overview.lateUnits;
  const result: ReminderResult = {
    reminded: [],
    notified: 0,
    alreadyReminded: [],
    nobodyToTell: [],
  };
  if (!late.length) return result;
  return db().$transaction(async (tx) => {
    const recent = await tx.notification.findMany({
      where: {
        kind: "REMINDER",
        year: overview.year,
        organizationId: { in: late.map((u) => u.organization.id) },
        createdAt: { gt: new Date(now.getTime() - REMINDER_INTERVAL_MS) },
      },
      select: { organizationId: true },
      distinct: ["organizationId"],
    });
    const remindedRecently = new Set(recent.map((r) => r.organizationId));
    for (const unit of late) {
      const name = unit.organization.name;
      if (remindedRecently.has(unit.organization.id)) {
        result.alreadyReminded.push(name);
        continue;
      }
      const users = (await writersOf(tx, unit.organization.id)).filter(
        (id) => id !== ctx.user.userId,
      );
      if (!users.length) {
        result.nobodyToTell.push(name);
        continue;
      }
      const created = await tx.notification.createMany({
        data: users.map((userId) => ({
          userId,
          kind: "REMINDER" as const,
          organizationId: unit.organization.id,
          year: overview.year,
          reportId: unit.report?.id ?? null,
          actorId: ctx.user.userId,
          message: `发布期限为${chineseDate(unit.deadline) ?? unit.deadline}（${unit.deadlineState.text}）。`,
        })),
      });
      result.reminded.push(name);
      result.notified += created.count;
    }
    if (result.reminded.length)
      await recordAudit(tx, {
        action: "REMINDERS_SENT",
        actorId: ctx.user.userId,
        actorAccount: ctx.user.account,
        organizationId: overview.district.id,
        ip: options.ip,
        detail: { year: overview.year, units: result.reminded, notified: result.notified },
      });
    return result;
  });
}
