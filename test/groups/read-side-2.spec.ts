import { runTestGroup } from '../support/run-test-group.js';

await runTestGroup('read-side-2');
