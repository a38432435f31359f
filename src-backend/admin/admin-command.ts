/** What every admin command gets: its own arguments, the environment, and where to write. */
export interface AdminCommandContext {
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  out: (text: string) => void;
  err: (text: string) => void;
}

/** One verb of a group (`billing import`): returns the process exit code. */
export interface AdminCommand {
  usage: string;
  run(ctx: AdminCommandContext): Promise<number>;
}

/** A mistake on the command line: printed with the usage, exit code 2. */
export class AdminUsageError extends Error {}
