import { getFormat } from "@/lib/report/formats";
import type { FormatId } from "@/lib/report/spec-types";
import type { CellValue } from "@/lib/report/content";
import type { TablesJson } from "../tables-json";

/**
 * What the five published samples hold (docs/format.md, "What the samples hold"), written out by hand
 * from the printed reports: every table in the format's order, zeros where the sample prints zeros.
 */
export interface SampleExpectation {
  file: string;
  format: FormatId;
  year: number;
  organization: string;
  isPeoplesGovernment: boolean;
  cellsRead: number;
  tables: TablesJson;
  /** Findings the sample must yield: rule and a fragment of the message saying what it points at. */
  findings: { rule: string; severity: "error" | "warning"; about: string }[];
}

/** Every cell printed as zero (amounts as the decimal string "0"). */
export function zeroTables(formatId: FormatId): TablesJson {
  const format = getFormat(formatId);
  const zero = (kind: string): CellValue => (kind === "amount" ? "0" : 0);
  const active: Record<string, CellValue[][]> = {};
  for (const t of format.sections.find((s) => s.key === "s2")!.tables) {
    active[t.id] = t.rows.map(() => t.columns.map((c) => zero(c.kind)));
  }
  const requests = format.sections.find((s) => s.key === "s3")!.tables[0];
  return {
    active,
    requests: requests.rows.map(() => requests.columns.map(() => 0)),
    appeals: new Array(15).fill(0),
  };
}

/** Row index of 三 by its key, so expectations name rows rather than count them. */
export function requestRow(formatId: FormatId, key: string): number {
  const i = getFormat(formatId)
    .sections.find((s) => s.key === "s3")!
    .tables[0].rows.findIndex((r) => r.key === key);
  if (i < 0) throw new Error(`no row ${key}`);
  return i;
}

function hulanTables(): TablesJson {
  const t = zeroTables("2021");
  t.active["20.1"][1] = [32, 8, 80];
  t.active["20.5"][0] = [37438];
  t.active["20.6"][0] = [170];
  t.active["20.8"][0] = ["2387.47225"];
  const row = (key: string, natural: number) =>
    (t.requests[requestRow("2021", key)] = [natural, 0, 0, 0, 0, 0, natural]);
  row("new", 13);
  row("r1", 4);
  row("r2", 5);
  row("r4_1", 3);
  row("r4_3", 1);
  row("r7_total", 13);
  t.appeals = [1, 1, 0, 0, 2, 2, 0, 0, 0, 2, 0, 0, 0, 0, 0];
  return t;
}

function xinweiTables(): TablesJson {
  const t = zeroTables("2019");
  t.active["20.5"][1] = [25, 0, 432];
  return t;
}

function xinganTables(): TablesJson {
  const t = zeroTables("2021");
  t.active["20.1"][1] = [2, 0, 2];
  t.active["20.5"][0] = [639];
  t.active["20.6"][0] = [324];
  // （一） and （二） print six numbers for seven columns: read in order, the seventh left blank.
  t.requests[requestRow("2021", "r1")][6] = null;
  t.requests[requestRow("2021", "r2")][6] = null;
  return t;
}

function youxieTables(): TablesJson {
  const t = zeroTables("2021");
  t.appeals = new Array(15).fill(null);
  return t;
}

export const HULAN_TABLES = hulanTables();

export const SAMPLES: SampleExpectation[] = [
  {
    file: "2022-youxie-street-office.txt",
    format: "2021",
    year: 2022,
    organization: "哈尔滨市平房区友协街道办事处",
    isPeoplesGovernment: false,
    cellsRead: 10 + 175,
    tables: youxieTables(),
    findings: [
      { rule: "S2", severity: "error", about: "第四部分" },
      { rule: "S3", severity: "warning", about: "第四部分的标题" },
      { rule: "S3", severity: "warning", about: "第五部分的标题" },
    ],
  },
  {
    file: "2020-xinwei-street-office.txt",
    format: "2019",
    year: 2020,
    organization: "哈尔滨市平房区新伟街道办事处",
    isPeoplesGovernment: false,
    cellsRead: 22 + 161 + 15,
    tables: xinweiTables(),
    findings: [
      { rule: "S3", severity: "warning", about: "“2、 主动公开政府信息情况”" },
      { rule: "S3", severity: "warning", about: "“3、 收到和处理政府信息公开申请情况”" },
      { rule: "S3", severity: "warning", about: "“4、 政府信息公开行政复议、行政诉讼情况”" },
    ],
  },
  {
    file: "2021-hulan-district.txt",
    format: "2021",
    year: 2021,
    organization: "哈尔滨市呼兰区",
    isPeoplesGovernment: true,
    cellsRead: 200,
    tables: HULAN_TABLES,
    findings: [
      { rule: "V2", severity: "warning", about: "2387.47225" },
      { rule: "X3", severity: "warning", about: "发出收费通知的件数" },
    ],
  },
  {
    file: "2022-dengtalu-street-office.txt",
    format: "2021",
    year: 2022,
    // The text names no city: 安阳市 (docs/format.md) is not printed anywhere in it, and is not invented.
    organization: "北关区灯塔路街道办事处",
    isPeoplesGovernment: false,
    cellsRead: 200,
    tables: zeroTables("2021"),
    findings: [
      { rule: "S5", severity: "error", about: "“（七）总计”行有8个单元格" },
      { rule: "X3", severity: "warning", about: "第六部分" },
    ],
  },
  {
    file: "2022-xingan-district.txt",
    format: "2021",
    year: 2022,
    organization: "鹤岗市兴安区",
    isPeoplesGovernment: true,
    cellsRead: 198,
    tables: xinganTables(),
    findings: [
      { rule: "S5", severity: "error", about: "“（一）予以公开”行有6个单元格" },
      {
        rule: "S5",
        severity: "error",
        about: "“（二）部分公开（区分处理的，只计这一情形，不计其他情形）”行有6个单元格",
      },
      { rule: "S3", severity: "warning", about: "“2.其他法律法规禁止公开”" },
      { rule: "S3", severity: "warning", about: "“（二）部分公开”与规定的" },
      { rule: "X3", severity: "warning", about: "第六部分" },
    ],
  },
];
