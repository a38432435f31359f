import type { EngineerChecklistItem } from '@shared/contract';
import type { ChecklistItem, EligibilityVerdict, ScopeCategory, ScopeSuggestion } from '@shared/policy';
import type { CacheResult } from '../db/cache-result';
import type { OutboxEntry } from '../db/cache-rows';
import type { MutationDraft } from '../db/outbox';
import type { EligibilityModel } from './eligibility-model';

type Act = (draft: MutationDraft) => Promise<CacheResult<OutboxEntry>>;

const ANSWERABLE: ReadonlySet<string> = new Set<EngineerChecklistItem>(['code-not-customized', 'data-not-modified', 'addons-purchased', 'not-from-forum']);

const STATUS_TEXT = { pass: 'Yes', fail: 'No', unanswered: 'To check', 'not-applicable': 'n/a' } as const;

interface Props {
  ticketId: string;
  model: EligibilityModel;
  categories: readonly ScopeCategory[];
  categoryId: string | null;
  /** Live outbox entries of this ticket: an answer on its way is marked as saving. */
  waiting: readonly OutboxEntry[];
  act: Act;
}

function AnswerButtons({ ticketId, item, act }: { ticketId: string; item: ChecklistItem; act: Act }) {
  const answer = (value: boolean | null) => () => void act({ kind: 'checklist-answer', ticketId, item: item.id as EngineerChecklistItem, value });
  return (
    <span className="answer-buttons" role="group" aria-label={`Answer: ${item.label}`}>
      <button type="button" aria-pressed={item.status === 'pass'} onClick={answer(true)}>
        Yes
      </button>
      <button type="button" aria-pressed={item.status === 'fail'} onClick={answer(false)}>
        No
      </button>
      {item.status !== 'unanswered' && (
        <button type="button" className="link-button" onClick={answer(null)}>
          Clear
        </button>
      )}
    </span>
  );
}

function Verdict({ verdict }: { verdict: EligibilityVerdict }) {
  if (verdict.kind === 'eligible') return <p className="verdict verdict-eligible" data-testid="eligibility-verdict" data-verdict="eligible">Eligible for support.</p>;
  if (verdict.kind === 'needs-engineer-check') {
    return (
      <div className="verdict verdict-check" data-testid="eligibility-verdict" data-verdict="needs-engineer-check">
        <p>Needs engineer check: {verdict.pending.map((p) => p.label).join('; ')}.</p>
      </div>
    );
  }
  return (
    <div className="verdict verdict-not-eligible" data-testid="eligibility-verdict" data-verdict="not-eligible">
      <p>Not eligible. Failed:</p>
      <ul>
        {verdict.failed.map((f) => (
          <li key={f.id} data-testid="failed-item">
            <q>{f.label}</q>: {f.reason}
          </li>
        ))}
      </ul>
    </div>
  );
}

function CategoryPicker({ ticketId, categories, categoryId, suggestions, act }: { ticketId: string; categories: readonly ScopeCategory[]; categoryId: string | null; suggestions: ScopeSuggestion[]; act: Act }) {
  const pick = (id: string | null) => void act({ kind: 'category', ticketId, categoryId: id });
  const group = (inScope: boolean) => categories.filter((c) => c.inScope === inScope);
  return (
    <div className="category-picker">
      <label>
        Request category{' '}
        <select aria-label="Request category" value={categoryId ?? ''} onChange={(e) => pick(e.target.value === '' ? null : e.target.value)}>
          <option value="">— not picked —</option>
          <optgroup label="In scope">
            {group(true).map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </optgroup>
          <optgroup label="Out of scope">
            {group(false).map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </optgroup>
        </select>
      </label>
      {suggestions.length > 0 && (
        <div className="suggestions" data-testid="scope-suggestions">
          <span className="muted">Suggested from the text:</span>
          {suggestions.map((s) => (
            <button key={s.categoryId} type="button" className={`suggestion ${s.inScope ? 'in-scope' : 'out-of-scope'}`} title={`Matched: ${s.matched.join(', ')}`} onClick={() => pick(s.categoryId)} data-testid="scope-suggestion" data-category={s.categoryId}>
              {s.label} ({s.inScope ? 'in scope' : 'out of scope'})
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

/** Preset B: every checklist item, auto-evaluated where data allows, the engineer's answers, the verdict. */
export function EligibilityPanel({ ticketId, model, categories, categoryId, waiting, act }: Props) {
  if (!model.ok) {
    return (
      <section className="ticket-panel eligibility-panel" aria-label="Eligibility">
        <h2>Eligibility checklist</h2>
        <p className="form-error">The checklist cannot be evaluated: {model.message}</p>
      </section>
    );
  }
  const saving = new Set(waiting.flatMap((e) => (e.mutation.kind === 'checklist-answer' ? [e.mutation.item as string] : e.mutation.kind === 'category' ? ['in-scope'] : [])));
  return (
    <section className="ticket-panel eligibility-panel" aria-label="Eligibility" data-testid="eligibility-panel">
      <h2>Eligibility checklist</h2>
      <Verdict verdict={model.result.verdict} />
      <ol className="checklist">
        {model.result.items.map((item) => (
          <li key={item.id} className={`checklist-item status-${item.status}`} data-testid="checklist-item" data-item={item.id} data-status={item.status} data-source={item.source}>
            <span className={`check-status check-${item.status}`}>{STATUS_TEXT[item.status]}</span>
            <span className="check-label">
              {item.label} <span className="muted">({item.source === 'auto' ? 'automatic' : 'engineer'})</span>
              {saving.has(item.id) && <span className="delivery-tag">Saving…</span>}
              <br />
              <span className="check-detail">{item.detail}</span>
            </span>
            {item.source === 'engineer' && ANSWERABLE.has(item.id) && <AnswerButtons ticketId={ticketId} item={item} act={act} />}
          </li>
        ))}
      </ol>
      <CategoryPicker ticketId={ticketId} categories={categories} categoryId={categoryId} suggestions={model.suggestions} act={act} />
    </section>
  );
}
