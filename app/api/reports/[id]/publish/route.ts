import { NextResponse } from "next/server";
import { z } from "zod";
import { requireAuthContext } from "@/lib/auth/context";
import { clientIp } from "@/lib/http/client-ip";
import { assertSameOrigin, errorResponse, readJsonBody } from "@/lib/http/responses";
import { reportVersion } from "@/lib/http/schemas";
import { publishReport } from "@/lib/reports/publish-report";

export const dynamic = "force-dynamic";

const Input = z.object({
  version: reportVersion,
  url: z.string().min(1, "请填写发布网址。").max(2000, "发布网址过长。"),
  date: z.string().min(1, "请填写发布日期。").max(20),
});

/** 标记为已发布, with the publication URL and date. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    assertSameOrigin(request);
    const ctx = await requireAuthContext();
    const input = Input.parse(await readJsonBody(request, 16 * 1024));
    return NextResponse.json(await publishReport(ctx, (await params).id, input, { ip: clientIp(request.headers) }));
  } catch (error) {
    return errorResponse(error);
  }
}
