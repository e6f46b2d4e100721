import type { ReportContent } from "@/lib/report/content";
import { getFormat } from "@/lib/report/formats";
import { reviewTarget } from "@/lib/report/review-targets";
import type { ReviewCommentView } from "@/lib/reports/list-review-comments";
import { CommentList, commentsDescription, groupComments } from "./review-marks";
import { TableView } from "./table-view";

/**
 * The whole report, read-only: preface, the six sections in the format's order, and the closing. Review
 * comments, when given, are listed at the top of the part they concern and marked at their cell.
 */
export function ReportView({ content, comments }: { content: ReportContent; comments?: ReviewCommentView[] }) {
  const format = getFormat(content.format);
  const byTarget = groupComments(comments);
  const inStep = (step: string) => (comments ?? []).filter((c) => (reviewTarget(content.format, c.target)?.step ?? "cover") === step);
  const noted = (target: string) => (byTarget.has(target) ? "rounded bg-violet-50 outline-2 outline-offset-2 outline-violet-500" : "");
  return (
    <article className="space-y-6 rounded-lg border border-slate-200 bg-white p-6">
      <header className="text-center">
        <h2 className="text-lg font-semibold">{content.meta.organization}{content.meta.year}年</h2>
        <p className="text-lg font-semibold">政府信息公开工作年度报告</p>
      </header>
      <CommentList comments={inStep("cover")} label="开头与落款的审核意见" />
      {content.preface ? (
        <p data-cell-id="preface" aria-description={commentsDescription(byTarget.get("preface"))} className={`whitespace-pre-wrap leading-7 ${noted("preface")}`}>{content.preface}</p>
      ) : null}
      {format.sections.map((section) => {
        const text = `narrative.${section.key}`;
        return (
          <section key={section.key} aria-labelledby={`section-${section.key}`} className="space-y-3">
            <h3 id={`section-${section.key}`} data-cell-id={section.key} className="text-base font-semibold">{section.ordinal}、{section.title}</h3>
            <CommentList comments={inStep(section.key)} label={`${section.ordinal}、${section.title}的审核意见`} />
            {content.narratives[section.key] ? (
              <p data-cell-id={text} aria-description={commentsDescription(byTarget.get(text))} className={`whitespace-pre-wrap leading-7 ${noted(text)}`}>
                {content.narratives[section.key]}
              </p>
            ) : section.kind === "narrative" ? (
              <p data-cell-id={text} className="text-sm text-slate-400">（尚未填写）</p>
            ) : null}
            {section.tables.map((table) => (
              <TableView key={table.id} table={table} values={content.tables[table.id]} comments={byTarget} />
            ))}
          </section>
        );
      })}
      {content.meta.issuingOrgan || content.meta.issuedDate ? (
        <footer className="text-right leading-7">
          <p>{content.meta.issuingOrgan}</p>
          {content.meta.issuedDate ? <p>{content.meta.issuedDate}</p> : null}
        </footer>
      ) : null}
    </article>
  );
}
