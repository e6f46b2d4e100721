import type { ReportContent } from "@/lib/report/content";
import { getFormat } from "@/lib/report/formats";
import { TableView } from "./table-view";

/** The whole report, read-only: preface, the six sections in the format's order, and the closing. */
export function ReportView({ content }: { content: ReportContent }) {
  const format = getFormat(content.format);
  return (
    <article className="space-y-6 rounded-lg border border-slate-200 bg-white p-6">
      <header className="text-center">
        <h2 className="text-lg font-semibold">{content.meta.organization}{content.meta.year}年</h2>
        <p className="text-lg font-semibold">政府信息公开工作年度报告</p>
      </header>
      {content.preface ? <p className="whitespace-pre-wrap leading-7">{content.preface}</p> : null}
      {format.sections.map((section) => (
        <section key={section.key} aria-labelledby={`section-${section.key}`} className="space-y-3">
          <h3 id={`section-${section.key}`} className="text-base font-semibold">{section.ordinal}、{section.title}</h3>
          {content.narratives[section.key] ? (
            <p className="whitespace-pre-wrap leading-7">{content.narratives[section.key]}</p>
          ) : section.kind === "narrative" ? (
            <p className="text-sm text-slate-400">（尚未填写）</p>
          ) : null}
          {section.tables.map((table) => (
            <TableView key={table.id} table={table} values={content.tables[table.id]} />
          ))}
        </section>
      ))}
      {content.meta.issuingOrgan || content.meta.issuedDate ? (
        <footer className="text-right leading-7">
          <p>{content.meta.issuingOrgan}</p>
          {content.meta.issuedDate ? <p>{content.meta.issuedDate}</p> : null}
        </footer>
      ) : null}
    </article>
  );
}
