const { sep } = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;

/**
 * Jest runs the files it has timed longest first, and the files it never timed (all of them on a clean clone) by
 * size. The model tests are a few lines each and the longest files of the suite: untimed, they go first, so that
 * no worker is left with one of them at the end while the other idles.
 */
class ModelTestsFirst extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    const model = sorted.filter((test) => test.duration == null && test.path.includes(`${sep}test${sep}model${sep}`));
    return [...model, ...sorted.filter((test) => !model.includes(test))];
  }
}

module.exports = ModelTestsFirst;
