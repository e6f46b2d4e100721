/**
 * The caller's address for the audit log and sign-in throttling. `X-Real-IP` when a proxy sets it;
 * otherwise the last `X-Forwarded-For` hop — the one our own proxy (or Next's server, from the socket)
 * appended, rather than the first, which the client may have written itself.
 */
export function clientIp(headers: Pick<Headers, "get">): string | null {
  const real = headers.get("x-real-ip")?.trim();
  if (real) return real.slice(0, 64);
  const hops = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);
  return hops.length ? hops[hops.length - 1].slice(0, 64) : null;
}
