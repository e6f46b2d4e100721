import { z } from "zod";
import { getFormat } from "./formats";
import type { FigureBinding } from "./narrative-bindings";
import type { FormatId, FormatSpec, SectionKey, TableSpec } from "./spec-types";

/**
 * A report's content as stored (JSONB) and exchanged (API, CLI, import).
 * Drafts are lenient: a cell keeps whatever could not be parsed as the raw string the user typed,
 * so nothing entered is ever lost; validate() reports it (V1/V2). Counts are numbers, amounts
 * decimal strings (never binary floating point), an empty cell is null — never guessed as 0.
 */
export type CellValue = number | string | null;
export type RowValues = Record<string, CellValue>;
export type TableValues = Record<string, RowValues>;

export interface ReportMeta {
  organization: string;
  year: number;
  /** A people's government's report must also cover 工作考核、社会评议和责任追究 (X6) and has a 31 March deadline (X7). */
  isPeoplesGovernment: boolean;
  portalUrl: string;
  contactOffice: string;
  address: string;
  postcode: string;
  phone: string;
  issuingOrgan: string;
  /** 成文日期 / publication date, ISO yyyy-mm-dd, or null while unknown. */
  issuedDate: string | null;
}

/** Section 六's structured fee statement (国办函〔2020〕109号). */
export interface FeeFacts {
  notices: CellValue;
  noticeAmount: CellValue;
  collected: CellValue;
}

export interface ReportContent {
  format: FormatId;
  meta: ReportMeta;
  preface: string;
  /** Free text of each section; for 二–四 the text printed above the tables. */
  narratives: Record<SectionKey, string>;
  fees: FeeFacts;
  tables: Record<string, TableValues>;
  /**
   * Figures of inserted sentences that follow their cells (the editor's 插入数据句). Never printed:
   * the exports read the narratives' plain text. Optional, so content saved before it still parses.
   */
  figureBindings?: FigureBinding[];
}

export const SECTION_KEYS: SectionKey[] = ["s1", "s2", "s3", "s4", "s5", "s6"];

export function allTables(format: FormatSpec): TableSpec[] {
  return format.sections.flatMap((s) => s.tables);
}

export function emptyTables(format: FormatSpec): Record<string, TableValues> {
  const tables: Record<string, TableValues> = {};
  for (const table of allTables(format)) {
    const rows: TableValues = {};
    for (const row of table.rows) {
      rows[row.key] = Object.fromEntries(table.columns.map((c) => [c.key, null]));
    }
    tables[table.id] = rows;
  }
  return tables;
}

export function emptyMeta(
  partial: Partial<ReportMeta> & { organization: string; year: number },
): ReportMeta {
  return {
    isPeoplesGovernment: false,
    portalUrl: "",
    contactOffice: "",
    address: "",
    postcode: "",
    phone: "",
    issuingOrgan: partial.organization,
    issuedDate: null,
    ...partial,
  };
}

export function emptyReport(
  formatId: FormatId,
  meta: Partial<ReportMeta> & { organization: string; year: number },
): ReportContent {
  const format = getFormat(formatId);
  return {
    format: formatId,
    meta: emptyMeta(meta),
    preface: "",
    narratives: { s1: "", s2: "", s3: "", s4: "", s5: "", s6: "" },
    fees: { notices: null, noticeAmount: null, collected: null },
    tables: emptyTables(format),
  };
}

const cellValueSchema = z.union([z.number().finite(), z.string().max(200), z.null()]);

const metaSchema = z.object({
  organization: z.string().max(200),
  year: z.number().int().min(2008).max(2100),
  isPeoplesGovernment: z.boolean(),
  portalUrl: z.string().max(500),
  contactOffice: z.string().max(200),
  address: z.string().max(300),
  postcode: z.string().max(20),
  phone: z.string().max(100),
  issuingOrgan: z.string().max(200),
  issuedDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
});

const NARRATIVE_MAX = 100_000;

const cellIdSchema = z.string().max(100);
/** A bound figure (see narrative-bindings.ts); at most a few hundred in a report. */
export const figureBindingSchema = z.object({
  section: z.enum(["s1", "s2", "s3", "s4", "s5", "s6"]),
  start: z.number().int().min(0).max(NARRATIVE_MAX),
  end: z.number().int().min(0).max(NARRATIVE_MAX),
  expr: z.discriminatedUnion("op", [
    z.object({ op: z.literal("sum"), cells: z.array(cellIdSchema).max(50) }),
    z.object({
      op: z.literal("share"),
      part: z.array(cellIdSchema).max(50),
      whole: z.array(cellIdSchema).max(50),
    }),
    z.object({
      op: z.literal("change"),
      cells: z.array(cellIdSchema).max(50),
      previous: z.number().int().min(0),
    }),
    z.object({ op: z.literal("amount"), cell: cellIdSchema }),
  ]),
  // Key order as the editor writes bindings, so that a parsed copy serialises the same.
  text: z.string().max(100),
});

const schemaCache = new Map<FormatId, z.ZodType<ReportContent>>();

/** The zod schema of a report's content, derived from the format description. */
export function contentSchema(formatId: FormatId): z.ZodType<ReportContent> {
  const cached = schemaCache.get(formatId);
  if (cached) return cached;
  const format = getFormat(formatId);
  const tableShape: Record<string, z.ZodType> = {};
  for (const table of allTables(format)) {
    const rowShape: Record<string, z.ZodType> = {};
    for (const row of table.rows) {
      rowShape[row.key] = z
        .object(Object.fromEntries(table.columns.map((c) => [c.key, cellValueSchema])))
        .strict();
    }
    tableShape[table.id] = z.object(rowShape).strict();
  }
  const schema = z.object({
    format: z.literal(formatId),
    meta: metaSchema,
    preface: z.string().max(NARRATIVE_MAX),
    narratives: z.object(
      Object.fromEntries(SECTION_KEYS.map((k) => [k, z.string().max(NARRATIVE_MAX)])),
    ),
    fees: z.object({
      notices: cellValueSchema,
      noticeAmount: cellValueSchema,
      collected: cellValueSchema,
    }),
    tables: z.object(tableShape).strict(),
    figureBindings: z.array(figureBindingSchema).max(1000).optional(),
  }) as unknown as z.ZodType<ReportContent>;
  schemaCache.set(formatId, schema);
  return schema;
}

/** Parse unknown JSON as report content of whichever format it names. */
export function parseReportContent(
  input: unknown,
): ReturnType<z.ZodType<ReportContent>["safeParse"]> {
  const formatId = (input as { format?: unknown } | null)?.format;
  const schema = contentSchema(formatId === "2019" ? "2019" : "2021");
  return schema.safeParse(input);
}
