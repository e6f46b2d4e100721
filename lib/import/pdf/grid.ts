import type { Rule } from "./rules";

/**
 * Tables rebuilt from the borders a page draws: rules that cross each other form one table; the
 * distinct positions of its vertical and horizontal rules cut it into slots, and neighbouring slots
 * with no rule between them are one merged cell (colSpan / rowSpan).
 */
export interface GridCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

export interface RuledTable {
  xs: number[];
  ys: number[];
  cells: GridCell[];
  /** slot[r][c] = index into cells of the cell covering that slot. */
  slot: number[][];
}

const SAME = 1.5;
/** Rules closer than this are one border (a double line, a border drawn by each of two cells): no text fits between. */
const MIN_SLOT = 4;
const TOUCH = 2.5;
const MAX_LINES = 400;

export function tablesFromRules(input: Rule[]): RuledTable[] {
  const rules = mergeCollinear(input);
  const parent = rules.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const hs = rules.map((r, i) => ({ r, i })).filter((x) => x.r.horizontal);
  const vs = rules.map((r, i) => ({ r, i })).filter((x) => !x.r.horizontal);
  for (const h of hs) {
    for (const v of vs) {
      if (crosses(h.r, v.r)) parent[find(h.i)] = find(v.i);
    }
  }
  const groups = new Map<number, Rule[]>();
  rules.forEach((r, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), r]);
  });
  const tables: RuledTable[] = [];
  for (const group of groups.values()) {
    const table = tableOf(group);
    if (table) tables.push(table);
  }
  return tables;
}

function crosses(h: Rule, v: Rule): boolean {
  return (
    v.at >= h.from - TOUCH && v.at <= h.to + TOUCH && h.at >= v.from - TOUCH && h.at <= v.to + TOUCH
  );
}

/** Collinear pieces of one border (Word draws a border per cell) as one rule. */
function mergeCollinear(rules: Rule[]): Rule[] {
  const out: Rule[] = [];
  for (const horizontal of [true, false]) {
    const sorted = rules
      .filter((r) => r.horizontal === horizontal)
      .sort((a, b) => a.at - b.at || a.from - b.from);
    const open: Rule[] = [];
    for (const r of sorted) {
      const same = open.find(
        (o) => Math.abs(o.at - r.at) <= SAME && r.from <= o.to + TOUCH && r.to >= o.from - TOUCH,
      );
      if (same) {
        same.from = Math.min(same.from, r.from);
        same.to = Math.max(same.to, r.to);
      } else {
        const copy = { ...r };
        open.push(copy);
        out.push(copy);
      }
    }
  }
  return out;
}

function positions(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  for (const v of sorted) {
    if (out.length > 0 && v - out[out.length - 1] < MIN_SLOT) continue;
    out.push(v);
  }
  return out;
}

function tableOf(rules: Rule[]): RuledTable | null {
  const hs = rules.filter((r) => r.horizontal);
  const vs = rules.filter((r) => !r.horizontal);
  if (hs.length < 2 || vs.length < 2) return null;
  const xs = positions(vs.map((v) => v.at));
  const ys = positions(hs.map((h) => h.at));
  if (xs.length < 2 || ys.length < 2 || xs.length > MAX_LINES || ys.length > MAX_LINES) return null;
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  if (rows * cols < 2) return null;

  const hasV = (c: number, y: number) =>
    vs.some((v) => Math.abs(v.at - xs[c]) < MIN_SLOT && v.from <= y && v.to >= y);
  const hasH = (r: number, x: number) =>
    hs.some((h) => Math.abs(h.at - ys[r]) < MIN_SLOT && h.from <= x && h.to >= x);

  const id = (r: number, c: number) => r * cols + c;
  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let r = 0; r < rows; r++) {
    const midY = (ys[r] + ys[r + 1]) / 2;
    for (let c = 0; c < cols; c++) {
      const midX = (xs[c] + xs[c + 1]) / 2;
      if (c + 1 < cols && !hasV(c + 1, midY)) parent[find(id(r, c + 1))] = find(id(r, c));
      if (r + 1 < rows && !hasH(r + 1, midX)) parent[find(id(r + 1, c))] = find(id(r, c));
    }
  }
  const boxes = new Map<number, { r0: number; c0: number; r1: number; c1: number }>();
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const root = find(id(r, c));
      const b = boxes.get(root);
      if (!b) boxes.set(root, { r0: r, c0: c, r1: r, c1: c });
      else {
        b.r0 = Math.min(b.r0, r);
        b.c0 = Math.min(b.c0, c);
        b.r1 = Math.max(b.r1, r);
        b.c1 = Math.max(b.c1, c);
      }
    }
  }
  const slot: number[][] = Array.from({ length: rows }, () => new Array<number>(cols).fill(-1));
  const cells: GridCell[] = [];
  const ordered = [...boxes.values()].sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0);
  for (const b of ordered) {
    // A region that is not a rectangle (a missing border piece) keeps the slots not yet taken.
    const index = cells.length;
    let any = false;
    for (let r = b.r0; r <= b.r1; r++) {
      for (let c = b.c0; c <= b.c1; c++) {
        if (slot[r][c] === -1) {
          slot[r][c] = index;
          any = true;
        }
      }
    }
    if (any)
      cells.push({ row: b.r0, col: b.c0, rowSpan: b.r1 - b.r0 + 1, colSpan: b.c1 - b.c0 + 1 });
  }
  if (cells.length < 2) return null;
  return { xs, ys, cells, slot };
}

/** The cell at a point, or -1 outside the table. */
export function cellAt(table: RuledTable, x: number, y: number): number {
  const c = indexBetween(table.xs, x);
  const r = indexBetween(table.ys, y);
  return c < 0 || r < 0 ? -1 : table.slot[r][c];
}

function indexBetween(edges: number[], v: number): number {
  if (v < edges[0] || v > edges[edges.length - 1]) return -1;
  let lo = 0;
  let hi = edges.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (edges[mid] <= v) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
