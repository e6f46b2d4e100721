import { z } from "zod";

/** A report's optimistic-concurrency version as a client sends it back: a positive 32-bit integer (the column's range). */
export const reportVersion = z.number().int("版本号无效。").min(1, "版本号无效。").max(2_147_483_647, "版本号无效。");
