import type { ReportContent } from "@/lib/report/content";
import { fullReport } from "@/lib/report/__fixtures__/full-report";

/** Every C0 control character, lone surrogates and the two XML non-characters: what XML 1.0 cannot carry. */
export const XML_INVALID_CHARACTERS =
  Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i))
    .filter((ch) => !"\t\n\r".includes(ch))
    .join("") + "\uDFFF\uD800\uFFFE\uFFFF"; // low before high: two lone surrogates, not a pair

export const HOSTILE_TEXT = `<script>alert(1)</script> & ]]> “引号” 'single' "double" 😀👍🏽 ${XML_INVALID_CHARACTERS}结束`;

/**
 * The full report with hostile text everywhere a user can type: markup, `&`, a CDATA terminator,
 * emoji (astral characters) and every control character XML 1.0 forbids — in the meta, the preface,
 * each narrative and a draft cell that holds raw text.
 */
export function hostileReport(): ReportContent {
  const report = structuredClone(fullReport("2021"));
  report.meta.organization = `某区<script>alert("org")</script>&${XML_INVALID_CHARACTERS}`;
  report.meta.issuingOrgan = `某区人民政府 ]]> & <b>`;
  report.preface = `${HOSTILE_TEXT}\n${report.preface}`;
  for (const key of Object.keys(report.narratives) as (keyof ReportContent["narratives"])[]) {
    report.narratives[key] = `${report.narratives[key]}\n（一）${HOSTILE_TEXT}`;
  }
  report.tables.requests.new.natural = `<img src=x onerror=alert(1)>&${XML_INVALID_CHARACTERS}`;
  report.tables["20.8"].fees.amount = "]]><![CDATA[";
  return report;
}
