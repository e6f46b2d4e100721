"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireAuthContext } from "@/lib/auth/context";
import { actionError, type ActionResult } from "@/lib/auth/action-result";
import { createNextDraft } from "@/lib/reports/create-next-draft";

const Input = z.object({ organizationId: z.string().uuid("单位编号无效。"), basedOnPrevious: z.boolean().optional() });

export async function createNextDraftAction(input: { organizationId: string; basedOnPrevious?: boolean }): Promise<ActionResult<{ id: string; year: number }>> {
  try {
    const { organizationId, basedOnPrevious } = Input.parse(input);
    const ctx = await requireAuthContext();
    const created = await createNextDraft(ctx, organizationId, { basedOnPrevious });
    revalidatePath("/reports");
    return { ok: true, data: created };
  } catch (error) {
    return actionError(error);
  }
}
