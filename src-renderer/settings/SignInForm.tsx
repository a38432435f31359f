import { useState, type FormEvent } from 'react';
import { agentChannels } from '@shared/ipc/agent-channels';
import { agentApi } from '../bridge/agent';
import { useSession } from '../state/session';

type Outcome = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; text: string } | { kind: 'failed'; text: string };

/** Backend URL and token, handed to the main process, which keeps the token and never shows it again. */
export function SignInForm() {
  const session = useSession((s) => s.session);
  const [backendUrl, setBackendUrl] = useState(session?.demo === false ? (session.backendUrl ?? '') : '');
  const [token, setToken] = useState('');
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const api = agentApi();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (api === null) return;
    const request = agentChannels['session:sign-in'].request.safeParse({ backendUrl: backendUrl.trim(), token: token.trim() });
    if (!request.success) {
      const issue = request.error.issues[0];
      const field = issue?.path[0] === 'token' ? 'Token' : 'Backend URL';
      setOutcome({ kind: 'failed', text: `${field}: ${issue?.path[0] === 'token' ? 'expected 8 to 500 characters' : 'expected an http:// or https:// address'}` });
      return;
    }
    setOutcome({ kind: 'busy' });
    const result = await api.signIn(request.data);
    if (!result.ok) {
      setOutcome({ kind: 'failed', text: `Sign-in failed: ${result.error.message}` });
      return;
    }
    setToken('');
    const described = await api.describeSession();
    if (described.ok) useSession.setState({ session: described.value });
    setOutcome({ kind: 'done', text: `Signed in to ${request.data.backendUrl}. The queue fills as the first sync runs.` });
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
        Token
        <input type="password" value={token} onChange={(e) => setToken(e.target.value)} autoComplete="off" required disabled={api === null} />
      </label>
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
