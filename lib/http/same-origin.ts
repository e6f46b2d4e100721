import { ForbiddenError } from "@/lib/errors";

/** Methods that change something: only these must come from our own pages. */
export const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Route handlers get no cross-site check from Next (server actions do): a state-changing request must
 * come from our own origin. Browsers send `Sec-Fetch-Site` on every request and `Origin` on every
 * cross-site POST/PUT/DELETE; a request with neither is not from a browser page (CLI, tests, curl) and is
 * still guarded by the SameSite session cookie.
 */
export function assertSameOrigin(request: Request): void {
  if (request.headers.get("sec-fetch-site") === "cross-site")
    throw new ForbiddenError("拒绝跨站请求。");
  const origin = request.headers.get("origin");
  if (!origin) return;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new ForbiddenError("请求来源无效。");
  }
  if (originHost !== host) throw new ForbiddenError("拒绝跨站请求。");
}
