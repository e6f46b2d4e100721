import { z } from "zod";
import { sendReminders } from "@/lib/district/send-reminders";
import { route } from "@/lib/http/route";
import { recordId } from "@/lib/http/schemas";

export const dynamic = "force-dynamic";

const Input = z.object({
  districtId: recordId("辖区").nullish(),
  year: z.number().int("年度无效。").min(2000, "年度无效。").max(2100, "年度无效。"),
});

/** 催办: remind every late unit of the district for the year, in one click. */
export const POST = route({ input: Input, maxBytes: 4 * 1024 }, ({ ctx, input, ip }) =>
  sendReminders(ctx, input, { ip }),
);
