import { finding } from "../rules";
import { foreignStatedYears } from "../stated-years";
import { targetId } from "../targets";
import type { ValidationContext } from "./context";
import { sectionName } from "./plan";

/** The texts X9 and X10 read: the preface and every section's text, with their names and targets. */
function texts(ctx: ValidationContext): { key: string; name: string; text: string }[] {
  return [
    { key: targetId.preface, name: "报告开头", text: ctx.content.preface ?? "" },
    ...ctx.plan.format.sections.map((s) => ({
      key: targetId.narrative(s.key),
      name: sectionName(s),
      text: ctx.content.narratives?.[s.key] ?? "",
    })),
  ];
}

/**
 * X9: the text states another year as its period (`统计期限为2022年…`, `2022年，我街…`, `2022年度`) —
 * what is left when last year's or an older report is carried over. Cited years are not read.
 */
export function checkStatedYears(ctx: ValidationContext): void {
  const { year } = ctx.content.meta;
  for (const source of texts(ctx)) {
    const foreign = foreignStatedYears(source.text, year);
    if (foreign.length === 0) continue;
    const years = [...new Set(foreign.map((f) => f.year))];
    const phrases = [...new Set(foreign.map((f) => f.phrase))].slice(0, 3);
    ctx.findings.push(
      finding(
        "X9",
        `${source.name}写的是${years.map((y) => `${y}年`).join("、")}（如“${phrases.join("”“")}”），本报告是${year}年度报告，请核对年份`,
        [source.key],
      ),
    );
  }
}

/** A document number in brackets other than 〔〕: `国办公开办函【2021】30号`, `[2021]30号`, mixed pairs. */
const DOCUMENT_NUMBER =
  /([\p{Script=Han}]{0,12})([〔【[［])((?:19|20)\d{2})([〕】\]］])\s*(\d{1,5})号/gu;

/** X10: a document number written with 【】 or [] instead of 〔〕. */
export function checkDocumentNumbers(ctx: ValidationContext): void {
  for (const source of texts(ctx)) {
    for (const m of source.text.matchAll(DOCUMENT_NUMBER)) {
      const [, prefix, open, year, close, serial] = m;
      if (open === "〔" && close === "〕") continue;
      // The issuer is the Han text just before the number, without the verb that cites it.
      const issuer = prefix.replace(/^.*?(?:根据|按照|依据|依照|对照|落实|贯彻|执行|参照)/u, "");
      const written = `${issuer}${open}${year}${close}${m[0].slice(prefix.length + open.length + 4 + close.length)}`;
      ctx.findings.push(
        finding(
          "X10",
          `${source.name}中的文号“${written}”应使用六角括号，写作“${issuer}〔${year}〕${serial}号”`,
          [source.key],
        ),
      );
    }
  }
}
