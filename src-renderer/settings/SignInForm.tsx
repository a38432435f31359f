import { useState, type FormEvent } from 'react';
import { agentChannels } from '@shared/ipc/agent-channels';
import { agentApi } from '../bridge/agent';
import { useSession } from '../state/session';

type Outcome = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; text: string } | { kind: 'failed'; text: string };

/** What the engineer typed: a token (`sa_…`) is used as it is; anything else is a one-time sign-in code. */
function signInRequest(backendUrl: string, credential: string) {
  return credential.startsWith('sa_')
    ? { method: 'signIn' as const, parsed: agentChannels['session:sign-in'].request.safeParse({ backendUrl, token: credential }) }
    : { method: 'signInWithCode' as const, parsed: agentChannels['session:sign-in-with-code'].request.safeParse({ backendUrl, code: credential }) };
}

/**
 * Backend URL and the sign-in code the team lead issued (or a token), handed to the main process,
 * which swaps a code for the engineer's token and keeps the token; the page never sees it.
 */
export function SignInForm() {
  const session = useSession((s) => s.session);
  const [backendUrl, setBackendUrl] = useState(session?.demo === false ? (session.backendUrl ?? '') : '');
  const [credential, setCredential] = useState('');
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const api = agentApi();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (api === null) return;
    const request = signInRequest(backendUrl.trim(), credential.trim());
    if (!request.parsed.success) {
      const field = request.parsed.error.issues[0]?.path[0] === 'backendUrl' ? 'Backend URL' : 'Sign-in code';
      setOutcome({ kind: 'failed', text: `${field}: ${field === 'Backend URL' ? 'expected an http:// or https:// address' : 'expected the code from your team lead, or a token'}` });
      return;
    }
    setOutcome({ kind: 'busy' });
    const result = request.method === 'signIn' ? await api.signIn(request.parsed.data) : await api.signInWithCode(request.parsed.data);
    if (!result.ok) {
      setOutcome({ kind: 'failed', text: `Sign-in failed: ${result.error.message}` });
      return;
    }
    setCredential('');
    const described = await api.describeSession();
    if (described.ok) useSession.setState({ session: described.value });
    setOutcome({ kind: 'done', text: `Signed in to ${request.parsed.data.backendUrl}. The queue fills as the first sync runs.` });
  };

  return (
    <form className="settings-form" onSubmit={(e) => void submit(e)} aria-labelledby="sign-in-title">
      <h3 id="sign-in-title">Backend and sign-in</h3>
      <p className="panel-note" data-testid="session-summary">
        {session === null
          ? 'Not connected to the agent: nothing to sign in to from this page.'
          : session.demo
            ? 'Connected to the embedded demo workspace (generated data).'
            : `Connected to ${session.backendUrl ?? 'no backend'}${session.engineerId === null ? '' : ` as ${session.engineerId}`}.`}
      </p>
      <label>
        Backend URL
        <input type="url" value={backendUrl} onChange={(e) => setBackendUrl(e.target.value)} placeholder="https://support.example.com" required disabled={api === null} />
      </label>
      <label>
        Sign-in code
        <input type="password" value={credential} onChange={(e) => setCredential(e.target.value)} placeholder="ABCDE-FGHJK" autoComplete="off" required disabled={api === null} />
      </label>
      <p className="panel-note">Ask your team lead for a sign-in code: it works once, for a few minutes. A token (sa_…) works here too.</p>
      <button type="submit" disabled={api === null || outcome.kind === 'busy'}>
        {outcome.kind === 'busy' ? 'Signing in…' : 'Sign in'}
      </button>
      {(outcome.kind === 'done' || outcome.kind === 'failed') && (
        <p className={outcome.kind === 'failed' ? 'form-error' : 'form-ok'} role={outcome.kind === 'failed' ? 'alert' : 'status'}>
          {outcome.text}
        </p>
      )}
    </form>
  );
}
