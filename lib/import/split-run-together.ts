/**
 * Cells whose digits were printed without a separator (`1001000001` for a row of seven numbers,
 * `25380363300630003` for 四's fifteen): every way of cutting the digits back into cells is tried,
 * and a cut is kept only when the report's own equations (A1–A6, X2) hold for it. The caller uses a
 * row's cells only when exactly one cut survives; otherwise the row stays blank — a split is never
 * guessed. Pure; the search is bounded by caps, and hitting a cap counts as "cannot tell".
 */

/** One row whose printed tokens are fewer than its cells. */
export interface GluedRow {
  /** Cell ids of the row, in column order. */
  cells: string[];
  /**
   * What the row printed, in order. A token of digits only may stand for several cells; any other
   * token (a dash, a decimal, a signed number) is one cell, with `value` its reading.
   */
  tokens: GluedToken[];
  /**
   * Cells may also have been blank: the row's figures were printed apart (by spaces), where a blank
   * cell leaves no trace. Blanks are then tried before, between and after the printed figures.
   */
  blanks?: boolean;
  /** Per cell, whether it may hold a decimal (an amount): a decimal tail never lands in a count. */
  decimalCells?: readonly boolean[];
  /** Per cell, whether it may be negative (2019's 增/减): a figure after a minus sign lands only there. */
  signedCells?: readonly boolean[];
}

/**
 * `digits` may stand for several figures; with `decimals`, the token was printed with a decimal
 * point (`10121.4722`): its last figure takes the decimals (a count glued to an amount: 10, 121.4722).
 */
export type GluedToken =
  | {
      digits: string;
      decimals?: string;
      /** Printed after a minus sign: its first figure is negative (`-30` is −30, or −3 and 0). */
      negative?: boolean;
    }
  | { value: number | null };

/** Σ coefficient × cell = constant; an equation with a blank cell is not checked (as validate() does). */
export interface Equation {
  terms: { cell: string; coefficient: number }[];
  constant: number;
}

export interface SplitProblem {
  rows: GluedRow[];
  /** Cells whose values are known for certain (blank cells are null). */
  known: ReadonlyMap<string, number | null>;
  equations: Equation[];
}

export interface SplitLimits {
  /** Most cuts of one row kept before its own equations have been applied to them all. */
  maxCandidatesPerRow: number;
  /** Most steps of the whole search (cutting digits and combining rows). */
  maxSteps: number;
  /** Most whole solutions collected; more means the rows cannot be told apart anyway. */
  maxSolutions: number;
}

/** Ample for real rows (a row of 三 has a few dozen cuts, 四 a few hundred), and a hostile document stays cheap. */
export const DEFAULT_LIMITS: SplitLimits = {
  maxCandidatesPerRow: 2_000,
  maxSteps: 50_000,
  maxSolutions: 64,
};

export type RowOutcome =
  | { status: "unique"; values: (number | null)[] }
  /** Several cuts satisfy the equations; `count` of them were found (at least 2). */
  | { status: "ambiguous"; count: number }
  /** No cut satisfies the equations (or none is possible at all: too few digits, leading zeros). */
  | { status: "none" }
  /** The search stopped at a cap before it could tell. */
  | { status: "capped" }
  /**
   * One cut fits, but no equation could check it and the digits could also be fewer figures (a blank
   * cell leaves no trace when figures run together): `112` in three cells may be 1, 1, 2 or 1, 12 and a blank.
   */
  | { status: "unchecked" };

/**
 * Each glued row's outcome. Rows are solved jointly: a row is `unique` when every combination of
 * cuts that satisfies all equations gives it the same values.
 */
export function solveRunTogether(
  problem: SplitProblem,
  limits: SplitLimits = DEFAULT_LIMITS,
): RowOutcome[] {
  const budget = { steps: limits.maxSteps };
  const outcomes: RowOutcome[] = problem.rows.map(() => ({ status: "none" }));
  const solvable: number[] = [];
  const candidates: (number | null)[][][] = [];
  for (const [r, row] of problem.rows.entries()) {
    const found = cutRow(
      row,
      localEquations(problem, row),
      problem.known,
      limits.maxCandidatesPerRow,
      budget,
    );
    if (found === "capped") return problem.rows.map(() => ({ status: "capped" }));
    // A row no cut fits stays blank; the others are solved without it (its cells are then unknown).
    if (found.length === 0) continue;
    solvable.push(r);
    candidates.push(found);
  }
  if (solvable.length === 0) return outcomes;
  const rest: SplitProblem = { ...problem, rows: solvable.map((r) => problem.rows[r]) };
  const solutions = combine(rest, candidates, limits.maxSolutions, budget);
  solvable.forEach((r, k) => {
    if (solutions === "capped") {
      outcomes[r] = { status: "capped" };
      return;
    }
    if (solutions.length === 0) return;
    const distinct = new Set(solutions.map((s) => s[k].join(","))).size;
    if (distinct > 1) {
      outcomes[r] = { status: "ambiguous", count: distinct };
      return;
    }
    const row = rest.rows[k];
    const checked = solutions.every((solution) => checkedBySomeEquation(rest, solution, k));
    // Where blanks were tried too, every other reading was ruled out by an equation: the one left is decided.
    outcomes[r] =
      checked || row.blanks || fewestFigures(row) === row.cells.length
        ? { status: "unique", values: solutions[0][k] }
        : { status: "unchecked" };
  });
  return outcomes;
}

/** Whether an equation over this row had every one of its cells known in the solution, so it really checked the cut. */
function checkedBySomeEquation(
  problem: SplitProblem,
  solution: (number | null)[][],
  r: number,
): boolean {
  const value = new Map<string, number | null>(problem.known);
  problem.rows.forEach((row, k) => row.cells.forEach((cell, i) => value.set(cell, solution[k][i])));
  const own = new Set(problem.rows[r].cells);
  return problem.equations.some(
    (eq) =>
      eq.terms.some((t) => own.has(t.cell)) &&
      eq.terms.every((t) => value.get(t.cell) !== null && value.get(t.cell) !== undefined),
  );
}

/**
 * The fewest figures the printed tokens can be read as: a digit token is one number, except that
 * each 0 before its first other digit must stand alone (`005` is at least 0, 0, 5).
 */
export function fewestFigures(row: GluedRow): number {
  return row.tokens.reduce((n, token) => {
    if (!("digits" in token)) return n + 1;
    const zeros = /^0*/.exec(token.digits)![0].length;
    return n + (zeros === token.digits.length ? zeros : zeros + 1);
  }, 0);
}

/** Equations that involve this row and otherwise only known cells: they filter its cuts on their own. */
function localEquations(problem: SplitProblem, row: GluedRow): Equation[] {
  const own = new Set(row.cells);
  return problem.equations.filter(
    (eq) =>
      eq.terms.some((t) => own.has(t.cell)) &&
      eq.terms.every((t) => own.has(t.cell) || problem.known.has(t.cell)),
  );
}

/**
 * Every way to read the row's tokens as exactly `cells.length` values: a digit token is cut into
 * one or more numbers, none with a leading zero (`0` alone is a number, `05` is not).
 */
function cutRow(
  row: GluedRow,
  equations: Equation[],
  known: ReadonlyMap<string, number | null>,
  maxCandidates: number,
  budget: { steps: number },
): (number | null)[][] | "capped" {
  const width = row.cells.length;
  const out: (number | null)[][] = [];
  const values: (number | null)[] = [];
  const index = new Map(row.cells.map((c, i) => [c, i]));
  // Cells still to come after token t: at least one per remaining token.
  const tokensAfter = row.tokens.map((_, t) => row.tokens.length - t - 1);
  // Digits still to come after token t: an upper bound on the cells they can fill.
  const digitsAfter = row.tokens.map((_, t) =>
    row.tokens.slice(t + 1).reduce((n, tok) => n + ("digits" in tok ? tok.digits.length : 1), 0),
  );
  let capped = false;

  const holds = (): boolean =>
    equations.every((eq) =>
      satisfied(eq, (cell) => {
        const i = index.get(cell);
        if (i === undefined) return known.get(cell) ?? null;
        return i < values.length ? values[i] : undefined;
      }),
    );

  const visit = (t: number, pos: number): void => {
    if (capped) return;
    if (--budget.steps < 0) {
      capped = true;
      return;
    }
    if (t === row.tokens.length) {
      if (values.length < width && row.blanks) {
        values.push(null);
        if (holds()) visit(t, 0);
        values.pop();
        return;
      }
      if (values.length === width && holds()) {
        if (out.length >= maxCandidates) capped = true;
        else out.push([...values]);
      }
      return;
    }
    // A blank cell before this figure: room must be left for one figure per token still to come.
    if (row.blanks && pos === 0 && values.length + 1 + row.tokens.length - t <= width) {
      values.push(null);
      if (holds()) visit(t, 0);
      values.pop();
      if (capped) return;
    }
    const token = row.tokens[t];
    if (!("digits" in token)) {
      if (values.length >= width) return;
      values.push(token.value);
      if (holds()) visit(t + 1, 0);
      values.pop();
      return;
    }
    const digits = token.digits;
    for (let end = pos + 1; end <= digits.length; end++) {
      const part = digits.slice(pos, end);
      if (part.length > 1 && part[0] === "0") break;
      if (values.length >= width) break;
      const filled = values.length + 1;
      const restOfToken = digits.length - end;
      // The cells left must be fillable: each later token needs one, and no cell can be empty.
      if (restOfToken === 0 && filled + tokensAfter[t] > width) continue;
      if (!row.blanks && filled + restOfToken + digitsAfter[t] < width) continue;
      if (!Number.isSafeInteger(Number(part))) break;
      const decimal = restOfToken === 0 && token.decimals !== undefined;
      if (decimal && row.decimalCells?.[values.length] === false) continue;
      const negative = pos === 0 && token.negative === true;
      if (negative && row.signedCells?.[values.length] === false) continue;
      const value = decimal ? Number(`${part}.${token.decimals}`) : Number(part);
      values.push(negative ? -value : value);
      if (holds()) {
        if (restOfToken === 0) visit(t + 1, 0);
        else visit(t, end);
      }
      values.pop();
      if (capped) return;
    }
  };
  visit(0, 0);
  return capped ? "capped" : out;
}

/** Joint search over the rows' cuts: every combination that satisfies all equations, up to a cap. */
function combine(
  problem: SplitProblem,
  candidates: (number | null)[][][],
  maxSolutions: number,
  budget: { steps: number },
): (number | null)[][][] | "capped" {
  const order = candidates
    .map((_, i) => i)
    .sort((a, b) => candidates[a].length - candidates[b].length);
  const assigned = new Map<string, number | null>();
  const rowOf = new Map<string, number>();
  problem.rows.forEach((row, r) => row.cells.forEach((c) => rowOf.set(c, r)));
  const chosen: (number | null)[][] = new Array(problem.rows.length);
  const solutions: (number | null)[][][] = [];
  let capped = false;

  // After a row is assigned only the equations that involve it can change their verdict.
  const touching = problem.rows.map((row) => {
    const own = new Set(row.cells);
    return problem.equations.filter((eq) => eq.terms.some((t) => own.has(t.cell)));
  });

  const lookup = (cell: string): number | null | undefined => {
    if (rowOf.has(cell)) return assigned.has(cell) ? assigned.get(cell)! : undefined;
    return problem.known.has(cell) ? problem.known.get(cell)! : null;
  };

  const visit = (k: number): void => {
    if (capped) return;
    if (k === order.length) {
      if (solutions.length >= maxSolutions) {
        capped = true;
        return;
      }
      solutions.push([...chosen]);
      return;
    }
    const r = order[k];
    const row = problem.rows[r];
    for (const values of candidates[r]) {
      if (--budget.steps < 0) {
        capped = true;
        return;
      }
      row.cells.forEach((c, i) => assigned.set(c, values[i]));
      chosen[r] = values;
      if (touching[r].every((eq) => satisfied(eq, lookup))) visit(k + 1);
      row.cells.forEach((c) => assigned.delete(c));
      if (capped) return;
    }
  };
  visit(0);
  return capped ? "capped" : solutions;
}

/**
 * Whether an equation can still hold: true while any of its cells is undetermined (undefined), true
 * when any is blank (null: not checked, as validate() skips it), else the sum must match.
 */
function satisfied(eq: Equation, value: (cell: string) => number | null | undefined): boolean {
  let sum = 0;
  for (const term of eq.terms) {
    const v = value(term.cell);
    if (v === undefined || v === null) return true;
    sum += term.coefficient * v;
  }
  return sum === eq.constant;
}
