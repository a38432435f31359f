import type { ChangeEvent } from 'react';
import { useQueueView } from '../state/queue-view';
import { activeFilterCount, type QueueFilters } from './queue-filters';

type Option<T> = readonly [T, string];

const ASSIGNEE: ReadonlyArray<Option<QueueFilters['assignee']>> = [[null, 'Anyone'], ['mine', 'Mine'], ['unassigned', 'Unassigned']];
const PLAN: ReadonlyArray<Option<QueueFilters['plan']>> = [[null, 'Any plan'], ['silver', 'Silver'], ['gold', 'Gold'], ['platinum', 'Platinum'], ['none', 'No plan']];
const URGENT: ReadonlyArray<Option<QueueFilters['urgent']>> = [[null, 'Urgent or not'], [true, 'Urgent'], [false, 'Not urgent']];
const SLA: ReadonlyArray<Option<QueueFilters['sla']>> = [
  [null, 'Any SLA state'],
  ['breached', 'Breached'],
  ['approaching', 'Approaching'],
  ['running', 'Running'],
  ['met', 'Met'],
  ['none', 'No target'],
];
const ELIGIBILITY: ReadonlyArray<Option<QueueFilters['eligibility']>> = [
  [null, 'Any eligibility'],
  ['eligible', 'Eligible'],
  ['not-eligible', 'Not eligible'],
  ['needs-engineer-check', 'Needs check'],
  ['none', 'Not evaluated'],
];
const PRESET: ReadonlyArray<Option<QueueFilters['preset']>> = [[null, 'Any policy'], ['plan-sla', 'Plan-based SLA'], ['subscription-scope', 'Subscription-scoped']];

/** A select over typed options: the DOM value is the option's index, so no string parsing. */
function FilterSelect<K extends keyof QueueFilters>({ name, label, options, disabled }: { name: K; label: string; options: ReadonlyArray<Option<QueueFilters[K]>>; disabled: boolean }) {
  const value = useQueueView((s) => s.filters[name]);
  const setFilter = useQueueView((s) => s.setFilter);
  const index = Math.max(0, options.findIndex(([v]) => v === value));
  const onChange = (event: ChangeEvent<HTMLSelectElement>) => {
    const chosen = options[Number(event.target.value)];
    if (chosen !== undefined) setFilter(name, chosen[0]);
  };
  return (
    <label className="filter">
      <span className="visually-hidden">{label}</span>
      <select aria-label={label} data-filter={name} value={index} onChange={onChange} className={index === 0 ? '' : 'filter-active'} disabled={disabled}>
        {options.map(([, text], i) => (
          <option key={text} value={i}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

export function QueueFiltersBar({ shown, total, partial }: { shown: number; total: number; partial: boolean }) {
  const search = useQueueView((s) => s.filters.search);
  const filters = useQueueView((s) => s.filters);
  const setFilter = useQueueView((s) => s.setFilter);
  const clearFilters = useQueueView((s) => s.clearFilters);
  return (
    <div className="queue-filters" role="search">
      <input
        id="queue-search"
        type="search"
        placeholder="Search the queue  ( / )"
        aria-label="Search the queue"
        value={search}
        onChange={(e) => setFilter('search', e.target.value)}
        autoComplete="off"
        disabled={partial}
      />
      <FilterSelect name="assignee" label="Assignee" options={ASSIGNEE} disabled={partial} />
      <FilterSelect name="plan" label="Plan" options={PLAN} disabled={partial} />
      <FilterSelect name="urgent" label="Urgent" options={URGENT} disabled={partial} />
      <FilterSelect name="sla" label="SLA state" options={SLA} disabled={partial} />
      <FilterSelect name="eligibility" label="Eligibility" options={ELIGIBILITY} disabled={partial} />
      <FilterSelect name="preset" label="Policy preset" options={PRESET} disabled={partial} />
      {activeFilterCount(filters) > 0 && (
        <button type="button" className="link-button" onClick={clearFilters}>
          Clear filters
        </button>
      )}
      <span className="queue-count" data-testid="queue-count" aria-live="polite">
        {partial
          ? `Showing the ${shown.toLocaleString('en-US')} most pressing tickets; the rest of the queue is on its way…`
          : shown === total
            ? `${total.toLocaleString('en-US')} open tickets`
            : `${shown.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} open tickets`}
      </span>
    </div>
  );
}
