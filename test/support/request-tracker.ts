import { describe } from 'vitest';
import { ensureRtTemplate, readToken, rtMissing } from '../../scripts/rt/rt-template';
import { grantHelpdeskRights } from '../../scripts/rt/helpdesk-setup';
import { startRt, type RunningRt } from '../../scripts/rt/start-rt';
import { rtSkipReason } from './rt-skip';


/** A suite that needs RT: skipped with its reason in its name and on the console when RT is not here. */
export function describeWithRt(name: string, body: () => void): void {
  if (rtSkipReason !== null) console.warn(`skipping "${name}": ${rtSkipReason} (RT_REQUIRED=1 makes this a failure)`);
  describe.skipIf(rtSkipReason !== null)(rtSkipReason === null ? name : `${name} (skipped: ${rtSkipReason})`, body);
}

export interface SuiteRt extends RunningRt {
  token: string;
  /** A REST 2.0 call as root, for arranging what a test needs (not the client under test). */
  rest<T = unknown>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<T>;
}

/**
 * A suite's own RT: a copy of the template database behind its own rt-server (~3 s). `rights`
 * gives customers and staff a working helpdesk's rights, so they can write as themselves.
 */
export async function startSuiteRt(options: { rights?: boolean } = {}): Promise<SuiteRt> {
  const missing = rtMissing();
  if (missing !== null) throw new Error(`RT_REQUIRED=1 but ${missing}`);
  const template = await ensureRtTemplate();
  const rt = await startRt(template, options.rights === true ? { beforeStart: grantHelpdeskRights } : {});
  const token = await readToken(rt.tokenFile);
  return {
    ...rt,
    token,
    async rest<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<T> {
      const response = await fetch(`${rt.url}/REST/2.0${path}`, {
        method,
        headers: { Authorization: `token ${token}`, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
      return JSON.parse(text) as T;
    },
  };
}
