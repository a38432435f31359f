import { useMemo } from 'react';
import { OPEN_TICKET_STATUSES, type PolicyVersionRow } from '@shared/contract';
import type { FreeTermUse } from '@shared/policy';
import type { CachedCredit, CachedLoginDetail, CachedMessage, OutboxEntry } from '../db/cache-rows';
import { versionOfTicket } from '../db/policy-versions';
import { useCredits, useTicketMessages } from '../db/queries';
import { usePriorFreeTermUses, useTicketOutbox, useTicketRecord, useVisibleLoginDetails, type TicketRecord } from '../db/ticket-queries';
import { useNow } from '../state/clock';
import { ConversationPanel } from './ConversationPanel';
import { eligibilityModel } from './eligibility-model';
import { EligibilityPanel } from './EligibilityPanel';
import { ticketFlags } from './flags-model';
import { LoginDetailsPanel } from './LoginDetailsPanel';
import { PolicyFlagsPanel } from './PolicyFlagsPanel';
import { ReplyComposer } from './ReplyComposer';
import { explainDue, slaModel } from './sla-model';
import { SlaPanel } from './SlaPanel';
import { SnoozePanel } from './SnoozePanel';
import { subscriptionModel } from './subscription-model';
import { SubscriptionPanel } from './SubscriptionPanel';
import { TicketHeader } from './TicketHeader';
import { useEngineerContext } from './use-engineer-context';
import { useTicketAction } from './use-ticket-actions';
import './ticket.css';

/** What the customer wrote: the subject and every public customer message (a cancel request may come later). */
function customerText(subject: string, messages: readonly CachedMessage[]): string {
  return [subject, ...messages.filter((m) => m.authorKind === 'customer' && m.public).map((m) => m.body)].join('\n');
}

/** The notifier's rule: an open ticket with a due instant and no public staff reply yet. */
function deadlineRuns(ticket: TicketRecord['ticket']): boolean {
  return OPEN_TICKET_STATUSES.includes(ticket.status) && ticket.dueAt !== null && ticket.firstStaffReplyAt === null && ticket.slaOutcome !== 'met';
}

function isWaiting(entry: OutboxEntry): boolean {
  return entry.status === 'pending' || entry.status === 'sending';
}

/** One ticket: history and composer, and every policy figure the engine derives for it, offline too. */
export function TicketView({ ticketId }: { ticketId: string }) {
  const record = useTicketRecord(ticketId);
  if (record === undefined) return <p className="ticket-loading">Loading ticket…</p>;
  if (record === null) {
    return (
      <p className="ticket-missing" role="alert">
        Ticket {ticketId} is not in the cache: it may not have synced yet, or its account was terminated.
      </p>
    );
  }
  return <LoadedTicket record={record} />;
}

const NO_MESSAGES: CachedMessage[] = [];
const NO_ENTRIES: OutboxEntry[] = [];
const NO_DETAILS: CachedLoginDetail[] = [];
const NO_CREDITS: CachedCredit[] = [];
const NO_USES: FreeTermUse[] = [];

function LoadedTicket({ record }: { record: TicketRecord }) {
  const { ticket, subscription, policy } = record;
  const now = useNow();
  const messages = useTicketMessages(ticket.id) ?? NO_MESSAGES;
  const outbox = useTicketOutbox(ticket.id) ?? NO_ENTRIES;
  const details = useVisibleLoginDetails(ticket.id, now) ?? NO_DETAILS;
  const accountCredits = useCredits(ticket.accountId) ?? NO_CREDITS;
  const priorUses = usePriorFreeTermUses(subscription) ?? NO_USES;
  if (policy === null) return <p className="ticket-missing">The workspace policy {ticket.policyId} of this ticket has not synced yet.</p>;
  const version = versionOfTicket(policy, ticket);
  if (version === undefined) return <p className="ticket-missing">Version {ticket.policyVersion} of the workspace policy {ticket.policyId} has not synced yet.</p>;
  return (
    <TicketPanels record={record} version={version} now={now} messages={messages} outbox={outbox} details={details} accountCredits={accountCredits} priorUses={priorUses} />
  );
}

interface PanelsProps {
  record: TicketRecord;
  /** The policy version the ticket runs under: its rules are the ones every panel applies. */
  version: PolicyVersionRow;
  now: number;
  messages: CachedMessage[];
  outbox: OutboxEntry[];
  details: CachedLoginDetail[];
  accountCredits: CachedCredit[];
  priorUses: FreeTermUse[];
}

/**
 * The figures that do not depend on the time are computed when the cached rows change, not on
 * every tick of the shared clock: only the countdown, the credit and the cycle follow `now`.
 */
function TicketPanels({ record, version, now, messages, outbox, details, accountCredits, priorUses }: PanelsProps) {
  const rules = version.policy;
  const { ticket, account, subscription, product } = record;
  const engineer = useEngineerContext();
  const act = useTicketAction(engineer.actor);
  const text = useMemo(() => customerText(ticket.subject, messages), [ticket.subject, messages]);
  const { createdAt, plan, urgent } = ticket;
  const explanation = useMemo(() => (plan === null ? undefined : explainDue(rules, { createdAt, plan, urgent })), [rules, createdAt, plan, urgent]);
  const flags = useMemo(
    () => (account === null ? null : ticketFlags({ policy: rules, ticket, account, subscription, customerText: text, priorFreeTermUses: priorUses })),
    [rules, ticket, account, subscription, text, priorUses],
  );
  const eligibility = useMemo(
    () => (rules.scope.checklistRequired ? eligibilityModel({ policy: rules, ticket, subscription, product, text }) : null),
    [rules, ticket, subscription, product, text],
  );
  const zone = engineer.zone;
  const calendarZone = rules.calendar.timeZone;
  const planName = plan === null ? null : (rules.plans.find((p) => p.id === plan)?.name ?? plan);
  const sla = slaModel({ policy: rules, ticket, subscription, credits: record.credits, now, explanation });
  return (
    <article className="ticket-view" data-testid="ticket-view" data-ticket-id={ticket.id}>
      <TicketHeader ticket={ticket} account={account} assignee={record.assignee} planName={planName} zone={zone} calendarZone={calendarZone} />
      <div className="ticket-columns">
        <div className="ticket-main">
          {flags !== null && <PolicyFlagsPanel ticketId={ticket.id} model={flags} zone={zone} />}
          <ConversationPanel messages={messages} outbox={outbox} zone={zone} calendarZone={calendarZone} />
          <ReplyComposer ticketId={ticket.id} firstReplyDone={ticket.firstStaffReplyAt !== null || ticket.localReplyAt !== undefined} act={act} />
        </div>
        <aside className="ticket-side">
          <SlaPanel model={sla} zone={zone} version={version} />
          <SnoozePanel ticketId={ticket.id} zone={zone} watched={deadlineRuns(ticket)} />
          {eligibility !== null && (
            <EligibilityPanel
              ticketId={ticket.id}
              model={eligibility}
              categories={rules.scope.categories}
              categoryId={ticket.categoryId}
              waiting={outbox.filter(isWaiting)}
              act={act}
            />
          )}
          <SubscriptionPanel model={subscription === null ? null : subscriptionModel(rules, subscription, accountCredits, now)} zone={zone} />
          <LoginDetailsPanel ticketId={ticket.id} details={details} zone={zone} now={now} offlineReason={engineer.offlineReason} act={act} />
        </aside>
      </div>
    </article>
  );
}
