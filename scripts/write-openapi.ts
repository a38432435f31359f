import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { openApiDocument, openApiText } from '../src-backend/http/openapi-document';

/** `npm run openapi`: writes docs/openapi.json from the endpoint declarations (a test fails when it is stale). */
const path = fileURLToPath(new URL('../docs/openapi.json', import.meta.url));
await writeFile(path, openApiText(openApiDocument()));
process.stdout.write(`wrote ${path}\n`);
