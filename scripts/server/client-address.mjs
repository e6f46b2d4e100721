// Who is calling: the socket's peer, unless that peer is one of our own reverse proxies
// (TRUSTED_PROXIES, loopback by default), in which case the address the proxy reports. Next.js does not
// expose the socket to routes and server actions, and it keeps an X-Forwarded-For the client sent, so
// the server layer (serve.mjs) decides here, before Next sees the request, and rewrites the headers:
// afterwards X-Real-IP and X-Forwarded-For hold exactly one address, the one decided here, and the
// X-Forwarded-Proto/Host/Port of an untrusted peer are gone (they would pick HSTS, Secure cookies and
// the origin check). Plain JavaScript: the server layer runs before any TypeScript loader.
import net from "node:net";

const MAPPED_DOTTED = /^::ffff:(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})$/i;
const MAPPED_HEX = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i;

/**
 * An address as one string per host: IPv4-mapped IPv6 (`::ffff:127.0.0.1`) becomes the IPv4 address,
 * IPv6 is lower case, `[v6]` and `v4:port` lose their decoration. Anything that is not an IP (names,
 * `unknown`, garbage) is null.
 */
export function normaliseAddress(raw) {
  if (typeof raw !== "string") return null;
  let value = raw.trim();
  if (value.length > 64) return null;
  if (value.startsWith("[")) {
    const end = value.indexOf("]");
    if (end < 0) return null;
    value = value.slice(1, end);
  } else if (/^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}:\d{1,5}$/.test(value)) {
    value = value.slice(0, value.lastIndexOf(":"));
  }
  const family = net.isIP(value);
  if (family === 4) return value;
  if (family !== 6) return null;
  const dotted = MAPPED_DOTTED.exec(value);
  if (dotted && net.isIPv4(dotted[1])) return dotted[1];
  const hex = MAPPED_HEX.exec(value);
  if (hex) {
    const high = Number.parseInt(hex[1], 16);
    const low = Number.parseInt(hex[2], 16);
    return [high >> 8, high & 255, low >> 8, low & 255].join(".");
  }
  return value.toLowerCase();
}

/**
 * TRUSTED_PROXIES: comma-separated addresses and CIDR ranges (`10.0.1.0/24`, `fd00::/8`), `loopback`
 * (127.0.0.0/8 and ::1, the default when unset or empty) or `none`. A bad entry stops the server:
 * a typo here would otherwise silently trust, or distrust, every request.
 */
export function trustedProxies(spec = process.env.TRUSTED_PROXIES) {
  const list = new net.BlockList();
  const items = (spec ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (const item of items.length ? items : ["loopback"]) {
    if (item === "none") continue;
    if (item === "loopback") {
      list.addSubnet("127.0.0.0", 8, "ipv4");
      list.addAddress("::1", "ipv6");
      continue;
    }
    const [address, bits, extra] = item.split("/");
    const normal = normaliseAddress(address);
    const family = normal && net.isIPv4(normal) ? "ipv4" : "ipv6";
    const prefix = bits === undefined ? null : Number(bits);
    const maxBits = family === "ipv4" ? 32 : 128;
    if (
      !normal ||
      extra !== undefined ||
      (prefix !== null && !(Number.isInteger(prefix) && prefix >= 0 && prefix <= maxBits))
    ) {
      throw new Error(
        `TRUSTED_PROXIES 中有无效的地址或网段：“${item}”（示例：127.0.0.1,10.0.1.0/24,loopback）`,
      );
    }
    if (prefix === null) list.addAddress(normal, family);
    else list.addSubnet(normal, prefix, family);
  }
  return {
    /** Whether a normalised address is one of ours. */
    has: (address) =>
      Boolean(address) && list.check(address, net.isIPv4(address) ? "ipv4" : "ipv6"),
  };
}

const first = (value) => (Array.isArray(value) ? value[0] : value);

/**
 * The client's address for a request that reached us from `peer`. From an untrusted peer that is the
 * peer, whatever the headers say. From a trusted one: its X-Real-IP if that is an IP; else
 * X-Forwarded-For read from the right, skipping our own proxies, the first hop that is not ours (what
 * lies left of it was written by the client and proves nothing); else the peer itself.
 */
export function resolveClientAddress(peer, headers, trusted) {
  const socket = normaliseAddress(peer);
  if (!socket || !trusted.has(socket)) return { address: socket, trustedPeer: false };
  const real = normaliseAddress(first(headers["x-real-ip"]));
  if (real) return { address: real, trustedPeer: true };
  const hops = String(first(headers["x-forwarded-for"]) ?? "")
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);
  let nearest = socket;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normaliseAddress(hops[i]);
    if (!hop) break;
    if (!trusted.has(hop)) return { address: hop, trustedPeer: true };
    nearest = hop;
  }
  return { address: nearest, trustedPeer: true };
}

const FROM_PROXIES_ONLY = [
  "x-forwarded-proto",
  "x-forwarded-host",
  "x-forwarded-port",
  "forwarded",
];

/** Rewrite an incoming Node request's headers so that what the app reads is what was decided here. */
export function applyClientAddress(req, trusted) {
  const { address, trustedPeer } = resolveClientAddress(
    req.socket?.remoteAddress,
    req.headers,
    trusted,
  );
  if (!trustedPeer) for (const name of FROM_PROXIES_ONLY) delete req.headers[name];
  delete req.headers["x-real-ip"];
  delete req.headers["x-forwarded-for"];
  if (address) {
    req.headers["x-real-ip"] = address;
    req.headers["x-forwarded-for"] = address;
  }
  return address;
}
