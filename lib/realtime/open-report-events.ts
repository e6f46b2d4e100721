import type { AuthContext } from "@/lib/auth/context";
import { db } from "@/lib/db/client";
import { ServiceUnavailableError } from "@/lib/errors";
import { openEventStream } from "./event-stream";
import { realtime } from "./instance";
import { publishPresence } from "./publish";
import { readReportPulse } from "./report-pulse";

/** How long a request waits for this instance's listener before the browser is told to poll. */
const LISTENER_WAIT_MS = 3_000;

/**
 * The report's events as a Server-Sent Events response: colleagues' saves (ids and versions) and who
 * has the report open. Refused (503) while this instance cannot hear the channel, so the browser polls
 * instead of waiting on a stream that would stay silent.
 */
export async function openReportEvents(
  ctx: AuthContext,
  reportId: string,
  clientId: string,
  signal: AbortSignal,
): Promise<Response> {
  const pulse = await readReportPulse(ctx, reportId);
  const { hub, listener } = realtime();
  if (!(await listener.ready(LISTENER_WAIT_MS)))
    throw new ServiceUnavailableError("实时连接暂不可用，页面将定时刷新。");
  const stream = openEventStream({
    hub,
    reportId,
    version: pulse.version,
    userId: ctx.user.userId,
    signal,
    // The tab left (or the stream ended): the others stop seeing it at once, not when it expires.
    onClose: () => void publishPresence(db(), { kind: "gone", reportId, clientId }).catch(() => {}),
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "private, no-store, no-transform",
      connection: "keep-alive",
      // nginx and similar proxies otherwise buffer the stream.
      "x-accel-buffering": "no",
    },
  });
}
