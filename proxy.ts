import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce } from "@/lib/security/content-security-policy";

const LAYER = Symbol.for("nianbao.client-address-layer");

/**
 * Every request except Next's static files gets a Content-Security-Policy with a fresh nonce. The policy
 * also goes on the request, where Next's renderer reads the nonce to stamp its own scripts. The headers
 * that need no nonce (frame, sniffing, referrer, HSTS) are in next.config.mjs, set once for every path.
 *
 * The client's address: scripts/server/serve.mjs decides it from the socket and rewrites X-Real-IP and
 * X-Forwarded-For before Next runs. Under any other server (plain `next start`, `next dev`) those headers
 * are whatever the client wrote, so they are dropped here and the address is unknown.
 */
export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const https = (request.headers.get("x-forwarded-proto") ?? "").split(",")[0].trim() === "https";
  const policy = contentSecurityPolicy(nonce, {
    https,
    dev: process.env.NODE_ENV === "development",
  });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  if (!(globalThis as Record<symbol, unknown>)[LAYER]) {
    headers.delete("x-real-ip");
    headers.delete("x-forwarded-for");
    headers.delete("forwarded");
  }
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
