import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SupportCenter } from '../support-center';
import { RequestError } from '../support-center';
import { authenticateRequest } from './authenticate-request';
import { applyCors, preflightHeaders } from './cors';
import { apiError, errorReply } from './error-reply';
import type { Logger } from '@shared/json-log';
import { readJsonBody } from './read-json-body';
import { refuseRepeatedHeaders } from './refuse-repeated-headers';
import { logRequest, type RequestLog } from './request-log';
import type { Reply, Route } from './route';
import { matchRoute, parseTarget } from './router';
import { sendJson } from './send-response';
import type { ServerLifecycle } from './server-lifecycle';

export interface RequestDeps {
  center: SupportCenter;
  routes: readonly Route[];
  lifecycle: ServerLifecycle;
  logger: Logger;
  allowedOrigins: ReadonlySet<string>;
}

/** One request, start to end: every outcome, including a bug, becomes a JSON reply, and one log line. */
export async function handleRequest(req: IncomingMessage, res: ServerResponse, deps: RequestDeps): Promise<void> {
  const log = logRequest(req, res, deps.logger);
  let reply: Reply;
  try {
    reply = await dispatch(req, res, deps, log);
  } catch (error) {
    reply = errorReply(error, deps.logger, { method: req.method, path: req.url?.split('?')[0] });
  }
  if (reply === 'streaming') return;
  const headers = { ...reply.headers };
  // An unread body (413, or a refusal before reading) must not be parsed as the next request;
  // a stopping server lets each connection go after its last answer.
  if (!req.complete || deps.lifecycle.stopping) headers.Connection = 'close';
  sendJson(res, reply.status, reply.body, headers);
}

async function dispatch(req: IncomingMessage, res: ServerResponse, deps: RequestDeps, log: RequestLog): Promise<Reply> {
  refuseRepeatedHeaders(req);
  const method = req.method ?? 'GET';
  const target = parseTarget(req.url ?? '/');
  if (target === null) throw new RequestError(400, 'bad-request', 'the request path is not valid percent-encoding');
  applyCors(req, res, deps.allowedOrigins);
  const match = matchRoute(deps.routes, method, target.segments);
  const path = `/${target.segments.join('/')}`;
  if (match.kind === 'found') log.route = match.route.path;
  if (match.kind === 'not-found') return { status: 404, body: apiError('not-found', `no route ${path}`) };
  if (match.kind === 'wrong-method') {
    if (method === 'OPTIONS') return { status: 204, headers: { Allow: match.allow.join(', '), ...preflightHeaders(match.allow) } };
    return {
      status: 405,
      body: apiError('method-not-allowed', `${method} is not allowed on ${path}; use ${match.allow.join(' or ')}`),
      headers: { Allow: match.allow.join(', ') },
    };
  }
  const caller = await authenticateRequest(deps.center, req, match.route.access);
  return match.route.handle({ req, res, caller, query: target.query, params: match.params, readBody: () => readJsonBody(req) });
}
