import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { importDocx, importHtml, importText } from "../../lib/import";
import { buildDocx } from "../../lib/import/__fixtures__/build-docx";
import { buildHtml } from "../../lib/import/__fixtures__/build-html";
import { HULAN_TABLES } from "../../lib/import/__fixtures__/expected";
import { HULAN_DOCUMENT } from "../../lib/import/__fixtures__/hulan-document";
import { SAMPLES_DIR } from "@/prisma/seed-data/samples-dir";
import { timeRuns, type Figure } from "./support/stats";

const kbOf = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

/**
 * The importer on each published sample (text, reader + matcher + validate()), and on hulan's
 * figures as a DOCX with merged cells and as a portal page. Target < 50 ms per document.
 */
export async function run(): Promise<Record<string, Figure>> {
  const figures: Record<string, Figure> = {};
  for (const file of readdirSync(SAMPLES_DIR).filter((f) => f.endsWith(".txt")).sort()) {
    const text = readFileSync(join(SAMPLES_DIR, file), "utf8");
    figures[`import_${file}`] = { ...(await timeRuns(() => importText(text, { fileName: file }))), kb: kbOf(Buffer.byteLength(text)), note: "目标 < 50 ms" };
  }
  const docx = await buildDocx("2021", HULAN_DOCUMENT, HULAN_TABLES);
  figures["import_hulan-fixture.docx"] = { ...(await timeRuns(() => importDocx(docx))), kb: kbOf(docx.byteLength), note: "合并单元格的DOCX；目标 < 50 ms" };
  const html = buildHtml("2021", HULAN_DOCUMENT, HULAN_TABLES);
  figures["import_hulan-fixture.html"] = { ...(await timeRuns(() => importHtml(html))), kb: kbOf(Buffer.byteLength(html)), note: "门户网站页面；目标 < 50 ms" };
  return figures;
}
