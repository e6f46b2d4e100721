import { chineseDate } from "../chinese-date";
import { publicationDeadline } from "../deadline";
import { readFeeStatement, type FeeStatement } from "../fee-statement";
import { FEE_FIELDS } from "../fields";
import { finding } from "../rules";
import type { SectionKey } from "../spec-types";
import { plannedCell, rowTotal, type ValidationContext } from "./context";
import { aboutSomethingElse, sentenceBefore } from "./narrative-claims";
import { statedFigures } from "./narrative-figures";
import type { NarrativeFix } from "./stated-results";
import { targetId } from "../targets";
import { sectionName, type PlannedCell } from "./plan";

function section(ctx: ValidationContext, key: SectionKey) {
  return ctx.plan.format.sections.find((s) => s.key === key)!;
}

/** X3 and X4, on section 六's fee statement read once. */
export function checkFees(ctx: ValidationContext): void {
  const unpaid = plannedCell(ctx, "requests", "r6_2", "total");
  if (!ctx.plan.format.requiresFeeStatement && !unpaid) return;
  const statement = readFeeStatement(ctx.content.narratives?.s6 ?? "", ctx.content.fees);
  if (ctx.plan.format.requiresFeeStatement) checkFeeStatement(ctx, statement);
  if (unpaid) checkUnpaidFees(ctx, statement, unpaid);
}

/** X3 (2021 format): section 六 states the fee notices issued, their amount and the amount collected. */
function checkFeeStatement(ctx: ValidationContext, statement: FeeStatement): void {
  const stated = {
    notices: statement.notices !== null,
    noticeAmount: statement.noticeAmountStated,
    collected: statement.collectedStated,
  };
  const missing = FEE_FIELDS.filter((f) => !stated[f.key]);
  if (missing.length === 0) return;
  ctx.findings.push(
    finding(
      "X3",
      `${sectionName(section(ctx, "s6"))}未说明信息处理费情况（国办函〔2020〕109号），缺少：${missing.map((f) => f.label).join("、")}`,
      [targetId.narrative("s6"), ...missing.map((f) => targetId.fee(f.key))],
    ),
  );
}

/** X4: requests dropped for unpaid fees (（六）2) although section 六 reports no fee notice. */
function checkUnpaidFees(
  ctx: ValidationContext,
  { notices }: FeeStatement,
  cell: PlannedCell,
): void {
  const dropped = rowTotal(ctx, "requests", "r6_2");
  if (dropped === null || dropped <= 0) return;
  if (notices !== null && notices > 0) return;
  ctx.findings.push(
    finding(
      "X4",
      `${cell.place}为${dropped}，但${sectionName(section(ctx, "s6"))}${notices === 0 ? "称未发出收费通知" : "没有说明发出的收费通知"}`,
      [cell.id, targetId.narrative("s6"), targetId.fee("notices")],
    ),
  );
}

/** X5: figures stated in the preface, 一 and the text of 三 that contradict the tables or their own parts. */
export function checkStatedFigures(ctx: ValidationContext): void {
  statedFigureMismatches(ctx);
}

/**
 * The X5 findings of checkStatedFigures (added to the context), and for each figure the table
 * contradicts, the fix that writes 一's 本年新收 over it (a stated sum that does not add up has none:
 * which part is wrong, only the person knows).
 */
export function statedFigureMismatches(ctx: ValidationContext): NarrativeFix[] {
  const fixes: NarrativeFix[] = [];
  const figureOf = (rowKey: string) => {
    const cell = plannedCell(ctx, "requests", rowKey, "total");
    const value = rowTotal(ctx, "requests", rowKey);
    return cell && value !== null ? { cell, value } : null;
  };
  const received = figureOf("new");
  const carried = figureOf("carried");
  const handled = figureOf("r7_total");
  const year = ctx.content.meta.year;
  const sources: { key: string; name: string; text: string }[] = [
    { key: targetId.preface, name: "报告开头", text: ctx.content.preface ?? "" },
    {
      key: targetId.narrative("s1"),
      name: sectionName(section(ctx, "s1")),
      text: ctx.content.narratives?.s1 ?? "",
    },
    {
      key: targetId.narrative("s3"),
      name: `${sectionName(section(ctx, "s3"))}的说明文字`,
      text: ctx.content.narratives?.s3 ?? "",
    },
  ];
  for (const source of sources) {
    for (const figure of statedFigures(source.text)) {
      if (figure.kind === "breakdown") {
        const parts = figure.items.reduce((a, b) => a + b, 0);
        if (figure.complete ? parts === figure.value : parts <= figure.value) continue;
        const sum = `${figure.items.join("+")}=${parts}`;
        ctx.findings.push(
          finding(
            "X5",
            figure.complete
              ? `${source.name}中“${figure.sentence}”：所列各项之和${sum}，与所说的“${figure.text}”不一致`
              : `${source.name}中“${figure.sentence}”：所列各项之和${sum}，超过了所说的“${figure.text}”`,
            [source.key],
          ),
        );
        continue;
      }
      if (!received) continue;
      const end = figure.start + figure.text.length;
      if (aboutSomethingElse(sentenceBefore(source.text, end), year)) continue;
      // 收到N件 may count this year's requests alone or together with those carried over;
      // 依申请公开…共N件 may also count the requests handled.
      const compared = [received, carried, figure.kind === "requests" ? handled : null].filter(
        (f): f is { cell: PlannedCell; value: number } => f !== null,
      );
      const accepted = [received.value, received.value + (carried?.value ?? 0)];
      if (figure.kind === "requests" && handled) accepted.push(handled.value);
      if (accepted.includes(figure.value)) continue;
      const message = `${source.name}中“${figure.text}”与${sectionName(section(ctx, "s3"))}的表格不一致：${compared
        .map((f) => `“${f.cell.rowLabel}”${f.cell.columnLabel}为${f.value}`)
        .join("，")}`;
      ctx.findings.push(finding("X5", message, [source.key, ...compared.map((f) => f.cell.id)]));
      fixes.push({
        message,
        target: source.key,
        at: figure.at,
        numberText: figure.numberText,
        replacement: String(received.value),
      });
    }
  }
  return fixes;
}

/** What a people's government's report must also cover (条例 art. 50). */
export const GOVERNMENT_TOPICS = ["工作考核", "社会评议", "责任追究"] as const;

/** X6: a people's government's report covers 工作考核、社会评议和责任追究结果. */
export function checkGovernmentTopics(ctx: ValidationContext): void {
  if (!ctx.content.meta.isPeoplesGovernment) return;
  const narratives = ctx.content.narratives ?? {};
  const text = [ctx.content.preface ?? "", ...Object.values(narratives)].join("\n");
  const missing = GOVERNMENT_TOPICS.filter((t) => !text.includes(t));
  if (missing.length === 0) return;
  ctx.findings.push(
    finding(
      "X6",
      `人民政府的报告应说明${GOVERNMENT_TOPICS.slice(0, -1).join("、")}和${GOVERNMENT_TOPICS[GOVERNMENT_TOPICS.length - 1]}结果情况，报告中没有提到：${missing.join("、")}`,
      [targetId.narrative("s1")],
    ),
  );
}

/** X7: published after 31 January of the next year (31 March for a people's government's own report). */
export function checkDeadline(ctx: ValidationContext): void {
  const { issuedDate, year, isPeoplesGovernment } = ctx.content.meta;
  if (!issuedDate) return;
  const deadline = publicationDeadline(year, isPeoplesGovernment);
  if (issuedDate <= deadline) return;
  ctx.findings.push(
    finding(
      "X7",
      `成文日期${chineseDate(issuedDate) ?? issuedDate}晚于发布期限${chineseDate(deadline)}${isPeoplesGovernment ? "（人民政府本级报告）" : ""}`,
      [targetId.meta("issuedDate")],
    ),
  );
}
