import { crc32, createDeflateRaw } from "node:zlib";

const HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>';
const PARAGRAPH = "<w:p><w:r><w:t>依申请公开政府信息情况</w:t></w:r></w:p>";
const TAIL = "</w:body></w:document>";
const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';

/**
 * A DOCX whose word/document.xml is well-formed WordprocessingML that inflates to at least
 * `inflatedBytes` — a few hundred KB on the wire (a “zip bomb”). Written here rather than with JSZip,
 * whose JavaScript deflate would take half a minute over 256 MB; Node's zlib does it in about a second.
 */
export async function inflatingDocx(inflatedBytes: number): Promise<Uint8Array> {
  const paragraph = Buffer.from(PARAGRAPH);
  const block = Buffer.concat(
    Array.from({ length: Math.ceil((1024 * 1024) / paragraph.length) }, () => paragraph),
  );
  const parts = [Buffer.from(HEAD)];
  let size = parts[0].length;
  while (size < inflatedBytes) {
    parts.push(block);
    size += block.length;
  }
  parts.push(Buffer.from(TAIL));
  const document = await deflate(parts);
  return zip([
    { name: "[Content_Types].xml", data: Buffer.from(CONTENT_TYPES), stored: true },
    {
      name: "word/document.xml",
      data: document.compressed,
      stored: false,
      size: document.size,
      crc: document.crc,
    },
  ]);
}

async function deflate(
  parts: Buffer[],
): Promise<{ compressed: Buffer; size: number; crc: number }> {
  const stream = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => out.push(chunk));
  const ended = new Promise((resolve, reject) => stream.on("end", resolve).on("error", reject));
  let size = 0;
  let crc = 0;
  for (const part of parts) {
    size += part.length;
    crc = crc32(part, crc);
    if (!stream.write(part)) await new Promise((resolve) => stream.once("drain", resolve));
  }
  stream.end();
  await ended;
  return { compressed: Buffer.concat(out), size, crc };
}

interface Entry {
  name: string;
  data: Buffer;
  stored: boolean;
  size?: number;
  crc?: number;
}

/** A plain ZIP (no ZIP64): local headers and data, the central directory, its end record. */
function zip(entries: Entry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const method = entry.stored ? 0 : 8;
    const size = entry.size ?? entry.data.length;
    const crc = entry.crc ?? crc32(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.data);
    centrals.push(central, name);
    offset += local.length + name.length + entry.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}
