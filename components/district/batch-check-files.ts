import type { BatchCheckResult } from "@/lib/district/check-published-report";
import { fileKind } from "@/lib/import/batch/summary";
import { isZipName, ZIP_LIMITS } from "@/lib/import/batch/zip-limits";
import { api } from "@/lib/api/endpoints";

/** A file of the batch as the browser holds it: bytes to send, or why it is not sent. */
export type PreparedFile = { name: string; bytes: Uint8Array } | { name: string; problem: string };

const MB = 1024 * 1024;

/**
 * The files chosen, with each ZIP opened in the browser (capped as on any machine: entries, size per
 * file while it inflates, total; nested archives refused) so the server gets one report per request
 * and the page can say 已检查 k / n. Over the batch cap, the rest are listed as not checked.
 */
export async function prepareFiles(chosen: readonly File[]): Promise<PreparedFile[]> {
  const out: PreparedFile[] = [];
  for (const file of chosen) {
    if (isZipName(file.name)) {
      if (file.size > ZIP_LIMITS.totalBytes) {
        out.push({
          name: file.name,
          problem: `${file.name}：压缩包超过${ZIP_LIMITS.totalBytes / MB} MB，请分成几个压缩包上传。`,
        });
        continue;
      }
      const { readReportZip, ZipRefusedError } = await import("@/lib/import/batch/read-zip");
      try {
        const { files, refused } = await readReportZip(
          file.name,
          new Uint8Array(await file.arrayBuffer()),
        );
        out.push(...files, ...refused.map((r) => ({ name: r.name, problem: r.reason })));
      } catch (error) {
        if (!(error instanceof ZipRefusedError)) throw error;
        out.push({ name: file.name, problem: error.message });
      }
    } else if (file.size > ZIP_LIMITS.entryBytes) {
      out.push({
        name: file.name,
        problem: `${file.name}：文件超过${ZIP_LIMITS.entryBytes / MB} MB，不是一份年度报告的大小，未检查。`,
      });
    } else {
      out.push({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
    }
  }
  return out.map((f, i) =>
    i < ZIP_LIMITS.entries
      ? f
      : { name: f.name, problem: `${f.name}：未检查，一次最多检查${ZIP_LIMITS.entries}份文件。` },
  );
}

function formOf(name: string, bytes: Uint8Array, fields: Record<string, string>): FormData {
  const form = new FormData();
  form.set("file", new File([bytes as BlobPart], name));
  for (const [k, v] of Object.entries(fields)) if (v) form.set(k, v);
  return form;
}

/** One file checked by the server; a refusal of the request (size, session) becomes that file's line. */
export async function checkOnServer(
  name: string,
  bytes: Uint8Array,
  district: string | null,
): Promise<BatchCheckResult> {
  const answer = await api.district.checkFile(formOf(name, bytes, { district: district ?? "" }));
  if (answer.ok) return answer.data;
  return {
    file: name,
    kind: fileKind(name),
    readable: false,
    problem: answer.status === 0 ? `${name}：网络连接失败，未能检查。` : `${name}：${answer.error}`,
  };
}

export type RecordOutcome =
  | { ok: true; reportId: string; organization: string; year: number }
  | { ok: false; message: string };

/** 登记: the file sent again with the unit chosen; the server reads it once more before storing it. */
export async function recordOnServer(
  name: string,
  bytes: Uint8Array,
  organizationId: string,
  district: string | null,
): Promise<RecordOutcome> {
  const answer = await api.district.recordFile(
    formOf(name, bytes, { organizationId, district: district ?? "" }),
  );
  if (!answer.ok) return { ok: false, message: answer.error };
  const { reportId, organization, year } = answer.data;
  return { ok: true, reportId, organization, year };
}
