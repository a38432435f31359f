import type { ApiError } from '@shared/contract';
import { RequestError } from '../support-center';
import type { Logger } from '@shared/json-log';

export interface ErrorReply {
  status: number;
  body: ApiError;
  headers: Record<string, string>;
}

/**
 * A RequestError answers with its own status, code, message and field. Anything else is a bug:
 * it is logged with its stack and answers a bare 500, so no internals reach the client.
 */
export function errorReply(error: unknown, logger: Logger, context: { method?: string; path?: string }): ErrorReply {
  if (error instanceof RequestError) {
    const headers: Record<string, string> = error.status === 401 ? { 'WWW-Authenticate': 'Bearer realm="support-center"' } : {};
    return { status: error.status, body: apiError(error.code, error.message, error.field), headers };
  }
  logger.error('request failed', { ...context, error });
  return { status: 500, body: apiError('internal', 'internal error'), headers: {} };
}

export function apiError(code: ApiError['error']['code'], message: string, field?: string): ApiError {
  return { error: { code, message, ...(field === undefined ? {} : { field }) } };
}
