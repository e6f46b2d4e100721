import { emptyReport, type ReportContent } from "@/lib/report/content";
import { formatIdForYear, getFormat } from "@/lib/report/formats";
import type { Finding } from "@/lib/report/rules";
import type { FormatId } from "@/lib/report/spec-types";
import { validate } from "@/lib/report/validate";
import { finding, officialHeading, sectionName } from "./findings";
import { foldRadicalsInBlocks } from "./fold-radicals";
import { keepValidatedFinding } from "./keep-validated";
import { detectFormat, matchTables } from "./match-tables";
import { readMeta } from "./meta";
import { readStructure } from "./structure";
import type { DocBlock, ImportResult, ImportTextOptions } from "./types";

export { keepValidatedFinding };

export type AssembleOptions = ImportTextOptions;

/**
 * From any reader's blocks to an imported report: detect the format from the tables' labels,
 * map the tables, read title, preface, sections and closing, then run validate() on the result
 * so one list holds the structural and the arithmetic defects. Totals are kept as printed
 * (computeTotals is not run): an imported report is checked as published.
 */
export function assembleReport(read: DocBlock[], options: AssembleOptions = {}): ImportResult {
  const blocks = foldRadicalsInBlocks(read);
  const provisional = readStructure(blocks, "2021");
  const provisionalMeta = readMeta({
    title: provisional.title,
    preface: provisional.preface,
    fullText: fullText(blocks),
    closingOrgan: provisional.closing.organ,
    fileName: options.fileName,
  });
  const formatId: FormatId = detectFormat(blocks) ?? formatIdForYear(provisionalMeta.year ?? 2021);
  const tables = matchTables(blocks, formatId, { previous: options.previous });
  // Table rows printed as lines of text (`规章1012`) belong to the tables, not the narrative.
  const structure =
    formatId === "2021" && tables.paragraphRows.size === 0
      ? provisional
      : readStructure(blocks, formatId, tables.paragraphRows);
  const meta =
    structure === provisional
      ? provisionalMeta
      : readMeta({
          title: structure.title,
          preface: structure.preface,
          fullText: fullText(blocks),
          closingOrgan: structure.closing.organ,
          fileName: options.fileName,
        });

  const content: ReportContent = emptyReport(formatId, {
    organization: meta.organization ?? "",
    // The schema needs a number; 0 marks "not stated" and the year-dependent checks are skipped below.
    year: meta.year ?? 0,
    isPeoplesGovernment: meta.isPeoplesGovernment,
    portalUrl: meta.portalUrl,
    contactOffice: meta.contactOffice,
    address: meta.address,
    postcode: meta.postcode,
    phone: meta.phone,
    // Only what the closing block prints: the unit's name is not its issuing organ's (街道 vs 街道办事处).
    issuingOrgan: structure.closing.organ ?? "",
    issuedDate: structure.closing.date,
  });
  content.preface = structure.preface;
  content.narratives = { ...structure.narratives };
  content.tables = tables.tables;

  const documentFindings: Finding[] = [
    ...sectionFindings(formatId, structure.headings, tables.tables),
    ...structure.findings,
    ...tables.findings,
  ];
  const keep = keepValidatedFinding(documentFindings, meta.year !== null);
  const findings = [
    ...documentFindings,
    ...validate(content, { previous: options.previous }).filter(keep),
  ];

  return {
    format: formatId,
    year: meta.year,
    organization: meta.organization,
    isPeoplesGovernment: meta.isPeoplesGovernment,
    preface: structure.preface,
    sections: { ...structure.narratives },
    content,
    cellsRead: tables.cellsRead,
    findings,
    documentFindings,
  };
}

/**
 * S1 for a missing section. A table section whose heading is missing but whose tables were read is
 * there in substance: that is an S3 (heading differs from the official one), not S1.
 */
function sectionFindings(
  formatId: FormatId,
  headings: Partial<Record<string, string>>,
  tables: ReportContent["tables"],
): Finding[] {
  const out: Finding[] = [];
  for (const section of getFormat(formatId).sections) {
    if (headings[section.key] !== undefined) continue;
    const hasNumbers = section.tables.some((t) =>
      Object.values(tables[t.id] ?? {}).some((row) => Object.values(row).some((v) => v !== null)),
    );
    if (hasNumbers) {
      out.push(
        finding("S3", `${sectionName(section)}缺少标题“${officialHeading(section)}”`, [
          `narrative.${section.key}`,
        ]),
      );
    } else {
      out.push(
        finding("S1", `缺少${sectionName(section)}（没有找到标题“${officialHeading(section)}”）`, [
          `narrative.${section.key}`,
        ]),
      );
    }
  }
  return out;
}

function fullText(blocks: DocBlock[]): string {
  return blocks
    .filter((b) => b.type === "paragraph")
    .map((b) => (b as { text: string }).text)
    .join("\n");
}
