import type { Severity } from "@/lib/report/rules";

/**
 * Errors and warnings differ by shape as well as colour (a round cross, a triangle with "!"), so
 * they read apart without colour; every place that lists or marks a finding uses this one mark.
 */
export const SEVERITY_LABEL: Record<Severity, string> = { error: "错误", warning: "提醒" };

export const SEVERITY_TEXT: Record<Severity, string> = {
  error: "text-red-700",
  warning: "text-amber-800",
};

export function ProblemIcon({
  severity,
  className = "h-3.5 w-3.5",
  labelled = false,
}: {
  severity: Severity;
  className?: string;
  /** Read the severity out (where no visible text says it). */
  labelled?: boolean;
}) {
  const a11y = labelled
    ? { role: "img" as const, "aria-label": SEVERITY_LABEL[severity] }
    : { "aria-hidden": true };
  return severity === "error" ? (
    <svg
      viewBox="0 0 16 16"
      className={`inline-block shrink-0 text-red-600 ${className}`}
      data-severity="error"
      {...a11y}
    >
      <circle cx="8" cy="8" r="7.5" fill="currentColor" />
      <path d="M5.2 5.2l5.6 5.6M10.8 5.2l-5.6 5.6" stroke="#fff" strokeWidth="1.8" />
    </svg>
  ) : (
    <svg
      viewBox="0 0 16 16"
      className={`inline-block shrink-0 text-amber-500 ${className}`}
      data-severity="warning"
      {...a11y}
    >
      <path d="M8 0.8l7.4 14H0.6z" fill="currentColor" />
      <path d="M8 5.5v4.6" stroke="#1f2937" strokeWidth="1.8" />
      <circle cx="8" cy="12.3" r="1" fill="#1f2937" />
    </svg>
  );
}

/** Blanks are not errors until the report is submitted: a neutral, dashed mark. */
export function BlankIcon({ className = "h-3.5 w-3.5" }: { className?: string }) {
  return (
    <svg
      viewBox="0 0 16 16"
      className={`inline-block shrink-0 text-slate-600 ${className}`}
      aria-hidden
    >
      <circle
        cx="8"
        cy="8"
        r="6.5"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeDasharray="2.6 2"
      />
    </svg>
  );
}
