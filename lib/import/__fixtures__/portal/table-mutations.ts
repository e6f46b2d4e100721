import type { PrintedCell } from "./article-model";

/**
 * What portal editors do to a report table's grid when they re-type or paste it: none of these
 * changes a number, a label or the order of cells in a row, so the importer must read the same.
 */

/** Where each printed cell starts on the grid (HTML table model), row by row. */
function startColumns(rows: PrintedCell[][]): number[][] {
  const covered: boolean[][] = rows.map(() => []);
  return rows.map((row, r) => {
    let c = 0;
    return row.map((cell) => {
      while (covered[r][c]) c++;
      const start = c;
      for (let i = 0; i < cell.rowSpan && r + i < rows.length; i++)
        for (let j = 0; j < cell.colSpan; j++) covered[r + i][start + j] = true;
      c += cell.colSpan;
      return start;
    });
  });
}

/**
 * One grid column split in two, as Word does when a border is dragged in one row: every cell over
 * that column now spans one more column (a value cell spans 2 of the table's columns, a header too).
 */
export function splitGridColumn(rows: PrintedCell[][], column: number): PrintedCell[][] {
  const starts = startColumns(rows);
  return rows.map((row, r) =>
    row.map((cell, i) =>
      starts[r][i] <= column && column < starts[r][i] + cell.colSpan
        ? { ...cell, colSpan: cell.colSpan + 1 }
        : cell,
    ),
  );
}

/**
 * A group label that spans rows down the first column (三、本年度办理结果) printed instead as a row of
 * its own across the whole table, the rows under it one cell shorter.
 */
export function groupLabelsAsRows(rows: PrintedCell[][]): PrintedCell[][] {
  const starts = startColumns(rows);
  const width = Math.max(...rows.map((row) => row.reduce((n, c) => n + c.colSpan, 0)));
  const out: PrintedCell[][] = [];
  rows.forEach((row, r) => {
    const group = row.findIndex(
      (cell, i) =>
        r > 0 && starts[r][i] === 0 && cell.rowSpan > 1 && cell.colSpan === 1 && cell.text !== "",
    );
    if (group < 0) {
      out.push(row);
      return;
    }
    out.push([{ header: true, text: row[group].text, colSpan: width, rowSpan: 1 }]);
    out.push(row.filter((_, i) => i !== group));
  });
  return out;
}

/** An empty column the editor left at the right end of every row. */
export function trailingEmptyColumn(rows: PrintedCell[][]): PrintedCell[][] {
  return rows.map((row) => [...row, { header: false, text: "", colSpan: 1, rowSpan: 1 }]);
}

/** An empty column at the left, one cell down the whole table. */
export function leadingEmptyColumn(rows: PrintedCell[][]): PrintedCell[][] {
  return rows.map((row, r) =>
    r === 0 ? [{ header: false, text: "", colSpan: 1, rowSpan: rows.length }, ...row] : row,
  );
}

/** Every header cell as td (most portal editors drop th). */
export function headersAsData(rows: PrintedCell[][]): PrintedCell[][] {
  return rows.map((row) => row.map((cell) => ({ ...cell, header: false })));
}

/**
 * A table cut at its caption rows (第二十条第（一）项 across the table) into one table per caption,
 * the caption printed outside the table: what a page of separate tables looks like.
 */
export function splitAtCaptions(
  rows: PrintedCell[][],
): { caption: string | null; rows: PrintedCell[][] }[] {
  const width = Math.max(...rows.map((row) => row.reduce((n, c) => n + c.colSpan, 0)));
  const parts: { caption: string | null; rows: PrintedCell[][] }[] = [];
  for (const row of rows) {
    if (row.length === 1 && row[0].colSpan === width && /^第二十条/.test(row[0].text))
      parts.push({ caption: row[0].text, rows: [] });
    else {
      if (parts.length === 0) parts.push({ caption: null, rows: [] });
      parts[parts.length - 1].rows.push(row);
    }
  }
  return parts;
}
