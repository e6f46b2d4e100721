import { UNIT_STATUS_LABEL, type UnitStatus } from "@/lib/district/district-overview";

const STYLE: Record<UnitStatus, string> = {
  MISSING: "bg-white text-slate-500 ring-1 ring-inset ring-slate-300",
  DRAFT: "bg-slate-100 text-slate-700",
  SUBMITTED: "bg-amber-100 text-amber-800",
  RETURNED: "bg-red-100 text-red-800",
  APPROVED: "bg-emerald-100 text-emerald-800",
  PUBLISHED: "bg-blue-100 text-blue-800",
};

export function StatusBadge({ status }: { status: UnitStatus }) {
  return (
    <span className={`whitespace-nowrap rounded px-1.5 py-0.5 text-xs ${STYLE[status]}`}>
      {UNIT_STATUS_LABEL[status]}
    </span>
  );
}
