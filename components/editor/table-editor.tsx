"use client";

import { memo, type ClipboardEvent, type KeyboardEvent } from "react";
import type { UseFormReturn } from "react-hook-form";
import { cellId, listCells, type CellRef } from "@/lib/report/cells";
import { fieldKey, type ReportFormValues } from "@/lib/report/form-values";
import { TableHead } from "@/components/report/table-head";
import { printedTables, tableLayout, type PrintedTable } from "@/lib/report/layout";
import { parseCellInput } from "@/lib/report/parse-value";
import type { FormatId, TableSpec } from "@/lib/report/spec-types";
import { useCellMarks, useTableFindings, useTotal, type EditorStore } from "./editor-store";
import { CommentMarker, useTargetComments } from "./review-comments";

type Form = UseFormReturn<ReportFormValues>;

/** What a typed value looks like once understood: `１２` → `12`, `37,438` → `37438`; anything else as typed. */
export function normalisedText(raw: string, kind: CellRef["kind"]): string {
  const parsed = parseCellInput(raw, kind);
  return parsed.ok ? (parsed.value === null ? "" : String(parsed.value)) : raw;
}

const TypedCell = memo(function TypedCell({
  cell,
  form,
  store,
  grid,
  r,
  c,
  colSpan,
}: {
  cell: CellRef;
  form: Form;
  store: EditorStore;
  grid: string;
  r: number;
  c: number;
  colSpan?: number;
}) {
  const marks = useCellMarks(store, cell.id);
  const review = useTargetComments(cell.id);
  const name = `cells.${fieldKey(cell.id)}` as const;
  const registered = form.register(name);
  const tone =
    marks.severity === "error"
      ? "border-red-500 bg-red-50"
      : marks.severity === "warning"
        ? "border-amber-400 bg-amber-50"
        : review.description
          ? "border-violet-500 bg-violet-50"
          : "border-transparent";
  return (
    <td colSpan={colSpan} className="relative border border-slate-300 p-0">
      <CommentMarker count={review.comments.length} />
      <input
        {...registered}
        onBlur={(event) => {
          registered.onBlur(event);
          const normal = normalisedText(event.target.value, cell.kind);
          if (normal !== event.target.value) form.setValue(name, normal, { shouldDirty: true });
        }}
        aria-label={cell.label}
        aria-invalid={marks.severity === "error" || undefined}
        aria-description={review.description}
        title={[review.description, ...marks.messages].filter(Boolean).join("\n") || undefined}
        inputMode={cell.kind === "count" ? "numeric" : "decimal"}
        autoComplete="off"
        data-cell-id={cell.id}
        data-field={name}
        data-kind={cell.kind}
        data-grid={grid}
        data-r={r}
        data-c={c}
        className={`h-8 w-full min-w-14 border-2 px-1.5 text-right tabular-nums outline-none focus:border-blue-600 focus:bg-white ${tone}`}
      />
    </td>
  );
});

const TotalCell = memo(function TotalCell({
  cell,
  store,
  grid,
  r,
  c,
  colSpan,
}: {
  cell: CellRef;
  store: EditorStore;
  grid: string;
  r: number;
  c: number;
  colSpan?: number;
}) {
  const value = useTotal(store, cell.tableId, cell.rowKey, cell.columnKey, cell.kind);
  const marks = useCellMarks(store, cell.id);
  const review = useTargetComments(cell.id);
  return (
    <td colSpan={colSpan} className="relative border border-slate-300 bg-slate-100 p-0">
      <CommentMarker count={review.comments.length} />
      <input
        readOnly
        tabIndex={-1}
        value={value}
        aria-label={cell.label}
        aria-readonly
        aria-description={review.description}
        title={[review.description, ...marks.messages].filter(Boolean).join("\n") || "自动计算"}
        data-cell-id={cell.id}
        data-grid={grid}
        data-r={r}
        data-c={c}
        className={`h-8 w-full min-w-14 border-2 bg-transparent px-1.5 text-right font-medium tabular-nums text-slate-700 outline-none focus:border-blue-600 ${marks.severity ? "border-red-500" : "border-transparent"}`}
      />
    </td>
  );
});

function focusCell(grid: string, r: number, c: number): boolean {
  const next = document.querySelector<HTMLInputElement>(
    `input[data-grid="${grid}"][data-r="${r}"][data-c="${c}"]`,
  );
  if (!next) return false;
  next.focus();
  next.select();
  return true;
}

/** Spreadsheet keys (arrows, Enter, Tab) and Excel/WPS block paste over the inputs of one grid. */
function gridHandlers(grid: string, form: Form) {
  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    const input = event.target as HTMLInputElement;
    if (input.dataset.grid !== grid) return;
    const r = Number(input.dataset.r);
    const c = Number(input.dataset.c);
    const atStart = input.selectionStart === 0 && input.selectionEnd === 0;
    const atEnd =
      input.selectionStart === input.value.length && input.selectionEnd === input.value.length;
    const whole = input.selectionStart === 0 && input.selectionEnd === input.value.length;
    let moved = false;
    if (event.key === "ArrowDown" || (event.key === "Enter" && !event.shiftKey))
      moved = focusCell(grid, r + 1, c);
    else if (event.key === "ArrowUp" || (event.key === "Enter" && event.shiftKey))
      moved = focusCell(grid, r - 1, c);
    else if (event.key === "ArrowLeft" && (atStart || whole)) moved = focusCell(grid, r, c - 1);
    else if (event.key === "ArrowRight" && (atEnd || whole)) moved = focusCell(grid, r, c + 1);
    if (moved || event.key === "Enter") event.preventDefault();
  };

  const onPaste = (event: ClipboardEvent<HTMLTableElement>) => {
    const input = event.target as HTMLInputElement;
    if (input.dataset.grid !== grid) return;
    const text = event.clipboardData.getData("text/plain");
    if (!/[\t\n]/.test(text.replace(/\s+$/, ""))) return; // a single value pastes as usual
    event.preventDefault();
    const rows = text
      .replace(/\r\n?/g, "\n")
      .replace(/\n+$/, "")
      .split("\n")
      .map((line) => line.split("\t"));
    const r0 = Number(input.dataset.r);
    const c0 = Number(input.dataset.c);
    rows.forEach((values, i) =>
      values.forEach((value, j) => {
        const target = document.querySelector<HTMLInputElement>(
          `input[data-grid="${grid}"][data-r="${r0 + i}"][data-c="${c0 + j}"]`,
        );
        const field = target?.dataset.field as `cells.${string}` | undefined;
        // Positions of computed totals are skipped: they are recomputed from what was pasted.
        if (target && field)
          form.setValue(field, normalisedText(value, target.dataset.kind as CellRef["kind"]), {
            shouldDirty: true,
          });
      }),
    );
  };
  return { onKeyDown, onPaste };
}

/**
 * A section's tables as the layout spec prints them (`printedTables`): 三 and 四 alone, 二's 第二十条
 * items as ONE table of four columns — per item a full-width caption row, its 信息内容 header and its
 * rows, a single value spanning the three value columns.
 */
export function TablesEditor({
  format,
  tables,
  form,
  store,
}: {
  format: FormatId;
  tables: TableSpec[];
  form: Form;
  store: EditorStore;
}) {
  const printed = printedTables(tables);
  if (printed.length === tables.length) {
    return (
      <>
        {tables.map((table) => (
          <TableEditor key={table.id} format={format} table={table} form={form} store={store} />
        ))}
      </>
    );
  }
  return (
    <>
      {printed.map((p) => (
        <CombinedTableEditor key={p.id} format={format} printed={p} form={form} store={store} />
      ))}
    </>
  );
}

function CombinedTableEditor({
  format,
  printed,
  form,
  store,
}: {
  format: FormatId;
  printed: PrintedTable;
  form: Form;
  store: EditorStore;
}) {
  const grid = `grid-${printed.id.replace(/\W/g, "-")}`;
  const cells = new Map(listCells(format).map((c) => [c.id, c]));
  const { onKeyDown, onPaste } = gridHandlers(grid, form);
  let r = -1;
  return (
    <div className="space-y-2">
      <div className="overflow-x-auto">
        <table
          className="w-full border-collapse text-sm"
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          aria-label={printed.tables.map((t) => t.caption).join("、")}
        >
          <tbody>
            {printed.rows.map((row, i) => {
              const values = row.cells.filter((cell) => cell.role === "value");
              if (values.length) r++;
              let c = -1;
              return (
                <tr key={i}>
                  {row.cells.map((cell, j) => {
                    if (cell.role === "value") {
                      c++;
                      const ref = cells.get(
                        cellId(cell.table.id, cell.row!.key, cell.column!.key),
                      )!;
                      const span = cell.colSpan > 1 ? cell.colSpan : undefined;
                      return ref.computed ? (
                        <TotalCell
                          key={j}
                          cell={ref}
                          store={store}
                          grid={grid}
                          r={r}
                          c={c}
                          colSpan={span}
                        />
                      ) : (
                        <TypedCell
                          key={j}
                          cell={ref}
                          form={form}
                          store={store}
                          grid={grid}
                          r={r}
                          c={c}
                          colSpan={span}
                        />
                      );
                    }
                    const tone =
                      cell.role === "caption"
                        ? "bg-slate-100 text-center font-semibold"
                        : cell.role === "header"
                          ? "bg-slate-50 text-center font-medium"
                          : "text-left font-normal";
                    return (
                      <th
                        key={j}
                        colSpan={cell.colSpan > 1 ? cell.colSpan : undefined}
                        scope={cell.scope ?? undefined}
                        className={`border border-slate-300 px-2 py-1 text-xs ${tone}`}
                      >
                        {cell.text}
                      </th>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {printed.tables.map((table) => (
        <TableMessages key={table.id} tableId={table.id} store={store} />
      ))}
    </div>
  );
}

/** One official table as a grid of inputs: spreadsheet keys, Excel/WPS paste, computed totals read-only. */
export function TableEditor({
  format,
  table,
  form,
  store,
}: {
  format: FormatId;
  table: TableSpec;
  form: Form;
  store: EditorStore;
}) {
  const layout = tableLayout(table);
  const grid = `grid-${table.id}`;
  const cells = new Map(
    listCells(format)
      .filter((c) => c.tableId === table.id)
      .map((c) => [c.id, c]),
  );
  const { onKeyDown, onPaste } = gridHandlers(grid, form);

  return (
    <div className="space-y-2">
      <div className="overflow-x-auto">
        <table
          className="w-full border-collapse text-sm"
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          aria-label={table.caption || undefined}
        >
          <TableHead layout={layout} compact />
          <tbody>
            {layout.bodyRows.map(({ row, labelCells }, r) => (
              <tr key={row.key} className={row.computed ? "bg-slate-50" : undefined}>
                {labelCells.map((l, j) => (
                  <th
                    key={j}
                    colSpan={l.colSpan}
                    rowSpan={l.rowSpan}
                    scope="row"
                    className={`border border-slate-300 px-2 py-1 text-left text-xs font-normal ${l.isGroup ? "w-8 bg-slate-50" : ""}`}
                  >
                    {l.text}
                  </th>
                ))}
                {layout.columns.map((column, c) => {
                  const cell = cells.get(cellId(table.id, row.key, column.key))!;
                  return cell.computed ? (
                    <TotalCell key={column.key} cell={cell} store={store} grid={grid} r={r} c={c} />
                  ) : (
                    <TypedCell
                      key={column.key}
                      cell={cell}
                      form={form}
                      store={store}
                      grid={grid}
                      r={r}
                      c={c}
                    />
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <TableMessages tableId={table.id} store={store} />
    </div>
  );
}

function TableMessages({ tableId, store }: { tableId: string; store: EditorStore }) {
  const findings = useTableFindings(store, tableId);
  if (!findings.length) return null;
  return (
    <ul className="space-y-1 text-sm" aria-label="本表的校验结果">
      {findings.map((f, i) => (
        <li key={i} className={f.severity === "error" ? "text-red-700" : "text-amber-700"}>
          <span className="mr-1 rounded bg-white px-1 text-xs ring-1 ring-current">{f.rule}</span>
          {f.message}
        </li>
      ))}
    </ul>
  );
}
