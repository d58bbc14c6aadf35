const { relative, sep } = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;

/**
 * The files that take longest (seconds on a quiet 2-core machine), longest first. Jest runs the files it has
 * timed longest first, and the files it never timed (all of them on a clean clone, as in CI) by size, which puts
 * these few-line files late: a worker left alone with one of them at the end leaves the other core idle. A file
 * not listed here goes after them, in Jest's order; a new long file belongs here.
 */
const LONGEST = [
  'test/fuzz/graphql-edge.fuzz', // 45
  'test/model/procedure.enterprise-standard.model', // 39
  'test/model/procedure.equipment-maker.model', // 36
  'test/browser/project-walk.browser', // 35
  'test/browser/console-journeys.browser', // 30
  'test/e2e/soak.e2e', // 26
  'test/browser/history.browser', // 20
  'test/e2e/authorization-matrix.e2e', // 17
  'test/browser/reports.browser', // 15
  'test/browser/oidc-sign-in.browser', // 12
  'test/acceptance/one-upcaster-registry', // 10
  'test/e2e/subscription-limits.e2e', // 10
  'test/e2e/audit.e2e', // 9
  'test/acceptance/rebuild', // 8
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
