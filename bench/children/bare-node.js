'use strict';
// The baseline: a Node process that does nothing but report.
const { reportOnExit } = require('./report');

reportOnExit({});
