import type { FeeFacts, ReportMeta } from "./content";
import type { CellKind } from "./spec-types";

/**
 * Every field of a report outside its tables and texts: the cover (unit), the contact details the
 * preface cites, the closing (issuing organ, 成文日期) and section 六's fee statement. The editor,
 * the diff and conflict views, review targets, progress, carry-forward, import and the fee checks all
 * read this one list.
 */
export type MetaFieldKey = Exclude<keyof ReportMeta, "year" | "isPeoplesGovernment">;

export interface MetaField {
  key: MetaFieldKey;
  label: string;
  /** Where it appears: the cover, the contact details of the preface, or the closing block. */
  group: "cover" | "contact" | "closing";
  /** How it is typed in the editor. */
  input: "text" | "url" | "tel" | "date";
  /** Copied into next year's draft (以上年报告为基础). */
  carriesForward: boolean;
  /** Taken from an imported published report with its 开头 (preface and contact details). */
  importable: boolean;
  /** Counted as required in the editor's progress. */
  required: boolean;
}

/** What the editor, the review and the import call the part holding these fields. */
export const COVER_TITLE = "开头与落款";

export const META_FIELDS: readonly MetaField[] = [
  {
    key: "organization",
    label: "单位名称",
    group: "cover",
    input: "text",
    carriesForward: false,
    importable: false,
    required: true,
  },
  {
    key: "portalUrl",
    label: "网站地址",
    group: "contact",
    input: "url",
    carriesForward: true,
    importable: true,
    required: true,
  },
  {
    key: "contactOffice",
    label: "联系机构",
    group: "contact",
    input: "text",
    carriesForward: true,
    importable: true,
    required: true,
  },
  {
    key: "address",
    label: "地址",
    group: "contact",
    input: "text",
    carriesForward: true,
    importable: true,
    required: false,
  },
  {
    key: "postcode",
    label: "邮编",
    group: "contact",
    input: "text",
    carriesForward: true,
    importable: true,
    required: false,
  },
  {
    key: "phone",
    label: "电话",
    group: "contact",
    input: "tel",
    carriesForward: true,
    importable: true,
    required: true,
  },
  {
    key: "issuingOrgan",
    label: "发布机关",
    group: "closing",
    input: "text",
    carriesForward: true,
    importable: false,
    required: true,
  },
  {
    key: "issuedDate",
    label: "成文日期",
    group: "closing",
    input: "date",
    carriesForward: false,
    importable: false,
    required: true,
  },
];

export function metaField(key: MetaFieldKey): MetaField {
  return META_FIELDS.find((f) => f.key === key)!;
}

/**
 * Section 六's fee statement (国办函〔2020〕109号): how many fee notices were issued, their total
 * amount, and the amount actually collected.
 */
export interface FeeField {
  key: keyof FeeFacts;
  /** What the statement must say, as messages name it. */
  label: string;
  kind: CellKind;
}

export const FEE_FIELDS: readonly FeeField[] = [
  { key: "notices", label: "发出收费通知的件数", kind: "count" },
  { key: "noticeAmount", label: "收费通知的总金额（元）", kind: "amount" },
  { key: "collected", label: "实际收取的金额（元）", kind: "amount" },
];

/** An object with one entry per fee field, in the fee fields' order. */
export function mapFeeFields<T>(value: (field: FeeField) => T): Record<keyof FeeFacts, T> {
  return Object.fromEntries(FEE_FIELDS.map((f) => [f.key, value(f)])) as Record<keyof FeeFacts, T>;
}
