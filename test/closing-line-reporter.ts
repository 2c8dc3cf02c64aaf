import type { Reporter, TestModule } from 'vitest/node';

/** Ends every run with a plain `N passed, N failed` line, so that CI reads the result correctly. */
export default class ClosingLineReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
      // A file that fails to load, or whose hooks fail (its tests then count as skipped), is a failure.
      const failedHere = [...module.children.allTests()].some((t) => t.result().state === 'failed');
      if (module.state() === 'failed' && !failedHere) failed++;
    }
    failed += unhandledErrors.length;
    process.stdout.write(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
  }
}
