const { relative, sep } = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;

/**
 * The files that take longest (seconds in a clean-clone run of npm test, both cores busy), longest first. Jest runs the files it has
 * timed longest first, and the files it never timed (all of them on a clean clone, as in CI) by size, which puts
 * these few-line files late: a worker left alone with one of them at the end leaves the other core idle. A file
 * not listed here goes after them, in Jest's order; a new long file belongs here.
 */
const LONGEST = [
  'test/model/procedure.equipment-maker.model', // 72
  'test/model/procedure.enterprise-standard.model', // 72
  'test/e2e/authorization-matrix.e2e', // 60
  'test/fuzz/graphql-edge.fuzz', // 56
  'test/browser/project-walk.browser', // 55
  'test/groups/e2e-2', // 47
  'test/browser/console-journeys.browser', // 44
  'test/groups/acceptance-2', // 44
  'test/groups/acceptance-3', // 34
  'test/groups/e2e-3', // 32
  'test/groups/acceptance-1', // 32
  'test/browser/reports.browser', // 31
  'test/browser/history.browser', // 25
  'test/groups/e2e-1', // 24
  'test/groups/e2e-4', // 24
  'test/e2e/soak.e2e', // 19
  'test/groups/unit-2', // 17
  'test/groups/read-side-1', // 16
  'test/browser/oidc-sign-in.browser', // 14
  'test/faults/damaged-read-model.e2e', // 10
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
