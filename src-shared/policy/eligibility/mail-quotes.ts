/**
 * Mail clients append earlier messages under a reply: quoted lines (`> ...`), an attribution
 * ("On Mon, 2 Mar 2026, Ana <ana@vendor.test> wrote:", often wrapped over two lines), a forwarded or
 * original message with its header block. What those say was written before, often by someone
 * else (the vendor's own "you can cancel your plan on ..."), so only the new text above them counts.
 * Line by line, so that the time stays linear in the length of the text.
 */
const WROTE = /\bwrote:?$/u;
const SEPARATOR = /^(?:-{2,}\s*(?:forwarded message|original message)|begin forwarded message:?$)/u;

function startsEarlierMessage(line: string, next: string): boolean {
  if (line.startsWith('on ') && (WROTE.test(line) || (line.length < 300 && WROTE.test(next)))) return true;
  if (SEPARATOR.test(line)) return true;
  if (line.startsWith('from:') && /^(?:sent|date):/u.test(next)) return true;
  return /^_{8,}$/u.test(line) && next.startsWith('from:');
}

/** `text` without quoted lines, and without everything from the first earlier message on. */
export function withoutQuotedMail(text: string): string {
  const lines = text.split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const line = (lines[i] as string).trim().toLowerCase();
    if (startsEarlierMessage(line, (lines[i + 1] ?? '').trim().toLowerCase())) break;
    if (!line.startsWith('>')) kept.push(lines[i] as string);
  }
  return kept.join('\n');
}
