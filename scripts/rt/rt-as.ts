/** How a REST 2.0 request proves who it is: root's auth token, or a user's password (basic auth). */
export type RtAuth = { token: string } | { user: string; password: string };

export interface RtAnswer {
  json: unknown;
  /** The id at the end of the Location header: the ticket or transaction RT created. */
  createdId: number | null;
}

/**
 * REST 2.0 calls as one RT user, for arranging a helpdesk (customers write as themselves, so RT
 * records them as the author). Throws with RT's answer when RT refuses.
 */
export function rtAs(baseUrl: string, auth: RtAuth) {
  const authorization = 'token' in auth ? `token ${auth.token}` : `Basic ${Buffer.from(`${auth.user}:${auth.password}`).toString('base64')}`;
  return async (method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<RtAnswer> => {
    const response = await fetch(`${baseUrl}/REST/2.0${path}`, {
      method,
      headers: { Authorization: authorization, 'Content-Type': 'application/json', Accept: 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} as ${'token' in auth ? 'root' : auth.user}: ${response.status} ${text}`);
    const created = /\/(\d+)$/.exec(response.headers.get('location') ?? '')?.[1];
    return { json: text === '' ? null : JSON.parse(text), createdId: created === undefined ? null : Number(created) };
  };
}

export type RtCall = ReturnType<typeof rtAs>;
