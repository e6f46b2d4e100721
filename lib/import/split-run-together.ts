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

/**
 * Whether some cut of every row satisfies all the equations at once: true, false, or "capped" when
 * the search stopped before it could tell. A row no cut fits at all makes it false.
 */
export function anyCutFits(
  problem: SplitProblem,
  limits: SplitLimits = DEFAULT_LIMITS,
): boolean | "capped" {
  const budget = { steps: limits.maxSteps };
  const candidates: (number | null)[][][] = [];
  for (const row of problem.rows) {
    const found = cutRow(
      row,
      localEquations(problem, row),
      problem.known,
      limits.maxCandidatesPerRow,
      budget,
    );
    if (found === "capped") return "capped";
    if (found.length === 0) return false;
    candidates.push(found);
  }
  const solutions = combine(problem, candidates, 1, budget);
  // Capped at one solution found means one fits; capped by the step budget means unknown.
  if (solutions === "capped") return budget.steps >= 0 ? true : "capped";
  return solutions.length > 0;
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

/** An equation over one row's cells alone: the known cells folded into its constant. */
interface RowEquation {
  terms: { at: number; coefficient: number }[];
  constant: number;
}

/** The row's equations with known cells folded in; one with a blank known cell checks nothing and is dropped. */
function rowEquations(
  row: GluedRow,
  equations: Equation[],
  known: ReadonlyMap<string, number | null>,
): RowEquation[] {
  const index = new Map(row.cells.map((c, i) => [c, i]));
  const out: RowEquation[] = [];
  for (const eq of equations) {
    let constant = eq.constant;
    const terms: RowEquation["terms"] = [];
    let checks = true;
    for (const term of eq.terms) {
      const at = index.get(term.cell);
      if (at !== undefined) {
        terms.push({ at, coefficient: term.coefficient });
        continue;
      }
      const v = known.get(term.cell) ?? null;
      if (v === null) checks = false;
      else constant -= term.coefficient * v;
    }
    if (checks) out.push({ terms, constant });
  }
  return out;
}

/**
 * The cuts of a row already found, per row and per equations (the same row is cut once for the
 * sums and again for each tier of equations that adds nothing local to it).
 */
const cutsFound = new WeakMap<GluedRow, Map<string, (number | null)[][]>>();

/**
 * Every way to read the row's tokens as exactly `cells.length` values: a digit token is cut into
 * one or more numbers, none with a leading zero (`0` alone is a number, `05` is not).
 *
 * The cells are filled from the right: a row's total stands after its parts (A2–A6), so once the
 * total is cut, every part cut after it must keep the parts still to come between 0 and the most
 * the digits left can print. That bound prunes the search to the few cuts that add up, where
 * filling from the left would try every cut of the parts before the total could check one.
 */
function cutRow(
  row: GluedRow,
  equations: Equation[],
  known: ReadonlyMap<string, number | null>,
  maxCandidates: number,
  budget: { steps: number },
): (number | null)[][] | "capped" {
  const checks = rowEquations(row, equations, known);
  const key = `${maxCandidates}|${JSON.stringify(checks)}`;
  const cached = cutsFound.get(row)?.get(key);
  if (cached) return cached;
  const found = searchCuts(row, checks, maxCandidates, budget);
  if (found !== "capped") {
    if (!cutsFound.has(row)) cutsFound.set(row, new Map());
    cutsFound.get(row)!.set(key, found);
  }
  return found;
}

function searchCuts(
  row: GluedRow,
  equations: RowEquation[],
  maxCandidates: number,
  budget: { steps: number },
): (number | null)[][] | "capped" {
  const width = row.cells.length;
  const out: (number | null)[][] = [];
  // Filled from the right: cells at or beyond the next one to fill hold a value (or null, a blank).
  const values: (number | null)[] = new Array<number | null>(width).fill(null);
  // A cell may be negative only where a minus sign was printed and the column allows it.
  const minus = row.tokens.some((t) => "digits" in t && t.negative === true);
  const signed = row.cells.map((_, i) => minus && row.signedCells?.[i] !== false);
  const tokens = row.tokens;
  // Before token t: its digits, digits plus one per other token (what the cells left can hold), value tokens.
  const digitsBefore: number[] = [];
  const unitsBefore: number[] = [];
  const valueTokensBefore: number[] = [];
  let digits = 0;
  let units = 0;
  let valueTokens = 0;
  for (const token of tokens) {
    digitsBefore.push(digits);
    unitsBefore.push(units);
    valueTokensBefore.push(valueTokens);
    if ("digits" in token) {
      digits += token.digits.length;
      units += token.digits.length;
    } else {
      units++;
      valueTokens++;
    }
  }
  let capped = false;

  /**
   * Whether every equation can still hold while cells 0..open−1 are unfilled and `digitsLeft` digits
   * are left for them. Each unfilled cell prints at least one digit, so together they print less
   * than 10^(digitsLeft − open + 1) + 10·(open − 1): all digits but one per other cell in one number.
   * Where a blank or a dash may still come, the unfilled cells are not bounded.
   */
  const possible = (open: number, digitsLeft: number, valueTokensLeft: number): boolean => {
    const most = digitsLeft - open + 1;
    const bounded = !row.blanks && valueTokensLeft === 0 && most <= 15;
    const limit = bounded ? 10 ** most + 10 * (open - 1) : Infinity;
    for (const eq of equations) {
      let sum = 0;
      let unfilled = false;
      let blank = false;
      let lowest = 0;
      let highest = 0;
      let signedWeight = 0;
      let openTerms = 0;
      for (const term of eq.terms) {
        if (term.at >= open) {
          const v = values[term.at];
          if (v === null) {
            blank = true;
            break;
          }
          sum += term.coefficient * v;
          continue;
        }
        unfilled = true;
        openTerms++;
        if (signed[term.at]) signedWeight += Math.abs(term.coefficient);
        else {
          lowest = Math.min(lowest, term.coefficient);
          highest = Math.max(highest, term.coefficient);
        }
      }
      if (blank) continue;
      if (!unfilled) {
        if (sum !== eq.constant) return false;
        continue;
      }
      if (!bounded) continue;
      let lo = sum + (lowest - signedWeight) * limit;
      let hi = sum + (highest + signedWeight) * limit;
      // Every unfilled cell in the equation with one coefficient (a row's parts, its total cut):
      // together they print all the digits left, so they add up to at least leastSum.
      if (openTerms === open && signedWeight === 0 && (lowest === 0 || highest === 0)) {
        const least = leastSum(digitsLeft, open);
        if (highest > 0) lo = sum + highest * least;
        else hi = sum + lowest * least;
      }
      if (eq.constant < lo || eq.constant > hi) return false;
    }
    return true;
  };

  const keep = () => {
    if (out.length >= maxCandidates) capped = true;
    else out.push([...values]);
  };
  const tokenEnd = (t: number): number => {
    const token = tokens[t];
    return token && "digits" in token ? token.digits.length : 0;
  };

  // t: the token being cut (from the last); end: its digits before `end` are still uncut; c: the cell to fill.
  const visit = (t: number, end: number, c: number): void => {
    if (capped) return;
    if (--budget.steps < 0) {
      capped = true;
      return;
    }
    if (t < 0) {
      // Every token placed: cells still open are blanks before the first figure, where blanks may be.
      if (c >= 0 && !row.blanks) return;
      for (let i = 0; i <= c; i++) values[i] = null;
      if (possible(0, 0, 0)) keep();
      return;
    }
    if (c < 0) return;
    const token = tokens[t];
    const fresh = !("digits" in token) || end === token.digits.length;
    // A blank cell after this token's figures: the cells left of it must still hold one per token.
    if (row.blanks && fresh && c >= t + 1) {
      values[c] = null;
      if (possible(c, digitsBefore[t] + end, valueTokensBefore[t] + 1)) visit(t, end, c - 1);
      if (capped) return;
    }
    if (!("digits" in token)) {
      if (c < t) return;
      values[c] = token.value;
      if (possible(c, digitsBefore[t], valueTokensBefore[t])) visit(t - 1, tokenEnd(t - 1), c - 1);
      return;
    }
    const digits = token.digits;
    // The figure digits[start, end) read as the loop moves start left, one digit at a time.
    let whole = 0;
    let scale = 1;
    for (let start = end - 1; start >= 0; start--) {
      const length = end - start;
      if (length > 15) break;
      const digit = digits.charCodeAt(start) - 48;
      whole += digit * scale;
      scale *= 10;
      if (length > 1 && digit === 0) continue;
      // The cells left must be fillable: each token still to cut needs one, and no cell can be empty.
      if (c < t + (start > 0 ? 1 : 0)) continue;
      if (!row.blanks && c > start + unitsBefore[t]) break;
      const decimal = end === digits.length && token.decimals !== undefined;
      if (decimal && row.decimalCells?.[c] === false) continue;
      const negative = start === 0 && token.negative === true;
      if (negative && row.signedCells?.[c] === false) continue;
      const value = decimal ? Number(`${digits.slice(start, end)}.${token.decimals}`) : whole;
      values[c] = negative ? -value : value;
      if (possible(c, digitsBefore[t] + start, valueTokensBefore[t])) {
        if (start === 0) visit(t - 1, tokenEnd(t - 1), c - 1);
        else visit(t, start, c - 1);
      }
      if (capped) return;
    }
  };
  visit(tokens.length - 1, tokenEnd(tokens.length - 1), width - 1);
  return capped ? "capped" : out;
}

/**
 * The least sum of `count` numbers printed with `digits` digits in all: a number of two digits or
 * more is at least 10^(length−1), and the sum is least with the lengths as even as they go.
 */
function leastSum(digits: number, count: number): number {
  if (count <= 0) return 0;
  const short = Math.floor(digits / count);
  const long = digits % count;
  const longLeast = short + 1 > 1 ? 10 ** short : 0;
  const shortLeast = short > 1 ? 10 ** (short - 1) : 0;
  return long * longLeast + (count - long) * shortLeast;
}

/** The values a cell may still take: those of its row's cuts left, and whether one leaves it blank. */
interface Range {
  lo: number;
  hi: number;
  blank: boolean;
}

/**
 * Joint search over the rows' cuts: every combination that satisfies all equations, up to a cap.
 * First each row keeps only the cuts that can still satisfy every equation given the other rows'
 * cuts (their cells' least and greatest values), until nothing changes; then the combinations are
 * searched with the same bound, so a column sum over twenty rows prunes before its last row.
 */
function combine(
  problem: SplitProblem,
  candidates: (number | null)[][][],
  maxSolutions: number,
  budget: { steps: number },
): (number | null)[][][] | "capped" {
  const rowOf = new Map<string, number>();
  problem.rows.forEach((row, r) => row.cells.forEach((c) => rowOf.set(c, r)));
  // After a row is assigned only the equations that involve it can change their verdict.
  const touching = problem.rows.map((row) => {
    const own = new Set(row.cells);
    return problem.equations.filter((eq) => eq.terms.some((t) => own.has(t.cell)));
  });
  const live = candidates.map((list) => [...list]);
  const ranges = live.map(rangesOf);
  const assigned: ((number | null)[] | null)[] = problem.rows.map(() => null);

  const value = (cell: string): number | null | Range => {
    const r = rowOf.get(cell);
    if (r === undefined) return problem.known.has(cell) ? problem.known.get(cell)! : null;
    const i = problem.rows[r].cells.indexOf(cell);
    const chosen = assigned[r];
    return chosen ? chosen[i] : ranges[r][i];
  };

  // Narrowing: drop the cuts no choice of the other rows can complete.
  for (let changed = true; changed;) {
    changed = false;
    for (let r = 0; r < live.length; r++) {
      const kept = live[r].filter((values) => {
        if (--budget.steps < 0) return true;
        assigned[r] = values;
        const ok = touching[r].every((eq) => feasible(eq, value));
        assigned[r] = null;
        return ok;
      });
      if (budget.steps < 0) return "capped";
      if (kept.length === 0) return [];
      if (kept.length < live[r].length) {
        live[r] = kept;
        ranges[r] = rangesOf(kept);
        changed = true;
      }
    }
  }

  const order = live.map((_, i) => i).sort((a, b) => live[a].length - live[b].length);
  const chosen: (number | null)[][] = new Array(problem.rows.length);
  const solutions: (number | null)[][][] = [];
  let capped = false;

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
    for (const values of live[r]) {
      if (--budget.steps < 0) {
        capped = true;
        return;
      }
      assigned[r] = values;
      chosen[r] = values;
      if (touching[r].every((eq) => feasible(eq, value))) visit(k + 1);
      assigned[r] = null;
      if (capped) return;
    }
  };
  visit(0);
  return capped ? "capped" : solutions;
}

function rangesOf(cuts: (number | null)[][]): Range[] {
  const width = cuts[0]?.length ?? 0;
  return Array.from({ length: width }, (_, i) => {
    let lo = Infinity;
    let hi = -Infinity;
    let blank = false;
    for (const cut of cuts) {
      const v = cut[i];
      if (v === null) blank = true;
      else {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    return { lo, hi, blank };
  });
}

/**
 * Whether an equation can still hold: true when any cell is blank (null: not checked, as validate()
 * skips it) or may still be; with every cell a number, the sum must match; with some cells known
 * only to lie in a range, the constant must lie in the range of the sum.
 */
function feasible(eq: Equation, value: (cell: string) => number | null | Range): boolean {
  let lo = 0;
  let hi = 0;
  for (const term of eq.terms) {
    const v = value(term.cell);
    if (v === null) return true;
    if (typeof v === "number") {
      lo += term.coefficient * v;
      hi += term.coefficient * v;
      continue;
    }
    if (v.blank) return true;
    const a = term.coefficient * v.lo;
    const b = term.coefficient * v.hi;
    lo += Math.min(a, b);
    hi += Math.max(a, b);
  }
  return lo === hi ? lo === eq.constant : eq.constant >= lo && eq.constant <= hi;
}
