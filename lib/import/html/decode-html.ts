/**
 * The text of a saved web page. Portals of county and township governments still serve GB2312/GBK
 * pages (TRS, Hanweb and older CMSs), declared in a `<meta charset>` or `http-equiv` Content-Type;
 * pages saved from a browser or exported by Word carry the declaration too. Order of evidence:
 * a byte-order mark; the charset the page declares; UTF-8 if the bytes are UTF-8 (a few broken
 * sequences allowed); else GB18030 (the superset of GB2312 and GBK that Chinese office PCs save).
 *
 * One exception to "declared wins": a page declared GB2312/GBK whose bytes are valid UTF-8 and not
 * plain ASCII. CMS migrations re-encode pages to UTF-8 and keep the old meta; GBK-encoded Chinese
 * text is practically never valid UTF-8, so the bytes are the stronger evidence there.
 */
export function decodeHtml(bytes: Uint8Array): string {
  const bom = byBom(bytes);
  if (bom) return new TextDecoder(bom).decode(bytes);
  const declared = declaredCharset(bytes);
  if (declared && declared !== "utf-8") {
    if (!(GB_FAMILY.has(declared) && isMultibyteUtf8(bytes)))
      return new TextDecoder(declared).decode(bytes);
  }
  const asUtf8 = new TextDecoder("utf-8").decode(bytes);
  return mostlyValid(asUtf8) ? asUtf8 : new TextDecoder("gb18030").decode(bytes);
}

/**
 * UTF-8 with at most a few broken sequences (a page cut off mid-character, one pasted byte) is still
 * UTF-8; GBK text read as UTF-8 breaks on nearly every Chinese character.
 */
function mostlyValid(decoded: string): boolean {
  let broken = 0;
  let nonAscii = 0;
  for (let i = 0; i < decoded.length; i++) {
    const code = decoded.charCodeAt(i);
    if (code === 0xfffd) broken++;
    else if (code >= 0x80) nonAscii++;
  }
  return broken <= Math.max(MAX_BROKEN, nonAscii / 100);
}

const MAX_BROKEN = 3;

/** How far into the file the declaration is looked for (the HTML spec's prescan reads 1024 bytes; Word puts long styles first). */
const PRESCAN_BYTES = 4096;
const GB_FAMILY = new Set(["gb18030", "gbk"]);

function byBom(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return null;
}

/**
 * The encoding a page declares in its first bytes — `<meta charset=…>`, `<meta http-equiv="Content-Type"
 * content="text/html; charset=…">` or an XML declaration — as the WHATWG name TextDecoder knows
 * (gb2312 and gbk are both "gbk", decoded as GB18030); null when none is declared or the label is unknown.
 * A page cannot declare UTF-16 in ASCII bytes, so such a declaration means UTF-8, as the spec says.
 */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, PRESCAN_BYTES));
  for (const pattern of DECLARATIONS) {
    const label = pattern.exec(head)?.[1];
    if (!label) continue;
    const name = encodingName(label);
    if (name) return name.startsWith("utf-16") ? "utf-8" : name;
  }
  return null;
}

const DECLARATIONS = [
  /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i,
  /<\?xml\b[^>]*?\bencoding\s*=\s*["']([\w.:-]+)/i,
];

function encodingName(label: string): string | null {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return null;
  }
}

function isMultibyteUtf8(bytes: Uint8Array): boolean {
  if (!bytes.some((b) => b >= 0x80)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
