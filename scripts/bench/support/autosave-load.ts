// The load generator, run as a second process on loopback: simulated editors autosave their reports
// as fast as the server answers, for a bounded time and count. Prints one JSON line of results.
import { fullReport } from "../../../lib/report/fixtures/full-report";
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
const started = performance.now();
const stopAt = started + job.durationMs;

async function editor(e: SimulatedEditor, n: number) {
  const content = fullReport("2021", 2025);
  let version = e.version;
  let i = 0;
  while (performance.now() < stopAt && saves < job.maxSaves) {
    // Each save changes one cell, as a keystroke-and-pause does.
    content.tables["20.5"].licensing.decisions = 1000 + n * 100000 + i++;
    const t0 = performance.now();
    const response = await fetch(`${job.url}/api/reports/${e.reportId}/content`, {
      method: "PUT",
      headers: { "content-type": "application/json", cookie: e.cookie },
      body: JSON.stringify({ version, content }),
    });
    const body = (await response.json()) as { version?: number; current?: { version: number } };
    latencies.push(performance.now() - t0);
    if (response.ok) {
      saves++;
      version = body.version!;
    } else if (response.status === 409 && body.current) {
      conflicts++;
      version = body.current.version;
    } else {
      failures++;
    }
  }
}

await Promise.all(job.editors.map((e, n) => editor(e, n)));
const elapsedMs = performance.now() - started;
process.stdout.write(`${JSON.stringify({ latencies, saves, failures, conflicts, elapsedMs })}\n`);
