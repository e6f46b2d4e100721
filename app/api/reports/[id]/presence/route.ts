import { db } from "@/lib/db/client";
import { route } from "@/lib/http/route";
import { reportParams } from "@/lib/http/schemas";
import { realtime } from "@/lib/realtime/instance";
import { PresenceInput } from "@/lib/realtime/presence-input";
import { publishPresence } from "@/lib/realtime/publish";
import { readReportPulse } from "@/lib/realtime/report-pulse";

export const dynamic = "force-dynamic";

/**
 * An open editor says where it is (`{ clientId, section, cell }`): on focus, while typing (throttled
 * by the browser) and as a heartbeat; `leaving: true` when the tab closes or leaves the report. Relayed through the channel, so every instance hears it. The
 * answer is what a polling editor needs: the report's version, who wrote it, and who is here.
 */
export const POST = route(
  { input: PresenceInput, params: reportParams, maxBytes: 1024 },
  async ({ ctx, params, input }) => {
    const pulse = await readReportPulse(ctx, params.id);
    await publishPresence(
      db(),
      input.leaving
        ? { kind: "gone", reportId: params.id, clientId: input.clientId }
        : {
            kind: "here",
            reportId: params.id,
            clientId: input.clientId,
            userId: ctx.user.userId,
            name: ctx.user.displayName.slice(0, 100),
            section: input.section,
            cell: input.cell,
          },
    );
    const { hub, listener } = realtime();
    return {
      ...pulse,
      you: ctx.user.userId,
      live: listener.live,
      users: hub.presence(params.id),
    };
  },
);
