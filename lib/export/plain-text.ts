import type { TableGrid } from "./grid";
import type { BodyParagraph, Publication } from "./publication";

/**
 * The publication as plain text — what a portal editor that takes no HTML receives from
 * 复制到门户网站: title, paragraphs indented with two ideographic spaces, each table row on a line
 * with its cells separated by tabs (a merged cell once), the closing right-aligned in spirit only.
 */
const INDENT = "\u3000\u3000";

function paragraph(p: BodyParagraph): string {
  return `${INDENT}${p.lead}${p.text}`;
}

function table(grid: TableGrid): string[] {
  return grid.rows.map((row) =>
    row.segments
      .filter((s) => !s.continued)
      .map((s) => s.cell.text)
      .join("\t"),
  );
}

export function publicationText(publication: Publication): string {
  const lines: string[] = [...publication.titleLines, "", ...publication.preface.map(paragraph)];
  for (const section of publication.sections) {
    lines.push(`${INDENT}${section.heading}`);
    for (const block of section.blocks) {
      if (block.type === "paragraph") lines.push(paragraph(block.paragraph));
      else lines.push(...table(block.grid));
    }
  }
  if (publication.closing.organ || publication.closing.date)
    lines.push("", publication.closing.organ, publication.closing.date ?? "");
  return `${lines.join("\n").replace(/\n+$/, "")}\n`;
}
