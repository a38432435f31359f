import { create } from 'zustand';
import { NO_FILTERS, type QueueFilters } from '../queue/queue-filters';
import { DEFAULT_SORTING } from '../queue/queue-table-model';

export type QueueSorting = Array<{ id: string; desc: boolean }>;

interface QueueViewState {
  filters: QueueFilters;
  sorting: QueueSorting;
  /** The row the keyboard acts on. */
  selectedId: string | null;
  setFilter<K extends keyof QueueFilters>(key: K, value: QueueFilters[K]): void;
  clearFilters(): void;
  setSorting(sorting: QueueSorting): void;
  select(ticketId: string | null): void;
}

/** The queue's UI state, kept while the engineer visits other views. */
export const useQueueView = create<QueueViewState>((set) => ({
  filters: NO_FILTERS,
  sorting: DEFAULT_SORTING,
  selectedId: null,
  setFilter: (key, value) => set((state) => ({ filters: { ...state.filters, [key]: value } })),
  clearFilters: () => set({ filters: NO_FILTERS }),
  setSorting: (sorting) => set({ sorting }),
  select: (selectedId) => set({ selectedId }),
}));
