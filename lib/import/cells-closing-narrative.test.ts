import { describe, expect, it } from "vitest";
import { fullReport } from "@/lib/report/__fixtures__/full-report";
import { importText } from "@/lib/import";
import { wordRowPerLine } from "./__fixtures__/layouts/word-text";
import { figureWithUnit, readFigureWithUnit } from "./values";

const BASE = fullReport("2021");
const TEXT = wordRowPerLine(BASE);

/** The Word text with one row's figures replaced. */
function withFigures(label: string, figures: string[]): string {
  return TEXT.split("\n")
    .map((line) => {
      const cells = line.split("\t");
      const at = cells.indexOf(label);
      return at < 0 ? line : [...cells.slice(0, at + 1), ...figures].join("\t");
    })
    .join("\n");
}

describe("a unit inside a cell", () => {
  it("`3件` in a count column is read as 3, with a warning naming the cell", () => {
    const result = importText(withFigures("行政许可", ["3件"]));
    expect(result.content.tables["20.5"].licensing.decisions).toBe(3);
    const note = result.findings.find((f) => f.cells.includes("20.5.licensing.decisions"));
    expect(note).toMatchObject({ rule: "S3", severity: "warning" });
    expect(note!.message).toContain("第二部分“第二十条第（五）项 行政许可”行“本年处理决定数量”列");
    expect(note!.message).toContain("“3件”");
  });

  it("`0.5万元` in the 万元 column is read as 0.5", () => {
    const result = importText(withFigures("行政事业性收费", ["0.5万元"]));
    expect(result.content.tables["20.8"].fees.amount).toBe("0.5");
    expect(result.findings.find((f) => f.cells.includes("20.8.fees.amount"))).toMatchObject({
      rule: "S3",
      severity: "warning",
    });
  });

  it("`251000元` in the 万元 column is kept as printed, never converted, with an error saying what it would be", () => {
    const result = importText(withFigures("行政事业性收费", ["251000元"]));
    expect(result.content.tables["20.8"].fees.amount).toBe("251000元");
    const onCell = result.findings.filter((f) => f.cells.includes("20.8.fees.amount"));
    expect(onCell).toHaveLength(1);
    expect(onCell[0]).toMatchObject({ rule: "V2", severity: "error" });
    expect(onCell[0].message).toContain(
      "单位“元”与本列的单位“万元”不同（折合25.1万元），未自动换算",
    );
  });

  it("a money unit in a count column is refused the same way", () => {
    const result = importText(withFigures("行政处罚", ["30元"]));
    expect(result.content.tables["20.6"].penalty.decisions).toBe("30元");
    expect(result.findings.find((f) => f.cells.includes("20.6.penalty.decisions"))).toMatchObject({
      rule: "V1",
      severity: "error",
    });
  });

  it("units are recognised only after a number; the conversion is exact", () => {
    expect(figureWithUnit("1,250件")).toEqual({ figure: "1,250", unit: "件" });
    expect(figureWithUnit("第1项")).toBeNull();
    expect(figureWithUnit("件")).toBeNull();
    const reading = readFigureWithUnit(
      { figure: "3", unit: "元" },
      "3元",
      "amount",
      "本年收费金额（单位：万元）",
    );
    expect(reading).toMatchObject({ agrees: false, value: "3元" });
    expect(!reading.agrees && reading.problem).toContain("折合0.0003万元");
    expect(
      readFigureWithUnit(
        { figure: "2", unit: "亿元" },
        "2亿元",
        "amount",
        "本年收费金额（单位：万元）",
      ),
    ).toMatchObject({ agrees: false });
    expect(
      readFigureWithUnit(
        { figure: "12.5", unit: "万" },
        "12.5万",
        "amount",
        "本年收费金额（单位：万元）",
      ),
    ).toMatchObject({ agrees: true, value: "12.5" });
  });
});

describe("the closing block", () => {
  const closing = (lines: string[]) => {
    const text = TEXT.replace(/某市某区人民政府\n2023年1月18日\n?$/, lines.join("\n") + "\n");
    expect(text).not.toBe(TEXT);
    return importText(text);
  };

  it.each([
    ["organ and date on two lines", ["某市某区人民政府", "2023年1月18日"]],
    ["organ and date on one line", ["某市某区人民政府　　2023年1月18日"]],
    ["the date in Chinese numerals", ["某市某区人民政府", "二〇二三年一月十八日"]],
    [
      "a page number and a footer after the date",
      ["某市某区人民政府", "2023年1月18日", "— 5 —", "【打印本页】【关闭窗口】"],
    ],
    ["a seal note between organ and date", ["某市某区人民政府", "（盖章）", "2023 年 1 月 18 日"]],
    [
      "an attachment line above the organ",
      ["附件：1.某市某区政务公开工作要点", "某市某区人民政府", "2023年1月18日"],
    ],
  ])("%s", (_, lines) => {
    const result = closing(lines);
    expect(result.content.meta.issuingOrgan).toBe("某市某区人民政府");
    expect(result.content.meta.issuedDate).toBe("2023-01-18");
    expect(result.sections.s6).not.toMatch(/2023年1月18日|打印|盖章|— 5 —/);
  });

  it("without a closing block the issuing organ stays empty: it is not made up from the unit's name", () => {
    const result = closing([]);
    expect(result.organization).toBe("某市某区");
    expect(result.content.meta.issuingOrgan).toBe("");
    expect(result.content.meta.issuedDate).toBeNull();
  });

  it("a date alone: the date is read, the organ stays empty", () => {
    const result = closing(["2023年1月18日"]);
    expect(result.content.meta).toMatchObject({ issuingOrgan: "", issuedDate: "2023-01-18" });
  });
});

describe("sub-headings of the narrative typed with half-width brackets or spaces", () => {
  it("are written （一） and reported as S3 naming what changed", () => {
    const text = TEXT.replace("（一）主动公开。", "(一) 主动公开。").replace(
      "（二）依申请公开。",
      "（二)依申请公开。",
    );
    const result = importText(text);
    expect(result.sections.s1).toContain("\n（一）主动公开。");
    expect(result.sections.s1).toContain("\n（二）依申请公开。");
    const s3 = result.findings.filter((f) => f.rule === "S3" && f.cells.includes("narrative.s1"));
    expect(s3).toHaveLength(1);
    expect(s3[0].message).toContain("“(一) 主动公开。");
    expect(s3[0].message).toContain("半角括号改为全角、删去空格");
    expect(s3[0].message).toContain("“（二)依申请公开。");
  });

  it("official ones are left alone and not reported", () => {
    const result = importText(TEXT);
    expect(
      result.findings.filter((f) => f.rule === "S3" && f.cells.includes("narrative.s1")),
    ).toEqual([]);
  });
});
