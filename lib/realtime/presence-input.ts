import { z } from "zod";
import { parseTarget } from "@/lib/report/targets";

/** A browser tab's own random id (the hook makes it): letters, digits, `-` and `_`. */
export const clientId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, "客户端编号无效。");

/** Where an editor is: a step of the editor (`cover`, `s1` … `s6`) and a cell or field id. */
export const PresenceInput = z.object({
  clientId,
  section: z
    .string()
    .regex(/^(cover|s[1-6])$/, "部分无效。")
    .nullable(),
  cell: z
    .string()
    .max(100, "单元格编号无效。")
    .refine((id) => parseTarget(id) !== null, "单元格编号无效。")
    .nullable(),
  /** The tab is closing or leaving the report: the others stop seeing it now, not when it expires. */
  leaving: z.boolean().optional(),
});

export type PresenceInput = z.output<typeof PresenceInput>;

export const EventsQuery = z.object({ client: clientId });
