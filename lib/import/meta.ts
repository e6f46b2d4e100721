import type { ReportMeta } from "@/lib/report/content";
import { chineseYearValue, noSpace } from "./text-utils";

/**
 * Who published the report and for which year, read from the title, the preface and the closing
 * block — never invented: what the document does not say stays null.
 */
export type ImportedMeta = Pick<
  ReportMeta,
  "isPeoplesGovernment" | "portalUrl" | "contactOffice" | "address" | "postcode" | "phone"
> & {
  year: number | null;
  organization: string | null;
};

const YEAR = /((?:19|20)\d{2}|[〇零○一二][〇零○一二三四五六七八九]{3})\s*年/;
const REPORT_TAIL = /(?:的)?(?:政府信息公开|政务公开|信息公开).*$/;

export interface MetaSources {
  title: string[];
  preface: string;
  /** All text of the document, to find the unit's full name (哈尔滨市呼兰区 for a title's 呼兰区). */
  fullText: string;
  closingOrgan: string | null;
  fileName?: string;
}

export function readMeta(src: MetaSources): ImportedMeta {
  const title = noSpace(src.title.join(""));
  const year = titleYear(title) ?? prefaceYear(src.preface) ?? fileYear(src.fileName);
  let unit = titleUnit(title) ?? src.closingOrgan ?? null;
  let isPeoplesGovernment = false;
  if (unit) {
    const government = /^(.*?(?:区|县|市|旗|州|盟|省|自治区))(?:人民)?政府$/.exec(unit);
    if (government) unit = government[1];
    unit = fullName(unit, src.fullText + "\n" + (src.closingOrgan ?? ""));
    isPeoplesGovernment = isGovernmentName(unit);
  }
  return {
    year,
    organization: unit || null,
    isPeoplesGovernment,
    ...contacts(src.preface),
  };
}

function titleYear(title: string): number | null {
  const m = YEAR.exec(title);
  return m ? chineseYearValue(m[1]) : null;
}

function prefaceYear(preface: string): number | null {
  const period = /统计(?:期限|期间|时限|区间)[^。]*?((?:19|20)\d{2})\s*年/.exec(preface);
  if (period) return Number(period[1]);
  const m = /((?:19|20)\d{2})\s*年度?(?:政府信息公开|政务公开)/.exec(preface);
  return m ? Number(m[1]) : null;
}

function fileYear(fileName: string | undefined): number | null {
  const m = /(?:^|[^\d])((?:19|20)\d{2})(?:[^\d]|$)/.exec(fileName ?? "");
  return m ? Number(m[1]) : null;
}

/** The unit named in the title: what stands before the year, or between the year and 政府信息公开. */
function titleUnit(title: string): string | null {
  if (!title) return null;
  const text = title.replace(/[（(][^）)]*[）)]/g, "").replace(/^关于/, "");
  const m = YEAR.exec(text);
  let unit = m ? text.slice(0, m.index) : "";
  if (!unit && m) unit = text.slice(m.index + m[0].length).replace(/^度/, "");
  if (!m) unit = text;
  unit = unit
    .replace(REPORT_TAIL, "")
    .replace(/(?:关于|的|度)$/, "")
    .replace(/^[^\p{Script=Han}]+|[^\p{Script=Han}]+$/gu, "");
  return unit.length >= 2 ? unit : null;
}

/** A district, county or city (a people's government), not a street office, township or department. */
export function isGovernmentName(unit: string): boolean {
  return (
    /(?:区|县|市|旗|州|盟|省|自治区)$/.test(unit) &&
    !/(?:开发区|园区|景区|示范区|新区管委会|社区)$/.test(unit)
  );
}

const LEVEL_SUFFIX = "省市区县州盟旗";
const BEFORE_NAME =
  /(?:联系|请|向|由|在|是|为|和|与|及|经|据|对|我|本|全|的|了|至|到|以|按|从|于|将|把|被|系|即|并|或|、)$/u;

/**
 * The longest form of the unit's name the document prints: 呼兰区 → 哈尔滨市呼兰区 when the preface
 * says 哈尔滨市呼兰区政府办公室; 新伟街道办事处 → 哈尔滨市平房区新伟街道办事处 from the closing block.
 */
export function fullName(unit: string, text: string): string {
  let best = unit;
  let from = 0;
  for (let guard = 0; guard < 200; guard++) {
    const at = text.indexOf(unit, from);
    if (at < 0) break;
    from = at + 1;
    const prefix = adminPrefix(text, at);
    if (prefix.length + unit.length > best.length) best = prefix + unit;
  }
  return best;
}

/** The chain of administrative units (哈尔滨市平房区) printed right before position `end`. */
function adminPrefix(text: string, end: number): string {
  let prefix = "";
  let p = end;
  for (let level = 0; level < 4; level++) {
    let found = 0;
    for (let len = 3; len <= 8 && p - len >= 0; len++) {
      const token = text.slice(p - len, p);
      if (!/^\p{Script=Han}+$/u.test(token) || !LEVEL_SUFFIX.includes(token[token.length - 1]))
        continue;
      // The name inside a token cannot itself end a level (市 in 哈尔滨市 ends the token, not its name).
      if (LEVEL_SUFFIX.includes(token[token.length - 2])) break;
      const start = p - len;
      const left = text.slice(Math.max(0, start - 4), start);
      const boundary =
        start === 0 ||
        !/\p{Script=Han}$/u.test(left) ||
        LEVEL_SUFFIX.includes(left[left.length - 1]) ||
        BEFORE_NAME.test(left);
      if (boundary) {
        found = len;
        break;
      }
    }
    if (!found) break;
    prefix = text.slice(p - found, p) + prefix;
    p -= found;
  }
  return prefix;
}

function contacts(
  preface: string,
): Pick<ImportedMeta, "portalUrl" | "contactOffice" | "address" | "postcode" | "phone"> {
  const url = /(https?:\/\/[\w\-.~:/?#@!$&'*+,;=%]+|www\.[\w\-.]+(?:\/[\w\-./?=&%]*)?)/i.exec(
    preface,
  );
  const phone = /电话[:：]?\s*([\d\-－—()（）\s]{7,24}\d)/.exec(preface);
  const postcode = /(?:邮编|邮政编码)[:：]?\s*(\d{6})/.exec(preface);
  const address = /(?:地址|通讯地址|联系地址)[:：]\s*([^，。；,;]+)/.exec(preface);
  const office =
    /(?:请?联系|请与|咨询)\s*([\p{Script=Han}]{2,30}(?:办公室|办事处|中心|科|股|处|局|室))/u.exec(
      preface,
    );
  return {
    portalUrl: url ? url[1].replace(/[.,，。)）]+$/, "") : "",
    contactOffice: office ? office[1] : "",
    address: address ? address[1].trim() : "",
    postcode: postcode ? postcode[1] : "",
    phone: phone ? phone[1].replace(/\s+/g, "").replace(/[－—]/g, "-") : "",
  };
}
