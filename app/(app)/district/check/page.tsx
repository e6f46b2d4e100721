import type { Metadata } from "next";
import Link from "next/link";
import { BatchCheck } from "@/components/district/batch-check";
import { orNotFound, requirePageContext } from "@/lib/auth/context";
import { districtOrThrow, districtUnits } from "@/lib/district/district-scope";
import {
  districtQuery,
  parseDistrictParams,
  type SearchParams,
} from "@/lib/district/overview-params";
import { IMPORTABLE_EXTENSIONS } from "@/lib/import/import-bytes";
import { ZIP_LIMITS } from "@/lib/import/batch/zip-limits";

export const metadata: Metadata = { title: "批量检查" };

const MB = 1024 * 1024;

/** 批量检查: the district's units' published reports, checked in one go; nothing stored unless recorded. */
export default async function BatchCheckPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const ctx = await requirePageContext();
  const { districtId } = parseDistrictParams(await searchParams);
  const { district, districts } = await orNotFound(districtOrThrow(ctx, districtId));
  const units = await districtUnits(ctx, district);
  const districtParam = districts.length > 1 ? district.id : null;
  const accept = [...IMPORTABLE_EXTENSIONS, ".zip"].join(",");

  return (
    <div className="space-y-4">
      <nav className="text-sm text-slate-500">
        <Link
          href={`/district${districtQuery({ district: districtParam })}`}
          className="text-blue-700 hover:underline"
        >
          辖区总览
        </Link>{" "}
        / 批量检查
      </nav>
      <div>
        <h1 className="text-xl font-semibold">批量检查已发布的报告 · {district.name}</h1>
        <p className="text-sm text-slate-600">
          选择下属单位已发布的年度报告（{IMPORTABLE_EXTENSIONS.join("、")}）或装有这些文件的 ZIP
          压缩包，逐份读取并按同一套规则检查，列出单位、年度、格式、读入的单元格数、错误和提醒。
          同一单位相邻两年的报告会互相做跨年度检查。检查结果不会保存；只有点击“登记”时，该文件才成为对应单位该年度的已发布报告。
        </p>
        <p className="text-xs text-slate-500">
          ZIP 压缩包最多 {ZIP_LIMITS.entries} 个文件，每个文件解压后不超过{" "}
          {ZIP_LIMITS.entryBytes / MB} MB，合计不超过 {ZIP_LIMITS.totalBytes / MB}{" "}
          MB；压缩包中不能再套压缩包。
        </p>
      </div>
      <BatchCheck
        units={units.map((u) => ({ id: u.id, name: u.name }))}
        district={districtParam}
        accept={accept}
      />
    </div>
  );
}
