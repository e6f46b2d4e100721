"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireAuthContext } from "@/lib/auth/context";
import { actionError, type ActionResult } from "@/lib/auth/action-result";
import { createNextDraft } from "@/lib/reports/create-next-draft";

const Input = z.object({ organizationId: z.string().uuid("单位编号无效。") });

export async function createNextDraftAction(input: { organizationId: string }): Promise<ActionResult<{ id: string; year: number }>> {
  try {
    const { organizationId } = Input.parse(input);
    const ctx = await requireAuthContext();
    const created = await createNextDraft(ctx, organizationId);
    revalidatePath("/reports");
    return { ok: true, data: created };
  } catch (error) {
    return actionError(error);
  }
}
