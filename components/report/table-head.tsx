import type { TableLayout } from "@/lib/report/layout";

/** The official header of a table — caption row, spanning and leaf column headers — for the view and the editor alike. */
export function TableHead({ layout, compact = false }: { layout: TableLayout; compact?: boolean }) {
  const pad = compact ? "px-1.5 py-1 text-xs" : "px-2 py-1";
  return (
    <thead>
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
          {row.map((cell, j) => (
            <th
              key={j}
              colSpan={cell.colSpan}
              rowSpan={cell.rowSpan}
              scope={cell.scope}
              className={`border border-slate-300 bg-slate-50 text-center font-medium ${pad}`}
            >
              {cell.text}
            </th>
          ))}
        </tr>
      ))}
    </thead>
  );
}
