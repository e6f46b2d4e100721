import { readdirSync, statSync } from "node:fs";
import { isAbsolute, join, sep } from "node:path";

/**
 * Shell-style file patterns for the CLI (node 20 has no fs.glob): `*`, `?`, `[abc]`, `{a,b}` within
 * a path segment and `**` for any depth. A pattern without wildcards is passed through as it is
 * (so a missing file is reported by the loader); a pattern that matches nothing yields nothing.
 */
export function hasWildcards(pattern: string): boolean {
  return /[*?[{]/.test(pattern);
}

export function expandGlobs(patterns: readonly string[]): { files: string[]; unmatched: string[] } {
  const files: string[] = [];
  const unmatched: string[] = [];
  const seen = new Set<string>();
  for (const pattern of patterns) {
    const found = hasWildcards(pattern) ? expandOne(pattern) : [pattern];
    if (found.length === 0) unmatched.push(pattern);
    for (const f of found) {
      if (seen.has(f)) continue;
      seen.add(f);
      files.push(f);
    }
  }
  return { files, unmatched };
}

function expandOne(pattern: string): string[] {
  const normalized = pattern.split(sep).join("/");
  const absolute = isAbsolute(normalized);
  const segments = normalized.split("/").filter((s, i) => s !== "" || i === 0);
  let base = absolute ? "/" : ".";
  let i = absolute ? 1 : 0;
  // The fixed directories before the first wildcard.
  const fixed: string[] = [];
  while (i < segments.length - 1 && !hasWildcards(segments[i])) fixed.push(segments[i++]);
  if (fixed.length > 0) base = absolute ? `/${fixed.join("/")}` : fixed.join("/");
  const rest = segments.slice(i);
  const prefix = absolute || fixed.length > 0 ? base : "";
  const out: string[] = [];
  walk(base, prefix, rest, out);
  return out.sort();
}

function walk(dir: string, shown: string, rest: string[], out: string[]): void {
  if (rest.length === 0) return;
  const [head, ...tail] = rest;
  if (head === "**") {
    if (tail.length === 0) {
      allFiles(dir, shown, out);
      return;
    }
    walk(dir, shown, tail, out);
    for (const entry of entries(dir)) {
      if (entry.startsWith(".") || !isDirectory(join(dir, entry))) continue;
      walk(join(dir, entry), shown ? `${shown}/${entry}` : entry, rest, out);
    }
    return;
  }
  const re = segmentRegExp(head);
  for (const entry of entries(dir)) {
    if (!re.test(entry) || (entry.startsWith(".") && !head.startsWith("."))) continue;
    const path = join(dir, entry);
    const display = shown ? `${shown === "/" ? "" : shown}/${entry}` : entry;
    if (tail.length === 0) {
      if (isFile(path)) out.push(display);
    } else if (isDirectory(path)) {
      walk(path, display, tail, out);
    }
  }
}

function allFiles(dir: string, shown: string, out: string[]): void {
  for (const entry of entries(dir)) {
    if (entry.startsWith(".")) continue;
    const path = join(dir, entry);
    const display = shown ? `${shown === "/" ? "" : shown}/${entry}` : entry;
    if (isFile(path)) out.push(display);
    else if (isDirectory(path)) allFiles(path, display, out);
  }
}

function entries(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** One path segment's pattern as a regular expression. */
export function segmentRegExp(segment: string): RegExp {
  let re = "";
  let braces = 0;
  for (let i = 0; i < segment.length; i++) {
    const ch = segment[i];
    if (ch === "*") re += "[^/]*";
    else if (ch === "?") re += "[^/]";
    else if (ch === "[") {
      const close = segment.indexOf("]", i + 1);
      if (close < 0) re += "\\[";
      else {
        const body = segment.slice(i + 1, close).replace(/\\/g, "\\\\");
        re += `[${body.startsWith("!") ? `^${body.slice(1)}` : body}]`;
        i = close;
      }
    } else if (ch === "{") {
      braces++;
      re += "(?:";
    } else if (ch === "}" && braces > 0) {
      braces--;
      re += ")";
    } else if (ch === "," && braces > 0) re += "|";
    else re += ch.replace(/[.+^$()|\\\]]/g, "\\$&");
  }
  re += ")".repeat(braces);
  return new RegExp(`^${re}$`);
}
