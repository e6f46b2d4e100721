import { describe, expect, it } from "vitest";
import { computeTotals } from "./compute-totals";
import type { ReportContent } from "./content";
import { fullReport } from "./__fixtures__/full-report";
import { applyChanges, editableTargets, type PatchChange } from "./patch";
import { contentOfParts, partPath, partsForAnyFormat, writtenParts } from "./patch-parts";

/** The stored parts a save reads, as the lock statement hands them over. */
function storedParts(content: ReportContent, parts: string[]): Record<string, unknown> {
  const whole = content as unknown as Record<string, Record<string, unknown>>;
  return Object.fromEntries(
    parts.map((part) => {
      const path = partPath(part);
      return [part, path.length === 1 ? whole[path[0]] : whole[path[0]]?.[path[1]]];
    }),
  );
}

/** The stored content after a part-wise write, as the save statement merges it. */
function merged(content: ReportContent, changes: PatchChange[]): ReportContent {
  const parts = partsForAnyFormat(changes);
  const written = writtenParts(
    contentOfParts(content.format, storedParts(content, parts)),
    changes,
  );
  const next = { ...content, ...written.top } as Record<string, unknown>;
  for (const key of written.removed) delete next[key];
  next.tables = { ...content.tables, ...written.tables };
  next.narratives = { ...content.narratives, ...written.narratives };
  return next as unknown as ReportContent;
}

describe("a save's parts", () => {
  it("names a part by where it lives: a top-level key, or a table or text by its id", () => {
    expect(partPath("tables.20.5")).toEqual(["tables", "20.5"]);
    expect(partPath("narratives.s1")).toEqual(["narratives", "s1"]);
    expect(partPath("meta")).toEqual(["meta"]);
  });

  it("reads the parts the changes touch and nothing else; an unknown target touches nothing", () => {
    expect(
      partsForAnyFormat([
        { target: "requests.new.natural", value: 1 },
        { target: "requests.new.legal", value: 2 },
        { target: "narrative.s2", value: "二" },
        { target: "meta.phone", value: "1" },
        { target: "no.such.cell", value: 1 },
      ]).sort(),
    ).toEqual(["meta", "narratives.s2", "tables.requests"]);
  });

  it("writing the touched parts gives the same content as rewriting the whole report", () => {
    for (const format of ["2021", "2019"] as const) {
      const before = computeTotals(fullReport(format, 2025));
      const targets = [...editableTargets(format).values()];
      // One change in every part: a cell of each table, each text, a cover field, a fee.
      const byPart = new Map<string, PatchChange>();
      for (const t of targets) {
        if (byPart.has(t.part) || t.part === "figureBindings") continue;
        const old = t.read(before);
        const value = typeof old === "number" || old === null ? 777 : `${old}改`;
        byPart.set(
          t.part,
          t.part === "meta"
            ? { target: "meta.phone", value: "改过的电话" }
            : { target: t.id, value },
        );
      }
      const changes = [...byPart.values()];
      expect(merged(before, changes)).toEqual(computeTotals(applyChanges(before, changes)));
    }
  });

  it("clears the figure bindings by removing the key, and leaves the content it was given as it was", () => {
    const before = fullReport("2021", 2025);
    before.figureBindings = [
      {
        section: "s1",
        start: 0,
        end: 1,
        expr: { op: "sum", cells: ["requests.new.natural"] },
        text: "1",
      },
    ];
    const copy = structuredClone(before);
    const written = writtenParts(before, [{ target: "figureBindings", value: null }]);
    expect(written.removed).toEqual(["figureBindings"]);
    expect(written.top).toEqual({});
    expect(before).toEqual(copy);
  });
});
