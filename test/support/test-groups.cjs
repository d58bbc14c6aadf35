const { existsSync, readdirSync } = require('node:fs');
const { join, sep } = require('node:path');

/**
 * The suite's small files, run in groups that share one module registry (what Vitest calls `isolate: false`).
 * Jest loads Nest, GraphQL and Fastify afresh for every test file, about two seconds of a core each time, more
 * than most of these files take to run; a group loads them once. Each file keeps its own service, stores and
 * hooks: its tests run inside its own describe blocks, as they do alone.
 *
 * `npm test` runs the groups (PSM_TEST_GROUPS=1); `npx jest <file>` runs any file alone, as before. Every
 * file under the folders below belongs to a group unless it is listed as standing alone: a new file is never
 * left out, it joins a group.
 */
const FOLDERS = { unit: ['test/unit'], e2e: ['test/e2e'], 'read-side': ['test/projections', 'test/application', 'test/contract'], acceptance: ['test/acceptance'] };
/** How many groups each folder's files are dealt into, round the alphabet: the two workers share them out. */
const PARTS = { unit: 2, e2e: 4, 'read-side': 2, acceptance: 3 };
/** Files that run alone: long enough that a shared load is nothing to them, or measuring time, the heap or a whole process. */
const STANDING_ALONE = new Set([
  'test/contract/embedded-read-store.spec.ts', // its hooks are the file's own, not a describe block's
  'test/e2e/authorization-matrix.e2e.spec.ts',
  'test/e2e/soak.e2e.spec.ts',
]);

const ROOT = join(__dirname, '../..');
const specsUnder = (folder) =>
  readdirSync(join(ROOT, folder), { recursive: true })
    .map((file) => join(folder, String(file)).split(sep).join('/'))
    .filter((file) => file.endsWith('.spec.ts'))
    .sort();

/** Group name (`e2e-1`…) → the files it runs, paths from the repository's root. */
function testGroups() {
  const groups = {};
  for (const [name, folders] of Object.entries(FOLDERS)) {
    const files = folders.flatMap(specsUnder).filter((file) => !STANDING_ALONE.has(file));
    for (let part = 1; part <= PARTS[name]; part++) groups[`${name}-${part}`] = files.filter((_, index) => index % PARTS[name] === part - 1);
  }
  return groups;
}

/** The files some group runs: a group without its file under test/groups/ runs nothing, so its files run alone. */
const grouped = () => Object.entries(testGroups()).filter(([name]) => existsSync(join(ROOT, 'test/groups', `${name}.spec.ts`))).flatMap(([, files]) => files);
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

module.exports = { testGroups, grouped, escape, ROOT };
