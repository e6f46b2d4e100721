import { deadlineState, reportDeadline, type DeadlineTone } from "@/lib/district/deadline";
import type { OrgLevel, ReportStatus } from "@/lib/db/generated/enums";
import { chineseDate } from "@/lib/report/chinese-date";

const TONE: Record<DeadlineTone, string> = {
  done: "text-slate-700",
  late: "text-slate-700",
  open: "text-slate-700",
  urgent: "font-medium text-amber-900",
  overdue: "font-medium text-red-700",
};

/**
 * How long a unit has left to publish its report on `year` (31 January; 31 March for a people's
 * government's own report), counted in China's calendar: `还剩 63 天（2027年1月31日前公开）`.
 */
export function DeadlineNote({
  year,
  level,
  status,
  now,
}: {
  year: number;
  level: OrgLevel;
  /** null: no report for that year yet. */
  status: ReportStatus | null;
  now: Date;
}) {
  const deadline = reportDeadline(year, level);
  const state = deadlineState({ status, publishedOn: null }, deadline, now);
  if (state.daysLeft === null) return <span className={TONE[state.tone]}>{state.text}</span>;
  return (
    <span className={TONE[state.tone]} data-testid="deadline-countdown">
      {state.text}
      <span className="font-normal text-slate-700">（{chineseDate(deadline)}前公开）</span>
    </span>
  );
}
