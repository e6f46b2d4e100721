"use client";

import { memo, type ClipboardEvent, type KeyboardEvent } from "react";
import type { UseFormReturn } from "react-hook-form";
import { cellId, listCells, type CellRef } from "@/lib/report/cells";
import { fieldKey, type ReportFormValues } from "@/lib/report/form-values";
import { TableHead } from "@/components/report/table-head";
import { printedTables, tableLayout, type PrintedTable } from "@/lib/report/layout";
import { parseCellInput } from "@/lib/report/parse-value";
import type { FormatId, TableSpec } from "@/lib/report/spec-types";
import { ProblemIcon } from "@/components/report/problem-icon";
import { useTotal, type EditorStore } from "./editor-store";
import { touchTable, useBlanksShown, useCellProblem, type CellProblem } from "./problem-store";
import { CommentMarker, useTargetComments } from "./review-comments";
import { TableProblems } from "./table-problems";

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
  narrow = false,
}: {
  cell: CellRef;
  form: Form;
  store: EditorStore;
  grid: string;
  r: number;
  c: number;
  colSpan?: number;
  /** A table of many columns (四): narrower inputs, so that it fits a laptop's screen. */
  narrow?: boolean;
}) {
  const { problem, messages } = useCellProblem(store, cell.id);
  const blanksShown = useBlanksShown(store, cell.tableId);
  const shown: CellProblem = problem === "unfilled" && !blanksShown ? null : problem;
  const review = useTargetComments(cell.id);
  const name = `cells.${fieldKey(cell.id)}` as const;
  const registered = form.register(name);
  const tone =
    shown === "error"
      ? "border-red-600 bg-red-50"
      : shown === "warning"
        ? "border-amber-500 bg-amber-50"
        : shown === "unfilled"
          ? "border-dashed border-red-400 placeholder:text-red-700"
          : review.description
            ? "border-violet-500 bg-violet-50"
            : "border-transparent";
  return (
    <td colSpan={colSpan} className="relative border border-slate-300 p-0">
      <CommentMarker count={review.comments.length} />
      <CellIcon problem={shown} />
      <input
        {...registered}
        onChange={(event) => {
          touchTable(store, cell.tableId);
          return registered.onChange(event);
        }}
        onBlur={(event) => {
          registered.onBlur(event);
          const normal = normalisedText(event.target.value, cell.kind);
          if (normal !== event.target.value) form.setValue(name, normal, { shouldDirty: true });
        }}
        placeholder="未填"
        aria-label={cell.label}
        aria-invalid={shown === "error" || shown === "unfilled" || undefined}
        aria-description={review.description}
        title={
          [review.description, ...messages, shown === "unfilled" ? "未填写" : ""]
            .filter(Boolean)
            .join("\n") || undefined
        }
        inputMode={cell.kind === "count" ? "numeric" : "decimal"}
        autoComplete="off"
        data-cell-id={cell.id}
        data-problem={shown ?? undefined}
        data-field={name}
        data-kind={cell.kind}
        data-grid={grid}
        data-r={r}
        data-c={c}
        className={`h-8 w-full border-2 px-1.5 text-right tabular-nums outline-none placeholder:text-xs placeholder:text-slate-500 focus:border-blue-600 focus:bg-white ${narrow ? "min-w-10" : "min-w-14"} ${tone}`}
      />
    </td>
  );
});

/** The shape beside the colour: a round cross on an error, a triangle on a warning. */
function CellIcon({ problem }: { problem: CellProblem }) {
  if (problem !== "error" && problem !== "warning") return null;
  return (
    <span className="pointer-events-none absolute right-0 top-0 leading-none">
      <ProblemIcon severity={problem} className="h-2.5 w-2.5" />
    </span>
  );
}

const TotalCell = memo(function TotalCell({
  cell,
  store,
  grid,
  r,
  c,
  colSpan,
  narrow = false,
}: {
  cell: CellRef;
  store: EditorStore;
  grid: string;
  r: number;
  c: number;
  colSpan?: number;
  narrow?: boolean;
}) {
  const value = useTotal(store, cell.tableId, cell.rowKey, cell.columnKey, cell.kind);
  const { problem, messages } = useCellProblem(store, cell.id);
  const shown = problem === "error" || problem === "warning" ? problem : null;
  const review = useTargetComments(cell.id);
  return (
    <td colSpan={colSpan} className="relative border border-slate-300 bg-slate-100 p-0">
      <CommentMarker count={review.comments.length} />
      <CellIcon problem={shown} />
      <input
        readOnly
        tabIndex={-1}
        value={value}
        aria-label={cell.label}
        aria-readonly
        aria-description={review.description}
        title={[review.description, ...messages].filter(Boolean).join("\n") || "自动计算"}
        data-cell-id={cell.id}
        data-problem={shown ?? undefined}
        data-grid={grid}
        data-r={r}
        data-c={c}
        className={`h-8 w-full border-2 bg-transparent px-1.5 text-right font-medium tabular-nums text-slate-700 outline-none focus:border-blue-600 ${narrow ? "min-w-10" : "min-w-14"} ${shown === "error" ? "border-red-600" : shown === "warning" ? "border-amber-500" : "border-transparent"}`}
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
 * On a wide screen the tables fit, so the frame does not scroll and the column headers stick below
 * the editor's status bar as the page scrolls; on a narrow one the frame scrolls sideways and the row
 * labels stay put (a frame that scrolls is a scroll container, which sticky headers cannot leave).
 */
const TABLE_FRAME = "overflow-x-auto xl:overflow-visible";
/** Width of a row-group column (w-8): the offset of the label columns that stick beside it. */
const GROUP_WIDTH_REM = 2;
/** More value columns than this (四 has 15) take narrower inputs and the short headers. */
const NARROW_FROM_COLUMNS = 10;

/**
 * The grid column where a row's label cell starts. The cells of a row are the group headings that
 * begin at this row, then the row's own label; they occupy consecutive columns ending at the last.
 */
function labelLevel(labelColumns: number, cells: { colSpan: number }[], index: number): number {
  const last = cells[cells.length - 1];
  const leafLevel = labelColumns - last.colSpan;
  return leafLevel - (cells.length - 1 - index);
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
      <div className={TABLE_FRAME}>
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
      <TableProblems tableIds={printed.tables.map((t) => t.id)} form={form} store={store} />
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
  const narrow = layout.columns.length > NARROW_FROM_COLUMNS;
  const grid = `grid-${table.id}`;
  const cells = new Map(
    listCells(format)
      .filter((c) => c.tableId === table.id)
      .map((c) => [c.id, c]),
  );
  const { onKeyDown, onPaste } = gridHandlers(grid, form);

  return (
    <div className="space-y-2">
      <div className={TABLE_FRAME}>
        <table
          className="w-full border-collapse text-sm"
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          aria-label={table.caption || undefined}
        >
          <TableHead layout={layout} compact sticky short={narrow} />
          <tbody>
            {layout.bodyRows.map(({ row, labelCells }, r) => (
              <tr key={row.key} className={row.computed ? "bg-slate-50" : undefined}>
                {labelCells.map((l, j) => (
                  <th
                    key={j}
                    colSpan={l.colSpan}
                    rowSpan={l.rowSpan}
                    scope="row"
                    style={{
                      left: `${labelLevel(layout.labelColumns, labelCells, j) * GROUP_WIDTH_REM}rem`,
                    }}
                    className={`sticky z-[1] border border-slate-300 px-2 py-1 text-left text-xs font-normal ${l.isGroup ? "w-8 bg-slate-50" : row.computed ? "bg-slate-50" : "bg-white"}`}
                  >
                    {l.text}
                  </th>
                ))}
                {layout.columns.map((column, c) => {
                  const cell = cells.get(cellId(table.id, row.key, column.key))!;
                  return cell.computed ? (
                    <TotalCell
                      key={column.key}
                      cell={cell}
                      store={store}
                      grid={grid}
                      r={r}
                      c={c}
                      narrow={narrow}
                    />
                  ) : (
                    <TypedCell
                      key={column.key}
                      cell={cell}
                      form={form}
                      store={store}
                      grid={grid}
                      r={r}
                      c={c}
                      narrow={narrow}
                    />
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <TableProblems tableIds={[table.id]} form={form} store={store} />
    </div>
  );
}
