import type { AdminEngineer, IssuedSignInCode, IssuedToken } from '@shared/contract';
import { endpoints } from '@shared/contract/endpoints';
import { callEndpoint } from '../../src-backend/admin/remote-client';
import { STAFF } from './helpdesk-cast';

/**
 * A workspace for the demo helpdesk (npm run rt-demo, the RT end-to-end test): the connector's
 * configuration and what the admin API sets up before RT's tickets are mirrored.
 */

/** The RT connector's configuration (docs/connectors.md): no secret in it. */
export function connectorConfig(rtUrl: string, pollIntervalMs = 3_000): string {
  return JSON.stringify(
    {
      helpdesk: 'request-tracker',
      url: rtUrl,
      user: 'root',
      queues: { General: 'plan-sla' },
      urgent: { customField: 'Severity', values: ['high'] },
      maxRequestsPerSecond: 10,
      pollIntervalMs,
    },
    null,
    2,
  );
}

export interface Workspace {
  adminToken: string;
  engineerToken: string;
  codes: Array<{ name: string; code: IssuedSignInCode }>;
}

/**
 * Through the admin API of the first start: the billing export (before the mirror runs, so RT's
 * requesters find their accounts), an engineer for each RT staff user, a token for the first and
 * sign-in codes for the others.
 */
export async function setUpWorkspace(url: string, adminToken: string, csv: string): Promise<Workspace> {
  const imported = await fetch(`${url}${endpoints.importBilling.path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'text/csv' },
    body: csv,
  });
  if (!imported.ok) throw new Error(`the billing import was refused: ${imported.status} ${await imported.text()}`);
  const engineers: AdminEngineer[] = [];
  for (const staff of STAFF) {
    engineers.push((await callEndpoint(url, adminToken, endpoints.addEngineer, { body: { name: staff.name, email: staff.email } })) as AdminEngineer);
  }
  const [first, ...others] = engineers as [AdminEngineer, ...AdminEngineer[]];
  const issued = (await callEndpoint(url, adminToken, endpoints.issueToken, { body: { role: 'engineer', engineerId: first.id, label: 'rt-demo web mode' } })) as IssuedToken;
  const codes = [];
  for (const engineer of others) {
    codes.push({ name: engineer.name, code: (await callEndpoint(url, adminToken, endpoints.issueSignInCode, { body: { engineerId: engineer.id, minutes: 60 } })) as IssuedSignInCode });
  }
  return { adminToken, engineerToken: issued.token, codes };
}

