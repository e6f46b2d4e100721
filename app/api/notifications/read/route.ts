import { z } from "zod";
import { route } from "@/lib/http/route";
import { recordId } from "@/lib/http/schemas";
import { markNotificationsRead } from "@/lib/notifications/mark-notifications-read";

export const dynamic = "force-dynamic";

const Input = z.union([
  z.object({ all: z.literal(true) }),
  z.object({ ids: z.array(recordId("通知")).min(1).max(200) }),
]);

/** Mark the caller's own notifications read: the ones named, or all. */
export const POST = route({ input: Input, maxBytes: 16 * 1024 }, ({ ctx, input }) =>
  markNotificationsRead(ctx, "all" in input ? "all" : input.ids),
);
