import { runTestGroup } from '../support/run-test-group.js';

await runTestGroup('acceptance-2');
