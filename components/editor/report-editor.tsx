"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import type { ReportContent } from "@/lib/report/content";
import { formFieldOf } from "@/lib/report/form-field";
import { contentToForm, formToContent, type ReportFormValues } from "@/lib/report/form-values";
import { getFormat } from "@/lib/report/formats";
import { GUIDANCE_PEOPLES_GOVERNMENT } from "@/lib/report/formats/common";
import { problemCount, problemCountText } from "@/lib/report/problems";
import { reportProgress, stepOfTarget, type StepKey } from "@/lib/report/progress";
import type { Finding } from "@/lib/report/rules";
import { api } from "@/lib/api/endpoints";
import { validate } from "@/lib/report/validate";
import type { ReviewCommentView } from "@/lib/reports/list-review-comments";
import { CellHistory } from "./cell-history";
import { ConflictDialog } from "./conflict-dialog";
import { CoverEditor } from "./cover-editor";
import {
  applyRemoteChanges,
  createEditorStore,
  type EditorSnapshot,
  type RemoteChange,
} from "./editor-store";
import { EditorStatusBar } from "./editor-status-bar";
import { FeesEditor } from "./fees-editor";
import { useFigureBindings } from "./figure-bindings";
import { FindingsPanel } from "./findings-panel";
import { focusedTarget } from "./form-targets";
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
import { readUnsent, useAutosave, type CellConflict } from "./use-autosave";
import { COVER_TITLE } from "@/lib/report/fields";

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
  const [conflicts, setConflicts] = useState<CellConflict[] | null>(null);
  const [submitFindings, setSubmitFindings] = useState<Finding[] | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  // Values written into the form that the person did not type (colleagues', restored, chosen in a
  // conflict) are not changes of theirs: the form's watcher ignores them while they are written.
  const writingForm = useRef(false);
  const writeIntoForm = useCallback(
    (changes: readonly { target: string; value: RemoteChange["value"] }[]): ReportContent => {
      writingForm.current = true;
      try {
        for (const change of changes) {
          const field = formFieldOf(initial.format, change.target, change.value);
          if (!field) continue;
          if (field.path === "figureBindings") form.setValue(field.path, field.bindings);
          else form.setValue(field.path, field.text);
        }
      } finally {
        writingForm.current = false;
      }
      const content = formToContent(base.current, form.getValues());
      store.publish(derive(content, previous));
      return content;
    },
    [form, initial.format, store, previous],
  );
  const remoteRef = useRef<(changes: RemoteChange[], version: number, since: number) => void>(
    () => {},
  );
  const autosave = useAutosave({
    reportId,
    version,
    initial,
    onRemote: (changes, serverVersion, since) => remoteRef.current(changes, serverVersion, since),
    // A later save may meet other conflicts while the view is open: they join the list.
    onConflict: (more) =>
      setConflicts((open) => [
        ...(open ?? []).filter((c) => !more.some((m) => m.target === c.target)),
        ...more,
      ]),
  });
  const { changed } = autosave;
  /** Colleagues' changes shown at once, except in the cell the person is in or has unsaved values in. */
  remoteRef.current = (changes, serverVersion, since) => {
    const editing = autosave.unsentTargets();
    const focused = focusedTarget();
    if (focused) editing.add(focused);
    for (const c of conflicts ?? []) editing.add(c.target);
    const { applied, kept } = applyRemoteChanges(store.get().content, changes, editing);
    const content = applied.length ? writeIntoForm(applied) : store.get().content;
    autosave.absorb(content, serverVersion, kept, since);
    for (const change of changes) if (change.target === focused) heldForFocus.current = change;
  };
  // A colleague's change to the cell the person is in waits until they leave it; if they typed
  // nothing there meanwhile it is shown then (if they did, their save meets it as a conflict).
  const heldForFocus = useRef<RemoteChange | null>(null);
  const leaveRef = useRef<(event: FocusEvent) => void>(() => {});
  leaveRef.current = (event) => {
    const held = heldForFocus.current;
    const left = event.target instanceof HTMLElement ? event.target.dataset.cellId : undefined;
    if (!held || held.target !== left) return;
    heldForFocus.current = null;
    if (autosave.unsentTargets().has(held.target)) return;
    const content = writeIntoForm([held]);
    autosave.absorb(content, autosave.version(), [], autosave.version());
    autosave.forget(held.target);
  };
  useEffect(() => {
    const onLeave = (event: FocusEvent) => leaveRef.current(event);
    document.addEventListener("focusout", onLeave);
    return () => document.removeEventListener("focusout", onLeave);
  }, []);

  const steps = useMemo(
    () => [
      { key: "cover" as StepKey, title: COVER_TITLE },
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
    onSaved: (event) => {
      if (event.version > autosave.version()) void fetchChanges();
    },
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
      if (writingForm.current) return;
      const content = formToContent(base.current, values as ReportFormValues);
      store.publish(derive(content, previous));
      setSubmitFindings(null);
      changed(content);
    });
    return () => subscription.unsubscribe();
  }, [form, store, previous, changed]);

  // Colleagues' saves heard live (or by polling): fetch what changed since this page's version and
  // show it. One fetch at a time; a save heard meanwhile asks again when it ends.
  const fetching = useRef({ busy: false, again: false });
  const fetchChanges = async () => {
    if (fetching.current.busy) {
      fetching.current.again = true;
      return;
    }
    fetching.current.busy = true;
    try {
      do {
        fetching.current.again = false;
        const since = autosave.version();
        const answer = await api.reports.changesSince(reportId, since);
        if (!answer.ok) break;
        const body = answer.data;
        // A save of this page's answered meanwhile brought everything up to its version already.
        if (body.version > autosave.version()) remoteRef.current(body.changes, body.version, since);
      } while (fetching.current.again);
    } finally {
      fetching.current.busy = false;
    }
  };

  // Edits this browser had not sent before a reload or an outage come back, and are sent from the
  // version they were typed against: the server merges them as any save, colleagues' included.
  useEffect(() => {
    const unsent = readUnsent(reportId, initial);
    if (!unsent?.changes.length) return;
    const content = writeIntoForm(unsent.changes);
    autosave.replay(unsent, content);
    setNotice("已恢复本机暂存、尚未保存到服务器的修改，正在保存。");
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  /** The person chose per cell: the colleague's values go into the form, their own go out again. */
  const resolveConflict = (takeTheirs: ReadonlySet<string>) => {
    if (!conflicts) return;
    const theirs = conflicts.filter((c) => takeTheirs.has(c.target));
    const mine = conflicts.filter((c) => !takeTheirs.has(c.target));
    const content = writeIntoForm(theirs.map((c) => ({ target: c.target, value: c.theirs })));
    autosave.resolved(
      mine.map((c) => ({ target: c.target, value: c.mine })),
      content,
    );
    setConflicts(null);
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
      const answer = await api.reports.submit(reportId, { version: autosave.version() });
      if (answer.ok) {
        router.refresh();
        return;
      }
      const findings = answer.details.findings;
      if (Array.isArray(findings)) setSubmitFindings(findings as Finding[]);
      setNotice(answer.error);
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
            aria-label={COVER_TITLE}
            className="rounded-lg border border-slate-200 bg-white p-4"
          >
            <h2 className="mb-3 text-base font-semibold">{COVER_TITLE}</h2>
            <SectionReviewComments step="cover" onJump={jumpTo} />
            <CoverEditor
              form={form}
              year={initial.meta.year}
              format={initial.format}
              figures={figures}
            />
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
            <FindingsPanel store={store} extra={submitFindings} onJump={jumpTo} figures={figures} />
          </div>
        </div>

        {conflicts ? (
          <ConflictDialog
            format={initial.format}
            conflicts={conflicts}
            onResolve={resolveConflict}
          />
        ) : null}
        <CellHistory reportId={reportId} format={initial.format} />
      </form>
    </ReviewCommentsProvider>
  );
}
