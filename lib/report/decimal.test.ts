import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { compareDecimals, decimalPlaces, numberToDecimalString, sumDecimals } from "./decimal";

describe("decimal", () => {
  it("adds exactly, where binary floats do not", () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(sumDecimals(["0.1", "0.2"])).toBe("0.3");
    expect(sumDecimals(["2387.47225", "0.00005"])).toBe("2387.47230");
    expect(sumDecimals(["1.5", "2"])).toBe("3.5");
    expect(sumDecimals([])).toBe("0");
    expect(sumDecimals(["-1.25", "0.25"])).toBe("-1.00");
  });

  it("compares numerically", () => {
    expect(compareDecimals("1.50", "1.5")).toBe(0);
    expect(compareDecimals("0.9999", "1")).toBe(-1);
    expect(compareDecimals("-1", "-2")).toBe(1);
  });

  it("counts decimal places as written and writes numbers without exponent", () => {
    expect(decimalPlaces("1.2300")).toBe(4);
    expect(decimalPlaces("12")).toBe(0);
    expect(numberToDecimalString(-1.5e-8)).toBe("-0.000000015");
    expect(numberToDecimalString(-0)).toBe("0");
  });

  it("sums scaled integers exactly like BigInt does", () => {
    /** x / 10^scale written as a decimal string. */
    const written = (x: bigint, scale: number) => {
      const digits = (x < 0n ? -x : x).toString().padStart(scale + 1, "0");
      const int = digits.slice(0, digits.length - scale);
      return `${x < 0n ? "-" : ""}${int}${scale ? `.${digits.slice(digits.length - scale)}` : ""}`;
    };
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.integer({ min: 0, max: 6 }),
        (xs, scale) => {
          const total = xs.reduce((a, b) => a + b, 0n);
          expect(sumDecimals(xs.map((x) => written(x, scale)))).toBe(written(total, scale));
        },
      ),
      { numRuns: 100 },
    );
  });
});
