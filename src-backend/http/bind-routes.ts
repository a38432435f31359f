import { endpoints, pathParameters, type Endpoint, type EndpointName } from '@shared/contract/endpoints';
import type { HandlerInput, Handlers, Reply, Route, RouteContext } from './route';
import { readTextBody } from './read-json-body';
import { queryObject, validateInput } from './validate-input';

/**
 * The route table: every declared endpoint with its handler. A declaration without a handler does
 * not compile; one whose path and `params` disagree throws when the server is built.
 */
export function bindRoutes(handlers: Handlers<EndpointName>): Route[] {
  return Object.values(endpoints).map((endpoint) => bindRoute(endpoint, handlers[endpoint.name] as unknown as LooseHandler));
}

/** A handler seen from the table, which parses the input its declaration describes before calling it. */
type LooseHandler = (input: HandlerInput<Endpoint>) => Promise<Reply>;

function bindRoute(endpoint: Endpoint, handler: LooseHandler): Route {
  const declared = Object.keys(endpoint.params?.shape ?? {}).sort();
  if (pathParameters(endpoint.path).sort().join() !== declared.join()) {
    throw new Error(`${endpoint.name}: the parameters of ${endpoint.path} are not the ones its params schema declares`);
  }
  return {
    method: endpoint.method,
    path: endpoint.path,
    access: endpoint.access,
    async handle(ctx) {
      // Path, then query, then body: the first thing wrong is the one named.
      const params = endpoint.params === undefined ? undefined : validateInput(endpoint.params, ctx.params, 'path');
      const query = endpoint.query === undefined ? undefined : validateInput(endpoint.query, queryObject(ctx.query), 'query');
      const body = endpoint.body === undefined ? undefined : validateInput(endpoint.body, await readBody(endpoint, ctx), 'body');
      return handler({ req: ctx.req, res: ctx.res, caller: ctx.caller as never, params, query, body });
    },
  };
}

/** JSON unless the declaration names a text media type (a CSV export), read with its own size limit. */
function readBody(endpoint: Endpoint, ctx: RouteContext): Promise<unknown> {
  return endpoint.textBody === undefined ? ctx.readBody() : readTextBody(ctx.req, endpoint.textBody.contentType, endpoint.textBody.maxBytes);
}
