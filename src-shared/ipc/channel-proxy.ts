import type { z } from 'zod';
import { fail, type IpcError } from './result';
import { checkEvent, checkResponse, type ChannelMap, type ChannelSpec, type Handlers } from './rpc-endpoint';

/**
 * A service declared as channels, plus the name each channel takes on the object a caller holds:
 * requests become `name(request)` methods, events `onName(listener)` subscriptions. Everything a
 * proxy offers is derived from this, so a channel declared once appears on every transport.
 */
export interface ProxyDeclaration {
  readonly channels: ChannelMap;
  readonly methods: { readonly [channel: string]: string };
  readonly events: Readonly<Record<string, z.ZodType>>;
  readonly eventMethods: { readonly [event: string]: string };
}

type RequestMethod<S extends ChannelSpec> =
  Record<never, never> extends z.input<S['request']>
    ? (request?: z.input<S['request']>) => Promise<z.output<S['response']>>
    : (request: z.input<S['request']>) => Promise<z.output<S['response']>>;

type EventMethod<S extends z.ZodType> = (listener: (payload: z.output<S>) => void) => () => void;

/** The methods a proxy of declaration D has: one per channel and one per event, named as D names them. */
export type ProxyOf<D extends ProxyDeclaration> = {
  [C in keyof D['methods'] & keyof D['channels'] as D['methods'][C]]: RequestMethod<D['channels'][C]>;
} & {
  [E in keyof D['eventMethods'] & keyof D['events'] as D['eventMethods'][E]]: EventMethod<D['events'][E]>;
};

/** What a proxy needs of a transport: send one request and hand back the raw answer; pass events on. */
export interface ProxyTransport {
  request(channel: string, payload: unknown): Promise<unknown>;
  listen(event: string, listener: (payload: unknown) => void): () => void;
  /** An event that did not match its schema, dropped here: said somewhere a developer looks. */
  refused(error: IpcError): void;
}

/**
 * The caller's side of a declared service over any transport: a fixed set of named methods, each
 * bound to its channel (never a generic invoke). Answers are checked against the channel's response
 * schema and events against theirs; an answer that does not fit, or a transport that throws,
 * comes back as an error value.
 */
export function channelProxy<D extends ProxyDeclaration>(declaration: D, transport: ProxyTransport): ProxyOf<D> {
  const proxy: Record<string, unknown> = {};
  for (const [channel, method] of Object.entries(declaration.methods)) {
    const spec = declaration.channels[channel];
    if (spec === undefined) continue;
    proxy[method] = async (request: unknown = {}): Promise<unknown> => {
      try {
        return checkResponse(channel, spec, await transport.request(channel, request));
      } catch (error) {
        return fail('transport', `${channel} could not be sent: ${error instanceof Error ? error.message : String(error)}`);
      }
    };
  }
  for (const [event, method] of Object.entries(declaration.eventMethods)) {
    const schema = declaration.events[event];
    if (schema === undefined) continue;
    proxy[method] = (listener: (payload: unknown) => void) =>
      transport.listen(event, (payload) => {
        const checked = checkEvent(event, schema, payload);
        if (checked.ok) listener(checked.value);
        else transport.refused(checked.error);
      });
  }
  return proxy as ProxyOf<D>;
}

/**
 * Handlers for every channel of `channels` that pass the request on to `call`: how the main process
 * holds the renderer's cache, derived from the declaration rather than listed.
 */
export function forwardingHandlers<M extends ChannelMap>(channels: M, call: (channel: keyof M & string, request: unknown) => Promise<unknown>): Handlers<M> {
  const handlers: Record<string, (request: unknown) => Promise<unknown>> = {};
  for (const channel of Object.keys(channels)) handlers[channel] = (request) => call(channel, request);
  return handlers as Handlers<M>;
}
