import { describe, expect, it } from 'vitest';
import { jsonLineLogger } from '@shared/json-log';

describe('JSON-line logger', () => {
  it('writes one JSON object per line: time, level, message, then the details', () => {
    const lines: string[] = [];
    const log = jsonLineLogger((line) => lines.push(line), () => new Date('2026-03-02T09:00:00Z'));
    log.info('listening', { url: 'http://127.0.0.1:8080' });
    log.warn('slow');
    expect(lines).toEqual([
      '{"time":"2026-03-02T09:00:00.000Z","level":"info","msg":"listening","url":"http://127.0.0.1:8080"}\n',
      '{"time":"2026-03-02T09:00:00.000Z","level":"warn","msg":"slow"}\n',
    ]);
  });

  it('keeps the name, message and stack of an error among the details, on one line', () => {
    const lines: string[] = [];
    const error = new TypeError('bad\nthing');
    jsonLineLogger((line) => lines.push(line)).error('stopping failed', { error });
    expect(lines).toHaveLength(1);
    expect(lines[0]!.indexOf('\n')).toBe(lines[0]!.length - 1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'error', msg: 'stopping failed', error: { name: 'TypeError', message: 'bad\nthing', stack: error.stack } });
  });
});
