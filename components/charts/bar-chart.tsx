/**
 * A grouped bar chart in plain SVG (no chart library): one group per category (year), one bar per
 * series. For screen readers the SVG is one image with a label summarising every value, and the same
 * figures follow as a data table.
 */
export interface BarSeries {
  label: string;
  /** One value per category; null is 未填写 (no bar). */
  values: (number | null)[];
}

export interface BarChartProps {
  id: string;
  title: string;
  unit: string;
  categories: string[];
  series: BarSeries[];
  /** Extra note per category, shown under it in the table (e.g. the report's status). */
  categoryNotes?: string[];
  /**
   * Per category: `draft` draws its bars hollow (figures not final), `missing` writes 无报告 where
   * its bars would be. Both are named under the category's label and in the summary.
   */
  categoryMarks?: ("draft" | "missing" | null)[];
}

const MARK_LABEL = { draft: "未定稿", missing: "无报告" } as const;

/** Colours that stay apart for common colour-vision deficiencies (Okabe–Ito), darkened for contrast. */
const COLORS = ["#0b6fa4", "#d55e00", "#009e73", "#b8860b", "#cc79a7", "#56b4e9", "#6b7280"];

const WIDTH = 720;
const HEIGHT = 280;
const MARGIN = { top: 16, right: 12, bottom: 36, left: 56 };

/** A round axis maximum and tick step: 1, 2 or 5 × 10ⁿ. */
export function niceScale(max: number, ticks = 4): { max: number; step: number } {
  if (!(max > 0)) return { max: 1, step: 1 };
  const rough = max / ticks;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough)!;
  const stepWhole = Math.max(1, step);
  return { max: Math.ceil(max / stepWhole) * stepWhole, step: stepWhole };
}

function formatNumber(n: number): string {
  return n.toLocaleString("zh-CN");
}

export function BarChart({
  id,
  title,
  unit,
  categories,
  series,
  categoryNotes,
  categoryMarks,
}: BarChartProps) {
  const markOf = (c: number) => categoryMarks?.[c] ?? null;
  const values = series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  const { max, step } = niceScale(Math.max(0, ...values));
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const groupWidth = plotWidth / Math.max(1, categories.length);
  const barWidth = Math.min(28, (groupWidth * 0.8) / Math.max(1, series.length));
  const y = (v: number) => MARGIN.top + plotHeight - (v / max) * plotHeight;
  const ticks = Array.from({ length: Math.floor(max / step) + 1 }, (_, i) => i * step);
  const summary =
    `${title}（单位：${unit}）。` +
    categories
      .map((c, i) =>
        markOf(i) === "missing"
          ? `${c}：无报告`
          : `${c}${markOf(i) === "draft" ? "（未定稿）" : ""}：${series.map((s) => `${s.label}${s.values[i] === null ? "未填写" : formatNumber(s.values[i]!)}`).join("，")}`,
      )
      .join("；") +
    "。";

  return (
    <figure
      aria-labelledby={`${id}-title`}
      className="rounded-lg border border-slate-200 bg-white p-4"
      data-testid={`chart-${id}`}
    >
      <figcaption id={`${id}-title`} className="mb-2 text-base font-semibold">
        {title}
        <span className="ml-2 text-xs font-normal text-slate-500">单位：{unit}</span>
      </figcaption>
      <ul className="mb-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700" aria-hidden="true">
        {series.map((s, i) => (
          <li key={s.label} className="flex items-center gap-1">
            <span
              className="inline-block h-2.5 w-2.5 rounded-sm"
              style={{ background: COLORS[i % COLORS.length] }}
            />
            {s.label}
          </li>
        ))}
      </ul>
      <svg
        role="img"
        aria-label={summary}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="h-auto w-full max-w-[720px]"
      >
        {ticks.map((t) => (
          <g key={t}>
            <line
              x1={MARGIN.left}
              x2={WIDTH - MARGIN.right}
              y1={y(t)}
              y2={y(t)}
              stroke={t === 0 ? "#64748b" : "#e2e8f0"}
            />
            <text x={MARGIN.left - 6} y={y(t) + 4} textAnchor="end" fontSize="11" fill="#475569">
              {formatNumber(t)}
            </text>
          </g>
        ))}
        {categories.map((category, c) => {
          const left = MARGIN.left + c * groupWidth + (groupWidth - barWidth * series.length) / 2;
          return (
            <g key={category} data-category={category} data-mark={markOf(c) ?? undefined}>
              {markOf(c) === "missing" ? (
                <text
                  x={MARGIN.left + c * groupWidth + groupWidth / 2}
                  y={y(0) - 6}
                  textAnchor="middle"
                  fontSize="11"
                  fill="#475569"
                >
                  无报告
                </text>
              ) : null}
              {series.map((s, i) => {
                const v = s.values[c];
                const x = left + i * barWidth;
                if (markOf(c) === "missing") return null;
                if (v === null) {
                  return (
                    <text
                      key={s.label}
                      x={x + barWidth / 2}
                      y={y(0) - 4}
                      textAnchor="middle"
                      fontSize="10"
                      fill="#94a3b8"
                    >
                      —
                    </text>
                  );
                }
                const top = y(Math.max(0, v));
                return (
                  <g key={s.label}>
                    <rect
                      x={x + 1}
                      y={top}
                      width={Math.max(1, barWidth - 2)}
                      height={Math.max(0, y(0) - top)}
                      fill={COLORS[i % COLORS.length]}
                      fillOpacity={markOf(c) === "draft" ? 0.25 : 1}
                      stroke={markOf(c) === "draft" ? COLORS[i % COLORS.length] : undefined}
                      strokeDasharray={markOf(c) === "draft" ? "3 2" : undefined}
                    >
                      <title>{`${category} ${s.label}：${formatNumber(v)}${unit}`}</title>
                    </rect>
                    {barWidth >= 16 ? (
                      <text
                        x={x + barWidth / 2}
                        y={top - 3}
                        textAnchor="middle"
                        fontSize="10"
                        fill="#334155"
                      >
                        {formatNumber(v)}
                      </text>
                    ) : null}
                  </g>
                );
              })}
              <text
                x={MARGIN.left + c * groupWidth + groupWidth / 2}
                y={HEIGHT - MARGIN.bottom + 18}
                textAnchor="middle"
                fontSize="12"
                fill="#1e293b"
              >
                {category}
                {markOf(c) ? `（${MARK_LABEL[markOf(c)!]}）` : ""}
              </text>
            </g>
          );
        })}
      </svg>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-blue-700">数据表</summary>
        <table className="mt-2 w-full border-collapse text-sm" aria-label={`${title}数据表`}>
          <thead>
            <tr className="bg-slate-50 text-left">
              <th scope="col" className="border border-slate-200 px-2 py-1 font-medium">
                年度
              </th>
              {series.map((s) => (
                <th
                  key={s.label}
                  scope="col"
                  className="border border-slate-200 px-2 py-1 text-right font-medium"
                >
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {categories.map((category, c) => (
              <tr key={category}>
                <th scope="row" className="border border-slate-200 px-2 py-1 text-left font-normal">
                  {category}
                  {categoryNotes?.[c] ? (
                    <span className="ml-1 text-xs text-slate-500">（{categoryNotes[c]}）</span>
                  ) : null}
                </th>
                {series.map((s) => (
                  <td
                    key={s.label}
                    className="border border-slate-200 px-2 py-1 text-right tabular-nums"
                  >
                    {s.values[c] === null ? "未填写" : formatNumber(s.values[c]!)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
