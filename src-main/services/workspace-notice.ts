import type { WorkspaceSwitch } from '@shared/ipc/cache-channels';

function actions(count: number): string {
  return count === 1 ? '1 unsent action' : `${count} unsent actions`;
}

/**
 * What the status bar says when the cache started afresh: that it did, and what became of the
 * unsent actions (held for their workspace, discarded, or brought back), with how many. Null when
 * the cache kept or merely adopted its workspace: there is nothing to tell.
 */
export function workspaceNotice(switched: WorkspaceSwitch): string | null {
  if (switched.outcome !== 'started-afresh') return null;
  const words = [
    switched.previous === null
      ? 'The cache held rows of a workspace it had not recorded (from an earlier version): it was started afresh for this one.'
      : 'Signed in to a different workspace: the cache was started afresh.',
  ];
  if (switched.held > 0) {
    words.push(`${actions(switched.held)} of the previous workspace ${switched.held === 1 ? 'is' : 'are'} held, not sent here; they go out when you sign in to it again.`);
  }
  if (switched.discarded > 0) words.push(`${actions(switched.discarded)} that could not be matched to a workspace ${switched.discarded === 1 ? 'was' : 'were'} discarded.`);
  if (switched.restored > 0) words.push(`${actions(switched.restored)} held for this workspace ${switched.restored === 1 ? 'is' : 'are'} being sent.`);
  return words.join(' ');
}
