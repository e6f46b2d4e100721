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

/**
 * A document number in brackets other than 〔〕: `国办公开办函【2021】30号`, `[2021]30号`, mixed pairs.
 * Found from the bracketed year alone (a plain character class the engine scans for quickly); the issuer
 * before it is read afterwards, only where a number was found — a Unicode-property run tried at every
 * position of a long narrative cost more than all the other rules together.
 */
const DOCUMENT_NUMBER = /[〔【[［](?:19|20)\d{2}[〕】\]］]\s*\d{1,5}号/g;
/** The issuer: the Han characters (at most 12) right before the bracket. */
const ISSUER = /\p{Script=Han}{0,12}$/u;
const CITING_VERB = /^.*?(?:根据|按照|依据|依照|对照|落实|贯彻|执行|参照)/u;

/** X10: a document number written with 【】 or [] instead of 〔〕. */
export function checkDocumentNumbers(ctx: ValidationContext): void {
  for (const source of texts(ctx)) {
    const text = source.text;
    // Most narratives cite no number at all: one scan for 号 decides.
    if (!text.includes("号")) continue;
    let previousEnd = 0;
    for (const m of text.matchAll(DOCUMENT_NUMBER)) {
      const number = m[0];
      const open = number[0];
      const year = number.slice(1, 5);
      const close = number[5];
      const serial = number.slice(6).replace(/^\s*/, "").slice(0, -1);
      const start = m.index;
      const prefix = ISSUER.exec(text.slice(Math.max(previousEnd, start - 12), start))![0];
      previousEnd = start + number.length;
      if (open === "〔" && close === "〕") continue;
      // The issuer is the Han text just before the number, without the verb that cites it.
      const issuer = prefix.replace(CITING_VERB, "");
      ctx.findings.push(
        finding(
          "X10",
          `${source.name}中的文号“${issuer}${number}”应使用六角括号，写作“${issuer}〔${year}〕${serial}号”`,
          [source.key],
        ),
      );
    }
  }
}
