import type { Prng } from './seeded-prng';
import type { ProxiedRequest, ProxyFault } from './tcp-fault-proxy';

/**
 * The faults a seeded run can draw for one connection, by name, and how to build each from the
 * PRNG. Names (not proxy kinds) are what the suites weigh and count, because several names share
 * a kind (a 500 and a malformed page are both canned or rewritten answers).
 */
export const faultNames = [
  'refuse',
  'cut-request',
  'cut-in-head',
  'cut-in-body',
  'answer-lost',
  'stall',
  'http-500',
  'html-502',
  'applied-then-500',
  'truncated-body',
  'garbage-body',
  'schema-violation',
  'json-null',
  'oversized-declared',
  'oversized-streamed',
] as const;
export type FaultName = (typeof faultNames)[number];

export interface FaultMenuOptions {
  /** The client's maxResponseBytes: an oversized body is well past it. */
  maxResponseBytes: number;
}

/** One drawn fault: its name (for the counts) and what the proxy does. */
export interface DrawnFault {
  name: FaultName | 'pass';
  fault: ProxyFault;
}

const INTERNAL_ERROR = JSON.stringify({ error: { code: 'internal', message: 'injected: the server failed' } });

export function buildFault(name: FaultName, rng: Prng, options: FaultMenuOptions): ProxyFault {
  switch (name) {
    case 'refuse':
      return { kind: 'refuse' };
    case 'cut-request':
      // Anywhere in the request, from its first byte to past its end (the whole request arrives
      // and the backend acts on it; the client only sees its connection drop).
      return { kind: 'cut-request', afterBytes: rng.int(0, 900) };
    case 'cut-in-head':
      return { kind: 'cut', afterBytes: rng.int(0, 180) };
    case 'cut-in-body':
      return { kind: 'cut-at', fraction: 0.3 + 0.7 * rng.next() * 0.999 };
    case 'answer-lost':
      return { kind: 'cut', afterBytes: 0 };
    case 'stall':
      return rng.chance(0.5) ? { kind: 'stall', afterBytes: 0 } : { kind: 'stall', afterBytes: rng.int(1, 1_500) };
    case 'http-500':
      return { kind: 'answer', status: 500, body: INTERNAL_ERROR, forward: false };
    case 'html-502':
      return { kind: 'answer', status: 502, body: '<html><body><h1>502 Bad Gateway</h1></body></html>', contentType: 'text/html', forward: false };
    case 'applied-then-500':
      return { kind: 'answer', status: rng.pick([500, 503]), body: INTERNAL_ERROR, forward: true };
    case 'truncated-body':
      return { kind: 'rewrite', body: (original) => original.subarray(0, Math.floor(original.length * rng.next() * 0.99)) };
    case 'garbage-body':
      return { kind: 'rewrite', body: () => Buffer.from(Array.from({ length: rng.int(1, 300) }, () => rng.int(0, 255))) };
    case 'schema-violation':
      return { kind: 'rewrite', body: (original) => breakJson(original, rng) };
    case 'json-null':
      return { kind: 'rewrite', body: () => rng.pick(['null', '[]', '{}', '""', '0']) };
    case 'oversized-declared':
      return { kind: 'oversized', bytes: options.maxResponseBytes + rng.int(1, options.maxResponseBytes), declareLength: true };
    case 'oversized-streamed':
      return { kind: 'oversized', bytes: options.maxResponseBytes + rng.int(1, options.maxResponseBytes), declareLength: false };
  }
}

/**
 * A well-formed JSON body with one value swapped for one of the wrong shape (an object where a
 * scalar or list belongs, a number where an object belongs): every schema in the contract refuses
 * it. The client must treat the page as unusable, not store part of it.
 */
export function breakJson(original: Buffer, rng: Prng): string {
  let value: unknown;
  try {
    value = JSON.parse(original.toString('utf8'));
  } catch {
    return original.subarray(0, Math.floor(original.length / 2)).toString('utf8');
  }
  const slots: { parent: Record<string, unknown> | unknown[]; key: string | number; node: unknown }[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach((child, i) => {
        slots.push({ parent: node, key: i, node: child });
        walk(child);
      });
    } else if (node !== null && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        slots.push({ parent: node as Record<string, unknown>, key, node: child });
        walk(child);
      }
    }
  };
  walk(value);
  if (slots.length === 0) return JSON.stringify({ malformed: value });
  const slot = rng.pick(slots);
  const wrong = slot.node !== null && typeof slot.node === 'object' && !Array.isArray(slot.node) ? 42 : { malformed: true };
  (slot.parent as Record<string | number, unknown>)[slot.key] = wrong;
  return JSON.stringify(value);
}

/** Draws faults for a run's connections: each connection is faulted with probability `rate` until `budget` faults are spent. */
export class FaultSchedule {
  private left: number;
  readonly drawn: Record<string, number> = {};
  /** Each request and what it got, in order, for failure messages. */
  readonly log: string[] = [];
  enabled = true;

  constructor(
    private readonly rng: Prng,
    private readonly weights: Partial<Record<FaultName, number>>,
    budget: number,
    private readonly rate: number,
    private readonly options: FaultMenuOptions,
  ) {
    this.left = budget;
  }

  get remaining(): number {
    return this.enabled ? this.left : 0;
  }

  next(request?: ProxiedRequest): DrawnFault {
    if (!this.enabled || this.left <= 0 || !this.rng.chance(this.rate)) return this.count({ name: 'pass', fault: { kind: 'pass' } }, request);
    this.left--;
    const name = this.rng.weighted(this.weights as Record<FaultName, number>);
    return this.count({ name, fault: buildFault(name, this.rng, this.options) }, request);
  }

  private count(drawn: DrawnFault, request?: ProxiedRequest): DrawnFault {
    this.drawn[drawn.name] = (this.drawn[drawn.name] ?? 0) + 1;
    if (request !== undefined && this.log.length < 500) this.log.push(`${request.method} ${request.path.slice(0, 200)} -> ${drawn.name}`);
    return drawn;
  }
}
