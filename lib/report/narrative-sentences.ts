import { listCells } from "./cells";
import type { ReportContent } from "./content";
import { getFormat } from "./formats";
import { changeText, evaluateFigure, type FigureExpr } from "./narrative-figure";
import { createContext, rowTotal } from "./validate/context";

/**
 * Sentences that state the tables' figures in the words real reports use, for the narratives: each
 * place where the format and practice restate figures (依申请公开, 复议/诉讼, 主动公开, the fee statement of
 * 六, year over year) in a few wordings. A sentence is text and figures; each figure is an expression
 * over cells, so an inserted sentence can follow the tables (narrative-bindings.ts).
 * Practice for zero: written "0件" (never "无"), so that the sentence keeps the same shape whatever the
 * figures and X5 can read every figure back.
 */
export type SentencePart = string | FigureExpr;

export type SentenceGroupId = "requests" | "appeals" | "documents" | "change" | "fees";

export interface SentenceVariant {
  /** `requests.full`, `appeals.short`, … — stable, for tests and the menu's keys. */
  id: string;
  group: SentenceGroupId;
  /** The group's name in the menu: 依申请公开情况. */
  groupLabel: string;
  /** The wording's name in the menu: 完整表述, 含占比, 简要表述. */
  label: string;
  parts: SentencePart[];
}

/** A sentence rendered from the report as it stands: its text and where each figure stands in it. */
export interface RenderedSentence {
  text: string;
  figures: { start: number; end: number; expr: FigureExpr; text: string }[];
}

export interface SentenceOptions {
  /** Last year's report: adds 较上年增加/减少 N件（N%） to the number received, and the 与上年比较 sentences. */
  previous?: ReportContent | null;
}

const sum = (...cells: string[]): FigureExpr => ({ op: "sum", cells });

/** The 总计 cells of 三's rows whose key starts with `prefix` (`r3_` → （三）不予公开 1.–8.). */
function requestRows(content: ReportContent, prefix: string): string[] {
  return listCells(content.format)
    .filter((c) => c.tableId === "requests" && c.columnKey === "total")
    .filter((c) => (prefix.endsWith("_") ? c.rowKey.startsWith(prefix) : c.rowKey === prefix))
    .map((c) => c.id);
}

const REQUEST_RESULTS: [string, string][] = [
  ["予以公开", "r1"],
  ["部分公开", "r2"],
  ["不予公开", "r3_"],
  ["无法提供", "r4_"],
  ["不予处理", "r5_"],
  ["其他处理", "r6"],
];

/** （六）其他处理 is one row in the 2019 format and three (r6_1 …) in 2021's. */
function resultCells(content: ReportContent, key: string): string[] {
  if (key !== "r6") return requestRows(content, key);
  const rows = requestRows(content, "r6_");
  return rows.length ? rows : requestRows(content, "r6");
}

/** Last year's figure for the same cells, when last year's report is known and has it. */
function previousFigure(options: SentenceOptions, rowKey: string): number | null {
  if (!options.previous) return null;
  return rowTotal(createContext(options.previous, {}), "requests", rowKey);
}

function requestsVariants(content: ReportContent, options: SentenceOptions): SentenceVariant[] {
  const received = "requests.new.total";
  const handled = "requests.r7_total.total";
  const legal = listCells(content.format)
    .filter((c) => c.tableId === "requests" && c.rowKey === "new")
    .filter((c) => c.columnKey !== "natural" && c.columnKey !== "total")
    .map((c) => c.id);
  const previousReceived = previousFigure(options, "new");
  const results = (shares: boolean): SentencePart[] =>
    REQUEST_RESULTS.flatMap(([label, key], i) => {
      const cells = resultCells(content, key);
      return [
        `${i ? "，" : ""}${label}`,
        sum(...cells),
        "件",
        ...(shares
          ? ["（占", { op: "share", part: cells, whole: [handled] } as FigureExpr, "%）"]
          : []),
      ];
    });
  const full = (shares: boolean): SentencePart[] => [
    "本年度共收到政府信息公开申请",
    sum(received),
    "件（自然人",
    sum("requests.new.natural"),
    "件，法人或其他组织",
    sum(...legal),
    "件）",
    ...(previousReceived === null
      ? []
      : ["，", { op: "change", cells: [received], previous: previousReceived } as FigureExpr]),
    "，上年结转",
    sum("requests.carried.total"),
    "件。全年办结",
    sum(handled),
    "件，其中",
    ...results(shares),
    "；结转下年度继续办理",
    sum("requests.carryover.total"),
    "件。",
  ];
  const group = { group: "requests" as const, groupLabel: "依申请公开情况" };
  return [
    { ...group, id: "requests.full", label: "完整表述", parts: full(false) },
    { ...group, id: "requests.shares", label: "完整表述（含各项占比）", parts: full(true) },
    {
      ...group,
      id: "requests.short",
      label: "简要表述",
      parts: [
        "本年度新收政府信息公开申请",
        sum(received),
        "件，上年结转",
        sum("requests.carried.total"),
        "件，全年办结",
        sum(handled),
        "件，结转下年度继续办理",
        sum("requests.carryover.total"),
        "件。",
      ],
    },
    {
      ...group,
      id: "requests.results",
      label: "按办理结果分述",
      parts: ["全年办结政府信息公开申请", sum(handled), "件。其中，", ...results(false), "。"],
    },
  ];
}

function appealsVariants(): SentenceVariant[] {
  const cells = (prefix: string, key: string) => `appeals.row.${prefix}_${key}`;
  const results = (prefixes: string[]): SentencePart[] =>
    [
      ["结果维持", "upheld"],
      ["结果纠正", "corrected"],
      ["其他结果", "other"],
      ["尚未审结", "pending"],
    ].flatMap(([label, key], i) => [
      `${i ? "，" : ""}${label}`,
      sum(...prefixes.map((p) => cells(p, key))),
      "件",
    ]);
  const review = sum(cells("rc", "total"));
  const litigation = sum(cells("ld", "total"), cells("la", "total"));
  const group = { group: "appeals" as const, groupLabel: "行政复议、行政诉讼情况" };
  return [
    {
      ...group,
      id: "appeals.full",
      label: "完整表述（含各项结果）",
      parts: [
        "本年度发生政府信息公开行政复议案件",
        review,
        "件，其中",
        ...results(["rc"]),
        "；行政诉讼案件",
        litigation,
        "件（未经复议直接起诉",
        sum(cells("ld", "total")),
        "件，复议后起诉",
        sum(cells("la", "total")),
        "件），其中",
        ...results(["ld", "la"]),
        "。",
      ],
    },
    {
      ...group,
      id: "appeals.short",
      label: "简要表述",
      parts: ["本年度发生政府信息公开行政复议案件", review, "件、行政诉讼案件", litigation, "件。"],
    },
    {
      ...group,
      id: "appeals.count",
      label: "以“起”计",
      parts: ["本年度共发生政府信息公开行政复议", review, "起，行政诉讼", litigation, "起。"],
    },
  ];
}

function documentsVariants(content: ReportContent): SentenceVariant[] {
  const is2021 = content.format === "2021";
  const doc = (row: string, col: string) => sum(`20.1.${row}.${col}`);
  const documents = (row: string, name: string): SentencePart[] =>
    is2021
      ? [
          `制发${name}`,
          doc(row, "issued"),
          "件，废止",
          doc(row, "repealed"),
          "件，现行有效",
          doc(row, "effective"),
          "件",
        ]
      : [`制发${name}`, doc(row, "made"), "件，对外公开总数量", doc(row, "total"), "件"];
  const normativeName = is2021 ? "行政规范性文件" : "规范性文件";
  const decisions: SentencePart[] = [
    "作出行政许可决定",
    sum("20.5.licensing.decisions"),
    "件，行政处罚决定",
    sum("20.6.penalty.decisions"),
    "件，行政强制决定",
    sum("20.6.coercion.decisions"),
    "件",
  ];
  const group = { group: "documents" as const, groupLabel: "主动公开规章、规范性文件和行政决定" };
  return [
    {
      ...group,
      id: "documents.full",
      label: "完整表述",
      parts: [
        "本年度",
        ...documents("rules", "规章"),
        "；",
        ...documents("normative", normativeName),
        "；",
        ...decisions,
        "。",
      ],
    },
    {
      ...group,
      id: "documents.normative",
      label: `只述${normativeName}`,
      parts: ["本年度", ...documents("normative", normativeName), "。"],
    },
    {
      ...group,
      id: "documents.decisions",
      label: "只述行政许可、处罚、强制决定",
      parts: ["本年度", ...decisions, "。"],
    },
  ];
}

function changeVariants(options: SentenceOptions): SentenceVariant[] {
  const received = previousFigure(options, "new");
  const handled = previousFigure(options, "r7_total");
  const group = { group: "change" as const, groupLabel: "与上年比较" };
  const variants: SentenceVariant[] = [];
  if (received !== null)
    variants.push({
      ...group,
      id: "change.received",
      label: "收到申请数与上年比较",
      parts: [
        "本年度共收到政府信息公开申请",
        sum("requests.new.total"),
        "件，",
        { op: "change", cells: ["requests.new.total"], previous: received },
        "。",
      ],
    });
  if (handled !== null)
    variants.push({
      ...group,
      id: "change.handled",
      label: "办结数与上年比较",
      parts: [
        "全年办结政府信息公开申请",
        sum("requests.r7_total.total"),
        "件，",
        { op: "change", cells: ["requests.r7_total.total"], previous: handled },
        "。",
      ],
    });
  return variants;
}

function feesVariants(content: ReportContent): SentenceVariant[] {
  if (!getFormat(content.format).requiresFeeStatement) return [];
  const notices = sum("fees.notices");
  const amount: FigureExpr = { op: "amount", cell: "fees.noticeAmount" };
  const collected: FigureExpr = { op: "amount", cell: "fees.collected" };
  const group = { group: "fees" as const, groupLabel: "信息处理费（第六部分）" };
  return [
    {
      ...group,
      id: "fees.standard",
      label: "常用表述",
      parts: [
        `${content.meta.year}年发出收费通知`,
        notices,
        "件，总金额",
        amount,
        "元，实际收取金额",
        collected,
        "元。",
      ],
    },
    {
      ...group,
      id: "fees.full",
      label: "完整表述",
      parts: [
        "本年度共发出信息处理费收费通知",
        notices,
        "件，收费通知总金额",
        amount,
        "元，实际收取信息处理费",
        collected,
        "元。",
      ],
    },
  ];
}

/** Every wording of every sentence the report's format offers, grouped as the menu shows them. */
export function sentenceVariants(
  content: ReportContent,
  options: SentenceOptions = {},
): SentenceVariant[] {
  return [
    ...requestsVariants(content, options),
    ...appealsVariants(),
    ...documentsVariants(content),
    ...changeVariants(options),
    ...feesVariants(content),
  ];
}

/** The sentence with the report's figures, or null while one of its figures is blank. */
export function renderSentence(
  content: ReportContent,
  parts: SentencePart[],
): RenderedSentence | null {
  let text = "";
  const figures: RenderedSentence["figures"] = [];
  for (const part of parts) {
    if (typeof part === "string") {
      text += part;
      continue;
    }
    const value = evaluateFigure(content, part);
    if (value === null) return null;
    figures.push({ start: text.length, end: text.length + value.length, expr: part, text: value });
    text += value;
  }
  return { text, figures };
}

/** `，较上年增加3件（增长12.5%）`, `，与上年持平`; empty when last year's figure is unknown. */
export function yearOverYear(current: number, previous: number | null): string {
  return previous === null ? "" : `，${changeText(current, previous)}`;
}

export interface NarrativeSentence {
  id: SentenceGroupId;
  label: string;
  text: string;
}

/**
 * The first wording of each sentence whose figures are all filled in (with shares when asked):
 * the sentences as plain text, for the tests and for any caller that does not bind figures.
 */
export function narrativeSentences(
  content: ReportContent,
  options: SentenceOptions & { shares?: boolean } = {},
): NarrativeSentence[] {
  const chosen = new Map<SentenceGroupId, SentenceVariant>();
  for (const variant of sentenceVariants(content, options)) {
    if (
      variant.group === "requests" &&
      variant.id !== (options.shares ? "requests.shares" : "requests.full")
    )
      continue;
    if (!chosen.has(variant.group)) chosen.set(variant.group, variant);
  }
  const sentences: NarrativeSentence[] = [];
  for (const variant of chosen.values()) {
    const rendered = renderSentence(content, variant.parts);
    if (rendered)
      sentences.push({ id: variant.group, label: variant.groupLabel, text: rendered.text });
  }
  return sentences;
}
