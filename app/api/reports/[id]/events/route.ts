import { ServiceUnavailableError } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { reportParams } from "@/lib/http/schemas";
import { openEventStream } from "@/lib/realtime/event-stream";
import { realtime } from "@/lib/realtime/instance";
import { EventsQuery } from "@/lib/realtime/presence-input";
import { publishPresence } from "@/lib/realtime/publish";
import { readReportPulse } from "@/lib/realtime/report-pulse";
import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";

/** How long a request waits for this instance's listener before the browser is told to poll. */
const LISTENER_WAIT_MS = 3_000;

/**
 * The report's events as Server-Sent Events: colleagues' saves (ids and versions) and who has the
 * report open. 503 while this instance cannot hear the channel, so the browser polls instead of
 * waiting on a stream that would stay silent.
 */
export const GET = route(
  { params: reportParams, query: EventsQuery },
  async ({ ctx, params, query, request }) => {
    const pulse = await readReportPulse(ctx, params.id);
    const { hub, listener } = realtime();
    if (!(await listener.ready(LISTENER_WAIT_MS)))
      throw new ServiceUnavailableError("实时连接暂不可用，页面将定时刷新。");
    const reportId = params.id;
    const stream = openEventStream({
      hub,
      reportId,
      version: pulse.version,
      userId: ctx.user.userId,
      signal: request.signal,
      // The tab left (or the stream ended): the others stop seeing it at once, not when it expires.
      onClose: () =>
        void publishPresence(db(), { kind: "gone", reportId, clientId: query.client }).catch(
          () => {},
        ),
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
  },
);
