import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  anyCutFits,
  fewestFigures,
  solveRunTogether,
  type Equation,
  type GluedRow,
  type RowOutcome,
  type SplitProblem,
} from "./split-run-together";

const seed = Number(process.env.FC_SEED ?? 20240118);

/** total = Σ parts, as A2 and A4–A6 state it. */
function sumEquation(total: string, parts: string[]): Equation {
  return {
    terms: [{ cell: total, coefficient: 1 }, ...parts.map((cell) => ({ cell, coefficient: -1 }))],
    constant: 0,
  };
}

/** 四's fifteen cells with A4, A5 and A6. */
const APPEAL_CELLS = Array.from({ length: 15 }, (_, i) => `appeals.${i}`);
const APPEAL_EQUATIONS = [0, 5, 10].map((o) =>
  sumEquation(APPEAL_CELLS[o + 4], APPEAL_CELLS.slice(o, o + 4)),
);

/** A row of 三: six applicant columns and their 总计 (A2). */
const requestRow = (key: string) =>
  ["natural", "commercial", "research", "nonprofit", "legal", "other", "total"].map(
    (c) => `${key}.${c}`,
  );
const a2 = (cells: string[]) => sumEquation(cells[6], cells.slice(0, 6));

const glued = (cells: string[], ...digits: string[]): GluedRow => ({
  cells,
  tokens: digits.map((d) => ({ digits: d })),
});

/** Every cut of the rows (no equations, no caps), to check the solver against. */
function bruteForce(problem: SplitProblem): (number | null)[][][] {
  const cutsOf = (row: GluedRow): (number | null)[][] => {
    const out: (number | null)[][] = [];
    const width = row.cells.length;
    const left = (t: number, pos: number) =>
      row.tokens
        .slice(t)
        .reduce(
          (n, tok, k) => n + ("digits" in tok ? tok.digits.length - (k === 0 ? pos : 0) : 1),
          0,
        );
    const walk = (t: number, pos: number, acc: (number | null)[]) => {
      // Too many cells already, or too few digits left to fill the rest: no cut down this path.
      if (acc.length > width || acc.length + left(t, pos) < width) return;
      if (t === row.tokens.length) {
        if (acc.length === width) out.push(acc);
        return;
      }
      const token = row.tokens[t];
      if (!("digits" in token)) {
        walk(t + 1, 0, [...acc, token.value]);
        return;
      }
      const digits = token.digits;
      for (let end = pos + 1; end <= digits.length; end++) {
        const part = digits.slice(pos, end);
        if (part.length > 1 && part[0] === "0") break;
        const next = [...acc, Number(part)];
        if (end === digits.length) walk(t + 1, 0, next);
        else walk(t, end, next);
      }
    };
    walk(0, 0, []);
    return out;
  };
  let combos: (number | null)[][][] = [[]];
  for (const row of problem.rows)
    combos = combos.flatMap((c) => cutsOf(row).map((cut) => [...c, cut]));
  return combos.filter((combo) => {
    const value = new Map(problem.known);
    problem.rows.forEach((row, r) => row.cells.forEach((cell, i) => value.set(cell, combo[r][i])));
    return problem.equations.every((eq) => {
      let sum = 0;
      for (const t of eq.terms) {
        const v = value.get(t.cell);
        if (v === null || v === undefined) return true;
        sum += t.coefficient * v;
      }
      return sum === eq.constant;
    });
  });
}

/** What the solver should say for each row, from the brute-force solutions. */
function expectedOutcomes(problem: SplitProblem): RowOutcome["status"][] {
  const solutions = bruteForce(problem);
  return problem.rows.map((row, r) => {
    if (solutions.length === 0) return "none";
    if (new Set(solutions.map((s) => s[r].join(","))).size > 1) return "ambiguous";
    // One cut: it counts only if an equation with every cell known checked it, or no shorter reading exists.
    const value = new Map(problem.known);
    problem.rows.forEach((other, k) =>
      other.cells.forEach((cell, i) => value.set(cell, solutions[0][k][i])),
    );
    const checked = problem.equations.some(
      (eq) =>
        eq.terms.some((t) => row.cells.includes(t.cell)) &&
        eq.terms.every((t) => value.get(t.cell) != null),
    );
    return checked || fewestFigures(row) === row.cells.length ? "unique" : "unchecked";
  });
}

describe("solveRunTogether", () => {
  it("cuts 四's fifteen glued digits the one way A4–A6 allow", () => {
    const [outcome] = solveRunTogether({
      rows: [glued(APPEAL_CELLS, "25380363300630003")],
      known: new Map(),
      equations: APPEAL_EQUATIONS,
    });
    expect(outcome).toEqual({
      status: "unique",
      values: [25, 3, 8, 0, 36, 3, 3, 0, 0, 6, 3, 0, 0, 0, 3],
    });
  });

  it("a number never starts with 0 unless it is 0: `005` in three cells is 0, 0, 5 without any equation", () => {
    const cells = ["x", "y", "z"];
    expect(
      solveRunTogether({ rows: [glued(cells, "005")], known: new Map(), equations: [] }),
    ).toEqual([{ status: "unique", values: [0, 0, 5] }]);
    // In two cells it cannot be read: 0|05 and 00|5 both need a number with a leading zero.
    expect(
      solveRunTogether({ rows: [glued(["x", "y"], "005")], known: new Map(), equations: [] }),
    ).toEqual([{ status: "none" }]);
  });

  it("one cut that no equation checks is not taken when the digits could be fewer figures (a blank leaves no trace)", () => {
    // 112 in three cells: 1 | 1 | 2 is the only cut into three, but 1 | 12 or 11 | 2 beside a blank cell read the same.
    expect(
      solveRunTogether({ rows: [glued(["x", "y", "z"], "112")], known: new Map(), equations: [] }),
    ).toEqual([{ status: "unchecked" }]);
    expect(fewestFigures(glued(["x", "y", "z"], "112"))).toBe(1);
    expect(fewestFigures(glued(["x", "y", "z"], "0050"))).toBe(3);
    // An equation with every cell known makes the same cut certain.
    const sum = sumEquation("z", ["x", "y"]);
    expect(
      solveRunTogether({
        rows: [glued(["x", "y", "z"], "112")],
        known: new Map(),
        equations: [sum],
      }),
    ).toEqual([{ status: "unique", values: [1, 1, 2] }]);
  });

  it("says ambiguous when several cuts satisfy the equations, with how many it found", () => {
    // 20.1 without last year's report: nothing ties 本年制发 · 本年废止 · 现行有效 together.
    const [outcome] = solveRunTogether({
      rows: [glued(["i", "r", "e"], "693665")],
      known: new Map(),
      equations: [],
    });
    expect(outcome.status).toBe("ambiguous");
    expect(outcome.status === "ambiguous" && outcome.count).toBe(10);
  });

  it("X2 with last year's 现行有效件数 picks the one cut that continues it", () => {
    // 现行有效 − 本年制发 + 本年废止 = last year's 现行有效 (600): 69 | 3 | 665 → 665 − 69 + 3 = 599, no; 6 | 9 | 3665 no; 69 | 36 | 65 no …
    const x2 = (previous: number): Equation => ({
      terms: [
        { cell: "e", coefficient: 1 },
        { cell: "i", coefficient: -1 },
        { cell: "r", coefficient: 1 },
      ],
      constant: previous,
    });
    const problem = (previous: number): SplitProblem => ({
      rows: [glued(["i", "r", "e"], "693665")],
      known: new Map(),
      equations: [x2(previous)],
    });
    // 6 | 93 | 665 → 665 − 6 + 93 = 752.
    expect(solveRunTogether(problem(752))).toEqual([{ status: "unique", values: [6, 93, 665] }]);
    expect(solveRunTogether(problem(751))).toEqual([{ status: "none" }]);
  });

  it("says none when no cut satisfies the equations, or the digits cannot fill the cells", () => {
    const cells = requestRow("r1");
    expect(
      solveRunTogether({
        rows: [glued(cells, "1001000001")],
        known: new Map(),
        equations: [a2(cells)],
      }),
    ).toEqual([{ status: "none" }]);
    expect(
      solveRunTogether({ rows: [glued(cells, "12345")], known: new Map(), equations: [] }),
    ).toEqual([{ status: "none" }]);
  });

  it("solves rows jointly: each row alone is ambiguous, the column totals (A3) decide", () => {
    const r1 = requestRow("r1");
    const r2 = requestRow("r2");
    const total = requestRow("r7_total");
    // Known: （七）总计 = 11, 11, 0, 0, 0, 0, 22; the two glued rows are its only outcome rows.
    // Alone, 101000011 is 10|1|0|0|0|0|11 or 1|0|10|0|0|0|11, and 110000011 is 1|10|0|…|11 or 11|0|0|…|11.
    const known = new Map(total.map((c, i) => [c, [11, 11, 0, 0, 0, 0, 22][i]]));
    const a3 = r1.map((_, i) => sumEquation(total[i], [r1[i], r2[i]]));
    const rows = [glued(r1, "101000011"), glued(r2, "110000011")];
    const equations = [a2(r1), a2(r2), ...a3];
    const alone = solveRunTogether({ rows: [rows[0]], known: new Map(), equations: [a2(r1)] });
    expect(alone[0].status).toBe("ambiguous");
    expect(solveRunTogether({ rows, known, equations })).toEqual([
      { status: "unique", values: [10, 1, 0, 0, 0, 0, 11] },
      { status: "unique", values: [1, 10, 0, 0, 0, 0, 11] },
    ]);
    expect(
      solveRunTogether({ rows: [rows[1]], known: new Map(), equations: [a2(r2)] })[0].status,
    ).toBe("ambiguous");
    expect(expectedOutcomes({ rows, known, equations })).toEqual(["unique", "unique"]);
  });

  it("a row of 三 printing twenty-nine digits is cut by its sum alone within the default caps", () => {
    const cells = requestRow("new");
    // 1988 | 3451 | 2754 | 2788 | 3078 | 2455 | 16514: filled from the left, every cut of the six
    // parts would be tried before the total could check one.
    expect(
      solveRunTogether({
        rows: [glued(cells, "19883451275427883078245516514")],
        known: new Map(),
        equations: [a2(cells)],
      }),
    ).toEqual([{ status: "unique", values: [1988, 3451, 2754, 2788, 3078, 2455, 16514] }]);
  });

  it("anyCutFits tells whether some cut of every row satisfies all the equations", () => {
    const cells = requestRow("r1");
    const row = glued(cells, "101000011");
    const fits = (equations: Equation[]) =>
      anyCutFits({ rows: [row], known: new Map(), equations });
    expect(fits([a2(cells)])).toBe(true);
    // 自然人 = 7 has no cut: the row's digits start with 1 and 10.
    const natural: Equation = { terms: [{ cell: cells[0], coefficient: 1 }], constant: 7 };
    expect(fits([a2(cells), natural])).toBe(false);
    expect(
      anyCutFits(
        { rows: [row], known: new Map(), equations: [a2(cells)] },
        { maxCandidatesPerRow: 100, maxSteps: 3, maxSolutions: 64 },
      ),
    ).toBe("capped");
  });

  it("a row that no cut fits stays none while the others are still solved", () => {
    const r1 = requestRow("r1");
    const r2 = requestRow("r2");
    const outcomes = solveRunTogether({
      rows: [glued(r1, "12"), glued(r2, "1000001")],
      known: new Map(),
      equations: [a2(r1), a2(r2)],
    });
    expect(outcomes).toEqual([
      { status: "none" },
      { status: "unique", values: [1, 0, 0, 0, 0, 0, 1] },
    ]);
  });

  it("tokens that are not digits keep their place as one cell each", () => {
    const cells = requestRow("new");
    const row: GluedRow = {
      cells,
      tokens: [{ digits: "130" }, { value: null }, { digits: "0013" }],
    };
    // With the dash a blank cell A2 is not checked: the cut is decided by the digits alone, if at all.
    const outcomes = solveRunTogether({ rows: [row], known: new Map(), equations: [a2(cells)] });
    expect(outcomes[0].status).toBe(
      expectedOutcomes({ rows: [row], known: new Map(), equations: [a2(cells)] })[0],
    );
  });

  it("hitting a cap is reported as capped, never as a split", () => {
    const cells = Array.from({ length: 15 }, (_, i) => `c${i}`);
    const problem: SplitProblem = {
      rows: [glued(cells, "123456789123456789123456789")],
      known: new Map(),
      equations: [],
    };
    expect(
      solveRunTogether(problem, {
        maxCandidatesPerRow: 100,
        maxSteps: 1_000_000,
        maxSolutions: 64,
      }),
    ).toEqual([{ status: "capped" }]);
    expect(
      solveRunTogether(problem, {
        maxCandidatesPerRow: 1_000_000,
        maxSteps: 500,
        maxSolutions: 64,
      }),
    ).toEqual([{ status: "capped" }]);
    // More whole solutions than maxSolutions: capped too.
    const small: SplitProblem = {
      rows: [glued(["a", "b", "c"], "123456")],
      known: new Map(),
      equations: [],
    };
    expect(
      solveRunTogether(small, { maxCandidatesPerRow: 100, maxSteps: 10_000, maxSolutions: 3 }),
    ).toEqual([{ status: "capped" }]);
  });

  it("for any consistent 四, the glued digits give back the true row or an honest ambiguity — never a wrong split", () => {
    // Mostly one digit, sometimes two: the brute force below tries every cut, so the row stays short.
    const outcome = fc.array(
      fc.oneof(
        { arbitrary: fc.nat({ max: 9 }), weight: 4 },
        { arbitrary: fc.integer({ min: 10, max: 30 }), weight: 1 },
      ),
      { minLength: 4, maxLength: 4 },
    );
    fc.assert(
      fc.property(fc.tuple(outcome, outcome, outcome), (groups) => {
        const truth = groups.flatMap((g) => [...g, g.reduce((a, b) => a + b, 0)]);
        fc.pre(truth.join("").length <= 19);
        const problem: SplitProblem = {
          rows: [glued(APPEAL_CELLS, truth.join(""))],
          known: new Map(),
          equations: APPEAL_EQUATIONS,
        };
        const [result] = solveRunTogether(problem);
        const solutions = bruteForce(problem);
        expect(solutions.map((s) => s[0].join(","))).toContain(truth.join(","));
        if (result.status === "unique") expect(result.values).toEqual(truth);
        else expect(result.status === "ambiguous" || result.status === "capped").toBe(true);
        expect(result.status === "unique").toBe(
          new Set(solutions.map((s) => s[0].join(","))).size === 1,
        );
      }),
      { seed, numRuns: 50 },
    );
  }, 60_000);

  it("for any consistent row of 三 glued in any places, the outcome agrees with brute force", () => {
    const cells = requestRow("new");
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 120 }), { minLength: 6, maxLength: 6 }),
        fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
        (six, separators) => {
          const truth = [...six, six.reduce((a, b) => a + b, 0)];
          // Join the printed numbers, keeping a separator only where the generator says so.
          const tokens: string[] = [String(truth[0])];
          truth.slice(1).forEach((v, i) => {
            if (separators[i]) tokens.push(String(v));
            else tokens[tokens.length - 1] += String(v);
          });
          const problem: SplitProblem = {
            rows: [glued(cells, ...tokens)],
            known: new Map(),
            equations: [a2(cells)],
          };
          const [result] = solveRunTogether(problem);
          const [expected] = expectedOutcomes(problem);
          expect(result.status).toBe(expected);
          if (result.status === "unique") expect(result.values).toEqual(truth);
        },
      ),
      { seed, numRuns: 150 },
    );
  }, 60_000);
});

describe("figures printed apart, where a blank cell leaves no trace", () => {
  const row = ["r.a", "r.b", "r.c"];
  const apart = (...digits: string[]): GluedRow => ({ ...glued(row, ...digits), blanks: true });
  // Each column of the row adds up with a known cell of another row to a printed column total.
  const columns: Equation[] = ["a", "b", "c"].map((c) => ({
    terms: [
      { cell: `r.${c}`, coefficient: 1 },
      { cell: `other.${c}`, coefficient: 1 },
      { cell: `sum.${c}`, coefficient: -1 },
    ],
    constant: 0,
  }));
  const known = new Map<string, number | null>([
    ["other.a", 1],
    ["other.b", 2],
    ["other.c", 3],
    ["sum.a", 5],
    ["sum.b", 7],
    ["sum.c", 9],
  ]);

  it("places the blank where the column sums leave exactly one reading: 4, blank, 6", () => {
    expect(solveRunTogether({ rows: [apart("4", "6")], known, equations: columns })).toEqual([
      { status: "unique", values: [4, null, 6] },
    ]);
  });

  it("does not place it when an equation alone cannot tell (every reading leaves it unchecked)", () => {
    const total = sumEquation("r.c", ["r.a", "r.b"]);
    expect(
      solveRunTogether({ rows: [apart("2", "2")], known: new Map(), equations: [total] }),
    ).toEqual([{ status: "ambiguous", count: 3 }]);
  });

  it("weighs a blank against figures run together: `1 23` is 1, 2, 3 or one figure beside a blank", () => {
    const sums = new Map<string, number | null>([
      ["other.a", 1],
      ["other.b", 2],
      ["other.c", 3],
      ["sum.a", 2],
      ["sum.b", 4],
      ["sum.c", 6],
    ]);
    expect(solveRunTogether({ rows: [apart("1", "23")], known: sums, equations: columns })).toEqual(
      [{ status: "unique", values: [1, 2, 3] }],
    );
    // Nothing to check with: 1, 2, 3 and the three readings with a blank all stand.
    expect(solveRunTogether({ rows: [apart("1", "23")], known: new Map(), equations: [] })).toEqual(
      [{ status: "ambiguous", count: 4 }],
    );
  });

  it("without `blanks` (figures glued, one token) no blank is ever tried", () => {
    expect(solveRunTogether({ rows: [glued(row, "4", "6")], known, equations: columns })).toEqual([
      { status: "none" },
    ]);
  });
});
