import { route } from "@/lib/http/route";
import { reportParams } from "@/lib/http/schemas";
import { openReportEvents } from "@/lib/realtime/open-report-events";
import { EventsQuery } from "@/lib/realtime/presence-input";

export const dynamic = "force-dynamic";

/** The report's events as Server-Sent Events (503 while this instance cannot hear the channel). */
export const GET = route(
  { params: reportParams, query: EventsQuery },
  ({ ctx, params, query, request }) =>
    openReportEvents(ctx, params.id, query.client, request.signal),
);
