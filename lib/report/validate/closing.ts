import { COVER_TITLE, metaField } from "../fields";
import { ORGAN_ENDINGS, issuingOrganOf, looksLikeOrgan, suggestedOrgan } from "../issuing-organ";
import { finding } from "../rules";
import { targetId } from "../targets";
import type { ValidationContext } from "./context";

/**
 * The closing block (落款, GB/T 9704 7.3.5): the issuing organ's full name above the 成文日期.
 * V5: no 成文日期 — an error at the submission gate (`complete`), a warning while drafting.
 * V6: the organ printed is not an organ's full name (a place name such as 哈尔滨市呼兰区, which is
 * what an empty 发布机关 falls back to). A 成文日期 after the deadline is X7 (narrative.ts).
 */
export function checkClosing(ctx: ValidationContext): void {
  const { meta } = ctx.content;
  if (!meta.issuedDate) {
    ctx.findings.push(
      finding(
        "V5",
        `落款未填写成文日期：请在“${COVER_TITLE}”的“${metaField("issuedDate").label}”中填写报告的成文日期（如2024年1月17日），发布稿落款将印出这一日期`,
        [targetId.meta("issuedDate")],
        ctx.options.complete ? "error" : "warning",
      ),
    );
  }
  const organ = issuingOrganOf(meta);
  if (organ && !looksLikeOrgan(organ)) {
    const suggestion = suggestedOrgan(organ);
    const endings = ORGAN_ENDINGS.slice(0, 4)
      .map((e) => `“${e}”`)
      .join("");
    ctx.findings.push(
      finding(
        "V6",
        `落款的发布机关“${organ}”不是机关全称（应以${endings}等结尾）：请在“${COVER_TITLE}”的“${metaField("issuingOrgan").label}”中填写全称${suggestion ? `，如“${suggestion}”` : ""}`,
        [targetId.meta("issuingOrgan")],
      ),
    );
  }
}
