import type { TableLayout } from "@/lib/report/layout";

/**
 * The official header of a table — caption row, spanning and leaf column headers — for the view and
 * the editor alike. A leaf header never breaks inside its word (商业企/业, 总/计): the row labels give
 * way instead. Where asked, a column's short header (四 at 1280 px) is shown, its full label still the
 * header's accessible name and tooltip.
 */
export function TableHead({
  layout,
  compact = false,
  sticky = false,
  short = false,
}: {
  layout: TableLayout;
  compact?: boolean;
  /** Stays below the editor's status bar while the page scrolls. */
  sticky?: boolean;
  short?: boolean;
}) {
  const pad = compact ? "px-1.5 py-1 text-xs" : "px-2 py-1";
  return (
    <thead className={sticky ? "sticky top-11 z-[2]" : undefined}>
      {layout.captionRow ? (
        <tr>
          <th
            colSpan={layout.captionRow.colSpan}
            scope="colgroup"
            className="border border-slate-300 bg-slate-100 px-2 py-1 text-center font-semibold"
          >
            {layout.captionRow.text}
          </th>
        </tr>
      ) : null}
      {layout.headerRows.map((row, i) => (
        <tr key={i}>
          {row.map((cell, j) => {
            const abbreviated = short && cell.short && cell.short !== cell.text;
            const leaf = Boolean(cell.columnKey);
            return (
              <th
                key={j}
                colSpan={cell.colSpan}
                rowSpan={cell.rowSpan}
                scope={cell.scope}
                aria-label={abbreviated ? cell.text : undefined}
                title={abbreviated ? cell.text : undefined}
                className={`border border-slate-300 bg-slate-50 text-center font-medium ${pad} ${leaf ? "whitespace-nowrap" : ""} ${sticky && !leaf && j === 0 && cell.rowSpan > 1 ? "sticky left-0" : ""}`}
              >
                {abbreviated ? <span aria-hidden>{cell.short}</span> : cell.text}
              </th>
            );
          })}
        </tr>
      ))}
    </thead>
  );
}
