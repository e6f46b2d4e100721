import { afterAll, describe, expect, it } from "vitest";
import { importDocx } from "@/lib/import";
import { buildDocx } from "@/lib/import/__fixtures__/build-docx";
import { HULAN_TABLES } from "@/lib/import/__fixtures__/expected";
import { HULAN_DOCUMENT } from "@/lib/import/__fixtures__/hulan-document";
import { inflatingDocx } from "@/lib/import/__fixtures__/inflating-docx";
import { runTogetherRows } from "@/lib/import/__fixtures__/layouts/run-together";
import { fullReport, previousOf } from "@/lib/report/__fixtures__/full-report";
import { DocxReadError, ImportRefusedError } from "@/lib/import/import-bytes";
import { importInWorker, importPool } from "./import-pool";

afterAll(() => importPool().close());

// The worker compiles the importer through tsx as it starts: seconds, not the default 5.
describe(
  "importInWorker: the importer in the pool's worker threads (here from source, through tsx)",
  { timeout: 60_000 },
  () => {
    it("reads a DOCX exactly as the importer does in this thread", async () => {
      const bytes = await buildDocx("2021", HULAN_DOCUMENT, HULAN_TABLES);
      const inWorker = await importInWorker("呼兰区.docx", bytes);
      expect(inWorker.cellsRead).toBeGreaterThan(100);
      expect(inWorker).toEqual(await importDocx(bytes, { fileName: "呼兰区.docx" }));
    });

    it("last year's report crosses to the worker: it settles figures that ran together (规章 `1012`)", async () => {
      const report = fullReport("2021");
      const bytes = new TextEncoder().encode(runTogetherRows(report));
      const alone = await importInWorker("某区.txt", bytes);
      expect(alone.content.tables["20.1"].rules).toEqual({
        issued: null,
        repealed: null,
        effective: null,
      });
      const known = await importInWorker("某区.txt", bytes, { previous: previousOf(report) });
      expect(known.content.tables["20.1"].rules).toEqual({ issued: 1, repealed: 0, effective: 12 });
    });

    it("a refusal crosses the thread as the same error: an unsupported kind, a DOCX that inflates to 256 MB", async () => {
      await expect(importInWorker("报告.doc", new Uint8Array([1, 2, 3]))).rejects.toBeInstanceOf(
        ImportRefusedError,
      );
      const refused = await importInWorker(
        "炸弹.docx",
        await inflatingDocx(256 * 1024 * 1024),
      ).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(DocxReadError);
      expect((refused as Error).message).toBe("DOCX文件的正文解压后超过 20 MB 上限，无法读取");
    });
  },
);
