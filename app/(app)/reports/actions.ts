"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authAction } from "@/lib/http/auth-action";
import { recordId } from "@/lib/http/schemas";
import { createNextDraft } from "@/lib/reports/create-next-draft";

const Input = z.object({ organizationId: recordId("单位"), basedOnPrevious: z.boolean().optional() });

export const createNextDraftAction = authAction(Input, async ({ organizationId, basedOnPrevious }, { ctx }) => {
  const created = await createNextDraft(ctx, organizationId, { basedOnPrevious });
  revalidatePath("/reports");
  return created;
});
