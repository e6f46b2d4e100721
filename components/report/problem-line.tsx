import {
  PROBLEM_CATEGORIES,
  ruleDetails,
  type ProblemCategory,
} from "@/lib/report/problem-categories";
import type { Finding } from "@/lib/report/rules";
import { ProblemIcon, SEVERITY_LABEL, SEVERITY_TEXT } from "./problem-icon";

/**
 * One finding as users read it: the mark of its severity, its plain category (表格不平衡, 与上年不一致 …)
 * and the message. The rule id and its catalogue description are only in the tooltip, for reviewers.
 */
export function ProblemLine({
  finding,
  category,
}: {
  finding: Finding;
  category: ProblemCategory;
}) {
  return (
    <span className="flex items-start gap-1.5" title={ruleDetails(finding.rule)}>
      <ProblemIcon severity={finding.severity} className="mt-0.5 h-3.5 w-3.5" />
      <span>
        <span className="sr-only">{SEVERITY_LABEL[finding.severity]}：</span>
        <span className={`mr-1 font-medium ${SEVERITY_TEXT[finding.severity]}`}>
          {PROBLEM_CATEGORIES[category]}
        </span>
        <span className="text-slate-800">{finding.message}</span>
      </span>
    </span>
  );
}
