'use strict';

/**
 * The result column: `pass`, `FAIL`, or `near` when a target with a hard limit is missed but the limit holds. A smoke run
 * checks only that every scenario runs, so it judges nothing; a figure without a target is `info`.
 */
function verdict(options, { pass, near = false }) {
  if (pass === undefined) return 'info';
  if (options.smoke) return 'smoke';
  if (pass) return 'pass';
  return near ? 'near' : 'FAIL';
}

module.exports = { verdict };
