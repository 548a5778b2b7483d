'use strict';
// Runs tracker.js in a fake browser (cookie jar, location, Image, a little DOM, a fixed
// clock) and checks the hits and cookies it produces. Usage: node src/test/js/tracker.test.js
// The fake browser and the runner are in tracker-harness.js; the tests are in the suites below.
const { run } = require('./tracker-harness');

require('./tracker-queue.test.js');
require('./tracker-cookies.test.js');
require('./tracker-privacy.test.js');

process.exitCode = run();
