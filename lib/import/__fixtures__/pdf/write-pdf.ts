import { deflateSync } from "node:zlib";

/**
 * A minimal PDF writer for test files made by hand (no PDF library involved): numbered objects,
 * a cross-reference table and a trailer. Hostile files are written with it on purpose.
 */
export interface PdfObject {
  /** The object's dictionary or value, e.g. `<< /Type /Catalog /Pages 2 0 R >>`. */
  body: string;
  /** Stream data; `/Length` is added to the dictionary. */
  stream?: Uint8Array;
}

export function writePdf(
  objects: PdfObject[],
  { trailer = "", root = 1 }: { trailer?: string; root?: number } = {},
): Uint8Array {
  const parts: Uint8Array[] = [];
  const enc = new TextEncoder();
  let offset = 0;
  const push = (b: Uint8Array | string) => {
    const bytes = typeof b === "string" ? enc.encode(b) : b;
    parts.push(bytes);
    offset += bytes.length;
  };
  push("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n");
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(offset);
    if (o.stream) {
      const dict = o.body.replace(/>>\s*$/, ` /Length ${o.stream.length} >>`);
      push(`${i + 1} 0 obj\n${dict}\nstream\n`);
      push(o.stream);
      push("\nendstream\nendobj\n");
    } else {
      push(`${i + 1} 0 obj\n${o.body}\nendobj\n`);
    }
  });
  const xref = offset;
  push(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`);
  for (const o of offsets) push(`${String(o).padStart(10, "0")} 00000 n \n`);
  push(
    `trailer\n<< /Size ${objects.length + 1} /Root ${root} 0 R ${trailer}>>\nstartxref\n${xref}\n%%EOF\n`,
  );
  const out = new Uint8Array(offset);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A one-page document whose page draws `content` with the given resources. */
export function onePage(content: string, resources = "<< >>", extra: PdfObject[] = []): Uint8Array {
  return writePdf([
    { body: "<< /Type /Catalog /Pages 2 0 R >>" },
    { body: "<< /Type /Pages /Kids [3 0 R] /Count 1 >>" },
    {
      body: `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources ${resources} >>`,
    },
    { body: "<< >>", stream: new TextEncoder().encode(content) },
    ...extra,
  ]);
}

/** An image-only page: a grey image (width × height, 8-bit DeviceGray) filling the page — what a scanner gives. */
export function imagePdf(gray: Uint8Array, width: number, height: number): Uint8Array {
  return onePage("q 595 0 0 842 0 0 cm /Im1 Do Q", "<< /XObject << /Im1 5 0 R >> >>", [
    {
      body: `<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode >>`,
      stream: deflateSync(gray),
    },
  ]);
}

/** A binary PGM (P5) as produced by `pdftoppm -gray`: its size and pixels. */
export function readPgm(bytes: Uint8Array): { width: number; height: number; pixels: Uint8Array } {
  const header = new TextDecoder("latin1").decode(bytes.subarray(0, 64));
  const m = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(header);
  if (!m) throw new Error("not a binary PGM");
  const start = m[0].length;
  const width = Number(m[1]);
  const height = Number(m[2]);
  return { width, height, pixels: bytes.subarray(start, start + width * height) };
}
