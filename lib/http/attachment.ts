/** A file download: the name in UTF-8 (RFC 5987) with an ASCII fallback, never cached, never sniffed. */
export function attachment(
  body: Uint8Array | string | ReadableStream<Uint8Array>,
  mime: string,
  fileName: string,
): Response {
  const extension = fileName.includes(".") ? fileName.slice(fileName.lastIndexOf(".")) : "";
  return new Response(body as BodyInit, {
    headers: {
      "content-type": mime,
      "content-disposition": `attachment; filename="download${extension}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
