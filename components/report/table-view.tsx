import { cellId } from "@/lib/report/cells";
import type { TableValues } from "@/lib/report/content";
import { tableLayout } from "@/lib/report/layout";
import { TableHead } from "./table-head";
import type { TableSpec } from "@/lib/report/spec-types";
import { commentsDescription, type CommentsByTarget } from "./review-marks";

function display(value: unknown): string {
  return value === null || value === undefined || value === "" ? "" : String(value);
}

/** A table of the report, read-only, in the official printed shape; cells with review comments are marked. */
export function TableView({
  table,
  values,
  comments,
}: {
  table: TableSpec;
  values: TableValues | undefined;
  comments?: CommentsByTarget;
}) {
  const layout = tableLayout(table);
  return (
    <div className="overflow-x-auto">
      <table className="report-table w-full border-collapse text-sm">
        <TableHead layout={layout} />
        <tbody>
          {layout.bodyRows.map(({ row, labelCells }) => (
            <tr key={row.key}>
              {labelCells.map((cell, j) => (
                <th
                  key={j}
                  colSpan={cell.colSpan}
                  rowSpan={cell.rowSpan}
                  scope="row"
                  className={`border border-slate-300 px-2 py-1 text-left font-normal ${cell.isGroup ? "bg-slate-50" : ""}`}
                >
                  {cell.text}
                </th>
              ))}
              {layout.columns.map((column) => {
                const id = cellId(table.id, row.key, column.key);
                const noted = comments?.get(id);
                const description = commentsDescription(noted);
                return (
                  <td
                    key={column.key}
                    data-cell-id={id}
                    aria-description={description}
                    title={description}
                    className={`relative border border-slate-300 px-2 py-1 text-right tabular-nums ${noted ? "bg-violet-50 outline-2 -outline-offset-2 outline-violet-500" : ""}`}
                  >
                    {noted ? (
                      <span
                        aria-hidden
                        className="absolute left-0.5 top-0 text-[10px] leading-3 text-violet-700"
                      >
                        意见
                      </span>
                    ) : null}
                    {display(values?.[row.key]?.[column.key])}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
