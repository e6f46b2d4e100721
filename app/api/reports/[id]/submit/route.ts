import { NextResponse } from "next/server";
import { z } from "zod";
import { requireAuthContext } from "@/lib/auth/context";
import { clientIp } from "@/lib/http/client-ip";
import { assertSameOrigin, errorResponse, readJsonBody } from "@/lib/http/responses";
import { reportVersion } from "@/lib/http/schemas";
import { submitReport } from "@/lib/reports/submit-report";

export const dynamic = "force-dynamic";

const SubmitInput = z.object({ version: reportVersion, comment: z.string().max(8000, "说明过长。").optional() });

/** 提交审核: refused (422, with the findings) while the report has errors. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    assertSameOrigin(request);
    const ctx = await requireAuthContext();
    const { version, comment } = SubmitInput.parse(await readJsonBody(request, 16 * 1024));
    return NextResponse.json(await submitReport(ctx, (await params).id, version, { comment, ip: clientIp(request.headers) }));
  } catch (error) {
    return errorResponse(error);
  }
}
