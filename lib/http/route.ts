import { NextResponse } from "next/server";
import type { z } from "zod";
import { requireAuthContext, type AuthContext } from "@/lib/auth/context";
import { clientIp } from "./client-ip";
import { readBody, type BodyKind } from "./read-body";
import { refusalOf } from "./refusal";
import { assertSameOrigin, STATE_CHANGING } from "./same-origin";

type Schema = z.ZodType;
type Parsed<S, Otherwise> = S extends Schema ? z.output<S> : Otherwise;

export interface RouteOptions<
  I extends Schema | undefined,
  Q extends Schema | undefined,
  P extends Schema | undefined,
  A extends boolean,
> {
  /** The body's schema: the JSON value, or the fields of a multipart form (`body: "multipart"`). */
  input?: I;
  /** How the body is sent: JSON (default) or a multipart upload. Any other Content-Type is a 415. */
  body?: BodyKind;
  /** The query string's schema, given the parameters as an object of strings (the first of repeated ones). */
  query?: Q;
  /** The path parameters' schema, e.g. `{ id: recordId("报告") }`: a malformed id is a 400. */
  params?: P;
  /** Refuse cross-site requests (Origin / Sec-Fetch-Site). Default: for POST, PUT, PATCH and DELETE. */
  sameOrigin?: boolean;
  /** The body's cap in bytes, counted as it arrives (chunked too); over it is a 413. Default 64 KB. */
  maxBytes?: number;
  /** A signed-in caller is required (401 otherwise). Default true; false only for public endpoints. */
  auth?: A;
}

export interface RouteCall<I, Q, P, A extends boolean> {
  input: Parsed<I, undefined>;
  query: Parsed<Q, undefined>;
  params: Parsed<P, Record<string, string>>;
  ctx: A extends false ? null : AuthContext;
  request: Request;
  /** The caller's address for the audit log (X-Real-IP, else the last X-Forwarded-For hop). */
  ip: string | null;
}

const DEFAULT_MAX_BYTES = 64 * 1024;

/**
 * The one edge every route handler goes through: same-origin check for state changes, the caller's
 * authorised context, the body read with a counted cap and parsed with zod, then the handler; whatever
 * is thrown becomes a JSON refusal through the one mapper. Every answer is `Cache-Control: private,
 * no-store` — these are one user's data. The handler returns a Response, or a value sent as JSON.
 */
export function route<
  I extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  P extends Schema | undefined = undefined,
  A extends boolean = true,
>(options: RouteOptions<I, Q, P, A>, handler: (call: RouteCall<I, Q, P, A>) => Promise<unknown>) {
  return async (
    request: Request,
    context?: { params?: Promise<Record<string, string | string[]>> },
  ): Promise<Response> => {
    let response: Response;
    try {
      const changes = STATE_CHANGING.has(request.method);
      if (options.sameOrigin ?? changes) assertSameOrigin(request);
      const ctx = options.auth === false ? null : await requireAuthContext();
      const rawParams = (await context?.params) ?? {};
      const params = options.params ? options.params.parse(rawParams) : rawParams;
      const query = options.query
        ? options.query.parse(Object.fromEntries(new URL(request.url).searchParams))
        : undefined;
      const input =
        options.input && changes
          ? options.input.parse(
              await readBody(
                request,
                options.body ?? "json",
                options.maxBytes ?? DEFAULT_MAX_BYTES,
              ),
            )
          : undefined;
      const call = {
        input,
        query,
        params,
        ctx,
        request,
        ip: clientIp(request.headers),
      } as RouteCall<I, Q, P, A>;
      const result = await handler(call);
      response = result instanceof Response ? result : NextResponse.json(result);
    } catch (error) {
      const refusal = refusalOf(error);
      response = NextResponse.json(
        { error: refusal.error, ...refusal.details },
        { status: refusal.status, headers: refusal.headers },
      );
    }
    if (!response.headers.has("cache-control"))
      response.headers.set("cache-control", "private, no-store");
    return response;
  };
}
