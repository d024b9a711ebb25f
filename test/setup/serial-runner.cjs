// Jest runner of the end-to-end project: the default runner, marked serial. Jest runs each runner's
// tests in turn, so unit and integration specs run in parallel workers, then end-to-end suites one at
// a time in band: their in-process workers share the queues and the outbox of one throwaway database.
const path = require('node:path');

// jest-runner is Jest's own dependency: resolve it from Jest's installation, not from the project.
const jestCore = path.dirname(
  require.resolve('@jest/core', { paths: [path.dirname(require.resolve('jest'))] }),
);
const { default: TestRunner } = require(require.resolve('jest-runner', { paths: [jestCore] }));

class SerialRunner extends TestRunner {
  isSerial = true; // a field, as in the base class (a getter would be shadowed by its field)
}

module.exports = SerialRunner;
