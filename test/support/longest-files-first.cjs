const { relative, sep } = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;

/**
 * The files that take longest (seconds on a quiet 2-core machine), longest first. Jest runs the files it has
 * timed longest first, and the files it never timed (all of them on a clean clone, as in CI) by size, which puts
 * these few-line files late: a worker left alone with one of them at the end leaves the other core idle. A file
 * not listed here goes after them, in Jest's order; a new long file belongs here.
 */
const LONGEST = [
  'test/browser/project-walk.browser', // 50
  'test/model/procedure.equipment-maker.model', // 49
  'test/groups/acceptance-2', // 46
  'test/groups/e2e-2', // 45
  'test/model/procedure.enterprise-standard.model', // 44
  'test/browser/console-journeys.browser', // 42
  'test/groups/read-side-1', // 40
  'test/groups/acceptance-1', // 39
  'test/groups/e2e-1', // 38
  'test/groups/e2e-4', // 37
  'test/groups/e2e-3', // 32
  'test/groups/acceptance-3', // 32
  'test/e2e/soak.e2e', // 30
  'test/e2e/authorization-matrix.e2e', // 29
  'test/fuzz/graphql-edge.fuzz', // 28
  'test/groups/unit-1', // 22
  'test/browser/history.browser', // 19
  'test/browser/reports.browser', // 15
  'test/browser/oidc-sign-in.browser', // 11
  'test/faults/damaged-read-model.e2e', // 10
  'test/e2e/subscription-limits.e2e', // 9
  'test/e2e/http-timeouts.e2e', // 9
  'test/groups/read-side-2', // 7
];

class LongestFilesFirst extends Sequencer {
  sort(tests) {
    const rank = (test) => {
      const path = relative(test.context.config.rootDir, test.path).split(sep).join('/');
      const index = LONGEST.findIndex((prefix) => path.startsWith(prefix));
      return test.duration == null && index >= 0 ? index : LONGEST.length;
    };
    const sorted = super.sort(tests);
    return [...sorted.filter((test) => rank(test) < LONGEST.length).sort((a, b) => rank(a) - rank(b)), ...sorted.filter((test) => rank(test) === LONGEST.length)];
  }
}

module.exports = LongestFilesFirst;
