import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { seed } from "@/prisma/seed";
import { seededDatabase } from "./support/seeded";

beforeAll(async () => {
  await seededDatabase();
});

describe("the demo seed", () => {
  it("holds the five published samples as their units' past reports, in the format of their year", async () => {
    const reports = await db().report.findMany({
      where: { status: "PUBLISHED" },
      include: { organization: { select: { name: true } } },
      orderBy: [{ year: "asc" }],
    });
    const seen = reports.map((r) => [r.organization.name, r.year, r.formatVersion]);
    expect(seen).toEqual(
      expect.arrayContaining([
        ["新伟街道办事处", 2020, "2019"],
        ["哈尔滨市呼兰区人民政府", 2021, "2021"],
        ["友协街道办事处", 2022, "2021"],
        ["灯塔路街道办事处", 2022, "2021"],
        ["鹤岗市兴安区人民政府", 2022, "2021"],
      ]),
    );
    const hulan = reports.find((r) => r.organization.name === "哈尔滨市呼兰区人民政府")!;
    const content = hulan.content as {
      tables: {
        "20.5": { licensing: { decisions: number } };
        "20.8": { fees: { amount: string } };
      };
    };
    expect(content.tables["20.5"].licensing.decisions).toBe(37438);
    expect(content.tables["20.8"].fees.amount).toBe("2387.47225");
  });

  it("is idempotent: a second run adds nothing", async () => {
    const count = async () => [
      await db().organization.count(),
      await db().user.count(),
      await db().membership.count(),
      await db().report.count(),
    ];
    const before = await count();
    await seed(db());
    expect(await count()).toEqual(before);
  });
});
