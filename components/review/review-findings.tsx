import { categoryOf, PROBLEM_CATEGORIES, ruleDetails } from "@/lib/report/problem-categories";
import type { Finding } from "@/lib/report/rules";

/**
 * The checks' results as the reviewer reads them: the same validate() the editor and the submission
 * gate run, errors first. Choosing one makes its first place the comment's place.
 */
export function ReviewFindings({
  findings,
  onPick,
}: {
  findings: Finding[];
  onPick: (target: string) => void;
}) {
  const sorted = [...findings].sort(
    (x, y) => Number(x.severity !== "error") - Number(y.severity !== "error"),
  );
  const errors = findings.filter((f) => f.severity === "error").length;
  return (
    <section aria-labelledby="review-findings-title" className="space-y-1">
      <h3 id="review-findings-title" className="text-sm font-medium">
        检查结果（{errors} 个错误，{findings.length - errors} 个提醒）
      </h3>
      {findings.length === 0 ? (
        <p className="text-xs text-slate-600">没有发现问题。</p>
      ) : (
        <ul className="max-h-56 space-y-1 overflow-y-auto text-sm" aria-label="检查结果">
          {sorted.map((f, i) => (
            <li key={i}>
              <button
                type="button"
                title={ruleDetails(f.rule)}
                onClick={() => f.cells[0] && onPick(f.cells[0])}
                className={`w-full rounded border px-2 py-1 text-left hover:bg-slate-50 ${f.severity === "error" ? "border-red-200" : "border-amber-200"}`}
              >
                <span
                  className={`mr-1 text-xs font-medium ${f.severity === "error" ? "text-red-800" : "text-amber-900"}`}
                >
                  {f.severity === "error" ? "✕ 错误" : "! 提醒"} ·{" "}
                  {PROBLEM_CATEGORIES[categoryOf(f)]}
                </span>
                <span className="text-slate-900">{f.message}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
