/**
 * Lower-case word tokens of a text: letters and digits only, accents dropped, so 'PHP.ini',
 * 'php ini' and 'php-ini' all read the same and punctuation never blocks a match.
 */
export function wordTokens(text: string): string[] {
  const folded = text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
  return folded.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** A plural ('backups', 'indexes') still matches its singular keyword. */
function tokenMatches(textToken: string, keywordToken: string): boolean {
  return textToken === keywordToken || textToken === `${keywordToken}s` || textToken === `${keywordToken}es`;
}

/** Whether `phrase` occurs as consecutive whole tokens of `tokens`. */
export function containsPhrase(tokens: readonly string[], phrase: readonly string[]): boolean {
  if (phrase.length === 0) return false;
  for (let i = 0; i + phrase.length <= tokens.length; i += 1) {
    if (phrase.every((word, j) => tokenMatches(tokens[i + j] as string, word))) return true;
  }
  return false;
}
