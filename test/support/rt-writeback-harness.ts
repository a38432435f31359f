import { fileTicketSchema, type MutationResult, type TicketStatus } from '@shared/contract';
import { parseConnectorConfig } from '../../src-backend/connectors/connector-config';
import { RtClient } from '../../src-backend/connectors/request-tracker/rt-client';
import { RtConnector } from '../../src-backend/connectors/request-tracker/rt-connector';
import type { Database } from '../../src-backend/db/database';
import type { SupportCenter } from '../../src-backend/support-center';
import type { SuiteRt } from './request-tracker';

/**
 * The RT connector the support center runs (RtConnector, verified against RT), with a timeout and
 * statuses (RT -> ours) a test chooses, for write-back tests that link tickets themselves
 * (`linkedTicket`) to reach a state quickly. rt-writeback-mirror.test.ts runs its mirror too.
 */
export async function rtWriteConnector(baseUrl: string, token: string, options: { statuses?: Record<string, TicketStatus>; timeoutMs?: number } = {}): Promise<RtConnector> {
  const config = parseConnectorConfig(JSON.stringify({ helpdesk: 'request-tracker', url: baseUrl, user: 'root', queues: { General: 'plan-sla' }, statuses: options.statuses }), 'test');
  if (!config.ok) throw new Error(config.error.message);
  const connector = new RtConnector(config.value, token, { maxRequestsPerSecond: 200, timeoutMs: options.timeoutMs ?? 15_000 });
  const verified = await connector.verify();
  if (!verified.ok) throw new Error(verified.error.message);
  return connector;
}

/**
 * A ticket in RT and ours, linked as the mirror links them: filed in RT as a customer would,
 * filed here for the same requester, and the pair recorded in connector_tickets.
 */
export async function linkedTicket(rt: SuiteRt, db: Database, center: SupportCenter, subject: string): Promise<{ ticketId: string; rtId: number }> {
  const created = await rt.rest<{ id: string }>('POST', '/ticket', { Queue: 'General', Subject: subject, Requestor: 'grace@gold.test', Content: 'It is broken.', ContentType: 'text/plain' });
  const ours = await center.fileTicket(fileTicketSchema.parse({ accountId: 'acc-gold', requesterName: 'Grace Gold', requesterEmail: 'grace@gold.test', subject, body: 'It is broken.' }));
  await db.query("INSERT INTO connector_tickets (connector, external_id, ticket_id) VALUES ('request-tracker', $1, $2)", [created.id, ours.id]);
  return { ticketId: ours.id, rtId: Number(created.id) };
}

export interface RtTransactionRow {
  id: string;
  Type: string;
  Field: string;
  NewValue: string;
  Creator: { id: string };
}

/** A ticket's whole history as RT lists it (one page: test tickets are short). */
export async function rtHistory(rt: SuiteRt, rtId: number): Promise<RtTransactionRow[]> {
  const page = await rt.rest<{ items: RtTransactionRow[] }>('GET', `/ticket/${rtId}/history?per_page=100&fields=Type,Field,NewValue,Creator`);
  return page.items;
}

/** How many messages of this kind in the ticket's history carry exactly this text. */
export async function countMessages(rt: SuiteRt, rtId: number, type: 'Correspond' | 'Comment', body: string): Promise<number> {
  const history = await new RtClient({ baseUrl: rt.url, token: rt.token, maxRequestsPerSecond: 200 }).ticketHistory(rtId, 1, 100);
  if (!history.ok) throw new Error(history.error.message);
  return history.value.items.filter((entry) => entry.Type === type && entry.content?.trim() === body).length;
}

/** What POST /v1/mutations answered: the results, or the error of a refused or failed request. */
export interface MutationsAnswer {
  status: number;
  body: { results: MutationResult[]; error?: { code: string; message: string } };
}

/** POST /v1/mutations as an engineer: the HTTP status and body. */
export async function postMutations(url: string, token: string, mutations: unknown[]): Promise<MutationsAnswer> {
  const response = await fetch(`${url}/v1/mutations`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ mutations }) });
  return { status: response.status, body: (await response.json()) as MutationsAnswer['body'] };
}
