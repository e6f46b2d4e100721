// A small round-robin HTTP reverse proxy for loopback tests of several app instances (what nginx or a
// cloud load balancer does in production, see docs/deploy.md). HTTP only, loopback only, bounded:
// request bodies over `maxBodyBytes` are refused with 413, upstream answers time out, connections are
// capped. Headers pass through (cookies included) with X-Real-IP and X-Forwarded-For/-Proto/-Host set; hop-by-hop
// headers are dropped. An instance that refuses connections is skipped for `downMs`.
//
//   node scripts/system/round-robin-proxy.mjs --port 3109 --target 127.0.0.1:3101 --target 127.0.0.1:3102
import http from "node:http";
import { pathToFileURL } from "node:url";

const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "proxy-authenticate",
  "proxy-authorization",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
]);
const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|localhost)$/;

/** "127.0.0.1:3101" or "http://127.0.0.1:3101" → { host, port }, refusing anything but loopback. */
function parseTarget(target) {
  const url = new URL(/^https?:\/\//.test(target) ? target : `http://${target}`);
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (url.protocol !== "http:" || !LOOPBACK.test(host))
    throw new Error(`只代理本机的 http 地址：${target}`);
  return { host, port: Number(url.port || 80), label: `${host}:${url.port || 80}` };
}

function withoutHopByHop(headers) {
  const out = {};
  const listed = new Set(
    String(headers.connection ?? "")
      .toLowerCase()
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  );
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HOP_BY_HOP.has(name) || listed.has(name)) continue;
    out[name] = value;
  }
  return out;
}

function sendJson(res, status, error) {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = JSON.stringify({ error });
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(body),
    connection: "close",
  });
  res.end(body);
}

/**
 * @param {{ targets: string[], port?: number, host?: string, maxBodyBytes?: number, timeoutMs?: number,
 *           maxConnections?: number, downMs?: number }} options
 * @returns {Promise<{ url: string, port: number, counts: () => Record<string, number>, close: () => Promise<void> }>}
 */
export async function startRoundRobinProxy({
  targets,
  port = 0,
  host = "127.0.0.1",
  maxBodyBytes = 12 * 1024 * 1024,
  timeoutMs = 60_000,
  maxConnections = 512,
  downMs = 2000,
}) {
  if (!LOOPBACK.test(host)) throw new Error(`代理只监听本机地址：${host}`);
  const upstreams = targets.map(parseTarget).map((t) => ({ ...t, downUntil: 0, count: 0 }));
  if (!upstreams.length) throw new Error("至少需要一个上游应用实例。");
  const agent = new http.Agent({ keepAlive: true, maxSockets: 128 });
  let next = 0;

  /** The next instance in turn, skipping those that recently refused connections (all down: try anyway). */
  function pick() {
    const now = Date.now();
    for (let i = 0; i < upstreams.length; i++) {
      const candidate = upstreams[next++ % upstreams.length];
      if (candidate.downUntil <= now) return candidate;
    }
    return upstreams[next++ % upstreams.length];
  }

  const server = http.createServer((req, res) => {
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > maxBodyBytes) {
      req.resume();
      sendJson(res, 413, `请求内容过大（代理上限 ${Math.round(maxBodyBytes / 1024 / 1024)} MB）。`);
      return;
    }
    const upstream = pick();
    upstream.count++;
    const headers = withoutHopByHop(req.headers);
    const peer = req.socket.remoteAddress ?? "";
    headers["x-forwarded-for"] = req.headers["x-forwarded-for"]
      ? `${req.headers["x-forwarded-for"]}, ${peer}`
      : peer;
    headers["x-real-ip"] = peer; // as nginx's `proxy_set_header X-Real-IP $remote_addr` (audit log, sign-in throttling)
    headers["x-forwarded-proto"] = "http";
    if (req.headers.host) headers["x-forwarded-host"] = req.headers.host;

    let refused = false; // answered by the proxy itself (413) or the client left: what the upstream does next no longer matters
    const forward = http.request({
      host: upstream.host,
      port: upstream.port,
      method: req.method,
      path: req.url,
      headers,
      agent,
    });
    forward.setTimeout(timeoutMs, () =>
      forward.destroy(Object.assign(new Error("upstream timeout"), { code: "ETIMEDOUT" })),
    );
    forward.on("response", (answer) => {
      res.writeHead(
        answer.statusCode ?? 502,
        answer.statusMessage,
        withoutHopByHop(answer.headers),
      );
      answer.pipe(res);
      answer.on("error", () => res.destroy());
    });
    forward.on("error", (error) => {
      if (refused) return;
      if (error.code === "ECONNREFUSED" || error.code === "ECONNRESET")
        upstream.downUntil = Date.now() + downMs;
      sendJson(res, error.code === "ETIMEDOUT" ? 504 : 502, "应用实例暂时无法访问，请稍后重试。");
    });
    res.on("close", () => {
      if (res.writableFinished) return;
      refused = true; // the client went away: drop the upstream request, and do not blame the instance
      forward.destroy();
    });

    let received = 0;
    req.on("data", (chunk) => {
      received += chunk.length;
      if (received > maxBodyBytes && !refused) {
        refused = true;
        req.unpipe(forward);
        forward.destroy();
        sendJson(
          res,
          413,
          `请求内容过大（代理上限 ${Math.round(maxBodyBytes / 1024 / 1024)} MB）。`,
        );
      }
    });
    req.pipe(forward);
  });
  server.maxConnections = maxConnections;
  server.requestTimeout = timeoutMs;
  server.headersTimeout = Math.min(timeoutMs, 30_000);

  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve(undefined));
  });
  const address = server.address();
  const boundPort = typeof address === "object" && address ? address.port : port;
  return {
    url: `http://${host}:${boundPort}`,
    port: boundPort,
    counts: () => Object.fromEntries(upstreams.map((u) => [u.label, u.count])),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve(undefined));
        server.closeAllConnections();
        agent.destroy();
      }),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const args = process.argv.slice(2);
  const targets = [];
  let port = 3109;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--port") port = Number(args[++i]);
    else if (args[i] === "--target") targets.push(args[++i]);
  }
  const proxy = await startRoundRobinProxy({ port, targets });
  console.log(`[proxy] ${proxy.url} → ${targets.join("、")}`);
  const stop = () => proxy.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
