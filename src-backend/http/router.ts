import type { Route } from './route';

export type RouteMatch =
  | { kind: 'found'; route: Route; params: Record<string, string> }
  | { kind: 'wrong-method'; allow: string[] }
  | { kind: 'not-found' };

/**
 * Matches a request against the route table. Path segments arrive already percent-decoded, so a
 * `:id` parameter can hold any character and is validated by the caller, not by the pattern.
 */
export function matchRoute(routes: readonly Route[], method: string, segments: readonly string[]): RouteMatch {
  const allow = new Set<string>();
  for (const route of routes) {
    const params = matchPath(route.path, segments);
    if (params === null) continue;
    if (route.method === method) return { kind: 'found', route, params };
    allow.add(route.method);
  }
  return allow.size > 0 ? { kind: 'wrong-method', allow: [...allow] } : { kind: 'not-found' };
}

function matchPath(pattern: string, segments: readonly string[]): Record<string, string> | null {
  const parts = splitPath(pattern);
  if (parts.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (const [index, part] of parts.entries()) {
    const segment = segments[index] as string;
    if (part.startsWith(':')) params[part.slice(1)] = segment;
    else if (part !== segment) return null;
  }
  return params;
}

function splitPath(path: string): string[] {
  return path.split('/').slice(1);
}

/**
 * Splits the request target into decoded path segments and the query. Parsed by hand rather than
 * with `new URL(target, base)`, which would read a target like `//host/v1/sync` as another host.
 * Returns null when a segment is not valid percent-encoding.
 */
export function parseTarget(target: string): { segments: string[]; query: URLSearchParams } | null {
  const queryStart = target.indexOf('?');
  const path = queryStart === -1 ? target : target.slice(0, queryStart);
  const search = queryStart === -1 ? '' : target.slice(queryStart + 1);
  if (!path.startsWith('/')) return null;
  try {
    return { segments: splitPath(path).map((segment) => decodeURIComponent(segment)), query: new URLSearchParams(search) };
  } catch {
    return null;
  }
}
