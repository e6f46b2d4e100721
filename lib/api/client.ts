/**
 * The browser's side of the HTTP edge: one request function that turns every answer into either the
 * use case's result or the server's Chinese refusal, so no component reads a Response by hand.
 */

/** What a refused request tells the person: the server's Chinese message and what the case carries. */
export interface ApiRefusal {
  ok: false;
  /** 0 when the request never reached the server. */
  status: number;
  error: string;
  /** The refusal's extra fields (the findings of a refused submit, the current report of a 409…). */
  details: Record<string, unknown>;
}

export type ApiResult<T> = { ok: true; data: T } | ApiRefusal;

export type Body = FormData | Record<string, unknown> | undefined;

const SIGNED_OUT = "登录已过期，请重新登录后再试。";
const OFFLINE = "网络连接失败，请检查网络后重试。";

/** A JSON answer from one of our routes. */
export async function requestJson<T>(
  method: "GET" | "POST" | "PUT" | "DELETE",
  url: string,
  body?: Body,
  init?: Pick<RequestInit, "signal" | "keepalive">,
): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, { method, cache: "no-store", ...init, ...encode(body) });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    return { ok: false, status: 0, error: OFFLINE, details: {} };
  }
  const data = (await response.json().catch(() => null)) as unknown;
  if (response.ok) return { ok: true, data: data as T };
  return refusal(response.status, data);
}

/** A file from one of our routes (an export), with the name the server gave it. */
export async function requestFile(
  url: string,
): Promise<{ ok: true; blob: Blob; fileName: string | null } | ApiRefusal> {
  let response: Response;
  try {
    response = await fetch(url, { cache: "no-store" });
  } catch {
    return { ok: false, status: 0, error: OFFLINE, details: {} };
  }
  if (!response.ok) {
    const data = (await response.json().catch(() => null)) as unknown;
    return refusal(response.status, data);
  }
  return {
    ok: true,
    blob: await response.blob(),
    fileName: fileNameOf(response.headers.get("content-disposition")),
  };
}

const INTERRUPTED = "下载中断，请检查网络后重试。";

/**
 * A file a route makes while sending it (the batch ZIP), asked for with a JSON body: each chunk is
 * handed to `onChunk` as it arrives, so the page can show how far it has got.
 */
export async function requestStreamedFile(
  url: string,
  body: Record<string, unknown>,
  onChunk: (chunk: Uint8Array) => void,
): Promise<{ ok: true; blob: Blob; fileName: string | null } | ApiRefusal> {
  let response: Response;
  try {
    response = await fetch(url, { method: "POST", cache: "no-store", ...encode(body) });
  } catch {
    return { ok: false, status: 0, error: OFFLINE, details: {} };
  }
  if (!response.ok || !response.body) {
    const data = (await response.json().catch(() => null)) as unknown;
    return refusal(response.status, data);
  }
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  try {
    const reader = response.body.getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      chunks.push(read.value);
      onChunk(read.value);
    }
  } catch {
    return { ok: false, status: 0, error: INTERRUPTED, details: {} };
  }
  return {
    ok: true,
    blob: new Blob(chunks, { type: response.headers.get("content-type") ?? undefined }),
    fileName: fileNameOf(response.headers.get("content-disposition")),
  };
}

function encode(body: Body): Pick<RequestInit, "body" | "headers"> {
  if (body === undefined) return {};
  if (typeof FormData !== "undefined" && body instanceof FormData) return { body };
  return { body: JSON.stringify(body), headers: { "content-type": "application/json" } };
}

function refusal(status: number, data: unknown): ApiRefusal {
  const { error, ...details } =
    data && typeof data === "object" ? (data as Record<string, unknown>) : {};
  if (status === 401) return { ok: false, status, error: SIGNED_OUT, details };
  return {
    ok: false,
    status,
    error: typeof error === "string" && error ? error : `操作失败（服务器返回 ${status}）。`,
    details,
  };
}

/** `attachment; filename*=UTF-8''…` (what our routes send), else the plain `filename="…"`. */
export function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const encoded = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded.trim());
    } catch {
      // fall through to the plain name
    }
  }
  return /filename\s*=\s*"([^"]*)"/i.exec(disposition)?.[1] ?? null;
}
