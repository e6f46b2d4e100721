import { z } from "zod";

/** A report's optimistic-concurrency version as a client sends it back: a positive 32-bit integer (the column's range). */
export const reportVersion = z
  .number()
  .int("版本号无效。")
  .min(1, "版本号无效。")
  .max(2_147_483_647, "版本号无效。");

/** A record's id as it travels in a URL or a form: a UUID of any version (the column's type); anything else is a 400. */
export const recordId = (what: string) => z.guid(`${what}编号无效。`);

/** `/api/reports/[id]/…` */
export const reportParams = z.object({ id: recordId("报告") });
