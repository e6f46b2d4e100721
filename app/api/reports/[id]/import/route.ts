import { NextResponse } from "next/server";
import { z } from "zod";
import { requireAuthContext } from "@/lib/auth/context";
import { assertSameOrigin, errorResponse, readJsonBody } from "@/lib/http/responses";
import { reportVersion } from "@/lib/http/schemas";
import { applyImport } from "@/lib/reports/apply-import";

export const dynamic = "force-dynamic";

const Input = z.object({
  version: reportVersion,
  source: z.unknown(),
  sections: z.array(z.enum(["cover", "s1", "s2", "s3", "s4", "s5", "s6"])).min(1, "请至少选择一个部分。"),
});

/** Apply the chosen sections of an imported report to the draft. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    assertSameOrigin(request);
    const ctx = await requireAuthContext();
    const input = Input.parse(await readJsonBody(request, 2 * 1024 * 1024));
    return NextResponse.json(await applyImport(ctx, (await params).id, input));
  } catch (error) {
    return errorResponse(error);
  }
}
