import type { AuthContext } from "@/lib/auth/context";
import { applySections } from "@/lib/report/apply-sections";
import { parseReportContent, type ReportContent } from "@/lib/report/content";
import type { StepKey } from "@/lib/report/progress";
import { InvalidStateError } from "./errors";
import { getReportOrThrow } from "./get-report-or-throw";
import { saveDraft, type SaveDraftResult } from "./save-draft";

/** 从已发布报告导入, step two: the chosen sections of the read report go into the draft (a normal, version-checked save). */
export async function applyImport(
  ctx: AuthContext,
  reportId: string,
  input: { version: number; source: unknown; sections: StepKey[]; tablesOnly?: boolean },
): Promise<SaveDraftResult & { tablesSkipped: StepKey[] }> {
  const report = await getReportOrThrow(ctx, reportId);
  const source = parseReportContent(input.source);
  if (!source.success) throw new InvalidStateError("导入的内容无效，请重新读取文件。");
  const draft = report.content as unknown as ReportContent;
  const { content, tablesSkipped } = applySections(draft, source.data, input.sections, {
    tablesOnly: input.tablesOnly,
  });
  const saved = await saveDraft(ctx, reportId, { version: input.version, content });
  return { ...saved, tablesSkipped };
}
