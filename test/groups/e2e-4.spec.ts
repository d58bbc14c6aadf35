import { runTestGroup } from '../support/run-test-group.js';

await runTestGroup('e2e-4');
