import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { cellById, listCells } from "@/lib/report/cells";
import { computeTotals } from "@/lib/report/compute-totals";
import { emptyReport, type ReportContent } from "@/lib/report/content";
import { getFormat } from "@/lib/report/formats";
import type { FormatId } from "@/lib/report/spec-types";
import { importBytes, ImportRefusedError } from "../import-bytes";
import { importXlsx } from "./import-xlsx";
import { XLSX_LIMITS } from "./read-workbook";
import { templateSheets } from "./template-layout";
import { renderExcelTemplate } from "./write-template";

/** Every typed cell of the format with a figure of its kind, different from cell to cell. */
function filledTables(formatId: FormatId): ReportContent["tables"] {
  const content = emptyReport(formatId, { organization: "x", year: 2025 });
  listCells(formatId)
    .filter((c) => !c.computed)
    .forEach((c, i) => {
      content.tables[c.tableId][c.rowKey][c.columnKey] =
        c.kind === "amount" ? `${i}.25` : c.kind === "signedCount" ? (i % 3) - 1 : i % 17;
    });
  return computeTotals(content).tables;
}

function shaded(cell: ExcelJS.Cell): boolean {
  return cell.fill?.type === "pattern" && cell.fill.pattern === "solid";
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook;
}

async function save(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A person filling the downloaded template: each figure typed into its white cell. */
function typeFigures(
  workbook: ExcelJS.Workbook,
  formatId: FormatId,
  tables: ReportContent["tables"],
) {
  const layout = templateSheets(emptyReport(formatId, { organization: "x", year: 2025 }));
  for (const sheetLayout of layout) {
    const sheet = workbook.getWorksheet(sheetLayout.name)!;
    for (const cell of sheetLayout.cells) {
      if (cell.role !== "value" || cell.computed) continue;
      const { tableId, rowKey, columnKey } = cellById(formatId, cell.cellId!)!;
      const value = tables[tableId][rowKey][columnKey];
      const target = sheet.getCell(cell.row + 1, cell.col + 1);
      // The template's white cell: bordered and not shaded, where the person types.
      expect(shaded(target)).toBe(false);
      target.value = typeof value === "string" ? Number(value) : value;
    }
  }
}

describe("Excel template → fill in → import", () => {
  for (const formatId of ["2021", "2019"] as const) {
    it(`${formatId}: the tables read back equal the figures typed`, async () => {
      const year = formatId === "2021" ? 2025 : 2020;
      const draft = emptyReport(formatId, { organization: "友协街道办事处", year });
      const workbook = await load(await renderExcelTemplate(draft));
      const tables = filledTables(formatId);
      typeFigures(workbook, formatId, tables);
      const result = await importBytes("友协街道办事处表格.xlsx", await save(workbook));
      expect(result.format).toBe(formatId);
      expect(result.year).toBe(year);
      expect(result.organization).toBe("友协街道办事处");
      expect(result.tablesOnly).toBe(true);
      expect(result.content.tables).toEqual(tables);
      expect(result.cellsRead).toBe(listCells(formatId).filter((c) => !c.computed).length);
      expect(result.documentFindings).toEqual([]);
    });
  }

  it("offers the report's figures in the official layout, labels from the format, totals shaded", async () => {
    const draft = emptyReport("2021", { organization: "新伟街道办事处", year: 2025 });
    draft.tables = filledTables("2021");
    const workbook = await load(await renderExcelTemplate(draft));
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      "填写说明",
      ...getFormat("2021")
        .sections.filter((s) => s.tables.length)
        .map((s) => `${s.ordinal}、${s.title}`.slice(0, 31)),
    ]);
    const info = workbook.getWorksheet("填写说明")!;
    expect(info.getCell("B3").value).toBe(2025);
    expect(String(info.getCell("B4").value)).toContain("2021 年版格式");
    const requests = workbook.worksheets[2];
    const texts = new Set<string>();
    requests.eachRow((row) => row.eachCell((c) => void texts.add(String(c.value))));
    for (const row of getFormat("2021").sections[2].tables[0].rows)
      expect(texts).toContain(row.label);
    for (const column of getFormat("2021").sections[2].tables[0].columns)
      expect(texts).toContain(column.label);
    // Merged headers: 法人或其他组织 over its five columns, and the row groups.
    expect(requests.model.merges.length).toBeGreaterThan(5);
    // Re-importing the template unchanged gives back the report's figures.
    const result = await importXlsx(await save(workbook));
    expect(result.content.tables).toEqual(draft.tables);
  });
});

describe("cells the import cannot place", () => {
  async function template(): Promise<ExcelJS.Workbook> {
    return load(await renderExcelTemplate(emptyReport("2021", { organization: "x", year: 2025 })));
  }

  function findText(sheet: ExcelJS.Worksheet, text: string): ExcelJS.Cell {
    let found: ExcelJS.Cell | undefined;
    sheet.eachRow((row) =>
      row.eachCell((c) => {
        if (!found && c.value === text) found = c;
      }),
    );
    if (!found) throw new Error(`no cell ${text}`);
    return found;
  }

  it("a changed row label: the finding names the sheet and the cell, and the row is not read", async () => {
    const workbook = await template();
    const sheet = workbook.worksheets[2];
    const label = findText(sheet, "（一）予以公开");
    label.value = "（一）同意公开";
    const row = sheet.getRow(Number(label.row));
    row.eachCell((c) => {
      if (!shaded(c) && !c.isMerged && c.col > label.col) c.value = 7;
    });
    const result = await importXlsx(await save(workbook));
    const s3 = result.documentFindings.find((f) => f.rule === "S3")!;
    expect(s3.message).toContain(`工作表“${sheet.name}”${label.address}`);
    expect(s3.message).toContain("应为“（一）予以公开”，实为“（一）同意公开”");
    expect(s3.cells.length).toBeGreaterThan(0);
    expect(Object.values(result.content.tables.requests.r1 ?? {}).every((v) => v !== 7)).toBe(true);
    expect(result.cellsRead).toBe(0);
  });

  it("a figure outside the tables, a word in a number cell, an extra sheet: each named by address", async () => {
    const workbook = await template();
    const sheet = workbook.worksheets[3];
    const lastRow = sheet.rowCount;
    sheet.getCell(lastRow + 2, 2).value = 12;
    const natural = workbook.worksheets[2];
    const white: ExcelJS.Cell[] = [];
    natural.eachRow((row) =>
      row.eachCell({ includeEmpty: true }, (c) => {
        if (!shaded(c) && Number(c.row) > 3 && c.value === null && c.border?.left) white.push(c);
      }),
    );
    const typed = natural.getCell(white[0].address);
    typed.value = "三件";
    workbook.addWorksheet("草稿").getCell("D4").value = "备注";
    const result = await importXlsx(await save(workbook));
    const messages = result.documentFindings.map((f) => f.message);
    expect(messages).toContainEqual(
      expect.stringMatching(
        new RegExp(`工作表“${sheet.name}”B${lastRow + 2}的 “12” 无法放入报告：不在模板的表格内`),
      ),
    );
    expect(messages).toContainEqual(
      expect.stringContaining(`工作表“${natural.name}”${typed.address}（`),
    );
    expect(messages.find((m) => m.includes(typed.address))).toContain("“三件”不是数字");
    expect(messages).toContainEqual(
      expect.stringContaining("工作表“草稿”D4 等 1 个单元格无法放入报告"),
    );
    // The word is kept as typed (the editor shows it and asks for a number), not dropped.
    expect(JSON.stringify(result.content.tables)).toContain("三件");
  });
});

describe("hostile or oversized workbooks are refused before exceljs builds them", () => {
  async function refusal(bytes: Uint8Array): Promise<string> {
    try {
      await importXlsx(bytes);
    } catch (error) {
      expect(error).toBeInstanceOf(ImportRefusedError);
      return (error as Error).message;
    }
    throw new Error("not refused");
  }

  async function withSheet(xml: string | Uint8Array): Promise<Uint8Array> {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("一");
    const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
    zip.file("xl/worksheets/sheet1.xml", xml);
    return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  }

  it("a part that inflates past its cap (a zip bomb)", async () => {
    const bomb = new Uint8Array(XLSX_LIMITS.maxPartBytes + 1024).fill(0x20);
    const bytes = await withSheet(bomb);
    expect(bytes.length).toBeLessThan(100_000);
    expect(await refusal(bytes)).toMatch(/解压后超过 10 MB 上限/);
  });

  it("too many rows, too many cells, too many sheets, too large, not a workbook", async () => {
    const rows = Array.from({ length: XLSX_LIMITS.maxRows + 1 }, (_, i) => `<row r="${i + 1}"/>`);
    expect(
      await refusal(
        await withSheet(`<worksheet><sheetData>${rows.join("")}</sheetData></worksheet>`),
      ),
    ).toMatch(/行数过多/);
    const cells = Array.from(
      { length: 60 },
      (_, r) => `<row r="${r + 1}">${Array.from({ length: 1000 }, () => "<c/>").join("")}</row>`,
    );
    expect(
      await refusal(
        await withSheet(`<worksheet><sheetData>${cells.join("")}</sheetData></worksheet>`),
      ),
    ).toMatch(/单元格过多/);
    const many = new ExcelJS.Workbook();
    for (let i = 0; i <= XLSX_LIMITS.maxSheets; i++) many.addWorksheet(`s${i}`);
    expect(await refusal(await save(many))).toMatch(/工作表过多/);
    const big = new Uint8Array(XLSX_LIMITS.maxFileBytes + 1);
    big.set([0x50, 0x4b]);
    expect(await refusal(big)).toMatch(/超过 5 MB 上限/);
    expect(await refusal(new TextEncoder().encode("<html>not a workbook</html>"))).toMatch(
      /不是 \.xlsx 格式/,
    );
    await expect(importBytes("旧表格.xls", new Uint8Array(10))).rejects.toThrow(/另存为 \.xlsx/);
  });
});
