import { describe, expect, it } from "vitest";
import { emptyReport } from "./content";
import { contentToForm, fieldKey, formToContent } from "./form-values";

describe("form values", () => {
  const base = emptyReport("2021", { organization: "测试街道办事处", year: 2025 });

  it("round-trip a report through the form unchanged", () => {
    const content = formToContent(base, contentToForm(base));
    expect(content).toEqual(base);
  });

  it("normalise what was typed, keep what does not parse, and compute the totals", () => {
    const form = contentToForm(base);
    form.cells[fieldKey("requests.new.natural")] = "１２";
    form.cells[fieldKey("requests.new.commercial")] = "1,000";
    form.cells[fieldKey("requests.new.other")] = "abc";
    form.cells[fieldKey("20.8.fees.amount")] = " 2387.47225 ";
    const content = formToContent(base, form);
    expect(content.tables.requests.new.natural).toBe(12);
    expect(content.tables.requests.new.commercial).toBe(1000);
    expect(content.tables.requests.new.other).toBe("abc");
    expect(content.tables["20.8"].fees.amount).toBe("2387.47225");
    // A total over a cell that does not parse is unknown, not a guess.
    expect(content.tables.requests.new.total).toBeNull();
    form.cells[fieldKey("requests.new.other")] = "";
    expect(formToContent(base, form).tables.requests.new.total).toBe(1012);
  });

  it("never offer computed totals as form fields", () => {
    const keys = Object.keys(contentToForm(base).cells);
    expect(keys).not.toContain(fieldKey("requests.new.total"));
    expect(keys).not.toContain(fieldKey("requests.r7_total.natural"));
    expect(keys).not.toContain(fieldKey("appeals.row.rc_total"));
    expect(keys).toHaveLength(6 * 24 + 12 + 6 + 1 + 2 + 1);
  });
});
