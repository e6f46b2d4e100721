import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { renderDocx } from "@/lib/export/docx";
import { renderHtml } from "@/lib/export/html";
import {
  PDF_FIXTURE_DIR,
  PDF_FIXTURES,
  type PdfFixture,
} from "@/lib/import/__fixtures__/pdf/manifest";
import { SAMPLE_REPORTS } from "@/lib/report/__fixtures__/sample-reports";
import {
  docxToEncryptedPdf,
  docxToPdf,
  htmlToPdf,
  narrowDocxTables,
  pdfToLayoutText,
  scannedPdf,
  unruledDocx,
} from "./make-pdf";

/**
 * Regenerates the committed PDF fixtures (and their pdftotext -layout text), so the unit tests
 * need neither LibreOffice nor Chromium: `npx tsx scripts/corpus/make-pdf-fixtures.ts [name…]`.
 */
export async function makeFixturePdf(fixture: PdfFixture): Promise<Uint8Array> {
  const content = fixture.content();
  if (fixture.route === "html") return htmlToPdf(renderHtml(content));
  const docx = new Uint8Array(await renderDocx(content));
  if (fixture.route === "docx-narrow") return docxToPdf(await narrowDocxTables(docx, 0.55));
  if (fixture.route === "docx-unruled") return docxToPdf(await unruledDocx(docx));
  return docxToPdf(docx);
}

/** Files the reader must refuse: a PDF that needs a password, and a scan without a text layer. */
async function makeRefusedFixtures(): Promise<void> {
  const docx = new Uint8Array(await renderDocx(SAMPLE_REPORTS.dengtalu));
  writeFileSync(
    join(PDF_FIXTURE_DIR, "refused-encrypted.pdf"),
    await docxToEncryptedPdf(docx, "nianbao"),
  );
  writeFileSync(
    join(PDF_FIXTURE_DIR, "refused-scanned.pdf"),
    await scannedPdf(await docxToPdf(docx)),
  );
  console.log("refused-encrypted.pdf, refused-scanned.pdf");
}

async function main(names: string[]): Promise<void> {
  if (names.length === 0 || names.includes("refused")) await makeRefusedFixtures();
  const chosen =
    names.length > 0 ? PDF_FIXTURES.filter((f) => names.includes(f.name)) : PDF_FIXTURES;
  for (const fixture of chosen) {
    const pdf = await makeFixturePdf(fixture);
    writeFileSync(join(PDF_FIXTURE_DIR, `${fixture.name}.pdf`), pdf);
    writeFileSync(join(PDF_FIXTURE_DIR, `${fixture.name}.txt`), await pdfToLayoutText(pdf));
    console.log(`${fixture.name}.pdf  ${pdf.length} bytes`);
  }
}

if (process.argv[1]?.endsWith("make-pdf-fixtures.ts")) {
  main(process.argv.slice(2)).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
