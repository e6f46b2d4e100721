import type { PdfJs } from "./pdfjs";

/** A table border: a horizontal rule at y from x0 to x1, or a vertical one at x from y0 to y1 (page space, y downwards). */
export interface Rule {
  horizontal: boolean;
  /** The fixed coordinate: y of a horizontal rule, x of a vertical one. */
  at: number;
  from: number;
  to: number;
}

type Matrix = [number, number, number, number, number, number];

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
/** Thicker than this, a filled rectangle is a shaded area, not a drawn line. */
const MAX_RULE_WIDTH = 3;
const MAX_RULES = 20_000;

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/**
 * The straight horizontal and vertical lines a page draws: stroked path segments (LibreOffice,
 * WPS) and thin filled rectangles (Word draws each border as one), through the transformation
 * matrices in force (save/restore, cm, form XObjects). `toPage` maps PDF user space to the page's
 * top-down coordinates.
 */
export function rulesOf(
  pdfjs: PdfJs,
  ops: { fnArray: number[]; argsArray: unknown[] },
  toPage: Matrix,
): Rule[] {
  const OPS = pdfjs.OPS;
  const rules: Rule[] = [];
  let ctm: Matrix = toPage;
  const stack: Matrix[] = [];
  let path: [number, number][][] = [];
  let rects: [number, number][][] = [];

  const commit = (stroked: boolean, filled: boolean) => {
    if (stroked) for (const poly of [...path, ...rects]) addEdges(poly, rules);
    if (filled) for (const poly of rects) addThinRect(poly, rules);
    path = [];
    rects = [];
  };

  for (let i = 0; i < ops.fnArray.length && rules.length < MAX_RULES; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[] | null;
    switch (fn) {
      case OPS.save:
        if (stack.length < 1000) stack.push(ctm);
        break;
      case OPS.restore:
        ctm = stack.pop() ?? ctm;
        break;
      case OPS.transform:
        if (args && args.length === 6) ctm = multiply(ctm, args as Matrix);
        break;
      case OPS.paintFormXObjectBegin:
        if (stack.length < 1000) stack.push(ctm);
        if (args && Array.isArray(args[0]) && args[0].length === 6)
          ctm = multiply(ctm, args[0] as Matrix);
        break;
      case OPS.paintFormXObjectEnd:
        ctm = stack.pop() ?? ctm;
        break;
      case OPS.constructPath:
        if (args) readPath(OPS, args, ctm, path, rects);
        break;
      case OPS.stroke:
      case OPS.closeStroke:
        commit(true, false);
        break;
      case OPS.fill:
      case OPS.eoFill:
        commit(false, true);
        break;
      case OPS.fillStroke:
      case OPS.eoFillStroke:
      case OPS.closeFillStroke:
      case OPS.closeEOFillStroke:
        commit(true, true);
        break;
      case OPS.endPath:
        commit(false, false);
        break;
      default:
        break;
    }
  }
  return rules;
}

export { IDENTITY, type Matrix };

function readPath(
  OPS: PdfJs["OPS"],
  args: unknown[],
  ctm: Matrix,
  path: [number, number][][],
  rects: [number, number][][],
): void {
  const [opsList, coords] = args as [number[], number[]];
  if (!Array.isArray(opsList) || !Array.isArray(coords)) return;
  let k = 0;
  let current: [number, number][] | null = null;
  for (const op of opsList) {
    if (op === OPS.rectangle) {
      const [x, y, w, h] = coords.slice(k, k + 4);
      k += 4;
      rects.push([
        apply(ctm, x, y),
        apply(ctm, x + w, y),
        apply(ctm, x + w, y + h),
        apply(ctm, x, y + h),
        apply(ctm, x, y),
      ]);
    } else if (op === OPS.moveTo) {
      current = [apply(ctm, coords[k], coords[k + 1])];
      path.push(current);
      k += 2;
    } else if (op === OPS.lineTo) {
      const p = apply(ctm, coords[k], coords[k + 1]);
      if (current) current.push(p);
      else path.push((current = [p]));
      k += 2;
    } else if (op === OPS.curveTo) {
      k += 6;
      current = null;
    } else if (op === OPS.curveTo2 || op === OPS.curveTo3) {
      k += 4;
      current = null;
    } else if (op === OPS.closePath) {
      if (current && current.length > 1) current.push(current[0]);
    }
  }
}

/** Each axis-parallel segment of a polyline. */
function addEdges(poly: [number, number][], rules: Rule[]): void {
  for (let i = 1; i < poly.length; i++) {
    const [x0, y0] = poly[i - 1];
    const [x1, y1] = poly[i];
    if (Math.abs(y1 - y0) < 0.5 && Math.abs(x1 - x0) >= 1)
      rules.push({
        horizontal: true,
        at: (y0 + y1) / 2,
        from: Math.min(x0, x1),
        to: Math.max(x0, x1),
      });
    else if (Math.abs(x1 - x0) < 0.5 && Math.abs(y1 - y0) >= 1)
      rules.push({
        horizontal: false,
        at: (x0 + x1) / 2,
        from: Math.min(y0, y1),
        to: Math.max(y0, y1),
      });
  }
}

/** A filled rectangle thin in one direction is a line along the other. */
function addThinRect(poly: [number, number][], rules: Rule[]): void {
  const xs = poly.map((p) => p[0]);
  const ys = poly.map((p) => p[1]);
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  const y0 = Math.min(...ys);
  const y1 = Math.max(...ys);
  const w = x1 - x0;
  const h = y1 - y0;
  if (h <= MAX_RULE_WIDTH && w > h && w >= 1)
    rules.push({ horizontal: true, at: (y0 + y1) / 2, from: x0, to: x1 });
  else if (w <= MAX_RULE_WIDTH && h > w && h >= 1)
    rules.push({ horizontal: false, at: (x0 + x1) / 2, from: y0, to: y1 });
}
