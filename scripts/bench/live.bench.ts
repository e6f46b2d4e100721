/**
 * Live updates against the running app (production build, real PostgreSQL): how long a colleague's
 * save takes to appear for the others with the report open. One editor saves a patch, five open event
 * streams on the same report wait for it; timed from the save request leaving the colleague to (1) the
 * saved event arriving on each stream (PUT → UPDATE + pg_notify on commit → the instance's LISTEN
 * connection → the stream) and (2) the changes fetched with `changes?since=`, as the editor does on
 * hearing it. Sequential saves, bounded in count and in time.
 */
import { BENCH_SECRET, startBenchApp } from "./support/app-server";
import { summarise, type Figure } from "./support/stats";

process.env.SESSION_SECRET = BENCH_SECRET;
const SAVES = 100;
const STREAMS = 5;
const WAIT_MS = 10_000;

interface Stream {
  /** Resolves with the arrival time of the saved event for `version`. */
  arrival(version: number): Promise<number>;
  close(): void;
}

async function openStream(url: string, reportId: string, cookie: string, n: number) {
  const abort = new AbortController();
  const response = await fetch(`${url}/api/reports/${reportId}/events?client=bench-stream-${n}`, {
    headers: { cookie },
    signal: abort.signal,
  });
  if (response.status !== 200) throw new Error(`事件流返回 ${response.status}`);
  const arrived = new Map<number, number>();
  const waiting = new Map<number, (at: number) => void>();
  let ready: () => void = () => {};
  const opened = new Promise<void>((resolve) => (ready = resolve));
  void (async () => {
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        const at = performance.now();
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (frame.startsWith("event: ready")) ready();
          const data = /^data: (.*)$/m.exec(frame)?.[1];
          if (!data) continue;
          const event = JSON.parse(data) as { kind: string; version?: number };
          if (event.kind !== "saved" || event.version === undefined) continue;
          arrived.set(event.version, at);
          waiting.get(event.version)?.(at);
        }
      }
    } catch {
      // aborted at the end of the run
    }
  })();
  await opened;
  return {
    arrival: (version: number) =>
      new Promise<number>((resolve, reject) => {
        const known = arrived.get(version);
        if (known !== undefined) return resolve(known);
        const timer = setTimeout(
          () => reject(new Error(`第 ${version} 版的通知 ${WAIT_MS} ms 内未到达`)),
          WAIT_MS,
        );
        waiting.set(version, (at) => {
          clearTimeout(timer);
          resolve(at);
        });
      }),
    close: () => abort.abort(),
  } satisfies Stream;
}

export async function run(): Promise<Record<string, Figure>> {
  const app = await startBenchApp();
  const streams: Stream[] = [];
  try {
    const { createEditors } = await import("./support/editors");
    const [editor] = await createEditors(app.databaseUrl, 1, "live");
    for (let i = 0; i < STREAMS; i++)
      streams.push(await openStream(app.url, editor.reportId, editor.cookie, i));
    const toEvent: number[] = [];
    const toChanges: number[] = [];
    const saveOnly: number[] = [];
    let version = editor.version;
    for (let i = 0; i < SAVES; i++) {
      const sent = performance.now();
      const response = await fetch(`${app.url}/api/reports/${editor.reportId}/content`, {
        method: "PUT",
        headers: { "content-type": "application/json", cookie: editor.cookie },
        body: JSON.stringify({
          baseVersion: version,
          changes: [{ target: "narrative.s1", value: `同事第 ${i + 1} 次保存的文字。` }],
        }),
      });
      const body = (await response.json()) as { version?: number; error?: string };
      saveOnly.push(performance.now() - sent);
      if (!response.ok || !body.version)
        throw new Error(`保存失败：${response.status} ${body.error}`);
      const saved = body.version;
      const arrivals = await Promise.all(streams.map((s) => s.arrival(saved)));
      for (const at of arrivals) toEvent.push(at - sent);
      // What the editor then asks for: the changes since the version it had.
      const fetched = await fetch(
        `${app.url}/api/reports/${editor.reportId}/changes?since=${version}`,
        { headers: { cookie: editor.cookie } },
      );
      if (!fetched.ok) throw new Error(`读取修改失败：${fetched.status}`);
      await fetched.json();
      toChanges.push(performance.now() - sent);
      version = saved;
    }
    return {
      live_colleague_save_event: {
        ...summarise(toEvent),
        note: `同事保存到其他 ${STREAMS} 个打开的页面收到通知（${SAVES} 次保存；保存本身中位数 ${summarise(saveOnly).median_ms} ms）`,
      },
      live_colleague_change_visible: {
        ...summarise(toChanges),
        note: "同事保存到本页取回其修改（通知 + changes?since=），目标 p95 < 1000 ms",
      },
    };
  } finally {
    for (const stream of streams) stream.close();
    await app.stop();
  }
}
