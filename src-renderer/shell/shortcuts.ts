/** Every keyboard shortcut, as the help dialog lists it. */
export const SHORTCUTS: ReadonlyArray<readonly [string, string]> = [
  ['j / ↓', 'Next ticket in the queue'],
  ['k / ↑', 'Previous ticket'],
  ['Enter', 'Open the selected ticket'],
  ['c', 'Claim the selected ticket'],
  ['r', 'Reply to the selected ticket'],
  ['s', 'Snooze the selected ticket’s deadline notifications for an hour; on a snoozed ticket, un-snooze'],
  ['/', 'Search the queue'],
  ['?', 'Show these shortcuts'],
  ['Esc', 'Close a dialog, leave a field, or go back to the queue'],
];
