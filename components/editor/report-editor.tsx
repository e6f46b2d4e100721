"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import type { ReportContent } from "@/lib/report/content";
import { diffContents } from "@/lib/report/diff";
import { contentToForm, formToContent, type ReportFormValues } from "@/lib/report/form-values";
import { getFormat } from "@/lib/report/formats";
import { GUIDANCE_PEOPLES_GOVERNMENT } from "@/lib/report/formats/common";
import { problemCount, problemCountText } from "@/lib/report/problems";
import { reportProgress, stepOfTarget, type StepKey } from "@/lib/report/progress";
import type { Finding } from "@/lib/report/rules";
import { validate } from "@/lib/report/validate";
import type { ReviewCommentView } from "@/lib/reports/list-review-comments";
import { ConflictDialog } from "./conflict-dialog";
import { CoverEditor } from "./cover-editor";
import { createEditorStore, type EditorSnapshot } from "./editor-store";
import { EditorStatusBar } from "./editor-status-bar";
import { FeesEditor } from "./fees-editor";
import { useFigureBindings } from "./figure-bindings";
import { FindingsPanel } from "./findings-panel";
import { NarrativeEditor } from "./narrative-editor";
import { OptionalPreface } from "./optional-preface";
import { problemSummaryOf, revealAllBlanks } from "./problem-store";
import { PresenceBar } from "./presence-bar";
import { useFocusedCell } from "./presence-focus";
import {
  ReviewCommentsPanel,
  ReviewCommentsProvider,
  SectionReviewComments,
} from "./review-comments";
import { SkipToFirstCell } from "./skip-to-first-cell";
import { StepButtons } from "./step-buttons";
import { StepNav } from "./step-nav";
import { TablesEditor } from "./table-editor";
import { useReportEvents } from "./use-report-events";
import { readUnsent, useAutosave, type ServerReport } from "./use-autosave";

export interface ReportEditorProps {
  reportId: string;
  version: number;
  content: ReportContent;
  /** Last year's report, when the system has it: X1/X2/X8 and starting texts. */
  previous: ReportContent | null;
  /** The reviewer's comments from the last 退回, shown where they apply. */
  reviewComments?: ReviewCommentView[];
}

function derive(content: ReportContent, previous: ReportContent | null): EditorSnapshot {
  const findings = validate(content, { previous });
  return {
    content,
    findings,
    submitFindings: validate(content, { previous, complete: true }),
    progress: reportProgress(content, findings),
  };
}

export function ReportEditor({
  reportId,
  version,
  content: initial,
  previous,
  reviewComments,
}: ReportEditorProps) {
  const router = useRouter();
  const format = getFormat(initial.format);
  const base = useRef(initial);
  const form = useForm<ReportFormValues>({ defaultValues: contentToForm(initial) });
  const store = useMemo(() => createEditorStore(derive(initial, previous)), []); // eslint-disable-line react-hooks/exhaustive-deps
  const figures = useFigureBindings(form, store, previous);
  const [conflict, setConflict] = useState<{ server: ServerReport; mine: ReportContent } | null>(
    null,
  );
  const [submitFindings, setSubmitFindings] = useState<Finding[] | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const adoptRef = useRef<(version: number) => void>(() => {});
  /** A conflict in which both sides hold the same content is no conflict (the page saved just before a reload). */
  const meetConflict = useCallback((server: ServerReport, mine: ReportContent) => {
    if (diffContents(mine, server.content).length === 0) adoptRef.current(server.version);
    else setConflict({ server, mine });
  }, []);
  const autosave = useAutosave({ reportId, version, onSaved: () => {}, onConflict: meetConflict });
  adoptRef.current = autosave.adopt;
  const { changed } = autosave;

  const steps = useMemo(
    () => [
      { key: "cover" as StepKey, title: "开头与落款" },
      ...format.sections.map((s) => ({ key: s.key as StepKey, title: `${s.ordinal}、${s.title}` })),
    ],
    [format],
  );
  const [step, setStep] = useState<StepKey>("cover");
  const focusedCell = useFocusedCell();
  const live = useReportEvents(reportId, {
    section: step,
    cell: focusedCell,
    since: version,
    onSaved: () => {},
  });
  useEffect(() => {
    const fromHash = window.location.hash.slice(1) as StepKey;
    if (steps.some((s) => s.key === fromHash)) setStep(fromHash);
  }, [steps]);
  const selectStep = useCallback((key: StepKey) => {
    setStep(key);
    window.history.replaceState(null, "", `#${key}`);
  }, []);

  // Every change: the content the form describes, its totals and findings, kept locally and autosaved.
  useEffect(() => {
    const subscription = form.watch((values) => {
      const content = formToContent(base.current, values as ReportFormValues);
      store.publish(derive(content, previous));
      setSubmitFindings(null);
      changed(content);
    });
    return () => subscription.unsubscribe();
  }, [form, store, previous, changed]);

  // Edits this browser had not sent before a reload or an outage come back — or meet what others saved since.
  useEffect(() => {
    const unsent = readUnsent(reportId);
    if (!unsent || unsent.content.format !== initial.format) return;
    if (unsent.baseVersion === version) {
      form.reset(contentToForm(unsent.content));
      store.publish(derive(unsent.content, previous));
      changed(unsent.content);
      setNotice("已恢复本机暂存、尚未保存到服务器的修改，正在保存。");
    } else if (unsent.baseVersion < version) {
      meetConflict({ version, content: initial, updatedBy: null, updatedAt: "" }, unsent.content);
    }
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  const resolveConflict = (merged: ReportContent) => {
    if (!conflict) return;
    base.current = merged;
    form.reset(contentToForm(merged));
    store.publish(derive(merged, previous));
    autosave.resolved(conflict.server.version, merged);
    setConflict(null);
  };

  const jumpTo = useCallback(
    (target: string) => {
      selectStep(stepOfTarget(initial.format, target));
      requestAnimationFrame(() => {
        const element = document.querySelector<HTMLElement>(
          `[data-cell-id="${CSS.escape(target)}"]`,
        );
        // The optional text above a table is folded away until used: unfold it to show its finding.
        element?.closest("details")?.setAttribute("open", "");
        element?.scrollIntoView({ block: "center" });
        element?.focus();
      });
    },
    [initial.format, selectStep],
  );

  const submit = async () => {
    revealAllBlanks(store);
    const count = problemCount(problemSummaryOf(store));
    if (count.errors + count.unfilled > 0) {
      setSubmitFindings(store.get().submitFindings);
      setNotice(`${problemCountText({ ...count, warnings: 0 })}，改正后才能提交审核。`);
      return;
    }
    setSubmitting(true);
    try {
      await autosave.flush();
      if (autosave.hasUnsent()) {
        setNotice("修改尚未保存到服务器，暂不能提交。请检查网络后重试。");
        return;
      }
      const response = await fetch(`/api/reports/${reportId}/submit`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ version: autosave.version() }),
      });
      const body = await response.json().catch(() => ({}));
      if (response.ok) {
        router.refresh();
        return;
      }
      if (body.findings) setSubmitFindings(body.findings);
      setNotice(body.error ?? `提交失败（${response.status}）`);
    } finally {
      setSubmitting(false);
    }
  };

  const guidanceFor = (key: StepKey, guidance: string[]) =>
    key === "s1" && initial.meta.isPeoplesGovernment
      ? [...guidance, GUIDANCE_PEOPLES_GOVERNMENT]
      : guidance;

  return (
    <ReviewCommentsProvider format={initial.format} comments={reviewComments}>
      <form
        onSubmit={(e) => e.preventDefault()}
        className="grid grid-cols-[13rem_1fr_20rem] gap-4"
        aria-label="年度报告编辑"
      >
        <SkipToFirstCell />
        <div className="space-y-3">
          <StepNav steps={steps} current={step} onSelect={selectStep} store={store} />
        </div>

        <div className="min-w-0 space-y-4">
          <EditorStatusBar
            store={store}
            step={step}
            stepTitle={steps.find((s) => s.key === step)?.title ?? ""}
            status={autosave.status}
            message={autosave.message}
            submitting={submitting}
            onSubmit={submit}
          />
          {notice ? (
            <p
              role="status"
              className="rounded border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-800"
            >
              {notice}
            </p>
          ) : null}

          <PresenceBar
            presence={live.presence}
            mode={live.mode}
            colleagueSave={live.colleagueSave}
            format={initial.format}
          />

          <section
            hidden={step !== "cover"}
            data-editor-step="cover"
            aria-label="开头与落款"
            className="rounded-lg border border-slate-200 bg-white p-4"
          >
            <h2 className="mb-3 text-base font-semibold">开头与落款</h2>
            <SectionReviewComments step="cover" onJump={jumpTo} />
            <CoverEditor form={form} year={initial.meta.year} format={initial.format} />
            <StepButtons
              steps={steps}
              current="cover"
              onSelect={selectStep}
              store={store}
              reportId={reportId}
              submitting={submitting}
              onSubmit={submit}
            />
          </section>

          {format.sections.map((section) => (
            <section
              key={section.key}
              hidden={step !== section.key}
              data-editor-step={section.key}
              aria-label={`${section.ordinal}、${section.title}`}
              className="space-y-4 rounded-lg border border-slate-200 bg-white p-4"
            >
              <h2 className="text-base font-semibold">
                {section.ordinal}、{section.title}
              </h2>
              <SectionReviewComments step={section.key} onJump={jumpTo} />
              {section.kind === "narrative" ? (
                <NarrativeEditor
                  sectionKey={section.key}
                  label={`${section.ordinal}、${section.title}`}
                  guidance={guidanceFor(section.key, section.guidance)}
                  previousText={previous?.narratives[section.key] || null}
                  form={form}
                  figures={figures}
                />
              ) : (
                <>
                  <OptionalPreface sectionKey={section.key} form={form}>
                    <NarrativeEditor
                      sectionKey={section.key}
                      label="表前说明文字"
                      guidance={[]}
                      previousText={null}
                      form={form}
                      optional
                      figures={figures}
                    />
                  </OptionalPreface>
                  <TablesEditor
                    format={initial.format}
                    tables={section.tables}
                    form={form}
                    store={store}
                  />
                </>
              )}
              {section.key === "s6" && format.requiresFeeStatement ? (
                <FeesEditor year={initial.meta.year} form={form} figures={figures} />
              ) : null}
              <StepButtons
                steps={steps}
                current={section.key}
                onSelect={selectStep}
                store={store}
                reportId={reportId}
                submitting={submitting}
                onSubmit={submit}
              />
            </section>
          ))}
        </div>

        <div>
          <div className="sticky top-4 space-y-3">
            <ReviewCommentsPanel onJump={jumpTo} />
            <FindingsPanel store={store} extra={submitFindings} onJump={jumpTo} />
          </div>
        </div>

        {conflict ? (
          <ConflictDialog
            mine={conflict.mine}
            server={conflict.server}
            onResolve={resolveConflict}
          />
        ) : null}
      </form>
    </ReviewCommentsProvider>
  );
}
