import { z } from "zod";
import { route } from "@/lib/http/route";
import { recordId } from "@/lib/http/schemas";
import { deleteReviewComment } from "@/lib/reports/delete-review-comment";

export const dynamic = "force-dynamic";

const Params = z.object({ id: recordId("报告"), commentId: recordId("意见") });

/** Take back one's own comment before it is sent. */
export const DELETE = route({ params: Params }, async ({ ctx, params }) => {
  await deleteReviewComment(ctx, params.id, params.commentId);
  return { ok: true };
});
