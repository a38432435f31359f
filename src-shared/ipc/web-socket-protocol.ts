import { z } from 'zod';
import { ipcErrorSchema } from './result';

/**
 * Web mode: the IPC contract of agent-channels.ts and cache-channels.ts carried over one WebSocket
 * between the browser tab and the Node host, as RpcEndpoint envelopes in JSON text frames.
 */

/** The socket's path on the host. */
export const WEB_SOCKET_PATH = '/agent';

/** The subprotocol the host selects; a version bump here refuses tabs left open on an old build. */
export const WEB_PROTOCOL = 'support-agent.v1';

/**
 * The per-launch secret travels as a second offered subprotocol (`secret.<base64url>`): it is
 * checked during the upgrade, before any message is read, it never appears in a URL the host or
 * a proxy would log, and it is the one header a page of another origin cannot make a browser
 * send on its behalf with the right value.
 */
export const SECRET_PROTOCOL_PREFIX = 'secret.';

/** Where the printed URL carries the secret: the fragment, which browsers never send to a server. */
export const SECRET_FRAGMENT_KEY = 'secret';

/** The secret's shape: 32 random bytes or more, base64url. */
export const webSecretSchema = z.string().regex(/^[A-Za-z0-9_-]{43,128}$/, 'expected 43-128 base64url characters');

/** Renderer -> host events (the host validates them like any request). */
export const webHostEvents = {
  /** This tab's IndexedDB serves the cache channels from now on; an older tab loses that role. */
  'web:serve-cache': z.object({}),
} as const;

/** What the host sends when it refuses a message that has no request id to answer. */
export const webErrorEnvelopeSchema = z.object({ type: z.literal('error'), error: ipcErrorSchema });
export type WebErrorEnvelope = z.infer<typeof webErrorEnvelopeSchema>;

/** Close codes the tab acts on (4000-4999 are for applications). */
export const WEB_CLOSE = {
  /** A newer tab took over the cache; this one must not reconnect and fight it. */
  superseded: 4001,
  /** The host is shutting down; reconnecting later is right. */
  hostStopping: 1001,
  /** A message larger than the cap (RFC 6455 "message too big"). */
  tooBig: 1009,
} as const;

/** Largest text frame the host accepts: an outbox:pending answer of 500 entries of 20,000 characters fits. */
export const MAX_WEB_MESSAGE_BYTES = 16 * 1024 * 1024;
