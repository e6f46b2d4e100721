"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authAction } from "@/lib/http/auth-action";
import { recordId } from "@/lib/http/schemas";
import { createNextDraft } from "@/lib/reports/create-next-draft";
import { deleteUntouchedDraft } from "@/lib/reports/delete-draft";

const Input = z.object({
  organizationId: recordId("单位"),
  year: z.number().int().min(2000).max(2100),
  basedOnPrevious: z.boolean().optional(),
});

export const createNextDraftAction = authAction(
  Input,
  async ({ organizationId, year, basedOnPrevious }, { ctx }) => {
    const created = await createNextDraft(ctx, organizationId, { year, basedOnPrevious });
    revalidatePath("/reports");
    return created;
  },
);

export const deleteUntouchedDraftAction = authAction(
  z.object({ reportId: recordId("报告") }),
  async ({ reportId }, { ctx, ip }) => {
    const deleted = await deleteUntouchedDraft(ctx, reportId, { ip });
    revalidatePath("/reports");
    return deleted;
  },
);
