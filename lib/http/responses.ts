import { NextResponse } from "next/server";
import { ZodError } from "zod";
import { AlreadyExistsError, ForbiddenError, InputError, NotFoundError, TooManyAttemptsError, UnauthenticatedError } from "@/lib/auth/errors";
import { ConflictError, HasErrorsError, InvalidStateError } from "@/lib/reports/errors";

/** A refusal the client can show: `{ error }` in Chinese, plus what the case needs (conflict, findings). */
export function errorResponse(error: unknown): NextResponse {
  if (error instanceof HttpError) return NextResponse.json({ error: error.message }, { status: error.status });
  if (error instanceof ZodError) {
    const issue = error.issues[0];
    const where = issue?.path.length ? `（${issue.path.join(".")}）` : "";
    return NextResponse.json({ error: `请求内容无效${where}：${issue?.message ?? ""}` }, { status: 400 });
  }
  if (error instanceof InputError) return NextResponse.json({ error: error.message }, { status: 400 });
  if (error instanceof UnauthenticatedError) return NextResponse.json({ error: error.message }, { status: 401 });
  if (error instanceof NotFoundError) return NextResponse.json({ error: error.message }, { status: 404 });
  if (error instanceof ForbiddenError) return NextResponse.json({ error: error.message }, { status: 403 });
  if (error instanceof AlreadyExistsError) return NextResponse.json({ error: error.message }, { status: 409 });
  if (error instanceof TooManyAttemptsError) {
    return NextResponse.json({ error: error.message }, { status: 429, headers: { "retry-after": String(error.retryAfterSeconds) } });
  }
  if (error instanceof ConflictError) return NextResponse.json({ error: error.message, current: error.current }, { status: 409 });
  if (error instanceof InvalidStateError) return NextResponse.json({ error: error.message }, { status: 409 });
  if (error instanceof HasErrorsError) return NextResponse.json({ error: error.message, findings: error.findings }, { status: 422 });
  console.error(error);
  return NextResponse.json({ error: "服务器出错，请稍后重试。" }, { status: 500 });
}

export class HttpError extends Error {
  constructor(public readonly status: number, message: string) {
    super(message);
  }
}

/**
 * Route handlers get no cross-site check from Next (server actions do): a state-changing request must
 * come from our own origin. Browsers always send Origin on cross-site POST/PUT/DELETE.
 */
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  if (!origin) return; // non-browser clients (CLI, tests) send none; the SameSite cookie still guards browsers
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new HttpError(403, "请求来源无效。");
  }
  if (originHost !== host) throw new HttpError(403, "拒绝跨站请求。");
}

/** The JSON body, refusing oversized (413) and malformed (400) bodies with a clear message. */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new HttpError(413, `请求内容过大（上限 ${Math.round(maxBytes / 1024)} KB）。`);
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBytes) throw new HttpError(413, `请求内容过大（上限 ${Math.round(maxBytes / 1024)} KB）。`);
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, "请求内容不是有效的 JSON。");
  }
}
