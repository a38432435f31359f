import { readFile, stat } from 'node:fs/promises';
import { fail, ok, type Result } from '@shared/ipc/result';

const tokenPattern = /^\d+-\d+-[0-9a-f]{32,}$/;

/**
 * RT's REST 2.0 auth token, from RT_TOKEN_FILE (a file only its owner may read) or RT_TOKEN.
 * Never from the command line, where every user of the machine can read it in the process list.
 */
export async function readRtToken(env: NodeJS.ProcessEnv = process.env): Promise<Result<string>> {
  const file = env.RT_TOKEN_FILE;
  let token: string;
  let source: string;
  if (file !== undefined && file !== '') {
    try {
      const info = await stat(file);
      if ((info.mode & 0o077) !== 0) return fail('bad-token', `RT_TOKEN_FILE ${file} may be read by others (mode ${(info.mode & 0o777).toString(8)}): chmod 600 it`);
      token = (await readFile(file, 'utf8')).trim();
    } catch (error) {
      return fail('bad-token', `RT_TOKEN_FILE ${file} cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
    source = `RT_TOKEN_FILE ${file}`;
  } else if (env.RT_TOKEN !== undefined && env.RT_TOKEN !== '') {
    token = env.RT_TOKEN.trim();
    source = 'RT_TOKEN';
  } else {
    return fail('bad-token', 'no RT auth token: set RT_TOKEN_FILE to a file holding it, or RT_TOKEN');
  }
  // The message names the source, never the value.
  if (!tokenPattern.test(token)) return fail('bad-token', `${source} does not hold an RT auth token (expected <version>-<id>-<hex>)`);
  return ok(token);
}
