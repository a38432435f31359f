import { z } from 'zod';
import { fail, type Result } from './result';

/**
 * Request/response over any message transport (Electron IPC, a WebSocket, a MessagePort): ids pair
 * answers with requests, every request and answer is validated by the channel's schema where it
 * is received, and anything unknown or malformed comes back as an error value, never a throw.
 */
export interface ChannelSpec {
  request: z.ZodType;
  response: z.ZodType;
}
export type ChannelMap = Record<string, ChannelSpec>;
export type Handlers<M extends ChannelMap> = { [C in keyof M]: (request: z.output<M[C]['request']>) => Promise<z.output<M[C]['response']>> };

export const MAX_ENVELOPE_CHANNEL = 64;

const envelopeIdSchema = z.number().int().nonnegative();

export const rpcEnvelopeSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('request'), id: envelopeIdSchema, channel: z.string().min(1).max(MAX_ENVELOPE_CHANNEL), payload: z.unknown() }),
  z.object({ type: z.literal('response'), id: envelopeIdSchema, payload: z.unknown() }),
  z.object({ type: z.literal('event'), channel: z.string().min(1).max(MAX_ENVELOPE_CHANNEL), payload: z.unknown() }),
]);
export type RpcEnvelope = z.infer<typeof rpcEnvelopeSchema>;

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue === undefined ? 'invalid' : `${issue.path.map(String).join('.') || '(payload)'}: ${issue.message}`;
}

/**
 * One request as the receiving side answers it, whatever carried it: refused unless the channel is
 * declared and implemented and the payload fits its schema; a handler that throws answers an error.
 */
export async function answerRequest<M extends ChannelMap>(local: { channels: M; handlers: Partial<Handlers<M>> }, channel: string, payload: unknown): Promise<unknown> {
  const spec = Object.hasOwn(local.channels, channel) ? local.channels[channel] : undefined;
  const handler = (Object.hasOwn(local.handlers, channel) ? local.handlers[channel] : undefined) as ((request: unknown) => Promise<unknown>) | undefined;
  if (spec === undefined || handler === undefined) return fail('unknown-channel', `no such channel: ${channel.slice(0, MAX_ENVELOPE_CHANNEL)}`);
  const request = spec.request.safeParse(payload);
  if (!request.success) return fail('bad-request', `${channel}: ${describeIssue(request.error)}`);
  try {
    return await handler(request.data);
  } catch (error) {
    return fail('internal', `${channel} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** An event as its listeners' side takes it: what the event's schema allows, else an error value. */
export function checkEvent(event: string, schema: z.ZodType, payload: unknown): Result<unknown> {
  const parsed = schema.safeParse(payload);
  return parsed.success ? { ok: true, value: parsed.data } : fail('bad-event', `${event}: ${describeIssue(parsed.error)}`);
}

/** An answer as the asking side takes it: what the channel's response schema allows, else an error value. */
export function checkResponse(channel: string, spec: ChannelSpec, payload: unknown): unknown {
  const response = spec.response.safeParse(payload);
  return response.success ? response.data : fail('bad-response', `${channel} answered with ${describeIssue(response.error)}`);
}

/** What is left to read of a request that is malformed elsewhere: that it is one, and its id. */
const requestIdSchema = z.object({ type: z.literal('request'), id: envelopeIdSchema });

function readableRequestId(raw: unknown): number | null {
  const parsed = requestIdSchema.safeParse(raw);
  return parsed.success ? parsed.data.id : null;
}

export class RpcEndpoint<Local extends ChannelMap, Remote extends ChannelMap> {
  private nextId = 0;
  private readonly waiting = new Map<number, { channel: keyof Remote; resolve: (value: unknown) => void }>();
  private readonly eventListeners = new Map<string, Set<(payload: unknown) => void>>();

  constructor(
    private readonly send: (envelope: RpcEnvelope) => void,
    private readonly local: { channels: Local; handlers: Partial<Handlers<Local>> },
    private readonly remote: Remote,
    private readonly events: Record<string, z.ZodType> = {},
  ) {}

  /** Asks the other side; resolves with its validated answer or an error value. */
  call<C extends keyof Remote & string>(channel: C, request: z.input<Remote[C]['request']>): Promise<z.output<Remote[C]['response']> | Result<never>> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, { channel, resolve: resolve as (value: unknown) => void });
      try {
        this.send({ type: 'request', id, channel, payload: request });
      } catch (error) {
        this.waiting.delete(id);
        resolve(fail('transport', `could not send ${channel}: ${error instanceof Error ? error.message : String(error)}`));
      }
    });
  }

  /** Fails every call still waiting (the other side went away). */
  abandonAll(reason: string): void {
    for (const [id, waiter] of this.waiting) {
      this.waiting.delete(id);
      waiter.resolve(fail('transport', reason));
    }
  }

  onEvent(channel: string, listener: (payload: unknown) => void): () => void {
    const set = this.eventListeners.get(channel) ?? new Set();
    set.add(listener);
    this.eventListeners.set(channel, set);
    return () => set.delete(listener);
  }

  emit(channel: string, payload: unknown): void {
    this.send({ type: 'event', channel, payload });
  }

  /** Feeds one message from the transport. Returns an error value for anything it refused. */
  async receive(raw: unknown): Promise<Result<null>> {
    const parsed = rpcEnvelopeSchema.safeParse(raw);
    if (!parsed.success) return this.refuseEnvelope(raw, fail('bad-envelope', `refused a message that is not an envelope: ${describeIssue(parsed.error)}`));
    const envelope = parsed.data;
    if (envelope.type === 'response') return this.settle(envelope.id, envelope.payload);
    if (envelope.type === 'event') return this.dispatchEvent(envelope.channel, envelope.payload);
    const answer = await answerRequest(this.local, envelope.channel, envelope.payload);
    this.send({ type: 'response', id: envelope.id, payload: answer });
    return { ok: true, value: null };
  }

  /**
   * A malformed request whose id can still be read gets the refusal as its own response: its
   * caller waits for that id, and would otherwise wait until its timeout. Anything else is
   * returned to the transport, which has no one in particular to answer.
   */
  private refuseEnvelope(raw: unknown, refusal: Result<never>): Result<null> {
    const id = readableRequestId(raw);
    if (id === null) return refusal;
    this.send({ type: 'response', id, payload: refusal });
    return { ok: true, value: null };
  }

  private settle(id: number, payload: unknown): Result<null> {
    const waiter = this.waiting.get(id);
    if (waiter === undefined) return fail('unknown-response', `no request is waiting for answer ${id}`);
    this.waiting.delete(id);
    waiter.resolve(checkResponse(String(waiter.channel), this.remote[waiter.channel] as ChannelSpec, payload));
    return { ok: true, value: null };
  }

  private dispatchEvent(channel: string, payload: unknown): Result<null> {
    const schema = Object.hasOwn(this.events, channel) ? this.events[channel] : undefined;
    if (schema === undefined) return fail('unknown-channel', `no such event: ${channel.slice(0, MAX_ENVELOPE_CHANNEL)}`);
    const parsed = checkEvent(channel, schema, payload);
    if (!parsed.ok) return parsed;
    for (const listener of this.eventListeners.get(channel) ?? []) listener(parsed.value);
    return { ok: true, value: null };
  }
}
