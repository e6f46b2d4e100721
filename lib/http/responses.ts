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
    return NextResponse.json({ error: `请求内容无效${where}：${issue ? issueInChinese(issue) : "格式不正确。"}` }, { status: 400 });
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

const TYPE_NAMES: Record<string, string> = {
  number: "数字", int: "整数", string: "文字", boolean: "true 或 false", object: "对象", array: "数组", null: "null",
};

/** Our schemas' own messages are Chinese already; zod's defaults (English) are said again in Chinese. */
function issueInChinese(issue: ZodError["issues"][number]): string {
  if (/[\u3400-\u9fff]/.test(issue.message)) return issue.message;
  switch (issue.code) {
    case "invalid_type":
      return `应为${TYPE_NAMES[issue.expected] ?? "其他类型"}。`;
    case "too_small":
      return issue.origin === "string" ? `至少 ${issue.minimum} 个字符。` : issue.origin === "array" ? `至少 ${issue.minimum} 项。` : `不能小于 ${issue.minimum}。`;
    case "too_big":
      return issue.origin === "string" ? `最多 ${issue.maximum} 个字符。` : issue.origin === "array" ? `最多 ${issue.maximum} 项。` : `不能大于 ${issue.maximum}。`;
    case "invalid_value":
      return `只能是 ${issue.values.map((v) => (typeof v === "string" ? `"${v}"` : String(v))).join("、")}。`;
    case "unrecognized_keys":
      return `不认识的字段：${issue.keys.join("、")}。`;
    default:
      return "格式不正确。";
  }
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
