/**
 * npm run corpus [-- layout-id…] [--verbose]: builds every layout of the corpus (our DOCX and HTML
 * exports, PDFs made from them by LibreOffice and Chromium, their pdftotext -layout text, a browser's
 * copy of the page, Markdown, one-line text, figures run together, Word's text layouts) from the five
 * samples and the full reports, imports each file, and prints per layout how many table cells were
 * read exactly, against the figures the reports hold, and how many errors the import reported that
 * the report does not have.
 */
import { corpusTextTable, refusalNotes, reportNotes } from "./corpus/corpus-table";
import { LAYOUTS } from "./corpus/layouts";
import { runCorpus } from "./corpus/run-corpus";

const args = process.argv.slice(2);
const verbose = args.includes("--verbose");
const only = args.filter((a) => !a.startsWith("--"));
const unknown = only.filter((id) => !LAYOUTS.some((l) => l.id === id));
if (unknown.length) {
  process.stderr.write(
    `没有这些版式：${unknown.join("、")}。可用：${LAYOUTS.map((l) => l.id).join("、")}\n`,
  );
  process.exit(2);
}

const started = performance.now();
const run = await runCorpus({
  only,
  onProgress: verbose ? (line) => process.stderr.write(`${line}\n`) : undefined,
});
process.stdout.write(`${corpusTextTable(run)}\n`);
if (verbose) {
  const misses = reportNotes(run);
  if (misses.length)
    process.stdout.write(`\n未完全读对的报告：\n${misses.map((n) => `- ${n}`).join("\n")}\n`);
}
const notes = refusalNotes(run);
if (notes.length)
  process.stdout.write(
    `\n导入被拒绝或版式未能生成的原因：\n${notes.map((n) => `- ${n}`).join("\n")}\n`,
  );
process.stdout.write(
  `\n共 ${run.layouts.length} 种版式 × ${run.reports.length} 份报告，用时 ${((performance.now() - started) / 1000).toFixed(0)} 秒。\n`,
);
