import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import type { Access, EndpointName, Endpoints, EndpointSpec, HttpMethod } from '@shared/contract/endpoints';
import type { Caller } from '../support-center';
import type { JsonText } from './send-response';

export type CallerOf<A extends Access> = A extends 'engineer'
  ? Extract<Caller, { role: 'engineer' }>
  : A extends 'admin'
    ? Extract<Caller, { role: 'admin' }>
    : A extends 'token'
      ? Caller
      : null;

/** What a matched request offers before its endpoint's declaration has parsed it. */
export interface RouteContext {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly caller: Caller | null;
  readonly query: URLSearchParams;
  /** The path's parameters as matched, not yet checked. */
  readonly params: Readonly<Record<string, string>>;
  /** Reads the JSON body (content type, size limit, syntax). */
  readBody(): Promise<unknown>;
}

/** What a handler answers: a JSON reply, or `streaming` when it has taken the response over (SSE). */
export type Reply = { status: number; body?: unknown; headers?: Record<string, string> } | 'streaming';

/** A route as the router matches it; its handler parses the request by its endpoint's declaration. */
export interface Route {
  readonly method: HttpMethod;
  readonly path: string;
  readonly access: Access;
  handle(ctx: RouteContext): Promise<Reply>;
}

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

/** A handler's input: the request parsed by its declaration, and the caller narrowed by its access. */
export interface HandlerInput<E extends EndpointSpec> {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly caller: CallerOf<E['access']>;
  readonly params: Parsed<E['params']>;
  readonly query: Parsed<E['query']>;
  readonly body: Parsed<E['body']>;
}

type ReplyBody<S> = S extends z.ZodType ? { body: z.input<S> | JsonText } : { body?: undefined };

/** One of the replies the declaration names: a status it lists, with a body of that status's schema. */
export type ReplyOf<E extends EndpointSpec> =
  | { [S in keyof E['responses'] & number]: { status: S; headers?: Record<string, string> } & ReplyBody<E['responses'][S]> }[keyof E['responses'] & number]
  | (E['stream'] extends string ? 'streaming' : never);

export type Handler<E extends EndpointSpec> = (input: HandlerInput<E>) => Promise<ReplyOf<E>>;

/** Handlers for some endpoints, by name. */
export type Handlers<N extends EndpointName> = { [K in N]: Handler<Endpoints[K]> };
