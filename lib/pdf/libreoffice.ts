import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

/**
 * LibreOffice headless, converting a DOCX to PDF on the server. Each converter slot has its own user
 * profile (LibreOffice locks its profile while it runs), kept between conversions so that only the
 * first one pays for creating it. A conversion past its time limit is killed with its whole process
 * group (soffice starts soffice.bin as a child).
 */
export function sofficeBinary(): string | null {
  const configured = process.env.NIANBAO_SOFFICE;
  if (configured) return existsSync(configured) ? configured : null;
  for (const dir of (process.env.PATH ?? "").split(":")) {
    if (dir && existsSync(join(dir, "soffice"))) return join(dir, "soffice");
  }
  return null;
}

export class ConversionFailedError extends Error {}

const profiles = new Map<number, string>();

async function profileOf(slot: number): Promise<string> {
  const known = profiles.get(slot);
  if (known) return known;
  const dir = join(tmpdir(), `nianbao-lo-${process.pid}-${slot}`);
  await mkdir(dir, { recursive: true });
  profiles.set(slot, dir);
  return dir;
}

function run(binary: string, args: string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { detached: true, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      if (stderr.length < 4000) stderr += chunk.toString();
    });
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // already gone
      }
      reject(new ConversionFailedError(`LibreOffice did not finish within ${timeoutMs} ms`));
    }, timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(new ConversionFailedError(error.message));
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else
        reject(
          new ConversionFailedError(`LibreOffice exited with ${code}: ${stderr.slice(0, 500)}`),
        );
    });
  });
}

/** The DOCX as a PDF, converted in converter slot `slot`; rejects on failure or after `timeoutMs`. */
export async function docxToPdf(
  docx: Uint8Array,
  { slot, timeoutMs }: { slot: number; timeoutMs: number },
): Promise<Buffer> {
  const binary = sofficeBinary();
  if (!binary) throw new ConversionFailedError("LibreOffice (soffice) is not installed");
  const work = await mkdtemp(join(tmpdir(), "nianbao-pdf-"));
  try {
    const input = join(work, "report.docx");
    await writeFile(input, docx);
    const profile = await profileOf(slot);
    await run(
      binary,
      [
        "--headless",
        "--norestore",
        "--nolockcheck",
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        "--convert-to",
        "pdf",
        "--outdir",
        work,
        input,
      ],
      timeoutMs,
    );
    const pdf = await readFile(join(work, "report.pdf")).catch(() => null);
    if (!pdf || pdf.subarray(0, 5).toString("latin1") !== "%PDF-")
      throw new ConversionFailedError("LibreOffice wrote no PDF");
    return pdf;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
