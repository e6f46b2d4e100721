import { ReportEventHub } from "./hub";
import { ChannelListener } from "./listener";
import { parseChannelMessage, REPORT_EVENTS_CHANNEL } from "./report-events";

export interface Realtime {
  hub: ReportEventHub;
  listener: ChannelListener;
}

/** How often presence entries whose heartbeat stopped are swept out. */
const SWEEP_MS = 5_000;

// One listener and one hub per server process. On globalThis, because Next bundles each route on its
// own: a module-level value would be one per route, the events stream and the presence route each
// with a hub of their own.
const globalForRealtime = globalThis as unknown as { nianbaoRealtime?: Realtime };

/**
 * The listener connects to `DATABASE_LISTEN_URL` when set: behind PgBouncer in transaction mode the
 * pooled `DATABASE_URL` cannot hold a LISTEN, so the listener needs a direct connection to PostgreSQL.
 */
export function listenConnectionString(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.DATABASE_LISTEN_URL || env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL 未设置：请用 npm start 启动，或设置 DATABASE_URL。");
  return url;
}

function createRealtime(): Realtime {
  const hub = new ReportEventHub();
  const listener = new ChannelListener({
    connectionString: listenConnectionString(),
    channel: REPORT_EVENTS_CHANNEL,
    onMessage: (payload) => {
      const message = parseChannelMessage(payload);
      if (message) hub.deliver(message);
    },
    onDown: (error) => {
      console.error("实时通知连接中断，正在重连：", error instanceof Error ? error.message : error);
      hub.closeAll();
    },
  });
  setInterval(() => hub.sweep(), SWEEP_MS).unref();
  return { hub, listener };
}

/** This process's hub and listener, created (and listening) on first use. */
export function realtime(): Realtime {
  globalForRealtime.nianbaoRealtime ??= createRealtime();
  globalForRealtime.nianbaoRealtime.listener.start();
  return globalForRealtime.nianbaoRealtime;
}
