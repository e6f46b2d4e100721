import { z } from "zod";
import { route } from "@/lib/http/route";
import { reportParams } from "@/lib/http/schemas";
import { addReviewComment, COMMENT_MAX } from "@/lib/reports/add-review-comment";

export const dynamic = "force-dynamic";

const Input = z.object({
  target: z.string().min(1, "请选择意见针对的单元格或部分。").max(200),
  body: z
    .string()
    .min(1, "请填写意见内容。")
    .max(COMMENT_MAX * 4),
});

/** A reviewer's comment on a cell or section of a submitted report (sent to the editor with 退回). */
export const POST = route({ input: Input, params: reportParams }, async ({ ctx, params, input }) =>
  Response.json(await addReviewComment(ctx, params.id, input), { status: 201 }),
);
