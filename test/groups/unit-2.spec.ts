import { runTestGroup } from '../support/run-test-group.js';

await runTestGroup('unit-2');
