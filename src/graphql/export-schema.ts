import { GraphQLSchemaHost } from '@nestjs/graphql';
import { printSchema } from 'graphql';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../bootstrap.js';
import { loadConfig } from '../config/app-config.js';

/** Writes the GraphQL SDL the code defines to schema.gql (run by `npm run build`; the file is committed). */
const dataDir = mkdtempSync(join(tmpdir(), 'psm-schema-'));
try {
  const app = await createApp(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }));
  await app.init();
  writeFileSync('schema.gql', printSchema(app.get(GraphQLSchemaHost).schema));
  await app.close();
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
