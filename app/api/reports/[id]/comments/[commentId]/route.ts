import { NextResponse } from "next/server";
import { requireAuthContext } from "@/lib/auth/context";
import { assertSameOrigin, errorResponse } from "@/lib/http/responses";
import { deleteReviewComment } from "@/lib/reports/delete-review-comment";

export const dynamic = "force-dynamic";

/** Take back one's own comment before it is sent. */
export async function DELETE(request: Request, { params }: { params: Promise<{ id: string; commentId: string }> }) {
  try {
    assertSameOrigin(request);
    const ctx = await requireAuthContext();
    const { id, commentId } = await params;
    await deleteReviewComment(ctx, id, commentId);
    return NextResponse.json({ ok: true });
  } catch (error) {
    return errorResponse(error);
  }
}
