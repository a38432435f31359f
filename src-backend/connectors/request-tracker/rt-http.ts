import type { z } from 'zod';
import type { BackoffOptions } from '@shared/backoff';
import { fail, ok, type Result } from '@shared/ipc/result';
import { RequestPacer } from './request-pacer';
import { rtErrorBodySchema } from './rt-schemas';

/** Why RT gave no usable answer; the message names RT's own reason when it gave one. */
export type RtErrorCode = 'offline' | 'timeout' | 'unauthorized' | 'not-found' | 'refused' | 'server-error' | 'bad-response';

export interface RtConnection {
  /** RT's web root, e.g. https://rt.example.com or https://example.com/rt. */
  baseUrl: string;
  /** A REST 2.0 auth token (see readRtToken); sent only in the Authorization header. */
  token: string;
  /** Per attempt; default 15 s. */
  timeoutMs?: number;
  /** Request starts per second at most; default 10. */
  maxRequestsPerSecond?: number;
  /** Attempts per request when RT is unreachable or overloaded; default 4. */
  maxAttempts?: number;
  backoff?: BackoffOptions;
}

type Method = 'GET' | 'POST' | 'PUT';

export interface RtAnswer<T> {
  value: T;
  /** The Location header of a 201: where RT put what it created. */
  location: string | null;
}

interface Attempt {
  done: boolean;
  result: Result<RtAnswer<unknown>>;
  retryAfterMs?: number;
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue === undefined ? 'invalid' : `${issue.path.map(String).join('.') || '(answer)'}: ${issue.message}`;
}

function retryAfter(response: Response): number {
  const seconds = Number(response.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 300) * 1000 : 0;
}

/**
 * Every request to one RT: paced, timed out, retried with backoff while RT is unreachable or
 * overloaded (writes only when RT surely did not act on them), and every answer validated.
 * The token lives in a private field: it never reaches a log line, an error or util.inspect.
 */
export class RtHttp {
  readonly #token: string;
  private readonly root: string;
  private readonly pacer: RequestPacer;
  private readonly timeoutMs: number;
  private readonly maxAttempts: number;

  constructor(connection: RtConnection) {
    this.#token = connection.token;
    this.root = `${connection.baseUrl.replace(/\/+$/, '')}/REST/2.0`;
    this.pacer = new RequestPacer(connection.maxRequestsPerSecond ?? 10, connection.backoff ?? { baseMs: 500, maxMs: 30_000 });
    this.timeoutMs = connection.timeoutMs ?? 15_000;
    this.maxAttempts = connection.maxAttempts ?? 4;
  }

  async request<S extends z.ZodType>(method: Method, path: string, schema: S, body?: unknown): Promise<Result<RtAnswer<z.infer<S>>>> {
    for (let attempt = 1; ; attempt++) {
      await this.pacer.slot();
      const outcome = await this.attempt(method, path, schema, body);
      if (outcome.done || attempt >= this.maxAttempts) {
        if (outcome.done) this.pacer.succeeded();
        return outcome.result as Result<RtAnswer<z.infer<S>>>;
      }
      this.pacer.failed(outcome.retryAfterMs);
    }
  }

  private async attempt(method: Method, path: string, schema: z.ZodType, body: unknown): Promise<Attempt> {
    const idempotent = method !== 'POST';
    const where = `${method} ${path.split('?')[0]}`;
    let response: Response;
    try {
      response = await fetch(`${this.root}${path}`, {
        method,
        // RT wants the JSON content type even on bodiless PUTs.
        headers: { Authorization: `token ${this.#token}`, 'Content-Type': 'application/json', Accept: 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      const cause = error instanceof Error && error.cause instanceof Error ? (error.cause as NodeJS.ErrnoException) : null;
      // A refused connection never reached RT: safe to retry even a write.
      const unsent = cause?.code === 'ECONNREFUSED';
      return timedOut
        ? { done: !idempotent, result: fail('timeout', `${where}: RT did not answer within ${this.timeoutMs} ms`) }
        : { done: !idempotent && !unsent, result: fail('offline', `${where}: RT is unreachable (${cause?.code ?? (error as Error).message})`) };
    }
    const text = await response.text().catch(() => '');
    if (response.ok) return { done: true, result: this.parse(where, response, text, schema) };
    const reason = this.reason(text) ?? response.statusText;
    const status = response.status;
    if (status === 401 || status === 403) return { done: true, result: fail('unauthorized', `${where}: RT refused the token (${status} ${reason})`) };
    if (status === 404) return { done: true, result: fail('not-found', `${where}: ${reason}`) };
    if (status === 429 || status === 503) return { done: false, retryAfterMs: retryAfter(response), result: fail('server-error', `${where}: RT is overloaded (${status} ${reason})`) };
    if (status >= 500) return { done: !(idempotent && (status === 502 || status === 504)), result: fail('server-error', `${where}: RT failed (${status} ${reason})`) };
    return { done: true, result: fail('refused', `${where}: RT refused: ${reason}`) };
  }

  private parse(where: string, response: Response, text: string, schema: z.ZodType): Result<RtAnswer<unknown>> {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return fail('bad-response', `${where}: RT answered ${response.status} with something that is not JSON`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) return fail('bad-response', `${where}: unexpected answer from RT, ${describeIssue(parsed.error)}`);
    return ok({ value: parsed.data, location: response.headers.get('location') });
  }

  private reason(text: string): string | null {
    try {
      const parsed = rtErrorBodySchema.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data.message : null;
    } catch {
      return null;
    }
  }
}
