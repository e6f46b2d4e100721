import type { ReportEventHub } from "./hub";
import type { ReportEvent } from "./report-events";

export interface EventStreamOptions {
  hub: ReportEventHub;
  reportId: string;
  /** The report's version when the stream opened: the browser compares it with its own. */
  version: number;
  /** The caller, so the page can tell its own saves from its colleagues'. */
  userId: string;
  /** The request's signal: the browser went away. */
  signal?: AbortSignal;
  /** Called once when the stream ends, for whatever reason. */
  onClose?: () => void;
  /** A comment line this often keeps proxies from timing the connection out. */
  heartbeatMs?: number;
  /**
   * The stream ends after this long and the browser reconnects: each reconnection checks the session
   * and the report's access again, so a signed-out or expired session stops hearing within this time.
   */
  maxAgeMs?: number;
  /** How long the browser waits before reconnecting (the SSE `retry` field). */
  retryMs?: number;
}

const encoder = new TextEncoder();

/** The Server-Sent Events text of one event. JSON has no line breaks, so one `data:` line holds it. */
export function sseFrame(
  event: ReportEvent | { kind: "ready"; version: number; userId: string },
): string {
  const name = event.kind === "ready" ? "event: ready\n" : "";
  return `${name}data: ${JSON.stringify(event)}\n\n`;
}

/** A report's events as a Server-Sent Events body, fed by the hub until the browser leaves. */
export function openEventStream(options: EventStreamOptions): ReadableStream<Uint8Array> {
  let cleanup = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      const write = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      const end = () => {
        if (closed) return;
        closed = true;
        cleanup();
        try {
          controller.close();
        } catch {
          // Already cancelled by the reader.
        }
      };
      const unsubscribe = options.hub.subscribe(options.reportId, {
        send: (event) => write(sseFrame(event)),
        close: end,
      });
      const heartbeat = setInterval(() => {
        try {
          write(": ping\n\n");
        } catch {
          end();
        }
      }, options.heartbeatMs ?? 15_000);
      const maxAge = setTimeout(end, options.maxAgeMs ?? 10 * 60_000);
      const onAbort = () => end();
      options.signal?.addEventListener("abort", onAbort);
      cleanup = () => {
        closed = true;
        cleanup = () => {};
        clearInterval(heartbeat);
        clearTimeout(maxAge);
        options.signal?.removeEventListener("abort", onAbort);
        unsubscribe();
        options.onClose?.();
      };
      write(`retry: ${options.retryMs ?? 2_000}\n\n`);
      write(sseFrame({ kind: "ready", version: options.version, userId: options.userId }));
      write(
        sseFrame({
          kind: "presence",
          reportId: options.reportId,
          users: options.hub.presence(options.reportId),
        }),
      );
      if (options.signal?.aborted) end();
    },
    cancel() {
      cleanup();
    },
  });
}
