import { NextResponse } from "next/server";
import { z } from "zod";
import { requireAuthContext } from "@/lib/auth/context";
import { assertSameOrigin, errorResponse, readJsonBody } from "@/lib/http/responses";
import { reportVersion } from "@/lib/http/schemas";
import { getReportOrThrow } from "@/lib/reports/get-report-or-throw";
import { saveDraft } from "@/lib/reports/save-draft";

export const dynamic = "force-dynamic";

/** A full report is ~30 KB of JSON; long narratives stay well under this. */
const MAX_BODY = 1024 * 1024;

const SaveInput = z.object({ version: reportVersion, content: z.unknown() });

/** The report's current content and version (the editor reloads it after a conflict). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const ctx = await requireAuthContext();
    const report = await getReportOrThrow(ctx, (await params).id);
    return NextResponse.json({ version: report.version, status: report.status, content: report.content, updatedAt: report.updatedAt });
  } catch (error) {
    return errorResponse(error);
  }
}

/** Autosave: `{ version, content }` → `{ version, findings }`, or 409 with the current report. */
export async function PUT(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    assertSameOrigin(request);
    const ctx = await requireAuthContext();
    const input = SaveInput.parse(await readJsonBody(request, MAX_BODY));
    return NextResponse.json(await saveDraft(ctx, (await params).id, input));
  } catch (error) {
    return errorResponse(error);
  }
}
