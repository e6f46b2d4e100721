import { NextResponse } from "next/server";
import { z } from "zod";
import { requireAuthContext } from "@/lib/auth/context";
import { clientIp } from "@/lib/http/client-ip";
import { assertSameOrigin, errorResponse, readJsonBody } from "@/lib/http/responses";
import { reportVersion } from "@/lib/http/schemas";
import { approveReport } from "@/lib/reports/approve-report";

export const dynamic = "force-dynamic";

const Input = z.object({ version: reportVersion, comment: z.string().max(8000, "审核意见过长。").optional() });

/** 通过: the report becomes read-only; a snapshot of what was approved is kept. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    assertSameOrigin(request);
    const ctx = await requireAuthContext();
    const input = Input.parse(await readJsonBody(request, 64 * 1024));
    return NextResponse.json(await approveReport(ctx, (await params).id, input, { ip: clientIp(request.headers) }));
  } catch (error) {
    return errorResponse(error);
  }
}
