import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { formatCellValue, isUnparseable, parseCellInput, toNumberOrNull } from "./parse-value";

const ok = (value: number | string | null) => ({ ok: true, value });

describe("parseCellInput", () => {
  it("reads plain and full-width digits", () => {
    expect(parseCellInput("12", "count")).toEqual(ok(12));
    expect(parseCellInput("１２", "count")).toEqual(ok(12));
    expect(parseCellInput("３７，４３８", "count")).toEqual(ok(37438));
    expect(parseCellInput(7, "count")).toEqual(ok(7));
  });

  it("drops thousands separators, ASCII and full-width", () => {
    expect(parseCellInput("37,438", "count")).toEqual(ok(37438));
    expect(parseCellInput("37，438", "count")).toEqual(ok(37438));
    expect(parseCellInput("1,234,567", "count")).toEqual(ok(1234567));
    expect(parseCellInput("1,234.5", "amount")).toEqual(ok("1234.5"));
    // A comma that does not group thousands is not a number.
    expect(parseCellInput("12,34", "count").ok).toBe(false);
  });

  it("ignores spaces of every width", () => {
    expect(parseCellInput(" 12 ", "count")).toEqual(ok(12));
    expect(parseCellInput("\u3000１２\u3000", "count")).toEqual(ok(12));
    expect(parseCellInput("1\u00a0234", "count")).toEqual(ok(1234));
    expect(parseCellInput("\t0 ", "count")).toEqual(ok(0));
  });

  it("reads dashes, slashes, 无 and empty as blank", () => {
    for (const blank of [
      "",
      "  ",
      "—",
      "——",
      "–",
      "-",
      "－",
      "/",
      "／",
      "无",
      " 无 ",
      null,
      undefined,
    ]) {
      expect(parseCellInput(blank, "count")).toEqual(ok(null));
      expect(parseCellInput(blank, "amount")).toEqual(ok(null));
    }
  });

  it("refuses fractions and negatives in counts, in Chinese", () => {
    expect(parseCellInput("1.5", "count")).toEqual({
      ok: false,
      message: "“1.5”不是整数，件数只能填写0或正整数",
    });
    expect(parseCellInput("-3", "count")).toEqual({
      ok: false,
      message: "“-3”是负数，件数只能填写0或正整数",
    });
    expect(parseCellInput("－３", "count").ok).toBe(false);
    expect(parseCellInput(-1, "count").ok).toBe(false);
    expect(parseCellInput(2.5, "count").ok).toBe(false);
    expect(parseCellInput("abc", "count")).toEqual({ ok: false, message: "“abc”不是数字" });
    expect(parseCellInput("1e3", "count").ok).toBe(false);
    expect(parseCellInput(Number.NaN, "count").ok).toBe(false);
    expect(parseCellInput("99999999999999999999", "count").ok).toBe(false);
  });

  it("accepts whole numbers written with zero decimals", () => {
    expect(parseCellInput("3.00", "count")).toEqual(ok(3));
    expect(parseCellInput("-0", "count")).toEqual(ok(0));
  });

  it("lets signed counts be negative, but whole", () => {
    expect(parseCellInput("-3", "signedCount")).toEqual(ok(-3));
    expect(parseCellInput("－３", "signedCount")).toEqual(ok(-3));
    expect(parseCellInput("−3", "signedCount")).toEqual(ok(-3));
    expect(parseCellInput("+2", "signedCount")).toEqual(ok(2));
    expect(parseCellInput(-4, "signedCount")).toEqual(ok(-4));
    const fraction = parseCellInput("1.5", "signedCount");
    expect(fraction.ok).toBe(false);
    expect(!fraction.ok && fraction.message).toContain("“1.5”不是整数");
  });

  it("keeps amounts as exact decimal strings with every decimal typed", () => {
    expect(parseCellInput("2387.47225", "amount")).toEqual(ok("2387.47225"));
    expect(parseCellInput(2387.47225, "amount")).toEqual(ok("2387.47225"));
    expect(parseCellInput("0", "amount")).toEqual(ok("0"));
    expect(parseCellInput("007.50", "amount")).toEqual(ok("7.50"));
    expect(parseCellInput("０．５", "amount")).toEqual(ok("0.5"));
    expect(parseCellInput(".5", "amount")).toEqual(ok("0.5"));
    expect(parseCellInput("+12", "amount")).toEqual(ok("12"));
    expect(parseCellInput("-0.00", "amount")).toEqual(ok("0.00"));
    expect(parseCellInput(0.1, "amount")).toEqual(ok("0.1"));
    expect(parseCellInput(1e-7, "amount")).toEqual(ok("0.0000001"));
    expect(parseCellInput(1e21, "amount")).toEqual(ok("1000000000000000000000"));
    expect(parseCellInput("12345678901234567890.123456789", "amount")).toEqual(
      ok("12345678901234567890.123456789"),
    );
    expect(parseCellInput("-5", "amount")).toEqual({
      ok: false,
      message: "“-5”是负数，金额不能为负数",
    });
    expect(parseCellInput("1.2.3", "amount").ok).toBe(false);
  });

  it("round-trips every whole number written with grouping and full-width digits", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), fc.boolean(), (n, fullWidth) => {
        let text = n.toLocaleString("en-US");
        if (fullWidth)
          text = text
            .replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))
            .replace(/,/g, "，");
        expect(parseCellInput(text, "count")).toEqual(ok(n));
      }),
      { numRuns: 200 },
    );
  });
});

describe("helpers", () => {
  it("toNumberOrNull gives numbers for counts, decimal strings for amounts, null otherwise", () => {
    expect(toNumberOrNull(12, "count")).toBe(12);
    expect(toNumberOrNull("12", "count")).toBe(12);
    expect(toNumberOrNull("abc", "count")).toBeNull();
    expect(toNumberOrNull(null, "count")).toBeNull();
    expect(toNumberOrNull(-2, "count")).toBeNull();
    expect(toNumberOrNull(-2, "signedCount")).toBe(-2);
    expect(toNumberOrNull("1.50", "amount")).toBe("1.50");
    expect(toNumberOrNull(3, "amount")).toBe("3");
  });

  it("formatCellValue shows blanks, numbers and raw text", () => {
    expect(formatCellValue(null, "count")).toBe("");
    expect(formatCellValue(null, "count", { blank: "—" })).toBe("—");
    expect(formatCellValue(37438, "count")).toBe("37438");
    expect(formatCellValue("2387.47225", "amount")).toBe("2387.47225");
    expect(formatCellValue("1.5", "count")).toBe("1.5");
    expect(formatCellValue(0.1, "amount")).toBe("0.1");
  });

  it("isUnparseable tells typed text from blanks", () => {
    expect(isUnparseable("x", "count")).toBe(true);
    expect(isUnparseable("－", "count")).toBe(false);
  });
});
