import type { PolicyVersionRow } from '@shared/contract';
import { formatCents, formatCountdown, formatDuration, formatInZone } from './format-time';
import { InstantText } from './InstantText';
import { PolicyVersionLine } from './PolicyVersionLine';
import { slaStateOf, type CreditModel, type ExplanationModel, type SlaModel } from './sla-model';

type Target = Extract<SlaModel, { kind: 'target' }>;

function StatusLine({ model, zone }: { model: Target; zone: string }) {
  const { status } = model;
  if (status.state === 'running') {
    return (
      <dl className="sla-figures">
        <dt>Time left</dt>
        <dd className="sla-countdown" data-testid="sla-countdown">{formatCountdown(status.remainingMs)}</dd>
        <dt>Business time left</dt>
        <dd>{formatDuration(status.remainingBusinessMs)}</dd>
      </dl>
    );
  }
  if (status.state === 'met') {
    return (
      <p>
        First public reply at <InstantText iso={status.repliedAt} zone={zone} calendarZone={model.calendarZone} /> stopped the clock,{' '}
        {formatDuration(status.marginMs)} before the due instant.
      </p>
    );
  }
  return status.repliedAt === null ? (
    <p>
      Overdue by <strong className="sla-countdown">{formatCountdown(status.lateMs)}</strong>; no public reply yet.
    </p>
  ) : (
    <p>
      First public reply at <InstantText iso={status.repliedAt} zone={zone} calendarZone={model.calendarZone} /> stopped the clock,{' '}
      {formatDuration(status.lateMs)} late.
    </p>
  );
}

function Explanation({ explanation }: { explanation: ExplanationModel }) {
  if ('error' in explanation) return <p className="form-error">The engine could not explain this due instant: {explanation.error}</p>;
  const holidays = explanation.skipped.filter((s) => s.reason === 'holiday').length;
  const weekends = explanation.skipped.filter((s) => s.reason === 'weekend').length;
  return (
    <details className="sla-explanation" open data-testid="sla-explanation">
      <summary>
        How the due instant was reached: {explanation.counted.length} working interval{explanation.counted.length === 1 ? '' : 's'} counted,{' '}
        {weekends} weekend day{weekends === 1 ? '' : 's'} and {holidays} holiday{holidays === 1 ? '' : 's'} skipped, in {explanation.timeZone}
      </summary>
      <ul>
        {explanation.lines.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
    </details>
  );
}

function CreditLine({ credit, zone }: { credit: CreditModel; zone: string }) {
  switch (credit.kind) {
    case 'not-guaranteed':
      return null;
    case 'none':
      return <p className="credit">No credit: the guarantee has not been missed.</p>;
    case 'unknown':
      return <p className="credit muted">Credit cannot be computed: {credit.reason}</p>;
    case 'accruing':
      return (
        <p className="credit credit-accruing" data-testid="sla-credit" data-credit="accruing">
          Credit accruing: <strong>{formatCents(credit.cents)}</strong> so far ({formatDuration(credit.latenessMs)} late, out of the billing cycle{' '}
          {formatInZone(credit.dueCycle.start, zone)} – {formatInZone(credit.dueCycle.end, zone)}). Answered now, it is applied in the cycle starting{' '}
          {formatInZone(credit.appliesIfRepliedNow, zone)}.
        </p>
      );
    case 'owed':
      return (
        <p className="credit credit-owed" data-testid="sla-credit" data-credit="owed">
          Credit owed: <strong>{formatCents(credit.cents)}</strong> ({formatDuration(credit.latenessMs)} late), applied in the billing cycle starting{' '}
          {formatInZone(credit.appliesAt, zone)}
          {credit.recorded ? '.' : ' (the backend has not confirmed it yet).'}
        </p>
      );
  }
}

/** Due instant, state, time left, the engine's explanation, and the credit the ticket earns. */
export function SlaPanel({ model, zone, version }: { model: SlaModel; zone: string; version: PolicyVersionRow }) {
  if (model.kind === 'no-target') {
    return (
      <section className="ticket-panel sla-panel" aria-label="SLA" data-testid="sla-panel" data-sla-state="none">
        <h2>First response</h2>
        <p className="muted">{model.reason}</p>
        <PolicyVersionLine version={version} zone={zone} />
      </section>
    );
  }
  const state = slaStateOf(model.status);
  return (
    <section className={`ticket-panel sla-panel sla-${state}`} aria-label="SLA" data-testid="sla-panel" data-sla-state={state} data-due-at={model.dueAt}>
      <h2>
        First response <span className={`sla-badge sla-badge-${state}`}>{state}</span>
      </h2>
      <dl className="sla-figures">
        <dt>Due (your zone, {zone})</dt>
        <dd data-testid="sla-due-local">{formatInZone(model.dueAt, zone)}</dd>
        <dt>Due (calendar, {model.calendarZone})</dt>
        <dd data-testid="sla-due-calendar">{formatInZone(model.dueAt, model.calendarZone)}</dd>
      </dl>
      <StatusLine model={model} zone={zone} />
      {model.replyQueuedAt !== null && (
        <p className="notice" data-testid="sla-reply-queued">
          A public reply is waiting to be sent (queued {formatInZone(model.replyQueuedAt, zone)}): the clock stops when the backend receives it.
        </p>
      )}
      <PolicyVersionLine version={version} zone={zone} />
      <Explanation explanation={model.explanation} />
      <CreditLine credit={model.credit} zone={zone} />
    </section>
  );
}
