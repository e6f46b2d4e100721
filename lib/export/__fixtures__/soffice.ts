import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, extname, join } from "node:path";
import { pathToFileURL } from "node:url";

/**
 * LibreOffice headless, for tests and the benchmark only (lib/export itself does no I/O). Each
 * conversion gets its own throwaway user profile, so parallel runs never share a locked profile.
 */
export function sofficePath(): string | null {
  for (const dir of (process.env.PATH ?? "").split(":")) {
    if (dir && existsSync(join(dir, "soffice"))) return join(dir, "soffice");
  }
  return null;
}

export interface Conversion {
  /** The converted file. */
  output: string;
  stdout: string;
  stderr: string;
}

/**
 * `soffice --headless --convert-to <target> --outdir <outDir> <inputs…>` by one process; rejects on a
 * non-zero exit or a missing output. `profile`: a user profile directory to reuse (kept); by default a
 * fresh one, removed afterwards.
 */
function runSoffice(
  inputs: string[],
  target: string,
  outDir: string,
  { timeoutMs, profile }: { timeoutMs: number; profile?: string },
): Promise<{ outputs: string[]; stdout: string; stderr: string }> {
  const soffice = sofficePath();
  if (!soffice) return Promise.reject(new Error("soffice is not installed"));
  const ownProfile = profile ? null : mkdtempSync(join(tmpdir(), "lo-profile-"));
  const profileDir = profile ?? ownProfile!;
  const args = [
    "--headless",
    "--norestore",
    `-env:UserInstallation=${pathToFileURL(profileDir).href}`,
    "--convert-to",
    target,
    "--outdir",
    outDir,
    ...inputs,
  ];
  const outputs = inputs.map((input) =>
    join(outDir, `${basename(input, extname(input))}.${target.split(":")[0]}`),
  );
  return new Promise((resolve, reject) => {
    execFile(soffice, args, { timeout: timeoutMs }, (error, stdout, stderr) => {
      if (ownProfile) rmSync(ownProfile, { recursive: true, force: true });
      const missing = outputs.filter((o) => !existsSync(o));
      if (error) reject(new Error(`soffice failed: ${error.message}\n${stderr}`));
      else if (missing.length)
        reject(new Error(`soffice wrote no ${missing.join(", ")}\n${stdout}\n${stderr}`));
      else resolve({ outputs, stdout, stderr });
    });
  });
}

/** One file converted (see runSoffice), with what soffice printed. */
export async function sofficeConvert(
  input: string,
  target: string,
  outDir: string,
  { timeoutMs = 120_000, profile }: { timeoutMs?: number; profile?: string } = {},
): Promise<Conversion> {
  const { outputs, stdout, stderr } = await runSoffice([input], target, outDir, {
    timeoutMs,
    profile,
  });
  return { output: outputs[0], stdout, stderr };
}

/**
 * Several files converted by one soffice process (one start-up instead of one each); resolves to the
 * converted files in input order.
 */
export async function sofficeConvertAll(
  inputs: string[],
  target: string,
  outDir: string,
  { timeoutMs = 300_000, profile }: { timeoutMs?: number; profile?: string } = {},
): Promise<string[]> {
  return (await runSoffice(inputs, target, outDir, { timeoutMs, profile })).outputs;
}
