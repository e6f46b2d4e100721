import { computeTotals } from "@/lib/report/compute-totals";
import { allTables, type ReportContent } from "@/lib/report/content";
import { fullReport, previousOf } from "@/lib/report/__fixtures__/full-report";
import { getFormat } from "@/lib/report/formats";
import type { RuleId } from "@/lib/report/rules";
import type { FormatId } from "@/lib/report/spec-types";

/**
 * A text substitution made in every printed form of a report (the DOCX's XML, the HTML, each text
 * layout): what a real report prints differently from our exporter — a variant section title, a
 * row-label typo, a unit inside a cell, a date in Chinese numerals. `from` must occur in the export.
 */
export interface PrintEdit {
  from: string;
  to: string;
}

/** One generated source report of the corpus, with what a checker must find in it. */
export interface CorpusCase {
  name: string;
  /** The figures as stored (and printed, blanks left blank). */
  content: ReportContent;
  /** Last year's report of the same unit, handed to the importer (X1, X2 and the run-together cuts). */
  previous?: ReportContent;
  /** Defects planted on purpose: the rule id a checker must report for each. */
  planted: RuleId[];
  edits: PrintEdit[];
}

/** mulberry32: a small seeded generator, so the corpus is the same on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Profile {
  seed: number;
  format: FormatId;
  year: number;
  organization: string;
  isPeoplesGovernment: boolean;
  /** Largest typed count. */
  maxCount: number;
  /** Share of typed cells that are 0. */
  zeroShare: number;
  /** Largest integer part of an amount (万元); amounts carry up to 4 decimals. */
  maxAmount: number;
  /** Share of typed cells left blank (outside 一, 二 and 四 of 三, which A1 needs). */
  blankShare?: number;
}

const A1_ROWS = new Set(["new", "carried", "carryover"]);

/** A consistent report with seeded figures in the profile's ranges: validate() finds no error in it. */
export function generatedReport(p: Profile): ReportContent {
  const random = seeded(p.seed);
  const report = structuredClone(fullReport(p.format, p.year));
  report.meta = {
    ...report.meta,
    organization: p.organization,
    isPeoplesGovernment: p.isPeoplesGovernment,
    issuingOrgan: p.organization.endsWith("区") ? `${p.organization}人民政府` : p.organization,
  };
  const count = () =>
    random() < p.zeroShare ? 0 : 1 + Math.floor(random() * random() * p.maxCount);
  const amount = () => {
    if (random() < p.zeroShare) return "0";
    const whole = Math.floor(random() * p.maxAmount);
    const decimals = String(Math.floor(random() * 10_000))
      .padStart(4, "0")
      .replace(/0+$/, "");
    return decimals ? `${whole}.${decimals}` : String(whole);
  };
  for (const table of allTables(getFormat(p.format))) {
    for (const row of table.rows) {
      if (row.computed) continue;
      for (const column of table.columns) {
        if (column.computed) continue;
        const blank =
          p.blankShare !== undefined &&
          !(table.id === "requests" && A1_ROWS.has(row.key)) &&
          random() < p.blankShare;
        report.tables[table.id][row.key][column.key] = blank
          ? null
          : column.kind === "amount"
            ? amount()
            : column.kind === "signedCount"
              ? Math.round((random() - 0.5) * Math.min(p.maxCount, 40))
              : count();
      }
    }
  }
  const withTotals = computeTotals(report);
  // 一 = （七）总计 + 四 − 二 in every column (A1); 二 lowered where 一 would go negative.
  const requests = withTotals.tables.requests;
  for (const column of Object.keys(requests.new)) {
    if (column === "total") continue;
    const handled = Number(requests.r7_total[column] ?? 0);
    const carryover = Number(requests.carryover[column]);
    const carried = Math.min(Number(requests.carried[column]), handled + carryover);
    requests.carried[column] = carried;
    requests.new[column] = handled + carryover - carried;
  }
  const done = computeTotals(withTotals);
  const received = done.tables.requests.new.total;
  const carried = done.tables.requests.carried.total;
  done.narratives = {
    ...done.narratives,
    s1: done.narratives.s1
      .replace(
        /收到政府信息公开申请\d+件，上年结转\d+件/,
        `收到政府信息公开申请${received}件，上年结转${carried}件`,
      )
      .replace(/我区/g, p.organization.endsWith("区") ? "我区" : "我单位"),
  };
  return done;
}

/** The report with one cell changed after its totals were computed (a defect as printed). */
function withPrinted(report: ReportContent, id: string, value: number | string): ReportContent {
  const copy = structuredClone(report);
  const parts = id.split(".");
  const [row, column] = parts.slice(-2);
  copy.tables[parts.slice(0, -2).join(".")][row][column] = value;
  return copy;
}

const chineseDigits = "〇一二三四五六七八九";
/** `2024-01-18` as it is printed, and as some offices print it: `二〇二四年一月十八日`. */
export function chineseNumeralDate(iso: string): { arabic: string; chinese: string } {
  const [y, m, d] = iso.split("-").map(Number);
  const small = (n: number) =>
    n < 10
      ? chineseDigits[n]
      : `${n >= 20 ? chineseDigits[Math.floor(n / 10)] : ""}十${n % 10 ? chineseDigits[n % 10] : ""}`;
  return {
    arabic: `${y}年${m}月${d}日`,
    chinese: `${[...String(y)].map((c) => chineseDigits[Number(c)]).join("")}年${small(m)}月${small(d)}日`,
  };
}

/**
 * Source reports that differ from the samples the way real ones do: both formats and their years,
 * a district with thousands of applications and large amounts, a county department with almost
 * every figure 0, many blank cells, variant wording, a unit in a cell, a closing date in Chinese
 * numerals, and real defects planted with the rule id a checker must report.
 */
export function generatedCases(): CorpusCase[] {
  const cases: CorpusCase[] = [];
  const plain = (name: string, profile: Profile, extra: Partial<CorpusCase> = {}) => {
    cases.push({ name, content: generatedReport(profile), planted: [], edits: [], ...extra });
  };

  plain("2019 街道（2019格式）", {
    seed: 2019,
    format: "2019",
    year: 2019,
    organization: "临河区东关街道办事处",
    isPeoplesGovernment: false,
    maxCount: 12,
    zeroShare: 0.5,
    maxAmount: 50,
  });

  const dept2020 = generatedReport({
    seed: 2020,
    format: "2019",
    year: 2020,
    organization: "青山县教育局",
    isPeoplesGovernment: false,
    maxCount: 60,
    zeroShare: 0.4,
    maxAmount: 900,
  });
  cases.push({ name: "2020 县部门（2019格式）", content: dept2020, planted: [], edits: [] });

  plain("2023 区政府（数千件申请）", {
    seed: 2023,
    format: "2021",
    year: 2023,
    organization: "江川市临河区",
    isPeoplesGovernment: true,
    maxCount: 600,
    zeroShare: 0.15,
    maxAmount: 90_000,
  });

  plain("2022 县部门（几乎全为0）", {
    seed: 2022,
    format: "2021",
    year: 2022,
    organization: "青山县林业和草原局",
    isPeoplesGovernment: false,
    maxCount: 3,
    zeroShare: 0.95,
    maxAmount: 5,
  });

  plain("2024 街道（大量空白单元格）", {
    seed: 2024,
    format: "2021",
    year: 2024,
    organization: "临河区西城街道办事处",
    isPeoplesGovernment: false,
    maxCount: 20,
    zeroShare: 0.4,
    maxAmount: 30,
    blankShare: 0.2,
  });

  plain(
    "2022 乡镇（标题变体、行标签错字）",
    {
      seed: 2122,
      format: "2021",
      year: 2022,
      organization: "青山县石门镇人民政府",
      isPeoplesGovernment: true,
      maxCount: 8,
      zeroShare: 0.6,
      maxAmount: 10,
    },
    {
      planted: ["S3", "S3", "S3"],
      edits: [
        { from: "五、存在的主要问题及改进情况", to: "五、存在的主要问题及整改措施" },
        {
          from: "四、政府信息公开行政复议、行政诉讼情况",
          to: "四、政府信息公开行政法复议、行政诉讼情况",
        },
        { from: "2.其他法律行政法规禁止公开", to: "2.其他法律行政止公开" },
      ],
    },
  );

  const unitInCell = withPrinted(
    generatedReport({
      seed: 3021,
      format: "2021",
      year: 2021,
      organization: "江川市河东区",
      isPeoplesGovernment: true,
      maxCount: 30,
      zeroShare: 0.3,
      maxAmount: 300,
    }),
    "20.5.licensing.decisions",
    251_387,
  );
  cases.push({
    name: "2021 区政府（单元格带单位）",
    content: unitInCell,
    planted: ["S3"],
    edits: [{ from: "251387", to: "251387件" }],
  });

  const chineseDate = generatedReport({
    seed: 3023,
    format: "2021",
    year: 2023,
    organization: "临河区南湖街道办事处",
    isPeoplesGovernment: false,
    maxCount: 15,
    zeroShare: 0.5,
    maxAmount: 20,
  });
  const date = chineseNumeralDate(chineseDate.meta.issuedDate!);
  cases.push({
    name: "2023 街道（成文日期中文数字）",
    content: chineseDate,
    planted: [],
    edits: [{ from: date.arabic, to: date.chinese }],
  });

  const balanced = generatedReport({
    seed: 4022,
    format: "2021",
    year: 2022,
    organization: "江川市城北区",
    isPeoplesGovernment: true,
    maxCount: 40,
    zeroShare: 0.3,
    maxAmount: 60,
  });
  cases.push({
    name: "2022 区政府（A1 不平衡）",
    // 一 printed one higher in 自然人 and its 总计 (the row still adds up): A1 fails in both columns.
    content: withPrinted(
      withPrinted(
        balanced,
        "requests.new.natural",
        Number(balanced.tables.requests.new.natural) + 1,
      ),
      "requests.new.total",
      Number(balanced.tables.requests.new.total) + 1,
    ),
    planted: ["A1"],
    edits: [],
  });

  const continued = generatedReport({
    seed: 5023,
    format: "2021",
    year: 2023,
    organization: "青山县人力资源和社会保障局",
    isPeoplesGovernment: false,
    maxCount: 25,
    zeroShare: 0.4,
    maxAmount: 40,
  });
  const lastYear = previousOf(continued);
  lastYear.meta = { ...lastYear.meta, organization: continued.meta.organization };
  lastYear.tables["20.1"].normative.effective =
    Number(lastYear.tables["20.1"].normative.effective) + 3;
  cases.push({
    name: "2023 县部门（与上年 X2 不符）",
    content: continued,
    previous: lastYear,
    planted: ["X2"],
    edits: [],
  });

  const wrongFormat = generatedReport({
    seed: 6021,
    format: "2019",
    year: 2021,
    organization: "临河区北关街道办事处",
    isPeoplesGovernment: false,
    maxCount: 10,
    zeroShare: 0.5,
    maxAmount: 10,
  });
  cases.push({
    name: "2021 街道（误用2019格式）",
    content: wrongFormat,
    planted: ["S4"],
    edits: [],
  });

  plain("2020 区政府（2019格式，金额有小数）", {
    seed: 7020,
    format: "2019",
    year: 2020,
    organization: "江川市临河区",
    isPeoplesGovernment: true,
    maxCount: 900,
    zeroShare: 0.2,
    maxAmount: 20_000,
  });

  return cases;
}
