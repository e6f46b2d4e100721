import { describe, expect, it } from "vitest";
import { fullReport } from "@/lib/report/__fixtures__/full-report";
import { webPageCopy } from "./__fixtures__/layouts/web-page-copy";
import { foldRadicals } from "./fold-radicals";
import { importText } from "./index";

describe("foldRadicals: radicals a PDF names for whole characters", () => {
  it("folds radicals to the simplified characters a report means, keeping the length", () => {
    const drawn = "哈尔滨市⼈⺠政府⻔户⽹站，⼾籍⻅⻓";
    const folded = foldRadicals(drawn);
    expect(folded).toBe("哈尔滨市人民政府门户网站，户籍见长");
    expect(folded.length).toBe(drawn.length);
  });

  it("leaves text without radicals as it is", () => {
    const text = "本年新收政府信息公开申请数量 12 件（戶 stays 戶）";
    expect(foldRadicals(text)).toBe(text);
  });

  it("an imported text with radicals reads like the same text without them", () => {
    const report = fullReport("2021");
    report.meta.organization = "某市人民政府门户网站管理办公室";
    report.meta.issuingOrgan = "某市人民政府门户网站管理办公室";
    const plain = webPageCopy(report);
    const drawn = plain.replaceAll("民", "⺠").replaceAll("门", "⻔").replaceAll("人", "⼈");
    expect(drawn).not.toBe(plain);
    const fromDrawn = importText(drawn, { fileName: "年报.txt" });
    const fromPlain = importText(plain, { fileName: "年报.txt" });
    expect(fromDrawn.organization).toBe("某市人民政府门户网站管理办公室");
    expect(fromDrawn.content).toEqual(fromPlain.content);
    expect(fromDrawn.findings).toEqual(fromPlain.findings);
  });
});
