import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** The worker's own code: CommonJS, given the driver's path, since an evaluated worker resolves nothing of ours. */
const CHECK = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
try { parentPort.postMessage(String(db.pragma('quick_check', { simple: true }))); } finally { db.close(); }
`;

/**
 * SQLite's `quick_check` of a database file on a worker thread, beside what the caller does meanwhile
 * (it reads every page: a second on a large file). Resolves to SQLite's verdict, `ok` when sound.
 */
export function quickCheckInWorker(file: string): Promise<string> {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  return new Promise((resolve, reject) => {
    const worker = new Worker(CHECK, { eval: true, workerData: { file, driver } });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`quick_check worker exited with ${code}`)));
  });
}
