import { randomBytes } from 'node:crypto';
import { mutationSchema } from '@shared/contract';
import { createSupportCenter } from '../../src-backend/create-support-center';
import { openDatabase } from '../../src-backend/db/open-database';
import { rtWriteConnector } from './rt-writeback-harness';

/**
 * A backend process that applies one engineer action to a ticket linked to RT and prints the
 * result: tests kill it at a real moment (RT has acted, nothing is recorded yet here).
 * Argument: JSON { databaseUrl, rtUrl, token, engineerId, mutation }.
 */
const input = JSON.parse(process.argv[2] ?? '{}') as { databaseUrl: string; rtUrl: string; token: string; engineerId: string; mutation: unknown };
const db = await openDatabase({ databaseUrl: input.databaseUrl, poolSize: 2 });
const center = await createSupportCenter(db, { loginDetailKey: randomBytes(32), retentionIntervalMs: 0, connector: await rtWriteConnector(input.rtUrl, input.token) });
process.stdout.write('started\n');
const answer = await center.applyMutations({ role: 'engineer', engineerId: input.engineerId }, { mutations: [mutationSchema.parse(input.mutation)] });
process.stdout.write(`${JSON.stringify(answer)}\n`);
await center.close();
await db.close();
