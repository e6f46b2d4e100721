import { ValidationError } from "@/lib/errors";

/**
 * A file the importer refuses (kind not supported, or past a reader's limits); the message is Chinese
 * and names the file. A module of its own, so that readers can throw it without importing the dispatch
 * (import-bytes.ts) that imports them.
 */
export class ImportRefusedError extends ValidationError {}
