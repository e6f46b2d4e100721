import { NextResponse } from "next/server";
import { z } from "zod";
import { requireAuthContext } from "@/lib/auth/context";
import { assertSameOrigin, errorResponse, readJsonBody } from "@/lib/http/responses";
import { addReviewComment, COMMENT_MAX } from "@/lib/reports/add-review-comment";

export const dynamic = "force-dynamic";

const Input = z.object({
  target: z.string().min(1, "请选择意见针对的单元格或部分。").max(200),
  body: z.string().min(1, "请填写意见内容。").max(COMMENT_MAX * 4),
});

/** A reviewer's comment on a cell or section of a submitted report (sent to the editor with 退回). */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    assertSameOrigin(request);
    const ctx = await requireAuthContext();
    const input = Input.parse(await readJsonBody(request, 64 * 1024));
    return NextResponse.json(await addReviewComment(ctx, (await params).id, input), { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}
