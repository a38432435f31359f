import type { z } from 'zod';
import {
  apiErrorSchema,
  exchangedSessionSchema,
  mutationBatchResponseSchema,
  revealedLoginDetailSchema,
  syncPageSchema,
  whoAmISchema,
  type ExchangedSession,
  type MutationBatch,
  type MutationBatchResponse,
  type RevealedLoginDetail,
  type SyncPage,
  type WhoAmI,
} from '@shared/contract';
import { fail, ok, type Result } from '@shared/ipc/result';
import { ClockSkewEstimator } from './clock-skew';

/** Why a request to the backend did not give an answer we can use. */
export type BackendErrorCode = 'offline' | 'timeout' | 'unauthorized' | 'rejected' | 'cursor-refused' | 'server-error' | 'bad-response' | 'too-large';

export interface BackendClientOptions {
  baseUrl: string;
  /** Empty for a client that only calls public endpoints (the sign-in code exchange). */
  token: string;
  timeoutMs?: number;
  /** Bodies larger than this are refused: a sync page is a few megabytes at most. */
  maxResponseBytes?: number;
  fetch?: typeof fetch;
  now?: () => number;
}

/**
 * The main process's only door to the backend: every request has a timeout, every response is
 * validated against the contract, and failures come back as values with a code to branch on.
 * The token stays here; the renderer never sees it.
 */
export class BackendClient {
  readonly skew = new ClockSkewEstimator();
  private readonly fetch: typeof fetch;
  private readonly now: () => number;

  constructor(private readonly options: BackendClientOptions) {
    // Bound: a browser's fetch called as a method of another object throws "Illegal invocation".
    this.fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.now = options.now ?? Date.now;
  }

  get baseUrl(): string {
    return this.options.baseUrl;
  }

  sync(cursor: string | null, limit: number): Promise<Result<SyncPage>> {
    const query = new URLSearchParams({ limit: String(limit) });
    if (cursor !== null) query.set('cursor', cursor);
    return this.request('GET', `/v1/sync?${query.toString()}`, undefined, syncPageSchema);
  }

  pushMutations(batch: MutationBatch): Promise<Result<MutationBatchResponse>> {
    return this.request('POST', '/v1/mutations', batch, mutationBatchResponseSchema);
  }

  /** Public: swaps a one-time sign-in code for an engineer token (this client's own token is not sent). */
  exchangeSignInCode(code: string): Promise<Result<ExchangedSession>> {
    return this.request('POST', '/v1/session/exchange', { code }, exchangedSessionSchema);
  }

  whoAmI(): Promise<Result<WhoAmI>> {
    return this.request('GET', '/v1/me', undefined, whoAmISchema);
  }

  revealLoginDetail(id: string): Promise<Result<RevealedLoginDetail>> {
    return this.request('POST', `/v1/login-details/${encodeURIComponent(id)}/reveal`, {}, revealedLoginDetailSchema);
  }

  private async request<S extends z.ZodType>(method: string, path: string, body: unknown, schema: S): Promise<Result<z.output<S>>> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.options.timeoutMs ?? 15_000);
    const sentAt = this.now();
    try {
      const response = await this.fetch(new URL(path, this.options.baseUrl), {
        method,
        signal: controller.signal,
        headers: {
          ...(this.options.token === '' ? {} : { authorization: `Bearer ${this.options.token}` }),
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await readLimited(response, this.options.maxResponseBytes ?? 64 * 1024 * 1024);
      this.skew.record(sentAt, this.now(), response.headers.get('x-server-time'));
      return interpret(response.status, text, schema);
    } catch (error) {
      if (controller.signal.aborted) return fail('timeout', `the backend did not answer within ${this.options.timeoutMs ?? 15_000} ms`);
      if (error instanceof ResponseTooLarge) return fail('too-large', error.message);
      return fail('offline', `cannot reach the backend at ${this.options.baseUrl}: ${describe(error)}`);
    } finally {
      clearTimeout(timer);
    }
  }
}

class ResponseTooLarge extends Error {}

/** Reads a body, refusing to hold more than `limit` bytes of it. */
async function readLimited(response: Response, limit: number): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > limit) {
    // Cancel the body we refuse to read, or the connection stays open (and its bytes buffered) until GC.
    await response.body?.cancel();
    throw new ResponseTooLarge(`the backend sent ${declared} bytes, more than the ${limit} allowed`);
  }
  if (response.body === null) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new ResponseTooLarge(`the backend sent more than the ${limit} bytes allowed`);
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(concat(chunks, size));
}

function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
  const all = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.byteLength;
  }
  return all;
}

function interpret<S extends z.ZodType>(status: number, text: string, schema: S): Result<z.output<S>> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return status >= 500 ? fail('server-error', `the backend answered ${status}`) : fail('bad-response', `the backend answered ${status} with a body that is not JSON`);
  }
  if (status >= 200 && status < 300) {
    const parsed = schema.safeParse(json);
    if (parsed.success) return ok(parsed.data);
    const issue = parsed.error.issues[0];
    return fail('bad-response', `the backend's answer does not match the contract at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? ''}`);
  }
  const error = apiErrorSchema.safeParse(json);
  const message = error.success ? error.data.error.message : `the backend answered ${status}`;
  if (status === 401) return fail('unauthorized', message);
  // The backend does not know the sync cursor (issued before an upgrade, or under another key).
  if (status === 400 && error.success && error.data.error.field === 'cursor') return fail('cursor-refused', message);
  // Up, but unable to act now (its helpdesk is down, or it is shutting down): sent again later.
  if (status === 503 && error.success && error.data.error.code === 'unavailable') return fail('unavailable', message);
  if (status >= 500) return fail('server-error', message);
  return fail('rejected', message);
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
  }
  return String(error);
}
