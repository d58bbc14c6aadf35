import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedReadStore } from '../../src/read-store/embedded/embedded.read-store.js';
import { MongoReadStore } from '../../src/read-store/mongodb/mongo.read-store.js';
import { describeWhenConfigured } from '../support/real-servers.js';
import { readStoreContract } from './read-store.contract.js';

describe('EmbeddedReadStore', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'psm-read-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  readStoreContract(async () => new EmbeddedReadStore(join(dir, 'read.db')));
  describe('on large collections, held in memory while small', () => {
    readStoreContract(async () => new EmbeddedReadStore(join(dir, 'read.db')), { large: true });
  });
  describe('on large collections, kept in its file', () => {
    readStoreContract(async () => new EmbeddedReadStore(join(dir, 'read.db'), { largeInMemory: 0 }), { large: true });
  });
  describe('on large collections, each commit written before it returns (read back through the indexes)', () => {
    readStoreContract(async () => new EmbeddedReadStore(join(dir, 'read.db'), { writeBehindMs: 0, largeInMemory: 0 }), { large: true });
  });
});

describeWhenConfigured('MongoReadStore', 'MONGODB_URI', (uri) => {
  readStoreContract(() => MongoReadStore.connect(uri));
  describe('on large collections', () => readStoreContract(() => MongoReadStore.connect(uri), { large: true }));
});
