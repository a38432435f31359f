import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import type { Caller } from '../support-center';

/**
 * Who may call a route: anyone, an engineer's token, the vendor's admin token, or any valid token
 * (`token`: the handler answers the wrong kind itself, e.g. to audit the attempt).
 */
export type Access = 'public' | 'engineer' | 'admin' | 'token';

export type CallerOf<A extends Access> = A extends 'engineer'
  ? Extract<Caller, { role: 'engineer' }>
  : A extends 'admin'
    ? Extract<Caller, { role: 'admin' }>
    : A extends 'token'
      ? Caller
      : null;

export interface RouteContext<A extends Access> {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly caller: CallerOf<A>;
  readonly query: URLSearchParams;
  /** A path parameter (`:id`), already checked against the contract's idSchema. */
  param(name: string): string;
  /** Reads the JSON body (content type, size limit, syntax) and validates it with `schema`. */
  body<S extends z.ZodType>(schema: S): Promise<z.output<S>>;
}

/** What a handler answers: a JSON reply, or `streaming` when it has taken the response over (SSE). */
export type Reply = { status: number; body?: unknown; headers?: Record<string, string> } | 'streaming';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface Route<A extends Access = Access> {
  readonly method: HttpMethod;
  /** Segments separated by `/`; a segment `:name` matches one path segment. */
  readonly path: string;
  readonly access: A;
  handle(ctx: RouteContext<A>): Promise<Reply>;
}

/** Infers `access` so that the handler sees the narrowed caller type. */
export function defineRoute<A extends Access>(route: Route<A>): Route {
  return route as unknown as Route;
}

export function json(status: number, body?: unknown): Reply {
  return { status, body };
}
