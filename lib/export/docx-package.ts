import JSZip from "jszip";
import { escapeXml } from "./xml";

/**
 * What the `docx` package leaves out of a .docx and a Chinese office's Word or WPS needs: a font
 * table that describes the fonts the document names (an empty w:fonts makes Word guess — Western
 * metrics for 仿宋_GB2312 on a machine without it), and an app.xml naming the program and the unit.
 * Pure: bytes in, bytes out.
 */
interface FontEntry {
  /** A font the machine may have instead, in the same style (Word and WPS substitute it). */
  altName: string;
  panose: string;
  family: "modern" | "roman" | "swiss" | "script" | "decorative" | "auto";
  pitch: "fixed" | "variable";
}

/**
 * GB2312 (charset 86) fonts of the 公文 layout. The altName is the font Windows and WPS ship under
 * the newer name (仿宋 for 仿宋_GB2312, 楷体 for 楷体_GB2312); 方正小标宋简体 falls back to 宋体.
 * Panose numbers and families as Word writes them for these fonts.
 */
const KNOWN_FONTS: Record<string, FontEntry> = {
  仿宋_GB2312: {
    altName: "仿宋",
    panose: "02010609030101010101",
    family: "modern",
    pitch: "fixed",
  },
  楷体_GB2312: {
    altName: "楷体",
    panose: "02010609030101010101",
    family: "modern",
    pitch: "fixed",
  },
  方正小标宋简体: {
    altName: "宋体",
    panose: "02000000000000000000",
    family: "script",
    pitch: "variable",
  },
  黑体: { altName: "SimHei", panose: "02010609060101010101", family: "modern", pitch: "fixed" },
  宋体: { altName: "SimSun", panose: "02010600030101010101", family: "auto", pitch: "variable" },
};

/** GB2312 in w:charset (the Windows character set number of Simplified Chinese). */
export const GB2312_CHARSET = "86";

function fontXml(name: string): string {
  const entry = KNOWN_FONTS[name] ?? {
    altName: "",
    panose: "02010600030101010101",
    family: "auto",
    pitch: "variable",
  };
  return (
    `<w:font w:name="${escapeXml(name)}">` +
    (entry.altName ? `<w:altName w:val="${escapeXml(entry.altName)}"/>` : "") +
    `<w:panose1 w:val="${entry.panose}"/><w:charset w:val="${GB2312_CHARSET}"/>` +
    `<w:family w:val="${entry.family}"/><w:pitch w:val="${entry.pitch}"/>` +
    `</w:font>`
  );
}

export function fontTableXml(fonts: readonly string[]): string {
  const names = [...new Set(fonts)];
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
    names.map(fontXml).join("") +
    `</w:fonts>`
  );
}

function appXml(company: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ` +
    `xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
    `<Application>年报 Nianbao</Application><Company>${escapeXml(company)}</Company>` +
    `</Properties>`
  );
}

/**
 * Widow and orphan control stated in the document defaults, not left to each program's default:
 * `docx` has no option for it there. w:widowControl is the first of these pPr children in schema order.
 */
export function withWidowControl(styles: string): string {
  if (/<w:pPrDefault>\s*<w:pPr>\s*<w:widowControl/.test(styles)) return styles;
  const withPPr = styles.includes("<w:pPrDefault>")
    ? styles
    : styles.replace(
        "</w:docDefaults>",
        "<w:pPrDefault><w:pPr></w:pPr></w:pPrDefault></w:docDefaults>",
      );
  return withPPr.replace(/<w:pPrDefault>\s*<w:pPr>/, "<w:pPrDefault><w:pPr><w:widowControl/>");
}

/**
 * Paragraph styles whose text does not snap to the document's line grid (w:snapToGrid off), so a
 * table row of 小4号 stays one small line high. `docx` writes snapToGrid only on runs, where it
 * concerns the character grid. In schema order w:snapToGrid comes right before w:spacing.
 */
export function withoutGridSnap(styles: string, styleIds: readonly string[]): string {
  let out = styles;
  for (const id of styleIds) {
    out = out.replace(
      new RegExp(
        `(<w:style [^>]*w:styleId="${id}"[^>]*>(?:(?!</w:style>)[\\s\\S])*?<w:pPr>)([\\s\\S]*?)(</w:pPr>)`,
      ),
      (whole, open: string, body: string, close: string) => {
        if (body.includes("<w:snapToGrid")) return whole;
        const at = body.search(
          /<w:(?:spacing|ind|contextualSpacing|mirrorIndents|suppressOverlap|jc|textDirection|textAlignment|textboxTightWrap|outlineLvl|divId|cnfStyle|rPr|sectPr|pPrChange)\b/,
        );
        const snap = `<w:snapToGrid w:val="0"/>`;
        return at < 0
          ? `${open}${body}${snap}${close}`
          : `${open}${body.slice(0, at)}${snap}${body.slice(at)}${close}`;
      },
    );
  }
  return out;
}

export interface PackageOptions {
  fonts: readonly string[];
  company: string;
  offGridStyles?: readonly string[];
}

export async function finishDocxPackage(
  docx: Buffer,
  { fonts, company, offGridStyles = [] }: PackageOptions,
): Promise<Buffer> {
  const zip = await JSZip.loadAsync(docx);
  const styles = zip.file("word/styles.xml");
  if (styles)
    zip.file(
      "word/styles.xml",
      withoutGridSnap(withWidowControl(await styles.async("string")), offGridStyles),
    );
  // The `docx` package writes an empty word/fontTable.xml, already related and typed: only its content changes.
  zip.file("word/fontTable.xml", fontTableXml(fonts));
  zip.remove("word/_rels/fontTable.xml.rels");
  zip.file("docProps/app.xml", appXml(company));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
