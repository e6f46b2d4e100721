import { route } from "@/lib/http/route";
import { reportParams } from "@/lib/http/schemas";
import { announcePresence } from "@/lib/realtime/announce-presence";
import { PresenceInput } from "@/lib/realtime/presence-input";

export const dynamic = "force-dynamic";

/** An open editor says where it is; the answer is the report's version and who is here. */
export const POST = route(
  { input: PresenceInput, params: reportParams, maxBytes: 1024 },
  ({ ctx, params, input }) => announcePresence(ctx, params.id, input),
);
