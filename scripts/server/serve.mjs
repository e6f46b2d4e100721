// node scripts/server/serve.mjs [-p PORT] [-H HOST] — the production server, in place of `next start`:
// the same Next.js build behind one small layer that decides who the client is from the socket
// (client-address.mjs), because Next.js gives routes and server actions no way to see the socket and
// believes an X-Forwarded-For that the client wrote itself. `npm start` runs it; so should a deployment.
import { createServer } from "node:http";
import { applyClientAddress, trustedProxies } from "./client-address.mjs";
import { assertSessionSecret } from "./session-secret.mjs";
import { ROOT } from "../db/settings.mjs";

process.env.NODE_ENV ??= "production";
const say = (line) => console.log(`[年报] ${line}`);

function option(flags, fallback) {
  const args = process.argv.slice(2);
  const at = args.findIndex((a) => flags.includes(a));
  return at >= 0 && args[at + 1] ? args[at + 1] : fallback;
}

const port = Number(option(["-p", "--port"], process.env.PORT ?? 3000));
const hostname = option(["-H", "--hostname"], undefined);

let trusted;
try {
  assertSessionSecret(process.env);
  trusted = trustedProxies();
} catch (error) {
  console.error(`[年报] 无法启动：${error.message}`);
  process.exit(1);
}

// The app's proxy.ts believes X-Real-IP / X-Forwarded-For / X-Forwarded-Proto only when this layer
// has rewritten them; under any other server it drops them (the client's word proves nothing).
globalThis[Symbol.for("nianbao.client-address-layer")] = true;

const { default: next } = await import("next");
const server = createServer();
const app = next({
  dev: false,
  dir: ROOT,
  hostname: hostname ?? "localhost",
  port,
  httpServer: server,
});
const handle = app.getRequestHandler();
await app.prepare();
server.on("request", (req, res) => {
  applyClientAddress(req, trusted);
  handle(req, res);
});

let closing = false;
async function stop() {
  if (closing) return;
  closing = true;
  server.close();
  server.closeIdleConnections?.();
  // Requests in flight get a few seconds to finish, then the process goes.
  setTimeout(() => process.exit(0), 5000).unref();
  await app.close?.();
  process.exit(0);
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);

server.listen(port, hostname, () => {
  if (process.env.NIANBAO_QUIET !== "1") say(`应用服务已在端口 ${port} 上监听。`);
});
