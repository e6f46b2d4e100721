import type { z } from "zod";
import type { AuthContext } from "@/lib/auth/context";
import { db } from "@/lib/db/client";
import { realtime } from "./instance";
import type { PresenceInput } from "./presence-input";
import { publishPresence } from "./publish";
import { readReportPulse } from "./report-pulse";

/**
 * An open editor says where it is (on focus, while typing, as a heartbeat; `leaving` when the tab
 * closes or leaves the report), relayed through the channel so every instance hears it. The answer is
 * what a polling editor needs: the report's version, who wrote it, and who is here.
 */
export async function announcePresence(
  ctx: AuthContext,
  reportId: string,
  input: z.output<typeof PresenceInput>,
) {
  const pulse = await readReportPulse(ctx, reportId);
  await publishPresence(
    db(),
    input.leaving
      ? { kind: "gone", reportId, clientId: input.clientId }
      : {
          kind: "here",
          reportId,
          clientId: input.clientId,
          userId: ctx.user.userId,
          name: ctx.user.displayName.slice(0, 100),
          section: input.section,
          cell: input.cell,
        },
  );
  const { hub, listener } = realtime();
  return { ...pulse, you: ctx.user.userId, live: listener.live, users: hub.presence(reportId) };
}
