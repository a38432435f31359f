import { readFileSync, statSync } from 'node:fs';

/**
 * The token of `--token-file`: the file's content without surrounding whitespace. Like an SSH key,
 * the file must be this user's alone: one that other users may open is refused (on Windows, where
 * modes say nothing, the folder's ACLs are the protection). Errors say what to do about them.
 */
export function readTokenFile(path: string): string {
  let mode: number;
  let text: string;
  try {
    mode = statSync(path).mode;
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`--token-file ${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, { cause: error });
  }
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    const octal = (mode & 0o777).toString(8).padStart(4, '0');
    throw new Error(`--token-file ${path} is open to other users (mode ${octal}); make it yours alone with: chmod 600 ${path}`);
  }
  const token = text.trim();
  if (token === '') throw new Error(`--token-file ${path} is empty; put the engineer's API token in it`);
  return token;
}
