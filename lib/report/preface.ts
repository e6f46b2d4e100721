import type { ReportMeta } from "./content";
import { getFormat } from "./formats";
import type { FormatId } from "./spec-types";

/**
 * The standard opening of a report: the legal basis (the notice that issued the report's own format),
 * the statistics period, where the electronic version is published and whom to ask.
 */
export function standardPreface(
  formatId: FormatId,
  meta: Pick<
    ReportMeta,
    "year" | "organization" | "portalUrl" | "contactOffice" | "address" | "postcode" | "phone"
  >,
): string {
  const format = getFormat(formatId);
  const { year } = meta;
  const contact = [
    meta.contactOffice || meta.organization,
    meta.address ? `，地址：${meta.address}` : "",
    meta.postcode ? `，邮编：${meta.postcode}` : "",
    meta.phone ? `，联系电话：${meta.phone}` : "",
  ].join("");
  return (
    `根据《中华人民共和国政府信息公开条例》和${format.sourceTitle}（${format.source}）要求，编制本报告。` +
    `本报告中所列数据统计期限自${year}年1月1日起至${year}年12月31日止。` +
    `本报告电子版可在${meta.portalUrl || "本单位门户网站"}查阅。` +
    `如对本报告有疑问，请联系${contact}。`
  );
}
