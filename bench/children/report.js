'use strict';
// How a measured process hands its figures to bench/run.js: one JSON object on fd 3, written as the process exits, with
// the peak resident set size of the whole process (the background compilation a fresh process finishes before
// exiting included). Nothing goes to stdout, which the runner never reads.
const { writeSync } = require('node:fs');

function reportOnExit(result) {
  process.once('exit', (code) => {
    if (code !== 0) return;
    writeSync(3, JSON.stringify({ ...result, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
  });
}

/** For a process that failed: the message on stderr (which the runner shows with secrets masked), exit 1. */
function fail(error) {
  process.stderr.write(`${error && error.stack ? error.stack : String(error)}\n`);
  process.exit(1);
}

module.exports = { reportOnExit, fail };
