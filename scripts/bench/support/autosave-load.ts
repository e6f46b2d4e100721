// The load generator, run as a second process on loopback: simulated editors autosave as fast as the
// server answers, for a bounded time and count, each save a patch of one cell (a keystroke-and-pause),
// as the editor sends it. Prints one JSON line of results.
import type { SimulatedEditor } from "./editors";

interface Job {
  url: string;
  editors: SimulatedEditor[];
  durationMs: number;
  maxSaves: number;
}

const job = JSON.parse(process.env.NIANBAO_LOAD_JOB ?? "{}") as Job;
const latencies: number[] = [];
let saves = 0;
let failures = 0;
let conflicts = 0;
let colleagueChanges = 0;
let bytesSent = 0;
let bytesReceived = 0;
const started = performance.now();
const stopAt = started + job.durationMs;

async function editor(e: SimulatedEditor, n: number) {
  let version = e.version;
  let i = 0;
  while (performance.now() < stopAt && saves < job.maxSaves) {
    const body = JSON.stringify({
      baseVersion: version,
      changes: [{ target: e.target, value: 1000 + n * 100000 + i++ }],
    });
    const t0 = performance.now();
    const response = await fetch(`${job.url}/api/reports/${e.reportId}/content`, {
      method: "PUT",
      headers: { "content-type": "application/json", cookie: e.cookie },
      body,
    });
    const text = await response.text();
    latencies.push(performance.now() - t0);
    bytesSent += Buffer.byteLength(body);
    bytesReceived += Buffer.byteLength(text);
    const answer = JSON.parse(text) as {
      version?: number;
      conflicts?: unknown[];
      changes?: unknown[];
    };
    if (response.ok && typeof answer.version === "number") {
      saves++;
      version = answer.version;
      conflicts += answer.conflicts?.length ?? 0;
      colleagueChanges += answer.changes?.length ?? 0;
    } else {
      failures++;
    }
  }
}

await Promise.all(job.editors.map((e, n) => editor(e, n)));
const elapsedMs = performance.now() - started;
process.stdout.write(
  `${JSON.stringify({ latencies, saves, failures, conflicts, colleagueChanges, bytesSent, bytesReceived, elapsedMs })}\n`,
);
