const marked = new Set<string>();

/**
 * A User Timing mark, the first time only: cold-start milestones of the queue, shown in the
 * browser's performance panel and read by the workspace-UI benchmark.
 */
export function markOnce(name: 'queue:data-read' | 'queue:rows-built' | 'queue:table-built'): void {
  if (marked.has(name)) return;
  marked.add(name);
  performance.mark(name);
}
