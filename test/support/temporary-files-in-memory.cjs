const { accessSync, constants, statfsSync } = require('node:fs');

const RAM = '/dev/shm';
const TMPFS_MAGIC = 0x01021994;
/** The suite's stores and the test browser (Chromium unpacks about 200 MB) need room: a container's 64 MB /dev/shm is left alone. */
const ROOM = 2 * 1024 ** 3;

/**
 * Jest's global setup: the tests' temporary directories (event stores, read models, browser profiles) go to a RAM
 * file system where there is one, unless TMPDIR says where. Every append is committed with an fsync
 * (synchronous=FULL), on a disk a few milliseconds of waiting, thousands of times a test file; on tmpfs the same
 * code makes the same calls and waits for nothing. Killed processes (the crash tests) leave a RAM disk as they
 * leave a disk. The workers, started after this, inherit TMPDIR.
 */
module.exports = () => {
  if (process.env.TMPDIR) return;
  try {
    const fs = statfsSync(RAM);
    if (fs.type !== TMPFS_MAGIC || fs.bavail * fs.bsize < ROOM) return;
    accessSync(RAM, constants.W_OK);
  } catch {
    return;
  }
  process.env.TMPDIR = RAM;
};
