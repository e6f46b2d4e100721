import { describe, expect, it } from "vitest";
import { emptyReport } from "@/lib/report/content";
import { withContent } from "@/lib/report/__fixtures__/edit";
import { fullReport } from "@/lib/report/__fixtures__/full-report";
import { readFeeText } from "@/lib/report/fee-statement";
import { feeSentence, sectionSixText, statesFees } from "./fee-sentence";

const report = emptyReport("2021", { organization: "某区", year: 2025 });

describe("feeSentence", () => {
  it("states notices, their amount and the amount collected", () => {
    const s = feeSentence({ ...report, fees: { notices: 0, noticeAmount: "0", collected: 0 } });
    expect(s).toBe("2025年发出收费通知0件，总金额0元，实际收取金额0元。");
    // The validator reads it back as a complete fee statement (X3).
    expect(readFeeText(s!)).toEqual({
      notices: 0,
      noticeAmountStated: true,
      collectedStated: true,
    });
    expect(
      feeSentence({ ...report, fees: { notices: "2", noticeAmount: "350.50", collected: "200" } }),
    ).toBe("2025年发出收费通知2件，总金额350.50元，实际收取金额200元。");
  });

  it("leaves out what is blank or not a number, and is null when nothing is known", () => {
    expect(
      feeSentence({ ...report, fees: { notices: 3, noticeAmount: null, collected: "abc" } }),
    ).toBe("2025年发出收费通知3件。");
    expect(
      feeSentence({ ...report, fees: { notices: null, noticeAmount: "10", collected: null } }),
    ).toBe("2025年收费通知总金额10元。");
    expect(feeSentence(report)).toBeNull();
  });
});

describe("sectionSixText", () => {
  const fees = { notices: 0, noticeAmount: "0", collected: "0" };

  it("adds the sentence as a paragraph when the narrative lacks the statement", () => {
    const r = withContent(report, { fees, narratives: { s6: "本年度认真落实政务公开工作要点。" } });
    expect(sectionSixText(r)).toBe(
      "本年度认真落实政务公开工作要点。\n2025年发出收费通知0件，总金额0元，实际收取金额0元。",
    );
    expect(statesFees(sectionSixText(r))).toBe(true);
  });

  it("replaces a bare 无 and fills an empty section", () => {
    expect(sectionSixText(withContent(report, { fees, narratives: { s6: "无。" } }))).toBe(
      "2025年发出收费通知0件，总金额0元，实际收取金额0元。",
    );
    expect(sectionSixText(withContent(report, { fees, narratives: { s6: "" } }))).toBe(
      "2025年发出收费通知0件，总金额0元，实际收取金额0元。",
    );
  });

  it("keeps a narrative that already states the fees, a 2019 report, and a report without fee facts as they are", () => {
    const full = fullReport("2021");
    expect(sectionSixText(full)).toBe(full.narratives.s6);
    const old = fullReport("2019");
    expect(sectionSixText({ ...old, fees })).toBe(old.narratives.s6);
    expect(sectionSixText(withContent(report, { narratives: { s6: "无" } }))).toBe("无");
  });
});
