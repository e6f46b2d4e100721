import { PayloadTooLargeError, UnsupportedMediaTypeError, ValidationError } from "@/lib/errors";

export type BodyKind = "json" | "multipart";

/** “64 KB”, “1 MB”, “10 MB”: the cap as the refusal states it. */
export function sizeLabel(bytes: number): string {
  return bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0
    ? `${bytes / (1024 * 1024)} MB`
    : `${Math.round(bytes / 1024)} KB`;
}

const tooLarge = (maxBytes: number) =>
  new PayloadTooLargeError(`请求内容过大（上限 ${sizeLabel(maxBytes)}）。`);

/** Refuses a body that is not of the kind the route reads (415), before anything of it is read. */
export function assertContentType(request: Request, kind: BodyKind): void {
  const type = (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (
    kind === "json" &&
    !(type === "application/json" || /^application\/[\w.+-]+\+json$/.test(type))
  ) {
    throw new UnsupportedMediaTypeError("请求内容应为 JSON（Content-Type: application/json）。");
  }
  if (kind === "multipart" && type !== "multipart/form-data") {
    throw new UnsupportedMediaTypeError(
      "请求内容应为上传的表单（Content-Type: multipart/form-data）。",
    );
  }
}

/**
 * The body's bytes, counted as they arrive: a declared Content-Length over the cap is refused at once,
 * and a body without one (chunked) is cut off as soon as it passes the cap — never held in memory whole.
 */
export async function readCappedBody(request: Request, maxBytes: number): Promise<Buffer> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await discardRest(reader, received);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, received);
}

/** Past this, an oversized body is not even read to its end: the connection is dropped instead. */
const DISCARD_LIMIT = 64 * 1024 * 1024;

/**
 * The rest of an oversized body, read and dropped (nothing is kept), so that the 413 goes back on a
 * connection the client can reuse: cancelling the stream would destroy the socket under Next, and the
 * client's next request on it would fail. Only an absurd body is cut off.
 */
async function discardRest(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  received: number,
): Promise<void> {
  for (let total = received; total <= DISCARD_LIMIT;) {
    const { done, value } = await reader.read();
    if (done) return;
    total += value.byteLength;
  }
  await reader.cancel().catch(() => {});
}

/** The body as the route reads it: a JSON value, or the fields of a multipart form (files as File). */
export async function readBody(
  request: Request,
  kind: BodyKind,
  maxBytes: number,
): Promise<unknown> {
  assertContentType(request, kind);
  const bytes = await readCappedBody(request, maxBytes);
  if (kind === "json") {
    try {
      return JSON.parse(bytes.toString("utf8"));
    } catch {
      throw new ValidationError("请求内容不是有效的 JSON。");
    }
  }
  let form: FormData;
  try {
    form = await new Response(bytes as BodyInit, {
      headers: { "content-type": request.headers.get("content-type")! },
    }).formData();
  } catch {
    throw new ValidationError("请求格式无效，请重新选择文件。");
  }
  const fields: Record<string, FormDataEntryValue> = {};
  for (const [name, value] of form) if (!(name in fields)) fields[name] = value;
  return fields;
}
