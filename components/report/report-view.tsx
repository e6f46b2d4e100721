import type { ReactNode } from "react";
import { REPORT_CLASS, REPORT_CSS } from "@/lib/export/html";
import { buildPublication, closingIndents, type BodyParagraph } from "@/lib/export/publication";
import type { GridCell, GridRow, TableGrid } from "@/lib/export/grid";
import type { ReportContent } from "@/lib/report/content";
import { reviewTarget } from "@/lib/report/review-targets";
import { targetId } from "@/lib/report/targets";
import type { ReviewCommentView } from "@/lib/reports/list-review-comments";
import {
  CommentList,
  commentsDescription,
  groupComments,
  type CommentsByTarget,
} from "./review-marks";
import { COVER_TITLE } from "@/lib/report/fields";

/**
 * The whole report, read-only, exactly as it is published: drawn from the same publication model
 * as the DOCX and the HTML (`buildPublication`), so the reviewer approves the text that is printed —
 * section 六 with its fee statement, totals as computed, dates as `2024年1月17日`. Review comments,
 * when given, are listed at the top of the part they concern and marked at their cell or text.
 */
const NOTED = "rounded bg-violet-50 outline-2 outline-offset-2 outline-violet-500";

function Noted({
  target,
  comments,
  children,
}: {
  target: string;
  comments: CommentsByTarget;
  children: ReactNode;
}) {
  const noted = comments.get(target);
  return (
    <div
      data-cell-id={target}
      aria-description={commentsDescription(noted)}
      className={noted ? NOTED : undefined}
    >
      {children}
    </div>
  );
}

function Paragraph({ paragraph }: { paragraph: BodyParagraph }) {
  if (paragraph.lead && !paragraph.text)
    return <h3 style={{ textIndent: "2em" }}>{paragraph.lead}</h3>;
  return (
    <p style={{ textIndent: "2em", textAlign: "justify" }}>
      {paragraph.lead ? <span className="lead">{paragraph.lead}</span> : null}
      {paragraph.text}
    </p>
  );
}

const CELL = { border: "1px solid #000", padding: "3pt 2pt", textAlign: "center" } as const;

function Cell({ cell, comments }: { cell: GridCell; comments: CommentsByTarget }) {
  const span = {
    colSpan: cell.colSpan > 1 ? cell.colSpan : undefined,
    rowSpan: cell.rowSpan > 1 ? cell.rowSpan : undefined,
  };
  if (cell.role === "value") {
    const noted = cell.cellId ? comments.get(cell.cellId) : undefined;
    const description = commentsDescription(noted);
    return (
      <td
        {...span}
        data-cell-id={cell.cellId}
        aria-description={description}
        title={description}
        style={CELL}
        className={`relative whitespace-nowrap tabular-nums ${noted ? "bg-violet-50 outline-2 -outline-offset-2 outline-violet-500" : ""}`}
      >
        {noted ? (
          <span
            aria-hidden
            className="absolute left-0.5 top-0 text-[10px] leading-3 text-violet-700"
          >
            意见
          </span>
        ) : null}
        {cell.text}
      </td>
    );
  }
  if (cell.role === "note" || cell.text === "")
    return (
      <td {...span} className={cell.role === "note" ? "note" : undefined} style={CELL}>
        {cell.text}
      </td>
    );
  const label = cell.role === "label" || cell.role === "group";
  return (
    <th
      {...span}
      scope={cell.scope ?? undefined}
      // On screen a column header keeps its word whole (商业企业, not 商业企/业; the row labels give
      // way, or the table scrolls); on paper the printed layout's widths rule.
      className={
        cell.role === "caption"
          ? "item"
          : label
            ? cell.role
            : "head whitespace-nowrap print:whitespace-normal"
      }
      style={label ? { ...CELL, padding: "3pt 4pt", textAlign: "left" } : CELL}
    >
      {cell.text}
    </th>
  );
}

function Row({ row, comments }: { row: GridRow; comments: CommentsByTarget }) {
  return (
    <tr className={row.keepWithNext && !row.header ? "keep" : undefined}>
      {row.segments
        .filter((s) => !s.continued)
        .map((s) => (
          <Cell key={s.col} cell={s.cell} comments={comments} />
        ))}
    </tr>
  );
}

function Table({
  grid,
  labelledBy,
  comments,
}: {
  grid: TableGrid;
  labelledBy: string;
  comments: CommentsByTarget;
}) {
  const head = grid.rows.filter((r) => r.header);
  const body = grid.rows.filter((r) => !r.header);
  return (
    // A table wider than the page scrolls; keyboard users reach it (Tab, then the arrow keys).
    <div
      className="table-scroll"
      style={{ overflowX: "auto" }}
      tabIndex={0}
      role="region"
      aria-labelledby={labelledBy}
    >
      <table
        aria-labelledby={labelledBy}
        className={grid.columnCount > 8 ? "wide" : undefined}
        style={{ borderCollapse: "collapse", width: "100%" }}
      >
        {head.length ? (
          <thead>
            {head.map((r, i) => (
              <Row key={i} row={r} comments={comments} />
            ))}
          </thead>
        ) : null}
        <tbody>
          {body.map((r, i) => (
            <Row key={i} row={r} comments={comments} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ReportView({
  content,
  comments,
}: {
  content: ReportContent;
  comments?: ReviewCommentView[];
}) {
  const publication = buildPublication(content);
  const byTarget = groupComments(comments);
  const inStep = (step: string) =>
    (comments ?? []).filter(
      (c) => (reviewTarget(content.format, c.target)?.step ?? "cover") === step,
    );
  const indents = closingIndents(publication.closing);
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-6">
      <style>{REPORT_CSS}</style>
      <CommentList comments={inStep("cover")} label={`${COVER_TITLE}的审核意见`} />
      <article className={REPORT_CLASS} data-testid="report-view">
        <h1 style={{ textAlign: "center" }}>
          <span>{publication.titleLines[0]}</span>
          <span>{publication.titleLines[1]}</span>
        </h1>
        {publication.preface.length ? (
          <Noted target={targetId.preface} comments={byTarget}>
            {publication.preface.map((p, i) => (
              <Paragraph key={i} paragraph={p} />
            ))}
          </Noted>
        ) : null}
        {publication.sections.map((section) => {
          const headingId = `section-${section.key}`;
          const text = targetId.narrative(section.key);
          const paragraphs = section.blocks.flatMap((b) =>
            b.type === "paragraph" ? [b.paragraph] : [],
          );
          return (
            <section key={section.key} aria-labelledby={headingId}>
              <h2
                id={headingId}
                data-cell-id={targetId.section(section.key)}
                style={{ textIndent: "2em" }}
              >
                {section.heading}
              </h2>
              <CommentList comments={inStep(section.key)} label={`${section.heading}的审核意见`} />
              {paragraphs.length ? (
                <Noted target={text} comments={byTarget}>
                  {paragraphs.map((p, i) => (
                    <Paragraph key={i} paragraph={p} />
                  ))}
                </Noted>
              ) : section.blocks.length === 0 ? (
                <p
                  data-cell-id={text}
                  className="text-sm text-slate-600"
                  style={{ textIndent: "2em" }}
                >
                  （尚未填写）
                </p>
              ) : null}
              {section.blocks
                .flatMap((b) => (b.type === "table" ? [b.grid] : []))
                .map((grid) => (
                  <Table key={grid.id} grid={grid} labelledBy={headingId} comments={byTarget} />
                ))}
            </section>
          );
        })}
        {publication.closing.organ || publication.closing.date ? (
          <div className="closing" style={{ marginTop: "28.95pt" }}>
            {publication.closing.organ ? (
              <p
                data-cell-id={targetId.meta("issuingOrgan")}
                className="organ"
                style={{ textAlign: "right", paddingRight: `${indents.organ}em` }}
              >
                {publication.closing.organ}
              </p>
            ) : null}
            {publication.closing.date ? (
              <p
                data-cell-id={targetId.meta("issuedDate")}
                className="date"
                style={{ textAlign: "right", paddingRight: `${indents.date}em` }}
              >
                {publication.closing.date}
              </p>
            ) : null}
          </div>
        ) : null}
      </article>
    </div>
  );
}
